#!/usr/bin/env bash
# Benchmarks on this machine, with the numbers written to docs/benchmarks.md by hand:
#   ./bench.sh ingest [CLIENTS] [SATURATION_S] [RATE] [RATE_S]
#     sustained POST /api/articles throughput and latency (with JWT verification), and outbox lag at a fixed rate.
#   ./bench.sh identity [N]
#     web-ui's token endpoint: N password exchanges (bcrypt) and N API-token exchanges, one after another.
#   ./bench.sh feed [VERDICTS] [SECONDS] [CONNECTIONS]
#     review-service's editor API under wrk: the verdict feed (VERDICTS stored, pages of 20 and of 100 from random
#     cursors), then the article report (VERDICTS/5 articles of 8 claims each).
#   ./bench.sh pipeline [INSTANCES] [PHASES]
#     the ceilings of this machine (the extraction engine alone under JMH on all cores, RabbitMQ PerfTest with
#     persistent messages, confirms and a quorum queue, pgbench), then all four services (INSTANCES=1 or 2 each of
#     claims-service and review-service): 300 articles to warm up, then posted at 5, 20 and 40 a second, then 1,500 as
#     fast as they are taken (PHASES: warm:N,RATExSECONDS,...,max:N; BENCH_CEILINGS=no skips the ceilings),
#     with POST -> review task latency, each stage's share, CPU per process (and of it each service's JIT compilers and
#     collector) and the suite's figures as ratios to the ceilings. BENCH_CEILINGS=engine measures only the engine, in
#     a shorter run, before the suite and again after it: this machine's speed moves by a third between runs, so two
#     short runs compare by their ratios to it. Each service's RSS at the end (with its peak), and again once the suite
#     has stood idle for BENCH_IDLE_SECONDS (60; the soak too).
#   ./bench.sh extraction [SECONDS] [THREADS]
#     the extraction engine alone under JMH over the seeds: segmentation, extraction, extraction with embeddings.
#   ./bench.sh checkworthiness [PATH]
#     the engine's check-worthiness on the ClaimBuster debate sentences (CFS against 2.5x NCS, never trained on): precision,
#     recall and F1 at the default threshold, best F1, average precision. PATH defaults to .bench/kfold_25ncs.json; get it
#     from utaresearch/claimbuster-spotter, data/two_class/kfold_25ncs.json (see docs/benchmarks.md). Not kept here.
#   ./bench.sh faults [ARTICLES]
#     the fault suite (FaultSuiteIT) under a larger load, its table written to docs/reliability.md.
#   ./bench.sh startup [SERVICES]
#     each service's time from launching its jar to /q/health/ready UP, and its RSS then: four starts each, the
#     first against an empty database (migrations), the others as a restart. SERVICES: a comma-separated few of
#     ingest-service,claims-service,review-service,web-ui (all four).
#   ./bench.sh soak [RATE] [SECONDS] [stories|template]
#     all four services, RATE articles/s posted to ingest-service for SECONDS (5/s, 300 s): errors, outbox rows
#     waiting and outbox lag, queue depths, dead letters, heap and RSS sampled every 15 s, then a drain and a count of what arrived.
#     stories: each article a story of its own; template: one local story told of every town (large clusters).
#   ./bench.sh queue [TASKS] [REQUESTS]
#     web-ui's queue page (/desk) for a reviewer with TASKS tasks of their own and TASKS waiting at the desk:
#     REQUESTS page loads one after another, web-ui's own time (Server-Timing) and the whole answer.
# Uses databases and a RabbitMQ virtual host of their own; a suite started by run.sh is not touched. Where PostgreSQL
# runs with autovacuum off (this machine's CI configuration), pipeline and soak vacuum and analyse them every minute.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
pick_java
ensure_local_services

