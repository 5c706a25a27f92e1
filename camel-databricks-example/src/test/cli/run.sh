#!/usr/bin/env bash
# Smoke test of the Camel CLI (Camel JBang's `camel run`) with the component built in this checkout, against the
# LocalWarehouse standalone jar. Builds nothing: run it after
#   ./mvnw -B -ntp verify      (or: ./mvnw -B -ntp -DskipTests package)
#
# What it does, in target/cli-smoke/ of camel-databricks-example:
#  1. deploys the built camel-databricks jar (and the parent pom it names) into a file repository, repo/, with
#     maven-deploy-plugin's deploy-file: nothing is installed into ~/.m2;
#  2. resolves the CLI (org.apache.camel:camel-jbang-core, version in cli-classpath.pom.xml) and starts it through
#     CamelJBangMain, as Camel's JBang launcher does, with its own local Maven repository m2/ (-Dmaven.repo.local), so
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
root="$(cd "$here/../../../.." && pwd)"
out="$root/camel-databricks-example/target/cli-smoke"
started=$SECONDS

fail() {
  echo "cli-smoke: FAILED: $*" >&2
  exit 1
}

version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
[ -n "$version" ] || fail "could not read the project version from pom.xml"
component_jar="$root/camel-databricks-component/target/camel-databricks-$version.jar"
warehouse_jar="$root/camel-databricks-testkit/target/camel-databricks-testkit-$version-standalone.jar"
[ -f "$component_jar" ] || fail "$component_jar is missing; build first (./mvnw -B -ntp verify)"
[ -f "$warehouse_jar" ] || fail "$warehouse_jar is missing; build first (./mvnw -B -ntp verify)"

# repo/ is laid anew; m2/ is kept between runs (third-party jars) but never holds an old camel-databricks.
rm -rf "$out/repo" "$out/work" "$out/m2/io/github/cameldatabricks"
mkdir -p "$out/repo" "$out/work" "$out/m2"
repo_url="file://$out/repo"

# 1. The component into the file repository (its pom names the parent pom, so that goes too).
echo "cli-smoke: deploying camel-databricks $version into $out/repo"
deploy() {
  "$root/mvnw" -B -ntp -q -N -f "$root/pom.xml" -Dmaven.repo.local="$out/m2" \
    org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file \
    -Durl="$repo_url" -DrepositoryId=cli-smoke "$@" ||
    fail "deploy-file into $out/repo failed"
}
deploy -Dfile="$root/pom.xml" -DpomFile="$root/pom.xml" -Dpackaging=pom
deploy -Dfile="$component_jar" -DpomFile="$root/camel-databricks-component/pom.xml"

# 2. The CLI's class path.
"$root/mvnw" -B -ntp -q -f "$here/cli-classpath.pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$out/cli.classpath" || fail "could not resolve camel-jbang-core (see cli-classpath.pom.xml)"
cli=(java -Dmaven.repo.local="$out/m2" -cp "$(cat "$out/cli.classpath")" "$here/CamelCli.java")
cli_version="$("${cli[@]}" version 2>&1 | sed -n 's/^Camel JBang version: //p')"
[ -n "$cli_version" ] || fail "the CLI did not print its version"
echo "cli-smoke: Camel CLI (camel-jbang-core) $cli_version"

# 3. The warehouse.
jar_pid=""
cleanup() {
  if [ -n "$jar_pid" ] && kill -0 "$jar_pid" 2>/dev/null; then
    kill "$jar_pid" 2>/dev/null || true
    wait "$jar_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
java -jar "$warehouse_jar" --rows 1000 >"$out/ready.json" 2>"$out/warehouse.log" &
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
# ready.json is one flat JSON line; its values here hold no quotes or backslashes.
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\)\"\{0,1\}[,}].*/\1/p" "$out/ready.json"; }
base_url="$(field baseUrl)"
port="$(field port)"
[ -n "$base_url" ] && [ -n "$port" ] || fail "could not read baseUrl and port from the ready line"

# The run: the same command line as docs/getting-started.md, in a work directory holding the route's files.
cp "$here/route.camel.yaml" "$here/application.properties" "$out/work/"
cp -r "$here/queries" "$out/work/"
echo "cli-smoke: camel run route.camel.yaml application.properties --dep=io.github.cameldatabricks:camel-databricks:$version --repos=$repo_url"
status=0
(
  cd "$out/work"
  DATABRICKS_HOST="$base_url" DATABRICKS_HTTP_PATH="$(field httpPath)" DATABRICKS_TOKEN="$(field token)" \
    timeout 150 "${cli[@]}" run route.camel.yaml application.properties \
    --dep="io.github.cameldatabricks:camel-databricks:$version" --repos="$repo_url" \
    --max-messages=1 --max-seconds=120 --logging-color=false
) >"$out/cli.log" 2>&1 || status=$?

passed=0
check() { # check DESCRIPTION COMMAND...
  if "${@:2}"; then
    passed=$((passed + 1))
    echo "cli-smoke: ok - $1"
  else
    echo "--- camel run output (target/cli-smoke/cli.log) ---" >&2
    tail -n 80 "$out/cli.log" >&2
    echo "--- LocalWarehouse log ---" >&2
    tail -n 40 "$out/warehouse.log" >&2
    fail "$1"
  fi
}
token="$(field token)"
check "camel run exited with status 0 (was $status)" test "$status" -eq 0
check "the log holds no token" bash -c '! grep -qF -- "$1" "$2"' _ "$token" "$out/cli.log"
check "the route ran on Camel $cli_version" grep -q "Apache Camel $cli_version (route) started" "$out/cli.log"
check "the inline query returned 1000 trips" grep -qF 'cli-smoke inline: [{trips=1000}]' "$out/cli.log"
check "databricks:file:queries/cli-smoke.sql ran the file's SQL" \
  grep -qF 'cli-smoke file: [{source=from-file, trips=1000}]' "$out/cli.log"
check "the PWAF audit query found the route's calls" grep -qE 'cli-smoke audit: \[\{calls=[1-9][0-9]*\}\]' "$out/cli.log"

# The CLI resolved the component from the file repository into its own m2/: it must be this build's jar.
used_jar="$(find "$out/m2/io/github/cameldatabricks/camel-databricks" -name "camel-databricks-*.jar" 2>/dev/null | head -n 1)"
check "the CLI ran this build's camel-databricks jar" cmp -s "${used_jar:-/nonexistent}" "$component_jar"

# The audit, read through the admin API: every SQL call of the run carries the userAgentEntry.
curl -fsS "http://127.0.0.1:$port/localwarehouse/admin/audit" >"$out/audit.json" || fail "could not read the audit"
agents="$(grep -o '"user_agent":"[^"]*"' "$out/audit.json" | sort -u || true)"
check "the audit recorded calls" test -n "$agents"
check "every audited User-Agent contains Acme_CliSmoke/1.0.0" bash -c '! grep -v -F "Acme_CliSmoke/1.0.0" <<<"$1"' _ "$agents"
check "the audit holds the file query's text" grep -qF "SELECT 'from-file' AS source" "$out/audit.json"

echo "cli-smoke: camel-jbang-core $cli_version, camel-databricks $version, $((SECONDS - started)) s"
echo "cli-smoke: $passed passed, 0 failed"
