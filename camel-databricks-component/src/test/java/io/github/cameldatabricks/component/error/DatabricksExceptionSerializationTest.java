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
package io.github.cameldatabricks.component.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** A DatabricksException that was serialised (a JMS dead letter, a cluster) still answers its category. */
class DatabricksExceptionSerializationTest {

    @Test
    void theClassificationAndBatchOutcomeSurviveSerialisation() throws Exception {
        DatabricksException original = DatabricksException.ofBatch(DatabricksException.of(ErrorClassifier.classify(
                new SQLException("[TABLE_OR_VIEW_NOT_FOUND] The table or view `t` cannot be found. SQLSTATE: 42P01",
                        "42P01"),
                ExecutionPhase.EXECUTE), 1, new SQLException("cause", "42P01")),
                new BatchOutcome(5, 5, 9, false));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        DatabricksException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DatabricksException) in.readObject();
        }
        assertThat(copy.getCategory()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(copy.isRetryable()).isFalse();
        assertThat(copy.getSqlState()).isEqualTo("42P01");
        assertThat(copy.getErrorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
        assertThat(copy.getBatchOutcome()).isEqualTo(new BatchOutcome(5, 5, 9, false));
        assertThat(copy.getMessage()).isEqualTo(original.getMessage());
    }
}
