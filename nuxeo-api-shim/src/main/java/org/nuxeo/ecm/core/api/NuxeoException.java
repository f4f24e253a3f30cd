package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/NuxeoException.java */
public class NuxeoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NuxeoException(String message) {
        super(message);
    }
}
