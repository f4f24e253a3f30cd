package org.nuxeo.ecm.core.event.impl;

import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentRef;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;

/** Declared from nuxeo-core-event: modules/core/nuxeo-core-event/src/main/java/org/nuxeo/ecm/core/event/impl/DocumentEventContext.java */
public class DocumentEventContext extends EventContextImpl {

    private static final long serialVersionUID = 1L;

    public DocumentEventContext(CoreSession session, NuxeoPrincipal principal, DocumentModel source) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public DocumentEventContext(CoreSession session, NuxeoPrincipal principal, DocumentModel source,
            DocumentRef destDoc) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public DocumentModel getSourceDocument() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
