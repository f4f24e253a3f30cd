package org.wopihost.web.nuxeo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.spi.FileRef;

/** What the {@code wopi} enricher says of one blob: the application and the host page URLs. */
final class WopiBlobLinks {

    static final String APP_NAME = "appName";
    static final String VIEW = "view";
    static final String EDIT = "edit";

    private WopiBlobLinks() {
    }

    /** The fields, or empty when no WOPI application handles this blob or the xpath is not one we serve. */
    static Optional<Map<String, String>> of(DocumentModel doc, String xpath, Blob blob, WopiApps apps,
            WopiSettings settings) {
        if (doc == null || blob == null || !FileRef.isValidXpath(xpath) || !FileRef.isValidName(doc.getId())
                || !FileRef.isValidName(doc.getRepositoryName())) {
            return Optional.empty();
        }
        Optional<String> app = apps.appFor(blob.getFilename());
        if (app.isEmpty()) {
            return Optional.empty();
        }
        String fileId = FileIdCodec.encode(new FileRef(doc.getRepositoryName(), doc.getId(), xpath));
        HostLinks links = new HostLinks(settings);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(APP_NAME, app.get());
        // Each link only when the WOPI client's discovery has that action for the file's extension.
        if (apps.canView(blob.getFilename())) {
            fields.put(VIEW, links.hostPage(VIEW, fileId));
        }
        if (apps.canEdit(blob.getFilename())) {
            fields.put(EDIT, links.hostPage(EDIT, fileId));
        }
        return fields.size() > 1 ? Optional.of(fields) : Optional.empty();
    }
}
