package org.nuxeo.ecm.core.event;

import java.io.Serializable;

/** Declared from nuxeo-core-event: modules/core/nuxeo-core-event/src/main/java/org/nuxeo/ecm/core/event/Event.java */
public interface Event extends Serializable {

    String getName();

    EventContext getContext();
}
