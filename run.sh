#!/usr/bin/env bash
# Runs the whole Claimdesk suite on this machine against its PostgreSQL and RabbitMQ:
#   ./run.sh          create databases, users and the broker vhost if missing, build if needed, start every
#                     service in the background, wait until all are ready, load the seed articles, print the URLs
#   ./run.sh stop     stop the services
#   ./run.sh status   show what runs
# State (logs, pids, generated credentials) lives in .run/, which git ignores.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

RUN_DIR=.run
STARTED=$SECONDS
# step TEXT: one line of progress, with the seconds since the start
step() { printf '[%4ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
SERVICES=(claims-service review-service web-ui ingest-service)   # consumers first: their queues exist before ingest publishes
declare -A PORT=([web-ui]=8080 [ingest-service]=8081 [claims-service]=8082 [review-service]=8083)
declare -A DB=([web-ui]=claimdesk_webui [ingest-service]=claimdesk_ingest [claims-service]=claimdesk_claims [review-service]=claimdesk_review)

pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

stop() {
  for svc in ingest-service web-ui review-service claims-service; do
    if running "$svc"; then
      kill "$(pid_of "$svc")"
      for _ in $(seq 1 40); do running "$svc" || break; sleep 0.5; done
      running "$svc" && kill -9 "$(pid_of "$svc")"
      echo "stopped $svc"
    fi
    rm -f "$RUN_DIR/$svc.pid"
  done
}

status() {
  for svc in "${SERVICES[@]}"; do
    if running "$svc"; then
      echo "$svc: running (pid $(pid_of "$svc")) on http://127.0.0.1:${PORT[$svc]} — $(curl -s "http://127.0.0.1:${PORT[$svc]}/q/health/ready" | tr -d '\n ' | cut -c1-60)"
    else
      echo "$svc: stopped"
    fi
  done
}

secrets() {
  mkdir -p "$RUN_DIR/logs"
  touch "$RUN_DIR/secrets.env"
  chmod 600 "$RUN_DIR/secrets.env"
  # shellcheck disable=SC1091
  . "$RUN_DIR/secrets.env"
  # Made once per machine; an older secrets.env gains what it lacks.
  local names=(ADMIN_PASSWORD)
  for svc in "${SERVICES[@]}"; do names+=("PG_PASSWORD_${DB[$svc]}" "RABBITMQ_PASSWORD_${DB[$svc]}"); done
  for name in "${names[@]}"; do
    if [ -z "${!name:-}" ]; then
      printf -v "$name" '%s' "$(random_secret)"
      echo "$name=${!name}" >> "$RUN_DIR/secrets.env"
    fi
  done
  jwt_keys "$RUN_DIR/jwt"
}

provision() {
  for svc in "${SERVICES[@]}"; do
    local db=${DB[$svc]} var="PG_PASSWORD_${DB[$svc]}"
    ensure_role "$db" "${!var}"
    ensure_database "$db" "$db"
    psql_admin -c "REVOKE ALL ON DATABASE \"$db\" FROM PUBLIC"
    local broker_var="RABBITMQ_PASSWORD_${DB[$svc]}"
    broker_user "$svc" "${DB[$svc]//_/-}" "${!broker_var}" claimdesk
  done
}

build_if_needed() {
  local stale=0
  for svc in "${SERVICES[@]}"; do
    local jar="$svc/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$svc/src" commons/src pom.xml "$svc/pom.xml" -newer "$jar" -print -quit)" ]; then
      stale=1
    fi
  done
  if [ "$stale" = 1 ]; then
    step "Building the services (tests run with ./test.sh; a first build downloads the dependencies; log in $RUN_DIR/logs/build.log)"
    # A line per module as Maven reaches it; the whole log when it fails.
    if ! ./mvnw -B -ntp clean package -DskipTests -pl ingest-service,claims-service,review-service,web-ui -am 2>&1 \
        | tee "$RUN_DIR/logs/build.log" | while IFS= read -r line; do
            case "$line" in "[INFO] Building "*"]") step "  $(echo "${line#\[INFO\] Building }" | tr -s ' ')" ;; esac
          done; then
      tail -n 40 "$RUN_DIR/logs/build.log" >&2
      echo "The build failed; see $RUN_DIR/logs/build.log" >&2
      exit 1
    fi
    step "Built"
  fi
}

