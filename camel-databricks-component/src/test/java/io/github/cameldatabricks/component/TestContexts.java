package io.github.cameldatabricks.component;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.cameldatabricks.component.env.Environment;

/** Started Camel contexts whose databricks component sees a given environment instead of the process's. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A started context with a databricks component reading {@code environment}; the caller stops it. */
    public static CamelContext startedWith(Environment environment) {
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(environment);
        context.addComponent("databricks", component);
        context.start();
        return context;
    }
}
