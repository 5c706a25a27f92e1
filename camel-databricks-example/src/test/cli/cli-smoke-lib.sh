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

# Shared by the Camel CLI smoke tests (camel-databricks-example/src/test/cli/run.sh for the component,
# camel-databricks-kamelets/src/test/cli/run.sh for the Kamelets): source it from a bash script running with
# `set -euo pipefail`. Builds nothing; the scripts run after `./mvnw -B -ntp verify` (or `-DskipTests package`).
#
#   smoke_init NAME OUT          messages start with NAME:; OUT (under a module's target/) gets repo/ and work/
#   smoke_deploy MODULE...       the parent pom and each MODULE's built jar into the file repository OUT/repo
#   smoke_cli                    the CLI's class path; sets cli (a command array) and cli_version
#   smoke_warehouse ROWS         starts the standalone LocalWarehouse; field NAME reads its ready line
#   smoke_run VAR=VALUE... -- ARGS...   runs the CLI with ARGS in OUT/work, output in OUT/cli.log; sets status
#   check DESCRIPTION COMMAND... counts a passed check, or prints the logs and fails
#   smoke_common_checks          the exit status, no token in the log, the run on the CLI's Camel
#   smoke_used_jar ARTIFACT JAR  whether the CLI's local repository holds JAR as ARTIFACT, byte for byte
#   smoke_audit                  OUT/audit.json from the admin API, and OUT/audit.lines: one event a line
#   smoke_done                   the summary lines
#
# The CLI (org.apache.camel:camel-jbang-core, version in cli-classpath.pom.xml) starts through CamelJBangMain, as
# Camel's JBang launcher does, with a local Maven repository of its own (-Dmaven.repo.local): a camel-databricks
# 0.1.0-SNAPSHOT installed in ~/.m2 by another build can neither shadow this build's jars nor be touched. That
# repository and the CLI's class path are shared by the smoke tests, in target/cli-smoke/ of the root; the built
# artifacts are removed from it before each run, so it only saves downloading third-party jars twice.
# Nothing here prints a token.

smoke_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$smoke_lib_dir/../../../.." && pwd)"
shared="$root/target/cli-smoke"
m2="$shared/m2"
passed=0
status=0
jar_pid=""

fail() {
  echo "$smoke_name: FAILED: $*" >&2
  exit 1
}

smoke_init() {
  smoke_name="$1"
  out="$2"
  started=$SECONDS
  version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
  [ -n "$version" ] || fail "could not read the project version from pom.xml"
  warehouse_jar="$root/camel-databricks-testkit/target/camel-databricks-testkit-$version-standalone.jar"
  [ -f "$warehouse_jar" ] || fail "$warehouse_jar is missing; build first (./mvnw -B -ntp verify)"
  # repo/ and work/ are laid anew; m2/ keeps third-party jars between runs but never an old camel-databricks
  rm -rf "$out/repo" "$out/work" "$m2/io/github/cameldatabricks"
  mkdir -p "$out/repo" "$out/work" "$m2"
  repo_url="file://$out/repo"
}

# module_jar MODULE: the jar that MODULE's build made (its artifactId is in the pom's first <artifactId> after the
# parent's).
module_jar() {
  local artifact
  artifact="$(sed -n '/<\/parent>/,$ s:^  <artifactId>\(.*\)</artifactId>$:\1:p' "$root/$1/pom.xml" | head -n 1)"
  echo "$root/$1/target/$artifact-$version.jar"
}

smoke_deploy() {
  local module jar
  for module in "$@"; do
    jar="$(module_jar "$module")"
    [ -f "$jar" ] || fail "$jar is missing; build first (./mvnw -B -ntp verify)"
  done
  echo "$smoke_name: deploying the parent pom and $(for module in "$@"; do basename "$(module_jar "$module")"; done |
    paste -sd ' ') into $out/repo"
  deploy_file -Dfile="$root/pom.xml" -DpomFile="$root/pom.xml" -Dpackaging=pom
  for module in "$@"; do
    deploy_file -Dfile="$(module_jar "$module")" -DpomFile="$root/$module/pom.xml"
  done
}

deploy_file() {
  "$root/mvnw" -B -ntp -q -N -f "$root/pom.xml" -Dmaven.repo.local="$m2" \
    org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file \
    -Durl="$repo_url" -DrepositoryId=cli-smoke "$@" ||
    fail "deploy-file into $out/repo failed"
}

