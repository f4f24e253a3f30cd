package org.nuxeo.ecm.core.security;

/** Declared from nuxeo-core: modules/core/nuxeo-core/src/main/java/org/nuxeo/ecm/core/security/AbstractSecurityPolicy.java */
public abstract class AbstractSecurityPolicy implements SecurityPolicy {
}
