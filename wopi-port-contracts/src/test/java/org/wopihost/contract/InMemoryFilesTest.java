package org.wopihost.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wopihost.spi.WopiUser;

class InMemoryFilesTest {

    @TestFactory
    Stream<DynamicTest> keepsTheFilesContract() {
        InMemoryLockStore locks = new InMemoryLockStore(Clock.systemUTC());
        InMemoryFiles files = new InMemoryFiles(locks);
        FilesContract contract = new FilesContract(files, locks,
                () -> files.add("Report.docx", "v1".getBytes(StandardCharsets.UTF_8), "alice"),
                new WopiUser("alice", "Alice", null));
        return contract.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }
}
