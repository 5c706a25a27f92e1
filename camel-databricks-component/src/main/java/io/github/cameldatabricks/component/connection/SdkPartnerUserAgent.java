package io.github.cameldatabricks.component.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.databricks.sdk.core.UserAgent;

/**
 * Registers an ISV User-Agent entry with databricks-sdk-java, once per entry. The SDK's partner list is JVM-wide and
 * grows with every call, so registering on every endpoint start would make every REST call's User-Agent grow without
 * bound.
 */
public final class SdkPartnerUserAgent {

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private SdkPartnerUserAgent() {
    }

    /** Adds the entry as a partner of the SDK's User-Agent, as PWAF asks SDK callers to identify themselves. */
    public static void register(String userAgentEntry) {
        String sanitized = UserAgent.sanitize(userAgentEntry);
        if (REGISTERED.add(sanitized)) {
            UserAgent.withPartner(sanitized);
        }
    }
}
