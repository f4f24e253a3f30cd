package org.nuxeo.ecm.platform.usermanager;

import java.io.Serializable;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;

/**
 * Declared from nuxeo-platform-usermanager-api: org/nuxeo/ecm/platform/usermanager/UserManager.java (which also extends
 * Authenticator and a runtime EventListener; the binding only calls getPrincipal).
 */
public interface UserManager extends Serializable {

    /** The principal with the given username, or null if it does not exist. */
    NuxeoPrincipal getPrincipal(String username);
}
