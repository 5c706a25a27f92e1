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
package io.github.cameldatabricks.testkit.thrift;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.cameldatabricks.testkit.sql.DuckDbEngine;
import io.github.cameldatabricks.testkit.sql.VolumeCommand;
import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;
import io.github.cameldatabricks.testkit.volumes.VolumePath;
import io.github.cameldatabricks.testkit.volumes.VolumeStore;

/**
 * Executes CREATE VOLUME, DROP VOLUME and SHOW VOLUMES against the volume store. The schema must exist
 * ({@code SCHEMA_NOT_FOUND}); an existing volume is {@code VOLUME_ALREADY_EXISTS} (SQLSTATE 42000, as a Databricks
 * warehouse reports it), a missing one {@code UC_VOLUME_NOT_FOUND}. SHOW VOLUMES returns {@code database_name} and
 * {@code volume_name}, the names Databricks results carry (the SQL reference's older {@code database},
 * {@code volumeName} differ; client code reads {@code volume_name}).
 */
final class VolumeCommands {

    private final DuckDbEngine engine;
    private final VolumeStore volumes;

    VolumeCommands(DuckDbEngine engine, VolumeStore volumes) {
        this.engine = engine;
        this.volumes = volumes;
    }

    RowSource execute(VolumeCommand command) throws WarehouseSqlException, SQLException {
        String catalog = command.catalog().toLowerCase(Locale.ROOT);
        String schema = command.schema().toLowerCase(Locale.ROOT);
        if (!engine.schemaExists(catalog, schema)) {
            throw new WarehouseSqlException("SCHEMA_NOT_FOUND", "42704",
                    "The schema `" + catalog + "`.`" + schema + "` cannot be found.", false);
        }
        return switch (command.verb()) {
            case CREATE -> create(catalog, schema, command.volume().toLowerCase(Locale.ROOT), command.conditional());
            case DROP -> drop(catalog, schema, command.volume().toLowerCase(Locale.ROOT), command.conditional());
            case SHOW -> show(catalog, schema, command.like());
        };
    }

    private RowSource create(String catalog, String schema, String volume, boolean ifNotExists)
            throws WarehouseSqlException {
        try {
            new VolumePath(catalog, schema, volume, List.of());
        } catch (IllegalArgumentException e) {
            throw new WarehouseSqlException("INVALID_PARAMETER_VALUE", "22023", "Invalid volume name `" + volume
                    + "`: " + e.getMessage(), false);
        }
        if (!volumes.create(catalog, schema, volume) && !ifNotExists) {
            throw new WarehouseSqlException("VOLUME_ALREADY_EXISTS", "42000", "Cannot create volume `" + catalog
                    + "`.`" + schema + "`.`" + volume + "` because it already exists. Choose a different name, drop"
                    + " or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing"
                    + " objects.", false);
        }
        return empty();
    }

    private RowSource drop(String catalog, String schema, String volume, boolean ifExists)
            throws WarehouseSqlException {
        if (!volumes.drop(catalog, schema, volume) && !ifExists) {
            throw WarehouseSqlException.volumeNotFound(catalog, schema, volume);
        }
        return empty();
    }

    private RowSource show(String catalog, String schema, String like) {
        Pattern filter = like == null ? null : likePattern(like);
        List<Object[]> rows = new ArrayList<>();
        for (String name : volumes.list(catalog, schema)) {
            if (filter == null || filter.matcher(name).matches()) {
                rows.add(new Object[]{ schema, name });
            }
        }
        return new ListRowSource(List.of(ResultColumn.of("database_name", ColumnType.STRING),
                ResultColumn.of("volume_name", ColumnType.STRING)), rows);
    }

    /** Databricks' SHOW pattern: {@code *} matches anything, {@code |} separates alternatives, case-insensitive. */
    static Pattern likePattern(String like) {
        List<String> alternatives = new ArrayList<>();
        for (String alternative : like.trim().split("\\|")) {
            List<String> literals = new ArrayList<>();
            for (String part : alternative.trim().split("\\*", -1)) {
                literals.add(Pattern.quote(part));
            }
            alternatives.add(String.join(".*", literals));
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    private static RowSource empty() {
        return new ListRowSource(List.of(), List.of());
    }
}
