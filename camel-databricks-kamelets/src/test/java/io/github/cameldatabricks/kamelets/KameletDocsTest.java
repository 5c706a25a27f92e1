/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kamelet files are well-formed Kamelets, docs/kamelets.md's property tables are rendered from them, and its
 * pipeline is the file the Camel CLI smoke test runs (src/test/cli/orders.camel.yaml); with -Ddocs.update=true this
 * test rewrites the page instead of failing.
 */
class KameletDocsTest {

    static final List<String> KAMELETS = List.of("databricks-sql-sink", "databricks-sql-source",
            "databricks-sql-action");
    static final Path DIR = Path.of("src/main/resources/kamelets");
    static final Path PAGE = Path.of("../docs/kamelets.md");
    /** The file-to-Databricks pipeline of the page, run by src/test/cli/run.sh and by KameletsTest. */
    static final Path PIPELINE = Path.of("src/test/cli/orders.camel.yaml");
    private static final List<String> SECRETS = List.of("token", "clientSecret", "accessToken");
    private static final List<String> CREDENTIALS = List.of("token", "clientId", "clientSecret", "accessToken");

    @SuppressWarnings("unchecked")
    static Map<String, Object> kamelet(String name) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(DIR.resolve(name + ".kamelet.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @Test
    void everyFileIsAKameletWithItsCredentialsMarked() throws Exception {
        assertThat(Files.list(DIR).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(KAMELETS.stream().map(k -> k + ".kamelet.yaml").toList());
        for (String name : KAMELETS) {
            Map<String, Object> k = kamelet(name);
            assertThat(k.get("apiVersion")).isEqualTo("camel.apache.org/v1");
            assertThat(k.get("kind")).isEqualTo("Kamelet");
            assertThat(at(k, "metadata", "name").toString()).isEqualTo(name);
            assertThat(at(k, "metadata", "labels", "camel.apache.org/kamelet.type").toString())
                    .isEqualTo(name.substring(name.lastIndexOf('-') + 1));
            assertThat((Map<String, Object>) at(k, "metadata", "annotations")).containsKeys(
                    "camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                    "camel.apache.org/kamelet.icon", "camel.apache.org/provider", "camel.apache.org/kamelet.group");
            Map<String, Map<String, Object>> properties = at(k, "spec", "definition", "properties");
            List<String> required = at(k, "spec", "definition", "required");
            assertThat(properties).containsKeys(required.toArray(String[]::new));
            assertThat(required).contains("host", "httpPath", "userAgentEntry");
            properties.forEach((property, spec) -> {
                assertThat(spec).as(property).containsKeys("title", "description", "type");
                assertThat(spec.get("format") != null).as(property + " is a password")
                        .isEqualTo(SECRETS.contains(property));
                assertThat(spec.get("x-descriptors") != null).as(property + " is a credential")
                        .isEqualTo(CREDENTIALS.contains(property));
                if (CREDENTIALS.contains(property)) {
                    assertThat((List<String>) spec.get("x-descriptors")).contains("urn:camel:group:credentials");
                }
            });
            assertThat((List<String>) at(k, "spec", "dependencies")).contains("camel:kamelet", "camel:jackson",
                    "mvn:io.github.cameldatabricks:camel-databricks:${project.version}");
            assertThat((Map<String, Object>) at(k, "spec", "template")).containsKey("from");
        }
    }

    @Test
    void thePropertyTablesOfTheGuideAreRenderedFromTheKamelets() throws Exception {
        for (String name : KAMELETS) {
            renders("kamelet-properties:" + name, table(kamelet(name)));
        }
    }

    @Test
    void thePipelineOfTheGuideIsTheFileTheCliSmokeTestRuns() throws Exception {
        renders("kamelet-example", "```yaml\n" + Files.readString(PIPELINE) + "```\n");
    }

    /** The page holds content between its markers {@code <!-- section:begin -->} and {@code <!-- section:end -->}. */
    private static void renders(String section, String content) throws Exception {
        String page = Files.readString(PAGE);
        Matcher m = Pattern.compile("(<!-- " + Pattern.quote(section) + ":begin -->\n)(?s:.*?)(<!-- "
                + Pattern.quote(section) + ":end -->)").matcher(page);
        assertThat(m.find()).as("docs/kamelets.md has the markers of %s", section).isTrue();
        String updated = page.substring(0, m.start()) + m.group(1) + content + m.group(2) + page.substring(m.end());
        if (Boolean.getBoolean("docs.update") && !updated.equals(page)) {
            Files.writeString(PAGE, updated);
            page = updated;
        }
        assertThat(page).as("docs/kamelets.md's %s is current (run this test with -Ddocs.update=true)", section)
                .isEqualTo(updated);
    }

    static String table(Map<String, Object> kamelet) {
        Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
        List<String> required = at(kamelet, "spec", "definition", "required");
        StringBuilder out = new StringBuilder("| Property | Title | Required | Type | Default | Description |\n"
                + "|---|---|---|---|---|---|\n");
        properties.forEach((name, spec) -> {
            String type = String.valueOf(spec.get("type"));
            if (spec.get("format") != null) {
                type += " (" + spec.get("format") + ")";
            }
            if (spec.get("enum") != null) {
                type += ": "
                        + String.join(", ", ((List<?>) spec.get("enum")).stream().map(e -> "`" + e + "`").toList());
            }
            String description = String.valueOf(spec.get("description")).strip().replace("|", "\\|")
                    .replace("<", "&lt;").replace(">", "&gt;");
            if (spec.get("example") != null) {
                description += " Example: `" + spec.get("example") + "`.";
            }
            out.append("| `").append(name).append("` | ").append(spec.get("title")).append(" | ")
                    .append(required.contains(name) ? "yes" : "").append(" | ").append(type).append(" | ")
                    .append(spec.get("default") == null ? "" : "`" + spec.get("default") + "`").append(" | ")
                    .append(description).append(" |\n");
        });
        return out.toString();
    }
}
