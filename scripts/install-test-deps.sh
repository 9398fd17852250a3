#!/usr/bin/env bash
# Installs what the browser and terminal tests drive: Debian's chromium (the reviewer page is clicked in a
# real headless browser) and tmux (the console prompt is answered through a pseudo-terminal).
# Run by ./test.sh when CI=true or when a tool is missing and apt-get is usable; otherwise those tests
# skip with a message that names what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: apt-get not available; tests needing ${missing[*]} will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "install-test-deps: not root and no password-less sudo; tests needing ${missing[*]} will be skipped" >&2
    exit 0
  fi
fi
echo "install-test-deps: installing ${missing[*]}" >&2
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2; then
  echo "install-test-deps: could not install ${missing[*]}; tests needing them will be skipped" >&2
fi
exit 0
