#!/usr/bin/env bash
# Runs every test: type check, lint, unit/integration (vitest), then browser journeys
# (Playwright in Debian's Chromium against the built app).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium not found at $CHROMIUM; installing Debian's chromium with apt…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  else
    echo "Chromium is missing. Install it with: sudo apt-get install -y --no-install-recommends chromium" >&2
    echo "(or point CHROMIUM_PATH at an existing Chromium binary)" >&2
    exit 1
  fi
fi

npm run typecheck
npm run lint
npx vitest run
npm run build
npx playwright test
