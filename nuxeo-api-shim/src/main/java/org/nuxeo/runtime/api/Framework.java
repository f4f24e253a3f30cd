package org.nuxeo.runtime.api;

/** Declared from nuxeo-runtime: modules/runtime/nuxeo-runtime/src/main/java/org/nuxeo/runtime/api/Framework.java */
public final class Framework {

    private Framework() {
    }

    public static <T> T getService(Class<T> serviceClass) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static String getProperty(String key) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static String getProperty(String key, String defValue) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static java.util.Properties getProperties() {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
