#!/usr/bin/env bash
#
# Copyright 2026 the camel-databricks authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

# Smoke test of the databricks-sql-sink Kamelet in the Camel CLI (Camel JBang's `camel run`), with the
# camel-databricks and camel-databricks-kamelets jars built in this checkout, against the LocalWarehouse standalone
# jar. Builds nothing: run it after
#   ./mvnw -B -ntp verify      (or: ./mvnw -B -ntp -DskipTests package)
#
# The set-up is the component's CLI smoke test's (camel-databricks-example/src/test/cli/cli-smoke-lib.sh): the built
# jars deployed into a file repository, the CLI with a local Maven repository of its own, the standalone warehouse.
# In target/cli-smoke/ of camel-databricks-kamelets it runs the file-to-Databricks pipeline of docs/kamelets.md,
#   camel run orders.camel.yaml smoke.camel.yaml application.properties
#     --dep=io.github.cameldatabricks:camel-databricks-kamelets:<version>
#     --dep=io.github.cameldatabricks:camel-databricks:<version> --repos=file://<repo/>
# where smoke.camel.yaml creates the pipeline's table, drops a JSON array of 1,000 orders into its inbox and counts
# the table once the pipeline is done. It checks that the rows arrived, that the warehouse audit shows a dozen
# multi-row INSERT statements for them with the Kamelet's userAgentEntry in the User-Agent, and that the Kamelet came
# from this build's jar: Camel CLI 4.17 looks for Kamelets at classpath:kamelets (KameletMain's default
# camel.component.kamelet.location) and a --dep jar is on that class path, so no location is set.
# Always stops the warehouse. Prints no token.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../../../../camel-databricks-example/src/test/cli/cli-smoke-lib.sh
source "$here/../../../../camel-databricks-example/src/test/cli/cli-smoke-lib.sh"

rows=1000
smoke_init kamelet-cli-smoke "$root/camel-databricks-kamelets/target/cli-smoke"
smoke_deploy camel-databricks-component camel-databricks-kamelets
smoke_cli
smoke_warehouse 10

cp "$here/orders.camel.yaml" "$here/smoke.camel.yaml" "$here/application.properties" "$out/work/"
cat >>"$out/work/application.properties" <<EOF
databricks.host = $base_url
databricks.http-path = $(field httpPath)
EOF
mkdir -p "$out/work/staged"
{
  printf '['
  for i in $(seq 1 "$rows"); do
    [ "$i" -eq 1 ] || printf ', '
    printf '{"id": %d, "customer": "customer-%d", "amount": %d.5}' "$i" $((i % 7)) "$i"
  done
  printf ']\n'
} >"$out/work/staged/orders.json"

deps="--dep=io.github.cameldatabricks:camel-databricks-kamelets:$version --dep=io.github.cameldatabricks:camel-databricks:$version"
echo "$smoke_name: camel run orders.camel.yaml smoke.camel.yaml application.properties $deps --repos=$repo_url"
# Four exchanges end the run: the set-up, the pipeline's and the Kamelet's (Camel counts the Kamelet's route as
# one of its own), and the count.
# shellcheck disable=SC2086
smoke_run DATABRICKS_TOKEN="$(field token)" -- \
  run orders.camel.yaml smoke.camel.yaml application.properties $deps --repos="$repo_url" \
  --max-messages=4 --max-seconds=90 --logging-color=false

smoke_common_checks
check "the run ended after its four exchanges, not at --max-seconds" \
  grep -qF 'Duration max messages triggering shutdown' "$out/cli.log"
# 1..1000 with amounts i + 0.5: 500,500 + 500
check "the table holds the $rows orders, each once" \
  grep -qF "kamelet-smoke count: [{orders=$rows, ids=$rows, amount=501000.0}]" "$out/cli.log"

# The Kamelet is this build's: the CLI took this build's jars from the file repository, and no other jar it could
# load (its own class path, the jars it downloaded, Apache's Kamelet catalog among them) holds a databricks-sql-sink.
check "the CLI ran this build's camel-databricks-kamelets jar" \
  smoke_used_jar camel-databricks-kamelets "$(module_jar camel-databricks-kamelets)"
check "the CLI ran this build's camel-databricks jar" \
  smoke_used_jar camel-databricks "$(module_jar camel-databricks-component)"
holders="$({ tr ':' '\n' <"$shared/cli.classpath"; find "$m2" -name '*.jar'; } |
  xargs grep -l -a -F 'kamelets/databricks-sql-sink.kamelet.yaml' 2>/dev/null || true)"
ours="$(find "$m2/io/github/cameldatabricks/camel-databricks-kamelets" -name '*.jar' | sort)"
only_ours() { [ -n "$ours" ] && [ "$(sort <<<"$holders")" = "$ours" ]; }
check "only camel-databricks-kamelets $version holds the Kamelet (found in:$(for h in $holders; do printf ' %s' "${h##*/}"; done))" \
  only_ours
check "the pipeline's route called the Kamelet" grep -qE 'Routes startup \(.*kamelets:1\)' "$out/cli.log"

# The warehouse's view: the rows came as multi-row INSERT statements, far fewer than rows, each with the Kamelet's
# userAgentEntry. 3 columns, at most 256 parameters a statement: 85 rows a statement, 12 statements for 1,000 rows.
smoke_audit
grep -F '"commandText":"INSERT INTO main.sales.orders (id,customer,amount) VALUES (?, ?, ?),(?, ?, ?)' \
  "$out/audit.lines" >"$out/inserts.lines" || true
check "the audit shows 12 multi-row INSERT statements for $rows rows (was $(wc -l <"$out/inserts.lines"))" \
  test "$(wc -l <"$out/inserts.lines")" -eq 12
check "they bound $rows rows" test "$(grep -o -F '(?, ?, ?)' "$out/inserts.lines" | wc -l)" -eq "$rows"
check "each succeeded" bash -c '! grep -v -F "\"status_code\":200," "$1"' _ "$out/inserts.lines"
check "each User-Agent contains the Kamelet's Acme_OrderFiles/1.0.0" \
  bash -c '! grep -v -E "\"user_agent\":\"[^\"]*Acme_OrderFiles/1\.0\.0" "$1"' _ "$out/inserts.lines"

smoke_done
