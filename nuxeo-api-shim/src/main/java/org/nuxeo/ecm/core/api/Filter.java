package org.nuxeo.ecm.core.api;

/** Declared from nuxeo-core-api: org/nuxeo/ecm/core/api/Filter.java (a parameter type of CoreSession#query). */
public interface Filter {

    boolean accept(DocumentModel docModel);
}
