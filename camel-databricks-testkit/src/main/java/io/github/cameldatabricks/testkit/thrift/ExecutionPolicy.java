package io.github.cameldatabricks.testkit.thrift;

import java.time.Duration;

import io.github.cameldatabricks.testkit.sql.TableName;

/** What the warehouse decides around a statement: access control and injected slowness. */
public interface ExecutionPolicy {

    /** Whether the principal is denied access to the table. */
    boolean isDenied(String principal, TableName table);

    /** How long the next statement stays RUNNING before it executes (zero normally; a fault may set it). */
    Duration nextStatementDelay();

    /** Whether the next statement fails as a concurrent write conflict (false normally; a fault may set it). */
    boolean nextStatementConflicts();
}
