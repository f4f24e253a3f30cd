package org.nuxeo.ecm.core.security;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.Access;
import org.nuxeo.ecm.core.model.Document;

/**
 * Declared from nuxeo-core: org/nuxeo/ecm/core/security/LockSecurityPolicy.java (the policy "lock" of
 * modules/core/nuxeo-core/src/main/resources/OSGI-INF/security-policy-contrib.xml): DENY on Write when the
 * document is locked by someone else, else UNKNOWN.
 */
public class LockSecurityPolicy extends AbstractSecurityPolicy {

    @Override
    public Access checkPermission(Document doc, ACP mergedAcp, NuxeoPrincipal principal, String permission,
            String[] resolvedPermissions, String[] additionalPrincipals) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
