package org.nuxeo.ecm.core.api.security;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/security/SecurityConstants.java */
public interface SecurityConstants {

    String READ = "Read";

    String WRITE = "Write";

    String REMOVE = "Remove";

    String ADD_CHILDREN = "AddChildren";

    String EVERYTHING = "Everything";
}
