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
package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The component reference: its tables match the generated metadata and its examples exist (DocsExamplesTestSupport runs
 * them).
 */
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
        assertThat(names).allSatisfy(name -> assertThat(adoc)
                .as("documents %s (run ComponentDocsTest with -Ddocs.update=true)", name).contains("*" + name + "*"));
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

    /**
     * The option and header tables are the rendering of the current metadata (OptionTables); with -Ddocs.update=true
     * this test rewrites them instead.
     */
    @Test
    void theOptionTablesAreRenderedFromTheCurrentMetadata() throws Exception {
        String adoc = Files.readString(ADOC);
        String updated = OptionTables.updated(adoc, OptionTables.metadata());
        if (Boolean.getBoolean("docs.update") && !updated.equals(adoc)) {
            Files.writeString(ADOC, updated);
            adoc = updated;
        }
        assertThat(adoc).as("tables are current (run this test with -Ddocs.update=true)").isEqualTo(updated);
        assertThat(adoc).doesNotContain("| False |", "| True |", "| Object>");
        assertThat(adoc).contains("with a random jitter of up to 20% either way");
        assertThat(adoc).contains("| pass:c[Map<String, Object>]");
    }

    /** Every include:: of the adoc names an existing file and, with tags=, regions that exist in it. */
    @Test
    void everyIncludedExampleExists() throws Exception {
        String adoc = Files.readString(ADOC);
        Matcher attribute = Pattern.compile("(?m)^:([\\w-]+): (.*)$").matcher(adoc);
        while (attribute.find()) {
            adoc = adoc.replace("{" + attribute.group(1) + "}", attribute.group(2));
        }
        Matcher include = Pattern.compile("(?m)^include::([^\\[]+)\\[(.*)\\]$").matcher(adoc);
        List<String> included = new ArrayList<>();
        while (include.find()) {
            Path file = ADOC.getParent().resolve(include.group(1)).normalize();
            assertThat(file).as("include target of %s", include.group()).isRegularFile();
            String text = Files.readString(file);
            Matcher tags = Pattern.compile("tags?=([^,\\]]+)").matcher(include.group(2));
            for (String tag : tags.find() ? tags.group(1).split(";") : new String[0]) {
                assertThat(text).as("%s has tag %s", file, tag).contains("tag::" + tag + "[]")
                        .contains("end::" + tag + "[]");
                included.add(file.getFileName() + "#" + tag);
            }
        }
        // each usage topic has its Java and its YAML example
        for (String tag : List.of("queries", "output-types", "streaming", "batch", "consumer", "auth", "errors",
                "health")) {
            assertThat(included).contains("DocsExamples.java#" + tag, "examples.camel.yaml#" + tag);
        }
    }

    /** Every auth mode is offered by the metadata's authMode enum and has a row in the guide's mode table. */
    @Test
    void everyAuthModeIsInTheMetadataAndTheModeTable() throws Exception {
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(JSON));
        String guide = Files.readString(Path.of("../docs/authentication.md"));
        JsonObject authMode = (JsonObject) ((JsonObject) json.get("properties")).get("authMode");
        List<Object> enums = new ArrayList<>((java.util.Collection<?>) authMode.get("enum"));
        for (io.github.cameldatabricks.component.auth.DatabricksAuthMode mode : io.github.cameldatabricks.component.auth.DatabricksAuthMode
                .values()) {
            assertThat(enums).as("metadata enum of authMode").contains(mode.option());
            assertThat(guide).as("mode table row of %s", mode.option()).contains("| `" + mode.option() + "` |");
        }
        assertThat(guide).as("federation troubleshooting rows").contains("| federation: token expired |",
                "| federation: wrong audience |", "| federation: unknown issuer |",
                "| federation: subject not allowed |");
    }
}
