package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.event.Event;
import org.nuxeo.ecm.core.event.EventContext;
import org.nuxeo.ecm.core.event.impl.DocumentEventContext;

class ListenersTest {

    @Test
    void unlockListenerReleasesTheDocumentsWopiLocks() {
        NuxeoLockStore locks = mock(NuxeoLockStore.class);
        DocumentModel doc = mock(DocumentModel.class);
        DocumentEventContext ctx = mock(DocumentEventContext.class);
        when(ctx.getSourceDocument()).thenReturn(doc);
        Event event = mock(Event.class);
        when(event.getName()).thenReturn("documentUnlocked");
        when(event.getContext()).thenReturn(ctx);
        new UnlockListener(() -> locks).handleEvent(event);
        verify(locks).documentUnlocked(doc);
    }

    @Test
    void unlockListenerIgnoresOtherEvents() {
        NuxeoLockStore locks = mock(NuxeoLockStore.class);
        Event event = mock(Event.class);
        when(event.getName()).thenReturn("documentLocked");
        new UnlockListener(() -> locks).handleEvent(event);
        when(event.getName()).thenReturn("documentUnlocked");
        when(event.getContext()).thenReturn(mock(EventContext.class));
        new UnlockListener(() -> locks).handleEvent(event);
        verify(locks, never()).documentUnlocked(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void discoveryListenerRunsTheRefresh() {
        WopiHostService service = mock(WopiHostService.class);
        Event event = mock(Event.class);
        when(event.getName()).thenReturn(DiscoveryRefreshListener.EVENT);
        new DiscoveryRefreshListener(() -> service).handleEvent(event);
        verify(service).refreshDiscovery();
    }

    @Test
    void lockExpiryListenerReleasesExpiredLocks() {
        NuxeoLockStore locks = mock(NuxeoLockStore.class);
        Event event = mock(Event.class);
        when(event.getName()).thenReturn(LockExpiryListener.EVENT);
        new LockExpiryListener(() -> locks).handleEvent(event);
        verify(locks).releaseExpired();
    }

    @Test
    void versioningFilterMatchesOnlyWopiSaves() {
        DocumentModel doc = mock(DocumentModel.class);
        WopiVersioningFilter filter = new WopiVersioningFilter();
        assertThat(filter.test(null, doc)).isFalse();
        when(doc.getContextData(NuxeoFiles.WOPI_SAVE)).thenReturn(Boolean.TRUE);
        assertThat(filter.test(null, doc)).isTrue();
        assertThat(filter.test(doc, null)).isFalse();
    }
}
