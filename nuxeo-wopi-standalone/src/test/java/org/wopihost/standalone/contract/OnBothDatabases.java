package org.wopihost.standalone.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.contract.ContractCase;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.it.TestPostgres;

/**
 * A port contract on the standalone host's ports as the server assembles them (without the server), on its
 * two databases: the embedded H2 of a data folder, and a database of its own on the PostgreSQL server
 * .ci/postgres-start started.
 */
abstract class OnBothDatabases {

    @TempDir
    Path folder;
    private StandaloneHost host;

    /** The contract's cases on {@code host}'s ports. */
    abstract List<ContractCase> cases(StandaloneHost host);

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> onH2() throws IOException {
        return onHostOf(Map.of());
    }

    @TestFactory
    @EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
    Stream<DynamicTest> onPostgres() throws Exception {
        Map<String, String> config = Map.of(StandaloneConfig.DB_URL, TestPostgres.newDatabase("wopi_contract_"),
                StandaloneConfig.DB_USER, TestPostgres.user(), StandaloneConfig.DB_PASSWORD, TestPostgres.password());
        return onHostOf(config);
    }

    /** The cases on the ports of the host opened (and seeded) as the server opens it, with this configuration. */
    private Stream<DynamicTest> onHostOf(Map<String, String> config) throws IOException {
        host = StandaloneHost.serve(new DataFolder(folder), config, "http://127.0.0.1:1/", Clock.systemUTC());
        return dynamicTests(cases(host));
    }

    static Stream<DynamicTest> dynamicTests(List<ContractCase> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }
}
