/* lessonkit: quizzes, self-check, notes and progress, kept in this browser only.
   Progressive enhancement of the generated HTML: without this script every answer can still
   be revealed. Nothing is sent anywhere; everything lives under one localStorage key a course. */
(() => {
  "use strict";
  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];
  const h = (tag, props = {}, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) k in el ? (el[k] = v) : el.setAttribute(k, v);
    el.append(...kids);
    return el;
  };
  const button = (text, cls = "") => h("button", { type: "button", className: `md-button ${cls}` }, text);
  const now = () => new Date().toISOString();
  const day = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "medium" });
  };
  const num = (x) => x.toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  const text = (el) => { // an element's text without Material's "¶" permalink
    const c = el.cloneNode(true);
    $$(".headerlink", c).forEach((a) => a.remove());
    return c.textContent.trim();
  };

  // What the reader is told, in one place.
  const T = {
    bad: "Progress saved in this browser could not be read (it may come from another version of this site), so it is ignored. What you do from now on is saved as usual.",
    off: "This browser is not keeping data for this site (private browsing, or a page opened from a file), so progress lasts only while this tab is open.",
    notSaved: "Not saved: this browser is not keeping data for this site",
    erase: "Erase your visits, quiz scores, self-check results and notes from this browser? This cannot be undone. You may want to download a copy first.",
    loaded: "Your file was loaded. It replaced what was saved here before.",
    loadedOnly: "Your file was loaded for now, but this browser is not keeping data for this site.",
    suggest: "Here is what your answers suggest. This is a reflection aid, not a diagnosis.",
  };

  /* ---- storage: one versioned key a course; stored or imported data is never trusted ---- */
  const KEY = (course) => `lessonkit:${course}:v1`;
  const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
  const isStr = (x) => typeof x === "string";
  const isNum = (x) => typeof x === "number" && isFinite(x);
  const keep = (o, ok) => Object.fromEntries(Object.entries(isObj(o) ? o : {}).filter(([, v]) => ok(v)));
  const blank = (course) => ({ app: "lessonkit", v: 1, course, visits: {}, answers: {}, quizzes: {}, checks: [], notes: {} });
  const result = (r) => isObj(r) && isStr(r.id) && isStr(r.title) && isStr(r.band) && (r.mean === null || isNum(r.mean));
  function clean(d, course) {
    if (!isObj(d) || d.app !== "lessonkit" || d.v !== 1 || d.course !== course) return null;
    return {
      ...blank(course),
      visits: keep(d.visits, isStr),
      answers: keep(d.answers, (a) => isObj(a) && isStr(a.hash) && Array.isArray(a.chosen) && a.chosen.every(isStr)),
      quizzes: keep(d.quizzes, (q) => isObj(q) && isNum(q.best) && isNum(q.total)),
      checks: (Array.isArray(d.checks) ? d.checks : [])
        .filter((c) => isObj(c) && isStr(c.date) && Array.isArray(c.results) && c.results.every(result)),
      notes: keep(d.notes, (n) => isObj(n) && isStr(n.text) && isStr(n.prompt) && isStr(n.lesson)),
    };
  }
  const memory = {}; // stands in for localStorage when the browser keeps nothing (private mode, file://)
  function load(course) {
    let raw;
    try {
      raw = localStorage.getItem(KEY(course));
    } catch {
      return { data: memory[course] || blank(course), off: true };
    }
    if (raw === null) return { data: blank(course) };
    try {
      const data = clean(JSON.parse(raw), course);
      if (data) return { data };
    } catch {}
    return { data: blank(course), bad: true };
  }
  function store(course, data) {
    memory[course] = data;
    try {
      localStorage.setItem(KEY(course), JSON.stringify(data));
      return true;
    } catch {
      return false;
    }
  }

  /* ---- one page ---- */
  function init() {
    const care = $("[data-lk-course]");
    const root = care && (care.closest("article") || document.body);
    if (!root || root.dataset.lkReady) return; // instant navigation may call twice
    root.dataset.lkReady = "1";
    const course = care.dataset.lkCourse;
    const first = load(course);
    const live = h("div", { className: "lk-sr", "aria-live": "polite" });
    root.append(live);
    const P = {
      course, root, data: first.data, off: !!first.off,
      // Re-read before each change, so another open tab's progress is not overwritten.
      change(fn) {
        const cur = load(course);
        if (!cur.bad) P.data = cur.data;
        fn(P.data);
        return store(course, P.data);
      },
      say(msg) {
        live.textContent = "";
        setTimeout(() => (live.textContent = msg), 60);
      },
      notice(msg) {
        const box = h("div", { className: "lk-notice", role: "status" }, h("p", {}, msg));
        const h1 = $("h1", root);
        h1 ? h1.after(box) : root.prepend(box);
      },
    };
    if (first.bad) P.notice(T.bad);
    const visit = $("[data-lk-visit][data-lk-lesson]", root);
    if (visit && !P.data.visits[visit.dataset.lkLesson]) P.change((d) => (d.visits[visit.dataset.lkLesson] = now()));
    $$("form[data-lk-quiz]", root).forEach((f) => quiz(f, P));
    $$("form[data-lk-selfcheck]", root).forEach((f) => selfCheck(f, P));
    $$("[data-lk-note]", root).forEach((n) => note(n, P));
    const prog = $("[data-lk-progress]", root);
    if (prog) progress(prog, P);
    else markLessons(P);
  }

  /* ---- lesson lists: visited lessons and best scores, in words ---- */
  function markLessons(P) {
    $$(".lk-tag", P.root).forEach((t) => t.remove());
    for (const li of $$("[data-lk-lessons] li", P.root)) {
      const tags = [];
      if (P.data.visits[li.dataset.lkLesson]) tags.push(h("span", { className: "lk-tag lk-visited" }, "Visited"));
      const best = P.data.quizzes[li.dataset.lkQuiz];
      if (best) tags.push(h("span", { className: "lk-tag lk-best" }, `Best quiz score: ${best.best} of ${best.total}`));
      const a = $("a", li);
      if (tags.length && a) a.after(...tags.flatMap((t) => [" ", t]));
    }
  }

  /* ---- knowledge checks ---- */
  function quiz(form, P) {
    const id = form.dataset.lkQuiz;
    const score = h("p", { className: "lk-score" });
    const again = button("Start the quiz again");
    form.addEventListener("submit", (e) => e.preventDefault());
    const qs = [];
    const update = (said) => {
      const done = qs.filter((q) => q.state() !== null);
      const right = done.filter((q) => q.state()).length;
      const total = qs.length;
      let msg = done.length ? `Score: ${right} of ${total} right.` : "Check each question to see your score.";
      if (done.length && done.length < total) msg += ` ${total - done.length} still to check.`;
      const best = P.data.quizzes[id];
      if (right && (!best || right > best.best || best.total !== total)) {
        P.change((d) => (d.quizzes[id] = { best: right, total, date: now() }));
      } else if (best && best.best > right) msg += ` Your best so far: ${best.best} of ${best.total}.`;
      score.textContent = msg;
      again.hidden = !done.length;
      if (said) P.say(`${said} ${msg}`);
    };
    $$("[data-lk-question]", form).forEach((fs, i) => qs.push(question(fs, i + 1, id, P, update)));
    again.addEventListener("click", () => {
      qs.forEach((q) => q.reset());
      update("All answers cleared.");
      $("input", form).focus();
    });
    form.append(h("div", { className: "lk-summary" }, score, again));
    update();
  }

  function question(fs, n, quizId, P, update) {
    const key = `${quizId}/${fs.dataset.lkQuestion}`;
    const hash = fs.dataset.lkHash;
    const box = $(".lk-options", fs);
    const opts = $$(".lk-option", box);
    if (fs.hasAttribute("data-lk-shuffle")) {
      for (let i = opts.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [opts[i], opts[j]] = [opts[j], opts[i]];
      }
      box.append(...opts);
    }
    const inputs = opts.map((o) => $("input", o));
    const keyed = Object.fromEntries($$(".lk-feedback li", fs).map((li) => [li.dataset.lkOption, li]));
    const right = Object.keys(keyed).filter((k) => keyed[k].dataset.lkCorrect === "true");
    const check = button("Check", "md-button--primary lk-check");
    const retry = button("Try again", "lk-retry");
    const out = h("div", { className: "lk-result" });
    box.after(h("div", { className: "lk-actions" }, check, retry), out);
    let state = null; // null: not checked; true or false: checked, right or not

    const clear = () => {
      state = null;
      out.replaceChildren();
      retry.hidden = true;
      $$(".lk-fb", fs).forEach((e) => e.remove());
      opts.forEach((o) => delete o.dataset.lkState);
    };
    const mark = (chosen) => {
      clear();
      const hits = chosen.filter((c) => right.includes(c)).length;
      state = hits === right.length && hits === chosen.length;
      for (const o of opts) {
        const li = keyed[o.dataset.lkOption];
        if (!chosen.includes(o.dataset.lkOption) || !li) continue;
        const ok = li.dataset.lkCorrect === "true";
        const why = $(".lk-why", li);
        o.dataset.lkState = ok ? "right" : "wrong";
        const label = h("strong", {}, ok ? "Right:" : "Not right:");
        o.append(h("p", { className: "lk-fb" }, label, " ", ...(why ? [why.cloneNode(true)] : [])));
      }
      let verdict = state ? "Right." : "Not quite.";
      if (!state && right.length > 1) {
        const wrong = chosen.length - hits;
        const extra = wrong ? ` and ${wrong} that ${wrong > 1 ? "are" : "is"} not right` : "";
        verdict += ` You chose ${hits} of the ${right.length} right answers${extra}.`;
      }
      const expl = $(".lk-explanation", fs);
      out.append(h("p", { className: "lk-verdict", "data-lk-ok": state }, verdict), ...(expl ? [expl.cloneNode(true)] : []));
      retry.hidden = false;
      return `Question ${n}: ${verdict}`;
    };

    check.addEventListener("click", () => {
      const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
      if (!chosen.length) {
        clear();
        out.append(h("p", { className: "lk-verdict" }, "Choose an answer first."));
        return P.say(`Question ${n}: choose an answer first.`);
      }
      const said = mark(chosen);
      P.change((d) => (d.answers[key] = { hash, chosen }));
      update(said);
    });
    const reset = () => {
      inputs.forEach((i) => (i.checked = false));
      clear();
      if (P.data.answers[key]) P.change((d) => delete d.answers[key]);
    };
    retry.addEventListener("click", () => {
      reset();
      update(`Question ${n} cleared.`);
      inputs[0].focus();
    });
    fs.addEventListener("change", () => { // a new choice makes the old feedback stale
      if (state === null) return;
      clear();
      P.change((d) => delete d.answers[key]);
      update();
    });

    const saved = P.data.answers[key];
    if (saved && saved.hash !== hash) P.change((d) => delete d.answers[key]); // the question was edited
    else if (saved) {
      const chosen = saved.chosen.filter((c) => keyed[c]);
      inputs.forEach((i) => (i.checked = chosen.includes(i.value)));
      if (chosen.length) mark(chosen);
    }
    if (state === null) retry.hidden = true;
    return { state: () => state, reset };
  }

  /* ---- self-check: subscale means and bands, never right or wrong ---- */
  function selfCheck(form, P) {
    const results = $("[data-lk-results]", P.root);
    let conf;
    try {
      conf = JSON.parse($("[data-lk-bands]", P.root).textContent);
    } catch {
      return;
    }
    if (!results || !conf || !Array.isArray(conf.bands)) return;
    const { points, bands } = conf;
    const band = (m) => bands.find((b, i) => m >= b.from && (m < b.to || (i === bands.length - 1 && m <= b.to)));
    const intro = h("p", { className: "lk-results-intro", tabIndex: -1 });
    const save = button("Save this result on this device");
    const saved = h("p", { className: "lk-saved", role: "status" });
    const submit = h("button", { type: "submit", className: "md-button md-button--primary" }, "See my results");
    const hint = h("p", { className: "lk-hint" }, "You can leave any statement blank and stop at any time.");
    form.append(h("div", { className: "lk-actions" }, submit, hint));
    results.prepend(intro);
    $(".lk-save-note", results)?.before(h("div", { className: "lk-actions" }, save), saved);
    let last = null;

    const score = () => {
      const subs = {};
      for (const fs of $$("[data-lk-item]", form)) {
        const s = (subs[fs.dataset.lkSubscale] ||= { sum: 0, n: 0, of: 0 });
        const c = $("input:checked", fs);
        s.of++;
        if (!c) continue;
        s.sum += fs.hasAttribute("data-lk-reverse") ? points + 1 - +c.value : +c.value;
        s.n++;
      }
      return $$("[data-lk-subscale-result]", results).map((sec) => {
        const id = sec.dataset.lkSubscaleResult;
        const s = subs[id] || { n: 0, of: 0 };
        const mean = s.n ? s.sum / s.n : null;
        const b = mean === null ? null : band(mean);
        const out = $("[data-lk-band]", sec);
        out.replaceChildren();
        if (mean === null) out.append("Not scored: the statements in this group were left blank.");
        else {
          out.append(h("strong", {}, `${b ? b.label : "No band"}.`), ` ${b ? b.text : ""} (Average ${num(mean)}`,
            s.n < s.of ? `, from ${s.n} of ${s.of} statements; the others were left blank.)` : ".)");
        }
        return { id, title: text($("[role=heading]", sec) || sec), band: b ? b.label : "", mean, answered: s.n, of: s.of };
      });
    };
    const show = (focus) => {
      last = score();
      const any = last.some((r) => r.mean !== null);
      const part = last.filter((r) => r.answered < r.of).map((r) => r.title);
      intro.textContent = any
        ? T.suggest + (part.length ? ` Not every statement was answered in: ${part.join(", ")}.` : "")
        : "Answer at least one statement to see a result. You can leave any of them blank.";
      results.hidden = false;
      save.hidden = !any;
      saved.textContent = "";
      if (focus) {
        intro.focus();
        P.say(intro.textContent);
      }
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      show(true);
    });
    form.addEventListener("change", () => last && show(false));
    save.addEventListener("click", () => {
      const ok = P.change((d) => d.checks.push({ date: now(), results: last }));
      saved.textContent = ok ? `Saved on this device, dated ${day(now())}.` : `${T.notSaved}.`;
      save.hidden = ok;
    });
  }

  /* ---- reflection notes: autosaved on this device ---- */
  function note(box, P) {
    const area = $("textarea", box);
    if (!area) return;
    const key = box.dataset.lkNote;
    const status = h("p", { className: "lk-saved", role: "status" });
    area.after(status);
    if (P.data.notes[key]) area.value = P.data.notes[key].text;
    area.addEventListener("input", () => {
      const t = area.value;
      const ok = P.change((d) => {
        if (!t.trim()) return delete d.notes[key];
        d.notes[key] = { text: t, prompt: text($("p", box) || box), lesson: text($("h1", P.root) || box), date: now() };
      });
      const msg = ok ? "Saved on this device" : T.notSaved;
      if (status.textContent !== msg) status.textContent = msg;
    });
  }

  /* ---- progress page: history, notes, export, import, erase ---- */
  function progress(el, P) {
    const hist = $("[data-lk-history]", el);
    const notes = $("[data-lk-notes]", el);
    const empty = [hist, notes].map((x) => x && [...x.childNodes]);
    const msg = h("p", { className: "lk-msg", role: "status" });
    if (P.off) P.notice(T.off);
    const line = (r) => { // one subscale of a saved self-check result
      if (r.mean === null) return `${r.title}: not answered`;
      const part = r.answered < r.of ? `, ${r.answered} of ${r.of} statements` : "";
      return `${r.title}: ${r.band || "no band"} (average ${num(r.mean)}${part})`;
    };

    const render = () => {
      markLessons(P);
      const d = P.data;
      if (hist) {
        hist.replaceChildren(...(d.checks.length ? [h("ol", { className: "lk-history", reversed: true },
          ...d.checks.slice().reverse().map((c) => h("li", {}, h("strong", {}, day(c.date)), h("ul", {},
            ...c.results.map((r) => h("li", {}, line(r))))))),
        h("p", {}, "Take the self-check again at any time to compare: ", $("a", hist)?.cloneNode(true) || "")] : empty[0]));
      }
      if (notes) {
        const order = $$("[data-lk-lessons] li[data-lk-lesson]", el).map((li) => li.dataset.lkLesson);
        const rank = (k) => (order.indexOf(k.split("/")[0]) + 1) || 1e9;
        const keys = Object.keys(d.notes).sort((a, b) => rank(a) - rank(b));
        const list = [];
        let lesson = null;
        for (const k of keys) {
          const nt = d.notes[k];
          const id = k.split("/")[0];
          if (id !== lesson) {
            const link = $(`li[data-lk-lesson="${CSS.escape(id)}"] a`, el);
            list.push(h("h3", {}, link ? h("a", { href: link.href }, link.textContent) : nt.lesson || id));
            lesson = id;
          }
          const quote = h("blockquote", {}, h("p", {}, nt.text));
          list.push(h("figure", { className: "lk-note-saved" }, h("figcaption", {}, nt.prompt || "Note"), quote));
        }
        notes.replaceChildren(...(list.length ? list : empty[1]));
      }
    };

    const download = button("Download my data", "md-button--primary");
    download.addEventListener("click", () => {
      const blob = new Blob([JSON.stringify({ ...P.data, exported: now() }, null, 2)], { type: "application/json" });
      const a = h("a", { href: URL.createObjectURL(blob), download: `${P.course}-progress-${now().slice(0, 10)}.json` });
      a.click(); // never attached, so instant navigation does not see it
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      msg.textContent = "Your data was downloaded as a file.";
    });

    const file = h("input", { type: "file", id: "lk-import", accept: ".json,application/json" });
    file.addEventListener("change", async () => {
      const f = file.files[0];
      file.value = "";
      if (!f) return;
      let d = null;
      try {
        if (f.size < 5e6) d = JSON.parse(await f.text());
      } catch {}
      const data = clean(d, P.course);
      if (!data) {
        msg.textContent = isObj(d) && d.app === "lessonkit" && d.course !== P.course
          ? "This file belongs to another course, so nothing was loaded."
          : "This file is not a progress file from this course, so nothing was loaded.";
        return;
      }
      P.data = data;
      msg.textContent = store(P.course, data) ? T.loaded : T.loadedOnly;
      render();
    });

    const erase = button("Erase everything");
    const yes = button("Yes, erase everything", "md-button--primary");
    const no = button("Keep my data");
    const ask = h("p", { tabIndex: -1 }, T.erase);
    const confirm = h("div", { className: "lk-confirm", hidden: true }, ask, h("div", { className: "lk-actions" }, yes, no));
    erase.addEventListener("click", () => {
      confirm.hidden = false;
      ask.focus();
    });
    no.addEventListener("click", () => {
      confirm.hidden = true;
      erase.focus();
    });
    yes.addEventListener("click", () => {
      try {
        localStorage.removeItem(KEY(P.course));
      } catch {}
      delete memory[P.course];
      P.data = blank(P.course);
      confirm.hidden = true;
      render();
      msg.textContent = "Everything was erased from this browser.";
      erase.focus();
    });

    $("[data-lk-data]", el)?.append(
      h("div", { className: "lk-actions" }, download, erase), confirm,
      h("p", { className: "lk-import" },
        h("label", { htmlFor: "lk-import" }, "Load a file you saved before (it replaces what is here now):"), " ", file),
      msg,
    );
    render();
  }

  // Material's instant navigation announces every new page on document$. Plain loads run
  // too, in case the stream ends without a page (Material 9.8 over file://); init runs once.
  if (window.document$) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
