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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Renders the option and header tables of databricks-component.adoc from the generated metadata (databricks.json,
 * written by camel-package-maven-plugin's generate-component goal). Camel's own update-readme goal only inserts
 * {@code include::partial$component-*-options.adoc[]} lines, which Camel's website build (Antora) resolves; outside it
 * they render nothing, so this project renders the tables itself. ComponentDocsTest fails while the adoc's tables
 * differ from this rendering; {@code ./mvnw -pl camel-databricks-component test -Dtest=ComponentDocsTest
 * -Ddocs.update=true} rewrites them.
 */
final class OptionTables {

    static final Path JSON = Path.of(
            "src/generated/resources/META-INF/io/github/cameldatabricks/component/databricks.json");
    static final Path ADOC = Path.of("src/main/docs/databricks-component.adoc");
    static final String START = "// databricks option tables: START (rendered from databricks.json by OptionTables)";
    static final String END = "// databricks option tables: END";

    private OptionTables() {
    }

    static JsonObject metadata() throws Exception {
        return (JsonObject) Jsoner.deserialize(Files.readString(JSON));
    }

    /** The text between the START and END markers (markers excluded). */
    static String render(JsonObject json) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Component Options\n\n");
        out.append("The component supports ").append(((JsonObject) json.get("componentProperties")).size())
                .append(" options, set as `camel.component.databricks.<name>` properties or on the component:\n\n");
        options(out, (JsonObject) json.get("componentProperties"));
        out.append("\n=== Endpoint Options\n\n");
        out.append("The endpoint is configured with the URI syntax `")
                .append(((JsonObject) json.get("component")).getString("syntax")).append("`.\n\n");
        options(out, (JsonObject) json.get("properties"));
        out.append("\n=== Message Headers\n\n");
        headers(out, (JsonObject) json.get("headers"));
        out.append('\n');
        return out.toString();
    }

    private static void options(StringBuilder out, JsonObject options) {
        out.append(
                "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, Object> e : options.entrySet()) {
            JsonObject o = (JsonObject) e.getValue();
            String description = o.getStringOrDefault("description", "");
            JsonArray values = (JsonArray) o.get("enum");
            if (values != null) {
                List<String> names = new ArrayList<>();
                values.forEach(v -> names.add(String.valueOf(v)));
                description += " Enum values: " + String.join(", ", names) + ".";
            }
            Object defaultValue = o.get("defaultValue");
            out.append("| *").append(e.getKey()).append("* (").append(o.getString("group")).append(") | ")
                    .append(text(description)).append(" | ")
                    .append(defaultValue == null ? "" : text(String.valueOf(defaultValue))).append(" | ")
                    .append(text(type(o.getString("javaType")))).append('\n');
        }
        out.append("|===\n");
    }

    private static void headers(StringBuilder out, JsonObject headers) {
        out.append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            JsonObject h = (JsonObject) e.getValue();
            out.append("| *").append(e.getKey()).append("* | ").append(text(h.getStringOrDefault("description", "")))
                    .append(" | ").append(text(type(h.getString("javaType")))).append('\n');
        }
        out.append("|===\n");
    }

    /** A Java type without package names: java.util.Map<java.lang.String, java.lang.Object> is Map<String, Object>. */
    static String type(String javaType) {
        return javaType.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }

    /**
     * Text shown verbatim in a table cell: HTML entities of the javadoc decoded, then passed through with only
     * AsciiDoc's special-character escaping, so that +, *, _, backticks and {attribute} references stay as written.
     */
    static String text(String s) {
        String decoded = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        if (decoded.matches("[A-Za-z0-9 .,;:()/=@?!'\"%-]*")) {
            return decoded; // nothing AsciiDoc would change
        }
        return "pass:c[" + decoded.replace("]", "\\]").replace("|", "\\|") + "]";
    }

    /** The adoc with its tables replaced by the current rendering. */
    static String updated(String adoc, JsonObject json) {
        int start = adoc.indexOf(START);
        int end = adoc.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("databricks-component.adoc lacks the markers " + START + " / " + END);
        }
        return adoc.substring(0, start + START.length()) + "\n" + render(json) + adoc.substring(end);
    }
}
