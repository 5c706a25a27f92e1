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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package structure the guide promises, read from the sources: no dependency cycle between the component's packages
 * (one package per concern only helps a reader if the concerns layer), and the testkit never imports the component (a
 * bug shared by both sides would reproduce on both and no test would see it).
 */
class PackageDependenciesTest {

    private static final String COMPONENT = "io.github.cameldatabricks.component";
    private static final Path MAIN = Path.of("src/main/java/io/github/cameldatabricks/component");
    private static final Path TESTKIT = Path.of("../camel-databricks-testkit/src");
    /** A use of another package's type: an import, or a fully qualified name in the code. */
    private static final Pattern USE = Pattern
            .compile("io\\.github\\.cameldatabricks\\.component\\.([a-z]+\\.)?([A-Z]\\w*)");

    /** Each package of the component ("" for the root) and the packages its sources use. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1) == null ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    if (!target.equals(pkg)) {
                        used.add(target);
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void theComponentsPackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys("", "auth", "connection", "error", "retry", "sql", "workspace");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = cycleThrough(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path.stream().map(p -> p.isEmpty() ? "(root)" : p).toList()));
            }
        }
        assertThat(cycles).as("package cycles in %s", COMPONENT).isEmpty();
    }

    /** A path from {@code at} back to {@code start}, or null. */
    private static List<String> cycleThrough(String start, String at, Map<String, Set<String>> uses, List<String> path,
            Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleThrough(start, next, uses, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    void theTestkitNeverImportsTheComponent() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTKIT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains(COMPONENT)) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
