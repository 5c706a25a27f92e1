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

import org.apache.camel.CamelContext;

/** Rejects impossible option values and combinations, naming the option and what is expected. */
final class EndpointOptionsValidator {

    /** HikariCP's own lower bounds, stated here so the error names our option instead of Hikari's. */
    private static final long MIN_CONNECTION_TIMEOUT_MILLIS = 250;
    private static final long MIN_CONNECTION_LIFETIME_MILLIS = 30_000;

    private EndpointOptionsValidator() {
    }

    static void validate(DatabricksConfiguration c, CamelContext context) {
        if (c.isBatch() && c.getOutputType() == DatabricksOutputType.StreamList) {
            throw new IllegalArgumentException("outputType=StreamList cannot be combined with batch=true: a batch"
                    + " returns update counts, not rows; remove one of the two options");
        }
        if (c.isBatch() && c.isUseMessageBodyForSql()) {
            throw new IllegalArgumentException("batch=true cannot be combined with useMessageBodyForSql=true: with"
                    + " batch the body holds the parameter sets, so the SQL must be in the endpoint URI");
        }
        atLeast("poolSize", c.getPoolSize(), 1, "");
        atLeast("connectionTimeout", c.getConnectionTimeout(), MIN_CONNECTION_TIMEOUT_MILLIS, " milliseconds");
        atLeast("maxConnectionLifetime", c.getMaxConnectionLifetime(), MIN_CONNECTION_LIFETIME_MILLIS,
                " milliseconds");
        atLeast("poolStopTimeout", c.getPoolStopTimeout(), 0, " milliseconds");
        atLeast("maxRows", c.getMaxRows(), 0, "");
        atLeast("fetchSize", c.getFetchSize(), 0, "");
        atLeast("maxResultBytes", c.getMaxResultBytes(), 0, " bytes");
        atLeast("queryTimeout", c.getQueryTimeout(), 0, " seconds");
        atLeast("maxMessagesPerPoll", c.getMaxMessagesPerPoll(), 0, "");
        atLeast("maxRetries", c.getMaxRetries(), 0, "");
        atLeast("batchChunkParameters", c.getBatchChunkParameters(), 1, "");
        atLeast("batchChunkBytes", c.getBatchChunkBytes(), 1, " bytes");
        atLeast("loadFileRows", c.getLoadFileRows(), 1, "");
        atLeast("retryInitialDelay", c.getRetryInitialDelay(), 0, " milliseconds");
        atLeast("retryMaxDelay", c.getRetryMaxDelay(), 0, " milliseconds");
        atLeast("retryBudget", c.getRetryBudget(), 0, " milliseconds");
        atLeast("warehouseStartTimeout", c.getWarehouseStartTimeout(), 0, " milliseconds");
        atLeast("warehouseStatePollInterval", c.getWarehouseStatePollInterval(), 100, " milliseconds");
        atLeast("consentTimeout", c.getConsentTimeout(), 1000, " milliseconds");
        atLeast("oauthTimeout", c.getOauthTimeout(), 100, " milliseconds");
        atLeast("healthCheckCacheTime", c.getHealthCheckCacheTime(), 1000, " milliseconds");
        if (!(c.getRetryMultiplier() >= 1.0)) {
            throw new IllegalArgumentException("Invalid retryMultiplier " + c.getRetryMultiplier()
                    + ": expected a factor of at least 1.0");
        }
        if (c.getOutputClass() != null && !c.getOutputClass().isBlank()) {
            checkOutputClass(c.getOutputClass().trim(), context);
        }
    }

    /** A row bean: a concrete class with a public no-argument constructor that rows are mapped into. */
    private static void checkOutputClass(String name, CamelContext context) {
        Class<?> type = context.getClassResolver().resolveClass(name);
        String expected = ": expected the fully qualified name of a class with a public no-argument constructor and"
                + " setters for the columns";
        if (type == null) {
            throw new IllegalArgumentException("Invalid outputClass '" + name + "': no such class on the classpath"
                    + expected);
        }
        boolean instantiable = !type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())
                && !type.isPrimitive() && !type.isArray() && !type.isEnum() && !type.isRecord()
                && java.lang.reflect.Modifier.isPublic(type.getModifiers())
                && java.util.Arrays.stream(type.getConstructors()).anyMatch(k -> k.getParameterCount() == 0);
        if (!instantiable || type.getName().startsWith("java.")) {
            throw new IllegalArgumentException("Invalid outputClass '" + name + "': not a row bean" + expected
                    + " (for a single value use outputType=SelectOne without outputClass)");
        }
    }

    /** The combinations a databricks:load: endpoint cannot take. */
    static void validateLoad(DatabricksConfiguration c) {
        if (c.isBatch()) {
            throw new IllegalArgumentException("batch=true cannot be combined with a databricks:load: endpoint: a load"
                    + " always writes the whole body; remove batch=true");
        }
        if (c.isUseMessageBodyForSql()) {
            throw new IllegalArgumentException("useMessageBodyForSql=true cannot be combined with a databricks:load:"
                    + " endpoint: its body holds the rows to load, not SQL");
        }
        if (c.getOutputType() == DatabricksOutputType.StreamList) {
            throw new IllegalArgumentException("outputType=StreamList cannot be combined with a databricks:load:"
                    + " endpoint: a load returns counts, not rows");
        }
    }

    private static void atLeast(String option, long value, long minimum, String unit) {
        if (value < minimum) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": expected at least " + minimum
                    + unit);
        }
    }
}
