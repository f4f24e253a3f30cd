package org.nuxeo.ecm.core.model;

/** Declared from nuxeo-core: org/nuxeo/ecm/core/model/Session.java (only getRepositoryName). */
public interface Session {

    String getRepositoryName();
}
