package org.nuxeo.ecm.platform.usermanager;

import java.io.Serializable;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;

/**
 * Declared from nuxeo-platform-usermanager (nuxeo-platform-usermanager-api before 11.5): org/nuxeo/ecm/platform/usermanager/UserManager.java (which also extends
 * Authenticator and a runtime EventListener; the binding only calls getPrincipal).
 */
public interface UserManager extends Serializable {

    /** The principal with the given username, or null if it does not exist. */
    default NuxeoPrincipal getPrincipal(String username) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    /** The principal with the given username (with or without its group references resolved), or null. */
    NuxeoPrincipal getPrincipal(String username, boolean fetchReferences);
}
