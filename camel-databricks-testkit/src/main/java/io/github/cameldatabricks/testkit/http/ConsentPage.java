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

import io.github.cameldatabricks.testkit.oidc.AuthorizeRequest;

/** The HTML consent page with Approve and Deny buttons. */
final class ConsentPage {

    private ConsentPage() {
    }

    static String render(String consentId, AuthorizeRequest request, String user) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Authorize application</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:4em auto}button{font-size:1.1em;margin:.5em}</style>
                </head><body>
                <h1>Authorize %s</h1>
                <p>Signed in to the LocalWarehouse workspace as <strong>%s</strong>.</p>
                <p>The application <strong>%s</strong> asks for access with scopes <code>%s</code>.</p>
                <form method="post" action="/oidc/v1/authorize/decision">
                <input type="hidden" name="consent_id" value="%s">
                <button type="submit" id="approve" name="decision" value="approve">Approve</button>
                <button type="submit" id="deny" name="decision" value="deny">Deny</button>
                </form></body></html>
                """
                .formatted(escape(request.clientId()), escape(user), escape(request.clientId()),
                        escape(request.scope()), escape(consentId));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
