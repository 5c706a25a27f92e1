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

import java.util.regex.Pattern;

/** The PWAF ISV User-Agent entry, {@code <ISV-Name>_<Product-Name>/<Version>}. */
public final class UserAgentEntry {

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9.-]*_[A-Za-z0-9][A-Za-z0-9.-]*/[A-Za-z0-9][A-Za-z0-9.+-]*");

    /** Long enough for any real product name; a User-Agent header is no place for a payload. */
    private static final int MAX_LENGTH = 128;

    private UserAgentEntry() {
    }

    /** Returns the value if it has the required form; otherwise fails naming the option. */
    public static String validate(String value) {
        if (value == null || value.trim().length() > MAX_LENGTH || !FORMAT.matcher(value.trim()).matches()) {
            String shown = value == null ? "null" : value.replaceAll("\\p{Cntrl}", " ");
            shown = shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
            throw new IllegalArgumentException("Invalid userAgentEntry '" + shown + "': expected"
                    + " <ISV-Name>_<Product-Name>/<Version>, e.g. Acme_Integrator/1.2.0 (letters, digits, '.' and"
                    + " '-' in each part; no spaces; at most " + MAX_LENGTH + " characters)");
        }
        return value.trim();
    }
}
