#!/usr/bin/env bash
# Checks the deployment files as far as this machine allows; re-runnable by anyone from any directory:
#   bash deploy/check.sh            # YAML, Kubernetes schemas, compose, nginx, Dockerfile lint, the image's contents
# No image is built: see deploy/README.md ("Not run here") for why containers cannot run on this machine. What the
# image would hold is checked instead: the Dockerfile's publish, started with its environment as an unprivileged
# user, its HEALTHCHECK command until SERVING, then a SIGTERM that must end it cleanly.
# Tools come from apt and npm (yamllint, docker-compose, nginx; kubernetes-models, js-yaml,
# dockerfilelint) into a work folder of its own (DEPLOY_CHECK_DIR, default /tmp/routing-deploy-check).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${DEPLOY_CHECK_DIR:-/tmp/routing-deploy-check}"
mkdir -p "$work"
step() { echo "== $*"; }

need_apt() {
  local missing=()
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
need_apt yamllint:yamllint docker-compose:docker-compose nginx:nginx-light node:nodejs npm:npm
if [ ! -d "$work/npm/node_modules/kubernetes-models" ]; then
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund kubernetes-models js-yaml dockerfilelint >/dev/null)
fi

step "YAML syntax (yamllint)"
yamllint -d '{extends: default, rules: {line-length: {max: 160}, document-start: disable, comments: {min-spaces-from-content: 1}, truthy: {check-keys: false}}}' \
  deploy/compose.yaml deploy/kubernetes/

step "Kubernetes manifests against the API schemas and the router's needs"
NODE_PATH="$work/npm/node_modules" node deploy/check-manifests.mjs deploy/kubernetes

step "compose file (docker-compose config)"
env_file=deploy/compose/routing.env
created_env=false
if [ ! -f "$env_file" ]; then cp deploy/compose/routing.env.example "$env_file"; created_env=true; fi
docker-compose -f deploy/compose.yaml config -q
if $created_env; then rm -f "$env_file"; fi

step "nginx configuration of the gRPC entry point (nginx -t)"
nginx -t -q -c "$PWD/deploy/compose/nginx.conf" -g "pid $work/nginx.pid; error_log $work/nginx-error.log;"

step "Dockerfile lint (dockerfilelint)"
# Two findings are the linter's, not the file's: tags given by ARG (the defaults carry :10.0), and HEALTHCHECK's
# --start-period, newer than dockerfilelint 1.8. Anything else fails the check.
# It exits with the number of findings, hence "|| true" and the count below.
lint="$("$work/npm/node_modules/.bin/dockerfilelint" -o json deploy/Dockerfile || true)"
printf '%s' "$lint" | node -e '
  const issues = JSON.parse(require("fs").readFileSync(0, "utf8")).files.flatMap((f) => f.issues).filter((i) =>
    !(i.title === "Base Image Missing Tag" && /^FROM \$\{[A-Z_]+\}/.test(i.content)) &&
    !(i.title === "Invalid Argument Format" && i.content.startsWith("HEALTHCHECK")));
  for (const i of issues) console.error(`Dockerfile:${i.line}: ${i.title}: ${i.content}`);
  process.exit(issues.length > 0 ? 1 : 0);'

step "the image's contents: the Dockerfile's publish, run with its environment as an unprivileged user"
app="$work/app"
data="$work/var-lib-routing"
rm -rf "$app" "$data"
# The build stage's commands.
dotnet restore src/Routing.Server/Routing.Server.csproj >/dev/null
dotnet publish src/Routing.Server/Routing.Server.csproj -c Release -o "$app" --no-restore -p:UseAppHost=false >/dev/null
mkdir -p "$data"
# The runtime stage's ENV, on loopback ports of this check's own (the image's 0.0.0.0:50051 may be taken here).
grpc_port="${DEPLOY_CHECK_GRPC_PORT:-50751}"
http_port="${DEPLOY_CHECK_HTTP_PORT:-50752}"
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody "$data"
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${run_as[@]}" env HOME="$data" \
  Routing__Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
  Routing__Server__GrpcEndpoint="http://0.0.0.0:${grpc_port}" \
  Routing__Server__HttpEndpoint="http://0.0.0.0:${http_port}" \
  Routing__Server__SiloPort=50753 Routing__Server__GatewayPort=50754 \
  Routing__Storage__Sqlite__DatabasePath="$data/routing.db" \
  Routing__Telemetry__JsonConsoleLogs=true \
  dotnet "$app/Routing.Server.dll" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
# The HEALTHCHECK's command, polled like Docker would (every second here), for at most its start period.
healthy=false
for _ in $(seq 60); do
  if dotnet "$app/Routing.Server.dll" health --address "http://127.0.0.1:${grpc_port}" >/dev/null 2>&1; then healthy=true; break; fi
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
if ! $healthy; then tail -n 30 "$work/server.log" >&2; echo "the published server never answered SERVING" >&2; exit 1; fi
kill -TERM "$server"
if ! wait "$server"; then tail -n 30 "$work/server.log" >&2; echo "the published server did not stop cleanly on SIGTERM" >&2; exit 1; fi
trap - EXIT
grep -q '"EventId"' "$work/server.log" || { echo "the image's JSON console logs are missing" >&2; exit 1; }
echo "published server: SERVING by its health command as an unprivileged user, stopped cleanly by SIGTERM"

echo "deploy checks passed"
