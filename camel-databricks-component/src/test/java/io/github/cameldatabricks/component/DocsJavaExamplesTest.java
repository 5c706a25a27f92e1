package io.github.cameldatabricks.component;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/** The Java DSL examples of databricks-component.adoc (DocsExamples), run. */
class DocsJavaExamplesTest extends DocsExamplesTestSupport {

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(TRIPS));

    @Override
    protected LocalWarehouse warehouse() {
        return WAREHOUSE.warehouse();
    }

    @Override
    protected void addExampleRoutes(CamelContext context) throws Exception {
        context.addRoutes(new DocsExamples.Routes());
        context.addRoutes(new DocsExamples.ErrorRoutes());
    }
}
