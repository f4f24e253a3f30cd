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
     * Decodes a header the spec says is UTF-7 encoded (Office encodes "_" as "+AF8-"). A value that
     * is not valid UTF-7 is taken as it came: some clients send plain names.
     */
    static String decodeUtf7(String header) {
        try {
            return UTF7.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return header;
        }
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

    /** {@code "Report (2).docx"} from {@code "Report.docx"} and 2. */
    static String numbered(String fileName, int n) {
        return baseName(fileName) + " (" + n + ")" + extension(fileName);
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
