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
