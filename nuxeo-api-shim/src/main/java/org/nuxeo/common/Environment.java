package org.nuxeo.common;

import java.util.Properties;
import java.io.File;

/** Declared from nuxeo-common: modules/runtime/nuxeo-common/src/main/java/org/nuxeo/common/Environment.java */
public class Environment {

    /** The system property naming the data directory. */
    public static final String NUXEO_DATA_DIR = "nuxeo.data.dir";

    public Environment(File home) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public Environment(File home, Properties properties) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    /** The running server's environment, or null outside a Nuxeo server. */
    public static Environment getDefault() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static Environment getDefault(Properties properties) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    /** The data directory (nuxeo.data.dir, default data/ under the runtime home), created if missing. */
    public File getData() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
