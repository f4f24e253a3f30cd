package org.wopihost.web.nuxeo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.HostPageChoice;
import org.wopihost.engine.StuckLocks;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.wopihost.web.StuckLockServlet;

/**
 * What the {@code wopi} enricher says of one blob: the application and the host page URLs the user may open,
 * and who is editing it in Office.
 */
final class WopiBlobLinks {

    static final String APP_NAME = "appName";
    static final String VIEW = "view";
    static final String EDIT = "edit";
    static final String LOCKED_BY = "lockedBy";
    static final String LOCKED_SINCE = "lockedSince";
    static final String RELEASE = "release";

    private WopiBlobLinks() {
    }

    /**
     * The fields for a user and a file: {@code view} when the host page would open it, {@code edit} when
     * the host page asked to edit would open an editor (edit, editnew or convert) rather than the viewer;
     * both asked of the host page's own {@link HostPageChoice}, so that a link never leads elsewhere than it
     * says. Empty when no application handles the file or offers it an action the user may take.
     */
    static Optional<Map<String, String>> of(FileRef file, HostPageChoice.FileFacts facts, WopiApps apps,
            WopiSettings settings) {
        Optional<String> app = apps.appFor(facts.fileName());
        Optional<DiscoveryDocument> discovery = apps.discovery();
        if (app.isEmpty() || discovery.isEmpty()) {
            return Optional.empty();
        }
        String fileId = FileIdCodec.encode(file);
        HostLinks links = new HostLinks(settings);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(APP_NAME, app.get());
        if (HostPageChoice.choose(discovery.get(), false, facts).isPresent()) {
            fields.put(VIEW, links.hostPage(VIEW, fileId));
        }
        if (HostPageChoice.choose(discovery.get(), true, facts).filter(c -> c.permission() == Permission.EDIT)
                .isPresent()) {
            fields.put(EDIT, links.hostPage(EDIT, fileId));
        }
        return fields.size() > 1 ? Optional.of(fields) : Optional.empty();
    }

    /**
     * While the file is WOPI-locked, "being edited in Office by ... since ...": the holder's name and the
     * lock's start ({@code lockedBy}, {@code lockedSince}), and for the holder or a manager of the document
     * the page that releases a lock a closed browser left behind ({@code release}).
     */
    static Map<String, String> withLock(Map<String, String> fields, WopiPlatform platform, WopiUser reader, FileRef file,
            WopiSettings settings) {
        Optional<LockInfo> lock = new StuckLocks(platform).holder(file);
        if (lock.isEmpty()) {
            return fields;
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        String holder = lock.get().userId();
        all.put(LOCKED_BY, platform.users().find(holder).map(WopiUser::displayName).orElse(holder));
        all.put(LOCKED_SINCE, lock.get().since().toString());
        if (holder.equals(reader.id()) || platform.permissions().mayManage(reader, file)) {
            all.put(RELEASE, StuckLockServlet.url(new HostLinks(settings), FileIdCodec.encode(file)));
        }
        return all;
    }
}
