package org.nuxeo.ecm.core.api.model;

import java.io.Serializable;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/model/Property.java */
public interface Property {

    String getXPath();

    Serializable getValue();

    Serializable getValue(String xpath);

    <T> T getValue(Class<T> type);

    <T> T getValue(Class<T> type, String xpath);
}
