package org.wopihost.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.beetstra.jutf7.CharsetProvider;

/** File names from WOPI headers: UTF-7 decoding and the rules a name must follow. */
final class FileNames {

    private static final Charset UTF7 = new CharsetProvider().charsetForName("UTF-7");
    /** Characters Windows, and so Office, refuses in file names; control characters too. */
    private static final String ILLEGAL = "\\/:*?\"<>|";
    private static final java.util.Set<String> RESERVED = java.util.Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /**
     * Decodes a header the spec says is UTF-7 encoded (Office encodes "_" as "+AF8-"); empty when
     * the header holds 8-bit bytes, which UTF-7 never does (raw UTF-8 would become mojibake). An
     * ASCII value that is not valid UTF-7 is taken as it came: some clients send plain names.
     */
    static Optional<String> decodeUtf7(String header) {
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) > 0x7f) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(UTF7.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)))
                    .toString());
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.of(header);
        }
    }

    /**
     * Encodes a name for a header the spec says is UTF-7 ({@code X-WOPI-ValidRelativeTarget}), so
     * that a name with non-ASCII characters travels as ASCII.
     */
    static String encodeUtf7(String name) {
        return new String(name.getBytes(UTF7), StandardCharsets.US_ASCII);
    }

    /**
     * A legal name as close to {@code name} as possible: characters Windows refuses become "_",
     * leading spaces and trailing dots and spaces go, a reserved device name gets a "_", and an
     * over-long name loses the end of its base name, never its extension. For PutRelativeFile's
     * suggested mode, which must never answer 400, and for the name a 400 suggests instead.
     *
     * @param fallbackBase the base name to use when nothing of {@code name}'s base is left
     */
    static String sanitize(String name, String fallbackBase) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || ILLEGAL.indexOf(c) >= 0 ? '_' : c);
        }
        String cleaned = trimEnds(sb.toString());
        String ext = extension(cleaned);
        String base = cleaned.substring(0, cleaned.length() - ext.length());
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            base = fallbackBase == null || fallbackBase.isBlank() ? "Untitled" : trimEnds(fallbackBase);
        }
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            base = base + "_";
        }
        return fit(base, "", ext);
    }

    /** Why {@code name} cannot be a file name, or empty when it can. */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("The name is empty");
        }
        if (name.length() > CheckFileInfo.FILE_NAME_MAX_LENGTH) {
            return Optional.of("The name is longer than " + CheckFileInfo.FILE_NAME_MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || ILLEGAL.indexOf(c) >= 0) {
                return Optional.of("The name contains a character that is not allowed: " + printable(c));
            }
        }
        if (name.endsWith(".") || name.endsWith(" ") || name.startsWith(" ")) {
            return Optional.of("The name cannot start with a space or end with a dot or a space");
        }
        String stem = baseName(name).toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem) || name.equals("..") || name.equals(".")) {
            return Optional.of("The name is reserved");
        }
        return Optional.empty();
    }

    /** The name without its last extension. */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** The last extension with its dot, or "". */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot);
    }

    /**
     * {@code "Report (2).docx"} from {@code "Report.docx"} and 2, shortening the base name when the
     * result would be longer than the names we accept.
     */
    static String numbered(String fileName, int n) {
        return suffixed(fileName, " (" + n + ")");
    }

    /** {@code suffix} between the base name and the extension, the base shortened to fit. */
    static String suffixed(String fileName, String suffix) {
        return fit(baseName(fileName), suffix, extension(fileName));
    }

    /** base + suffix + ext, the base cut so that the whole fits {@link CheckFileInfo#FILE_NAME_MAX_LENGTH}. */
    private static String fit(String base, String suffix, String ext) {
        int max = CheckFileInfo.FILE_NAME_MAX_LENGTH;
        if (ext.length() > max / 2) {
            ext = ext.substring(0, max / 2);
        }
        int room = max - suffix.length() - ext.length();
        if (base.length() > room) {
            int cut = room;
            if (cut > 0 && Character.isHighSurrogate(base.charAt(cut - 1))) {
                cut--;
            }
            base = trimEnds(base.substring(0, cut));
            if (base.isEmpty()) {
                base = "_";
            }
        }
        return base + suffix + ext;
    }

    /** Without leading spaces and without trailing dots and spaces. */
    private static String trimEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
