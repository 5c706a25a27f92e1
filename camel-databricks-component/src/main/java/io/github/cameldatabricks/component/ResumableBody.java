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

import java.io.InputStream;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.stream.BaseStream;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * What a batch or load may assume when the same message comes back (a Camel redelivery, a replay of a dead letter):
 * whether its body can be read again, and whether a resume header (CamelDatabricksBatchSkip, CamelDatabricksLoadId) was
 * left by this endpoint rather than another one the message passed through.
 */
final class ResumableBody {

    /** Exchange property: the one-shot body (an Iterator, a Stream, an InputStream) an attempt has read. */
    private static final String CONSUMED_BODY = "CamelDatabricksConsumedBody";
    /** Exchange property prefix: a resume value, kept where a redelivery finds it. */
    private static final String RESUME_VALUE = "CamelDatabricksResume.";
    /** Exchange property: the endpoint that set a resume header on the message. */
    private static final String RESUME_ENDPOINT = "CamelDatabricksResumeEndpoint";

    private ResumableBody() {
    }

    /** Whether the body can be read only once (a stream cache is reset by Camel before a redelivery). */
    static boolean isOneShot(Object body) {
        return body instanceof Iterator<?> || body instanceof BaseStream<?, ?> || body instanceof Spliterator<?>
                || body instanceof InputStream && !(body instanceof StreamCache);
    }

    /**
     * Refuses a one-shot body that an earlier attempt of this exchange already read: a redelivery would find it empty
     * and "succeed" writing nothing. Otherwise remembers the body, if it is one-shot, as read.
     */
    static void claim(Exchange exchange, Object body) {
        if (!isOneShot(body)) {
            return;
        }
        if (exchange.getProperty(CONSUMED_BODY) == body) {
            throw new IllegalArgumentException("The message body is a " + body.getClass().getSimpleName() + " that"
                    + " an earlier attempt of this exchange already read, so a redelivery cannot write it again: give"
                    + " the route a List (or enable stream caching) to redeliver");
        }
        exchange.setProperty(CONSUMED_BODY, body);
    }

    /**
     * The resume value for this endpoint: the one an earlier attempt of this exchange left (kept as an exchange
     * property, because Camel restores the message's headers before a redelivery), else the message's header (a replay
     * of a dead letter carries it), else null. A header that another databricks endpoint on the message's path set is
     * refused: it would skip or reuse what belongs to that endpoint's write.
     */
    static <T> T resumeHeader(Exchange exchange, String header, Class<T> type, DatabricksEndpoint endpoint) {
        Object setBy = exchange.getProperty(RESUME_ENDPOINT);
        boolean mine = setBy == null || setBy.equals(endpoint.getEndpointKey());
        T value = exchange.getMessage().getHeader(header, type);
        if (!mine && value != null) {
            throw new IllegalArgumentException("The message carries the header " + header + " from another databricks"
                    + " endpoint it passed through; remove the header before writing to this endpoint");
        }
        T kept = mine ? exchange.getProperty(RESUME_VALUE + header, type) : null;
        return kept != null ? kept : value;
    }

    /** Sets a resume value: as a header (for a replay) and as an exchange property (for a redelivery). */
    static void setResumeHeader(Exchange exchange, String header, Object value, DatabricksEndpoint endpoint) {
        exchange.getMessage().setHeader(header, value);
        exchange.setProperty(RESUME_VALUE + header, value);
        exchange.setProperty(RESUME_ENDPOINT, endpoint.getEndpointKey());
    }

    /** Removes a resume value after a successful write. */
    static void clearResumeHeader(Exchange exchange, String header) {
        exchange.getMessage().removeHeader(header);
        exchange.removeProperty(RESUME_VALUE + header);
        exchange.removeProperty(RESUME_ENDPOINT);
    }
}
