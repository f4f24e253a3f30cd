package org.nuxeo.ecm.core.schema.types;

/** Declared from nuxeo-core-schema: modules/core/nuxeo-core-schema/src/main/java/org/nuxeo/ecm/core/schema/types/ComplexType.java */
public interface ComplexType extends Type {
}
