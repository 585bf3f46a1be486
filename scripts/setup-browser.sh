#!/usr/bin/env bash
# Install the browser the browser tests need: Debian's Chromium (the playwright package that
# drives it comes with the `browser` extra, scripts/setup.sh). A no-op when it is there. Without apt (or root/sudo), Chromium is left out with a
# warning and the browser tests skip; with AIRWAR_REQUIRE_BROWSER=1 (set by CI) that is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${AIRWAR_CHROMIUM:-/usr/bin/chromium}
required=${AIRWAR_REQUIRE_BROWSER:-0}

missing() {
  echo "setup-browser: $1; the browser tests will skip" >&2
  if [ "$required" = 1 ]; then
    echo "setup-browser: AIRWAR_REQUIRE_BROWSER=1, so this is an error" >&2
    exit 1
  fi
}

if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    sudo=(none)
  fi
  if ! command -v apt-get >/dev/null; then
    missing "no $chromium and no apt-get to install it"
  elif [ "${sudo[0]:-}" = none ]; then
    missing "no $chromium, and installing it needs root or password-less sudo"
  else
    echo "setup-browser: installing Debian's chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { "${sudo[@]}" apt-get update -qq \
           && "${sudo[@]}" apt-get install -y -qq chromium >/dev/null; }; then
      missing "apt-get could not install chromium"
    fi
  fi
fi
