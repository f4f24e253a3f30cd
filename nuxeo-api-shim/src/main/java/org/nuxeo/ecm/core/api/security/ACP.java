package org.nuxeo.ecm.core.api.security;

import java.io.Serializable;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/security/ACP.java (no member called). */
public interface ACP extends Serializable, Cloneable {
}
