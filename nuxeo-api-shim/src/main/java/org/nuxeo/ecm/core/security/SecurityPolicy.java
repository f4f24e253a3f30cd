package org.nuxeo.ecm.core.security;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.Access;
import org.nuxeo.ecm.core.model.Document;

/**
 * Declared from nuxeo-core: modules/core/nuxeo-core/src/main/java/org/nuxeo/ecm/core/security/SecurityPolicy.java
 * (only checkPermission; the query-transformer methods are inherited from Nuxeo's AbstractSecurityPolicy /
 * LockSecurityPolicy at run time and not called by the binding).
 */
public interface SecurityPolicy {

    Access checkPermission(Document doc, ACP mergedAcp, NuxeoPrincipal principal, String permission,
            String[] resolvedPermissions, String[] additionalPrincipals);
}
