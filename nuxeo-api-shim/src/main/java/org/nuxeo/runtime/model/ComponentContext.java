package org.nuxeo.runtime.model;

/** Declared from nuxeo-runtime: modules/runtime/nuxeo-runtime/src/main/java/org/nuxeo/runtime/model/ComponentContext.java */
public interface ComponentContext {
}
