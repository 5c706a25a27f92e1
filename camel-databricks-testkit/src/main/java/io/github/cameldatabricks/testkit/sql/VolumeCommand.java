package io.github.cameldatabricks.testkit.sql;

/**
 * {@code CREATE VOLUME}, {@code DROP VOLUME} or {@code SHOW VOLUMES}, with its names resolved against the session's
 * current catalog and schema.
 *
 * @param verb        what to do
 * @param catalog     the catalog
 * @param schema      the schema
 * @param volume      the volume (null for SHOW)
 * @param conditional {@code IF NOT EXISTS} (CREATE) or {@code IF EXISTS} (DROP)
 * @param like        for SHOW: the {@code LIKE} pattern ({@code *} any characters, {@code |} alternatives), or null
 */
public record VolumeCommand(Verb verb, String catalog, String schema, String volume, boolean conditional,
        String like) implements Translation.Command {

    /** The statement. */
    public enum Verb {
        CREATE, DROP, SHOW
    }
}
