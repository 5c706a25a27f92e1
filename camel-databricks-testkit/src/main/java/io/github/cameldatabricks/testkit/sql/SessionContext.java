package io.github.cameldatabricks.testkit.sql;

/** What the dialect layer needs to know about the session a statement runs in. */
public interface SessionContext {

    /** Current catalog, Databricks name. */
    String catalog();

    /** Current schema. */
    String schema();

    /** The authenticated principal (what {@code current_user()} returns). */
    String principal();
}