what="${1:-ingest}"
case "$what" in
  ingest) clients="${2:-16}" saturation="${3:-30}" rate="${4:-100}" rate_s="${5:-30}" ;;
  identity) n="${2:-50}" ;;
  extraction) seconds="${2:-10}" threads="${3:-1}" ;;
  checkworthiness) claimbuster="${2:-.bench/kfold_25ncs.json}" ;;
  pipeline) instances="${2:-1}" phases="${3:-warm:300,5x60,20x60,40x30,max:1500}" ;;
  clustering) sizes="${2:-1000,100000}" articles="${3:-20}" ;;
  feed) verdicts="${2:-10000}" seconds="${3:-30}" connections="${4:-16}" ;;
  queue) tasks="${2:-500}" requests="${3:-200}" ;;
  startup) services="${2:-ingest-service,claims-service,review-service,web-ui}" ;;
  soak) rate="${2:-5}" seconds="${3:-300}" text="${4:-stories}" ;;
  faults) export CLAIMDESK_FAULTS_ARTICLES="${2:-1000}"
    exec ./test.sh -pl system-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSuiteIT \
      -Dfailsafe.failIfNoSpecifiedTests=false ;;
  *) echo "usage: $0 ingest [CLIENTS] [SATURATION_S] [RATE] [RATE_S] | identity [N] | extraction [SECONDS] [THREADS] | pipeline [INSTANCES] [PHASES] | clustering [SIZES] [ARTICLES] | checkworthiness [PATH] | feed [VERDICTS] [SECONDS] [CONNECTIONS] | queue [TASKS] [REQUESTS] | startup [SERVICES] | soak [RATE] [SECONDS] [stories|template] | faults [ARTICLES]" >&2; exit 2 ;;
esac

# extraction_bench ARTICLES THREADS SECONDS [BENCHMARKS]: the extraction engine alone, under JMH (CPU only).
extraction_bench() {
  local test_cp  # the engine's classpath, not the caller's
  test_classpath claims-service
  java -cp "$test_cp" dev.claimdesk.claims.bench.ExtractionBench "$@"
}

if [ "$what" = extraction ]; then
  extraction_bench seeds "$threads" "$seconds"
  exit
fi

if [ "$what" = checkworthiness ]; then
  [ -f "$claimbuster" ] || { echo "no $claimbuster: download data/two_class/kfold_25ncs.json of https://github.com/utaresearch/claimbuster-spotter" \
    "(raw: https://raw.githubusercontent.com/utaresearch/claimbuster-spotter/master/data/two_class/kfold_25ncs.json) there" >&2; exit 2; }
  test_classpath claims-service
  java -cp "$test_cp" dev.claimdesk.claims.bench.CheckWorthinessBenchmark "$claimbuster" target/bench/checkworthiness.json
  exit
fi

export CLAIMDESK_TEST_PG=127.0.0.1:5432 CLAIMDESK_TEST_PG_USER=claimdesk_bench
export CLAIMDESK_TEST_RABBITMQ_HOST=127.0.0.1 CLAIMDESK_TEST_RABBITMQ_PORT=5672
export CLAIMDESK_TEST_RABBITMQ_USER=claimdesk-bench CLAIMDESK_TEST_RABBITMQ_VHOST=claimdesk-bench
ensure_role claimdesk_bench
fresh_vhost "$CLAIMDESK_TEST_RABBITMQ_USER" "$CLAIMDESK_TEST_RABBITMQ_VHOST"
export CLAIMDESK_TEST_RABBITMQ_PASSWORD="$FRESH_VHOST_PASSWORD"
# Tokens are signed with a key pair made for the run.
rm -rf .test/bench-jwt
jwt_keys .test/bench-jwt
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $(psql_admin -c 'SHOW server_version'), RabbitMQ $(rabbitmqctl -q version)"

# start_service MODULE DATABASE [VAR=VALUE...]: runs the jar on a free port against a fresh database (sets $port,
# $service_pid) and waits until it is ready.
start_service() {
  local module=$1 database=$2
  shift 2
  if java_has_aot_cache && ! aot_cache_fresh "$module"; then
    train_service "$module" "$database" "$@"
  fi
  recreate_database "$database" claimdesk_bench
  launch_service "$module" "$database" "$@"
  await_service_ready
}

await_service_ready() {
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
}

# train_service MODULE DATABASE [VAR=VALUE...]: a training run for the module's AOT cache (service_java in
# scripts/lib.sh), as run.sh makes one: a start to ready, its training load (aot_training_load) and a stop; prints how
# long each took.
train_service() {
  local module=$1 database=$2 t0 t1
  shift 2
  recreate_database "$database" claimdesk_bench
  t0=$(date +%s%N)
  AOT_TRAINING=1 launch_service "$module" "$database" "$@"
  await_service_ready
  t1=$(date +%s%N)
  aot_training_load "$module" "http://127.0.0.1:$port" "$PWD/.test/bench-jwt/private.pem"
  t2=$(date +%s%N)
  kill "$service_pid"
  await_exit "$service_pid" 180 || { echo "$module's training run did not exit" >&2; exit 1; }
  echo "$module: AOT cache trained (start to ready $(( (t1 - t0) / 1000000 )) ms, load $(( (t2 - t1) / 1000000 )) ms, stop and cache $(( ($(date +%s%N) - t2) / 1000000 )) ms, $(( $(stat -c %s "$module/target/quarkus-app/app.aot") / 1048576 )) MiB)"
}

