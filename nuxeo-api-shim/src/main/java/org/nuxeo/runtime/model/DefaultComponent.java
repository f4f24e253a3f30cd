package org.nuxeo.runtime.model;

/** Declared from nuxeo-runtime: modules/runtime/nuxeo-runtime/src/main/java/org/nuxeo/runtime/model/DefaultComponent.java */
public class DefaultComponent {

    public void start(ComponentContext context) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public void stop(ComponentContext context) throws InterruptedException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
