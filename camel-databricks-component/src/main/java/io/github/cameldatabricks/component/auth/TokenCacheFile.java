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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import com.databricks.sdk.core.oauth.Token;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The U2M tokens of one host and client id, kept between runs in a file only its owner can read or write. On POSIX file
 * systems the directory is created {@code rwx------} and each version of the file as a new, uniquely named
 * {@code rw-------} file before anything is written to it (the SDK's FileTokenCache sets permissions afterwards), then
 * moved over the old one atomically; a cache file that others can read or write is ignored. Every new refresh token is
 * written back before it is used, so a single-use refresh token is never lost.
 */
final class TokenCacheFile {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCacheFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    TokenCacheFile(Path directory, String host, String clientId) {
        this.file = directory.resolve(key(host, clientId) + ".json");
    }

    /** The default directory: ~/.config/camel-databricks/oauth. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".config", "camel-databricks", "oauth");
    }

    Path file() {
        return file;
    }

    /** The cached token, or null if there is none or it cannot be read. */
    synchronized Token load() {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            if (POSIX && !Collections.disjoint(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS),
                    GROUP_OR_OTHERS)) {
                LOG.warn("Ignoring the token cache {}: other users can read or write it (expected rw-------)", file);
                return null;
            }
            JsonNode json = JSON.readTree(readWithoutFollowingLinks());
            String refresh = json.path("refresh_token").asText(null);
            if (refresh == null) {
                return null;
            }
            return new Token(json.path("access_token").asText(""), "Bearer", refresh,
                    Instant.parse(json.path("expiry").asText(Instant.EPOCH.toString())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable token cache {} ({})", file, e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Reads the file through a channel opened with NOFOLLOW_LINKS (O_NOFOLLOW): a link put in its place after the check
     * above is not followed to another file.
     */
    private String readWithoutFollowingLinks() throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
                java.util.Set.of(java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
                java.io.InputStream in = java.nio.channels.Channels.newInputStream(channel)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the token, replacing the file atomically. */
    synchronized void save(Token token) {
        Path temp = null;
        try {
            Path directory = file.getParent();
            if (POSIX) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                // a unique name, created rw------- by the JDK: two writers never share a temporary file
                temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createDirectories(directory);
                temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
            }
            ObjectNode json = JSON.createObjectNode();
            json.put("access_token", token.getAccessToken());
            json.put("refresh_token", token.getRefreshToken());
            json.put("expiry", token.getExpiry().toString());
            // on disk before the move, so a crash cannot leave an empty cache in place of a good one
            Files.write(temp, JSON.writeValueAsBytes(json), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC, LinkOption.NOFOLLOW_LINKS);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            LOG.warn("Could not write the token cache {} ({}): the next run will ask to sign in again", file,
                    e.getClass().getSimpleName());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the leftover is owner-only, like the cache itself
                }
            }
        }
    }

    /** Removes the cached tokens if they still hold the given (refused) refresh token. */
    synchronized void deleteIfHolding(String refreshToken) {
        Token cached = load();
        if (cached == null || cached.getRefreshToken().equals(refreshToken)) {
            delete();
        }
    }

    /** Removes the cached tokens. */
    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the token cache {}", file);
        }
    }

    private static String key(String host, String clientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((host + "|" + clientId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