# launch_service MODULE DATABASE [VAR=VALUE...]: runs the jar on a free port (sets $port, $service_pid), not waiting.
launch_service() {
  local module=$1 database=$2
  shift 2
  mkdir -p target
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18081)
  env QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" \
    QUARKUS_DATASOURCE_USERNAME=claimdesk_bench RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672 \
    RABBITMQ_USERNAME="$CLAIMDESK_TEST_RABBITMQ_USER" RABBITMQ_PASSWORD="$CLAIMDESK_TEST_RABBITMQ_PASSWORD" \
    RABBITMQ_VIRTUAL_HOST="$CLAIMDESK_TEST_RABBITMQ_VHOST" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/.test/bench-jwt/public.pem" CLAIMDESK_OPS_ENDPOINTS=permit "$@" \
    SERVICE_JAVA_OPTS="${BENCH_JAVA_OPTS:-}" bash -c '. scripts/lib.sh; service_java "$1"' _ "$module" > "target/bench-$module.log" 2>&1 &
  service_pid=$!
  trap 'kill $service_pid 2>/dev/null || true; wait $service_pid 2>/dev/null || true' EXIT
}

# percentiles: reads seconds, one per line; prints p50, p95 and max in milliseconds.
percentiles() {
  sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)\n", v[int(NR*0.5+0.5)], v[int(NR*0.95+0.5)], v[NR], NR }'
}

if [ "$what" = ingest ]; then
  ./mvnw -B -q clean package -DskipTests -pl ingest-service -am
  test_classpath system-tests
  start_service ingest-service claimdesk_bench_ingest \
    CLAIMDESK_RATE_LIMITS_INGEST_REQUESTS=1000000 CLAIMDESK_RATE_LIMITS_INGEST_BURST=1000000
  java -cp "$test_cp" \
    -Dclaimdesk.test.jwt.private-key="$PWD/.test/bench-jwt/private.pem" dev.claimdesk.systest.bench.IngestBenchmark \
    "http://127.0.0.1:$port" seeds "$clients" "$saturation" "$rate" "$rate_s"
  echo "service RSS after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
  curl -s "http://127.0.0.1:$port/q/metrics" | grep -E '^claimdesk_outbox_lag_seconds\{.*quantile' || true
elif [ "$what" = clustering ]; then
  ./mvnw -B -q clean package -DskipTests -pl claims-service -am
  test_classpath claims-service
  start_service claims-service claimdesk_bench_claims
  java -cp "$test_cp" \
    dev.claimdesk.claims.bench.ClusteringBenchmark jdbc:postgresql://127.0.0.1:5432/claimdesk_bench_claims claimdesk_bench \
    "http://127.0.0.1:$port" seeds "$articles" "$sizes"
  echo "service RSS after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
