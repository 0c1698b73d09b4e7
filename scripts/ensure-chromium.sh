#!/usr/bin/env bash
# Makes sure a system Chromium exists at /usr/bin/chromium (used by the Vitest
# browser project through @vitest/browser-playwright). Never downloads browsers
# via playwright: installs Debian's `chromium` package when running as root.
set -euo pipefail

CHROMIUM_BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM_BIN" ]]; then
  exit 0
fi

fail() {
  echo "ensure-chromium: ERROR: $1" >&2
  echo "ensure-chromium: Chromium is required for the browser tests (ui-kit/**/*.browser.test.tsx)." >&2
  echo "ensure-chromium: install it with:  sudo apt-get update && sudo apt-get install -y chromium" >&2
  echo "ensure-chromium: or point CHROMIUM_PATH at an existing Chromium/Chrome binary." >&2
  exit 1
}

if [[ "$CHROMIUM_BIN" != /usr/bin/chromium ]]; then
  fail "CHROMIUM_PATH=$CHROMIUM_BIN does not exist or is not executable."
fi

echo "ensure-chromium: /usr/bin/chromium not found; installing Debian package 'chromium'..." >&2
if [[ "$(id -u)" -ne 0 ]]; then
  fail "/usr/bin/chromium is missing and this script is not running as root, so it cannot apt-get install it."
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "/usr/bin/chromium is missing and apt-get is not available."
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2; then
  fail "'apt-get update' failed (no network to the Debian mirrors?)."
fi
reinstall=()
# package registered as installed but the binary is gone: force a reinstall
if dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q 'install ok installed'; then
  reinstall=(--reinstall)
fi
if ! apt-get install -y -qq "${reinstall[@]}" chromium >&2; then
  fail "'apt-get install chromium' failed."
fi
if [[ ! -x /usr/bin/chromium ]]; then
  fail "the chromium package was installed but /usr/bin/chromium is still missing."
fi
echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)" >&2
