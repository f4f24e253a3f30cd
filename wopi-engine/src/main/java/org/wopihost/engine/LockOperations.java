package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;
import static org.wopihost.spi.Permission.VIEW;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.Files;

/** Lock, GetLock, RefreshLock, Unlock and UnlockAndRelock. Changing a lock needs edit rights. */
final class LockOperations {

    private static final Logger LOG = LoggerFactory.getLogger(LockOperations.class);

    private LockOperations() {
    }

    static Operation lock(LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            String lockId = LockRules.requireLockId(request, WopiHeaders.LOCK);
            if (request.header(WopiHeaders.OLD_LOCK).isPresent()) {
                // UnlockAndRelock is a LOCK with the lock id to replace in X-WOPI-OldLock.
                String oldLockId = LockRules.requireLockId(request, WopiHeaders.OLD_LOCK);
                locks.relock(file.ref(), oldLockId, lockId, file.user());
            } else {
                locks.lock(file.ref(), lockId, file.user());
            }
            return WopiResponse.ok().header(WopiHeaders.ITEM_VERSION, file.info().version());
        });
    }

    /** Reading the lock changes nothing: a viewer may ask, and the header is always there. */
    static Operation getLock(LockRules locks) {
        return Operation.of(VIEW, (file, request) ->
                WopiResponse.ok().header(WopiHeaders.LOCK, locks.current(file.ref()).orElse("")));
    }

    static Operation refreshLock(LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            locks.refresh(file.ref(), LockRules.requireLockId(request, WopiHeaders.LOCK), file.user());
            return WopiResponse.ok();
        });
    }

    /**
     * Unlock ends the client's session: a working copy its autosaves left becomes a version. That is
     * best effort; the unlock itself has succeeded, and the working copy holds the content either way.
     */
    static Operation unlock(LockRules locks, Files files) {
        return Operation.of(EDIT, (file, request) -> {
            locks.unlock(file.ref(), LockRules.requireLockId(request, WopiHeaders.LOCK));
            try {
                files.sessionEnded(file.ref(), file.user());
            } catch (IOException | RuntimeException e) {
                LOG.warn("The working copy of {} could not be made a version when its session ended: {}",
                        file.fileId(), e.toString());
            }
            return WopiResponse.ok().header(WopiHeaders.ITEM_VERSION, file.info().version());
        });
    }
}
