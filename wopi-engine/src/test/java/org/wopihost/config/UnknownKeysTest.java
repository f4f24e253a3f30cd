package org.wopihost.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    private final UnknownKeys check = new UnknownKeys(ConfigKeys.ALL, List.of("nuxeo.wopi."));

    @Test
    void aMisspeltKeyIsNamedWithTheKeyItWasMeantToBe() {
        assertThat(check.warnings(List.of("nuxeo.wopi.tokn.ttl", "nuxeo.wopi.discoveryUrl")))
                .containsExactly("unknown configuration key nuxeo.wopi.discoveryUrl is ignored; did you mean nuxeo.wopi.discoveryURL?",
                        "unknown configuration key nuxeo.wopi.tokn.ttl is ignored; did you mean nuxeo.wopi.token.ttl?");
    }

    @Test
    void knownKeysAndOtherNamespacesPassSilently() {
        assertThat(check.warnings(List.of("nuxeo.wopi.token.ttl", "nuxeo.url", "nuxeo.db.name", "java.home"))).isEmpty();
    }

    @Test
    void aKeyLikeNoOtherListsTheKnownKeys() {
        assertThat(check.warnings(List.of("nuxeo.wopi.somethingElseEntirely")))
                .singleElement().asString().contains("is ignored (known keys: nuxeo.url, nuxeo.wopi.baseURL");
    }
}
