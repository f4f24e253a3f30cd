package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.wopihost.nuxeo.Fixtures.DOC;
import static org.wopihost.nuxeo.Fixtures.REPO;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.Lock;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;

class NuxeoLockStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(WopiSettings.LOCK_TTL);
    private final NuxeoServices services = Fixtures.services();
    private final KeyValueStore kv = mock(KeyValueStore.class);
    private final NuxeoLockStore locks = new NuxeoLockStore(kv, services, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CoreSession system = mock(CoreSession.class);
    private final CoreSession userSession = mock(CoreSession.class);
    private final IdRef ref = new IdRef(DOC);
    private final String fileId = FileIdCodec.encode(new FileRef(REPO, DOC, FileRef.MAIN_BLOB));
    private final String lockKey = "lock/" + fileId;
    private final String docLockKey = "doclock/" + REPO + "/" + DOC;
    private NuxeoPrincipal jane;

    @BeforeEach
    void setUp() {
        jane = Fixtures.principal(services, "jane");
        when(services.currentPrincipal()).thenReturn(jane);
        when(services.systemSession(REPO)).thenReturn(system);
        when(services.session(REPO, jane)).thenReturn(userSession);
        when(system.exists(ref)).thenReturn(true);
    }

    private static Lock lockOf(String owner) {
        Lock lock = mock(Lock.class);
        when(lock.getOwner()).thenReturn(owner);
        return lock;
    }

    @Test
    void ttlIsThirtyMinutesInSeconds() {
        assertThat(locks.ttlSeconds(EXPIRY)).isEqualTo(1800);
        assertThat(locks.ttlSeconds(NOW)).isEqualTo(1); // never 0, which would mean "no expiry"
        assertThat(locks.ttlSeconds(NOW.plus(Duration.ofMillis(1500)))).isEqualTo(2);
    }

    @Test
    void createSetsTheKeyAtomicallyWithTtlAndTakesTheNuxeoLockAsTheUser() {
        when(kv.compareAndSet(lockKey, null, "L1", 1800)).thenReturn(true);
        assertThat(locks.create(fileId, "L1", EXPIRY)).isTrue();
        verify(userSession).setLock(ref);
        verify(kv).put(docLockKey, "jane\n" + fileId);
    }

    @Test
    void createFailsWhenTheKeyExists() {
        assertThat(locks.create(fileId, "L1", EXPIRY)).isFalse();
        verify(userSession, never()).setLock(any());
    }

    @Test
    void aDocumentLockedInNuxeoByAnotherUserRefusesWopiLocks() {
        Lock bob = lockOf("bob");
        when(system.getLockInfo(ref)).thenReturn(bob);
        assertThat(locks.create(fileId, "L1", EXPIRY)).isFalse();
        verify(kv, never()).compareAndSet(anyString(), any(), anyString(), anyLong());
    }

    @Test
    void theUsersOwnNuxeoLockIsKeptAndNotRecorded() {
        Lock own = lockOf("jane");
        when(system.getLockInfo(ref)).thenReturn(own);
        when(userSession.getLockInfo(ref)).thenReturn(own);
        when(kv.compareAndSet(lockKey, null, "L1", 1800)).thenReturn(true);
        assertThat(locks.create(fileId, "L1", EXPIRY)).isTrue();
        verify(userSession, never()).setLock(any());
        verify(kv, never()).put(eq(docLockKey), anyString());
    }

    @Test
    void aStaleNuxeoLockLeftByAnExpiredWopiLockIsReleased() {
        Lock bob = lockOf("bob");
        when(system.getLockInfo(ref)).thenReturn(bob);
        when(kv.getString(docLockKey)).thenReturn("bob\n" + fileId);
        when(kv.compareAndSet(lockKey, null, "L1", 1800)).thenReturn(true);
        assertThat(locks.create(fileId, "L1", EXPIRY)).isTrue();
        verify(system).removeLock(ref);
    }

    @Test
    void replaceAndRemoveCompareTheExactLockId() {
        when(kv.compareAndSet(lockKey, "L1", "L2", 1800)).thenReturn(true);
        assertThat(locks.replace(fileId, "L1", "L2", EXPIRY)).isTrue();
        assertThat(locks.replace(fileId, "l1", "L2", EXPIRY)).isFalse();
        assertThat(locks.remove(fileId, "L2")).isFalse();
        when(kv.compareAndSet(lockKey, "L2", null)).thenReturn(true);
        assertThat(locks.remove(fileId, "L2")).isTrue();
    }

    @Test
    void removeReleasesTheNuxeoLockWeTook() {
        when(kv.compareAndSet(lockKey, "L1", null)).thenReturn(true);
        when(kv.getString(docLockKey)).thenReturn("jane\n" + fileId);
        Lock l = lockOf("jane");
        when(system.getLockInfo(ref)).thenReturn(l);
        assertThat(locks.remove(fileId, "L1")).isTrue();
        verify(system).removeLock(ref);
        verify(kv).put(docLockKey, (String) null);
    }

    @Test
    void removeLeavesALockTheUserTookInNuxeo() {
        when(kv.compareAndSet(lockKey, "L1", null)).thenReturn(true);
        assertThat(locks.remove(fileId, "L1")).isTrue();
        verify(system, never()).removeLock(any());
    }

    @Test
    void getReturnsTheStoredLock() {
        when(kv.getString(lockKey)).thenReturn("L1");
        assertThat(locks.get(fileId)).contains("L1");
        assertThat(locks.get("other")).isEmpty();
    }

    @Test
    void aNuxeoUnlockDropsTheWopiLocksOfEveryBlob() {
        DocumentModel doc = mock(DocumentModel.class);
        when(doc.getId()).thenReturn(DOC);
        when(doc.getRepositoryName()).thenReturn(REPO);
        when(doc.hasSchema("files")).thenReturn(true);
        when(doc.getPropertyValue("files:files")).thenReturn(new java.util.ArrayList<>(List.of(java.util.Map.of())));
        locks.documentUnlocked(doc);
        verify(kv).put(lockKey, (String) null);
        verify(kv).put(eq("lock/" + FileIdCodec.encode(new FileRef(REPO, DOC, "files:files/0/file"))), isNull(String.class));
        verify(kv).put(docLockKey, (String) null);
    }
}
