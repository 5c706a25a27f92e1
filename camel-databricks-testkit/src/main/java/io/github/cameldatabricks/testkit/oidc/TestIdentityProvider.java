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
package io.github.cameldatabricks.testkit.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A workload identity provider for tests: the issuer a Kubernetes cluster, GitHub Actions or a cloud would be. It
 * serves OIDC discovery ({@code <issuer>/.well-known/openid-configuration}) and its JWKS over HTTP on 127.0.0.1, and
 * issues RS256-signed JWTs with the subject, audience and lifetime a test chooses, dated by the given clock (so a
 * {@code ManualClock} shared with LocalWarehouse decides when they expire). Register a {@link FederationPolicy} naming
 * {@link #issuer()} with {@link Oidc#addFederationPolicy} to make the workspace accept its tokens. The RSA key is
 * generated per instance and never leaves it.
 */
public final class TestIdentityProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final RSAKey key;
    private final HttpServer server;
    private final ExecutorService threads;
    private final String issuer;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong keyRequests = new AtomicLong();

    private TestIdentityProvider(Clock clock, String path) throws IOException, JOSEException {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-idp");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        server.createContext(path.isEmpty() ? "/" : path, this::handle);
        server.start();
    }

    /** Starts an identity provider on a free port whose issuer is {@code http://127.0.0.1:<port>/idp}. */
    public static TestIdentityProvider start(Clock clock) {
        try {
            return new TestIdentityProvider(clock, "/idp");
        } catch (IOException e) {
            throw new UncheckedIOException("the test identity provider could not start", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("the test identity provider could not generate its key", e);
        }
    }

    /** The issuer URL ({@code iss} of its tokens; discovery at {@code <issuer>/.well-known/openid-configuration}). */
    public String issuer() {
        return issuer;
    }

    /** A signed JWT for {@code subject} and {@code audience}, valid for {@code lifetime} from the clock's now. */
    public String issue(String subject, String audience, Duration lifetime) {
        return issue(subject, audience, clock.instant(), lifetime);
    }

    /** A signed JWT issued at {@code issuedAt} (an expired token: a past instant and a short lifetime). */
    public String issue(String subject, String audience, Instant issuedAt, Duration lifetime) {
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime))).jwtID(UUID.randomUUID().toString()).build());
    }

    /** Signs arbitrary claims with this provider's key (tests of tokens claiming another issuer). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a workload token", e);
        }
        issued.incrementAndGet();
        return jwt.serialize();
    }

    /** How many tokens it signed. */
    public long tokensIssued() {
        return issued.get();
    }

    /** How many times its discovery document or JWKS was fetched. */
    public long keyRequests() {
        return keyRequests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String base = java.net.URI.create(issuer).getPath();
            Object body;
            if (path.equals(base + "/.well-known/openid-configuration")) {
                keyRequests.incrementAndGet();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("issuer", issuer);
                d.put("jwks_uri", issuer + "/jwks");
                d.put("id_token_signing_alg_values_supported", List.of("RS256"));
                d.put("subject_types_supported", List.of("public"));
                d.put("response_types_supported", List.of("id_token"));
                body = d;
            } else if (path.equals(base + "/jwks")) {
                keyRequests.incrementAndGet();
                body = new JWKSet(key.toPublicJWK()).toJSONObject(true);
            } else {
                byte[] missing = "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(404, missing.length);
                ex.getResponseBody().write(missing);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "TestIdentityProvider[" + issuer + "]";
    }
}
