# Shared by run.sh, test.sh, bench.sh and the scripts beside this file: the JDK, the local PostgreSQL and RabbitMQ
# they need, and the packages the tests need.

pick_java() {
  if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
      if [ -x "$candidate/bin/java" ]; then
        export JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  [ -n "${JAVA_HOME:-}" ] || { echo "A JDK 21 or newer is needed (set JAVA_HOME)" >&2; exit 1; }
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Starts the machine's PostgreSQL and RabbitMQ when they are installed here and not running.
ensure_local_services() {
  if command -v pg_lsclusters >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "Starting PostgreSQL..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start
  fi
  if command -v rabbitmqctl >/dev/null 2>&1 && ! rabbitmqctl -q status >/dev/null 2>&1; then
    echo "Starting RabbitMQ..."
    rabbitmq-server -detached
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
  if command -v rabbitmqctl >/dev/null 2>&1; then
    rabbitmqctl -q await_startup --timeout 120 >/dev/null 2>&1 \
      || { echo "RabbitMQ did not start" >&2; exit 1; }
  fi
}

# ensure_packages [--no-install-recommends] COMMAND:PACKAGE...: each Debian package whose command is missing,
# installed when this runs as root with apt-get; otherwise the missing ones named with the command that installs them.
ensure_packages() {
  local options=() pair missing=()
  [ "${1:-}" != --no-install-recommends ] || { options+=("$1"); shift; }
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing ${missing[*]} (Debian's package names); on Debian: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]} (Debian packages)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${options[@]}" "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq "${options[@]}" "${missing[@]}" >/dev/null; }
}

psql_admin() {
  PGOPTIONS="--client-min-messages=warning" psql -h 127.0.0.1 -U "${PG_ADMIN_USER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# ensure_role NAME [PASSWORD]
ensure_role() {
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$1'")" != "1" ]; then
    psql_admin -c "CREATE ROLE \"$1\" LOGIN"
  fi
  if [ -n "${2:-}" ]; then
    psql_admin -c "ALTER ROLE \"$1\" PASSWORD '$2'"
  fi
}

# ensure_database NAME OWNER
ensure_database() {
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE \"$1\" OWNER \"$2\""
  fi
}

# recreate_database NAME OWNER
recreate_database() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
  psql_admin -c "CREATE DATABASE \"$1\" OWNER \"$2\""
}

# ensure_rabbit_user USER PASSWORD VHOST [CONFIGURE WRITE READ]: the user with these permissions on the vhost
# (all of it when none are given) and nothing else.
ensure_rabbit_user() {
  rabbitmqctl -q add_vhost "$3" >/dev/null 2>&1 || true
  if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$1"; then
    rabbitmqctl -q change_password "$1" "$2" >/dev/null
  else
    rabbitmqctl -q add_user "$1" "$2" >/dev/null
  fi
  rabbitmqctl -q set_permissions -p "$3" "$1" "${4:-.*}" "${5:-.*}" "${6:-.*}" >/dev/null
}

random_secret() {
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32
}

# fresh_vhost USER VHOST: recreates VHOST empty, owned by USER with a password made for this run,
# exported as FRESH_VHOST_PASSWORD.
fresh_vhost() {
  rabbitmqctl -q delete_vhost "$2" >/dev/null 2>&1 || true
  FRESH_VHOST_PASSWORD="$(random_secret)"
  export FRESH_VHOST_PASSWORD
  ensure_rabbit_user "$1" "$FRESH_VHOST_PASSWORD" "$2"
}

# jwt_keys DIR: an RSA key pair for signing JWTs (DIR/private.pem, PKCS#8) and verifying them (DIR/public.pem),
# made once and readable by the owner only.
jwt_keys() {
  mkdir -p "$1"
  if [ ! -s "$1/private.pem" ] || [ ! -s "$1/public.pem" ]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/private.pem" 2>/dev/null)
    openssl pkey -in "$1/private.pem" -pubout -out "$1/public.pem"
  fi
}

# What each service may do on the broker, as RabbitMQ permission regexes "configure write read": declare the
# suite's exchanges and its own queues (<prefix>.*), publish only to the exchanges whose events it owns, read
# its own queues. Declaring an exchange with an alternate exchange needs read on it, so every service may read
# (bind its own queues to) the four event exchanges: events are no secret between services, forging them is
# what must be impossible. The same table feeds run.sh, test.sh and scripts/compose-env.sh.
broker_permissions() {
  local prefix publishes common='claimdesk\.unroutable|claimdesk\.dlx|claimdesk\.redrive' exchanges='articles|claims|tasks|verdicts'
  case "$1" in
    ingest-service) prefix=ingest publishes='articles' ;;
    claims-service) prefix=claims publishes='claims' ;;
    review-service) prefix=review publishes='tasks|verdicts' ;;
    web-ui)         prefix=webui  publishes='' ;;
    *) echo "unknown service $1" >&2; return 1 ;;
  esac
  printf '%s %s %s\n' \
    "^(${common}|${exchanges}|${prefix}\..*)\$" \
    "^(${common}|${prefix}\..*${publishes:+|$publishes})\$" \
    "^(${common}|${exchanges}|${prefix}\..*)\$"
}

