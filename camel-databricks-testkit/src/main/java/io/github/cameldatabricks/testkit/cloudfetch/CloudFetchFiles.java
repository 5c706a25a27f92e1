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
package io.github.cameldatabricks.testkit.cloudfetch;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameldatabricks.testkit.faults.Faults;

/**
 * The result files of CloudFetch results and the links to them, kept in memory until the operation that produced them
 * is closed (or its session, or the warehouse). A link is an unguessable URL on the warehouse's own server
 * ({@value #PATH}{@code <token>}) that expires like a presigned cloud-storage URL; each link issued for a file has its
 * own token and expiry, so a refreshed link does not invalidate one a client is still downloading.
 *
 * <p>
 * The counters let tests see what the driver did: links issued (and how many were re-issued for a file that already had
 * one: the driver's link refresh), downloads served, refused as expired, and files held. Thread-safe.
 */
public final class CloudFetchFiles {

    /** The path prefix of download links. */
    public static final String PATH = "/localwarehouse/cloudfetch/";
    /** The action name that download faults target, e.g. {@code Fault.internalError().onlyFor(DOWNLOAD_ACTION)}. */
    public static final String DOWNLOAD_ACTION = "cloudFetchDownload";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One stored file: a complete Arrow IPC stream, LZ4-frame compressed as a whole when the result is. */
    public static final class StoredFile {
        private final UUID owner;
        private final long startRowOffset;
        private final long rowCount;
        private final long uncompressedBytes;
        private final byte[] body;
        private volatile boolean linked;

        private StoredFile(UUID owner, long startRowOffset, long rowCount, long uncompressedBytes, byte[] body) {
            this.owner = owner;
            this.startRowOffset = startRowOffset;
            this.rowCount = rowCount;
            this.uncompressedBytes = uncompressedBytes;
            this.body = body;
        }

        public long startRowOffset() {
            return startRowOffset;
        }

        public long rowCount() {
            return rowCount;
        }

        /** The size of the Arrow stream before compression: the link's {@code bytesNum}. */
        public long uncompressedBytes() {
            return uncompressedBytes;
        }
    }

    /** An issued link: the URL and its expiry in epoch milliseconds (what databricks-jdbc reads it as). */
    public record Link(String url, long expiryMillis, StoredFile file) {
    }

    /** What a download request gets: the file's bytes, or that the link expired, or that it is unknown. */
    public record Download(Status status, byte[] body) {
        /** The outcome of a download request. */
        public enum Status {
            OK, EXPIRED, NOT_FOUND
        }
    }

    private record Grant(StoredFile file, long expiryMillis) {
    }

    private final Clock clock;
    private final Faults faults;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<UUID, Map<StoredFile, Boolean>> filesByOwner = new ConcurrentHashMap<>();
    private final AtomicLong linksIssued = new AtomicLong();
    private final AtomicLong linksRefreshed = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();
    private final AtomicLong expiredDownloads = new AtomicLong();
    private volatile String baseUrl;
    private volatile CloudFetchSettings settings;

    public CloudFetchFiles(Clock clock, Faults faults, CloudFetchSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Sets the scheme, host and port links point at: the workspace server's own, known once it is bound. */
    public void bind(String serverBaseUrl) {
        this.baseUrl = serverBaseUrl;
    }

    /** The settings in force. */
    public CloudFetchSettings settings() {
        return settings;
    }

    /** Changes the settings for results read from now on (e.g. a test forcing CloudFetch for small results). */
    public void settings(CloudFetchSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
    }

    /** Keeps a file of the given operation's result. */
    public StoredFile store(UUID owner, long startRowOffset, long rowCount, long uncompressedBytes, byte[] body) {
        StoredFile file = new StoredFile(owner, startRowOffset, rowCount, uncompressedBytes, body);
        filesByOwner.computeIfAbsent(owner, o -> new ConcurrentHashMap<>()).put(file, Boolean.TRUE);
        return file;
    }

    /**
     * Issues a new link to the file, valid for the configured lifetime; already expired when an {@code EXPIRED_LINK}
     * fault is pending.
     */
    public Link link(StoredFile file) {
        if (baseUrl == null) {
            throw new IllegalStateException("CloudFetchFiles is not bound to a server");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long now = clock.millis();
        long expiry = faults.nextLinkExpired() ? now : now + settings.linkLifetime().toMillis();
        grants.put(token, new Grant(file, expiry));
        linksIssued.incrementAndGet();
        if (file.linked) {
            linksRefreshed.incrementAndGet();
        }
        file.linked = true;
        return new Link(baseUrl + PATH + token, expiry, file);
    }

    /** Serves the download of a link's token. */
    public Download download(String token) {
        Grant grant = grants.get(token);
        if (grant == null || !isHeld(grant.file())) {
            return new Download(Download.Status.NOT_FOUND, null);
        }
        if (clock.millis() >= grant.expiryMillis()) {
            expiredDownloads.incrementAndGet();
            return new Download(Download.Status.EXPIRED, null);
        }
        downloads.incrementAndGet();
        return new Download(Download.Status.OK, grant.file().body);
    }

    /** Drops the files of an operation and every link to them. */
    public void release(UUID owner) {
        Map<StoredFile, Boolean> files = filesByOwner.remove(owner);
        if (files != null) {
            grants.values().removeIf(g -> g.file().owner.equals(owner));
        }
    }

    private boolean isHeld(StoredFile file) {
        Map<StoredFile, Boolean> files = filesByOwner.get(file.owner);
        return files != null && files.containsKey(file);
    }

    /** Links issued so far, refreshed ones included. */
    public long linksIssued() {
        return linksIssued.get();
    }

    /** Links issued for a file that already had a link: the client asked again for the same rows (a refresh). */
    public long linksRefreshed() {
        return linksRefreshed.get();
    }

    /** Downloads served with the file's bytes (failed ones, by injected faults or expiry, not counted). */
    public long downloads() {
        return downloads.get();
    }

    /** Downloads refused with 403 because the link had expired. */
    public long expiredDownloads() {
        return expiredDownloads.get();
    }

    /** Files currently kept for open operations. */
    public int filesHeld() {
        return filesByOwner.values().stream().mapToInt(Map::size).sum();
    }
}
