package org.nuxeo.ecm.core.event;

/** Declared from nuxeo-core-event: modules/core/nuxeo-core-event/src/main/java/org/nuxeo/ecm/core/event/EventListener.java */
public interface EventListener {

    void handleEvent(Event event);
}
