package org.nuxeo.ecm.core.schema.types;

import java.io.Serializable;

/** Declared from nuxeo-core-schema: org/nuxeo/ecm/core/schema/types/Field.java (a parameter type of BlobProperty's constructor). */
public interface Field extends Serializable {
}
