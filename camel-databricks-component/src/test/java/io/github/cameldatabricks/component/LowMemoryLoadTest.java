package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.testkit.LocalWarehouse;

/**
 * JVMs with a 128 MB heap: a bulk load of 1,000,000 rows from an Iterator completes (the rows are streamed to staging
 * files and uploaded from disk, never held in memory), and reading 2,000,000 rows whole fails as a classified
 * too_large error instead of an OutOfMemoryError.
 */
class LowMemoryLoadTest {

    @Test
    void aMillionRowsLoadFromAnIteratorWith128MbOfHeap() throws Exception {
        // the child logs through slf4j-simple; its last line is the result
        String output = run(LowMemoryLoadMain.class, "1000000");
        assertThat(output).contains("loaded=1000000 count=1000000 maxHeapMb=");
        int heap = Integer.parseInt(output.replaceAll("(?s).*maxHeapMb=(\\d+).*", "$1"));
        assertThat(heap).isLessThanOrEqualTo(128);
    }

    @Test
    void aResultTooLargeForTheHeapIsAClassifiedFailureAndTheJvmCarriesOn() throws Exception {
        String output;
        try (LocalWarehouse warehouse = LocalWarehouse.builder().sampleRows(2_000_000).build().start()) {
            output = run(LowMemorySelectMain.class, warehouse.baseUrl(), warehouse.httpPath(), warehouse.token());
        }
        assertThat(output).contains("category=too_large")
                .contains("stream it with outputType=StreamList").contains("after=2000000");
    }

    private static String run(Class<?> main, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx128m", "-cp", testClassPath(), main.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as(tail(output)).isZero();
        return output;
    }

    private static String testClassPath() throws IOException {
        // surefire runs tests from a manifest-only jar; it names the real class path in this property
        String path = System.getProperty("surefire.test.class.path");
        return path != null ? path : System.getProperty("java.class.path");
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
