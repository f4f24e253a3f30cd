package org.wopihost.nuxeo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
import org.wopihost.spi.LockStore;

/**
 * WOPI locks in a Nuxeo KeyValueStore of our own ({@value #STORE_NAME}): one key per file id, set with
 * compare-and-set and a TTL, so they are atomic and expire cluster-wide when the store is (Redis,
 * MongoDB, SQL). Taking a WOPI lock also takes the Nuxeo document lock as the requesting user, so Nuxeo
 * users and the sync client see the document locked; a document locked in Nuxeo by someone else refuses
 * WOPI locks (the lock owner's edits win). We remember which document locks we took ({@code doclock/}
 * keys) and release only those; a Nuxeo unlock releases the WOPI locks ({@link UnlockListener}).
 */
public final class NuxeoLockStore implements LockStore {

    public static final String STORE_NAME = "wopihost";
    static final String LOCK_PREFIX = "lock/";
    static final String DOC_LOCK_PREFIX = "doclock/";

    private static final Logger LOG = LoggerFactory.getLogger(NuxeoLockStore.class);

    private final KeyValueStore store;
    private final NuxeoServices services;
    private final Clock clock;

    public NuxeoLockStore(KeyValueStore store, NuxeoServices services, Clock clock) {
        this.store = store;
        this.services = services;
        this.clock = clock;
    }

    static String lockKey(String fileId) {
        return LOCK_PREFIX + fileId;
    }

    static String docLockKey(String repository, String documentId) {
        return DOC_LOCK_PREFIX + repository + "/" + documentId;
    }

    @Override
    public Optional<String> get(String fileId) {
        return Optional.ofNullable(store.getString(lockKey(fileId)));
    }

    @Override
    public boolean create(String fileId, String lockId, Instant expiresAt) {
        Optional<FileRef> ref = FileIdCodec.decode(fileId);
        NuxeoPrincipal user = services.currentPrincipal();
        if (ref.isPresent() && lockedInNuxeoByOther(ref.get(), user)) {
            return false;
        }
        if (!store.compareAndSet(lockKey(fileId), null, lockId, ttlSeconds(expiresAt))) {
            return false;
        }
        ref.ifPresent(r -> takeDocumentLock(r, user));
        return true;
    }

    @Override
    public boolean replace(String fileId, String expectedLockId, String newLockId, Instant expiresAt) {
        return store.compareAndSet(lockKey(fileId), expectedLockId, newLockId, ttlSeconds(expiresAt));
    }

    @Override
    public boolean remove(String fileId, String expectedLockId) {
        if (!store.compareAndSet(lockKey(fileId), expectedLockId, null)) {
            return false;
        }
        FileIdCodec.decode(fileId).ifPresent(this::releaseDocumentLock);
        return true;
    }

    /**
     * Called when a user unlocks the document in Nuxeo: drops the WOPI locks on its blobs and our record
     * of the document lock, so the next WOPI save is refused until the client locks again.
     */
    public void documentUnlocked(DocumentModel doc) {
        for (FileRef ref : NuxeoFiles.blobRefs(doc)) {
            delete(lockKey(FileIdCodec.encode(ref)));
        }
        delete(docLockKey(doc.getRepositoryName(), doc.getId()));
    }

    /**
     * Whether the document's Nuxeo lock is one our binding took for a WOPI session that is still live:
     * we recorded taking it and the WOPI lock of that blob has not expired or been released. What
     * {@link WopiLockSecurityPolicy} asks before letting co-editors write through the WOPI servlet.
     */
    public boolean holdsLiveDocumentLock(String repository, String documentId) {
        String ours = store.getString(docLockKey(repository, documentId));
        if (ours == null) {
            return false;
        }
        int nl = ours.indexOf('\n');
        return nl > 0 && store.getString(lockKey(ours.substring(nl + 1))) != null;
    }

    /** Seconds until {@code expiresAt}, rounded up, at least 1 (0 would mean "never expires"). */
    long ttlSeconds(Instant expiresAt) {
        long millis = Duration.between(clock.instant(), expiresAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * Whether someone else holds the Nuxeo lock. A lock we took for a WOPI session whose WOPI lock has
     * since expired is stale: it is released here instead of blocking the document forever.
     */
    private boolean lockedInNuxeoByOther(FileRef ref, NuxeoPrincipal user) {
        return services.inTransaction(() -> {
            CoreSession system = services.systemSession(ref.repository());
            DocumentRef docRef = new IdRef(ref.documentId());
            if (!system.exists(docRef)) {
                return false;
            }
            Lock lock = system.getLockInfo(docRef);
            if (lock == null || (user != null && user.getName().equals(lock.getOwner()))) {
                return false;
            }
            String ours = store.getString(docLockKey(ref.repository(), ref.documentId()));
            if (ours != null && ours.startsWith(lock.getOwner() + "\n")) {
                String wopiFileId = ours.substring(ours.indexOf('\n') + 1);
                if (store.getString(lockKey(wopiFileId)) == null) {
                    LOG.info("Releasing the stale Nuxeo lock of {} left by an expired WOPI lock", ref.documentId());
                    system.removeLock(docRef);
                    delete(docLockKey(ref.repository(), ref.documentId()));
                    return false;
                }
            }
            return true;
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
                    store.put(docLockKey(ref.repository(), ref.documentId()),
                            user.getName() + "\n" + FileIdCodec.encode(ref));
                }
                return null;
            });
        } catch (NuxeoException e) {
            // The WOPI lock stands; the document lock is a courtesy to Nuxeo users.
            LOG.warn("Could not take the Nuxeo lock of {}: {}", ref.documentId(), e.getMessage());
        }
    }

    private void releaseDocumentLock(FileRef ref) {
        String key = docLockKey(ref.repository(), ref.documentId());
        String ours = store.getString(key);
        if (ours == null || !ours.endsWith("\n" + FileIdCodec.encode(ref))) {
            return; // we did not take it (the user locked it in Nuxeo, or another blob's session did)
        }
        String owner = ours.substring(0, ours.indexOf('\n'));
        try {
            services.inTransaction(() -> {
                CoreSession system = services.systemSession(ref.repository());
                DocumentRef docRef = new IdRef(ref.documentId());
                Lock lock = system.getLockInfo(docRef);
                if (lock != null && owner.equals(lock.getOwner())) {
                    system.removeLock(docRef);
                }
                return null;
            });
            delete(key);
        } catch (NuxeoException e) {
            LOG.warn("Could not release the Nuxeo lock of {}: {}", ref.documentId(), e.getMessage());
        }
    }

    /** Removes a key. A typed null: {@code put(key, null)} is ambiguous between Nuxeo's overloads. */
    private void delete(String key) {
        store.put(key, (String) null);
    }
}
