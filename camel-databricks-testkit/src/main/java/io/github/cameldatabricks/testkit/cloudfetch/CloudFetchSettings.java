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
package io.github.cameldatabricks.testkit.cloudfetch;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how LocalWarehouse answers with CloudFetch ({@code URL_BASED_SET}) results: links to Arrow IPC files that
 * the client downloads over HTTP(S), instead of rows inline in the Thrift responses.
 *
 * <p>
 * Only clients that send {@code canDownloadResult=true} and {@code canReadArrowResult=true} get them, and only for
 * results of more than {@code thresholdRows} rows (the whole result is then delivered by links).
 *
 * @param thresholdRows results with more rows than this go by CloudFetch; 0 sends every non-empty result that way,
 *                      {@link Long#MAX_VALUE} none
 * @param rowsPerFile   the most rows one linked file holds
 * @param linksPerFetch the most links one {@code FetchResults} (or direct-results) response carries
 * @param linkLifetime  how long an issued link can be downloaded ({@code expiryTime} = issue time + lifetime, on the
 *                      warehouse's clock); databricks-jdbc treats a link as expired 60 s before its expiry time
 */
public record CloudFetchSettings(long thresholdRows, int rowsPerFile, int linksPerFetch, Duration linkLifetime) {

    /**
     * Defaults: results of more than 100,000 rows, files of up to 50,000 rows, up to 32 links per response, links valid
     * for 15 minutes (a real warehouse's presigned URLs are short-lived; it documents no exact lifetime).
     */
    public static final CloudFetchSettings DEFAULTS = new CloudFetchSettings(100_000, 50_000, 32,
            Duration.ofMinutes(15));

    public CloudFetchSettings {
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        if (thresholdRows < 0) {
            throw new IllegalArgumentException("thresholdRows must be >= 0 but was " + thresholdRows);
        }
        if (rowsPerFile < 1 || linksPerFetch < 1) {
            throw new IllegalArgumentException("rowsPerFile and linksPerFetch must be >= 1 but were " + rowsPerFile
                    + " and " + linksPerFetch);
        }
        if (linkLifetime.isNegative() || linkLifetime.isZero()) {
            throw new IllegalArgumentException("linkLifetime must be positive but was " + linkLifetime);
        }
    }

    /** Whether a result of this many rows (or more) goes by CloudFetch to a client that can download it. */
    public boolean appliesTo(long rows) {
        return rows > thresholdRows;
    }

    public CloudFetchSettings withThresholdRows(long value) {
        return new CloudFetchSettings(value, rowsPerFile, linksPerFetch, linkLifetime);
    }

    public CloudFetchSettings withRowsPerFile(int value) {
        return new CloudFetchSettings(thresholdRows, value, linksPerFetch, linkLifetime);
    }

    public CloudFetchSettings withLinksPerFetch(int value) {
        return new CloudFetchSettings(thresholdRows, rowsPerFile, value, linkLifetime);
    }

    public CloudFetchSettings withLinkLifetime(Duration value) {
        return new CloudFetchSettings(thresholdRows, rowsPerFile, linksPerFetch, value);
    }
}
