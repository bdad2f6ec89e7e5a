#!/usr/bin/env bash
# Checks the compose setup without Docker: scripts/compose-env.sh run in a scratch copy makes .env and the
# broker definitions, docker-compose validates the file with them, and the local RabbitMQ imports the
# definitions (under scratch names) and accepts each service's password with exactly its permissions.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/scripts/compose"
cp docker-compose.yml "$scratch/"
cp scripts/compose-env.sh scripts/lib.sh "$scratch/scripts/"
cp scripts/compose/postgres-init.sh "$scratch/scripts/compose/"
cp scripts/LoadSeeds.java "$scratch/scripts/"
(cd "$scratch" && bash scripts/compose-env.sh >/dev/null && docker-compose config -q)
echo "docker-compose.yml is valid with the generated .env"

if command -v rabbitmqctl >/dev/null 2>&1; then
  tag="cdcheck$$"
  sed "s/\"claimdesk-/\"$tag-/g; s/\"vhost\":\"claimdesk\"/\"vhost\":\"$tag\"/g; s/{\"name\":\"claimdesk\"}/{\"name\":\"$tag\"}/" \
    "$scratch/.compose/rabbitmq/definitions.json" > "$scratch/definitions.json"
  cleanup_broker() {
    for u in ingest-service claims-service review-service web-ui admin; do rabbitmqctl -q delete_user "$tag-$u" >/dev/null 2>&1 || true; done
    rabbitmqctl -q delete_vhost "$tag" >/dev/null 2>&1 || true
  }
  trap 'cleanup_broker; rm -rf "$scratch"' EXIT
  # The broker runs as its own user: it reads the file from a folder it may enter.
  chmod 755 "$scratch" && chmod 644 "$scratch/definitions.json"
  rabbitmqctl -q import_definitions "$scratch/definitions.json" >/dev/null
  for svc in ingest-service claims-service review-service web-ui; do
    var="$(echo "${svc%-service}" | tr 'a-z-' 'A-Z_')"; [ "$svc" = web-ui ] && var=WEBUI
    password=$(sed -n "s/^${var}_BROKER_PASSWORD=//p" "$scratch/.env")
    rabbitmqctl -q authenticate_user "$tag-$svc" "$password" >/dev/null
    expected="$tag-$svc	$(broker_permissions "$svc" | tr ' ' '\t')"
    actual=$(rabbitmqctl -q list_permissions -p "$tag" | grep "^$tag-$svc	")
    [ "$expected" = "$actual" ] || { echo "permissions of $svc differ: $actual" >&2; exit 1; }
  done
  if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx guest && rabbitmqctl -q list_permissions -p "$tag" | grep -q '^guest'; then
    echo "guest may use the compose vhost" >&2; exit 1
  fi
  echo "broker definitions: every service user authenticates with its own password and permissions; no guest"
fi
