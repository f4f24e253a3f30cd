package org.wopihost.discovery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MIME types of the document formats WOPI clients open, by extension: Collabora names its apps by
 * MIME type and some of its actions carry no extension, so an action is found by either.
 */
public final class OfficeMimeTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("docm", "application/vnd.ms-word.document.macroEnabled.12"),
            Map.entry("dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template"),
            Map.entry("doc", "application/msword"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"),
            Map.entry("xlsb", "application/vnd.ms-excel.sheet.binary.macroEnabled.12"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("csv", "text/csv"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("ppsx", "application/vnd.openxmlformats-officedocument.presentationml.slideshow"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("vsdx", "application/vnd.ms-visio.drawing"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"));

    private OfficeMimeTypes() {
    }

    /** The MIME type of a file extension ("docx" or ".docx"), if it is an office format we know. */
    public static Optional<String> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String ext = extension.startsWith(".") ? extension.substring(1) : extension;
        return Optional.ofNullable(BY_EXTENSION.get(ext.toLowerCase(Locale.ROOT)));
    }
}
