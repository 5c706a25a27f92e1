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
package io.github.cameldatabricks.component.auth;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the sign-in page of the OAuth U2M flow. Whatever happens, the URL is also in the log, so a user on a headless
 * machine (or whose browser did not open) can open it elsewhere.
 */
@FunctionalInterface
public interface BrowserLauncher {

    /** Opens the URL; failures are reported by the caller with the URL to open by hand. */
    void open(URI url) throws Exception;

    /**
     * The launcher for the {@code browserCommand} option: a command (the URL is appended as its last argument),
     * {@code none} to only log the URL, or null for the system browser when there is one.
     */
    static BrowserLauncher forCommand(String command) {
        if (command == null || command.isBlank()) {
            return BrowserLauncher::systemBrowser;
        }
        if ("none".equalsIgnoreCase(command.trim())) {
            return url -> Holder.LOG.info("Open this URL in a browser to sign in to Databricks: {}", url);
        }
        List<String> base = List.of(command.trim().split("\\s+"));
        return url -> {
            List<String> argv = new ArrayList<>(base);
            argv.add(url.toString());
            new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }

    private static void systemBrowser(URI url) throws IOException {
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(url);
        } else {
            Holder.LOG.info("No desktop browser here (headless): open this URL in a browser to sign in to"
                    + " Databricks: {}", url);
        }
    }

    /** Holds the logger (interfaces cannot have private static fields). */
    final class Holder {
        static final Logger LOG = LoggerFactory.getLogger(BrowserLauncher.class);

        private Holder() {
        }
    }
}
