#!/usr/bin/env bash
# Prepares `docker compose up` once: writes .env with a random password per database user, per broker user,
# for the broker's admin and for Claimdesk's first admin, the JWT signing key pair, and the broker definitions
# (each service its own user, limited to its exchanges and queues) in .compose/. Nothing here is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
if [ -f .env ]; then
  echo ".env exists; keeping it (delete .env and .compose/ to start over)"
  exit 0
fi

# RabbitMQ's rabbit_password_hashing_sha256: base64(salt + SHA-256(salt + password)), 4 random bytes of salt.
rabbit_hash() {
  local salt
  salt=$(head -c 4 /dev/urandom | xxd -p)
  { printf '%s' "$salt" | xxd -r -p
    { printf '%s' "$salt" | xxd -r -p; printf '%s' "$1"; } | openssl dgst -sha256 -binary
  } | base64 -w0
}
json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

mkdir -p .compose/rabbitmq
jwt_keys .compose/jwt
one_line() { grep -v -- '-----' "$1" | tr -d '\n'; }

declare -A BROKER_PASSWORD
users='' permissions=''
for svc in ingest-service claims-service review-service web-ui; do
  BROKER_PASSWORD[$svc]=$(random_secret)
  read -r -a perms <<< "$(broker_permissions "$svc")"
  users+="{\"name\":\"claimdesk-$svc\",\"password_hash\":\"$(rabbit_hash "${BROKER_PASSWORD[$svc]}")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[]},"
  permissions+="{\"user\":\"claimdesk-$svc\",\"vhost\":\"claimdesk\",\"configure\":\"$(json_escape "${perms[0]}")\",\"write\":\"$(json_escape "${perms[1]}")\",\"read\":\"$(json_escape "${perms[2]}")\"},"
done
broker_admin=$(random_secret)
users+="{\"name\":\"claimdesk-admin\",\"password_hash\":\"$(rabbit_hash "$broker_admin")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[\"administrator\"]}"
permissions+="{\"user\":\"claimdesk-admin\",\"vhost\":\"claimdesk\",\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"
umask 077
printf '{"users":[%s],"vhosts":[{"name":"claimdesk"}],"permissions":[%s]}\n' "$users" "$permissions" \
  > .compose/rabbitmq/definitions.json
printf 'load_definitions = /etc/rabbitmq/claimdesk-definitions.json\n' > .compose/rabbitmq/20-claimdesk.conf
# The broker container reads these as its own user.
chmod 644 .compose/rabbitmq/definitions.json .compose/rabbitmq/20-claimdesk.conf

cat > .env <<ENV
POSTGRES_PASSWORD=$(random_secret)
INGEST_DB_PASSWORD=$(random_secret)
CLAIMS_DB_PASSWORD=$(random_secret)
REVIEW_DB_PASSWORD=$(random_secret)
WEBUI_DB_PASSWORD=$(random_secret)
INGEST_BROKER_PASSWORD=${BROKER_PASSWORD[ingest-service]}
CLAIMS_BROKER_PASSWORD=${BROKER_PASSWORD[claims-service]}
REVIEW_BROKER_PASSWORD=${BROKER_PASSWORD[review-service]}
WEBUI_BROKER_PASSWORD=${BROKER_PASSWORD[web-ui]}
RABBITMQ_ADMIN_PASSWORD=$broker_admin
ADMIN_PASSWORD=$(random_secret)
JWT_PUBLIC_KEY=$(one_line .compose/jwt/public.pem)
JWT_PRIVATE_KEY=$(one_line .compose/jwt/private.pem)
ENV
echo "wrote .env and .compose/"
echo "Claimdesk admin: admin / $(sed -n 's/^ADMIN_PASSWORD=//p' .env)   RabbitMQ management (15672): claimdesk-admin / $broker_admin"
