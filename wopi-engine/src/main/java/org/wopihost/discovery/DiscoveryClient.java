package org.wopihost.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.io.AtomicFiles;

/**
 * Fetches the WOPI client's discovery XML and keeps it: in memory for lookups, and the last good copy on
 * disk so that a restart while the WOPI client is down (or answering garbage) still works.
 *
 * <ul>
 * <li>{@link #current()} returns the document, fetching it the first time (falling back to the disk copy).</li>
 * <li>{@link #refresh()} fetches now; a failed fetch keeps what we have.</li>
 * <li>{@link #refreshAfterProofFailure()} is what request handling calls when a proof check fails or only
 *     the old key matched: at most one fetch per {@code minRefreshInterval}, so a flood of badly signed
 *     requests cannot make us hammer the discovery server.</li>
 * <li>{@link #scheduleRefresh(ScheduledExecutorService, Duration)}: periodic refresh (Microsoft suggests
 *     every 12 to 24 hours), started and stopped by the caller, who owns the executor.</li>
 * </ul>
 * Only XML that parses as discovery is ever installed or written to disk. Thread-safe.
 */
public final class DiscoveryClient {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryClient.class);

    /** Microsoft: refresh every 12-24 hours. */
    public static final Duration DAILY = Duration.ofHours(24);

    private final URI url;
    private final Path cacheFile;
    private final String netZone;
    private final Duration requestTimeout;
    private final Duration minRefreshInterval;
    private final long maxBytes;
    private final Clock clock;
    private final HttpClient http;
    private final RefreshListener refreshListener;

    private final Object fetchLock = new Object();
    private final Object rateLock = new Object();
    private volatile DiscoveryDocument current;
    private volatile byte[] capabilities;
    /** When we last tried the network (guarded by rateLock). */
    private Instant lastAttempt;

    private DiscoveryClient(Builder builder) {
        this.url = builder.url;
        this.cacheFile = builder.cacheFile;
        this.netZone = builder.netZone;
        this.requestTimeout = builder.requestTimeout;
        this.minRefreshInterval = builder.minRefreshInterval;
        this.maxBytes = builder.maxBytes;
        this.clock = builder.clock;
        this.refreshListener = builder.refreshListener;
        this.http = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL) // never from https down to http
                .build();
    }

    public static Builder builder(URI discoveryUrl) {
        return new Builder(discoveryUrl);
    }

    /**
     * The current discovery document. The first call fetches it, or reads the disk copy when the fetch
     * fails; while neither works, network attempts are rate limited like proof-failure refreshes.
     *
     * @throws DiscoveryUnavailableException when there is no discovery from the network nor from disk
     */
    public DiscoveryDocument current() {
        DiscoveryDocument document = current;
        if (document != null) {
            return document;
        }
        synchronized (fetchLock) {
            if (current != null) {
                return current;
            }
            DiscoveryException failure = null;
            if (tryStartAttempt()) {
                try {
                    DiscoveryDocument fetched = install(fetch(), true);
                    refreshListener.refreshed(true);
                    return fetched;
                } catch (DiscoveryException e) {
                    refreshListener.refreshed(false);
                    failure = e;
                    LOG.warn("Cannot fetch WOPI discovery from {}: {}", url, e.getMessage());
                }
            }
            try {
                return install(readCache(), false);
            } catch (DiscoveryException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                throw new DiscoveryUnavailableException("no WOPI discovery from " + url + " nor from " + cacheFile, e);
            }
        }
    }

    /**
     * Fetches discovery now. On success the new document replaces the current one and is written to disk;
     * on failure the current document stays (or, when there is none yet, the disk copy is loaded).
     *
     * @return true when a fresh document was fetched and installed
     */
    public boolean refresh() {
        synchronized (rateLock) {
            lastAttempt = clock.instant();
        }
        return fetchAndInstall();
    }

    /**
     * {@link #refresh()} unless the network was tried less than {@code minRefreshInterval} ago. Blocks
     * while fetching: a caller that only needs the refresh to happen (VALID_WITH_OLD_KEY) may run it on
     * another thread; one that wants to re-check a failed proof with fresh keys calls it inline.
     *
     * @return true when a fresh document was fetched and installed; false when skipped or failed
     */
    public boolean refreshAfterProofFailure() {
        if (!tryStartAttempt()) {
            LOG.debug("WOPI discovery refresh after proof failure skipped: last attempt less than {} ago", minRefreshInterval);
            return false;
        }
        return fetchAndInstall();
    }

    /**
     * Refreshes every {@code period} on the caller's executor, first after one period (the first load
     * happens on demand). Cancel the returned future, or shut the executor down, to stop.
     */
    public ScheduledFuture<?> scheduleRefresh(ScheduledExecutorService executor, Duration period) {
        long millis = period.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("refresh period must be positive: " + period);
        }
        return executor.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    // A periodic task that throws is never run again; keep the schedule alive whatever happens.
    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("Scheduled WOPI discovery refresh failed", e);
        }
    }

    private boolean tryStartAttempt() {
        synchronized (rateLock) {
            Instant now = clock.instant();
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
                return false;
            }
            lastAttempt = now;
            return true;
        }
    }

    private boolean fetchAndInstall() {
        synchronized (fetchLock) {
            try {
                install(fetch(), true);
                refreshListener.refreshed(true);
                return true;
            } catch (DiscoveryException e) {
                refreshListener.refreshed(false);
                LOG.warn("Cannot refresh WOPI discovery from {}, keeping the previous copy: {}", url, e.getMessage());
                if (current == null) {
                    try {
                        install(readCache(), false);
                    } catch (DiscoveryException diskFailure) {
                        LOG.warn("No usable WOPI discovery copy on disk either: {}", diskFailure.getMessage());
                    }
                }
                return false;
            }
        }
    }

    private record Fetched(byte[] xml, DiscoveryDocument document) {
    }

    /**
     * The JSON the client answers at the capabilities endpoint its discovery names (Collabora's
     * {@code /hosting/capabilities}), as read with the last discovery fetched; empty when it names none
     * or it could not be read. The same array until it is read again.
     */
    public Optional<byte[]> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    private DiscoveryDocument install(Fetched fetched, boolean fromNetwork) {
        current = fetched.document();
        if (fromNetwork) {
            writeCache(fetched.xml());
            LOG.info("WOPI discovery loaded from {}: {}", url, fetched.document());
            fetched.document().capabilitiesUrl().ifPresent(this::readCapabilities);
        } else {
            LOG.warn("Using the WOPI discovery copy from {}: {}", cacheFile, fetched.document());
        }
        return fetched.document();
    }

    /** Best effort: without capabilities the host assumes the client reads what it is sent. */
    private void readCapabilities(String capabilitiesUrl) {
        try {
            capabilities = get(URI.create(capabilitiesUrl), "application/json");
            LOG.info("WOPI client capabilities read from {}", capabilitiesUrl);
        } catch (DiscoveryException | IllegalArgumentException e) {
            LOG.warn("Cannot read the WOPI client's capabilities from {}: {}", capabilitiesUrl, e.getMessage());
        }
    }

    private Fetched fetch() throws DiscoveryException {
        byte[] xml = get(url, "application/xml, text/xml");
        return new Fetched(xml, DiscoveryDocument.parse(xml, netZone));
    }

    /** The body of a GET, at most {@code maxBytes}. */
    private byte[] get(URI target, String accept) throws DiscoveryException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(requestTimeout)
                .header("Accept", accept).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DiscoveryException("HTTP " + response.statusCode());
                }
                byte[] xml = body.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                if (xml.length > maxBytes) {
                    throw new DiscoveryException("response larger than " + maxBytes + " bytes");
                }
                return xml;
            }
        } catch (IOException e) {
            throw new DiscoveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryException("interrupted", e);
        }
    }

    private Fetched readCache() throws DiscoveryException {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            throw new DiscoveryException("no discovery copy on disk");
        }
        try {
            byte[] xml = Files.readAllBytes(cacheFile);
            return new Fetched(xml, DiscoveryDocument.parse(xml, netZone));
        } catch (IOException e) {
            throw new DiscoveryException("cannot read " + cacheFile + ": " + e.getMessage(), e);
        }
    }

    // Temp file in the same directory, flushed to disk, then renamed over the old copy: a crash
    // mid-write leaves the previous copy intact, never half a file.
    private void writeCache(byte[] xml) {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            AtomicFiles.write(cacheFile, xml);
        } catch (IOException e) {
            LOG.warn("Cannot save the WOPI discovery copy to {}: {}", cacheFile, e.getMessage());
        }
    }

    /** Told of each fetch from the network: {@code fetched} false when it failed and the previous copy stays. */
    @FunctionalInterface
    public interface RefreshListener {
        void refreshed(boolean fetched);
    }

    /** Settings for a {@link DiscoveryClient}; only the URL is required. */
    public static final class Builder {
        private final URI url;
        private Path cacheFile;
        private String netZone;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration minRefreshInterval = Duration.ofMinutes(1);
        private long maxBytes = 10L * 1024 * 1024;
        private Clock clock = Clock.systemUTC();
        private RefreshListener refreshListener = fetched -> {
        };

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "discovery URL");
            String scheme = url.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("discovery URL must be http or https: " + url);
            }
        }

        /** Where to keep the last good copy; without one there is no fallback across restarts. */
        public Builder cacheFile(Path cacheFile) {
            this.cacheFile = cacheFile;
            return this;
        }

        /** The net zone to read (e.g. "internal-https"); null or blank for the default preference order. */
        public Builder netZone(String netZone) {
            this.netZone = netZone;
            return this;
        }

        /** Tests shorten the timeouts, the refresh gap and the size limit; the hosts keep the defaults. */
        Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Smallest gap between two rate-limited fetches (proof failures, first loads while down). */
        Builder minRefreshInterval(Duration minRefreshInterval) {
            this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
            return this;
        }

        Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Told of every fetch, good or failed (metrics: WopiMetrics::discoveryRefresh). */
        public Builder onRefresh(RefreshListener listener) {
            this.refreshListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public DiscoveryClient build() {
            return new DiscoveryClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
