package org.wopihost.engine;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/**
 * WOPI locks as people see them, outside the WOPI protocol: who is editing a file in Office and since
 * when, and the release of a lock a client left behind (a crashed browser keeps a file locked for
 * 30 minutes). Only the user who took the lock, or one who manages the document, may release it.
 */
public final class StuckLocks {

    private static final Logger LOG = LoggerFactory.getLogger(StuckLocks.class);

    /** How a release ended. */
    public enum Outcome {
        RELEASED,
        /** No lock, or it was released or replaced meanwhile: nothing was removed. */
        NOT_LOCKED,
        /** The user neither holds the lock nor manages the document: nothing was removed. */
        REFUSED
    }

    private final WopiPlatform platform;

    public StuckLocks(WopiPlatform platform) {
        this.platform = platform;
    }

    /** The file's unexpired WOPI lock: its holder and since when. */
    public Optional<LockInfo> holder(FileRef file) {
        return platform.locks().get(file);
    }

    /**
     * Releases the file's lock on behalf of {@code by}. The lock removed is exactly the one read and
     * judged here (compare-and-set on its id): a lock taken after the check stays.
     */
    public Outcome release(FileRef file, WopiUser by) {
        Optional<LockInfo> lock = platform.locks().get(file);
        if (lock.isEmpty()) {
            return Outcome.NOT_LOCKED;
        }
        boolean holder = lock.get().userId().equals(by.id());
        if (!holder && !platform.permissions().mayManage(by, file)) {
            LOG.info("{} may not release the WOPI lock on {} held by {}", by.id(), file, lock.get().userId());
            return Outcome.REFUSED;
        }
        if (!platform.locks().remove(file, lock.get().lockId())) {
            return Outcome.NOT_LOCKED;
        }
        LOG.info("WOPI lock on {} held by {} since {} released by {}{}", file, lock.get().userId(), lock.get().since(),
                by.id(), holder ? " (its holder)" : " (a document manager)");
        return Outcome.RELEASED;
    }
}
