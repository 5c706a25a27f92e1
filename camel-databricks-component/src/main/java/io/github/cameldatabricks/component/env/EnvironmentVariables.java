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
package io.github.cameldatabricks.component.env;

/** The names of the environment variables the component reads, as the PWAF skill document defines them. */
public final class EnvironmentVariables {

    public static final String HOST = "DATABRICKS_HOST";
    public static final String HTTP_PATH = "DATABRICKS_HTTP_PATH";
    public static final String TOKEN = "DATABRICKS_TOKEN";
    public static final String ACCESS_TOKEN = "DATABRICKS_ACCESS_TOKEN";
    public static final String CLIENT_ID = "DATABRICKS_CLIENT_ID";
    public static final String CLIENT_SECRET = "DATABRICKS_CLIENT_SECRET";
    public static final String U2M_CLIENT_ID = "DATABRICKS_U2M_CLIENT_ID";
    public static final String U2M_CLIENT_SECRET = "DATABRICKS_U2M_CLIENT_SECRET";
    public static final String REDIRECT_URI = "DATABRICKS_REDIRECT_URI";
    /** The workload's identity token (OAuth token federation), as databricks-sdk-java names it. */
    public static final String OIDC_TOKEN = "DATABRICKS_OIDC_TOKEN";
    /** The name of the variable that holds the workload's identity token instead of {@link #OIDC_TOKEN} (SDK name). */
    public static final String OIDC_TOKEN_ENV = "DATABRICKS_OIDC_TOKEN_ENV";
    /** A file holding the workload's identity token, re-read at every exchange (SDK name). */
    public static final String OIDC_TOKEN_FILEPATH = "DATABRICKS_OIDC_TOKEN_FILEPATH";
    /** The application's auth selector (not {@code DATABRICKS_AUTH_TYPE}, which the SDK reads itself). */
    public static final String APP_AUTH_TYPE = "APP_AUTH_TYPE";

    private EnvironmentVariables() {
    }
}
