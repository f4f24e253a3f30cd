package org.wopihost.standalone.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.contract.FilesContract;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/** The Files contract on the standalone host's files on disk and SQL. */
class FilesContractTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @TestFactory
    Stream<DynamicTest> keepsTheFilesContract() {
        WopiPlatform platform = HOST.server().host().platform();
        FilesContract contract = new FilesContract(platform.files(), platform.locks(), FilesContractTest::freshFile,
                new WopiUser("alice", "Alice", null));
        return contract.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }

    private static FileRef freshFile() {
        try {
            return FileIdCodec.decode(HOST.newDocument("contract-" + System.nanoTime() + ".docx", "v1".getBytes()))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
