package org.wopihost.nuxeo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.WopiAction;

/**
 * Which WOPI application opens a file, and the discovery that says how. On a running Nuxeo this
 * comes from the WOPI client's discovery ({@link #fromDiscovery}); without {@code nuxeo.wopi.discoveryURL}
 * there is no client and {@link #NONE} offers nothing.
 */
public interface WopiApps {

    /** No WOPI client: nothing is offered. */
    WopiApps NONE = new WopiApps() {
        @Override
        public Optional<String> appFor(String fileName) {
            return Optional.empty();
        }

        @Override
        public Optional<DiscoveryDocument> discovery() {
            return Optional.empty();
        }
    };

    /** The application (Word, Excel, PowerPoint, Visio, or the client's own app name) for a file name, or empty. */
    Optional<String> appFor(String fileName);

    /**
     * The client's discovery, from which {@link org.wopihost.engine.HostPageChoice} decides which host page
     * links to offer, as the host page itself decides; empty while there is none (nothing is offered).
     */
    Optional<DiscoveryDocument> discovery();

    /**
     * The actions the WOPI client publishes in its discovery, restricted to {@code enabled} (lower-case
     * application names; empty: all). Collabora names its apps by MIME type: those are reported (and
     * filtered) under the Office family of the extension (Word for odt and docx, ...) when it is known.
     *
     * @param discovery the current discovery document, or empty while none can be had (then nothing is offered)
     */
    static WopiApps fromDiscovery(Supplier<Optional<DiscoveryDocument>> discovery, Set<String> enabled) {
        return new WopiApps() {
            @Override
            public Optional<String> appFor(String fileName) {
                String ext = DiscoveryDocument.extensionOf(fileName);
                if (ext.isEmpty()) {
                    return Optional.empty();
                }
                return discovery.get().flatMap(doc -> doc.findForFile("view", fileName)
                                .or(() -> doc.findForFile("edit", fileName)))
                        .map(action -> displayName(action, ext))
                        .filter(app -> enabled.isEmpty() || enabled.contains(app.toLowerCase(Locale.ROOT)));
            }

            @Override
            public Optional<DiscoveryDocument> discovery() {
                return discovery.get();
            }
        };
    }

    /** Word, Excel, PowerPoint or Visio for a known extension (lower case, no dot). */
    static Optional<String> officeFamily(String extension) {
        return Optional.ofNullable(OfficeExtensions.FAMILY.get(extension));
    }

    private static String displayName(WopiAction action, String extension) {
        return action.mimeType().isPresent() ? officeFamily(extension).orElse(action.app()) : action.app();
    }


    /** The common Office for the web extensions. */
    final class OfficeExtensions {
        static final Map<String, String> FAMILY = Map.ofEntries(
                Map.entry("docx", "Word"), Map.entry("docm", "Word"), Map.entry("dotx", "Word"), Map.entry("doc", "Word"),
                Map.entry("odt", "Word"), Map.entry("rtf", "Word"),
                Map.entry("xlsx", "Excel"), Map.entry("xlsm", "Excel"), Map.entry("xlsb", "Excel"), Map.entry("xls", "Excel"),
                Map.entry("ods", "Excel"),
                Map.entry("pptx", "PowerPoint"), Map.entry("pptm", "PowerPoint"), Map.entry("ppsx", "PowerPoint"),
                Map.entry("ppt", "PowerPoint"), Map.entry("odp", "PowerPoint"),
                Map.entry("vsdx", "Visio"));

        private OfficeExtensions() {
        }
    }
}
