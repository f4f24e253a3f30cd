package org.nuxeo.ecm.core.event.impl;

import org.nuxeo.ecm.core.event.EventContext;

/** Declared from nuxeo-core-event: org/nuxeo/ecm/core/event/impl/EventContextImpl.java (members the binding does not use omitted). */
public class EventContextImpl implements EventContext {

    private static final long serialVersionUID = 1L;
}
