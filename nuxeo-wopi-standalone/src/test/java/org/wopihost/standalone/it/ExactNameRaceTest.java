package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.WopiUser;

/** Creations that demand an exact name cannot both get it, however they race. */
class ExactNameRaceTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @Test
    void onlyOneOfManyRacingCreationsGetsTheName() throws Exception {
        Files files = HOST.server().host().platform().files();
        FileRef near = FileIdCodec.decode(HOST.fileId("Quarterly Report")).orElseThrow();
        WopiUser alice = new WopiUser("alice", "Alice", null);
        String name = "Contested-" + System.nanoTime() + ".docx";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> files.createSibling(near, name, new ByteArrayInputStream(new byte[] {1}),
                        alice, true)));
            }
            int created = 0;
            int refused = 0;
            for (Future<?> f : attempts) {
                try {
                    f.get();
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(FileAlreadyExistsException.class);
                    refused++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(refused).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> files.createSibling(near, name.toUpperCase(),
                new ByteArrayInputStream(new byte[] {1}), alice, true)).isInstanceOf(FileAlreadyExistsException.class);
        // without the demand for an exact name, the content is kept even under a taken name
        assertThat(files.createSibling(near, name, new ByteArrayInputStream(new byte[] {2}), alice, false)).isNotNull();
    }
}
