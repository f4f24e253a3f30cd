package org.wopihost.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.wopihost.config.ConfigKeys;
import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.DiscoveryException;

/**
 * Checks a host's WOPI configuration the way a WOPI client will meet it, and says for each problem
 * how to fix it: the client's discovery (reachable, parsed, applications, proof keys), the clock
 * against the client's, the base URL the client calls back (reachable, HTTPS where the client
 * requires it, a host name of its own for Microsoft 365), and the largest body that reaches the host.
 * Plain JDK HTTP: the standalone {@code doctor} command and Nuxeo's administrator check both run it.
 */
public final class WopiDoctor {

    /** Proofs are refused when their timestamp is older than 20 minutes; warn well before. */
    static final Duration MAX_SKEW = Duration.ofMinutes(2);
    /** Request sizes tried end to end, up to the configured maximum file size. */
    private static final long[] BODY_SIZES = {1L << 20, 10L << 20, 100L << 20};

    private final WopiSettings settings;
    private final Clock clock;
    private final HttpClient http;

    public WopiDoctor(WopiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Every check, in order; a check that cannot run because an earlier one failed is left out. */
    public List<Finding> examine() {
        List<Finding> findings = new ArrayList<>();
        Optional<DiscoveryDocument> discovery = discovery(findings);
        baseUrl(findings, discovery);
        largestBody(findings);
        return findings;
    }

    private Optional<DiscoveryDocument> discovery(List<Finding> findings) {
        String url = settings.discoveryUrl();
        if (url == null) {
            findings.add(Finding.warn("discovery", "no WOPI client configured: the WOPI endpoints answer, but no"
                    + " document opens in an editor", "set " + ConfigKeys.DISCOVERY_URL
                    + " to the client's discovery URL, e.g. https://collabora.example.com/hosting/discovery"));
            return Optional.empty();
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            findings.add(Finding.fail("discovery reachable", "cannot fetch " + url + ": " + describe(e),
                    "check " + ConfigKeys.DISCOVERY_URL + ", and that this machine resolves and reaches that host"
                            + " (DNS, firewall, outbound proxy, TLS trust store)"));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            findings.add(Finding.fail("discovery reachable", url + " answered HTTP " + response.statusCode(),
                    "point " + ConfigKeys.DISCOVERY_URL + " at the client's /hosting/discovery URL"));
            return Optional.empty();
        }
        findings.add(Finding.ok("discovery reachable", url + " answered 200 (" + response.body().length + " bytes)"));
        clockSkew(findings, response);
        DiscoveryDocument document;
        try {
            document = DiscoveryDocument.parse(response.body(), settings.netZone());
        } catch (DiscoveryException e) {
            findings.add(Finding.fail("discovery parsed", "not usable WOPI discovery XML: " + e.getMessage(),
                    "point " + ConfigKeys.DISCOVERY_URL + " at the client's /hosting/discovery (not its home page),"
                            + " and leave " + ConfigKeys.NET_ZONE + " empty unless the discovery has that zone"));
            return Optional.empty();
        }
        findings.add(document.apps().isEmpty()
                ? Finding.fail("discovery parsed", "net zone " + document.netZone() + " offers no application",
                        "choose another " + ConfigKeys.NET_ZONE + ", or check the client's configuration")
                : Finding.ok("discovery parsed", "net zone " + document.netZone() + ", " + document.apps().size()
                        + " applications"));
        findings.add(document.proofKeys().isEmpty()
                ? Finding.warn("proof keys", "the discovery publishes no proof key: requests cannot be verified as"
                        + " coming from the client", "use a client that signs its requests (Office for the web does)")
                : Finding.ok("proof keys", "well formed: current" + (document.proofKeys().oldKey().isPresent()
                        ? " and old" : "") + (settings.proofKeysEnabled() ? ", checked on every request"
                                : ", but not checked (" + ConfigKeys.PROOF_KEYS_ENABLED + "=false)")));
        return Optional.of(document);
    }

    private void clockSkew(List<Finding> findings, HttpResponse<?> response) {
        Optional<String> date = response.headers().firstValue("Date");
        if (date.isEmpty()) {
            findings.add(Finding.warn("clock", "the client's answer has no Date header to compare with",
                    "keep this machine's clock in sync with NTP"));
            return;
        }
        Instant theirs;
        try {
            theirs = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            findings.add(Finding.warn("clock", "unreadable Date header: " + date.get(), "keep clocks in sync with NTP"));
            return;
        }
        Duration skew = Duration.between(theirs, clock.instant());
        String detail = "this host's clock is " + Math.abs(skew.toSeconds()) + " s "
                + (skew.isNegative() ? "behind" : "ahead of") + " the client's";
        findings.add(skew.abs().compareTo(MAX_SKEW) > 0
                ? Finding.fail("clock", detail + ": proofs (X-WOPI-TimeStamp) and token expiry are judged by it",
                        "synchronize this machine's clock with NTP (timedatectl set-ntp true)")
                : Finding.ok("clock", detail));
    }

    private void baseUrl(List<Finding> findings, Optional<DiscoveryDocument> discovery) {
        URI base = URI.create(settings.baseUrl());
        boolean httpsClient = discovery.map(d -> d.netZone().endsWith("https")).orElse(false)
                || isMicrosoft365(settings.discoveryUrl());
        if (httpsClient && !"https".equalsIgnoreCase(base.getScheme())) {
            findings.add(Finding.fail("base URL", settings.baseUrl() + " is not HTTPS, and the client calls hosts"
                    + " back over HTTPS only", "serve the host over HTTPS (a TLS reverse proxy) and set "
                            + ConfigKeys.BASE_URL + " to its https:// URL"));
        }
        if (isMicrosoft365(settings.discoveryUrl())) {
            URI users = URI.create(settings.publicUrl());
            findings.add(base.getHost().equalsIgnoreCase(users.getHost())
                    ? Finding.fail("dedicated WOPI host", base.getHost() + " serves users as well as WOPI",
                            "Microsoft requires a host name that serves nothing but WOPI: give " + ConfigKeys.BASE_URL
                                    + " a name of its own (e.g. wopi.example.com) pointing at this host")
                    : Finding.ok("dedicated WOPI host", base.getHost() + " serves only WOPI"));
        }
        String probe = settings.wopiSrc("doctor");
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(probe))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            findings.add(status == 401 || status == 404 || status == 500
                    ? Finding.ok("base URL reachable", probe + " answered " + status + " as a WOPI host does for a"
                            + " request without a valid token (checked from here; the client must reach it too)")
                    : Finding.warn("base URL reachable", probe + " answered " + status + ", not a WOPI host's answer",
                            "check that " + ConfigKeys.BASE_URL + " reaches this host (proxy routes for /wopi/files/)"));
        } catch (IOException e) {
            findings.add(Finding.fail("base URL reachable", "cannot reach " + probe + ": " + describe(e),
                    "set " + ConfigKeys.BASE_URL + " to a URL of this host that the WOPI client can reach"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends growing PutFile-sized bodies to the base URL (with no valid token: nothing is stored). A proxy
     * that limits bodies answers 413 before the host sees them.
     */
    private void largestBody(List<Finding> findings) {
        URI target = URI.create(settings.wopiSrc("doctor") + "/contents?access_token=doctor");
        long passed = 0;
        for (long size : sizes()) {
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                        .header("X-WOPI-Override", "PUT")
                        .POST(HttpRequest.BodyPublishers.fromPublisher( // with a Content-Length, as Office sends it
                                HttpRequest.BodyPublishers.ofInputStream(() -> zeros(size)), size)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1; // the host answered before reading the body and closed: it was not refused for size
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (status == 413) {
                findings.add(Finding.fail("largest body", "a " + mib(size) + " body is refused (413) on the way to"
                        + " the host; " + (passed == 0 ? "none" : mib(passed)) + " passed, the host accepts up to "
                        + mib(settings.maxFileSize()), "raise the proxy's limit (nginx client_max_body_size, Apache"
                                + " LimitRequestBody) to at least " + ConfigKeys.MAX_FILE_SIZE));
                return;
            }
            passed = size;
        }
        findings.add(Finding.ok("largest body", mib(passed) + " reached the host (" + ConfigKeys.MAX_FILE_SIZE + " is "
                + mib(settings.maxFileSize()) + ")"));
    }

    private long[] sizes() {
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(BODY_SIZES), java.util.stream.LongStream.of(
                settings.maxFileSize())).filter(s -> s <= settings.maxFileSize()).distinct().sorted().toArray();
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static boolean isMicrosoft365(String discoveryUrl) {
        return discoveryUrl != null && URI.create(discoveryUrl).getHost() != null
                && URI.create(discoveryUrl).getHost().toLowerCase(Locale.ROOT).endsWith(".officeapps.live.com");
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
