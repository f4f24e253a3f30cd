package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/NuxeoException.java */
public class NuxeoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NuxeoException() {
    }

    public NuxeoException(int statusCode) {
        this();
    }

    public NuxeoException(String message) {
        super(message);
    }

    public NuxeoException(String message, int statusCode) {
        super(message);
    }

    public NuxeoException(String message, Throwable cause) {
        super(message, cause);
    }

    public NuxeoException(String message, Throwable cause, int statusCode) {
        super(message, cause);
    }

    public NuxeoException(Throwable cause) {
        super(cause);
    }

    public NuxeoException(Throwable cause, int statusCode) {
        super(cause);
    }
}
