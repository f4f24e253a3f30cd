package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/VersioningOption.java */
public enum VersioningOption {
    NONE, MINOR, MAJOR
}
