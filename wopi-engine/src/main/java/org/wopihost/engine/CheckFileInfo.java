package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;
import static org.wopihost.spi.Permission.VIEW;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.wopihost.config.WopiSettings;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/**
 * CheckFileInfo: the file's properties, the user's rights and the host's capabilities. Every
 * {@code Supports*} flag is true only for an operation this engine really implements, and empty
 * values are left out rather than sent as "" (Office treats some empty URLs as errors).
 */
final class CheckFileInfo {

    /** Office for the web allows names up to this length; we enforce the same on rename. */
    static final int FILE_NAME_MAX_LENGTH = 250;

    private final WopiPlatform platform;
    private final WopiSettings settings;
    private final HostLinks links;
    private final boolean hostPages;
    private final CollaboraFileInfo collabora;

    CheckFileInfo(WopiPlatform platform, WopiSettings settings, HostLinks links, boolean hostPages, Clock clock,
            Supplier<Optional<ClientCapabilities>> capabilities) {
        this.platform = platform;
        this.settings = settings;
        this.links = links;
        this.hostPages = hostPages;
        this.collabora = new CollaboraFileInfo(settings, platform.users(), clock, capabilities);
    }

    Operation operation() {
        return Operation.of(VIEW, (file, request) -> WopiResponse.body(200, JsonBody.of(properties(file))));
    }

    Map<String, Object> properties(FileContext file) {
        FileInfo info = file.info();
        WopiUser user = file.user();
        boolean write = file.canWrite();
        boolean createRelative = write && file.mayCreateSibling();
        Map<String, Object> p = new LinkedHashMap<>();
        // identity of the file
        p.put("BaseFileName", info.fileName());
        p.put("FileExtension", FileNames.extension(info.fileName()).toLowerCase(Locale.ROOT));
        p.put("OwnerId", info.ownerId());
        p.put("Size", info.size());
        p.put("Version", info.version());
        p.put("LastModifiedTime", CollaboraSaveRules.lastModifiedTime(info));
        p.put("FileNameMaxLength", FILE_NAME_MAX_LENGTH);
        // the user and their rights
        p.put("UserId", user.id());
        p.put("UserFriendlyName", user.displayName());
        putIfPresent(p, "UserPrincipalName", user.email());
        p.put("IsAnonymousUser", false);
        p.put("UserCanWrite", write);
        p.put("ReadOnly", !write);
        p.put("UserCanRename", write);
        p.put("UserCanNotWriteRelative", !createRelative);
        platform.users().userInfo(user.id()).ifPresent(v -> p.put("UserInfo", v));
        if (settings.businessUsers()) {
            p.put("LicenseCheckForEditIsEnabled", true);
        }
        // what this host implements
        p.put("SupportsLocks", true);
        p.put("SupportsGetLock", true);
        p.put("SupportsExtendedLockLength", true);
        p.put("SupportsUpdate", true);
        p.put("SupportsRename", true);
        p.put("SupportsDeleteFile", true);
        p.put("SupportsUserInfo", true);
        if (hostPages) {
            // A share URL is a host page: without host pages, none is offered.
            p.put("SupportedShareUrlTypes", ShareUrls.TYPES);
        }
        // where the client links to
        putIfPresent(p, "BreadcrumbBrandName", settings.brandName());
        putIfPresent(p, "BreadcrumbBrandUrl", settings.brandUrl());
        putIfPresent(p, "BreadcrumbDocName", info.documentTitle());
        putIfPresent(p, "BreadcrumbFolderName", info.containerName());
        p.put("CloseUrl", links.closeUrl(file.fileId(), info));
        links.downloadUrl(file.fileId(), info).ifPresent(url -> p.put("DownloadUrl", url));
        links.fileSharingUrl(file.fileId(), info).ifPresent(url -> p.put("FileSharingUrl", url));
        if (hostPages) {
            p.put("HostViewUrl", links.hostPage("view", file.fileId()));
            // A writer viewing the file (a view token) is offered the editor too: the edit page issues
            // the edit token.
            boolean mayEdit = file.documentPermission() == EDIT;
            if (mayEdit) {
                p.put("HostEditUrl", links.hostPage("edit", file.fileId()));
            }
            p.put("PostMessageOrigin", links.postMessageOrigin());
            // The messages the host page handles (wopi-servlet's host-page.js), and only those: the
            // client then posts them instead of navigating itself.
            p.put("ClosePostMessage", true);
            p.put("EditModePostMessage", mayEdit);
            p.put("EditNotificationPostMessage", true);
            p.put("FileSharingPostMessage", p.containsKey("FileSharingUrl"));
            p.put("FileVersionPostMessage", links.fileVersionsUrl(file.fileId(), info).isPresent());
        }
        collabora.addTo(p, file);
        return p;
    }

    private static void putIfPresent(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(key, value);
        }
    }
}
