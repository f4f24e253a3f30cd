package org.nuxeo.ecm.core.versioning;

import java.util.function.BiPredicate;

import org.nuxeo.ecm.core.api.DocumentModel;

/** Declared from nuxeo-core: modules/core/nuxeo-core/src/main/java/org/nuxeo/ecm/core/versioning/VersioningPolicyFilter.java */
public interface VersioningPolicyFilter extends BiPredicate<DocumentModel, DocumentModel> {

    @Override
    boolean test(DocumentModel previousDocument, DocumentModel currentDocument);
}
