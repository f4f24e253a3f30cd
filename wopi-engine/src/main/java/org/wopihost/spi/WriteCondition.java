package org.wopihost.spi;

import java.util.Optional;

/**
 * What must still hold when an upload has been received and is about to become the current
 * version. A save can take minutes; the lock it was checked against may have changed meanwhile,
 * and so may the file (Collabora's X-COOL-WOPI-Timestamp).
 */
@FunctionalInterface
public interface WriteCondition {

    /** No condition. */
    WriteCondition NONE = lockNow -> {
    };

    /**
     * @param lockNow the file's unexpired lock, read by the platform inside the write's own transaction
     *                (no second connection), as late before the content becomes current as it can
     * @throws WriteRefusedException when the write must not land any more
     */
    void check(Optional<LockInfo> lockNow) throws WriteRefusedException;

    /**
     * The same check, given also the file's current metadata read at the same point, inside the write
     * (a condition on the file's LastModifiedTime needs it). Stores that support {@link Files#save}
     * call this one.
     *
     * @throws WriteRefusedException when the write must not land any more
     */
    default void check(Optional<LockInfo> lockNow, FileInfo current) throws WriteRefusedException {
        check(lockNow);
    }
}
