package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.wopihost.nuxeo.Fixtures.DOC;
import static org.wopihost.nuxeo.Fixtures.REPO;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.Lock;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;

class NuxeoLockStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(WopiSettings.LOCK_TTL);
    private static final Instant AFTER_EXPIRY = EXPIRY.plusSeconds(1);
    private final NuxeoServices services = Fixtures.services();
    private final MapKeyValueStore kv = new MapKeyValueStore();
    private final NuxeoLockStore locks = at(NOW);
    private final CoreSession system = mock(CoreSession.class);
    private final CoreSession userSession = mock(CoreSession.class);
    private final IdRef ref = new IdRef(DOC);
    private final FileRef file = new FileRef(REPO, DOC, FileRef.MAIN_BLOB);
    private final String lockKey = "lock/" + FileIdCodec.encode(file);
    private NuxeoPrincipal jane;

    @BeforeEach
    void setUp() {
        jane = Fixtures.principal(services, "jane");
        when(services.systemSession(REPO)).thenReturn(system);
        when(services.session(REPO, jane)).thenReturn(userSession);
        when(system.exists(ref)).thenReturn(true);
    }

    /** The lock store over the same key/value store, on a clock stopped at {@code now}. */
    private NuxeoLockStore at(Instant now) {
        return new NuxeoLockStore(kv.store, services, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Lock {@code id} taken by jane at NOW, until {@code expiry}. */
    private static LockInfo janes(String id, Instant expiry) {
        return new LockInfo(id, "jane", NOW, expiry);
    }

    private static Lock lockOf(String owner) {
        Lock lock = mock(Lock.class);
        when(lock.getOwner()).thenReturn(owner);
        return lock;
    }

    /** jane's WOPI lock L1, with the Nuxeo lock taken for it. */
    private void janeLocks() {
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        Lock janes = lockOf("jane");
        when(system.getLockInfo(ref)).thenReturn(janes);
    }

    @Test
    void ttlIsThirtyMinutesInSeconds() {
        assertThat(locks.ttlSeconds(EXPIRY)).isEqualTo(1800);
        assertThat(locks.ttlSeconds(NOW)).isEqualTo(1); // never 0, which would mean "no expiry"
        assertThat(locks.ttlSeconds(NOW.plus(Duration.ofMillis(1500)))).isEqualTo(2);
    }

    @Test
    void createStoresTheLockIdWithItsExpiryAndTakesTheNuxeoLockAsTheUser() {
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        assertThat(kv.values).containsEntry(lockKey, EXPIRY.toEpochMilli() + ";" + NOW.toEpochMilli() + ";jane:L1");
        assertThat(kv.ttls).containsEntry(lockKey, 1800L);
        verify(userSession).setLock(ref);
        assertThat(locks.get(file)).contains(janes("L1", EXPIRY));
        assertThat(locks.holdsLiveDocumentLock(REPO, DOC)).isTrue();
        assertThat(locks.create(file, janes("L2", EXPIRY))).isFalse();
    }

    @Test
    void aLockPastItsExpiryIsAbsentThoughTheStoreStillHoldsIt() {
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        NuxeoLockStore later = at(AFTER_EXPIRY);
        assertThat(kv.values).containsKey(lockKey);
        assertThat(later.get(file)).isEmpty();
        assertThat(later.replace(file, "L1", janes("L1", AFTER_EXPIRY.plus(WopiSettings.LOCK_TTL)))).isFalse();
        assertThat(later.remove(file, "L1")).isFalse();
        assertThat(later.holdsLiveDocumentLock(REPO, DOC)).isFalse();
        assertThat(later.create(file, janes("L2", AFTER_EXPIRY.plus(WopiSettings.LOCK_TTL)))).isTrue();
        assertThat(later.get(file).map(LockInfo::lockId)).contains("L2");
    }

    @Test
    void replaceAndRemoveCompareTheExactLockId() {
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        assertThat(locks.replace(file, "l1", janes("L2", EXPIRY))).isFalse();
        assertThat(locks.replace(file, "L1", janes("L2", EXPIRY.plusSeconds(60)))).isTrue();
        assertThat(kv.values).containsEntry(lockKey,
                EXPIRY.plusSeconds(60).toEpochMilli() + ";" + NOW.toEpochMilli() + ";jane:L2");
        assertThat(locks.remove(file, "L1")).isFalse();
        assertThat(locks.remove(file, "L2")).isTrue();
        assertThat(kv.values).doesNotContainKey(lockKey);
    }

    @Test
    void aDocumentLockedInNuxeoByAnotherUserRefusesWopiLocks() {
        Lock bob = lockOf("bob");
        when(system.getLockInfo(ref)).thenReturn(bob);
        assertThat(locks.create(file, janes("L1", EXPIRY))).isFalse();
        assertThat(kv.values).isEmpty();
    }

    @Test
    void theUsersOwnNuxeoLockIsKeptAndNotRecorded() {
        Lock own = lockOf("jane");
        when(system.getLockInfo(ref)).thenReturn(own);
        when(userSession.getLockInfo(ref)).thenReturn(own);
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        verify(userSession, never()).setLock(any());
        assertThat(locks.holdsLiveDocumentLock(REPO, DOC)).isFalse();
    }

    @Test
    void aStaleNuxeoLockLeftByAnExpiredWopiLockIsReleasedForTheNextSession() {
        janeLocks();
        NuxeoPrincipal bob = Fixtures.principal(services, "bob");
        when(services.session(REPO, bob)).thenReturn(mock(CoreSession.class));
        LockInfo bobs = new LockInfo("L2", "bob", AFTER_EXPIRY, AFTER_EXPIRY.plus(WopiSettings.LOCK_TTL));
        assertThat(at(AFTER_EXPIRY).create(file, bobs)).isTrue();
        verify(system).removeLock(ref);
    }

    @Test
    void removeReleasesTheNuxeoLockWeTook() {
        janeLocks();
        assertThat(locks.remove(file, "L1")).isTrue();
        verify(system).removeLock(ref);
        assertThat(kv.values).isEmpty();
    }

    @Test
    void removeLeavesALockTheUserTookInNuxeo() {
        Lock own = lockOf("jane");
        when(userSession.getLockInfo(ref)).thenReturn(own);
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        assertThat(locks.remove(file, "L1")).isTrue();
        verify(system, never()).removeLock(any());
    }

    @Test
    void aNuxeoUnlockDropsTheWopiLocksOfEveryBlobAndOurRecord() {
        janeLocks();
        String attachment = FileIdCodec.encode(new FileRef(REPO, DOC, "files:files/0/file"));
        kv.values.put("lock/" + attachment, EXPIRY.toEpochMilli() + ":A1");
        DocumentModel doc = mock(DocumentModel.class);
        when(doc.getId()).thenReturn(DOC);
        when(doc.getRepositoryName()).thenReturn(REPO);
        when(doc.hasSchema("files")).thenReturn(true);
        when(doc.getPropertyValue("files:files")).thenReturn(new ArrayList<>(List.of(Map.of())));
        locks.documentUnlocked(doc);
        assertThat(kv.values).isEmpty();
    }

    @Test
    void theExpiryJobReadsOneKeyWhenNothingIsLocked() {
        assertThat(locks.releaseExpired()).isZero();
        verify(kv.store, times(1)).getString(anyString());
        verify(services, never()).systemSession(any());
    }

    @Test
    void theExpiryJobReleasesExpiredLocksAndTheirNuxeoLocksOnly() {
        janeLocks();
        assertThat(locks.releaseExpired()).as("live").isZero();
        verify(system, never()).removeLock(any());

        assertThat(at(AFTER_EXPIRY).releaseExpired()).isEqualTo(1);
        verify(system).removeLock(ref);
        assertThat(kv.values).as("the expired WOPI lock and our record").isEmpty();
    }

    @Test
    void theExpiryJobLeavesANuxeoLockSomeoneElseTookSince() {
        janeLocks();
        Lock bob = lockOf("bob");
        when(system.getLockInfo(ref)).thenReturn(bob);
        assertThat(at(AFTER_EXPIRY).releaseExpired()).isEqualTo(1);
        verify(system, never()).removeLock(any());
        assertThat(kv.values).isEmpty();
    }

    @Test
    void aRefreshKeepsWhoTookTheLockAndSinceWhenANewLockIdIsItsNewHolders() {
        assertThat(locks.create(file, janes("L1", EXPIRY))).isTrue();
        Instant later = NOW.plusSeconds(600);
        LockInfo refreshedByBob = new LockInfo("L1", "bob", later, later.plus(WopiSettings.LOCK_TTL));
        assertThat(locks.replace(file, "L1", refreshedByBob)).isTrue();
        assertThat(locks.get(file)).contains(new LockInfo("L1", "jane", NOW, later.plus(WopiSettings.LOCK_TTL)));
        LockInfo relockedByBob = new LockInfo("L2", "bob", later, later.plus(WopiSettings.LOCK_TTL));
        assertThat(locks.replace(file, "L1", relockedByBob)).isTrue();
        assertThat(locks.get(file)).contains(relockedByBob);
    }

    @Test
    void aLockStoredByTheEarlierVersionStillHoldsWithAnUnknownHolder() {
        kv.values.put(lockKey, EXPIRY.toEpochMilli() + ":L1");
        assertThat(locks.get(file)).contains(new LockInfo("L1", "", EXPIRY, EXPIRY));
        assertThat(locks.remove(file, "L1")).isTrue();
    }
}
