package org.wopihost.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.wopihost.contract.ContractCase;
import org.wopihost.contract.UsersContract;

/**
 * The Users contract (the same cases the standalone host's users keep) on the Nuxeo binding: Nuxeo's
 * UserManager (a display name is a first and a last name), UserInfo in the key/value store, and Nuxeo's
 * Administrator.
 */
public class UsersContractTest extends WopiOverHttpTestCase {

    private final List<String> created = new ArrayList<>();

    @After
    public void deleteCreatedUsers() {
        created.stream().filter(id -> userManager.getPrincipal(id) != null).forEach(userManager::deleteUser);
    }

    @Test
    public void theNuxeoUsersKeepTheContract() throws Exception {
        UsersContract.Directory directory = new UsersContract.Directory() {
            @Override
            public void create(String id, String displayName, String email) {
                int space = displayName == null ? -1 : displayName.indexOf(' ');
                String first = space < 0 ? displayName : displayName.substring(0, space);
                String last = space < 0 ? null : displayName.substring(space + 1);
                NuxeoDocs.user(id, first, last, email);
                created.add(id);
            }

            @Override
            public void remove(String id) {
                userManager.deleteUser(id);
            }
        };
        ContractCase.runAll(
                new UsersContract(service.platform().users(), directory, Optional.of("Administrator")).cases());
    }
}
