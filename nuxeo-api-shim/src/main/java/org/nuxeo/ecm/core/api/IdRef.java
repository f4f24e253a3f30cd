package org.nuxeo.ecm.core.api;

/**
 * Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/IdRef.java.
 * Nuxeo's IdRef is a value class (equals/hashCode on the id); the shim keeps that so tests can match refs.
 */
public class IdRef implements DocumentRef {

    private static final long serialVersionUID = 1L;

    public final String value;

    public IdRef(String value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof IdRef other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
