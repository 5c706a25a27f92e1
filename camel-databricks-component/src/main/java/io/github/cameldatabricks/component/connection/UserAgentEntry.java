package io.github.cameldatabricks.component.connection;

import java.util.regex.Pattern;

/** The PWAF ISV User-Agent entry, {@code <ISV-Name>_<Product-Name>/<Version>}. */
public final class UserAgentEntry {

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9.-]*_[A-Za-z0-9][A-Za-z0-9.-]*/[A-Za-z0-9][A-Za-z0-9.+-]*");

    private UserAgentEntry() {
    }

    /** Returns the value if it has the required form; otherwise fails naming the option. */
    public static String validate(String value) {
        if (value == null || !FORMAT.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("Invalid userAgentEntry '" + value + "': expected"
                    + " <ISV-Name>_<Product-Name>/<Version>, e.g. Acme_Integrator/1.2.0 (letters, digits, '.' and"
                    + " '-' in each part; no spaces)");
        }
        return value.trim();
    }
}
