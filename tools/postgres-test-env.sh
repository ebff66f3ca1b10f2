#!/usr/bin/env bash
# A throwaway PostgreSQL for the PostgreSQL tests, on 127.0.0.1 and a private port so it never clashes with a
# system cluster. Used by .ci/run and by developers:
#
#   eval "$(bash tools/postgres-test-env.sh)"      # start (installing PostgreSQL from apt if missing), export the
#   dotnet test Routing.sln                         # connection string, run the tests
#   bash tools/postgres-test-env.sh stop            # stop it and delete its data
#
# Commands: start (default) prints the export line on stdout (progress goes to stderr); stop; env prints the
# export line of the running server; pause stops the server at once keeping its data, resume starts it again
# (the store outage tests). Settings: ROUTING_PG_DIR (/tmp/routing-pg-54329: data, socket and logs; a
# parallel run gives its own), ROUTING_PG_PORT (54329, or the next free port when something else listens there),
# ROUTING_PG_DATABASE (routing_test), ROUTING_PG_READY_SECONDS (60).
set -euo pipefail

preferred_port="${ROUTING_PG_PORT:-54329}"
# How many ports above the preferred one to try when it is taken (by a parallel run, say).
port_attempts=20
root="${ROUTING_PG_DIR:-/tmp/routing-pg-54329}"
database="${ROUTING_PG_DATABASE:-routing_test}"
ready_seconds="${ROUTING_PG_READY_SECONDS:-60}"
# Tests open a pool per database they create; keep each well under max_connections (100 by default).
pool_size=20
data="${root}/data"

log() { echo "postgres-test-env: $*" >&2; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "${dir}/pg_ctl" ]; then
      # Highest version wins when several are installed.
      found="${dir}"
    fi
  done
  if [ -n "${found:-}" ]; then
    echo "${found}"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  # Debian's package creates and starts a cluster on 5432; ours is separate and that one is left alone.
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Runs a PostgreSQL program as the owner of the data directory: initdb and the server refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

export_line() {
  local port
  port="$(cat "${root}/port" 2>/dev/null)" || { log "no server from this script runs in ${root}"; exit 1; }
  echo "export ROUTING_TEST_POSTGRES='Host=127.0.0.1;Port=${port};Username=postgres;Database=${database};Maximum Pool Size=${pool_size}'"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for ((port = preferred_port; port < preferred_port + port_attempts; port++)); do
    if ! listening "${port}"; then
      echo "${port}"
      return
    fi
  done
  log "ports ${preferred_port} to $((preferred_port + port_attempts - 1)) on 127.0.0.1 are all taken; set ROUTING_PG_PORT"
  exit 1
}

stop() {
  local bin
  bin="$(pg_bin)"
  if [ -n "${bin}" ] && [ -f "${data}/postmaster.pid" ]; then
    as_owner "${bin}/pg_ctl" -D "${data}" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "${root}"
}

start() {
  local bin deadline port
  bin="$(pg_bin)"
  if [ -z "${bin}" ]; then
    install_postgres
    bin="$(pg_bin)"
  fi

  # Throwaway: whatever an earlier run left behind in this folder goes.
  stop
  mkdir -p "${root}"
  port="$(free_port)"
  echo "${port}" >"${root}/port"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "${root}"
  fi

  log "creating a cluster in ${data}"
  as_owner "${bin}/initdb" -D "${data}" --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync -U postgres >"${root}/initdb.log" 2>&1 \
    || { cat "${root}/initdb.log" >&2; exit 1; }

  run_server "${bin}" "${port}"
  "${bin}/psql" -q -h 127.0.0.1 -p "${port}" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE ${database}" >&2
  if [ -n "${ROUTING_PG_DIR:-}" ]; then
    log "ready; stop with: ROUTING_PG_DIR=${root} bash tools/postgres-test-env.sh stop"
  else
    log "ready; stop with: bash tools/postgres-test-env.sh stop"
  fi
  export_line
}

# Starts the server on an existing data directory and waits until it accepts connections.
run_server() {
  local bin="$1" port="$2" deadline
  # Loopback only and the socket in our own folder (not /var/run/postgresql, where a system cluster lives).
  # Server durability settings stay at their defaults so write costs measured against it are real ones.
  log "starting on 127.0.0.1:${port}"
  as_owner "${bin}/pg_ctl" -D "${data}" -l "${root}/server.log" -w -t "${ready_seconds}" \
    -o "-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root}" \
    start >&2 || { cat "${root}/server.log" >&2; exit 1; }

  deadline=$((SECONDS + ready_seconds))
  until "${bin}/pg_isready" -q -h 127.0.0.1 -p "${port}" -U postgres; do
    if [ "${SECONDS}" -ge "${deadline}" ]; then
      log "PostgreSQL did not accept connections on 127.0.0.1:${port} within ${ready_seconds} s"
      cat "${root}/server.log" >&2
      exit 1
    fi
    # pg_isready returns at once when nothing listens yet; this is the poll interval, not a wait for readiness.
    sleep 0.1
  done
}

# A store outage for the fault tests: the server stops at once (as a crash would) and keeps its data for resume.
pause() {
  [ -f "${data}/postmaster.pid" ] || { log "no server from this script runs in ${root}"; exit 1; }
  as_owner "$(pg_bin)/pg_ctl" -D "${data}" -m immediate -w stop >&2
}

resume() {
  local port
  port="$(cat "${root}/port" 2>/dev/null)" || { log "no server from this script was started in ${root}"; exit 1; }
  run_server "$(pg_bin)" "${port}"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) export_line ;;
  pause) pause ;;
  resume) resume ;;
  *) echo "usage: $0 [start|stop|env|pause|resume]" >&2; exit 2 ;;
esac
