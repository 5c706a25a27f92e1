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

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.util.URISupport;

/**
 * Makes an endpoint URI safe for error messages and {@code toString}. Camel masks the values of options whose names
 * look secret ({@code token}, {@code accessToken}), but a misspelled option ({@code tokn=...}) or a driver pass-through
 * ({@code jdbc.PWD=...}) would be shown as written; here only the values of known, non-secret options are kept.
 */
final class EndpointUriMasking {

    private static final Pattern PARAMETER = Pattern.compile("([?&])([^=&]+)=([^&]*)");
    private static final Pattern USER_INFO = Pattern
            .compile("(?i)(//|%2F%2F)[^/@%]*(?:%(?!40)[0-9A-F]{2}[^/@%]*)*(@|%40)");
    private static final Set<String> KNOWN = new DatabricksEndpointUriFactory().propertyNames().stream()
            .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private EndpointUriMasking() {
    }

    static String mask(String uri) {
        Matcher m = PARAMETER.matcher(uri);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(2);
            boolean keep = KNOWN.contains(key.toLowerCase(Locale.ROOT));
            m.appendReplacement(sb,
                    Matcher.quoteReplacement(m.group(1) + key + "=" + (keep ? withoutUserInfo(m.group(3))
                            : "xxxxxx")));
        }
        m.appendTail(sb);
        return URISupport.sanitizeUri(sb.toString());
    }

    /** A value such as host=https://user:password@h: the user-info masked, in plain or percent-encoded form. */
    private static String withoutUserInfo(String value) {
        return USER_INFO.matcher(value).replaceAll("$1***$2");
    }

    /** Whether the name is one of the endpoint's options (case-insensitive, as Camel matches them). */
    static boolean isKnownOption(String name) {
        return KNOWN.contains(name.toLowerCase(Locale.ROOT));
    }
}
