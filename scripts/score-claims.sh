#!/usr/bin/env bash
# Scores the claim engine with the project's scorer (ClaimScorer, eval/README.md) against ingest-service,
# claims-service and web-ui started from their built jars on empty databases and a broker vhost of their own
# (a suite started by run.sh is not touched).
#   scripts/score-claims.sh [GOLD...]   default: eval/seeds-gold.json and eval/practice/practice-gold.json;
#                                       scorer flags via SCORE_ARGS (default --verbose)
# SCORE_HOLD=1 keeps the services running afterwards, for a look at their APIs (or another scorer), until Ctrl-C.
set -euo pipefail
golds=()
for gold in "$@"; do
  [ -f "$gold" ] || { echo "no such reference set: $gold" >&2; exit 2; }
  golds+=("$(realpath "$gold")")
done
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_java
ensure_local_services

for svc in ingest-service claims-service web-ui; do
  [ -f "$svc/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
done

test_classpath system-tests

user=claimdesk_score vhost=claimdesk-score work=target/score
ensure_role "$user"
fresh_vhost "$user" "$vhost"
rm -rf "$work" && mkdir -p "$work"
jwt_keys "$work/jwt"
admin_password="$(random_secret)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; true' EXIT

declare -A port
start() {
  local svc=$1 db=claimdesk_score_${1%%-*}
  recreate_database "$db" "$user"
  port[$svc]=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  env QUARKUS_HTTP_PORT="${port[$svc]}" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME="$user" RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672 RABBITMQ_USERNAME="$user" \
    RABBITMQ_PASSWORD="$FRESH_VHOST_PASSWORD" RABBITMQ_VIRTUAL_HOST="$vhost" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$work/jwt/public.pem" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$([ "$svc" = web-ui ] && echo "$PWD/$work/jwt/private.pem")" \
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    bash -c '. scripts/lib.sh; service_java "$1"' _ "$svc" > "$work/$svc.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:${port[$svc]}/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "$svc not ready; see $work/$svc.log" >&2
  exit 1
}
start claims-service
start web-ui
start ingest-service

status=0
CLAIMDESK_USERNAME=admin CLAIMDESK_PASSWORD="$admin_password" java -cp "$test_cp" dev.claimdesk.systest.eval.ClaimScorer \
  --ingest "http://127.0.0.1:${port[ingest-service]}" --claims "http://127.0.0.1:${port[claims-service]}" \
  --webui "http://127.0.0.1:${port[web-ui]}" ${SCORE_ARGS:---verbose} ${golds[@]+"${golds[@]}"} || status=$?
if [ -n "${SCORE_HOLD:-}" ]; then
  echo "ingest ${port[ingest-service]}, claims ${port[claims-service]}, web-ui ${port[web-ui]}; admin password $admin_password"
  wait
fi
exit "$status"
