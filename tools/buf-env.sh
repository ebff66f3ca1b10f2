#!/usr/bin/env bash
# Prints the path of `buf` (whose `buf curl` calls the router over gRPC through server reflection, like grpcurl),
# for README's command lines and the test that runs them. Installs @bufbuild/buf from npm into a cache folder when
# none is found, and npm from apt when that is missing and this runs as root (as .ci/run does). ROUTING_BUF names
# one to use instead.
set -euo pipefail

version="1.75.0"
prefix="${ROUTING_TOOLS_DIR:-${HOME}/.cache/routing-tools}/buf-${version}"

log() { echo "buf-env: $*" >&2; }

find_buf() {
  local candidate
  for candidate in "${ROUTING_BUF:-}" "${prefix}/node_modules/.bin/buf" buf; do
    if [ -n "${candidate}" ] && command -v "${candidate}" >/dev/null 2>&1; then
      command -v "${candidate}"
      return 0
    fi
  done
  return 1
}

if path="$(find_buf)"; then
  echo "${path}"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    log "neither buf nor npm found and not root: install npm (apt-get install npm) or set ROUTING_BUF"
    exit 1
  fi
  log "installing npm from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q npm >&2
fi

log "installing @bufbuild/buf ${version} from npm into ${prefix}"
mkdir -p "${prefix}"
npm install --prefix "${prefix}" --no-audit --no-fund --silent "@bufbuild/buf@${version}" >&2
find_buf
