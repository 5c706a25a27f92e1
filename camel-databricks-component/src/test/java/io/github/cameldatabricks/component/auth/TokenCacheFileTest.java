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
