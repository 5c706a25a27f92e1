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
package io.github.cameldatabricks.component.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A workspace host, normalised once from any form users write: {@code https://myworkspace.cloud.databricks.com/}, a
 * bare host name, {@code host:port}, or {@code http://127.0.0.1:PORT} (plain HTTP, accepted only for a loopback address
 * such as LocalWarehouse's). A loopback address must carry its scheme.
 *
 * @param hostName the bare host name (what the driver's URL and the PWAF examples' {@code server_hostname} expect)
 * @param port     the port, 443 unless given
 * @param tls      false only for an explicit {@code http://} URL
 */
public record WorkspaceHost(String hostName, int port, boolean tls) {

    /**
     * Parses a host option value; the error message names {@code optionName} and what is expected.
     *
     * @throws IllegalArgumentException if the value is not a host
     */
    public static WorkspaceHost parse(String value, String optionName) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(optionName + " is required: the workspace URL, e.g."
                    + " https://myworkspace.cloud.databricks.com");
        }
        String v = value.trim();
        boolean tls = true;
        String lower = v.toLowerCase(Locale.ROOT);
        boolean schemeGiven = lower.contains("://");
        if (lower.startsWith("https://")) {
            v = v.substring(8);
        } else if (lower.startsWith("http://")) {
            v = v.substring(7);
            tls = false;
        } else if (lower.contains("://")) {
            throw invalid(optionName, value, "the scheme must be https:// (or http:// for a local emulator)");
        }
        int slash = v.indexOf('/');
        if (slash >= 0) {
            v = v.substring(0, slash);
        }
        try {
            URI uri = new URI(null, v, null, null, null);
            URI parsed = new URI("https://" + uri.getRawAuthority());
            String host = parsed.getHost();
            if (host == null || host.isEmpty() || v.contains("@")) {
                throw invalid(optionName, value, "expected a host name such as myworkspace.cloud.databricks.com");
            }
            if (!schemeGiven && isLoopback(host)) {
                // a bare workspace name means https://, but a loopback address is most often LocalWarehouse on
                // plain HTTP, where https:// would fail only at the first exchange, as a TLS error
                throw invalid(optionName, value, "write the scheme for a loopback address: http://" + v
                        + " for a plain-HTTP emulator such as LocalWarehouse, or https://" + v + " for TLS");
            }
            if (!tls && !isLoopback(host)) {
                throw invalid(optionName, value, "plain http:// is accepted only for a loopback address (localhost,"
                        + " 127.0.0.1, [::1]) such as LocalWarehouse; a workspace needs https://, or tokens and"
                        + " secrets would travel unencrypted");
            }
            int port = parsed.getPort() > 0 ? parsed.getPort() : 443;
            if (!tls && parsed.getPort() <= 0) {
                port = 80;
            }
            return new WorkspaceHost(host.toLowerCase(Locale.ROOT), port, tls);
        } catch (URISyntaxException e) {
            throw invalid(optionName, value, "expected a host name such as myworkspace.cloud.databricks.com");
        }
    }

    /**
     * Whether a host is this machine, by name or literal address only: resolving a name here would let DNS decide where
     * cleartext goes.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]");
        }
        return h.matches("127(\\.\\d{1,3}){3}");
    }

    private static IllegalArgumentException invalid(String optionName, String value, String expected) {
        return new IllegalArgumentException("Invalid " + optionName + " '" + shown(value) + "': " + expected);
    }

    /**
     * The value as it may be echoed: user-info (user:password@) masked, control characters replaced (no forged log
     * lines), at most 100 characters.
     */
    static String shown(String value) {
        String masked = value.replaceAll("(?<=//|^)[^/@\\s]*@", "***@").replaceAll("\\p{Cntrl}", " ");
        return masked.length() <= 100 ? masked : masked.substring(0, 97) + "...";
    }

    /** {@code https://host[:port]} (or http), the workspace URL for REST and OAuth calls. */
    public String url() {
        boolean defaultPort = tls ? port == 443 : port == 80;
        return (tls ? "https://" : "http://") + hostName + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return url();
    }
}
