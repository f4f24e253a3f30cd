package org.nuxeo.ecm.core.api.event;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/event/DocumentEventTypes.java */
public class DocumentEventTypes {

    public static final String DOCUMENT_UNLOCKED = "documentUnlocked";

    private DocumentEventTypes() {
    }
}
