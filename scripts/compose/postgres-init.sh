#!/usr/bin/env bash
# First start of the compose PostgreSQL: one database per service, each owned by a user of its own.
set -euo pipefail
create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE ROLE $1 LOGIN PASSWORD '$2'" \
    -c "CREATE DATABASE $1 OWNER $1" \
    -c "REVOKE ALL ON DATABASE $1 FROM PUBLIC"
}
create claimdesk_ingest "$INGEST_DB_PASSWORD"
create claimdesk_claims "$CLAIMS_DB_PASSWORD"
create claimdesk_review "$REVIEW_DB_PASSWORD"
create claimdesk_webui "$WEBUI_DB_PASSWORD"