smoke_cli() {
  local pom="$smoke_lib_dir/cli-classpath.pom.xml"
  if [ ! -s "$shared/cli.classpath" ] || [ "$pom" -nt "$shared/cli.classpath" ]; then
    "$root/mvnw" -B -ntp -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$shared/cli.classpath" ||
      fail "could not resolve camel-jbang-core (see cli-classpath.pom.xml)"
  fi
  cli=(java -Dmaven.repo.local="$m2" -cp "$(cat "$shared/cli.classpath")" "$smoke_lib_dir/CamelCli.java")
  cli_version="$("${cli[@]}" version 2>&1 | sed -n 's/^Camel JBang version: //p')"
  [ -n "$cli_version" ] || fail "the CLI did not print its version"
  echo "$smoke_name: Camel CLI (camel-jbang-core) $cli_version"
}

stop_warehouse() {
  if [ -n "$jar_pid" ] && kill -0 "$jar_pid" 2>/dev/null; then
    kill "$jar_pid" 2>/dev/null || true
    wait "$jar_pid" 2>/dev/null || true
  fi
}

smoke_warehouse() {
  trap stop_warehouse EXIT
  java -jar "$warehouse_jar" --rows "$1" >"$out/ready.json" 2>"$out/warehouse.log" &
  jar_pid=$!
  for _ in $(seq 1 300); do
    if grep -q '}' "$out/ready.json" 2>/dev/null; then break; fi
    if ! kill -0 "$jar_pid" 2>/dev/null; then
      cat "$out/warehouse.log" >&2
      fail "the LocalWarehouse jar exited before it was ready"
    fi
    sleep 0.1
  done
  grep -q '}' "$out/ready.json" 2>/dev/null || fail "the LocalWarehouse jar printed no JSON line within 30 s"
  base_url="$(field baseUrl)"
  port="$(field port)"
  [ -n "$base_url" ] && [ -n "$port" ] || fail "could not read baseUrl and port from the ready line"
}

# ready.json is one flat JSON line; its values here hold no quotes or backslashes.
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\)\"\{0,1\}[,}].*/\1/p" "$out/ready.json"; }

smoke_run() {
  local vars=()
  while [ "$1" != "--" ]; do
    vars+=("$1")
    shift
  done
  shift
  status=0
  (cd "$out/work" && env "${vars[@]}" timeout 150 "${cli[@]}" "$@") >"$out/cli.log" 2>&1 || status=$?
}

check() {
  if "${@:2}"; then
    passed=$((passed + 1))
    echo "$smoke_name: ok - $1"
  else
    echo "--- camel run output (${out#"$root/"}/cli.log) ---" >&2
    tail -n 80 "$out/cli.log" >&2
    echo "--- LocalWarehouse log ---" >&2
    tail -n 40 "$out/warehouse.log" >&2
    fail "$1"
  fi
}

smoke_common_checks() {
  check "camel run exited with status 0 (was $status)" test "$status" -eq 0
  check "the log holds no token" bash -c '! grep -qF -- "$1" "$2"' _ "$(field token)" "$out/cli.log"
  check "the routes ran on Camel $cli_version" grep -qE "Apache Camel $cli_version \([^)]*\) started" "$out/cli.log"
}

# The CLI resolved ARTIFACT from the file repository into its own m2/ (emptied of built artifacts by smoke_init).
smoke_used_jar() {
  local used
  used="$(find "$m2/io/github/cameldatabricks/$1" -name "$1-*.jar" 2>/dev/null | head -n 1)"
  cmp -s "${used:-/nonexistent}" "$2"
}

smoke_audit() {
  curl -fsS "http://127.0.0.1:$port/localwarehouse/admin/audit" >"$out/audit.json" || fail "could not read the audit"
  # each event's first field is event_time, and no value here holds the text },{"event_time"
  sed 's/},{"event_time"/}\n{"event_time"/g' "$out/audit.json" >"$out/audit.lines"
}

smoke_done() {
  echo "$smoke_name: camel-jbang-core $cli_version, camel-databricks $version, $((SECONDS - started)) s"
  echo "$smoke_name: $passed passed, 0 failed"
}
