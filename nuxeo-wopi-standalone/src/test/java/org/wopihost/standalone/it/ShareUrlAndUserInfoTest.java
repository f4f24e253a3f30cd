package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.json;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** GetShareUrl and PutUserInfo over HTTP. */
class ShareUrlAndUserInfoTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    String unique;
    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        unique = String.valueOf(System.nanoTime());
        fileId = HOST.newDocument("share-" + unique + ".docx", "shared".getBytes());
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    // --- GetShareUrl ---

    @Test
    void checkFileInfoDeclaresBothShareUrlTypes() {
        assertThat(alice.fileInfo().get("SupportedShareUrlTypes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ReadOnly", "ReadWrite");
    }

    @Test
    void readOnlyAndReadWriteShareUrlsOpenTheFileInViewAndEdit() {
        HttpResponse<byte[]> readOnly = alice.getShareUrl("ReadOnly");
        assertThat(readOnly.statusCode()).isEqualTo(200);
        String viewUrl = json(readOnly).get("ShareUrl").asText();
        assertThat(viewUrl).startsWith("http").endsWith("/view/" + fileId);

        HttpResponse<byte[]> readWrite = alice.getShareUrl("ReadWrite");
        assertThat(readWrite.statusCode()).isEqualTo(200);
        String editUrl = json(readWrite).get("ShareUrl").asText();
        assertThat(editUrl).startsWith("http").endsWith("/edit/" + fileId);
        // A share URL carries no access token: whoever opens it signs in with their own rights.
        assertThat(viewUrl + editUrl).doesNotContain("access_token");
    }

    @Test
    void aReaderMayAskForAReadOnlyShareUrl() {
        HttpResponse<byte[]> r = HOST.clientFor("bob", fileId, Permission.VIEW).getShareUrl("ReadOnly");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("ShareUrl").asText()).endsWith("/view/" + fileId);
    }

    @Test
    void unknownOrMissingShareUrlTypesAreNotImplemented() {
        assertThat(alice.getShareUrl("UnknownType").statusCode()).isEqualTo(501);
        assertThat(alice.getShareUrl("readonly").statusCode()).isEqualTo(501);
        assertThat(alice.override("GET_SHARE_URL").statusCode()).isEqualTo(501);
    }

    @Test
    void aBadTokenIsRefusedBeforeTheType() {
        assertThat(alice.withToken("not-a-token").getShareUrl("UnknownType").statusCode()).isEqualTo(401);
    }

    // --- PutUserInfo ---

    @Test
    void userInfoIsKeptPerUserAndReturnedInCheckFileInfo() throws Exception {
        String info = "alice-info-" + unique;
        assertThat(alice.putUserInfo(info).statusCode()).isEqualTo(200);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo(info);
        // Per user, not per file: another of alice's files, with another token, sees it too.
        String other = HOST.newDocument("other-" + unique + ".docx", "x".getBytes());
        assertThat(HOST.clientFor("alice", other, Permission.VIEW).fileInfo().get("UserInfo").asText())
                .isEqualTo(info);
        // Bob does not see alice's.
        JsonNode bobs = HOST.clientFor("bob", fileId, Permission.VIEW).fileInfo();
        assertThat(bobs.has("UserInfo") ? bobs.get("UserInfo").asText() : null).isNotEqualTo(info);
    }

    @Test
    void eachUserKeepsTheirOwn() {
        WopiClient bob = HOST.clientFor("bob", fileId, Permission.VIEW);
        assertThat(alice.putUserInfo("alice-" + unique).statusCode()).isEqualTo(200);
        assertThat(bob.putUserInfo("bob-" + unique).statusCode()).isEqualTo(200);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo("alice-" + unique);
        assertThat(bob.fileInfo().get("UserInfo").asText()).isEqualTo("bob-" + unique);
        // The latest value wins.
        assertThat(alice.putUserInfo("alice-again-" + unique).statusCode()).isEqualTo(200);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo("alice-again-" + unique);
        assertThat(bob.fileInfo().get("UserInfo").asText()).isEqualTo("bob-" + unique);
    }

    @Test
    void userInfoOfUpTo1024CharactersIsKeptLongerIsABadRequest() {
        String max = ("u" + unique).repeat(100).substring(0, 1024);
        assertThat(alice.putUserInfo(max).statusCode()).isEqualTo(200);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo(max);
        assertThat(alice.putUserInfo(max + "x").statusCode()).isEqualTo(400);
        assertThat(alice.putUserInfo("x".repeat(100_000)).statusCode()).isEqualTo(400);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo(max);
    }

    @Test
    void aBadTokenStoresNothing() {
        assertThat(alice.putUserInfo("before-" + unique).statusCode()).isEqualTo(200);
        assertThat(alice.withToken("not-a-token").putUserInfo("intruder").statusCode()).isEqualTo(401);
        assertThat(alice.fileInfo().get("UserInfo").asText()).isEqualTo("before-" + unique);
    }
}
