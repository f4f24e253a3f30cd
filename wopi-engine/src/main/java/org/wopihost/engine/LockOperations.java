package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;
import static org.wopihost.spi.Permission.VIEW;

/** Lock, GetLock, RefreshLock, Unlock and UnlockAndRelock. Changing a lock needs edit rights. */
final class LockOperations {

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

    static Operation unlock(LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            locks.unlock(file.ref(), LockRules.requireLockId(request, WopiHeaders.LOCK));
            return WopiResponse.ok().header(WopiHeaders.ITEM_VERSION, file.info().version());
        });
    }
}
