package org.nuxeo.ecm.core.event.impl;

import org.nuxeo.ecm.core.api.DocumentModel;

/** Declared from nuxeo-core-event: modules/core/nuxeo-core-event/src/main/java/org/nuxeo/ecm/core/event/impl/DocumentEventContext.java */
public class DocumentEventContext extends EventContextImpl {

    private static final long serialVersionUID = 1L;

    public DocumentModel getSourceDocument() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
