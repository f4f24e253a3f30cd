package org.nuxeo.ecm.core.api;

/**
 * Declared from nuxeo-core-api: modules/core/nuxeo-core-api/src/main/java/org/nuxeo/ecm/core/api/CoreInstance.java,
 * LTS 2025 form (getCoreSession*, the deprecated openCoreSession* are not declared on purpose).
 */
public class CoreInstance {

    private CoreInstance() {
    }

    public static CoreSession getCoreSession(String repositoryName, NuxeoPrincipal principal) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static CoreSession getCoreSession(String repositoryName) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static CoreSession getCoreSession(String repositoryName, String username) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static CoreSession getCoreSessionSystem(String repositoryName, String originatingUsername) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public static CoreSession getCoreSessionSystem(String repositoryName) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
