package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** Autosaves do not pile up forever: the newest versions are kept, the oldest go with their files. */
class VersionRetentionTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("standalone.versions.kept", "3"), Clock.systemUTC());

    static long blobFiles() throws Exception {
        try (var walk = Files.walk(HOST.dataDir().resolve("blobs"))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void onlyTheNewestVersionsAreKept() throws Exception {
        String fileId = HOST.newDocument("autosaved.docx", "v1".getBytes());
        WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        long before = blobFiles();
        alice.lock("L");
        String last = null;
        for (int i = 2; i <= 7; i++) {
            last = header(alice.putFile(("v" + i).getBytes(), "X-WOPI-Lock", "L"), "X-WOPI-ItemVersion");
        }
        assertThat(last).isEqualTo("7");
        assertThat(alice.getFile().body()).isEqualTo("v7".getBytes());
        // v1 was one file; v5, v6 and v7 remain
        assertThat(blobFiles()).isEqualTo(before - 1 + 3);
    }
}
