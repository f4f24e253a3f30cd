package org.wopihost.standalone.store;

import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.contract.LockStoreContract;
import org.wopihost.standalone.it.TestPostgres;
import org.wopihost.spi.FileRef;

/** The lock store contract on the standalone host's two databases: embedded H2, and PostgreSQL. */
class SqlLockStoreContractTest {

    @TempDir
    Path folder;
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> onH2() {
        db = Database.open("jdbc:h2:file:" + folder.resolve("wopi"), "sa", "");
        return contract();
    }

    /** A database of its own on the server .ci/postgres-start started. */
    @TestFactory
    @EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
    Stream<DynamicTest> onPostgres() throws Exception {
        db = Database.open(TestPostgres.newDatabase("wopi_locks_"), TestPostgres.user(), TestPostgres.password());
        return contract();
    }

    private Stream<DynamicTest> contract() {
        LockStoreContract contract = new LockStoreContract(clock -> new SqlLockStore(db, clock),
                () -> new FileRef(Documents.REPOSITORY, UUID.randomUUID().toString(), FileRef.MAIN_BLOB), "alice", "bob");
        return contract.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }
}
