package org.nuxeo.ecm.core.api;

import java.io.IOException;
import java.io.InputStream;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/Blobs.java */
public class Blobs {

    private Blobs() {
    }

    /** Creates a Blob from an InputStream, by saving it to a temporary file; the stream is closed. */
    public static Blob createBlob(InputStream in) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
