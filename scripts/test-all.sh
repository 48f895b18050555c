#!/usr/bin/env bash
# Runs every test: type check, lint, unit/integration (vitest), then browser journeys
# (Playwright in Debian's Chromium against the built app), then the unit tests and browser
# journeys again with the machine's clock moved to a Monday and a Saturday (Debian's faketime),
# so a test that depends on the day of the week fails here rather than on some future day.
# Every step runs even when an earlier one failed (but the build, which the journeys need), so one
# red step never hides whether the others pass; the summary at the end says which failed, and the
# script fails if any did.
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the suite needs: Chromium's headless shell for the browser tests (what
# Playwright runs headless; the full browser is the fallback), and faketime for the other days.
need=()
if [ -z "${CHROMIUM_PATH:-}" ]; then
  [ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
elif [ ! -x "$CHROMIUM_PATH" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
command -v faketime >/dev/null || need+=(faketime)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${need[*]} with apt…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" || exit 1
  else
    echo "Missing: ${need[*]}. Install with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    echo "(or point CHROMIUM_PATH at an existing Chromium binary)" >&2
    exit 1
  fi
fi

failed=()
timings=()
step() {
  local name="$1"
  shift
  echo "== $name"
  local start=$SECONDS
  if "$@"; then timings+=("$name: $((SECONDS - start)) s"); else
    failed+=("$name")
    timings+=("$name: $((SECONDS - start)) s, FAILED")
  fi
}

step "type check" npm run typecheck
step "lint" npm run lint
step "unit and integration tests" npx vitest run
step "build" npm run build
if [[ " ${failed[*]} " == *" build "* ]]; then
  echo "The build failed, so the browser journeys can't run." >&2
else
  step "browser journeys" npx playwright test
  step "as if it were Monday and Saturday" bash scripts/test-days.sh 2026-12-07 2026-12-12
fi

echo
echo "== Summary"
printf '   %s\n' "${timings[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "All passed."
