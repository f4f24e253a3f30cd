package org.nuxeo.ecm.core.io.registry.reflect;

/** Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/registry/reflect/Instantiations.java */
public enum Instantiations {
    SINGLETON, PER_THREAD, EACH_TIME
}
