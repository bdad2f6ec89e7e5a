#!/usr/bin/env bash
# Writes .env for docker compose with a fresh random password per service and for the broker, once.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then
  echo ".env exists; keeping it"
  exit 0
fi
secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
umask 077
cat > .env <<ENV
POSTGRES_PASSWORD=$(secret)
INGEST_DB_PASSWORD=$(secret)
CLAIMS_DB_PASSWORD=$(secret)
REVIEW_DB_PASSWORD=$(secret)
WEBUI_DB_PASSWORD=$(secret)
RABBITMQ_PASSWORD=$(secret)
ENV
echo "wrote .env"
