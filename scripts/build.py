#!/usr/bin/env python3
"""The build script: `check` (validate only), `build` (the default) or `serve`.

python scripts/build.py check
python scripts/build.py [build] [--engine mkdocs|zensical]
python scripts/build.py serve
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lessonkit.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main([*sys.argv[1:], "--root", str(ROOT)]))
