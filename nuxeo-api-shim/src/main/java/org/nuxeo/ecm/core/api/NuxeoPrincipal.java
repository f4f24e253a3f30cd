package org.nuxeo.ecm.core.api;

import java.io.Serializable;
import java.security.Principal;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/NuxeoPrincipal.java */
public interface NuxeoPrincipal extends Principal, Serializable {

    String getFirstName();

    String getLastName();

    String getEmail();

    boolean isMemberOf(String group);

    boolean isAdministrator();

    boolean isAnonymous();

    /** The current logged in principal, or null if there is none. @since 11.1 */
    static NuxeoPrincipal getCurrent() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
