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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Where benchmarks write their figures: a marked section of docs/performance.md each. */
final class PerformanceReport {

    private static final Path REPORT = Path.of("../docs/performance.md");

    private PerformanceReport() {
    }

    /** The line every section starts with: which benchmark, when, on what machine. */
    static String measuredBy(String benchmark) {
        return "Measured by `" + benchmark + "` on " + LocalDate.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ". ";
    }

    /**
     * Replaces the text between {@code <!-- section:begin -->} and {@code <!-- section:end -->} (appending the section
     * if it is missing); returns the file written.
     */
    static Path replaceSection(String section, String markdown) throws IOException {
        String begin = "<!-- " + section + ":begin -->";
        String end = "<!-- " + section + ":end -->";
        String block = begin + "\n" + markdown + (markdown.endsWith("\n") ? "" : "\n") + end;
        String doc = Files.exists(REPORT) ? Files.readString(REPORT, StandardCharsets.UTF_8) : "";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        String updated = from >= 0 && to > from ? doc.substring(0, from) + block + doc.substring(to + end.length())
                : doc + "\n" + block + "\n";
        Files.writeString(REPORT, updated, StandardCharsets.UTF_8);
        return REPORT.toAbsolutePath().normalize();
    }
}