start_service() {
  local svc=$1 db=${DB[$1]} var="PG_PASSWORD_${DB[$1]}" broker_var="RABBITMQ_PASSWORD_${DB[$1]}"
  if running "$svc"; then
    echo "$svc already running"
    return
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$svc]}") 2>/dev/null; then
    echo "Port ${PORT[$svc]} is taken by another program; $svc cannot start" >&2
    exit 1
  fi
  (
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
      QUARKUS_DATASOURCE_USERNAME="$db" QUARKUS_DATASOURCE_PASSWORD="${!var}" \
      RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672 RABBITMQ_USERNAME="${db//_/-}" RABBITMQ_PASSWORD="${!broker_var}" \
      RABBITMQ_VIRTUAL_HOST=claimdesk \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$RUN_DIR/jwt/public.pem" \
      SMALLRYE_JWT_SIGN_KEY_LOCATION="$([ "$svc" = web-ui ] && echo "$PWD/$RUN_DIR/jwt/private.pem")" \
      CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
      CLAIMDESK_OPS_ENDPOINTS="${CLAIMDESK_OPS_ENDPOINTS:-admin-only}"
    trap '' HUP   # as nohup: the suite outlives the terminal that started it
    service_java "$svc"
  ) > "$RUN_DIR/logs/$svc.log" 2>&1 &
  echo $! > "$RUN_DIR/$svc.pid"
}

# After a build, one training run of every service makes its AOT cache (scripts/lib.sh, service_java): the starts
# that follow take about half the time. Trained against the suite's own databases, as the real start runs, with a
# load that stores nothing (aot_training_load).
train_if_needed() {
  java_has_aot_cache || return 0
  local svc stale=()
  for svc in "${SERVICES[@]}"; do aot_cache_fresh "$svc" || stale+=("$svc"); done
  [ ${#stale[@]} -gt 0 ] || return 0
  step "Training the start-up caches of ${stale[*]} (once per build)"
  for svc in "${stale[@]}"; do AOT_TRAINING=1 start_service "$svc"; done
  for svc in "${stale[@]}"; do await_ready "$svc" >/dev/null && step "  $svc started for training"; done
  for svc in "${stale[@]}"; do aot_training_load "$svc" "http://127.0.0.1:${PORT[$svc]}" "$RUN_DIR/jwt/private.pem"; done
  step "  training loads done; the services write their caches as they stop"
  for svc in "${stale[@]}"; do kill "$(pid_of "$svc")"; done
  for svc in "${stale[@]}"; do
    await_exit "$(pid_of "$svc")" 180 || { echo "$svc's training run did not end; see $RUN_DIR/logs/$svc.log" >&2; exit 1; }
    rm -f "$RUN_DIR/$svc.pid"
    step "  $svc's cache written"
  done
}

await_ready() {
  local svc=$1
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null; then
      step "$svc ready on http://127.0.0.1:${PORT[$svc]}"
      return
    fi
    running "$svc" || { echo "$svc exited; see $RUN_DIR/logs/$svc.log" >&2; tail -n 20 "$RUN_DIR/logs/$svc.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$svc not ready after 60 s; see $RUN_DIR/logs/$svc.log" >&2
  exit 1
}

case "${1:-start}" in
  stop) stop; exit 0 ;;
  status) status; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac

pick_java
step "Checking PostgreSQL and RabbitMQ"
ensure_local_services
secrets
step "Databases, roles and broker users"
provision
build_if_needed
train_if_needed
step "Starting the services"
for svc in claims-service review-service web-ui; do start_service "$svc"; done
for svc in claims-service review-service web-ui; do await_ready "$svc"; done
start_service ingest-service
await_ready ingest-service
step "Loading the seed articles"
CLAIMDESK_AUTH_URL="http://127.0.0.1:${PORT[web-ui]}/api/auth/token" CLAIMDESK_USERNAME=admin CLAIMDESK_PASSWORD="$ADMIN_PASSWORD" \
  java scripts/LoadSeeds.java seeds "http://127.0.0.1:${PORT[ingest-service]}"

cat <<INFO

Claimdesk is running.
  web-ui          http://127.0.0.1:8080
  ingest-service  http://127.0.0.1:8081   (API: /api/articles, docs: /q/swagger-ui)
  claims-service  http://127.0.0.1:8082
  review-service  http://127.0.0.1:8083
  Health /q/health/ready on every service; metrics /q/metrics and OpenAPI /q/openapi need an admin token.

  Admin account (generated for this machine, kept in $RUN_DIR/secrets.env):
    username  admin
    password  $ADMIN_PASSWORD
  A token for the APIs:
    curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"$ADMIN_PASSWORD"}' http://127.0.0.1:8080/api/auth/token

  Logs in $RUN_DIR/logs/. Stop with ./run.sh stop.
INFO
