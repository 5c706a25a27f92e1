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
package io.github.cameldatabricks.component.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.oauth.IDToken;
import com.databricks.sdk.core.oauth.IDTokenSource;

import io.github.cameldatabricks.component.env.Environment;

/**
 * Where the workload's identity token (a JWT from Kubernetes, GitHub Actions, a cloud) is read: a file or an
 * environment variable, read again on every call because platforms rotate it. Implements the SDK's public
 * {@link IDTokenSource}; the SDK's own {@code FileIDTokenSource} and {@code EnvVarIDTokenSource} are
 * {@code @InternalApi}, the latter reads the SDK's environment rather than the component's (which tests and embedders
 * replace), and their messages do not name our options. Failures are the SDK's public {@link DatabricksError} without
 * an HTTP status, so they are classified as authentication failures with this message; no message ever contains the
 * token or any part of it.
 */
public abstract sealed class WorkloadToken implements IDTokenSource {

    /** How the source is named in messages and in the credentials' identity: the file or variable, never a value. */
    public abstract String describe();

    /** The token as it is now. */
    abstract String read();

    @Override
    public IDToken getIDToken(String audience) {
        String token = read();
        // three base64url parts: anything else cannot be a JWT, and would be refused by the workspace less clearly
        if (!token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*")) {
            throw unavailable(describe() + " does not hold a JWT (expected header.payload.signature on one line):"
                    + " point it at the workload's identity token");
        }
        return new IDToken(token);
    }

    static DatabricksError unavailable(String message) {
        return new DatabricksError("workload_token_unavailable", "OAuth token federation: " + message, 0);
    }

    /** The token in a file, e.g. a Kubernetes projected service account token. */
    public static WorkloadToken file(Path file, String source) {
        return new FromFile(file, source);
    }

    /** The token in an environment variable. */
    public static WorkloadToken variable(Environment environment, String name) {
        return new FromVariable(environment, name);
    }

    static final class FromFile extends WorkloadToken {
        private final Path file;
        private final String source;

        FromFile(Path file, String source) {
            this.file = file;
            this.source = source;
        }

        @Override
        public String describe() {
            return "the file " + file + " (" + source + ")";
        }

        @Override
        String read() {
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (java.nio.file.NoSuchFileException e) {
                throw unavailable(describe() + " does not exist any more: check that the platform still mounts the"
                        + " token there");
            } catch (IOException | SecurityException e) {
                throw unavailable(describe() + " cannot be read (" + e.getClass().getSimpleName() + "): check its"
                        + " permissions for the user the route runs as");
            }
            if (content.isEmpty()) {
                throw unavailable(describe() + " is empty: check that the platform writes the token there");
            }
            return content;
        }
    }

    static final class FromVariable extends WorkloadToken {
        private final Environment environment;
        private final String name;

        FromVariable(Environment environment, String name) {
            this.environment = environment;
            this.name = name;
        }

        @Override
        public String describe() {
            return "the environment variable " + name;
        }

        @Override
        String read() {
            return environment.value(name).orElseThrow(() -> unavailable(describe() + " is not set or empty"));
        }
    }
}
