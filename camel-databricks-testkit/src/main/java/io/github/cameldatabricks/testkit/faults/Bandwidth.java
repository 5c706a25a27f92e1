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

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bandwidth of the network between the client and the workspace, applied to response bodies: a rate per connection
 * (each response paced on its own, as one TCP connection over a long path is held to a rate by its window, the round
 * trip and loss) and a total rate shared by every response being written at once (the client's access link). 0 means
 * unlimited, the default for both. Bodies are written in chunks of {@value #CHUNK} bytes, each once the time its last
 * byte would arrive at has come: a body of n bytes then takes n / rate after its first byte, on top of the request
 * latency. Headers, request bodies and TCP slow start are not modelled.
 *
 * <p>
 * Counts the body bytes written through it, paced or not, so benchmarks can report what a result format put on the
 * wire. The clock and the sleeper are injectable so that tests see the pacing without waiting. Thread-safe.
 */
public final class Bandwidth {

    /** Bytes written between two pacing decisions: small against a result page, large against a syscall. */
    public static final int CHUNK = 16 * 1024;

    /** Waits for the given time; {@link Thread#sleep} by default. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits at least this many nanoseconds. */
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile long perConnection;
    private volatile long total;
    /** When the shared link is free again, on {@link #nanoTime}'s scale; guarded by {@code this}. */
    private long sharedFreeAt = Long.MIN_VALUE;

    /** Unlimited, on the system clock. */
    public Bandwidth() {
        this(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Unlimited, on the given clock and sleeper (tests: a virtual clock the sleeper advances). */
    public Bandwidth(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Sets the rate of each response body, in bytes per second; 0: unlimited. */
    public Bandwidth setPerConnection(long bytesPerSecond) {
        perConnection = checkRate(bytesPerSecond);
        return this;
    }

    /** Sets the rate shared by all response bodies being written at once, in bytes per second; 0: unlimited. */
    public Bandwidth setTotal(long bytesPerSecond) {
        total = checkRate(bytesPerSecond);
        return this;
    }

    /** The rate of each response body in bytes per second; 0 when unlimited. */
    public long perConnection() {
        return perConnection;
    }

    /** The rate shared by all response bodies in bytes per second; 0 when unlimited. */
    public long total() {
        return total;
    }

    /** Response body bytes written through {@link #pace} streams so far. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Wraps one response's body stream: what is written to it goes out at the rates in force. */
    public OutputStream pace(OutputStream body) {
        return new PacedStream(body);
    }

    private static long checkRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytes per second must be >= 0 (0: unlimited) but was "
                    + bytesPerSecond);
        }
        return bytesPerSecond;
    }

    private static long nanosFor(long bytes, long bytesPerSecond) {
        return (long) Math.ceil(bytes * 1e9 / bytesPerSecond);
    }

    /** Books {@code bytes} on the shared link from {@code now}; returns when they have gone through it. */
    private synchronized long reserveShared(long now, long bytes, long bytesPerSecond) {
        long from = Math.max(now, sharedFreeAt);
        sharedFreeAt = from + nanosFor(bytes, bytesPerSecond);
        return sharedFreeAt;
    }

    /** One response body: paced from its first byte on. */
    private final class PacedStream extends FilterOutputStream {
        private long start;
        private long written;
        /** Bytes written before pacing began (the rate may be set while a body is being written); -1: not yet. */
        private long unpaced = -1;

        PacedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{ (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int n = Math.min(CHUNK, len - done);
                awaitTurn(n);
                out.write(b, off + done, n);
                written += n;
                bytesSent.addAndGet(n);
                done += n;
            }
        }

        /** Waits until the next {@code n} bytes would have arrived over the modelled network. */
        private void awaitTurn(int n) throws IOException {
            long perConn = perConnection;
            long shared = total;
            if (perConn == 0 && shared == 0) {
                return;
            }
            long now = nanoTime.getAsLong();
            if (unpaced < 0) {
                start = now;
                unpaced = written;
            }
            long until = now;
            if (perConn > 0) {
                until = Math.max(until, start + nanosFor(written - unpaced + n, perConn));
            }
            if (shared > 0) {
                until = Math.max(until, reserveShared(now, n, shared));
            }
            if (until > now) {
                try {
                    sleeper.sleepNanos(until - now);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while pacing a response body");
                }
            }
        }
    }
}
