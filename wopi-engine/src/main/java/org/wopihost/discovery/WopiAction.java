package org.wopihost.discovery;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code <action>} of the discovery XML.
 *
 * @param app        name of the enclosing {@code <app>}: "Word", "Excel"... for Microsoft, a MIME type
 *                   such as "application/vnd.oasis.opendocument.text" (or "writer", "Capabilities") for
 *                   Collabora
 * @param favIconUrl the app's favicon, for the host page; empty when not published
 * @param name       the action: view, edit, editnew, embedview, convert, mobileView, getinfo...
 * @param ext        file extension without dot, as published; empty when the action is keyed by progid or
 *                   only by its app's MIME type
 * @param progId     the {@code progid} attribute (OneNote folders), empty when absent
 * @param requires   WOPI capabilities the action needs ({@code update}, {@code locks}, ...), lower case
 * @param urlSrc     the {@code urlsrc} template, to be turned into a URL by {@link ActionUrlBuilder}
 * @param isDefault  the {@code default="true"} flag: the action to use when the user just "opens" the file
 * @param targetExt  for {@code convert}: the extension the file is converted to; empty otherwise
 */
public record WopiAction(String app, String favIconUrl, String name, String ext, String progId,
                         Set<String> requires, String urlSrc, boolean isDefault, String targetExt) {

    public WopiAction {
        requires = Set.copyOf(requires);
    }

    /** Whether the action needs {@code capability}, in any case; what the parsing tests ask. */
    boolean requires(String capability) {
        return requires.contains(capability.toLowerCase(Locale.ROOT));
    }

    /** The app name when it is a MIME type (Collabora), so that files can be matched by content type. */
    public Optional<String> mimeType() {
        return app.indexOf('/') > 0 ? Optional.of(app) : Optional.empty();
    }
}
