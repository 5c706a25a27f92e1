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
package io.github.cameldatabricks.testkit;

import java.time.Duration;

import io.github.cameldatabricks.testkit.cloudfetch.CloudFetchSettings;
import io.github.cameldatabricks.testkit.lifecycle.WarehouseState;

/**
 * How a {@link LocalWarehouse} is set up. Build with {@link LocalWarehouse#builder()}.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param tls               serve HTTPS with a generated CA and certificate
 * @param token             the personal access token registered at start-up
 * @param principal         the principal that token authenticates as
 * @param warehouseId       the warehouse id in the HTTP path
 * @param workspaceId       the workspace id reported in audit rows
 * @param sampleRows        rows of {@code samples.nyctaxi.trips}
 * @param initialState      RUNNING (default) or STOPPED
 * @param startupTime       how long STARTING lasts
 * @param autoStopAfter     idle time after which a RUNNING warehouse stops; null: never
 * @param startOnQuery      whether a SQL request to a stopped warehouse starts it (serverless behaviour)
 * @param maxPageRows       the most rows one FetchResults page carries
 * @param directResultsWait how long ExecuteStatement waits to return results inline before answering RUNNING
 * @param arrowResults      answer clients that can read Arrow ({@code canReadArrowResult}) with Arrow IPC batches, as a
 *                          real warehouse does; false forces column-based results for every client
 * @param clock             the warehouse's time: token expiry, start-up, audit times, CloudFetch link expiry (a
 *                          {@link ManualClock} lets a test run a 20-second cold start in milliseconds)
 * @param cloudFetch        when results go by CloudFetch links ({@code URL_BASED_SET}) to clients that can download
 *                          them, and how they are cut into files; see {@link CloudFetchSettings}
 */
public record LocalWarehouseConfig(int port, boolean tls, String token, String principal, String warehouseId,
        String workspaceId, int sampleRows, WarehouseState initialState, Duration startupTime, Duration autoStopAfter,
        boolean startOnQuery, int maxPageRows, Duration directResultsWait, java.time.Clock clock,
        boolean arrowResults, CloudFetchSettings cloudFetch) {

    /** Builder with defaults suitable for tests. */
    public static final class Builder {
        private int port;
        private boolean tls;
        private String token = LocalWarehouse.randomToken();
        private String principal = "local-user@example.com";
        private String warehouseId = "1234567890abcdef";
        private String workspaceId = "1234567890123456";
        private int sampleRows = 21_932;
        private WarehouseState initialState = WarehouseState.RUNNING;
        private Duration startupTime = Duration.ofSeconds(5);
        private Duration autoStopAfter;
        private boolean startOnQuery = true;
        private int maxPageRows = 20_000;
        private Duration directResultsWait = Duration.ofSeconds(1);
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private boolean arrowResults = true;
        private CloudFetchSettings cloudFetch = CloudFetchSettings.DEFAULTS;

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder tls(boolean value) {
            this.tls = value;
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        public Builder warehouseId(String value) {
            if (!value.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("warehouseId must be alphanumeric but was '" + value + "'");
            }
            this.warehouseId = value;
            return this;
        }

        public Builder sampleRows(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("sampleRows must be >= 0 but was " + value);
            }
            this.sampleRows = value;
            return this;
        }

        public Builder initialState(WarehouseState value) {
            if (value != WarehouseState.RUNNING && value != WarehouseState.STOPPED) {
                throw new IllegalArgumentException("initialState must be RUNNING or STOPPED");
            }
            this.initialState = value;
            return this;
        }

        public Builder startupTime(Duration value) {
            this.startupTime = value;
            return this;
        }

        public Builder autoStopAfter(Duration value) {
            this.autoStopAfter = value;
            return this;
        }

        public Builder startOnQuery(boolean value) {
            this.startOnQuery = value;
            return this;
        }

        public Builder maxPageRows(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPageRows must be >= 1 but was " + value);
            }
            this.maxPageRows = value;
            return this;
        }

        public Builder directResultsWait(Duration value) {
            this.directResultsWait = value;
            return this;
        }

        /** The warehouse's clock; the system clock by default. */
        public Builder clock(java.time.Clock value) {
            this.clock = java.util.Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Whether clients that ask for Arrow get {@code ARROW_BASED_SET} results (default true, as a real warehouse);
         * false answers every client with {@code COLUMN_BASED_SET}.
         */
        public Builder arrowResults(boolean value) {
            this.arrowResults = value;
            return this;
        }

        /** All CloudFetch settings at once; {@link CloudFetchSettings#DEFAULTS} by default. */
        public Builder cloudFetch(CloudFetchSettings value) {
            this.cloudFetch = java.util.Objects.requireNonNull(value, "cloudFetch");
            return this;
        }

        /**
         * Results with more rows than this go by CloudFetch to clients that can download them (databricks-jdbc unless
         * {@code EnableQueryResultDownload=0}); 0 sends every non-empty result by links, {@link Long#MAX_VALUE} none.
         * Default 100,000.
         */
        public Builder cloudFetchThresholdRows(long value) {
            this.cloudFetch = cloudFetch.withThresholdRows(value);
            return this;
        }

        /** The most rows one CloudFetch file holds; default 50,000. */
        public Builder cloudFetchRowsPerFile(int value) {
            this.cloudFetch = cloudFetch.withRowsPerFile(value);
            return this;
        }

        /** The most CloudFetch links one response carries; default 32. */
        public Builder cloudFetchLinksPerFetch(int value) {
            this.cloudFetch = cloudFetch.withLinksPerFetch(value);
            return this;
        }

        /** How long a CloudFetch link stays downloadable, on the warehouse's clock; default 15 minutes. */
        public Builder cloudFetchLinkLifetime(Duration value) {
            this.cloudFetch = cloudFetch.withLinkLifetime(value);
            return this;
        }

        public LocalWarehouseConfig config() {
            return new LocalWarehouseConfig(port, tls, token, principal, warehouseId, workspaceId, sampleRows,
                    initialState, startupTime, autoStopAfter, startOnQuery, maxPageRows, directResultsWait, clock,
                    arrowResults, cloudFetch);
        }

        public LocalWarehouse build() {
            return new LocalWarehouse(config());
        }
    }
}
