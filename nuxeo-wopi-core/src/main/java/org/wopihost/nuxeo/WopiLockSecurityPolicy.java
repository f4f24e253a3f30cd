package org.wopihost.nuxeo;

import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.Access;
import org.nuxeo.ecm.core.model.Document;
import org.nuxeo.ecm.core.security.LockSecurityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nuxeo's lock policy, with one exception for co-authoring in Office for the web: several users share
 * one WOPI session, and the Nuxeo lock we take for it names only the first of them. When Nuxeo's lock
 * policy denies Write, this policy lets the ACL decide instead ({@link Access#UNKNOWN}) only if
 * <ul>
 * <li>the request is served by our WOPI servlet ({@link WopiRequests#isActive()}), and</li>
 * <li>the document's Nuxeo lock is one our binding took for a WOPI lock that is still live
 *     ({@link NuxeoLockStore#holdsLiveDocumentLock}).</li>
 * </ul>
 * Everywhere else (Web UI, REST API, Drive, WebDAV) the document stays locked to everyone but the lock
 * owner. Contributed in place of Nuxeo's policy {@code lock} (OSGI-INF/wopihost-security-contrib.xml).
 */
public class WopiLockSecurityPolicy extends LockSecurityPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(WopiLockSecurityPolicy.class);

    private final Supplier<NuxeoLockStore> locks;

    /** Instantiated by Nuxeo's security service. */
    public WopiLockSecurityPolicy() {
        this(() -> WopiHostComponent.service().lockStore());
    }

    WopiLockSecurityPolicy(Supplier<NuxeoLockStore> locks) {
        this.locks = locks;
    }

    @Override
    public Access checkPermission(Document doc, ACP mergedAcp, NuxeoPrincipal principal, String permission,
            String[] resolvedPermissions, String[] additionalPrincipals) {
        Access access = nuxeoLockPolicy(doc, mergedAcp, principal, permission, resolvedPermissions,
                additionalPrincipals);
        if (access != Access.DENY || !WopiRequests.isActive()) {
            return access;
        }
        String repository = doc.getSession().getRepositoryName();
        String id = doc.getUUID();
        if (locks.get().holdsLiveDocumentLock(repository, id)) {
            LOG.debug("{} may write {} despite its Nuxeo lock: co-editing in a live WOPI session", principal, id);
            return Access.UNKNOWN; // the ACL decides
        }
        return access;
    }

    /** Nuxeo's own lock policy (DENY on Write when someone else holds the Nuxeo lock); a seam for tests. */
    Access nuxeoLockPolicy(Document doc, ACP mergedAcp, NuxeoPrincipal principal, String permission,
            String[] resolvedPermissions, String[] additionalPrincipals) {
        return super.checkPermission(doc, mergedAcp, principal, permission, resolvedPermissions, additionalPrincipals);
    }
}
