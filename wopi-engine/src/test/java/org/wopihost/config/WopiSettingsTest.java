package org.wopihost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WopiSettingsTest {

    @Test
    void defaults() {
        WopiSettings s = WopiSettings.from(Map.of(), "wopi", "http://localhost:8090");
        assertThat(s.publicUrl()).isEqualTo("http://localhost:8090/");
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8090/");
        assertThat(s.wopiSrc("ID")).isEqualTo("http://localhost:8090/wopi/files/ID");
        assertThat(s.tokenTtl()).isEqualTo(Duration.ofHours(10));
        assertThat(s.maxFileSize()).isEqualTo(512L * 1024 * 1024);
        assertThat(s.proofKeysEnabled()).isTrue();
        assertThat(s.businessUsers()).isFalse();
        assertThat(s.discoveryUrl()).isNull();
    }

    @Test
    void readsEveryKey() {
        WopiSettings s = WopiSettings.from(Map.of(
                ConfigKeys.PUBLIC_URL, "https://ecm.example.com/nuxeo",
                ConfigKeys.BASE_URL, "https://wopi.example.com/nuxeo/",
                ConfigKeys.DISCOVERY_URL, "https://office.example.com/hosting/discovery",
                ConfigKeys.TOKEN_TTL, "45m",
                ConfigKeys.MAX_FILE_SIZE, "1000",
                ConfigKeys.PROOF_KEYS_ENABLED, "false",
                ConfigKeys.BUSINESS_USERS, "TRUE",
                ConfigKeys.NET_ZONE, "external-https"), "wopihost", "http://unused/");
        assertThat(s.wopiSrc("ID")).isEqualTo("https://wopi.example.com/nuxeo/wopihost/files/ID");
        assertThat(s.publicUrl()).isEqualTo("https://ecm.example.com/nuxeo/");
        assertThat(s.tokenTtl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(s.maxFileSize()).isEqualTo(1000);
        assertThat(s.proofKeysEnabled()).isFalse();
        assertThat(s.businessUsers()).isTrue();
        assertThat(s.netZone()).isEqualTo("external-https");
        assertThat(WopiSettings.from(Map.of(ConfigKeys.TOKEN_TTL, "PT2H"), "wopi", "http://h/").tokenTtl())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void badValuesFailAtStartNamingTheKey() {
        for (Map.Entry<String, String> bad : Map.of(
                ConfigKeys.BASE_URL, "ftp://x/",
                ConfigKeys.TOKEN_TTL, "forever",
                ConfigKeys.MAX_FILE_SIZE, "-1",
                ConfigKeys.PROOF_KEYS_ENABLED, "yes",
                ConfigKeys.DOWNLOAD_URL, "not a url {docId}",
                ConfigKeys.VIEWER_RESTRICTIONS, "export, screenshot",
                ConfigKeys.TEMPLATE_URL, "blank.{extension}").entrySet()) {
            assertThatThrownBy(() -> WopiSettings.from(Map.of(bad.getKey(), bad.getValue()), "wopi", "http://h/"))
                    .as(bad.getKey()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.getKey());
        }
    }
}
