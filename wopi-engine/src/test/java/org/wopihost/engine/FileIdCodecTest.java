package org.wopihost.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.wopihost.spi.FileRef;

class FileIdCodecTest {

    static final FileRef MAIN = new FileRef("default", "5f1c2a9e-0d6b-4a55-9c1e-0b7a8f3d2e11", "file:content");

    @Test
    void roundTripsAndIsUrlSafe() {
        FileRef attachment = new FileRef("default", MAIN.documentId(), FileRef.attachmentXpath(12));
        for (FileRef ref : new FileRef[] {MAIN, attachment}) {
            String id = FileIdCodec.encode(ref);
            assertThat(id).matches("[A-Za-z0-9_-]+");
            assertThat(FileIdCodec.decode(id)).contains(ref);
        }
        assertThat(FileIdCodec.encode(MAIN)).isNotEqualTo(FileIdCodec.encode(attachment));
    }

    @Test
    void rejectsAnythingElse() {
        String valid = FileIdCodec.encode(MAIN);
        assertThat(FileIdCodec.decode(null)).isEmpty();
        assertThat(FileIdCodec.decode("")).isEmpty();
        assertThat(FileIdCodec.decode(valid + "=")).isEmpty(); // padding is not ours
        assertThat(FileIdCodec.decode(valid.substring(0, 5) + "/" + valid.substring(6))).isEmpty(); // not URL-safe
        assertThat(FileIdCodec.decode("x".repeat(701))).isEmpty();
        assertThat(FileIdCodec.decode(b64("default\ndoc"))).isEmpty(); // two parts
        assertThat(FileIdCodec.decode(b64("default\ndoc\nfile:content\nextra"))).isEmpty();
        assertThat(FileIdCodec.decode(b64("default\n../etc\nfile:content"))).isEmpty();
        assertThat(FileIdCodec.decode(b64("default\ndoc\nfile:content/../../x"))).isEmpty();
        assertThat(FileIdCodec.decode(b64("default\ndoc\ndc:title'; DROP"))).isEmpty();
    }

    @Test
    void oneFileHasOneIdNotSeveralSpellings() {
        String valid = FileIdCodec.encode(MAIN);
        char last = valid.charAt(valid.length() - 1);
        // Flip the unused low bits of the last character: same bytes, another string.
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            String other = valid.substring(0, valid.length() - 1) + c;
            if (c != last) {
                assertThat(FileIdCodec.decode(other)).as(other).isNotEqualTo(FileIdCodec.decode(valid));
            }
        }
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
