package org.nuxeo.ecm.core.api;

import java.io.File;
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

    public static Blob createBlob(File file) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(File file, String mimeType) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(File file, String mimeType, String encoding) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(File file, String mimeType, String encoding, String filename) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(InputStream in, String mimeType) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(InputStream in, String mimeType, String encoding) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(InputStream in, String mimeType, String encoding, File tmpFile) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(byte[] bytes) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(byte[] bytes, String mimeType) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(byte[] bytes, String mimeType, String encoding) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(String string) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(String string, String mimeType) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(String string, String mimeType, String encoding) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Blob createBlob(String string, String mimeType, String encoding, String filename) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
