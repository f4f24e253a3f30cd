package org.wopihost.nuxeo;

import org.nuxeo.ecm.core.api.event.DocumentEventTypes;
import org.nuxeo.ecm.core.event.Event;
import org.nuxeo.ecm.core.event.EventListener;
import org.nuxeo.ecm.core.event.impl.DocumentEventContext;

/** Releases the WOPI locks of a document when a user unlocks it in Nuxeo. */
public class UnlockListener implements EventListener {

    private final java.util.function.Supplier<NuxeoLockStore> locks;

    /** Instantiated by Nuxeo's event service. */
    public UnlockListener() {
        this(() -> WopiHostComponent.service().lockStore());
    }

    UnlockListener(java.util.function.Supplier<NuxeoLockStore> locks) {
        this.locks = locks;
    }

    @Override
    public void handleEvent(Event event) {
        if (DocumentEventTypes.DOCUMENT_UNLOCKED.equals(event.getName())
                && event.getContext() instanceof DocumentEventContext ctx && ctx.getSourceDocument() != null) {
            locks.get().documentUnlocked(ctx.getSourceDocument());
        }
    }
}
