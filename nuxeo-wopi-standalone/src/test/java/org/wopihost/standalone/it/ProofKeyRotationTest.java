package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.MutableClock;
import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.MutableClock;

/** When the WOPI client rotates its keys, a failed check refreshes discovery, at most once a minute. */
class ProofKeyRotationTest {

    static final FakeWopiClientServer OFFICE = ProofKeyTest.start();
    static final MutableClock CLOCK = new MutableClock(java.time.Instant.now());

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.discoveryURL", OFFICE.discoveryUrl()), CLOCK);

    @AfterAll
    static void stopOffice() {
        OFFICE.close();
    }

    @Test
    void newKeysAreFetchedWhenSignaturesStopMatchingButBadRequestsDoNotHammerDiscovery() throws Exception {
        WopiClient alice = HOST.client("alice", "Quarterly Report", Permission.EDIT);
        assertThat(alice.signedBy(OFFICE.signer()).checkFileInfo().statusCode()).isEqualTo(200);
        int fetches = OFFICE.discoveryFetches();

        for (int i = 0; i < 20; i++) {
            assertThat(alice.checkFileInfo().statusCode()).isEqualTo(500); // unsigned
        }
        assertThat(OFFICE.discoveryFetches()).isLessThanOrEqualTo(fetches + 1);

        OFFICE.rotate();
        OFFICE.rotate(); // neither key we hold is valid any more
        CLOCK.advance(Duration.ofMinutes(2)); // past the refresh rate limit
        fetches = OFFICE.discoveryFetches();
        assertThat(alice.signedBy(OFFICE.signer()).checkFileInfo().statusCode()).isEqualTo(200);
        assertThat(OFFICE.discoveryFetches()).isEqualTo(fetches + 1);
    }
}
