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
