package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wopihost.config.ConfigKeys;
import org.wopihost.config.WopiSettings;
import org.wopihost.testclient.docs.KeyTable;

/** The administrator's guide's key table is the add-on's: every key it reads, no other, with the code's defaults. */
class AdminGuideKeysTest {

    @Test
    void theKeyTableListsExactlyTheKeysTheAddOnReads() throws Exception {
        Map<String, String> table = KeyTable.read(KeyTable.repositoryRoot().resolve("docs/nuxeo-admin.md"),
                "nuxeo.conf keys");
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(NuxeoConfigKeys.ALL);
        WopiSettings defaults = NuxeoWopiConfig.read(Map.<String, String>of()::get).settings();
        assertThat(table.get(ConfigKeys.TOKEN_TTL)).contains("`" + defaults.tokenTtl().toHours() + "h`");
        assertThat(table.get(ConfigKeys.MAX_FILE_SIZE)).contains("`" + defaults.maxFileSize() + "`");
        assertThat(table.get(ConfigKeys.PUBLIC_URL)).contains(NuxeoWopiConfig.DEFAULT_URL);
    }
}
