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
