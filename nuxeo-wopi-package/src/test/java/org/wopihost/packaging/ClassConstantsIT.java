package org.wopihost.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** The class-file reader that finds configuration keys in the packaged bundles finds exactly the constants. */
class ClassConstantsIT {

    @SuppressWarnings("unused")
    static final class Sample {
        public static final String KEY = "nuxeo.wopi.sample";
        public static final String OTHER = "not a key";
        public static final long NUMBER = 42L; // a two-slot constant before the next string
        public static final double RATIO = 0.5;
        public static final String AFTER_WIDE = "nuxeo.wopi.afterWide";
        static final String PACKAGE_PRIVATE = "nuxeo.hidden";
        public static String notFinal = "nuxeo.mutable";
        public final String instance = "nuxeo.instance";
        public static final String COMPUTED = String.valueOf("nuxeo.computed");
    }

    @Test
    void readsPublicStaticFinalStringConstants() throws IOException {
        byte[] bytes;
        try (InputStream in = Sample.class.getResourceAsStream("ClassConstantsIT$Sample.class")) {
            bytes = in.readAllBytes();
        }
        assertThat(ClassConstants.publicStringConstants(bytes))
                .containsExactlyInAnyOrder("nuxeo.wopi.sample", "not a key", "nuxeo.wopi.afterWide");
    }
}
