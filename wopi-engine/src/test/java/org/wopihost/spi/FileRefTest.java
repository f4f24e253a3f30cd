package org.wopihost.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class FileRefTest {

    /** What the checks accept, as regular expressions: FileRef's loops must agree with them. */
    private static final Pattern XPATH = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Test
    void acceptsBlobXpathsAndDocumentNames() {
        assertThat(FileRef.isValidXpath("file:content")).isTrue();
        assertThat(FileRef.isValidXpath("files:files/3/file")).isTrue();
        assertThat(FileRef.isValidXpath("my-schema:a_b/0/c")).isTrue();
        assertThat(FileRef.isValidName("default")).isTrue();
        assertThat(FileRef.isValidName("0b6c2d4e-1f2a-4b3c-9d8e-7f6a5b4c3d2e")).isTrue();
        assertThat(FileRef.isValidName("x".repeat(128))).isTrue();
    }

    @Test
    void refusesWhatCouldReachAnotherPropertyOrPath() {
        for (String xpath : new String[] {null, "", "file", "file:", ":content", "1file:content", "file:content/",
                "file:/content", "file:a//b", "file:content/../x", "file:content'", "dc:title; DROP", "file:con tent",
                "fi.le:content", "file:a:b", "file:" + "a".repeat(252)}) {
            assertThat(FileRef.isValidXpath(xpath)).as(xpath).isFalse();
        }
        for (String name : new String[] {null, "", "../etc", "a/b", "a b", "a\nb", "é", "x".repeat(129)}) {
            assertThat(FileRef.isValidName(name)).as(name).isFalse();
        }
        assertThatThrownBy(() -> new FileRef("default", "../etc", FileRef.MAIN_BLOB))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomStrings() {
        Random random = new Random(42);
        String alphabet = "aZ09_-.:/ é";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = s.toString();
            assertThat(FileRef.isValidXpath(candidate)).as(candidate).isEqualTo(XPATH.matcher(candidate).matches());
            assertThat(FileRef.isValidName(candidate)).as(candidate).isEqualTo(NAME.matcher(candidate).matches());
        }
    }
}
