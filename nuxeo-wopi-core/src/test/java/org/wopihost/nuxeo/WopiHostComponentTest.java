package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.wopihost.engine.ProofCheck;
import org.nuxeo.runtime.kv.KeyValueStore;

class WopiHostComponentTest {

    @Test
    void readsNuxeoConfKeysWithDefaults() {
        NuxeoWopiConfig cfg = NuxeoWopiConfig.read(Map.<String, String>of()::get);
        assertThat(cfg.settings().wopiPath()).isEqualTo("wopihost");
        assertThat(cfg.settings().publicUrl()).isEqualTo("http://localhost:8080/nuxeo/");
        assertThat(cfg.settings().tokenTtl()).isEqualTo(Duration.ofHours(10));
        assertThat(cfg.allowedGroup()).isEmpty();
        assertThat(cfg.enabledApps()).isEmpty();
    }

    @Test
    void readsTheGroupRestrictionAndApps() {
        NuxeoWopiConfig cfg = NuxeoWopiConfig.read(Map.of(
                "nuxeo.url", "https://ecm.example.com/nuxeo",
                "nuxeo.wopi.baseURL", "https://internal:8443/nuxeo/",
                "nuxeo.wopi.group", " office-users ",
                "nuxeo.wopi.apps", "Word, excel",
                "nuxeo.wopi.token.ttl", "45m")::get);
        assertThat(cfg.allowedGroup()).contains("office-users");
        assertThat(cfg.enabledApps()).isEqualTo(Set.of("word", "excel"));
        assertThat(cfg.settings().wopiSrc("ID")).isEqualTo("https://internal:8443/nuxeo/wopihost/files/ID");
        assertThat(cfg.settings().tokenTtl()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void aBadValueFailsAtStartNamingTheKey() {
        assertThatThrownBy(() -> NuxeoWopiConfig.read(Map.of("nuxeo.wopi.token.ttl", "soon")::get))
                .hasMessageContaining("nuxeo.wopi.token.ttl");
    }

    @Test
    void wiresThePortsOnOurOwnStore() {
        NuxeoServices services = Fixtures.services();
        when(services.keyValueStore("wopihost")).thenReturn(mock(KeyValueStore.class));
        WopiHostComponent component = new WopiHostComponent();
        component.init(Map.<String, String>of()::get, services, Clock.systemUTC());
        assertThat(component.platform().files()).isInstanceOf(NuxeoFiles.class);
        assertThat(component.platform().locks()).isSameAs(component.lockStore());
        assertThat(component.platform().tokens()).isInstanceOf(NuxeoAccessTokens.class);
        // No discovery URL: no WOPI client, nothing offered, nothing to check proofs against, no host pages.
        assertThat(component.apps()).isSameAs(WopiApps.NONE);
        assertThat(component.discovery()).isEmpty();
        assertThat(component.proofCheck()).isSameAs(ProofCheck.NONE);
        assertThat(component.hostPages()).isFalse();
    }

    @Test
    void discoveryRefreshSeamRunsAndSurvivesFailures() {
        NuxeoServices services = Fixtures.services();
        WopiHostComponent component = new WopiHostComponent();
        component.init(Map.of("nuxeo.wopi.discoveryURL", "https://onenote.officeapps.live.com/hosting/discovery")::get,
                services, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        component.setDiscoveryRefresh(runs::incrementAndGet); // runs once at install when a URL is set
        component.refreshDiscovery();
        assertThat(runs).hasValue(2);
        component.setDiscoveryRefresh(() -> {
            throw new IllegalStateException("unreachable");
        });
        component.refreshDiscovery(); // logged, not thrown
    }
}
