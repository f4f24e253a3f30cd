package org.wopihost.runtime;

import java.util.concurrent.atomic.AtomicInteger;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.platform.computedgroups.UserManagerWithComputedGroups;
import org.wopihost.nuxeo.WopiRequests;

/**
 * Nuxeo's user manager (the class a server runs), counting the principal lookups made while a thread
 * serves a WOPI request in our servlet; Nuxeo's own login of the request, before it, is not counted.
 * Deployed in place of Nuxeo's by OSGI-INF/test-request-cost-contrib.xml.
 */
public class CountingUserManager extends UserManagerWithComputedGroups {

    private static final long serialVersionUID = 1L;

    static final AtomicInteger WOPI_LOOKUPS = new AtomicInteger();

    @Override
    public NuxeoPrincipal getPrincipal(String username, boolean fetchReferences) {
        if (WopiRequests.isActive()) {
            WOPI_LOOKUPS.incrementAndGet();
        }
        return super.getPrincipal(username, fetchReferences);
    }
}
