package org.nuxeo.ecm.core.api.model;

import java.io.Serializable;

import org.nuxeo.ecm.core.schema.types.Schema;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/model/Property.java */
public interface Property {

    String getXPath();

    Serializable getValue();

    /** The document schema the property belongs to. */
    Schema getSchema();

    Serializable getValue(String xpath);

    <T> T getValue(Class<T> type);

    <T> T getValue(Class<T> type, String xpath);
}
