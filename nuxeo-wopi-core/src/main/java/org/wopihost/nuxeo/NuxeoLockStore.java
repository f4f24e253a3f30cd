package org.wopihost.nuxeo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentRef;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.Lock;
import org.nuxeo.ecm.core.api.NuxeoException;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;

/**
 * WOPI locks in a Nuxeo KeyValueStore of our own ({@value #STORE_NAME}): one key per file (its WOPI file
 * id) holding the lock id, its holder, since when and its expiry ({@link StoredLock}), changed by
 * compare-and-set on the exact stored value, so locks are atomic cluster-wide and expire on time whatever
 * the store (its TTL only collects garbage).
 * Taking a WOPI lock also takes the Nuxeo document lock as the requesting user, so Nuxeo users and the
 * sync client see the document locked; a document locked in Nuxeo by someone else refuses WOPI locks
 * (the lock owner's edits win). We remember which document locks we took ({@link TakenDocumentLocks}) and
 * release only those: on Unlock, and when the WOPI lock expires ({@link #releaseExpired}, run by
 * {@link LockExpiryListener}). A Nuxeo unlock releases the WOPI locks ({@link UnlockListener}).
 */
public final class NuxeoLockStore implements LockStore {

    public static final String STORE_NAME = "wopihost";
    static final String LOCK_PREFIX = "lock/";

    private static final Logger LOG = LoggerFactory.getLogger(NuxeoLockStore.class);
    /** A compare-and-set loses only to a concurrent change of the same lock; a few retries settle it. */
    private static final int ATTEMPTS = 8;

    private final KeyValueStore store;
    private final TakenDocumentLocks taken;
    private final NuxeoServices services;
    private final Clock clock;

    /** Public for the runtime tests, which build one over Nuxeo's real store with a clock of their own. */
    public NuxeoLockStore(KeyValueStore store, NuxeoServices services, Clock clock) {
        this.store = store;
        this.taken = new TakenDocumentLocks(store);
        this.services = services;
        this.clock = clock;
    }

    /** The store key of a file's lock: its WOPI file id, as before, so live locks survive an upgrade. */
    static String lockKey(FileRef file) {
        return lockKey(FileIdCodec.encode(file));
    }

    private static String lockKey(String fileId) {
        return LOCK_PREFIX + fileId;
    }

    @Override
    public Optional<LockInfo> get(FileRef file) {
        return live(store.getString(lockKey(file)));
    }

    /** Whether the file id's lock is live: for our records of document locks, which keep file ids. */
    private boolean isLocked(String fileId) {
        return live(store.getString(lockKey(fileId))).isPresent();
    }

    /**
     * Takes the WOPI lock, and the document's Nuxeo lock as the lock's holder, unless someone else
     * holds that Nuxeo lock (then the WOPI lock is refused).
     */
    @Override
    public boolean create(FileRef file, LockInfo lock) {
        NuxeoPrincipal holder = NuxeoUsers.principal(services, lock.userId()).orElse(null);
        // One transaction for the Nuxeo lock, looked at and then taken: the key/value store between the
        // two is outside transactions (its SQL store uses connections no transaction enlists).
        return services.inTransaction(() -> {
            if (lockedInNuxeoByOther(file, holder) || !swap(file, Optional::isEmpty, current -> lock)) {
                return false;
            }
            takeDocumentLock(file, holder);
            return true;
        });
    }

    @Override
    public boolean replace(FileRef file, String expectedLockId, LockInfo next) {
        // A refresh keeps who took the lock and when; a new lock id is the new holder's.
        return swap(file, isLock(expectedLockId),
                current -> next.lockId().equals(expectedLockId) ? current.extendedTo(next.expiresAt()) : next);
    }

    @Override
    public boolean remove(FileRef file, String expectedLockId) {
        if (!swap(file, isLock(expectedLockId), current -> null)) {
            return false;
        }
        releaseDocumentLock(file);
        return true;
    }

    /**
     * Called when a user unlocks the document in Nuxeo: drops the WOPI locks on its blobs and our record
     * of the document lock, so the next WOPI save is refused until the client locks again.
     */
    public void documentUnlocked(DocumentModel doc) {
        for (FileRef ref : NuxeoFiles.blobRefs(doc)) {
            store.put(lockKey(ref), (String) null); // typed: put(key, null) is ambiguous
        }
        taken.forget(doc.getRepositoryName(), doc.getId());
    }

    /**
     * Whether the document's Nuxeo lock is one our binding took for a WOPI session that is still live:
     * we recorded taking it and the WOPI lock of that blob has not expired or been released. What
     * {@link WopiLockSecurityPolicy} asks before letting co-editors write through the WOPI servlet.
     */
    public boolean holdsLiveDocumentLock(String repository, String documentId) {
        return taken.find(repository, documentId).filter(t -> isLocked(t.fileId())).isPresent();
    }

    /**
     * The expiry job: for every Nuxeo lock we took whose WOPI lock has expired (Office crashed, or a tab
     * closed without Unlock), drops the expired WOPI lock and releases the document. One read of the store
     * when no document is locked for WOPI. Safe on several nodes at once: each step re-checks and is
     * idempotent. Returns how many were released.
     */
    public int releaseExpired() {
        List<TakenDocumentLocks.Taken> expired = taken.all().stream().filter(t -> !isLocked(t.fileId())).toList();
        expired.forEach(this::releaseExpired);
        return expired.size();
    }

