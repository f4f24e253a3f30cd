package org.nuxeo.ecm.core.io.marshallers.json.document;

/**
 * Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/marshallers/json/document/DocumentModelJsonWriter.java. Only the
 * constant the binding reads (inlined by javac, so its value must be Nuxeo's).
 */
public class DocumentModelJsonWriter {

    public static final String ENTITY_TYPE = "document";
}
