#!/usr/bin/env bash
# Prints the path of a Chromium for the supervisor page's browser test, installing Debian's `chromium` package
# from apt when none is found and this runs as root (as .ci/run does). ROUTING_CHROMIUM names one to use instead.
set -euo pipefail

log() { echo "chromium-env: $*" >&2; }

find_chromium() {
  local candidate
  for candidate in "${ROUTING_CHROMIUM:-}" chromium chromium-browser google-chrome; do
    if [ -n "${candidate}" ] && command -v "${candidate}" >/dev/null 2>&1; then
      command -v "${candidate}"
      return 0
    fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "${path}"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  log "no Chromium found and not root: install Debian's chromium package (apt-get install chromium) or set ROUTING_CHROMIUM"
  exit 1
fi

log "installing chromium from apt"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q chromium >&2
find_chromium
