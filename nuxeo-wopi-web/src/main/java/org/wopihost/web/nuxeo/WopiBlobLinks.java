package org.wopihost.web.nuxeo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;

/** What the {@code wopi} enricher says of one blob: the application and the host page URLs the user may open. */
final class WopiBlobLinks {

    static final String APP_NAME = "appName";
    static final String VIEW = "view";
    static final String EDIT = "edit";

    private WopiBlobLinks() {
    }

    /**
     * The fields for a user holding {@code permission} on the file: {@code view} when the application views
     * it, {@code edit} when it edits it and the user may; empty when no application handles the file or
     * offers it an action the user may take.
     */
    static Optional<Map<String, String>> of(FileRef file, String fileName, Permission permission, WopiApps apps,
            WopiSettings settings) {
        Optional<String> app = apps.appFor(fileName);
        if (app.isEmpty()) {
            return Optional.empty();
        }
        String fileId = FileIdCodec.encode(file);
        HostLinks links = new HostLinks(settings);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(APP_NAME, app.get());
        // Each link only when the WOPI client's discovery has that action for the file's extension.
        if (apps.canView(fileName)) {
            fields.put(VIEW, links.hostPage(VIEW, fileId));
        }
        if (permission == Permission.EDIT && apps.canEdit(fileName)) {
            fields.put(EDIT, links.hostPage(EDIT, fileId));
        }
        return fields.size() > 1 ? Optional.of(fields) : Optional.empty();
    }
}
