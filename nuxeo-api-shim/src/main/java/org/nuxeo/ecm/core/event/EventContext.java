package org.nuxeo.ecm.core.event;

import java.io.Serializable;

/** Declared from nuxeo-core-event: org/nuxeo/ecm/core/event/EventContext.java */
public interface EventContext extends Serializable {
}
