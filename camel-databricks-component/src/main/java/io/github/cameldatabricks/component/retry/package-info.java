/**
 * The retry loop of one statement: exponential back-off with jitter within a budget, only for failures that certainly
 * did not run the statement.
 *
 * <p>Internal: configure it with the retry options of the endpoint.
 */
package io.github.cameldatabricks.component.retry;
