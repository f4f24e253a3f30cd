package org.nuxeo.ecm.core.api;

import java.io.IOException;
import java.io.InputStream;

/** Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/Blob.java */
public interface Blob {

    InputStream getStream() throws IOException;

    long getLength();

    String getMimeType();

    String getFilename();

    String getDigest();

    void setMimeType(String mimeType);

    void setFilename(String filename);
}
