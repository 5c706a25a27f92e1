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
 * The Kamelet files are well-formed Kamelets, and docs/kamelets.md's property tables are rendered from them; with
 * -Ddocs.update=true this test rewrites the tables instead of failing.
 */
class KameletDocsTest {

    static final List<String> KAMELETS = List.of("databricks-sql-sink", "databricks-sql-source",
            "databricks-sql-action");
    static final Path DIR = Path.of("src/main/resources/kamelets");
    static final Path PAGE = Path.of("../docs/kamelets.md");
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
                assertThat(spec.get("format") != null).as(property + " is a password").isEqualTo(SECRETS.contains(property));
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
        String page = Files.readString(PAGE);
        String updated = page;
        for (String name : KAMELETS) {
            Pattern section = Pattern.compile("(<!-- kamelet-properties:" + name + ":begin -->\n)(?s:.*?)(<!-- kamelet-properties:"
                    + name + ":end -->)");
            Matcher m = section.matcher(updated);
            assertThat(m.find()).as("docs/kamelets.md has the markers of %s", name).isTrue();
            updated = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + table(kamelet(name)) + m.group(2)));
        }
        if (Boolean.getBoolean("docs.update") && !updated.equals(page)) {
            Files.writeString(PAGE, updated);
            page = updated;
        }
        assertThat(page).as("docs/kamelets.md's tables are current (run this test with -Ddocs.update=true)")
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
                type += ": " + String.join(", ", ((List<?>) spec.get("enum")).stream().map(e -> "`" + e + "`").toList());
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
