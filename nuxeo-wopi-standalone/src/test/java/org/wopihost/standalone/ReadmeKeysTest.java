package org.wopihost.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wopihost.config.ConfigKeys;
import org.wopihost.config.WopiSettings;
import org.wopihost.testclient.docs.KeyTable;

/** The README's key table is the standalone host's: every key it reads, no other, with the code's defaults. */
class ReadmeKeysTest {

    @Test
    void theKeyTableListsExactlyTheKeysTheHostReads() throws Exception {
        Map<String, String> table = KeyTable.read(KeyTable.repositoryRoot().resolve("README.md"), "Configuration");
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(StandaloneConfig.KEYS);
        WopiSettings defaults = WopiSettings.from(Map.of(), StandaloneHost.WOPI_PATH, "http://127.0.0.1:8090/");
        assertThat(table.get(ConfigKeys.TOKEN_TTL)).isEqualTo("`" + defaults.tokenTtl().toHours() + "h`");
        assertThat(table.get(ConfigKeys.MAX_FILE_SIZE)).isEqualTo("`" + defaults.maxFileSize() + "`");
        assertThat(table.get(StandaloneConfig.VERSIONS_KEPT)).isEqualTo("`" + StandaloneConfig.versionsKept(Map.of()) + "`");
        assertThat(table.get(StandaloneConfig.HTTP_IDLE_TIMEOUT)).isEqualTo("`" + StandaloneConfig.DEFAULT_HTTP_IDLE_TIMEOUT + "`");
        assertThat(table.get(StandaloneConfig.HTTP_MIN_UPLOAD_RATE))
                .isEqualTo("`" + StandaloneConfig.DEFAULT_HTTP_MIN_UPLOAD_RATE + "`");
        assertThat(table.get(StandaloneConfig.HTTP_THREADS_PER_CLIENT))
                .isEqualTo("`" + StandaloneConfig.DEFAULT_HTTP_THREADS_PER_CLIENT + "`");
    }
}
