package org.wopihost.nuxeo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which WOPI application opens a file, and whether it can edit it. The discovery client (being built
 * in org.wopihost.discovery) can replace {@link #byExtension} through
 * {@link WopiHostService#setApps(WopiApps)}; until then the common Office extensions are known.
 */
public interface WopiApps {

    /** The application (Word, Excel, PowerPoint, Visio) for a file name, or empty. */
    Optional<String> appFor(String fileName);

    /** Whether that application edits (not only views) the file. */
    boolean canEdit(String fileName);

    /** Office for the web's usual extensions, restricted to {@code enabled} (lower-case app names; empty: all). */
    static WopiApps byExtension(Set<String> enabled) {
        Map<String, String> view = Map.ofEntries(
                Map.entry("docx", "Word"), Map.entry("docm", "Word"), Map.entry("dotx", "Word"), Map.entry("doc", "Word"),
                Map.entry("odt", "Word"), Map.entry("rtf", "Word"),
                Map.entry("xlsx", "Excel"), Map.entry("xlsm", "Excel"), Map.entry("xlsb", "Excel"), Map.entry("xls", "Excel"),
                Map.entry("ods", "Excel"),
                Map.entry("pptx", "PowerPoint"), Map.entry("pptm", "PowerPoint"), Map.entry("ppsx", "PowerPoint"),
                Map.entry("ppt", "PowerPoint"), Map.entry("odp", "PowerPoint"),
                Map.entry("vsdx", "Visio"));
        Set<String> edit = Set.of("docx", "docm", "odt", "xlsx", "xlsm", "xlsb", "ods", "pptx", "pptm", "ppsx", "odp", "vsdx");
        return new WopiApps() {
            @Override
            public Optional<String> appFor(String fileName) {
                return Optional.ofNullable(view.get(extension(fileName)))
                        .filter(app -> enabled.isEmpty() || enabled.contains(app.toLowerCase(Locale.ROOT)));
            }

            @Override
            public boolean canEdit(String fileName) {
                return appFor(fileName).isPresent() && edit.contains(extension(fileName));
            }
        };
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
