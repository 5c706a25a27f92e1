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

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults waiting to be injected: each rule applies to the next N matching requests. Rules are consumed in the order
 * they were added. A random mode injects faults of chosen types with a probability, from a seed, for soak-style tests.
 * A persistent request latency, not consumed, delays every SQL and REST request, and a {@link Bandwidth} paces their
 * response bodies (for benchmarks that need a realistic network). Thread-safe.
 */
public final class Faults {

    private static final class Rule {
        final Fault fault;
        int remaining;

        Rule(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record RandomMode(Random random, double probability, List<Fault> faults) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<FaultType, AtomicLong> triggered = new EnumMap<>(FaultType.class);
    private RandomMode randomMode;
    private volatile Duration requestLatency = Duration.ZERO;
    private final Bandwidth bandwidth = new Bandwidth();

    public Faults() {
        for (FaultType t : FaultType.values()) {
            triggered.put(t, new AtomicLong());
        }
    }

    /** Injects the fault into the next {@code times} matching requests. */
    public synchronized Faults inject(Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1 but was " + times);
        }
        rules.add(new Rule(fault, times));
        return this;
    }

    /** Injects one of the given faults into each matching request with the given probability, until cleared. */
    public synchronized Faults injectRandomly(long seed, double probability, Fault... faults) {
        if (probability < 0 || probability > 1 || faults.length == 0) {
            throw new IllegalArgumentException("probability must be in [0,1] and at least one fault given");
        }
        randomMode = new RandomMode(new Random(seed), probability, List.of(faults));
        return this;
    }

    /** Removes every pending fault, the random mode, the request latency and bandwidth limits. Counters are kept. */
    public synchronized void clear() {
        rules.clear();
        randomMode = null;
        requestLatency = Duration.ZERO;
        bandwidth.setPerConnection(0).setTotal(0);
    }

    /**
     * Adds this latency to every request of the workspace server (SQL endpoint, REST APIs, Files API; not OIDC and not
     * the admin API) until changed or {@link #clear() cleared}. Unlike {@link Fault#latency}, it is not consumed: it
     * models the round trip to a remote workspace for benchmarks.
     */
    public Faults setRequestLatency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive but was " + latency);
        }
        requestLatency = latency;
        return this;
    }

    /** The latency added to every request; zero by default. */
    public Duration requestLatency() {
        return requestLatency;
    }

    /**
     * Limits each response body of the routes that take the request latency (SQL endpoint, REST APIs, Files API,
     * CloudFetch downloads) to this many bytes per second, each connection on its own; 0: unlimited (the default). Like
     * the request latency, it is not consumed and {@link #clear()} resets it.
     */
    public Faults setBandwidth(long bytesPerSecond) {
        bandwidth.setPerConnection(bytesPerSecond);
        return this;
    }

    /**
     * Limits all those response bodies together, while several are written at once (parallel CloudFetch downloads), to
     * this many bytes per second: the client's access link; 0: unlimited (the default).
     */
    public Faults setTotalBandwidth(long bytesPerSecond) {
        bandwidth.setTotal(bytesPerSecond);
        return this;
    }

    /** The bandwidth model: its rates and the response bytes written through it. */
    public Bandwidth bandwidth() {
        return bandwidth;
    }

    /** Pending injections across all rules. */
    public synchronized int pending() {
        int n = 0;
        for (Rule r : rules) {
            n += r.remaining;
        }
        return n;
    }

    /** How many times faults of this type were injected so far. */
    public long triggered(FaultType type) {
        return triggered.get(type).get();
    }

    /**
     * The fault for an HTTP request to the given RPC, if any; deferred faults (slow statements, expired links) are not
     * taken here.
     */
    public Fault nextForRequest(String rpc) {
        return next(rpc, null);
    }

    /**
     * The fault for a REST API request (an action such as {@code getWarehouse} or {@code filesPut}): only faults
     * targeted at that action with {@link Fault#onlyFor}, so that faults meant for SQL calls are not used up by REST
     * calls. The random mode applies likewise only through its faults targeted at the action; the random sequence is
     * not advanced when none is, so REST traffic does not change which SQL calls get random faults.
     */
    public synchronized Fault nextForRestRequest(String action) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            if (action.equals(r.fault.rpc()) && !r.fault.type().isDeferred()) {
                if (--r.remaining == 0) {
                    it.remove();
                }
                triggered.get(r.fault.type()).incrementAndGet();
                return r.fault;
            }
        }
        if (randomMode == null) {
            return null;
        }
        List<Fault> candidates = new ArrayList<>();
        for (Fault f : randomMode.faults()) {
            if (action.equals(f.rpc()) && !f.type().isDeferred()) {
                candidates.add(f);
            }
        }
        return candidates.isEmpty() ? null : pickRandomly(candidates);
    }

    /** The delay for the next statement if a {@link FaultType#SLOW_STATEMENT} rule is pending. */
    public Duration nextStatementDelay() {
        Fault f = next("ExecuteStatement", FaultType.SLOW_STATEMENT);
        return f == null ? Duration.ZERO : f.duration();
    }

    /** Whether the statement about to run is to fail as a write conflict ({@link FaultType#WRITE_CONFLICT}). */
    public boolean nextStatementConflicts() {
        return next("ExecuteStatement", FaultType.WRITE_CONFLICT) != null;
    }

    /** Whether the CloudFetch link being issued is to be issued already expired ({@link FaultType#EXPIRED_LINK}). */
    public boolean nextLinkExpired() {
        return next(null, FaultType.EXPIRED_LINK) != null;
    }

    /**
     * The next matching fault: for a request when {@code deferred} is null (random mode included), else the next
     * pending rule of that deferred type.
     */
    private synchronized Fault next(String rpc, FaultType deferred) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            boolean kind = deferred == null ? !r.fault.type().isDeferred() : r.fault.type() == deferred;
            if (kind && (rpc == null || r.fault.appliesTo(rpc))) {
                if (--r.remaining == 0) {
                    it.remove();
                }
                triggered.get(r.fault.type()).incrementAndGet();
                return r.fault;
            }
        }
        if (randomMode != null && deferred == null && randomMode.random().nextDouble() < randomMode.probability()) {
            List<Fault> candidates = new ArrayList<>();
            for (Fault f : randomMode.faults()) {
                if (f.appliesTo(rpc)) {
                    candidates.add(f);
                }
            }
            if (!candidates.isEmpty()) {
                Fault f = candidates.get(randomMode.random().nextInt(candidates.size()));
                triggered.get(f.type()).incrementAndGet();
                return f;
            }
        }
        return null;
    }

    /** Draws whether a fault happens and which of the candidates; caller holds the lock. */
    private Fault pickRandomly(List<Fault> candidates) {
        if (randomMode.random().nextDouble() >= randomMode.probability()) {
            return null;
        }
        Fault f = candidates.get(randomMode.random().nextInt(candidates.size()));
        triggered.get(f.type()).incrementAndGet();
        return f;
    }
}
