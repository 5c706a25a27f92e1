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

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * Secrets in Camel's own surfaces — route dumps (what {@code camel.main.dumpRoutes=yaml} logs), JMX endpoint and
 * consumer MBeans (names and attributes, what {@code camel get endpoint} and JMX consoles show), endpoint
 * {@code toString}/{@code getEndpointUri}, the exchanges a route processes, and every log line at TRACE — for the forms
 * docs/configuration.md recommends: secrets as component options from properties, or inline placeholders with route
 * dumps that keep placeholders unresolved. Inline values written into a route are part of the route's text: a route
 * dump shows them as written (documented), but no other surface does.
 */
class CamelSurfacesSecretsTest {

    private static final String TOKEN = "dapi-surfaces-canary-token-5c1e";
    private static final String PROXY_PASSWORD = "surfaces-canary-proxy-pwd-77";

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().token(TOKEN).sampleRows(10));

    /** Everything a route's life showed: logs, dumps, MBeans, endpoints and the exchanges it processed. */
    private static String surfaces(CamelContext context, RouteBuilder routes, boolean resolvePlaceholdersInDump)
            throws Exception {
        List<Object> exchanges = new CopyOnWriteArrayList<>();
        StringBuilder seen = new StringBuilder();
        String logs = LogCapture.during(() -> {
            try {
                context.addRoutes(routes);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:seen").process(e -> exchanges.add(e.getProperties() + " " + e.getMessage()
                                .getHeaders() + " " + e.getMessage().getBody() + " " + e.getFromEndpoint()));
                    }
                });
                context.start();
                Awaitility.await().until(() -> exchanges.size() >= 2);
                for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
                    seen.append(PluginHelper.getModelToYAMLDumper(context).dumpModelAsYaml(context, route,
                            resolvePlaceholdersInDump, false, false, false));
                }
                context.getEndpoints().forEach(e -> seen.append(e).append(' ').append(e.getEndpointUri())
                        .append(' ').append(e.getEndpointKey()).append('\n'));
                MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
                for (ObjectName name : jmx.queryNames(new ObjectName("org.apache.camel:context="
                        + context.getManagementName() + ",*"), null)) {
                    seen.append(name).append('\n');
                    for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                        try {
                            seen.append(attribute.getName()).append('=').append(jmx.getAttribute(name,
                                    attribute.getName())).append('\n');
                        } catch (Exception unreadable) {
                            // some attributes need a running route or are write-only; they show nothing
                        }
                    }
                }
                context.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(exchanges).as("the routes ran").hasSizeGreaterThanOrEqualTo(2);
        assertThat(logs).as("the dump was logged").contains("databricks");
        return logs + seen + exchanges;
    }

    private static CamelContext context(Map<String, Object> componentOptions) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.setDumpRoutes("yaml");
        Properties properties = new Properties();
        properties.put("db.token", TOKEN);
        properties.put("db.proxyPassword", PROXY_PASSWORD);
        context.getPropertiesComponent().setInitialProperties(properties);
        DatabricksComponent component = new DatabricksComponent();
        component.setEnvironment(Environment.empty());
        context.addComponent("databricks", component);
        // as camel.component.databricks.<option>=... in application.properties binds them
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withProperties(new java.util.HashMap<>(componentOptions)).bind();
        return context;
    }

    private static String target() {
        LocalWarehouse w = WAREHOUSE.warehouse();
        return "host=" + w.baseUrl() + "&httpPath=" + w.httpPath();
    }

    @Test
    void secretsAsComponentOptionsAppearOnNoSurface() throws Exception {
        CamelContext context = context(Map.of("token", "{{db.token}}", "jdbcProperties[ProxyPwd]",
                "{{db.proxyPassword}}"));
        String shown = surfaces(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:producer?repeatCount=1").to("databricks:SELECT 1 AS one?" + target()).to("direct:seen");
                from("databricks:SELECT 2 AS two?" + target() + "&delay=60000").to("direct:seen");
            }
        }, true);
        assertThat(shown).contains("type=endpoints", "type=consumers", "DatabricksEndpoint")
                .doesNotContain(TOKEN, PROXY_PASSWORD);
    }

    @Test
    void inlinePlaceholdersAppearOnNoSurfaceWhenDumpsKeepPlaceholders() throws Exception {
        CamelContext context = context(Map.of());
        String shown = surfaces(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:producer?repeatCount=1").to("databricks:SELECT 1 AS one?" + target()
                        + "&token={{db.token}}&jdbc.ProxyPwd={{db.proxyPassword}}").to("direct:seen");
                from("databricks:SELECT 2 AS two?" + target() + "&token={{db.token}}"
                        + "&jdbc.ProxyPwd={{db.proxyPassword}}&delay=60000").to("direct:seen");
            }
        }, false);
        String dumpedByCamel = shown.substring(0, shown.indexOf("DatabricksEndpoint"));
        // Camel's own dump at start (camel.main.dumpRoutes) resolves placeholders: documented, not ours to mask
        assertThat(dumpedByCamel).as("Camel's start-up dump").contains(TOKEN);
        String rest = shown.replace(dumpedByCamel, "");
        assertThat(rest).contains("{{db.token}}").doesNotContain(TOKEN, PROXY_PASSWORD);
    }

    @Test
    void inlineValuesAppearOnlyInTheRouteTextItself() throws Exception {
        CamelContext context = context(Map.of());
        context.setDumpRoutes("false");
        String shown = surfaces(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:producer?repeatCount=1").routeId("inline-producer").to("databricks:SELECT 1 AS one?"
                        + target() + "&token=RAW(" + TOKEN + ")&jdbc.ProxyPwd=RAW(" + PROXY_PASSWORD + ")")
                        .to("direct:seen");
                from("databricks:SELECT 2 AS two?" + target() + "&token=RAW(" + TOKEN + ")&jdbc.ProxyPwd=RAW("
                        + PROXY_PASSWORD + ")&delay=60000").routeId("inline-consumer").to("direct:seen");
            }
        }, false);
        // the explicit dumps above print the routes as written, and so does the ModelLabel attribute of each
        // processor's MBean (Camel's rendering of the route text); everything else must be clean
        String withoutRouteText = shown.replaceAll("(?s)- route:.*?(?=- route:|DatabricksEndpoint|$)", "")
                .replaceAll("ModelLabel=.*", "");
        assertThat(withoutRouteText).contains("DatabricksEndpoint", "type=endpoints", "type=consumers")
                .doesNotContain(TOKEN, PROXY_PASSWORD);
    }
}
