package org.wopihost.nuxeo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.kv.KeyValueStore;

/** Mocks shared by the binding tests. */
final class Fixtures {

    static final String REPO = "default";
    static final String DOC = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private Fixtures() {
    }

    /** A NuxeoServices mock whose inTransaction simply runs the work. */
    @SuppressWarnings("unchecked")
    static NuxeoServices services() {
        NuxeoServices services = mock(NuxeoServices.class);
        lenient().when(services.inTransaction(any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(0)).get());
        UserManager um = mock(UserManager.class);
        lenient().when(services.userManager()).thenReturn(um);
        KeyValueStore store = new MapKeyValueStore().store; // made before the stubbing that returns it
        lenient().when(services.keyValueStore(NuxeoLockStore.STORE_NAME)).thenReturn(store);
        lenient().when(services.inOwnTransaction(any())).thenAnswer(inv -> ((Supplier<Object>) inv.getArgument(0)).get());
        return services;
    }

    /** A Blob mock that is Serializable, as Nuxeo's blob classes are (setPropertyValue takes a Serializable). */
    static org.nuxeo.ecm.core.api.Blob blob() {
        return mock(org.nuxeo.ecm.core.api.Blob.class,
                org.mockito.Mockito.withSettings().extraInterfaces(java.io.Serializable.class));
    }

    static NuxeoPrincipal principal(NuxeoServices services, String name) {
        NuxeoPrincipal p = mock(NuxeoPrincipal.class);
        lenient().when(p.getName()).thenReturn(name);
        lenient().when(services.userManager().getPrincipal(name)).thenReturn(p);
        return p;
    }
}
