package org.wopihost.engine;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.wopihost.config.WopiSettings;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;

/** URLs of our own pages that the engine hands to the WOPI client. */
public final class HostLinks {

    private final WopiSettings settings;
    /** Parsed once: every CheckFileInfo hands it out. */
    private final String postMessageOrigin;

    public HostLinks(WopiSettings settings) {
        this.settings = settings;
        this.postMessageOrigin = origin(settings.publicUrl());
    }

    /** The host page that opens a file in the WOPI client: {@code action} is view or edit. */
    public String hostPage(String action, String fileId) {
        return settings.publicUrl() + settings.wopiPath() + "/" + action + "/" + fileId;
    }

    /** DownloadUrl, when a template is configured. */
    public Optional<String> downloadUrl(String fileId, FileInfo info) {
        return expand(settings.downloadUrlTemplate(), fileId, info);
    }

    /** FileSharingUrl, when a template is configured. */
    public Optional<String> fileSharingUrl(String fileId, FileInfo info) {
        return expand(settings.fileSharingUrlTemplate(), fileId, info);
    }

    /** The file's version history (UI_FileVersions), when a template is configured. */
    public Optional<String> fileVersionsUrl(String fileId, FileInfo info) {
        return expand(settings.fileVersionsUrlTemplate(), fileId, info);
    }

    /** Fills a URL template's placeholders, each value encoded for a URL path segment. */
    static Optional<String> expand(String template, String fileId, FileInfo info) {
        if (template == null) {
            return Optional.empty();
        }
        FileRef ref = info.ref();
        return Optional.of(template
                .replace("{repository}", segment(ref.repository()))
                .replace("{docId}", segment(ref.documentId()))
                .replace("{xpath}", ref.xpath())
                .replace("{fileName}", segment(info.fileName()))
                .replace("{fileId}", segment(fileId)));
    }

    /** URLEncoder encodes for forms; in a path a space is %20, not +. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The host's start page: where the user goes back to from a page about no file in particular. */
    public String closeUrl() {
        return settings.publicUrl();
    }

    /** Where the user lands when they close the editor on this file: the configured page, or the start page. */
    public String closeUrl(String fileId, FileInfo info) {
        return expand(settings.closeUrlTemplate(), fileId, info).orElse(settings.publicUrl());
    }

    /** The origin of our host pages, which may exchange PostMessage calls with the client frame. */
    public String postMessageOrigin() {
        return postMessageOrigin;
    }

    /** {@code scheme://host[:port]} of an absolute URL. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }
}
