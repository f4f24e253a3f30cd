package org.nuxeo.ecm.core.io.registry.reflect;

/** Declared from nuxeo-core-io: modules/core/nuxeo-core-io/src/main/java/org/nuxeo/ecm/core/io/registry/reflect/Priorities.java */
public interface Priorities {

    int DEFAULT = 0;

    int DERIVATIVE = 1000;

    int REFERENCE = 2000;

    int OVERRIDE_REFERENCE = 3000;
}
