package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.spi.WopiUser;

class NuxeoUsersTest {

    private final NuxeoServices services = Fixtures.services();
    private final KeyValueStore store = mock(KeyValueStore.class);
    private final NuxeoUsers users = new NuxeoUsers(services, store);

    @Test
    void findsAUserWithNameAndEmail() {
        NuxeoPrincipal p = Fixtures.principal(services, "jdoe");
        when(p.getFirstName()).thenReturn("Jane");
        when(p.getLastName()).thenReturn("Doe");
        when(p.getEmail()).thenReturn("jane@example.com");
        assertThat(users.find("jdoe")).contains(new WopiUser("jdoe", "Jane Doe", "jane@example.com"));
    }

    @Test
    void fallsBackToTheIdWithoutNames() {
        Fixtures.principal(services, "bob");
        assertThat(users.find("bob")).contains(new WopiUser("bob", "bob", null));
    }

    @Test
    void theUserNuxeoLoggedInIsTakenAsItIs() {
        NuxeoPrincipal login = mock(NuxeoPrincipal.class);
        when(login.getName()).thenReturn("jdoe");
        when(services.currentPrincipal()).thenReturn(login);
        assertThat(users.find("jdoe")).contains(new WopiUser("jdoe", "jdoe", null));
        verify(services.userManager(), never()).getPrincipal("jdoe");
        Fixtures.principal(services, "bob");
        assertThat(users.find("bob")).as("another user is looked up").contains(new WopiUser("bob", "bob", null));
    }

    @Test
    void unknownOrEmptyUsersAreAbsent() {
        assertThat(users.find("ghost")).isEmpty();
        assertThat(users.find("")).isEmpty();
    }

    @Test
    void userInfoLivesInTheStore() {
        when(store.getString("userinfo/jdoe")).thenReturn("{\"x\":1}");
        assertThat(users.userInfo("jdoe")).contains("{\"x\":1}");
        users.putUserInfo("jdoe", "abc");
        verify(store).put("userinfo/jdoe", "abc");
    }
}
