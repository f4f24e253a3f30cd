package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** The host page: a login, then a form that posts a fresh token for one file into the client's frame. */
class HostPageTest {

    static final FakeWopiClientServer OFFICE = ProofKeyTest.start();

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.discoveryURL", OFFICE.discoveryUrl(),
            "nuxeo.wopi.businessUsers", "true"), Clock.systemUTC());

    static final Pattern ACTION = Pattern.compile("<form id=\"office_form\"[^>]* action=\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("name=\"access_token\" value=\"([^\"]+)\"");
    static final Pattern TTL = Pattern.compile("name=\"access_token_ttl\" value=\"(\\d+)\"");

    @AfterAll
    static void stopOffice() {
        OFFICE.close();
    }

    static String password(String user) throws Exception {
        return HOST.password(user);
    }

    static HttpResponse<byte[]> open(String action, String fileId, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(HOST.server().url() + "wopi/" + action + "/" + fileId))
                .header("Accept-Language", "fr-FR");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return WopiClient.send(b.GET().build());
    }

    static String html(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("%s in %s", p, html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void withoutALoginThePageAsksForOne() throws Exception {
        String fileId = HOST.fileId("Quarterly Report");
        HttpResponse<byte[]> anonymous = open("edit", fileId, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(open("edit", fileId, "alice", "wrong").statusCode()).isEqualTo(401);
        assertThat(open("edit", fileId, "alice", password("bob")).statusCode()).isEqualTo(401);
    }

    @Test
    void theEditPagePostsAnEditTokenForThatFileToTheEditAction() throws Exception {
        String fileId = HOST.fileId("Quarterly Report");
        HttpResponse<byte[]> page = open("edit", fileId, "alice", password("alice"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String html = html(page);
        String action = group(ACTION, html);
        String wopiSrc = HOST.server().host().settings().wopiSrc(fileId);
        assertThat(action).startsWith(OFFICE.editorUrl() + "?").contains("ui=fr-FR").contains("IsLicensedUser=1")
                .doesNotContain("<").doesNotContain(">");
        assertThat(URLDecoder.decode(action.substring(action.indexOf("wopisrc=") + 8).split("&")[0],
                StandardCharsets.UTF_8)).isEqualTo(wopiSrc);
        // the frame is made by script, never a static iframe that would load twice
        assertThat(html).doesNotContain("<iframe").contains("createElement('iframe')").contains(".submit()");

        String token = group(TOKEN, html);
        long ttl = Long.parseLong(group(TTL, html));
        assertThat(Instant.ofEpochMilli(ttl)).isAfter(Instant.now().plusSeconds(9 * 3600));
        JsonNode info = new WopiClient(wopiSrc, token).signedBy(OFFICE.signer()).fileInfo();
        assertThat(info.get("UserId").asText()).isEqualTo("alice");
        assertThat(info.get("UserCanWrite").asBoolean()).isTrue();
        assertThat(info.get("HostEditUrl").asText()).isEqualTo(HOST.server().url() + "wopi/edit/" + fileId);
        assertThat(info.get("HostViewUrl").asText()).isEqualTo(HOST.server().url() + "wopi/view/" + fileId);
        assertThat(info.get("PostMessageOrigin").asText()).isEqualTo(HOST.server().url().replaceAll("/$", ""));
        assertThat(info.get("LicenseCheckForEditIsEnabled").asBoolean()).isTrue();

        // the token opens that file only
        String other = HOST.server().host().settings().wopiSrc(HOST.fileId("Budget 2027"));
        assertThat(new WopiClient(other, token).signedBy(OFFICE.signer()).checkFileInfo().statusCode()).isEqualTo(401);
    }

    @Test
    void aReaderAskingToEditGetsTheViewerAndAViewToken() throws Exception {
        String fileId = HOST.fileId("Quarterly Report");
        String html = html(open("edit", fileId, "bob", password("bob")));
        assertThat(group(ACTION, html)).contains("wordviewerframe");
        String token = group(TOKEN, html);
        JsonNode info = new WopiClient(HOST.server().host().settings().wopiSrc(fileId), token).signedBy(OFFICE.signer())
                .fileInfo();
        assertThat(info.get("UserCanWrite").asBoolean()).isFalse();
        assertThat(info.has("HostEditUrl")).isFalse();
    }

    @Test
    void anEmptyFileOpensInTheNewDocumentFlowAndALegacyOneIsConverted() throws Exception {
        String empty = HOST.newDocument("Blank-" + System.nanoTime() + ".docx", new byte[0]);
        assertThat(group(ACTION, html(open("edit", empty, "alice", password("alice"))))).contains("new=1");
        String legacy = HOST.newDocument("Old-" + System.nanoTime() + ".doc", new byte[] {1, 2, 3});
        assertThat(group(ACTION, html(open("edit", legacy, "alice", password("alice"))))).contains("wordconvertframe");
        // a reader may not save the converted copy: the viewer
        assertThat(group(ACTION, html(open("edit", legacy, "bob", password("bob"))))).contains("wordviewerframe");
    }

    @Test
    void filesTheClientCannotOpenOrTheUserCannotSeeAreNotFound() throws Exception {
        // The fake client only has Word actions.
        assertThat(open("view", HOST.fileId("Budget 2027"), "alice", password("alice")).statusCode()).isEqualTo(404);
        assertThat(open("view", "not-an-id", "alice", password("alice")).statusCode()).isEqualTo(404);
        String privateDoc = HOST.documents().createDocument("Private", "alice");
        HOST.documents().addFile(privateDoc, "file:content", "Private.docx",
                new java.io.ByteArrayInputStream(new byte[] {1}), "alice");
        String fileId = HOST.fileId("Private");
        assertThat(open("view", fileId, "bob", password("bob")).statusCode()).isEqualTo(404);
        assertThat(open("view", fileId, "alice", password("alice")).statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexListsWhatTheUserMayReadWithHostPageLinks() throws Exception {
        String privateDoc = HOST.documents().createDocument("Alice only", "alice");
        HOST.documents().addFile(privateDoc, "file:content", "Alice only.docx",
                new java.io.ByteArrayInputStream(new byte[] {1}), "alice");
        java.util.function.Function<String, String> index = user -> {
            try {
                return html(WopiClient.send(HttpRequest.newBuilder(URI.create(HOST.server().url()))
                        .header("Authorization", HOST.basicAuth(user)).GET().build()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String alice = index.apply("alice");
        String bob = index.apply("bob");
        String reportId = HOST.fileId("Quarterly Report");
        assertThat(alice).contains("Alice only.docx", "wopi/edit/" + reportId, "wopi/view/" + reportId);
        assertThat(bob).contains("Quarterly Report.docx", "wopi/view/" + reportId)
                .doesNotContain("Alice only.docx").doesNotContain("wopi/edit/");
        assertThat(WopiClient.send(HttpRequest.newBuilder(URI.create(HOST.server().url())).GET().build()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void checkFileInfoAdvertisesExactlyTheMessagesThePageHandles() throws Exception {
        String fileId = HOST.fileId("Quarterly Report");
        String wopiSrc = HOST.server().host().settings().wopiSrc(fileId);
        JsonNode editing = new WopiClient(wopiSrc, group(TOKEN, html(open("edit", fileId, "alice", password("alice")))))
                .signedBy(OFFICE.signer()).fileInfo();
        assertThat(editing.get("ClosePostMessage").asBoolean()).isTrue();
        assertThat(editing.get("EditNotificationPostMessage").asBoolean()).isTrue();
        assertThat(editing.get("EditModePostMessage").asBoolean()).isTrue();
        // no sharing or versions page is configured here
        assertThat(editing.get("FileSharingPostMessage").asBoolean()).isFalse();
        assertThat(editing.get("FileVersionPostMessage").asBoolean()).isFalse();
        // a writer's viewer offers the editor (UI_Edit); a reader's does not
        JsonNode aliceViewing = new WopiClient(wopiSrc, group(TOKEN, html(open("view", fileId, "alice", password("alice")))))
                .signedBy(OFFICE.signer()).fileInfo();
        assertThat(aliceViewing.get("UserCanWrite").asBoolean()).isFalse();
        assertThat(aliceViewing.get("EditModePostMessage").asBoolean()).isTrue();
        assertThat(aliceViewing.get("HostEditUrl").asText()).isEqualTo(HOST.server().url() + "wopi/edit/" + fileId);
        JsonNode bobViewing = new WopiClient(wopiSrc, group(TOKEN, html(open("view", fileId, "bob", password("bob")))))
                .signedBy(OFFICE.signer()).fileInfo();
        assertThat(bobViewing.get("EditModePostMessage").asBoolean()).isFalse();
    }

    @Test
    void thePageRenewsItsTokenWithAScriptOnlyPost() throws Exception {
        String fileId = HOST.fileId("Quarterly Report");
        URI page = URI.create(HOST.server().url() + "wopi/view/" + fileId);
        HttpRequest.Builder post = HttpRequest.newBuilder(page).header("Authorization", HOST.basicAuth("alice"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(WopiClient.send(post.build()).statusCode()).as("a plain form post").isEqualTo(400);
        HttpResponse<byte[]> fresh = WopiClient.send(post.header("X-WOPI-Host-Page", "token").build());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fresh.body());
        assertThat(Instant.ofEpochMilli(json.get("access_token_ttl").asLong())).isAfter(Instant.now());
        JsonNode info = new WopiClient(HOST.server().host().settings().wopiSrc(fileId), json.get("access_token").asText())
                .signedBy(OFFICE.signer()).fileInfo();
        assertThat(info.get("UserId").asText()).isEqualTo("alice");
        assertThat(info.get("UserCanWrite").asBoolean()).as("the viewer's page renews a view token").isFalse();
        assertThat(WopiClient.send(HttpRequest.newBuilder(page).header("X-WOPI-Host-Page", "token")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).as("no login").isEqualTo(401);
    }

    @Test
    void checkFileInfoLinksToTheHostPagesAndTheyServeForThatToken() {
        WopiClient alice = HOST.client("alice", "Quarterly Report", Permission.EDIT).signedBy(OFFICE.signer());
        JsonNode info = alice.fileInfo();
        assertThat(info.get("CloseUrl").asText()).isEqualTo(HOST.server().url());
        assertThat(info.get("HostViewUrl").asText()).startsWith(HOST.server().url() + "wopi/view/");
    }
}
