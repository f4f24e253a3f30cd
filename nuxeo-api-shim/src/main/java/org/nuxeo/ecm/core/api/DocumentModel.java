package org.nuxeo.ecm.core.api;

import java.io.Serializable;
import java.util.Map;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/DocumentModel.java */
public interface DocumentModel extends Serializable {

    String getId();

    DocumentRef getRef();

    DocumentRef getParentRef();

    String getName();

    String getTitle();

    String getType();

    String getPathAsString();

    String getRepositoryName();

    /** The principal of the session this document was read with. */
    NuxeoPrincipal getPrincipal();

    String getChangeToken();

    boolean hasSchema(String schema);

    boolean isProxy();

    boolean isVersion();

    /** Whether the document changed since its last version. */
    boolean isCheckedOut();

    Serializable getPropertyValue(String xpath) throws PropertyException;

    void setPropertyValue(String xpath, Serializable value) throws PropertyException;

    void putContextData(String key, Serializable value);

    Map<String, Serializable> getContextData();

    Serializable getContextData(String key);
}
