package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/PropertyException.java */
public class PropertyException extends NuxeoException {

    private static final long serialVersionUID = 1L;

    public PropertyException() {
    }

    public PropertyException(int statusCode) {
        this();
    }

    public PropertyException(String message) {
        super(message);
    }

    public PropertyException(String message, int statusCode) {
        super(message);
    }

    public PropertyException(String message, Throwable cause) {
        super(message, cause);
    }

    public PropertyException(String message, Throwable cause, int statusCode) {
        super(message, cause);
    }

    public PropertyException(Throwable cause) {
        super(cause);
    }

    public PropertyException(Throwable cause, int statusCode) {
        super(cause);
    }
}
