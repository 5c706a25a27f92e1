package io.github.cameldatabricks.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A bulk load of 1,000,000 rows from an Iterator completes in a JVM whose heap is 128 MB: the rows are streamed to
 * staging files and uploaded from disk, never held in memory.
 */
class LowMemoryLoadTest {

    @Test
    void aMillionRowsLoadFromAnIteratorWith128MbOfHeap() throws Exception {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-cp", testClassPath(), LowMemoryLoadMain.class.getName(), "1000000"))
                .redirectErrorStream(true).start();
        String output;
        try {
            // the child logs through slf4j-simple; its last line is the result
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue()).as(tail(output)).isZero();
        assertThat(output).contains("loaded=1000000 count=1000000 maxHeapMb=");
        int heap = Integer.parseInt(output.replaceAll("(?s).*maxHeapMb=(\\d+).*", "$1"));
        assertThat(heap).isLessThanOrEqualTo(128);
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
