package org.wopihost.standalone.contract;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import org.wopihost.contract.ContractCase;
import org.wopihost.contract.UsersContract;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

/** The Users contract on the standalone host's users table, where nobody administers the host. */
class UsersContractTest extends OnBothDatabases {

    @Override
    List<ContractCase> cases(StandaloneHost host) {
        Documents documents = host.documents();
        UsersContract.Directory directory = new UsersContract.Directory() {
            @Override
            public void create(String id, String displayName, String email) {
                documents.createUser(id, displayName == null ? id : displayName, email); // as add-user does
            }

            @Override
            public void remove(String id) {
                documents.database().transaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM wopi_users WHERE id = ?")) {
                        ps.setString(1, id);
                        return ps.executeUpdate();
                    }
                });
            }
        };
        return new UsersContract(host.platform().users(), directory, Optional.empty()).cases();
    }
}
