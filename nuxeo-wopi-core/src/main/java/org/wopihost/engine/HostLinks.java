package org.wopihost.engine;

import java.net.URI;

import org.wopihost.config.WopiSettings;

/** URLs of our own pages that the engine hands to the WOPI client. */
public final class HostLinks {

    private final WopiSettings settings;

    public HostLinks(WopiSettings settings) {
        this.settings = settings;
    }

    /** The host page that opens a file in the WOPI client: {@code action} is view or edit. */
    public String hostPage(String action, String fileId) {
        return settings.publicUrl() + settings.wopiPath() + "/" + action + "/" + fileId;
    }

    /** Where the user lands when they close the editor. */
    public String closeUrl() {
        return settings.publicUrl();
    }

    /** The origin of our host pages, which may exchange PostMessage calls with the client frame. */
    public String postMessageOrigin() {
        return origin(settings.publicUrl());
    }

    /** {@code scheme://host[:port]} of an absolute URL. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }
}
