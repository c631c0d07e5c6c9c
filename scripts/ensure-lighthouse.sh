#!/usr/bin/env bash
# `make bench` runs Lighthouse (npm) on the built site, as a phone sees it. It is installed
# once into .cache/ with the machine's Node.js. Lighthouse 12 runs on Node 18.16 and later
# (13 needs Node 22.19); the major version is pinned so that scores stay comparable between
# runs. Without Node.js, or when the install fails, this says so and exits 1: the benchmark
# then leaves out its Lighthouse table.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/lighthouse
version="lighthouse@^12.8"
if [ -x "$dest/node_modules/.bin/lighthouse" ]; then
  exit 0
fi
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "Lighthouse needs Node.js and npm (18.16 or later); the benchmark runs without it." >&2
  exit 1
fi
mkdir -p "$dest"
if ! npm install --silent --no-audit --no-fund --prefix "$dest" "$version" >/dev/null; then
  echo "Could not install $version from npm; the benchmark runs without Lighthouse." >&2
  exit 1
fi
