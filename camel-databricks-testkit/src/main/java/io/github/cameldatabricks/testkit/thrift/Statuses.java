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
package io.github.cameldatabricks.testkit.thrift;

import java.nio.ByteBuffer;
import java.util.UUID;

import com.databricks.jdbc.model.client.thrift.generated.THandleIdentifier;
import com.databricks.jdbc.model.client.thrift.generated.TStatus;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;

import io.github.cameldatabricks.testkit.sql.WarehouseSqlException;

/** Thrift status and handle helpers. */
final class Statuses {

    private Statuses() {
    }

    static TStatus ok() {
        return new TStatus(TStatusCode.SUCCESS_STATUS);
    }

    /** An error on the status itself, as a real server reports parse errors and invalid handles. */
    static TStatus error(WarehouseSqlException e) {
        return new TStatus(TStatusCode.ERROR_STATUS).setSqlState(e.getSqlState()).setErrorCode(0)
                .setErrorMessage("Error running query: " + e.getMessage()).setDisplayMessage(e.getMessage());
    }

    static TStatus invalidHandle(String what) {
        return new TStatus(TStatusCode.ERROR_STATUS).setSqlState("08000").setErrorCode(0)
                .setErrorMessage("Invalid " + what).setDisplayMessage("Invalid " + what);
    }

    static THandleIdentifier newHandle(UUID id) {
        return new THandleIdentifier(bytes(id), bytes(UUID.randomUUID()));
    }

    static UUID id(THandleIdentifier handle) {
        ByteBuffer guid = handle.bufferForGuid().duplicate();
        return new UUID(guid.getLong(), guid.getLong());
    }

    private static ByteBuffer bytes(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(id.getMostSignificantBits());
        b.putLong(id.getLeastSignificantBits());
        b.flip();
        return b;
    }
}