    private void releaseExpired(TakenDocumentLocks.Taken t) {
        String key = lockKey(t.fileId());
        String stored = store.getString(key);
        if (stored != null && live(stored).isEmpty()) {
            store.compareAndSet(key, stored, null);
        }
        try {
            services.inTransaction(() -> {
                CoreSession system = services.systemSession(t.repository());
                DocumentRef docRef = new IdRef(t.documentId());
                // Re-checked here: a new WOPI session of the same user may have taken the lock again meanwhile.
                if (system.exists(docRef) && !isLocked(t.fileId()) && isLockOf(system.getLockInfo(docRef), t.owner())) {
                    LOG.info("Releasing the Nuxeo lock of {} held by {} for an expired WOPI lock", t.documentId(), t.owner());
                    system.removeLock(docRef);
                }
                return null;
            });
            taken.remove(t);
        } catch (NuxeoException e) {
            LOG.warn("Could not release the Nuxeo lock of {} for an expired WOPI lock: {}", t.documentId(), e.getMessage());
        }
    }

    /** Seconds until {@code expiresAt}, rounded up, at least 1 (0 would mean "never expires"). */
    long ttlSeconds(Instant expiresAt) {
        long millis = Duration.between(clock.instant(), expiresAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** The unexpired lock a stored value holds. */
    private Optional<LockInfo> live(String stored) {
        return StoredLock.decode(stored).filter(l -> l.expiresAt().isAfter(clock.instant()));
    }

    private static Predicate<Optional<LockInfo>> isLock(String lockId) {
        return current -> current.isPresent() && current.get().lockId().equals(lockId);
    }

    /**
     * Sets the file's lock to {@code next.apply(current)} (null removes it) when its current unexpired lock
     * passes {@code allowed}, by compare-and-set on the exact stored value (an expired lock included, which
     * is how a new lock replaces it). Retried when the value changed in between (another node refreshing).
     */
    private boolean swap(FileRef file, Predicate<Optional<LockInfo>> allowed, UnaryOperator<LockInfo> next) {
        String key = lockKey(file);
        for (int i = 0; i < ATTEMPTS; i++) {
            String stored = store.getString(key);
            Optional<LockInfo> current = live(stored);
            if (!allowed.test(current)) {
                return false;
            }
            LockInfo value = next.apply(current.orElse(null));
            boolean set = value == null ? store.compareAndSet(key, stored, null)
                    : store.compareAndSet(key, stored, StoredLock.encode(value), ttlSeconds(value.expiresAt()));
            if (set) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLockOf(Lock lock, String owner) {
        return lock != null && owner.equals(lock.getOwner());
    }

    /**
     * Whether someone else holds the Nuxeo lock. A lock we took for a WOPI session whose WOPI lock has
     * since expired is stale: it is released here (whoever holds it) instead of blocking the document.
     */
    private boolean lockedInNuxeoByOther(FileRef ref, NuxeoPrincipal user) {
        return services.inTransaction(() -> {
            CoreSession system = services.systemSession(ref.repository());
            DocumentRef docRef = new IdRef(ref.documentId());
            if (!system.exists(docRef)) {
                return false;
            }
            Lock lock = system.getLockInfo(docRef);
            if (lock == null) {
                return false;
            }
            Optional<TakenDocumentLocks.Taken> ours = taken.find(ref.repository(), ref.documentId());
            if (ours.isPresent() && isLockOf(lock, ours.get().owner()) && !isLocked(ours.get().fileId())) {
                LOG.info("Releasing the stale Nuxeo lock of {} left by an expired WOPI lock", ref.documentId());
                system.removeLock(docRef);
                taken.remove(ours.get());
                return false;
            }
            return user == null || !user.getName().equals(lock.getOwner());
        });
    }

    private void takeDocumentLock(FileRef ref, NuxeoPrincipal user) {
        if (user == null) {
            LOG.warn("No logged-in user: WOPI lock on {} taken without the Nuxeo document lock", ref.documentId());
            return;
        }
        try {
            services.inTransaction(() -> {
                CoreSession session = services.session(ref.repository(), user);
                DocumentRef docRef = new IdRef(ref.documentId());
                if (session.getLockInfo(docRef) == null) {
                    session.setLock(docRef);
                    taken.add(new TakenDocumentLocks.Taken(ref.repository(), ref.documentId(), user.getName(),
                            FileIdCodec.encode(ref)));
                }
                return null;
            });
        } catch (NuxeoException e) {
            // The WOPI lock stands; the document lock is a courtesy to Nuxeo users.
            LOG.warn("Could not take the Nuxeo lock of {}: {}", ref.documentId(), e.getMessage());
        }
    }

    private void releaseDocumentLock(FileRef ref) {
        String fileId = FileIdCodec.encode(ref);
        Optional<TakenDocumentLocks.Taken> ours = taken.find(ref.repository(), ref.documentId())
                .filter(t -> t.fileId().equals(fileId));
        if (ours.isEmpty()) {
            return; // we did not take it (the user locked it in Nuxeo, or another blob's session did)
        }
        try {
            services.inTransaction(() -> {
                CoreSession system = services.systemSession(ref.repository());
                DocumentRef docRef = new IdRef(ref.documentId());
                if (isLockOf(system.getLockInfo(docRef), ours.get().owner())) {
                    system.removeLock(docRef);
                }
                return null;
            });
            taken.remove(ours.get());
        } catch (NuxeoException e) {
            LOG.warn("Could not release the Nuxeo lock of {}: {}", ref.documentId(), e.getMessage());
        }
    }
}
