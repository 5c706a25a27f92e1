package io.github.cameldatabricks.component.load;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.cameldatabricks.component.load.DatabricksLoadFormat;
import io.github.cameldatabricks.component.sql.TableColumn;

/**
 * The format check on table columns as a real warehouse types them (LocalWarehouse cannot create ARRAY, MAP or
 * STRUCT columns yet, so this one rule is checked here rather than end to end).
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
