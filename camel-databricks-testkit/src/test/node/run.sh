#!/usr/bin/env bash
# Conformance of the official Databricks Node.js driver (@databricks/sql, pinned in package.json) against the
# LocalWarehouse standalone jar. Builds nothing: run it after
#   ./mvnw -B -ntp -pl camel-databricks-testkit package -DskipTests   (or the full verify).
# Starts the jar with --tls, exports what the tests need, runs `npm ci` and `node --test`, and always stops the jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"

# @databricks/sql 2.x declares engines node >= 20 (Debian 13's nodejs is 20; Debian 12's is 18).
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "error: Node.js $(node --version) is too old for @databricks/sql 2.1.0 (needs >= 20)" >&2
  exit 1
fi

shopt -s nullglob
jars=("$root"/camel-databricks-testkit/target/camel-databricks-testkit-*-standalone.jar)
shopt -u nullglob
if [ "${#jars[@]}" -ne 1 ]; then
  echo "error: expected exactly one camel-databricks-testkit/target/camel-databricks-testkit-*-standalone.jar, found ${#jars[@]}; build it first" >&2
  exit 1
fi

work="$(mktemp -d)"
jar_pid=""
cleanup() {
  if [ -n "$jar_pid" ] && kill -0 "$jar_pid" 2>/dev/null; then
    kill "$jar_pid" 2>/dev/null || true
    wait "$jar_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# CloudFetch above 50,000 rows (default 100,000) in files of 20,000 rows, so the CloudFetch tests stay small; the
# paging test (45,000 rows) stays inline. The tests read both numbers from LW_CLOUD_FETCH_*.
export LW_CLOUD_FETCH_THRESHOLD=50000
export LW_CLOUD_FETCH_FILE_ROWS=20000
java -jar "${jars[0]}" --tls --rows 1000 \
  --cloud-fetch-threshold "$LW_CLOUD_FETCH_THRESHOLD" --cloud-fetch-file-rows "$LW_CLOUD_FETCH_FILE_ROWS" \
  >"$work/ready.json" 2>"$work/warehouse.log" &
jar_pid=$!

# The jar prints one JSON line on stdout when it is ready.
for _ in $(seq 1 300); do
  if [ -s "$work/ready.json" ] && grep -q '}' "$work/ready.json"; then break; fi
  if ! kill -0 "$jar_pid" 2>/dev/null; then
    echo "error: the standalone jar exited before it was ready:" >&2
    cat "$work/warehouse.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! grep -q '}' "$work/ready.json" 2>/dev/null; then
  echo "error: the standalone jar printed no JSON line within 30 s" >&2
  cat "$work/warehouse.log" >&2
  exit 1
fi

field() { node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(j[process.argv[2]]));' "$work/ready.json" "$1"; }
export LW_HOST="$(field host)"
export LW_PORT="$(field port)"
export LW_PATH="$(field httpPath)"
export LW_TOKEN="$(field token)"
export LW_BASE_URL="$(field baseUrl)"
# TLS verification stays on: Node trusts the warehouse's generated CA in addition to its own roots.
export NODE_EXTRA_CA_CERTS="$(field caCertificatePem)"
# The driver's hard switch for telemetry and its feature-flag call (the tests also pass telemetryEnabled: false).
export DATABRICKS_TELEMETRY_DISABLED=1

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
status=0
node --test --test-reporter=spec --test-timeout=60000 || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- LocalWarehouse log (stderr) ---" >&2
  tail -n 100 "$work/warehouse.log" >&2
fi
exit "$status"