elif [ "$what" = feed ]; then
  command -v wrk >/dev/null 2>&1 || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }; }
  ./mvnw -B -q clean package -DskipTests -pl review-service -am
  start_service review-service claimdesk_bench_review
  # published verdicts as review-service stores them, one version each, in feed order
  psql_admin -d claimdesk_bench_review -c "INSERT INTO verdict (id, version, sequence, cluster_id, task_id, claim_ids,
      claim_reviewed, rating, explanation, sources, reviewers, published_at)
    SELECT gen_random_uuid(), 1, g, gen_random_uuid(), gen_random_uuid(), ARRAY[gen_random_uuid(), gen_random_uuid()],
      'Floods in the valley killed at least ' || g || ' people, the civil protection agency said on Sunday.',
      (ARRAY['TRUE','MOSTLY_TRUE','MIXED','MOSTLY_FALSE','FALSE','UNVERIFIABLE'])[1 + g % 6],
      'The agency''s own count on Sunday gave ' || g || ' dead; the governor''s lower figure covers one district only.',
      jsonb_build_array(jsonb_build_object('url', 'https://agency.example/report/' || g, 'excerpt', 'killing at least ' || g || ' people')),
      ARRAY['reviewer1', 'reviewer2'], now() - (${verdicts} - g) * interval '1 minute'
    FROM generate_series(1, ${verdicts}) g"
  token=$(jwt_for "$PWD/.test/bench-jwt/private.pem" bench-editor editor)
  for size in 20 100; do
    echo "== GET /api/verdicts?after=<random>&size=$size, $verdicts verdicts stored, $connections connections, ${seconds}s (5 s warm-up first)"
    FEED_VERDICTS=$verdicts FEED_SIZE=$size wrk -t2 -c"$connections" -d5s -s scripts/bench/feed.lua \
      -H "Authorization: Bearer $token" "http://127.0.0.1:$port" >/dev/null
    FEED_VERDICTS=$verdicts FEED_SIZE=$size wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/feed.lua \
      -H "Authorization: Bearer $token" "http://127.0.0.1:$port"
  done
  # articles of 8 claims each: 6 in clusters with a published verdict, 2 in clusters still in review
  articles=$(( verdicts / 5 ))
  psql_admin -d claimdesk_bench_review -c "
    INSERT INTO article (id, revision, outlet, url, published_at)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 1, 'Outlet ' || (g % 40),
             'https://news.example/' || g, now() FROM generate_series(1, $articles) g;
    INSERT INTO cluster_claim (claim_id, article_id, revision, cluster_id, type, text, start_offset, checkworthiness,
                               casualties, conflicted, language, source)
      SELECT gen_random_uuid(), a.id, 1, v.cluster_id, 'STATISTIC', v.claim_reviewed, c * 240, 0.6, true, false, 'en', a.id
      FROM generate_series(1, $articles) g CROSS JOIN generate_series(0, 5) c
      JOIN verdict v ON v.sequence = 1 + (g * 6 + c) % $verdicts
      CROSS JOIN LATERAL (SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid AS id) a;
    INSERT INTO cluster_claim (claim_id, article_id, revision, cluster_id, type, text, start_offset, checkworthiness,
                               casualties, conflicted, language, source)
      SELECT gen_random_uuid(), a.id, 1, ('00000000-0000-4000-9000-' || lpad(to_hex(g * 2 + c), 12, '0'))::uuid, 'QUOTE',
             '\"We will rebuild every bridge by spring,\" the minister said.', 1440 + c * 240, 0.4, false, false, 'en', a.id
      FROM generate_series(1, $articles) g CROSS JOIN generate_series(0, 1) c
      CROSS JOIN LATERAL (SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid AS id) a;
    INSERT INTO task (id, cluster_id, stage, status, priority, due_at, skill, language, created_at, updated_at, version)
      SELECT gen_random_uuid(), cluster_id, 'FIRST_REVIEW', 'QUEUED', 30, now() + interval '8 hours', 'quotes', 'en', now(),
             now(), 1 FROM cluster_claim WHERE type = 'QUOTE';"
  echo "== GET /api/reports/<random article>, $articles articles of 8 claims stored, $connections connections, ${seconds}s (5 s warm-up first)"
  REPORT_ARTICLES=$articles wrk -t2 -c"$connections" -d5s -s scripts/bench/report.lua \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port" >/dev/null
  REPORT_ARTICLES=$articles wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench/report.lua \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port"
  echo "service RSS after the load: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
elif [ "$what" = startup ]; then
  ./mvnw -B -q clean package -DskipTests
  web_env=(SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/.test/bench-jwt/private.pem" CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$(random_secret)")
  echo "| service | run | launch → ready | Quarkus \"started in\" | RSS when ready |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for module in ${services//,/ }; do
    database="claimdesk_bench_$(echo "$module" | sed 's/-service//; s/-//')"
    extra=()
    [ "$module" = web-ui ] && extra=("${web_env[@]}")
    java_has_aot_cache && train_service "$module" "$database" "${extra[@]}"
    recreate_database "$database" claimdesk_bench
    # run 1 migrates an empty database; runs 2 to 4 start as a restart does
    for run in 1 2 3 4; do
      t0=$(date +%s%N)
      launch_service "$module" "$database" "${extra[@]}"
      until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$service_pid" 2>/dev/null || { echo "$module exited; see target/bench-$module.log" >&2; exit 1; }
        [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 60000 ] && { echo "$module not ready in 60 s" >&2; exit 1; }
        sleep 0.02
      done
      ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 ))
      started=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "target/bench-$module.log" | head -1)
      echo "| $module | $run | $ready_ms ms | ${started} s | $rss MiB |"
      kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
    done
  done
