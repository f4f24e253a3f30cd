package org.nuxeo.ecm.core.schema.types;

import java.io.Serializable;

/** Declared from nuxeo-core-schema: modules/core/nuxeo-core-schema/src/main/java/org/nuxeo/ecm/core/schema/types/Type.java */
public interface Type extends Serializable {

    String getName();
}
