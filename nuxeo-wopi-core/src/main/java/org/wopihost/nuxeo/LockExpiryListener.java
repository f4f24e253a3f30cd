package org.wopihost.nuxeo;

import java.util.function.Supplier;

import org.nuxeo.ecm.core.event.Event;
import org.nuxeo.ecm.core.event.EventListener;

/**
 * Releases the WOPI locks that expired without an Unlock, and the Nuxeo document locks we took for them,
 * when the scheduler fires {@value #EVENT} (every 5 minutes, OSGI-INF/wopihost-scheduler-contrib.xml).
 */
public class LockExpiryListener implements EventListener {

    /** The event our scheduler contribution sends. */
    public static final String EVENT = "wopihostLockExpiry";

    private final Supplier<NuxeoLockStore> locks;

    /** Instantiated by Nuxeo's event service. */
    public LockExpiryListener() {
        this(() -> WopiHostComponent.service().lockStore());
    }

    LockExpiryListener(Supplier<NuxeoLockStore> locks) {
        this.locks = locks;
    }

    @Override
    public void handleEvent(Event event) {
        if (EVENT.equals(event.getName())) {
            locks.get().releaseExpired();
        }
    }
}
