package org.nuxeo.runtime.api;

import java.util.function.Supplier;

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

    /** Runs the runnable logged in as a system user (since 8.4). */
    public static void doPrivileged(Runnable runnable) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static <T> T doPrivileged(Supplier<T> supplier) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
