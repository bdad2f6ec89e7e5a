#!/usr/bin/env bash
# Runs every test of the suite (unit, service and cross-service) against this machine's PostgreSQL and
# RabbitMQ, in databases and a RabbitMQ virtual host of their own, so a suite started by run.sh is never
# touched. First it installs what the tests need and the machine lacks (as root on Debian), checks the compose
# setup, and proves the repository stands alone: the last commit, cloned into an empty folder, passes commons'
# and claims-service's tests there. Extra arguments go to Maven; those that select tests (-pl, -Dtest=, -Dit.test=)
# run only those, without the compose and stand-alone checks (e.g. ./test.sh -pl ingest-service).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
pick_java
ensure_local_services

selected=false
for arg in "$@"; do
  case "$arg" in -pl|-pl*|--projects|--projects=*|-Dtest=*|-Dit.test=*) selected=true ;; esac
done

export CLAIMDESK_TEST_PG="${CLAIMDESK_TEST_PG:-127.0.0.1:5432}"
export CLAIMDESK_TEST_PG_USER="${CLAIMDESK_TEST_PG_USER:-claimdesk_test}"
export CLAIMDESK_TEST_RABBITMQ_HOST="${CLAIMDESK_TEST_RABBITMQ_HOST:-127.0.0.1}"
export CLAIMDESK_TEST_RABBITMQ_PORT="${CLAIMDESK_TEST_RABBITMQ_PORT:-5672}"
export CLAIMDESK_TEST_RABBITMQ_USER="${CLAIMDESK_TEST_RABBITMQ_USER:-claimdesk-test}"
export CLAIMDESK_TEST_RABBITMQ_VHOST="${CLAIMDESK_TEST_RABBITMQ_VHOST:-claimdesk-test}"

# The browser tests drive Debian's Chromium through its chromedriver; the compose file is validated with
# docker-compose; the accessibility checks use axe-core from the npm registry.
# Missing where they cannot be installed: the whole run stops; a run of selected tests goes on and lets the
# tests that need them say so.
ensure_packages chromium:chromium chromedriver:chromium-driver || [ "$selected" = true ]
ensure_packages --no-install-recommends docker-compose:docker-compose || [ "$selected" = true ]
[ "$selected" = true ] || scripts/check-compose.sh

ensure_role "$CLAIMDESK_TEST_PG_USER"
psql_admin -c "ALTER ROLE \"$CLAIMDESK_TEST_PG_USER\" CREATEDB"

# Empty databases and a fresh broker vhost for a Maven run.
fresh_test_servers() {
  for db in claimdesk_test_ingest claimdesk_test_claims claimdesk_test_review claimdesk_test_webui \
            claimdesk_systest_ingest claimdesk_systest_claims claimdesk_systest_review claimdesk_systest_webui; do
    recreate_database "$db" "$CLAIMDESK_TEST_PG_USER"
  done

  if command -v rabbitmqctl >/dev/null 2>&1; then
    # A fresh virtual host and a password made for this run: nothing from an earlier run or a running suite leaks in.
    fresh_vhost "$CLAIMDESK_TEST_RABBITMQ_USER" "$CLAIMDESK_TEST_RABBITMQ_VHOST"
    export CLAIMDESK_TEST_RABBITMQ_PASSWORD="$FRESH_VHOST_PASSWORD"
    # The system tests run each service as ops do: with a broker user of its own, limited to its exchanges
    # and queues (claimdesk-test-<service>, password in CLAIMDESK_TEST_RABBITMQ_PASSWORD_<SERVICE>).
    for svc in ingest-service claims-service review-service web-ui; do
      var="CLAIMDESK_TEST_RABBITMQ_PASSWORD_$(echo "$svc" | tr 'a-z-' 'A-Z_')"
      export "$var=$(random_secret)"
      broker_user "$svc" "claimdesk-test-$svc" "${!var}" "$CLAIMDESK_TEST_RABBITMQ_VHOST"
    done
  fi
}
fresh_test_servers
: "${CLAIMDESK_TEST_RABBITMQ_PASSWORD:?set CLAIMDESK_TEST_RABBITMQ_PASSWORD for the test broker user}"

# Stand alone: nothing outside the repository (no folder beside it) is needed to build and pass.
if [ "$selected" = false ] && ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "Not a git clone: the stand-alone check (a clone of the last commit) cannot run here." >&2
elif [ "$selected" = false ]; then
  [ -z "$(git status --porcelain 2>/dev/null)" ] || echo "Uncommitted changes: the stand-alone check tests the last commit only." >&2
  standalone=$(mktemp -d)
  trap 'rm -rf "$standalone"' EXIT
  git -c advice.detachedHead=false clone -q --no-hardlinks . "$standalone/claimdesk"
  echo "Stand-alone check: commons and claims-service from a clone in $standalone, with nothing beside it"
  (cd "$standalone/claimdesk" && ./mvnw -B -ntp clean verify -pl claims-service -am)
  rm -rf "$standalone"
  fresh_test_servers
fi

# axe-core, pinned, for the browser tests' accessibility checks (from the npm registry; the tests reach no network).
if [ ! -f .test/axe/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then
  npm install --silent --no-audit --no-fund --prefix .test/axe axe-core@4.14.1 >/dev/null
fi
export CLAIMDESK_TEST_AXE="${CLAIMDESK_TEST_AXE:-$PWD/.test/axe/node_modules/axe-core/axe.min.js}"

# clean: a resource removed from the sources (a renamed migration, say) must not linger in target/.
exec ./mvnw -B -ntp clean verify "$@"
