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

# Smoke test of the Camel CLI (Camel JBang's `camel run`) with the component built in this checkout, against the
# LocalWarehouse standalone jar. Builds nothing: run it after
#   ./mvnw -B -ntp verify      (or: ./mvnw -B -ntp -DskipTests package)
#
# What it does, in target/cli-smoke/ of camel-databricks-example (the set-up is cli-smoke-lib.sh's):
#  1. deploys the built camel-databricks jar (and the parent pom it names) into a file repository, repo/, with
#     maven-deploy-plugin's deploy-file: nothing is installed into ~/.m2;
#  2. resolves the CLI (org.apache.camel:camel-jbang-core, version in cli-classpath.pom.xml) and starts it through
#     CamelJBangMain, as Camel's JBang launcher does, with its own local Maven repository (-Dmaven.repo.local), so
#     a camel-databricks 0.1.0-SNAPSHOT installed in ~/.m2 by another build can neither shadow this build's jar nor be
#     touched;
#  3. starts the standalone LocalWarehouse and runs
#       camel run route.camel.yaml application.properties --dep=io.github.cameldatabricks:camel-databricks:<version>
#         --repos=file://<repo/>
#     and checks the query results in the route's log, that the CLI ran exactly this build's jar, and that the
#     warehouse audit recorded the userAgentEntry of application.properties in the User-Agent.
# Always stops the warehouse. Prints no token.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=cli-smoke-lib.sh
source "$here/cli-smoke-lib.sh"

smoke_init cli-smoke "$root/camel-databricks-example/target/cli-smoke"
smoke_deploy camel-databricks-component
smoke_cli
smoke_warehouse 1000

# The run: the same command line as docs/getting-started.md, in a work directory holding the route's files.
cp "$here/route.camel.yaml" "$here/application.properties" "$out/work/"
cp -r "$here/queries" "$out/work/"
echo "$smoke_name: camel run route.camel.yaml application.properties --dep=io.github.cameldatabricks:camel-databricks:$version --repos=$repo_url"
smoke_run DATABRICKS_HOST="$base_url" DATABRICKS_HTTP_PATH="$(field httpPath)" DATABRICKS_TOKEN="$(field token)" -- \
  run route.camel.yaml application.properties \
  --dep="io.github.cameldatabricks:camel-databricks:$version" --repos="$repo_url" \
  --max-messages=1 --max-seconds=120 --logging-color=false

smoke_common_checks
check "the inline query returned 1000 trips" grep -qF 'cli-smoke inline: [{trips=1000}]' "$out/cli.log"
check "databricks:file:queries/cli-smoke.sql ran the file's SQL" \
  grep -qF 'cli-smoke file: [{source=from-file, trips=1000}]' "$out/cli.log"
check "the PWAF audit query found the route's calls" grep -qE 'cli-smoke audit: \[\{calls=[1-9][0-9]*\}\]' "$out/cli.log"
check "the CLI ran this build's camel-databricks jar" \
  smoke_used_jar camel-databricks "$(module_jar camel-databricks-component)"

# The audit, read through the admin API: every SQL call of the run carries the userAgentEntry.
smoke_audit
agents="$(grep -o '"user_agent":"[^"]*"' "$out/audit.json" | sort -u || true)"
check "the audit recorded calls" test -n "$agents"
check "every audited User-Agent contains Acme_CliSmoke/1.0.0" bash -c '! grep -v -F "Acme_CliSmoke/1.0.0" <<<"$1"' _ "$agents"
check "the audit holds the file query's text" grep -qF "SELECT 'from-file' AS source" "$out/audit.json"

smoke_done