# broker_user SERVICE USER PASSWORD VHOST: the service's own broker user, limited to broker_permissions.
broker_user() {
  local perms
  read -r -a perms <<< "$(broker_permissions "$1")"
  ensure_rabbit_user "$2" "$3" "$4" "${perms[0]}" "${perms[1]}" "${perms[2]}"
}

# jwt_for PRIVATE_KEY SUBJECT ROLE...: an RS256 JWT of 10 minutes as web-ui issues them (issuer and audience
# claimdesk), for benchmarks that call a service directly.
jwt_for() {
  local key=$1 subject=$2 now groups header payload
  shift 2
  now=$(date +%s)
  groups=$(printf '"%s",' "$@")
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"claimdesk","aud":"claimdesk","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$subject" "$subject" "${groups%,}" "$now" "$((now + 600))" "$(random_secret)" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
}

# Every service's JVM runs the one way (run.sh, bench.sh, the system tests' ServiceProcess, the Dockerfile): with the
# options in scripts/service-jvm.options and then its own in scripts/jvm/MODULE.options, from its quarkus-app folder
# (the aot-jar layout, the parent pom), and with the JDK's AOT cache (JEP 483/514, JDK 25 and later) when a training
# run of these very jars has made one. A cache is valid only for the JDK and the class path that made it, hence the
# folder and `-jar quarkus-run.jar` as given.
SERVICE_JVM_OPTIONS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/service-jvm.options"

java_has_aot_cache() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${JAVA_HOME:-/nonexistent}/release" 2>/dev/null)
  [ -n "$version" ] || version=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  [ "$version" -ge 25 ] 2>/dev/null
}

# aot_cache_fresh MODULE: the module's cache was written after every jar it holds classes of.
aot_cache_fresh() {
  local app="$1/target/quarkus-app"
  [ -f "$app/app.aot" ] && [ -z "$(find "$app" -name '*.jar' -newer "$app/app.aot" -print -quit)" ]
}

# service_java MODULE: becomes the module's JVM (call it in a subshell that has set the service's environment).
# With AOT_TRAINING=1 the run is a training run: the JVM records what it loads and writes the cache when it exits.
service_java() {
  local module=$1 aot=()
  if java_has_aot_cache; then
    if [ "${AOT_TRAINING:-0}" = 1 ]; then
      aot=(-XX:AOTCacheOutput=app.aot)
    elif aot_cache_fresh "$module"; then
      aot=(-XX:AOTCache=app.aot)
    fi
  fi
  # glibc's malloc makes an arena per thread that allocates natively; two keep freed memory reusable (and trimmable)
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
  cd "$module/target/quarkus-app" && exec java "@$SERVICE_JVM_OPTIONS" "@$(dirname "$SERVICE_JVM_OPTIONS")/jvm/$module.options" \
    ${SERVICE_JAVA_OPTS:-} "${aot[@]}" -jar quarkus-run.jar
}

# await_exit PID SECONDS: waits for the process to end (a training run writes its cache on the way out).
await_exit() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}

# aot_training_load MODULE URL PRIVATE_KEY: what a training run does between ready and its stop (run.sh, bench.sh), so
# that the cache holds, besides the classes of the start, the profiles of code that runs under load (JEP 515) and C2
# compiles that code as soon as it runs rather than after minutes of load. claims-service: the seeds, AOT_TRAINING_ROUNDS
# (40) times, through the extraction engine (/api/claims/extract, which stores nothing; paced under its rate limit).
aot_training_load() {
  local module=$1 url=$2 key=$3 token bodies seed round body failed=0
  [ "$module" = claims-service ] || return 0
  token=$(jwt_for "$key" aot-training ingest)
  bodies=$(mktemp -d)
  for seed in "$(dirname "$SERVICE_JVM_OPTIONS")"/../seeds/*.txt; do
    # the seed as a JSON string: backslashes, quotes, tabs and CRs escaped, its lines joined by \n
    printf '{"text":"%s"}' "$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$seed" \
      | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/\\n/g')" > "$bodies/$(basename "$seed" .txt).json"
  done
  for ((round = 0; round < ${AOT_TRAINING_ROUNDS:-40}; round++)); do
    for body in "$bodies"/*.json; do
      curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$body" "$url/api/claims/extract" | grep -qx 200 || failed=$((failed + 1))
      sleep 0.06
    done
  done
  rm -rf "$bodies"
  [ "$failed" -eq 0 ] || echo "$module's training load: $failed requests not answered 200" >&2
}

# test_classpath MODULE: compiles MODULE's tests with the modules it needs from this checkout (the reactor, never
# ~/.m2's copies) and sets test_cp to the classpath that runs its test-scope programs (benchmarks, the scorer).
test_classpath() {
  # local-services: the profile that holds system-tests
  ./mvnw -B -q -Plocal-services test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -pl "$1" -am
  test_cp="$1/target/test-classes:$1/target/classes:$(cat "$1/target/test.classpath")"
}
