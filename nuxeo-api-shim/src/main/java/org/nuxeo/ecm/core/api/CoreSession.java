package org.nuxeo.ecm.core.api;

/**
 * Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/CoreSession.java.
 * In LTS 2025 a CoreSession holds no resource and has no close().
 */
public interface CoreSession {

    String getRepositoryName();

    NuxeoPrincipal getPrincipal();

    boolean hasPermission(DocumentRef docRef, String permission);

    boolean exists(DocumentRef docRef);

    DocumentModel getDocument(DocumentRef docRef);

    DocumentModelList query(String query);

    DocumentModel createDocumentModel(String parentPath, String name, String typeName);

    DocumentModel createDocument(DocumentModel model);

    DocumentModel saveDocument(DocumentModel docModel);

    void removeDocument(DocumentRef docRef);

    void save();

    Lock setLock(DocumentRef docRef);

    Lock getLockInfo(DocumentRef docRef);

    Lock removeLock(DocumentRef docRef);
}