elif [ "$what" = soak ]; then
  ./mvnw -B -q clean package -DskipTests
  test_classpath system-tests
  pids=()
  start_service ingest-service claimdesk_bench_ingest \
    CLAIMDESK_RATE_LIMITS_INGEST_REQUESTS=1000000 CLAIMDESK_RATE_LIMITS_INGEST_BURST=1000000
  ingest="ingest=http://127.0.0.1:$port,$service_pid,claimdesk_bench_ingest" ingest_port=$port; pids+=("$service_pid")
  start_service claims-service claimdesk_bench_claims
  claims="claims=http://127.0.0.1:$port,$service_pid,claimdesk_bench_claims" claims_port=$port; pids+=("$service_pid")
  start_service review-service claimdesk_bench_review
  review="review=http://127.0.0.1:$port,$service_pid,claimdesk_bench_review" review_port=$port; pids+=("$service_pid")
  start_service web-ui claimdesk_bench_webui \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/.test/bench-jwt/private.pem" CLAIMDESK_SERVICES_REVIEW="http://127.0.0.1:$review_port" \
    CLAIMDESK_SERVICES_CLAIMS="http://127.0.0.1:$claims_port" CLAIMDESK_SERVICES_INGEST="http://127.0.0.1:$ingest_port" \
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$(random_secret)"
  web="web-ui=http://127.0.0.1:$port,$service_pid,claimdesk_bench_webui"; pids+=("$service_pid")
  trap 'kill ${pids[*]} 2>/dev/null || true; wait 2>/dev/null; true' EXIT
  java -cp "$test_cp" \
    -Dclaimdesk.test.jwt.private-key="$PWD/.test/bench-jwt/private.pem" dev.claimdesk.systest.bench.SoakBenchmark \
    "$rate" "$seconds" 15 seeds "$text" "$ingest" "$claims" "$review" "$web"
