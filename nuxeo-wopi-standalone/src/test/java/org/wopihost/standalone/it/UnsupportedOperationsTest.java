package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * What the host does not implement answers 501, but only to a valid token: a bad token is 401
 * whatever it asks for, so nobody learns what the host offers without one.
 */
class UnsupportedOperationsTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final List<String> UNKNOWN_OVERRIDES = List.of("COBALT", "GET_RESTRICTED_LINK", "REVOKE_RESTRICTED_LINK",
            "READ_SECURE_STORE", "CHECK_FOLDER_INFO", "ADD_ACTIVITIES", "PUT", "NO_SUCH_OPERATION");

    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        fileId = HOST.newDocument("unsupported-" + System.nanoTime() + ".docx", "content".getBytes());
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    @Test
    void unknownOverridesAreNotImplemented() {
        for (String override : UNKNOWN_OVERRIDES) {
            assertThat(alice.override(override).statusCode()).as(override).isEqualTo(501);
        }
        // Also for a reader: the operation is unknown before it is forbidden.
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).override("COBALT").statusCode()).isEqualTo(501);
    }

    @Test
    void aPostWithoutAnOverrideIsNotImplemented() {
        assertThat(alice.request("POST", "", null, new byte[0]).statusCode()).isEqualTo(501);
    }

    @Test
    void fileOverridesOnTheContentsEndpointAreNotImplemented() {
        assertThat(alice.request("POST", "/contents", "LOCK", new byte[0], "X-WOPI-Lock", "L").statusCode())
                .isEqualTo(501);
        assertThat(alice.request("POST", "/contents", "GET_LOCK", new byte[0]).statusCode()).isEqualTo(501);
        // and nothing was locked
        assertThat(WopiClient.header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void theSpecsOtherFileEndpointsAreNotImplemented() {
        for (String path : List.of("/ancestry", "/ecosystem_pointer")) {
            assertThat(alice.request("GET", path, null, null).statusCode()).as("GET " + path).isEqualTo(501);
            assertThat(alice.request("POST", path, "LOCK", new byte[0], "X-WOPI-Lock", "L").statusCode())
                    .as("POST " + path).isEqualTo(501);
        }
        assertThat(WopiClient.header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void otherMethodsAreNotImplemented() {
        assertThat(alice.request("PUT", "", null, "x".getBytes()).statusCode()).isIn(405, 501);
        assertThat(alice.request("DELETE", "", null, null).statusCode()).isIn(405, 501);
        assertThat(alice.getFile().body()).isEqualTo("content".getBytes());
    }

    @Test
    void aBadTokenIsRefusedBeforeTheOperationIsLookedUp() {
        WopiClient bad = alice.withToken("not-a-token");
        for (String override : UNKNOWN_OVERRIDES) {
            assertThat(bad.override(override).statusCode()).as(override).isEqualTo(401);
        }
        assertThat(bad.request("GET", "/ancestry", null, null).statusCode()).isEqualTo(401);
        assertThat(bad.request("POST", "", null, new byte[0]).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherFileIsRefusedBeforeTheOperationIsLookedUp() throws Exception {
        String other = HOST.newDocument("other-" + System.nanoTime() + ".docx", "x".getBytes());
        WopiClient wrongFile = alice.withToken(HOST.token("alice", other, Permission.EDIT).token());
        assertThat(wrongFile.override("COBALT").statusCode()).isEqualTo(401);
        assertThat(wrongFile.request("GET", "/ancestry", null, null).statusCode()).isEqualTo(401);
    }
}
