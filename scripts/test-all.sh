#!/usr/bin/env bash
# Runs every test: type check, lint, unit/integration (vitest), then browser journeys
# (Playwright in Debian's Chromium against the built app), then the browser journeys again with
# the machine's clock moved to a Monday and a Saturday (Debian's faketime), so a test that
# depends on the day of the week fails here rather than on some future day.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the suite needs: Chromium for the browser tests, faketime for the other days.
need=()
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || need+=(chromium)
command -v faketime >/dev/null || need+=(faketime)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${need[*]} with apt…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "Missing: ${need[*]}. Install with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    echo "(or point CHROMIUM_PATH at an existing Chromium binary)" >&2
    exit 1
  fi
fi

npm run typecheck
npm run lint
npx vitest run
npm run build
npx playwright test
bash scripts/test-days.sh 2026-12-07 2026-12-12
