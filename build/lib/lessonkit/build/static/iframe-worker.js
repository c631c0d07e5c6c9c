/* lessonkit offline copy: browsers refuse to start a Web Worker from a file:// page, and
   the theme's search runs in one. This stand-in runs the worker script in a hidden iframe
   of the same page and relays messages both ways, so search works from the file system. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.pending = [];
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.tabIndex = -1;
      document.body.appendChild(this.frame);
      const inner = this.frame.contentWindow;
      // Inside the frame, self.postMessage(data) answers the page, as in a worker.
      inner.postMessage = (data) => this.emit("message", data);
      inner.importScripts = () => {
        throw new Error("importScripts is not available in the offline copy");
      };
      const script = inner.document.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = () => {
        this.ready = true;
        this.pending.splice(0).forEach((data) => this.postMessage(data));
      };
      script.onerror = () => this.emit("error", new Error("cannot load " + url));
      inner.document.head.appendChild(script);
    }

    emit(type, data) {
      const event = type === "message" ? new MessageEvent(type, { data }) : new ErrorEvent(type, { error: data });
      this.dispatchEvent(event);
      const handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      if (!this.ready) {
        this.pending.push(data);
        return;
      }
      const inner = this.frame.contentWindow;
      inner.dispatchEvent(new inner.MessageEvent("message", { data }));
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;
})();
