package org.nuxeo.ecm.core.api;

import java.io.Serializable;
import java.util.Calendar;

/** Declared from nuxeo-core-api: org/nuxeo/ecm/core/api/Lock.java (a value class: owner and creation time). */
public class Lock implements Serializable {

    private static final long serialVersionUID = 1L;

    public Lock(String owner, Calendar created) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public Lock(String owner, Calendar created, boolean failed) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public Lock(Lock lock, boolean failed) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public String getOwner() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public Calendar getCreated() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
