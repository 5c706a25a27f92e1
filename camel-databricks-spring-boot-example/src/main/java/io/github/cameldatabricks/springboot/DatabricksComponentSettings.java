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
package io.github.cameldatabricks.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.cameldatabricks.component.DatabricksComponent;

/**
 * Applies the {@code camel.component.databricks.*} properties of the Spring environment (application.yml, environment
 * variables, command line ...) to the databricks component, through Camel's own property binding: the same option names
 * and conversions as on the endpoint URI and in Camel Main, and an unknown option fails the start. Blank values are
 * skipped, so {@code host: ${DATABRICKS_HOST:}} leaves an unset variable to the component's own defaults.
 */
@Configuration(proxyBeanMethods = false)
public class DatabricksComponentSettings {

    static final String PREFIX = "camel.component.databricks";

    @Bean
    ComponentCustomizer databricksComponentCustomizer(Environment environment) {
        Map<String, String> configured = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return ComponentCustomizer.forType(DatabricksComponent.class, component -> {
            Map<String, Object> options = new LinkedHashMap<>();
            configured.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    options.put(name, value);
                }
            });
            PropertyBindingSupport.build()
                    .withCamelContext(component.getCamelContext())
                    .withTarget(component)
                    .withProperties(options)
                    .withIgnoreCase(true)
                    .withMandatory(true)
                    .bind();
        });
    }
}
