package org.wopihost.nuxeo;

import org.nuxeo.ecm.core.event.Event;
import org.nuxeo.ecm.core.event.EventListener;

/** Runs the discovery refresh when the scheduler fires {@value #EVENT}. */
public class DiscoveryRefreshListener implements EventListener {

    /** The event our scheduler contribution sends (see OSGI-INF/wopihost-scheduler-contrib.xml). */
    public static final String EVENT = "wopihostDiscoveryRefresh";

    private final java.util.function.Supplier<WopiHostService> service;

    /** Instantiated by Nuxeo's event service. */
    public DiscoveryRefreshListener() {
        this(WopiHostComponent::service);
    }

    DiscoveryRefreshListener(java.util.function.Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    public void handleEvent(Event event) {
        if (EVENT.equals(event.getName())) {
            service.get().refreshDiscovery();
        }
    }
}
