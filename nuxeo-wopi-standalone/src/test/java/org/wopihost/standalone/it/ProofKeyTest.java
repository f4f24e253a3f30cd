package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** With a WOPI client whose discovery publishes proof keys, only requests it signed get through. */
class ProofKeyTest {

    static final FakeWopiClientServer OFFICE = start();

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.discoveryURL", OFFICE.discoveryUrl()),
            Clock.systemUTC());

    static FakeWopiClientServer start() {
        try {
            return new FakeWopiClientServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopOffice() {
        OFFICE.close();
    }

    WopiClient alice() {
        return HOST.client("alice", "Quarterly Report", Permission.EDIT);
    }

    static WopiClient.Signer signedWith(KeyPair proof, KeyPair proofOld, Instant when) {
        return (request, token, url) -> FakeWopiClientServer.sign(request, token, url, proof, proofOld, when);
    }

    @Test
    void requestsSignedByTheClientPass() {
        WopiClient signed = alice().signedBy(OFFICE.signer());
        assertThat(signed.checkFileInfo().statusCode()).isEqualTo(200);
        assertThat(signed.getFile().statusCode()).isEqualTo(200);
        assertThat(signed.getLock().statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedRequestsAreRefusedWith500() {
        assertThat(alice().checkFileInfo().statusCode()).isEqualTo(500);
        assertThat(alice().getFile().statusCode()).isEqualTo(500);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        KeyPair stranger = FakeWopiClientServer.newKeyPair();
        assertThat(alice().signedBy(signedWith(stranger, stranger, Instant.now())).checkFileInfo().statusCode())
                .isEqualTo(500);
        // X-WOPI-ProofOld is only ever checked against the current key, never the old one
        assertThat(alice().signedBy(signedWith(stranger, OFFICE.oldKey(), Instant.now())).checkFileInfo()
                .statusCode()).isEqualTo(500);
    }

    @Test
    void keyRotationIsAcceptedBothWays() throws Exception {
        KeyPair stranger = FakeWopiClientServer.newKeyPair();
        // X-WOPI-ProofOld made with the current key (the client rotated, we have not yet)
        assertThat(alice().signedBy(signedWith(stranger, OFFICE.currentKey(), Instant.now())).checkFileInfo()
                .statusCode()).isEqualTo(200);
        // X-WOPI-Proof made with our old key (we rotated, the client's header is behind)
        assertThat(alice().signedBy(signedWith(OFFICE.oldKey(), null, Instant.now())).checkFileInfo().statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStaleTimestampIsRefused() {
        Instant stale = Instant.now().minus(Duration.ofMinutes(21));
        assertThat(alice().signedBy(signedWith(OFFICE.currentKey(), OFFICE.oldKey(), stale)).checkFileInfo().statusCode())
                .isEqualTo(500);
        Instant recent = Instant.now().minus(Duration.ofMinutes(19));
        assertThat(alice().signedBy(signedWith(OFFICE.currentKey(), OFFICE.oldKey(), recent)).checkFileInfo().statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSignatureForAnotherUrlIsRefused() {
        WopiClient alice = alice();
        WopiClient.Signer otherUrl = (request, token, url) -> FakeWopiClientServer.sign(request, token,
                url.replace("/wopi/files/", "/wopi/files/x"), OFFICE.currentKey(), OFFICE.oldKey(), Instant.now());
        assertThat(alice.signedBy(otherUrl).checkFileInfo().statusCode()).isEqualTo(500);
    }

    @Test
    void aSignatureForAnotherTokenIsRefused() {
        WopiClient alice = alice();
        String otherToken = HOST.token("alice", HOST.fileId("Quarterly Report"), Permission.VIEW).token();
        WopiClient.Signer wrongToken = (request, token, url) -> FakeWopiClientServer.sign(request, otherToken, url,
                OFFICE.currentKey(), OFFICE.oldKey(), Instant.now());
        assertThat(alice.signedBy(wrongToken).checkFileInfo().statusCode()).isEqualTo(500);
    }
}
