#!/usr/bin/env bash
# Sets up a fresh Debian machine for development and builds the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm ci
npm run build
echo
echo "Built: .output/chrome-mv3 (Chrome, Edge) and .output/firefox-mv3 (Firefox)."
echo "Load it: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3"
