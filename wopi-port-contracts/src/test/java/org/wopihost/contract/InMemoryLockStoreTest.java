package org.wopihost.contract;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wopihost.spi.FileRef;

class InMemoryLockStoreTest {

    @TestFactory
    Stream<DynamicTest> keepsTheLockStoreContract() {
        LockStoreContract contract = new LockStoreContract(InMemoryLockStore::new,
                () -> new FileRef("default", UUID.randomUUID().toString(), FileRef.MAIN_BLOB), "alice", "bob");
        return contract.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }
}
