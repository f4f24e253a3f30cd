package org.wopihost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.testclient.MutableClock;

class DiscoveryClientTest {

    @TempDir
    Path dir;

    private FakeDiscoveryServer server;
    private Path cacheFile;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeDiscoveryServer().serve(DiscoveryFixtures.microsoft());
        cacheFile = dir.resolve("cache").resolve("discovery.xml");
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private DiscoveryClient.Builder client() {
        return DiscoveryClient.builder(server.url()).cacheFile(cacheFile).clock(clock)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5));
    }

    private String cached() throws IOException {
        return Files.readString(cacheFile, StandardCharsets.UTF_8);
    }

    @Test
    void fetchesLazilyAndKeepsACopyOnDisk() throws IOException {
        DiscoveryClient client = client().build();
        assertThat(server.hits()).isZero();

        DiscoveryDocument discovery = client.current();

        assertThat(discovery.netZone()).isEqualTo("external-https");
        assertThat(discovery.find("edit", "docx")).isPresent();
        assertThat(server.hits()).isEqualTo(1);
        assertThat(cached()).isEqualTo(DiscoveryFixtures.microsoft());
        assertThat(client.current()).isSameAs(discovery);
        assertThat(server.hits()).isEqualTo(1);
        try (Stream<Path> files = Files.list(cacheFile.getParent())) {
            assertThat(files).containsExactly(cacheFile); // no temp file left behind
        }
    }

    @Test
    void readsTheCapabilitiesACollaboraDiscoveryNames() {
        String capabilitiesUrl = server.url().toString().replace("/discovery", "/capabilities");
        server.serve(DiscoveryFixtures.collabora().replace("https://collabora.example.com/hosting/capabilities",
                capabilitiesUrl)).capabilities("{\"productName\":\"Collabora Online Development Edition\","
                        + "\"productVersion\":\"24.04.5.2\",\"hasTemplateSource\":true,\"convert-to\":{\"available\":true}}");
        DiscoveryClient client = client().build();

        client.current();

        assertThat(new String(client.capabilities().orElseThrow(), StandardCharsets.UTF_8))
                .contains("\"hasTemplateSource\":true");
    }

    @Test
    void capabilitiesThatCannotBeReadAreUnknown() {
        String capabilitiesUrl = server.url().toString().replace("/discovery", "/capabilities");
        server.serve(DiscoveryFixtures.collabora().replace("https://collabora.example.com/hosting/capabilities",
                capabilitiesUrl)); // answered 404
        DiscoveryClient client = client().build();

        assertThat(client.current().find("edit", "odt")).isPresent();
        assertThat(client.capabilities()).isEmpty();
        assertThat(client().build().capabilities()).as("Office's discovery names none").isEmpty();
    }

    @Test
    void configuredNetZoneIsUsed() {
        DiscoveryClient client = client().netZone("internal-http").build();

        assertThat(client.current().netZone()).isEqualTo("internal-http");
    }

    @Test
    void fallsBackToTheDiskCopyWhenTheServerIsDown() {
        client().build().current(); // leaves a copy on disk
        server.stop();

        DiscoveryClient restarted = client().build();
        DiscoveryDocument discovery = restarted.current();

        assertThat(discovery.netZone()).isEqualTo("external-https");
        assertThat(discovery.find("view", "xlsx")).isPresent();
        assertThat(discovery.proofKeys().current()).isNotNull();
        assertThat(restarted.refresh()).isFalse();
        assertThat(restarted.current()).isSameAs(discovery);
    }

    @Test
    void garbageOnFirstFetchFallsBackToTheDiskCopy() throws IOException {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, DiscoveryFixtures.collabora());
        server.fail(200, "<html><body>Welcome to nginx!</body></html>");

        DiscoveryDocument discovery = client().build().current();

        assertThat(discovery.netZone()).isEqualTo("external-http");
        assertThat(server.hits()).isEqualTo(1);
        assertThat(cached()).isEqualTo(DiscoveryFixtures.collabora());
    }

    @Test
    void failedRefreshKeepsTheCurrentDocumentAndTheDiskCopy() throws IOException {
        DiscoveryClient client = client().build();
        DiscoveryDocument discovery = client.current();

        server.fail(200, "<wopi-discovery><net-zone");
        assertThat(client.refresh()).isFalse();
        server.fail(503, "Service Unavailable");
        assertThat(client.refresh()).isFalse();
        server.fail(200, "");
        assertThat(client.refresh()).isFalse();

        assertThat(client.current()).isSameAs(discovery);
        assertThat(cached()).isEqualTo(DiscoveryFixtures.microsoft());
        assertThat(server.hits()).isEqualTo(4);
    }

    @Test
    void refreshInstallsAndSavesTheNewDocument() throws IOException {
        DiscoveryClient client = client().build();
        client.current();

        server.serve(DiscoveryFixtures.collabora());
        assertThat(client.refresh()).isTrue();

        assertThat(client.current().netZone()).isEqualTo("external-http");
        assertThat(cached()).isEqualTo(DiscoveryFixtures.collabora());
    }

    @Test
    void refreshWithoutAnyDocumentYetLoadsTheDiskCopy() throws IOException {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, DiscoveryFixtures.collabora());
        server.stop();
        DiscoveryClient client = client().build();

        assertThat(client.refresh()).isFalse();

        assertThat(client.current().netZone()).isEqualTo("external-http");
    }

    @Test
    void noDiscoveryAnywhereIsAnErrorAndRetriesAreRateLimited() {
        server.fail(503, "down");
        DiscoveryClient client = client().minRefreshInterval(Duration.ofMinutes(1)).build();

        assertThatThrownBy(client::current).isInstanceOf(DiscoveryUnavailableException.class);
        assertThatThrownBy(client::current).isInstanceOf(DiscoveryUnavailableException.class);
        assertThat(server.hits()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        server.serve(DiscoveryFixtures.microsoft());
        assertThat(client.current().netZone()).isEqualTo("external-https");
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    void corruptDiskCopyAndServerDownIsAnError() throws IOException {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, "<wopi-disc");
        server.stop();

        assertThatThrownBy(() -> client().build().current())
                .isInstanceOf(DiscoveryUnavailableException.class)
                .hasMessageContaining(server.url().toString());
    }

    @Test
    void withoutCacheFileThereIsNoFallback() {
        server.stop();

        assertThatThrownBy(() -> DiscoveryClient.builder(server.url()).build().current())
                .isInstanceOf(DiscoveryUnavailableException.class);
    }

    @Test
    void proofFailureRefreshIsRateLimited() {
        DiscoveryClient client = client().minRefreshInterval(Duration.ofMinutes(1)).build();
        client.current();
        assertThat(server.hits()).isEqualTo(1);

        for (int i = 0; i < 100; i++) {
            assertThat(client.refreshAfterProofFailure()).isFalse(); // a flood of bad requests
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(client.refreshAfterProofFailure()).isFalse();
        assertThat(server.hits()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(client.refreshAfterProofFailure()).isTrue();
        assertThat(client.refreshAfterProofFailure()).isFalse();
        assertThat(server.hits()).isEqualTo(2);

        // a forced refresh always fetches, and counts as the latest attempt
        clock.advance(Duration.ofMinutes(5));
        assertThat(client.refresh()).isTrue();
        assertThat(client.refreshAfterProofFailure()).isFalse();
        assertThat(server.hits()).isEqualTo(3);
    }

    @Test
    void failedProofFailureRefreshAlsoCountsForTheRateLimit() {
        DiscoveryClient client = client().minRefreshInterval(Duration.ofMinutes(1)).build();
        client.current();
        server.fail(500, "oops");
        clock.advance(Duration.ofMinutes(2));

        assertThat(client.refreshAfterProofFailure()).isFalse();
        assertThat(client.refreshAfterProofFailure()).isFalse();

        assertThat(server.hits()).isEqualTo(2);
        assertThat(client.current().netZone()).isEqualTo("external-https");
    }

    @Test
    void concurrentProofFailuresFetchOnce() throws Exception {
        DiscoveryClient client = client().minRefreshInterval(Duration.ofMinutes(1)).build();
        client.current();
        clock.advance(Duration.ofMinutes(2));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return client.refreshAfterProofFailure();
                }));
            }
            start.countDown();
            int fetched = 0;
            for (Future<Boolean> result : results) {
                fetched += result.get() ? 1 : 0;
            }
            assertThat(fetched).isEqualTo(1);
            assertThat(server.hits()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentFirstCallsFetchOnce() throws Exception {
        DiscoveryClient client = client().build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<DiscoveryDocument>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(client::current));
            }
            DiscoveryDocument first = results.get(0).get();
            for (Future<DiscoveryDocument> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(server.hits()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutAndTheDiskCopyIsUsed() throws IOException {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, DiscoveryFixtures.collabora());
        server.stall();
        DiscoveryClient client = client().requestTimeout(Duration.ofMillis(300)).build();

        // The server never answers: the document can only come from the disk, once the request timed out.
        // (The preemptive limit only keeps a client without a timeout from hanging the build.)
        DiscoveryDocument discovery = assertTimeoutPreemptively(Duration.ofSeconds(30), client::current);

        assertThat(discovery.netZone()).isEqualTo("external-http");
    }

    @Test
    void oversizedResponseIsRefused() {
        DiscoveryClient client = client().maxBytes(1024).build();

        assertThatThrownBy(client::current).isInstanceOf(DiscoveryUnavailableException.class);
        assertThat(Files.exists(cacheFile)).isFalse();
    }

    @Test
    void scheduledRefreshRunsUntilCancelled() throws Exception {
        DiscoveryClient client = client().build();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        // Shut down, it still runs periodic tasks: it terminates only once the refresh is cancelled.
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(true);
        try {
            ScheduledFuture<?> refresh = client.scheduleRefresh(scheduler, Duration.ofMillis(50));
            assertThat(server.awaitHits(3, Duration.ofSeconds(10))).isTrue();
            assertThat(client.current().netZone()).isEqualTo("external-https");

            server.fail(500, "down for a while"); // failures do not stop the schedule
            assertThat(server.awaitHits(server.hits() + 2, Duration.ofSeconds(10))).isTrue();

            refresh.cancel(false);
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).as("nothing scheduled any more").isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> DiscoveryClient.builder(java.net.URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().build().scheduleRefresh(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