elif [ "$what" = pipeline ]; then
  ./mvnw -B -q clean package -DskipTests
  test_classpath system-tests
  # the ceilings first, each alone on the machine
  mkdir -p target
  ceiling_engine="" ceiling_broker="" ceiling_database=""
  ceilings="${BENCH_CEILINGS:-yes}"
  # engine_ceiling SECONDS: the extraction engine alone with embeddings, articles/s on all cores (sets $ceiling_engine)
  engine_ceiling() {
    echo "== ceiling: the extraction engine alone, JMH, $(nproc) threads, on 200 stories like those posted below"
    extraction_bench target/bench-articles.jsonl "$(nproc)" "$1" 'extraction|extractionWithEmbeddings' | tee target/bench-engine.out
    ceiling_engine=$(awk '$1 == "extractionWithEmbeddings" { gsub(",", "", $2); print $2 }' target/bench-engine.out)
  }
  if [ "$ceilings" != no ]; then
    java -cp "$test_cp" dev.claimdesk.systest.bench.BenchArticles target/bench-articles.jsonl seeds 200
  fi
  if [ "$ceilings" = engine ]; then
    engine_ceiling 4
  elif [ "$ceilings" = yes ]; then
    engine_ceiling 10
    echo "== ceiling: RabbitMQ PerfTest, 2 producers and 2 consumers, one quorum queue, persistent 2 kB messages, confirms (64 in flight), 20 s"
    ./mvnw -B -q -f scripts/bench/perftest/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/target/perftest.classpath"
    java -cp "$(cat target/perftest.classpath)" com.rabbitmq.perf.PerfTest \
      --uri "amqp://$CLAIMDESK_TEST_RABBITMQ_USER:$CLAIMDESK_TEST_RABBITMQ_PASSWORD@127.0.0.1:5672/$CLAIMDESK_TEST_RABBITMQ_VHOST" \
      --quorum-queue --queue bench-perftest --flag persistent --confirm 64 --producers 2 --consumers 2 --size 2000 --time 20 \
      2>&1 | grep -E 'rate avg|consumer latency min' | tee target/bench-perftest.out
    ceiling_broker=$(sed -n 's/.*sending rate avg: \([0-9]*\) msg\/s.*/\1/p' target/bench-perftest.out | head -1)
    echo "== ceiling: pgbench (TPC-B-like), scale 10, 8 clients, 20 s"
    recreate_database claimdesk_bench_pgbench claimdesk_bench
    pgbench -h 127.0.0.1 -U claimdesk_bench -i -s 10 -q claimdesk_bench_pgbench >/dev/null 2>&1
    pgbench -h 127.0.0.1 -U claimdesk_bench -c 8 -j 2 -T 20 -n claimdesk_bench_pgbench 2>&1 | grep -E '^(tps|latency average)' \
      | tee target/bench-pgbench.out
    ceiling_database=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' target/bench-pgbench.out | head -1)
    psql_admin -c "DROP DATABASE claimdesk_bench_pgbench" >/dev/null
  fi

  pids=() processes=()
  start_service ingest-service claimdesk_bench_ingest \
    CLAIMDESK_RATE_LIMITS_INGEST_REQUESTS=1000000 CLAIMDESK_RATE_LIMITS_INGEST_BURST=1000000
  processes+=("ingest=http://127.0.0.1:$port,$service_pid,claimdesk_bench_ingest") ingest_port=$port; pids+=("$service_pid")
  for module in claims review; do
    database="claimdesk_bench_$module"
    start_service "$module-service" "$database"
    processes+=("$module=http://127.0.0.1:$port,$service_pid,$database"); pids+=("$service_pid")
    eval "${module}_port=$port"
    for instance in $(seq 2 "$instances"); do
      # another instance on the same database and queues
      launch_service "$module-service" "$database"
      until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.2; done
      processes+=("$module-$instance=http://127.0.0.1:$port,$service_pid,$database"); pids+=("$service_pid")
    done
  done
  start_service web-ui claimdesk_bench_webui \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/.test/bench-jwt/private.pem" CLAIMDESK_SERVICES_REVIEW="http://127.0.0.1:$review_port" \
    CLAIMDESK_SERVICES_CLAIMS="http://127.0.0.1:$claims_port" CLAIMDESK_SERVICES_INGEST="http://127.0.0.1:$ingest_port" \
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$(random_secret)"
  processes+=("web-ui=http://127.0.0.1:$port,$service_pid,claimdesk_bench_webui"); pids+=("$service_pid")
  trap 'kill ${pids[*]} 2>/dev/null || true; wait 2>/dev/null; true' EXIT
  echo "== the suite: $instances instance(s) each of claims-service and review-service; phases $phases"
  CEILING_ENGINE="$ceiling_engine" CEILING_BROKER="$ceiling_broker" CEILING_DATABASE="$ceiling_database" \
    java -cp "$test_cp" -Dclaimdesk.test.jwt.private-key="$PWD/.test/bench-jwt/private.pem" \
    dev.claimdesk.systest.bench.PipelineBenchmark "$phases" seeds "${processes[@]}"
  if [ "$ceilings" = engine ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    before=$ceiling_engine
    engine_ceiling 4 > /dev/null
    echo "The engine alone, articles/s with embeddings: $before before the suite, $ceiling_engine after."
  fi
elif [ "$what" = queue ]; then
  ./mvnw -B -q clean package -DskipTests -pl review-service,web-ui -am
  start_service review-service claimdesk_bench_review
  review_port=$port review_pid=$service_pid
  # a reviewer's own tasks and the desk's waiting ones, each cluster told by two outlets, as review-service stores them
  psql_admin -d claimdesk_bench_review -c "
    INSERT INTO article (id, revision, outlet, url)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 1, 'Outlet ' || (g % 40),
             'https://news.example/' || g FROM generate_series(1, 4 * ${tasks}) g;
    INSERT INTO task (id, cluster_id, stage, status, assignee, first_reviewer, priority, due_at, skill, language,
                      created_at, updated_at, version)
      SELECT gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'FIRST_REVIEW',
             CASE WHEN g <= ${tasks} THEN 'ASSIGNED' ELSE 'QUEUED' END,
             CASE WHEN g <= ${tasks} THEN 'bench-reviewer' END, CASE WHEN g <= ${tasks} THEN 'bench-reviewer' END,
             20 + (g * 37) % 70, now() + (g % 72) * interval '1 hour', 'figures', 'en', now(), now(), 1
      FROM generate_series(1, 2 * ${tasks}) g;
    INSERT INTO cluster_claim (claim_id, article_id, revision, cluster_id, type, text, start_offset, checkworthiness,
                               casualties, conflicted, language, source)
      SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(2 * g - o), 12, '0'))::uuid, 1,
             ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'STATISTIC',
             'Floods in the valley killed at least ' || g || ' people, the civil protection agency said on Sunday.',
             0, 0.5 + (g % 50) / 100.0, true, g % 7 = 0, 'en', ('00000000-0000-4000-8000-' || lpad(to_hex(2 * g - o), 12, '0'))::uuid
      FROM generate_series(1, 2 * ${tasks}) g, (VALUES (0), (1)) outlets(o);"
  admin_password=$(random_secret)
  start_service web-ui claimdesk_bench_webui \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/.test/bench-jwt/private.pem" CLAIMDESK_SERVICES_REVIEW="http://127.0.0.1:$review_port" \
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    CLAIMDESK_RATE_LIMITS_TOKEN_REQUESTS=1000000
  web_pid=$service_pid
  trap 'kill $web_pid $review_pid 2>/dev/null || true; wait 2>/dev/null; true' EXIT
  base="http://127.0.0.1:$port"
  jwt=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
    "$base/api/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  reviewer_password=$(random_secret)
  curl -sf -o /dev/null -H "Authorization: Bearer $jwt" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench-reviewer\",\"password\":\"$reviewer_password\",\"roles\":[\"reviewer\"]}" "$base/api/users"
  jar=target/bench-queue.cookies
  rm -f "$jar"
  csrf=$(curl -sf -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
  curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "next=/desk" \
    --data-urlencode "username=bench-reviewer" --data-urlencode "password=$reviewer_password" "$base/login"
  rows=$(curl -sf -b "$jar" "$base/desk" | grep -c 'data-href="/desk/tasks/' || true)
  echo "== GET /desk: $tasks tasks of the reviewer's own and $tasks waiting at the desk; $rows rows on the page"
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" "$base/desk"; done
  : > target/bench-queue.times
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -b "$jar" -D - -w 'total %{time_total}\n' "$base/desk" \
      | sed -n 's/^[Ss]erver-[Tt]iming: app;dur=\([0-9.]*\).*/app \1/p; s/^total /total /p' >> target/bench-queue.times
  done
  echo -n "web-ui's own time (Server-Timing): "
  awk '$1 == "app" { print $2 / 1000 }' target/bench-queue.times | percentiles
  echo -n "the whole answer at the client:     "
  awk '$1 == "total" { print $2 }' target/bench-queue.times | percentiles
  # what the page waits for: review-service's two answers, timed on their own
  review_token=$(jwt_for "$PWD/.test/bench-jwt/private.pem" bench-reviewer reviewer)
  for path in "/api/tasks/mine" "/api/tasks?waiting=true&size=100"; do
    echo -n "review-service $path: "
    for _ in $(seq 1 "$requests"); do
      curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $review_token" "http://127.0.0.1:$review_port$path"
    done | percentiles
  done
  echo "page size: $(curl -s -b "$jar" "$base/desk" | wc -c) bytes; web-ui RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$web_pid/status) / 1024 )) MiB"
else
  ./mvnw -B -q clean package -DskipTests -pl web-ui -am
  admin_password=$(random_secret)
  start_service web-ui claimdesk_bench_webui \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/.test/bench-jwt/private.pem" \
    CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_USERNAME=admin CLAIMDESK_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    CLAIMDESK_RATE_LIMITS_TOKEN_REQUESTS=1000000
  url="http://127.0.0.1:$port/api/auth/token"
  login="{\"username\":\"admin\",\"password\":\"$admin_password\"}"
  jwt=$(curl -sf -H 'Content-Type: application/json' -d "$login" "$url" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  api_token=$(curl -sf -H "Authorization: Bearer $jwt" -H 'Content-Type: application/json' \
    -d '{"name":"bench","roles":["ingest"]}' "http://127.0.0.1:$port/api/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  for _ in $(seq 1 5); do curl -s -o /dev/null -H 'Content-Type: application/json' -d "$login" "$url"; done
  echo -n "password → JWT (bcrypt cost 12): "
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$login" "$url"; done | percentiles
  echo -n "API token → JWT: "
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "{\"apiToken\":\"$api_token\"}" "$url"; done | percentiles
  echo "web-ui RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
fi
