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

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.component.error.DatabricksException;

/**
 * Reads every sample trip of the LocalWarehouse at {@code args} (base URL, HTTP path, token) whole
 * (outputType=SelectList) and prints one line: {@code category=<...> message=<...>} when the producer failed, then, to
 * show the JVM is usable again, {@code after=<count of a small query>}. Run by {@link LargeResultTest} with a small
 * heap; the warehouse runs in the test's JVM, so that only the client's memory is limited.
 */
public final class LowMemorySelectMain {

    private LowMemorySelectMain() {
    }

    public static void main(String[] args) throws Exception {
        {
            CamelContext context = new DefaultCamelContext();
            DatabricksComponent component = new DatabricksComponent();
            component.setEnvironment(Environment.empty());
            component.getConfiguration().setHost(args[0]);
            component.getConfiguration().setHttpPath(args[1]);
            component.getConfiguration().setToken(args[2]);
            context.addComponent("databricks", component);
            context.start();
            Exchange out = context.createProducerTemplate().request("databricks:SELECT * FROM samples.nyctaxi.trips",
                    e -> {
                    });
            DatabricksException e = out.getException(DatabricksException.class);
            System.out.println(e == null ? "category=none" : "category=" + e.getCategory().value() + " message="
                    + e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println("cause=" + t.getClass().getName() + ": " + t.getMessage());
            }
            Object after = context.createProducerTemplate().requestBody("databricks:SELECT count(*) AS n FROM"
                    + " samples.nyctaxi.trips?outputType=SelectOne", (Object) null);
            System.out.println("after=" + after);
            context.stop();
        }
        System.exit(0);
    }
}
