#!/usr/bin/env bash
# Benchmarks on this machine, with the numbers written to docs/benchmarks.md by hand:
#   ./bench.sh ingest [CLIENTS] [SATURATION_S] [RATE] [RATE_S]
#     sustained POST /api/articles throughput and latency, and outbox lag at a fixed rate.
# Uses a database and a RabbitMQ virtual host of its own; a suite started by run.sh is not touched.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
pick_java
ensure_local_services

what="${1:-ingest}"
[ "$what" = ingest ] || { echo "usage: $0 ingest [CLIENTS] [SATURATION_S] [RATE] [RATE_S]" >&2; exit 2; }
clients="${2:-16}" saturation="${3:-30}" rate="${4:-100}" rate_s="${5:-30}"

export CLAIMDESK_TEST_PG=127.0.0.1:5432 CLAIMDESK_TEST_PG_USER=claimdesk_bench
export CLAIMDESK_TEST_RABBITMQ_HOST=127.0.0.1 CLAIMDESK_TEST_RABBITMQ_PORT=5672
export CLAIMDESK_TEST_RABBITMQ_USER=claimdesk-bench CLAIMDESK_TEST_RABBITMQ_VHOST=claimdesk-bench
ensure_role claimdesk_bench
recreate_database claimdesk_bench_ingest claimdesk_bench
fresh_vhost "$CLAIMDESK_TEST_RABBITMQ_USER" "$CLAIMDESK_TEST_RABBITMQ_VHOST"
export CLAIMDESK_TEST_RABBITMQ_PASSWORD="$FRESH_VHOST_PASSWORD"
# The benchmark signs its own ingest tokens with a key pair made for the run.
rm -rf .test/bench-jwt
jwt_keys .test/bench-jwt

./mvnw -B -q clean package -DskipTests -pl ingest-service -am
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -pl system-tests -am

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18081)
mkdir -p target
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/claimdesk_bench_ingest" \
QUARKUS_DATASOURCE_USERNAME=claimdesk_bench RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672 \
RABBITMQ_USERNAME="$CLAIMDESK_TEST_RABBITMQ_USER" RABBITMQ_PASSWORD="$CLAIMDESK_TEST_RABBITMQ_PASSWORD" \
RABBITMQ_VIRTUAL_HOST="$CLAIMDESK_TEST_RABBITMQ_VHOST" \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/.test/bench-jwt/public.pem" CLAIMDESK_OPS_ENDPOINTS=permit \
CLAIMDESK_RATE_LIMITS_INGEST_REQUESTS=1000000 CLAIMDESK_RATE_LIMITS_INGEST_BURST=1000000 \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar ingest-service/target/quarkus-app/quarkus-run.jar > target/bench-ingest-service.log 2>&1 &
service_pid=$!
trap 'kill $service_pid 2>/dev/null && wait $service_pid 2>/dev/null; true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.5; done

echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $(psql_admin -c 'SHOW server_version'), RabbitMQ $(rabbitmqctl -q version)"
java -cp "system-tests/target/test-classes:$(cat system-tests/target/bench.classpath)" \
  -Dclaimdesk.test.jwt.private-key="$PWD/.test/bench-jwt/private.pem" dev.claimdesk.systest.bench.IngestBenchmark "http://127.0.0.1:$port" seeds "$clients" "$saturation" "$rate" "$rate_s"
echo "service RSS after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
curl -s "http://127.0.0.1:$port/q/metrics" | grep -E '^claimdesk_outbox_lag_seconds\{.*quantile' || true
