package org.nuxeo.ecm.core.api.model.impl.primitives;

import java.io.Serializable;

import org.nuxeo.ecm.core.api.model.Property;
import org.nuxeo.ecm.core.schema.types.Field;
import org.nuxeo.ecm.core.schema.types.Schema;

/**
 * Declared from nuxeo-core-api: org/nuxeo/ecm/core/api/model/impl/primitives/BlobProperty.java. Nuxeo's class sits under
 * ScalarProperty/AbstractProperty; the shim implements Property directly, which is all the binding needs.
 */
public class BlobProperty implements Property {

    public BlobProperty(Property parent, Field field, int flags) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public String getXPath() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    protected void getXPath(StringBuilder buf) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public Serializable getValue() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public Schema getSchema() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public Serializable getValue(String xpath) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public <T> T getValue(Class<T> type) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    @Override
    public <T> T getValue(Class<T> type, String xpath) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
