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
package io.github.cameldatabricks.component;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.cameldatabricks.component.env.Environment;

/** Started Camel contexts whose databricks component sees a given environment instead of the process's. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A started context with a databricks component reading {@code environment}; the caller stops it. */
    public static CamelContext startedWith(Environment environment) {
        return startedWith(environment, component -> {
        });
    }

    /**
     * A started context with a databricks component reading {@code environment}, set up further (a clock, a browser
     * launcher, ...) before it starts; the caller stops it.
     */
    public static CamelContext startedWith(Environment environment, Consumer<DatabricksComponent> setUp) {
        CamelContext context = new DefaultCamelContext();
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(environment);
        setUp.accept(component);
        context.addComponent("databricks", component);
        context.start();
        return context;
    }
}
