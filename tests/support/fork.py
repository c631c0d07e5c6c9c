"""tests/course run in a fork: a copy of the whole project whose content/ is another course,
tested by its own pytest in a process of its own, as the fork's `make test` would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.project import make_fork

# Settings of this run that must not reach the fork's: it tests its own content/.
UNSHARED = ("LESSONKIT_COURSE", "PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST")


class ForkRun:
    """Started when made; `wait` for its exit status, then read `report` (JUnit XML)."""

    def __init__(self, scratch: Path, content: Path) -> None:
        self.fork = make_fork(scratch / "fork", content)
        self.report = scratch / "report.xml"
        self.log = scratch / "output.txt"
        env = {k: v for k, v in os.environ.items() if k not in UNSHARED}
        command = [sys.executable, "-m", "pytest", "tests/course", "-p", "no:cacheprovider"]
        with self.log.open("w", encoding="utf-8") as out:
            self.proc = subprocess.Popen(
                [*command, "-q", f"--junitxml={self.report}"],
                cwd=self.fork,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait(self, timeout: float = 900) -> int:
        return self.proc.wait(timeout)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """End a run still going (the session was cut short): as Ctrl+C would, so that its
        pytest closes its browser and servers, and by force if it does not."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
