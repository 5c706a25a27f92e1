package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/** The hand-maintained component reference lists every option and header of the generated metadata. */
class ComponentDocsTest {

    private static final Path JSON = Path.of(
            "src/generated/resources/META-INF/io/github/cameldatabricks/component/databricks.json");
    private static final Path ADOC = Path.of("src/main/docs/databricks-component.adoc");

    @Test
    void everyGeneratedOptionAndHeaderIsDocumented() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON));
        String adoc = Files.readString(ADOC);
        List<String> names = new ArrayList<>();
        for (String section : List.of("componentProperties", "headers", "properties")) {
            names.addAll(((JsonObject) json.get(section)).keySet());
        }
        assertThat(names).contains("host", "userAgentEntry", "token", "CamelDatabricksRowCount");
        assertThat(names).allSatisfy(name -> assertThat(adoc).as("documents %s (run python3 src/main/docs/update-option-tables.py)", name).contains("*" + name + "*"));
    }

    @Test
    void everyCredentialOptionIsMarkedSecretInTheMetadata() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON));
        for (String section : List.of("componentProperties", "properties")) {
            JsonObject options = (JsonObject) json.get(section);
            List<String> secret = new ArrayList<>();
            for (String name : options.keySet()) {
                if (Boolean.TRUE.equals(((JsonObject) options.get(name)).getBoolean("secret"))) {
                    secret.add(name);
                }
            }
            assertThat(secret).as(section).containsExactlyInAnyOrder("token", "accessToken", "clientSecret");
        }
    }

    @Test
    void everyOptionRowCarriesTheCurrentDescription() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON));
        String adoc = Files.readString(ADOC);
        for (String section : List.of("componentProperties", "properties")) {
            JsonObject options = (JsonObject) json.get(section);
            for (String name : options.keySet()) {
                JsonObject option = (JsonObject) options.get(name);
                String row = "| *" + name + "* (" + option.getString("group") + ") | "
                        + option.getString("description").replace("|", "\\|") + " |";
                assertThat(adoc).as("%s row of %s is current (run python3 src/main/docs/update-option-tables.py)",
                        name, section).contains(row);
            }
        }
    }

    /** Every auth mode is offered by the metadata's authMode enum and has a row in the guide's mode table. */
    @Test
    void everyAuthModeIsInTheMetadataAndTheModeTable() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON));
        String guide = Files.readString(Path.of("../docs/authentication.md"));
        JsonObject authMode = (JsonObject) ((JsonObject) json.get("properties")).get("authMode");
        List<Object> enums = new ArrayList<>((java.util.Collection<?>) authMode.get("enum"));
        for (io.github.cameldatabricks.component.auth.DatabricksAuthMode mode
                : io.github.cameldatabricks.component.auth.DatabricksAuthMode.values()) {
            assertThat(enums).as("metadata enum of authMode").contains(mode.option());
            assertThat(guide).as("mode table row of %s", mode.option()).contains("| `" + mode.option() + "` |");
        }
        assertThat(guide).as("federation troubleshooting rows").contains("| federation: token expired |",
                "| federation: wrong audience |", "| federation: unknown issuer |", "| federation: subject not allowed |");
    }
}
