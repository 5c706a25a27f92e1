package io.github.cameldatabricks.component;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.stream.BaseStream;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * What a batch or load may assume when the same message comes back (a Camel redelivery, a replay of a dead letter):
 * whether its body can be read again, and whether a resume header (CamelDatabricksBatchSkip,
 * CamelDatabricksLoadId) was left by this endpoint rather than another one the message passed through.
 */
final class ResumableBody {

    /** Exchange property: the one-shot body (an Iterator, a Stream, an InputStream) an attempt has read. */
    private static final String CONSUMED_BODY = "CamelDatabricksConsumedBody";
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
     * Refuses a one-shot body that an earlier attempt of this exchange already read: a redelivery would find it
     * empty and "succeed" writing nothing. Otherwise remembers the body, if it is one-shot, as read.
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
     * The value of a resume header for this endpoint: null if absent; refused if another databricks endpoint on the
     * message's path set it (it would skip or reuse what belongs to that endpoint's write).
     */
    static <T> T resumeHeader(Exchange exchange, String header, Class<T> type, DatabricksEndpoint endpoint) {
        T value = exchange.getMessage().getHeader(header, type);
        Object setBy = exchange.getProperty(RESUME_ENDPOINT);
        if (value != null && setBy != null && !setBy.equals(endpoint.getEndpointKey())) {
            throw new IllegalArgumentException("The message carries the header " + header + " from another databricks"
                    + " endpoint it passed through; remove the header before writing to this endpoint");
        }
        return value;
    }

    /** Sets a resume header, remembering which endpoint set it. */
    static void setResumeHeader(Exchange exchange, String header, Object value, DatabricksEndpoint endpoint) {
        exchange.getMessage().setHeader(header, value);
        exchange.setProperty(RESUME_ENDPOINT, endpoint.getEndpointKey());
    }

    /** Removes a resume header after a successful write. */
    static void clearResumeHeader(Exchange exchange, String header) {
        exchange.getMessage().removeHeader(header);
        exchange.removeProperty(RESUME_ENDPOINT);
    }
}
