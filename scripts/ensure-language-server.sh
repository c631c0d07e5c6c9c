#!/usr/bin/env bash
# The editor test drives yaml-language-server (npm) over stdio, as VS Code's YAML extension
# does. It is installed once into .cache/ with the machine's Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/yaml-language-server
if [ -x "$dest/node_modules/.bin/yaml-language-server" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing Node.js for the editor test..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
mkdir -p "$dest"
npm install --silent --no-audit --no-fund --prefix "$dest" yaml-language-server@1 >/dev/null
