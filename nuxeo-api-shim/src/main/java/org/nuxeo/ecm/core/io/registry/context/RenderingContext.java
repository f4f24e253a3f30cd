package org.nuxeo.ecm.core.io.registry.context;

/** Declared from nuxeo-core-io: modules/core/nuxeo-core-io/src/main/java/org/nuxeo/ecm/core/io/registry/context/RenderingContext.java */
public interface RenderingContext {

    String getBaseUrl();

    <T> T getParameter(String name);
}
