package org.wopihost.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreMadeOnceAndReadableByTheOwnerOnly() throws Exception {
        DataFolder data = new DataFolder(dir);
        String secret = data.jwtSecret();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(86); // 64 random bytes, base64url
        assertThat(new DataFolder(dir).jwtSecret()).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
        DataFolder.writeOwnerOnly(dir.resolve("initial-passwords"), "alice=x\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("initial-passwords"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void processesStartingTogetherAgreeOnOneSecret() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> secrets = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                secrets.add(pool.submit(() -> new DataFolder(dir).jwtSecret()));
            }
            String first = secrets.get(0).get();
            for (Future<String> s : secrets) {
                assertThat(s.get()).isEqualTo(first);
            }
            assertThat(Files.readString(dir.resolve("jwt-secret")).trim()).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }
}
