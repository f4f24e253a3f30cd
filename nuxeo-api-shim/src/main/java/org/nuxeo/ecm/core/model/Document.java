package org.nuxeo.ecm.core.model;

/**
 * Declared from nuxeo-core: org/nuxeo/ecm/core/model/Document.java, the low-level document security policies
 * receive (only getUUID and getSession, as Nuxeo's own WOPILockSecurityPolicy calls them).
 */
public interface Document {

    Session getSession();

    String getUUID();
}
