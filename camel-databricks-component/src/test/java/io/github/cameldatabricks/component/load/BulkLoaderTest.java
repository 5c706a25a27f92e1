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
package io.github.cameldatabricks.component.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.component.sql.TableColumn;

/**
 * The format check on table columns as a real warehouse types them (LocalWarehouse cannot create ARRAY, MAP or STRUCT
 * columns yet, so this one rule is checked here rather than end to end).
 */
class BulkLoaderTest {

    @Test
    void csvCannotFillNestedColumnsButJsonAndParquetCan() {
        List<TableColumn> columns = List.of(new TableColumn("id", "INT"), new TableColumn("tags", "ARRAY<STRING>"));
        assertThatThrownBy(() -> BulkLoader.checkFormatFits(DatabricksLoadFormat.CSV, columns))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loadFormat=CSV cannot load the column tags (ARRAY<STRING>)");
        assertThatCode(() -> BulkLoader.checkFormatFits(DatabricksLoadFormat.JSON, columns)).doesNotThrowAnyException();
        assertThatCode(() -> BulkLoader.checkFormatFits(DatabricksLoadFormat.PARQUET, columns))
                .doesNotThrowAnyException();
        assertThatCode(() -> BulkLoader.checkFormatFits(DatabricksLoadFormat.CSV, List.of(new TableColumn("id",
                "INT")))).doesNotThrowAnyException();
    }
}
