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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import com.databricks.sdk.core.oauth.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The U2M token cache reads only its own owner-only regular file, never through a link. */
class TokenCacheFileTest {

    @Test
    void aCacheThatIsALinkToAnotherFileIsIgnored(@TempDir Path dir) throws Exception {
        TokenCacheFile cache = new TokenCacheFile(dir.resolve("cache"), "https://h.example.com", "app");
        cache.save(new Token("access", "Bearer", "refresh-1", Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(cache.load().getRefreshToken()).isEqualTo("refresh-1");

        // another user's (or a planted) file, made to look owner-only, linked in place of the cache
        Path planted = dir.resolve("planted.json");
        Files.copy(cache.file(), planted);
        Files.writeString(planted, Files.readString(planted).replace("refresh-1", "planted-refresh"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rw-------"));
        Files.delete(cache.file());
        Files.createSymbolicLink(cache.file(), planted);
        assertThat(cache.load()).isNull();
    }
}
