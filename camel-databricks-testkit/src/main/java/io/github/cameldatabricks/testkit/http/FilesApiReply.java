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
package io.github.cameldatabricks.testkit.http;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * What a Files API request answers, decided before anything is written: the route records the outcome in the audit
 * first, then sends the reply, or drops the connection instead (the ambiguous-outcome fault).
 */
interface FilesApiReply {

    /** The HTTP status; 0 when the connection is to be dropped. */
    int status();

    /** The error for the audit, or null on success. */
    String error();

    /** Writes the response. */
    void send(HttpExchange ex) throws IOException;

    /** Functional part of a reply. */
    interface Sender {
        void send(HttpExchange ex) throws IOException;
    }

    /** A reply from its parts. */
    record Of(int status, String error, Sender sender) implements FilesApiReply {
        @Override
        public void send(HttpExchange ex) throws IOException {
            sender.send(ex);
        }
    }

    static FilesApiReply noContent() {
        return new Of(204, null, ex -> FilesApiResponses.noBody(ex, 204));
    }

    static FilesApiReply json(Object body) {
        return new Of(200, null, ex -> HttpResponses.json(ex, 200, body));
    }

    /** 200 with headers only (HEAD). */
    static FilesApiReply headers(Map<String, String> headers) {
        return new Of(200, null, ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            FilesApiResponses.noBody(ex, 200);
        });
    }

    static FilesApiReply error(int status, String errorCode, String message) {
        return error(status, errorCode, message, null);
    }

    static FilesApiReply error(int status, String errorCode, String message, String reason) {
        return new Of(status, message, ex -> FilesApiResponses.error(ex, status, errorCode, message, reason));
    }

    /** The request could not be completed (the client went away): close the connection. */
    static FilesApiReply dropped(String why) {
        return new Of(0, why, HttpResponses::drop);
    }
}
