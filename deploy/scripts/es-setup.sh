#!/usr/bin/env bash
# One-shot security set-up for the compose stack, run inside the Elasticsearch image as root:
#   1. a CA and a certificate for the `elasticsearch` node (PEM, under /certs; kept across runs),
#   2. waits for Elasticsearch to answer over TLS,
#   3. sets the `kibana_system` password, and creates the `sitrep_writer` role and the `sitrep` user
#      that the sitrep services log in as (only sitrep* indices, index templates, and Kibana so that
#      `sitrep kibana load` can import the saved objects).
# Idempotent: certificates are made once, passwords/roles are (re)applied every run.
# Secrets come from the environment (deploy/.env) and are never echoed.
set -euo pipefail

: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in deploy/.env}"
: "${KIBANA_PASSWORD:?set KIBANA_PASSWORD in deploy/.env}"
: "${SITREP_ES_PASSWORD:?set SITREP_ES_PASSWORD in deploy/.env}"
ES_URL="${ES_URL:-https://elasticsearch:9200}"
CERTS=/certs
cd /usr/share/elasticsearch

if [ ! -f "$CERTS/ca/ca.crt" ]; then
  echo "es-setup: creating the certificate authority"
  bin/elasticsearch-certutil ca --silent --pem --days 1095 -out "$CERTS/ca.zip"
  unzip -q -o "$CERTS/ca.zip" -d "$CERTS" && rm -f "$CERTS/ca.zip"
fi
if [ ! -f "$CERTS/elasticsearch/elasticsearch.crt" ]; then
  echo "es-setup: creating the node certificate"
  cat > "$CERTS/instances.yml" <<'YAML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YAML
  bin/elasticsearch-certutil cert --silent --pem --days 1095 -out "$CERTS/certs.zip" \
    --in "$CERTS/instances.yml" --ca-cert "$CERTS/ca/ca.crt" --ca-key "$CERTS/ca/ca.key"
  unzip -q -o "$CERTS/certs.zip" -d "$CERTS" && rm -f "$CERTS/certs.zip"
fi
# Elasticsearch reads as uid 1000 / gid 0; sitrep (uid 10001) and Kibana need only the CA
# certificate, which is public. The CA key stays readable by root alone.
chown -R root:root "$CERTS"
find "$CERTS" -type d -exec chmod 755 {} \;
find "$CERTS" -type f -exec chmod 640 {} \;
chmod 644 "$CERTS/ca/ca.crt"
chmod 600 "$CERTS/ca/ca.key"
touch "$CERTS/.ready"

echo "es-setup: waiting for Elasticsearch at $ES_URL"
until curl -s --cacert "$CERTS/ca/ca.crt" "$ES_URL" | grep -q "missing authentication credentials"; do
  sleep 5
done

# curl reads the credentials from a config on stdin so they never show in `ps`.
es() {  # es METHOD PATH BODY -> prints the response, fails on HTTP >= 400
  local method=$1 path=$2 body=${3:-}
  printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" | curl -sS --fail -K - \
    --cacert "$CERTS/ca/ca.crt" -X "$method" -H 'Content-Type: application/json' \
    "$ES_URL$path" ${body:+-d "$body"}
}

echo "es-setup: setting the kibana_system password"
until es POST /_security/user/kibana_system/_password "{\"password\":\"$KIBANA_PASSWORD\"}" >/dev/null; do
  sleep 5
done

echo "es-setup: role sitrep_writer and user sitrep"
es PUT /_security/role/sitrep_writer '{
  "cluster": ["monitor", "manage_index_templates", "manage_ilm", "manage_pipeline"],
  "indices": [{
    "names": ["sitrep*", ".sitrep*"],
    "privileges": ["create_index", "manage", "write", "read", "view_index_metadata"]
  }],
  "applications": [{
    "application": "kibana-.kibana",
    "privileges": ["all"],
    "resources": ["*"]
  }]
}' >/dev/null
es PUT /_security/user/sitrep "{
  \"password\": \"$SITREP_ES_PASSWORD\",
  \"roles\": [\"sitrep_writer\"],
  \"full_name\": \"sitrep services\"
}" >/dev/null
echo "es-setup: done"
