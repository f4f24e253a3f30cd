package org.nuxeo.ecm.core.api;

import java.util.Map;

/**
 * Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/CoreSession.java.
 * In LTS 2025 a CoreSession holds no resource and has no close().
 */
public interface CoreSession {

    String getRepositoryName();

    NuxeoPrincipal getPrincipal();

    boolean hasPermission(DocumentRef docRef, String permission);

    boolean hasPermission(NuxeoPrincipal principal, DocumentRef docRef, String permission);

    boolean exists(DocumentRef docRef);

    DocumentModel getDocument(DocumentRef docRef);

    DocumentModelList query(String query);

    DocumentModelList query(String query, int max);

    DocumentModelList query(String query, Filter filter);

    DocumentModelList query(String query, Filter filter, int max);

    DocumentModelList query(String query, Filter filter, long limit, long offset, boolean countTotal);

    DocumentModelList query(String query, Filter filter, long limit, long offset, long countUpTo);

    DocumentModelList query(String query, String queryType, Filter filter, long limit, long offset, boolean countTotal);

    DocumentModelList query(String query, String queryType, Filter filter, long limit, long offset, long countUpTo);

    DocumentModel createDocumentModel(String typeName);

    DocumentModel createDocumentModel(String parentPath, String name, String typeName);

    DocumentModel createDocumentModel(String typeName, Map<String, Object> options);

    DocumentModel createDocument(DocumentModel model);

    DocumentModel[] createDocument(DocumentModel[] docModels);

    DocumentModel saveDocument(DocumentModel docModel);

    void removeDocument(DocumentRef docRef);

    void save();

    /** Makes a version of the document's current state; returns the version. */
    DocumentRef checkIn(DocumentRef docRef, VersioningOption option, String checkinComment);

    Lock setLock(DocumentRef docRef);

    Lock getLockInfo(DocumentRef docRef);

    Lock removeLock(DocumentRef docRef);
}
