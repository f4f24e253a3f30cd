package org.nuxeo.ecm.core.api.security;

import java.io.Serializable;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/security/Access.java */
public final class Access implements Serializable {

    private static final long serialVersionUID = 4797108620404301529L;

    public static final Access GRANT = new Access(1);

    public static final Access DENY = new Access(0);

    public static final Access UNKNOWN = new Access(-1);

    private final int value;

    private Access(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean toBoolean() {
        return value > 0;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
