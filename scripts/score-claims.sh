#!/usr/bin/env bash
# Scores the claim engine as the team measures it: ../shared/eval/score_claims.py against ingest-service,
# claims-service and web-ui started from their built jars on empty databases and a broker vhost of their own
# (a suite started by run.sh is not touched).
#   scripts/score-claims.sh [GOLD...]   default: the seeds and the practice set; extra scorer flags via SCORE_ARGS
# SCORE_HOLD=1 keeps the services running afterwards, for a look at their APIs, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_java
ensure_local_services

eval_dir="$(cd .. && pwd)/shared/eval"
[ "$#" -gt 0 ] || set -- "$eval_dir/seeds-gold.json" "$eval_dir/practice/practice-gold.json"
for svc in ingest-service claims-service web-ui; do
  [ -f "$svc/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
done

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
for gold in "$@"; do
  echo "== $(basename "$gold")"
  python3 "$eval_dir/score_claims.py" --gold "$gold" --ingest "http://127.0.0.1:${port[ingest-service]}" \
    --claims "http://127.0.0.1:${port[claims-service]}" --webui "http://127.0.0.1:${port[web-ui]}" \
    --username admin --password "$admin_password" ${SCORE_ARGS:---verbose} || status=$?
done
if [ -n "${SCORE_HOLD:-}" ]; then
  echo "ingest ${port[ingest-service]}, claims ${port[claims-service]}, web-ui ${port[web-ui]}; admin password $admin_password"
  wait
fi
exit "$status"
