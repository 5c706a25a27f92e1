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
package io.github.cameldatabricks.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The bandwidth model's pacing, on a virtual clock that only its sleeper moves: what it asks to wait for, and that the
 * bytes arrive intact. No real time passes and none is measured.
 */
class BandwidthTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that stands still except when the model sleeps; records every sleep. */
    private static final class VirtualTime {
        long now = 5 * SECOND;
        final List<Long> sleeps = new ArrayList<>();

        Bandwidth bandwidth() {
            return new Bandwidth(() -> now, nanos -> {
                sleeps.add(nanos);
                now += nanos;
            });
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void unlimitedWritesThroughWithoutWaitingAndCountsTheBytes() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] body = random(100_000);
        try (OutputStream out = bandwidth.pace(sink)) {
            out.write(body);
            out.write(7);
        }
        assertThat(time.sleeps).isEmpty();
        assertThat(sink.toByteArray()).hasSize(100_001).startsWith(body);
        assertThat(bandwidth.bytesSent()).isEqualTo(100_001);
    }

    @Test
    void aBodyTakesItsSizeOverThePerConnectionRateInChunks() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth().setPerConnection(100_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] body = random(1_000_000);
        long start = time.now;
        try (OutputStream out = bandwidth.pace(sink)) {
            out.write(body);
        }
        assertThat(sink.toByteArray()).isEqualTo(body);
        assertThat(time.now - start).as("1 MB at 100 kB/s").isEqualTo(10 * SECOND);
        // paced chunk by chunk, not in one wait at the end: the client sees the bytes trickle in
        assertThat(time.sleeps).hasSize((1_000_000 + Bandwidth.CHUNK - 1) / Bandwidth.CHUNK);
        assertThat(bandwidth.bytesSent()).isEqualTo(1_000_000);
    }

    @Test
    void eachConnectionGetsThePerConnectionRateOnItsOwn() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth().setPerConnection(100_000);
        OutputStream a = bandwidth.pace(new ByteArrayOutputStream());
        OutputStream b = bandwidth.pace(new ByteArrayOutputStream());
        long start = time.now;
        writeInterleaved(a, b, 100_000);
        // two bodies of 100 kB in parallel take about one second, not two: the rate is per connection
        assertThat(time.now - start).isLessThan(SECOND + SECOND / 5).isGreaterThanOrEqualTo(SECOND);
    }

    @Test
    void theTotalRateIsSharedByTheBodiesWrittenAtOnce() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth().setTotal(100_000);
        OutputStream a = bandwidth.pace(new ByteArrayOutputStream());
        OutputStream b = bandwidth.pace(new ByteArrayOutputStream());
        long start = time.now;
        writeInterleaved(a, b, 100_000);
        assertThat(time.now - start).as("200 kB through a 100 kB/s link").isEqualTo(2 * SECOND);
        assertThat(bandwidth.bytesSent()).isEqualTo(200_000);
    }

    @Test
    void theSlowerOfBothLimitsApplies() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth().setPerConnection(50_000).setTotal(1_000_000);
        long start = time.now;
        try (OutputStream out = bandwidth.pace(new ByteArrayOutputStream())) {
            out.write(random(100_000));
        }
        assertThat(time.now - start).isEqualTo(2 * SECOND);
    }

    @Test
    void aRateSetWhileABodyIsWrittenPacesTheRestOfIt() throws Exception {
        VirtualTime time = new VirtualTime();
        Bandwidth bandwidth = time.bandwidth();
        try (OutputStream out = bandwidth.pace(new ByteArrayOutputStream())) {
            out.write(random(500_000));
            bandwidth.setPerConnection(100_000);
            long start = time.now;
            out.write(random(200_000));
            assertThat(time.now - start).isEqualTo(2 * SECOND);
        }
    }

    @Test
    void ratesAreValidatedAndClearedWithTheFaults() {
        Faults faults = new Faults().setBandwidth(12_500_000).setTotalBandwidth(125_000_000);
        assertThat(faults.bandwidth().perConnection()).isEqualTo(12_500_000);
        assertThat(faults.bandwidth().total()).isEqualTo(125_000_000);
        assertThatThrownBy(() -> faults.setBandwidth(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.setTotalBandwidth(-1)).isInstanceOf(IllegalArgumentException.class);
        faults.clear();
        assertThat(faults.bandwidth().perConnection()).isZero();
        assertThat(faults.bandwidth().total()).isZero();
    }

    /** Writes {@code size} bytes to each stream, a chunk to one then a chunk to the other, as two threads might. */
    private static void writeInterleaved(OutputStream a, OutputStream b, int size) throws Exception {
        byte[] chunk = random(Bandwidth.CHUNK);
        int left = size;
        while (left > 0) {
            int n = Math.min(chunk.length, left);
            a.write(chunk, 0, n);
            b.write(chunk, 0, n);
            left -= n;
        }
    }
}
