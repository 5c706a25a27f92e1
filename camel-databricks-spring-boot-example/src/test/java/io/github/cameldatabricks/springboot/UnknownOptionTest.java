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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A misspelt camel.component.databricks option stops the application instead of being ignored. */
class UnknownOptionTest {

    @Test
    void aMisspeltOptionFailsTheStartAndIsNamed() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TaxiApplication.class)
                .web(WebApplicationType.NONE)
                .properties("camel.component.databricks.host=http://127.0.0.1:9",
                        "camel.component.databricks.httpPath=/sql/1.0/warehouses/abc",
                        "camel.component.databricks.token=dapi-unused",
                        "camel.component.databricks.usrAgentEntry=Typo/1.0")
                .run().close());

        assertThat(failure).isNotNull();
        Throwable cause = failure;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append('\n');
            cause = cause.getCause();
        }
        assertThat(messages.toString()).contains("usrAgentEntry");
    }
}
