#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks for the test suite, then runs it.
#
#   ./test.sh                 # the whole suite (mvn -B verify)
#   ./test.sh -Dit.test=GalleyIT
#
# Arguments go to Maven. Installs Debian's chromium (for the browser test of the API reference at
# /api/docs) when /usr/bin/chromium is missing: as root, or through sudo. Maven and npm fetch the rest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  install=(apt-get install -y --no-install-recommends chromium)
  update=(apt-get update)
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "test.sh: $chromium is missing and this user can neither install it (not root) nor use sudo without a password." >&2
    echo "test.sh: install Debian's chromium package once (sudo apt-get install -y --no-install-recommends chromium), then run ./test.sh again." >&2
    exit 1
  fi
  echo "test.sh: installing Debian's chromium for the browser test (${sudo[*]:+${sudo[*]} }${install[*]}) ..."
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet: update once and retry when the first attempt fails.
  if ! "${sudo[@]}" "${install[@]}"; then
    "${sudo[@]}" "${update[@]}"
    "${sudo[@]}" "${install[@]}"
  fi
  [ -x "$chromium" ] || { echo "test.sh: chromium was installed but $chromium is still missing" >&2; exit 1; }
fi

# The tests' Node tools (Redocly CLI, openapi-typescript, TypeScript, playwright-core) are installed by Maven
# with npm ci; Node.js itself must be there (Debian's nodejs is too old for them).
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "test.sh: Node.js 20.19 or newer with npm is needed for the tests' Node tools (https://nodejs.org/)" >&2
  exit 1
fi

exec mvn -B verify "$@"
