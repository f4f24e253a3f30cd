package org.nuxeo.ecm.core.event.impl;

import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.event.EventContext;

/** Declared from nuxeo-core-event: org/nuxeo/ecm/core/event/impl/EventContextImpl.java (members the binding does not use omitted). */
public class EventContextImpl implements EventContext {

    private static final long serialVersionUID = 1L;

    public EventContextImpl() {
    }

    public EventContextImpl(Object... args) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public EventContextImpl(CoreSession session, NuxeoPrincipal principal) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public EventContextImpl(CoreSession session, NuxeoPrincipal principal, Object... args) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
