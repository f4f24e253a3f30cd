package org.wopihost.nuxeo;

import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.versioning.VersioningPolicyFilter;

/**
 * Matches the WOPI saves that make a version (flagged {@link NuxeoFiles#WOPI_SAVE}; autosaves are not), for
 * our versioning policy: a new minor version each.
 */
public class WopiVersioningFilter implements VersioningPolicyFilter {

    @Override
    public boolean test(DocumentModel previousDocument, DocumentModel currentDocument) {
        return currentDocument != null && Boolean.TRUE.equals(currentDocument.getContextData(NuxeoFiles.WOPI_SAVE));
    }
}
