package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/PropertyException.java */
public class PropertyException extends NuxeoException {

    private static final long serialVersionUID = 1L;

    public PropertyException(String message) {
        super(message);
    }
}
