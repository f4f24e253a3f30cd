package org.nuxeo.ecm.core.api;

import java.util.List;

/** Declared from nuxeo-core-api: org/nuxeo/ecm/core/api/DocumentModelList.java */
public interface DocumentModelList extends List<DocumentModel> {
}
