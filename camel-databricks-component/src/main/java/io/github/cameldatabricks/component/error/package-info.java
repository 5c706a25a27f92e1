/**
 * How failures are classified (from SQLSTATE, HTTP status and exception type) and the exceptions routes see.
 *
 * <p>Supported API: {@link DatabricksException} and its subclasses, {@link ErrorCategory}, {@link ErrorClassification}
 * and {@link BatchOutcome}: use them in onException and dead-letter routes. The classifier and the attempt exception
 * are internal.
 */
package io.github.cameldatabricks.component.error;
