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
package io.github.cameldatabricks.component.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Which pass-through driver properties ({@code jdbc.*}) an endpoint may set. Refused: what the component sets itself
 * (host, path, TLS on/off, auth, User-Agent, the Thrift client), what would switch certificate checks off, and driver
 * log levels that write HTTP headers — the access token — to the driver's log files. A trust store must be a readable
 * file, checked when the endpoint is created rather than failing every connection as a network error.
 */
final class DriverPropertyPolicy {

    /** Driver properties that only the component's own options may set. */
    private static final Set<String> RESERVED = Set.of("pwd", "password", "uid", "user", "authmech", "auth_flow",
            "auth_accesstoken", "auth_refreshtoken", "oauthrefreshtoken", "oauth2clientid", "oauth2secret",
            "httppath", "ssl", "useragententry", "conncatalog", "connschema", "usethriftclient");
    /** Properties that turn certificate validation off. */
    private static final Set<String> DISABLE_TLS_CHECKS = Set.of("allowselfsignedcerts");
    /** databricks-jdbc log levels: 0 off .. 6 trace; above WARN (3) the driver logs request headers. */
    private static final int MAX_DRIVER_LOG_LEVEL = 3;

    private DriverPropertyPolicy() {
    }

    /**
     * Checks one pass-through property.
     *
     * @throws IllegalArgumentException naming the property and what is expected (never echoing its value, which may be
     *                                  a password)
     */
    static void check(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException("Invalid jdbc." + name + ": this driver property is set by the"
                    + " component (use the host, httpPath, catalog, schema, userAgentEntry and auth options)");
        }
        if (DISABLE_TLS_CHECKS.contains(key) && !"0".equals(value.trim())) {
            throw new IllegalArgumentException("Invalid jdbc." + name + ": switching certificate checks off is not"
                    + " allowed; to trust a private CA, set jdbc.SSLTrustStore (and jdbc.SSLTrustStorePwd,"
                    + " jdbc.SSLTrustStoreType) to a trust store holding it");
        }
        if (key.equals("loglevel") && logLevel(name, value) > MAX_DRIVER_LOG_LEVEL) {
            throw new IllegalArgumentException("Invalid jdbc." + name + " " + value.trim() + ": driver log levels"
                    + " above 3 (WARN) write HTTP headers, including the access token, to the driver's log; use 0-3,"
                    + " and the component's own SLF4J logging for more detail");
        }
        if (key.equals("ssltruststore") && !Files.isReadable(Path.of(value.trim()))) {
            throw new IllegalArgumentException("Invalid jdbc." + name + ": no readable trust store file at '"
                    + value.trim() + "'");
        }
    }

    private static int logLevel(String name, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "OFF" -> 0;
            case "FATAL" -> 1;
            case "ERROR" -> 2;
            case "WARN", "WARNING" -> 3;
            case "INFO" -> 4;
            case "DEBUG" -> 5;
            case "TRACE", "ALL" -> 6;
            default -> {
                try {
                    yield Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid jdbc." + name + " '" + value.trim() + "': expected a"
                            + " driver log level 0-3 (OFF, FATAL, ERROR, WARN)");
                }
            }
        };
    }
}
