package org.wopihost.nuxeo;

import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.versioning.VersioningPolicyFilter;

/** Matches saves made through WOPI, for our versioning policy (a new minor version per save). */
public class WopiVersioningFilter implements VersioningPolicyFilter {

    @Override
    public boolean test(DocumentModel previousDocument, DocumentModel currentDocument) {
        return currentDocument != null && Boolean.TRUE.equals(currentDocument.getContextData(NuxeoFiles.WOPI_SAVE));
    }
}
