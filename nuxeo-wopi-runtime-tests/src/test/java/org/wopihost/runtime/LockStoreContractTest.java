package org.wopihost.runtime;

import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.kv.KeyValueService;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.contract.ContractCase;
import org.wopihost.contract.LockStoreContract;
import org.wopihost.nuxeo.NuxeoLockStore;
import org.wopihost.nuxeo.RuntimeNuxeoServices;
import org.wopihost.spi.FileRef;

/**
 * The lock store contract (the same cases the standalone host's H2 and PostgreSQL stores keep) on the
 * Nuxeo binding: Nuxeo's key/value store, real documents and users, the Nuxeo locks taken for them.
 */
public class LockStoreContractTest extends WopiOverHttpTestCase {

    @Test
    public void theNuxeoLockStoreKeepsTheContract() throws Exception {
        user("alice", SecurityConstants.READ_WRITE);
        user("bob", SecurityConstants.READ_WRITE);
        KeyValueStore kv = Framework.getService(KeyValueService.class).getKeyValueStore(NuxeoLockStore.STORE_NAME);
        LockStoreContract contract = new LockStoreContract(
                clock -> new NuxeoLockStore(kv, new RuntimeNuxeoServices(), clock), this::freshFile, "alice", "bob");
        ContractCase.runAll(contract.cases());
    }

    private FileRef freshFile() {
        DocumentModel doc = report();
        return new FileRef(doc.getRepositoryName(), doc.getId(), MAIN);
    }
}
