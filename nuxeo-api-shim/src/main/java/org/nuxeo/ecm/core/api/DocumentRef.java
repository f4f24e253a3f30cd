package org.nuxeo.ecm.core.api;

import java.io.Serializable;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/DocumentRef.java */
public interface DocumentRef extends Serializable {
}
