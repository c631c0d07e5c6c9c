"""`lessonkit serve` in a child process, on a free port, answered before a test goes on."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def start_preview(root: Path) -> tuple[subprocess.Popen[bytes], str, int]:
    """The running server, its address and its port (the caller stops it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "lessonkit.cli", "serve", "--root", str(root), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return server, url, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError("lessonkit serve never answered")
