package org.wopihost.nuxeo;

import java.util.List;

import org.wopihost.config.ConfigKeys;
import org.wopihost.config.UnknownKeys;

/**
 * nuxeo.conf keys only the Nuxeo add-on reads, on top of {@link ConfigKeys}. (They would belong in
 * ConfigKeys if the standalone host grows the same features.)
 */
public final class NuxeoConfigKeys {

    /** Only members of this group may open files through WOPI; empty: every user with access to the document. */
    public static final String ALLOWED_GROUP = "nuxeo.wopi.group";
    /** Comma-separated WOPI applications offered in the UI (Word, Excel, PowerPoint, Visio); empty: all. */
    public static final String ENABLED_APPS = "nuxeo.wopi.apps";

    /** Every key the WOPI service component reads from the framework properties. */
    public static final List<String> ALL = java.util.stream.Stream
            .concat(ConfigKeys.ALL.stream(), java.util.stream.Stream.of(ALLOWED_GROUP, ENABLED_APPS))
            .toList();

    private static final UnknownKeys UNKNOWN = new UnknownKeys(ALL, List.of("nuxeo.wopi."));

    private NuxeoConfigKeys() {
    }

    /** A warning for each nuxeo.wopi.* property the add-on does not read, naming the key it was likely meant to be. */
    public static List<String> unknownKeys(java.util.Collection<String> propertyNames) {
        return UNKNOWN.warnings(propertyNames);
    }
}
