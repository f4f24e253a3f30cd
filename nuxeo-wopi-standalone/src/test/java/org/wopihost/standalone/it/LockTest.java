package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.MutableClock;
import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/** Lock, GetLock, RefreshLock, Unlock and UnlockAndRelock over HTTP, with the spec's error cases. */
class LockTest {

    static final MutableClock CLOCK = new MutableClock(java.time.Instant.now());

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of(), CLOCK);

    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        String fileId = HOST.newDocument("locks-" + System.nanoTime() + ".docx", "content".getBytes());
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    @Test
    void lockThenGetLockReturnsTheLockId() {
        HttpResponse<byte[]> lock = alice.lock("lock-A");
        assertThat(lock.statusCode()).isEqualTo(200);
        assertThat(header(lock, "X-WOPI-ItemVersion")).isEqualTo(alice.fileInfo().get("Version").asText());
        HttpResponse<byte[]> get = alice.getLock();
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(header(get, "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void getLockOnAnUnlockedFileAnswersAnEmptyLockHeader() {
        HttpResponse<byte[]> get = alice.getLock();
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(header(get, "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void lockingAgainWithTheSameIdRefreshes() {
        assertThat(alice.lock("lock-A").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(20));
        assertThat(alice.lock("lock-A").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(20));
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void lockWithAnotherIdIsAConflictNamingTheCurrentLock() {
        alice.lock("lock-A");
        HttpResponse<byte[]> other = alice.lock("lock-B");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(header(other, "X-WOPI-Lock")).isEqualTo("lock-A");
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void lockIdsAreComparedExactly() {
        alice.lock("Lock-A");
        assertThat(alice.lock("lock-a").statusCode()).isEqualTo(409);
        assertThat(alice.unlock("LOCK-A").statusCode()).isEqualTo(409);
        assertThat(alice.unlock("Lock-A").statusCode()).isEqualTo(200);
    }

    @Test
    void lockWithoutOrWithEmptyLockHeaderIsABadRequest() {
        assertThat(alice.override("LOCK").statusCode()).isEqualTo(400);
        assertThat(alice.lock("").statusCode()).isEqualTo(400);
        assertThat(alice.override("REFRESH_LOCK").statusCode()).isEqualTo(400);
        assertThat(alice.override("UNLOCK").statusCode()).isEqualTo(400);
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void lockIdsOfUpTo1024CharactersAreKeptWhole() {
        String longId = "L".repeat(1000) + "-{\"S\":1}";
        longId = longId + "x".repeat(1024 - longId.length());
        assertThat(alice.lock(longId).statusCode()).isEqualTo(200);
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo(longId);
        assertThat(alice.unlock(longId).statusCode()).isEqualTo(200);
        assertThat(alice.lock(longId + "y").statusCode()).isEqualTo(400);
    }

    @Test
    void refreshLockExtendsTheLockAndMismatchesConflict() {
        alice.lock("lock-A");
        CLOCK.advance(Duration.ofMinutes(25));
        assertThat(alice.refreshLock("lock-A").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(25));
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");

        HttpResponse<byte[]> mismatch = alice.refreshLock("lock-B");
        assertThat(mismatch.statusCode()).isEqualTo(409);
        assertThat(header(mismatch, "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void refreshOrUnlockOfAnUnlockedFileConflictsWithAnEmptyLock() {
        HttpResponse<byte[]> refresh = alice.refreshLock("lock-A");
        assertThat(refresh.statusCode()).isEqualTo(409);
        assertThat(header(refresh, "X-WOPI-Lock")).isEqualTo("");
        HttpResponse<byte[]> unlock = alice.unlock("lock-A");
        assertThat(unlock.statusCode()).isEqualTo(409);
        assertThat(header(unlock, "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void unlockReleasesOnlyWithTheRightId() {
        alice.lock("lock-A");
        HttpResponse<byte[]> wrong = alice.unlock("lock-B");
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(header(wrong, "X-WOPI-Lock")).isEqualTo("lock-A");
        assertThat(alice.unlock("lock-A").statusCode()).isEqualTo(200);
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
        assertThat(alice.lock("lock-B").statusCode()).isEqualTo(200);
    }

    @Test
    void unlockAndRelockSwapsTheLockInOneStep() {
        alice.lock("lock-A");
        assertThat(alice.unlockAndRelock("lock-A", "lock-B").statusCode()).isEqualTo(200);
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-B");

        HttpResponse<byte[]> wrongOld = alice.unlockAndRelock("lock-A", "lock-C");
        assertThat(wrongOld.statusCode()).isEqualTo(409);
        assertThat(header(wrongOld, "X-WOPI-Lock")).isEqualTo("lock-B");
        assertThat(alice.override("LOCK", "X-WOPI-OldLock", "lock-B").statusCode()).isEqualTo(400);
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-B");
    }

    @Test
    void unlockAndRelockOnAnUnlockedFileConflictsWithAnEmptyLock() {
        HttpResponse<byte[]> r = alice.unlockAndRelock("lock-A", "lock-B");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(header(r, "X-WOPI-Lock")).isEqualTo("");
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void locksExpireThirtyMinutesAfterTheLastLockOrRefresh() {
        alice.lock("lock-A");
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(alice.lock("lock-B").statusCode()).isEqualTo(409);
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
        assertThat(alice.refreshLock("lock-A").statusCode()).isEqualTo(409);
        assertThat(alice.lock("lock-B").statusCode()).isEqualTo(200);
    }

    @Test
    void aLockBelongsToNoUserAnyTokenForTheFileMayReleaseIt() {
        alice.lock("lock-A");
        WopiClient otherSession = alice.withToken(HOST.token("alice", fileIdOf(alice), Permission.EDIT).token());
        assertThat(otherSession.unlock("lock-A").statusCode()).isEqualTo(200);
    }

    @Test
    void aViewerCannotLockButMayReadTheLock() {
        alice.lock("lock-A");
        WopiClient bob = HOST.clientFor("bob", fileIdOf(alice), Permission.VIEW);
        assertThat(bob.lock("lock-B").statusCode()).isEqualTo(401);
        assertThat(bob.unlock("lock-A").statusCode()).isEqualTo(401);
        assertThat(header(bob.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("lock-A");
    }

    @Test
    void ofManyClientsRacingForAFreeFileExactlyOneGetsTheLock() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String id = "racer-" + i;
                results.add(pool.submit(() -> alice.lock(id)));
            }
            List<String> winners = new ArrayList<>();
            List<String> reported = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                HttpResponse<byte[]> r = results.get(i).get();
                if (r.statusCode() == 200) {
                    winners.add("racer-" + i);
                } else {
                    assertThat(r.statusCode()).isEqualTo(409);
                    reported.add(header(r, "X-WOPI-Lock"));
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(reported).allMatch(winners.get(0)::equals);
            assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    static String fileIdOf(WopiClient client) {
        String src = client.wopiSrc();
        return src.substring(src.lastIndexOf('/') + 1);
    }
}
