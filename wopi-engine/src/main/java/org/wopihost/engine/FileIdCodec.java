package org.wopihost.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.wopihost.spi.FileRef;

/**
 * Turns a blob reference into the opaque, URL-safe WOPI file id and back. Decoding is strict:
 * anything that is not exactly what {@link #encode} produces is rejected, so a client cannot
 * reach another property or document by crafting an id.
 */
public final class FileIdCodec {

    private static final char SEPARATOR = '\n';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any real id; keeps a hostile request from making us decode megabytes. */
    private static final int MAX_ID_LENGTH = 700;

    private FileIdCodec() {
    }

    public static String encode(FileRef ref) {
        String raw = ref.repository() + SEPARATOR + ref.documentId() + SEPARATOR + ref.xpath();
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The reference, or empty for anything that is not a well-formed id of ours. */
    public static Optional<FileRef> decode(String fileId) {
        if (fileId == null || fileId.isEmpty() || fileId.length() > MAX_ID_LENGTH || !isBase64Url(fileId)) {
            return Optional.empty();
        }
        try {
            String raw = new String(DECODER.decode(fileId), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            FileRef ref = new FileRef(parts[0], parts[1], parts[2]);
            // Reject alternative encodings of the same bytes (trailing bits): one file, one id.
            return encode(ref).equals(fileId) ? Optional.of(ref) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isBase64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isBase64UrlChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64UrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
