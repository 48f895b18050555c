#!/usr/bin/env bash
# Runs the unit tests and the browser journeys as if today were each given date (default: seven
# consecutive days), to prove the suite doesn't depend on the day of the week. Unit tests move
# their frozen clock (LOOPWISE_TEST_NOW); the browser run moves the whole machine's clock for the
# server, the seed and Chromium with Debian's faketime. Expects a built app (npm run build). Every
# day runs even when an earlier one failed; it fails at the end, naming the days that did.
#   bash scripts/test-days.sh                       # 2026-12-07 … 2026-12-13
#   bash scripts/test-days.sh 2026-12-07 2026-12-12 # a Monday and a Saturday (what npm test runs)
set -uo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 1; }
days=("$@")
[ ${#days[@]} -gt 0 ] || days=(2026-12-07 2026-12-08 2026-12-09 2026-12-10 2026-12-11 2026-12-12 2026-12-13)
failed=()
for day in "${days[@]}"; do
  echo "== As if it were $(date -d "$day" '+%A %d %B %Y'), 08:00 UTC"
  LOOPWISE_TEST_NOW="${day}T08:00:00Z" npx vitest run --reporter=dot || failed+=("$day (unit)")
  faketime "$day 08:00:00" npx playwright test --reporter=dot || failed+=("$day (browser)")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed on: ${failed[*]}" >&2
  exit 1
fi
