package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.testclient.WopiClient;

/**
 * Whatever a client gets wrong is answered with a 4xx, never a 500: malformed URLs, header bytes
 * that are not UTF-7, paths we do not serve, bodies that stall or trickle.
 */
class ClientMistakesTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of(
            StandaloneConfig.HTTP_IDLE_TIMEOUT, "2",
            StandaloneConfig.HTTP_MIN_UPLOAD_RATE, "1000"), Clock.systemUTC());

    static final byte[] CONTENT = "unchanged".getBytes(StandardCharsets.UTF_8);
    /** 日本 as raw UTF-8 bytes: not UTF-7, which is 7-bit. */
    static final byte[] RAW_UTF8 = "日本".getBytes(StandardCharsets.UTF_8);

    String fileName;
    String fileId;
    WopiClient alice;
    URI wopiSrc;

    @BeforeEach
    void freshFile() throws Exception {
        fileName = "mistakes-" + System.nanoTime() + ".docx";
        fileId = HOST.newDocument(fileName, CONTENT);
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        wopiSrc = URI.create(alice.wopiSrc());
    }

    @Test
    void malformedPercentEscapesInTheQueryAreBadRequests() throws Exception {
        for (String query : List.of("%zz=1", "access_token=%", "access_token=%g0", "a=1&%=2&access_token="
                + alice.token())) {
            try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
                assertThat(http.head("GET", wopiSrc.getRawPath() + "?" + query).response().status()).as(query)
                        .isEqualTo(400);
            }
        }
        // A well-formed query still works.
        assertThat(alice.checkFileInfo().statusCode()).isEqualTo(200);
    }

    @Test
    void rawBytesInARequestedNameAreABadRequestThatSaysWhy() throws Exception {
        alice.lock("L");
        RawHttp.Response r = post("RENAME_FILE", RawHttp.header("X-WOPI-Lock", "L"),
                RawHttp.header("X-WOPI-RequestedName", RAW_UTF8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("X-WOPI-InvalidFileNameError")).isNotBlank();
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo(fileName);
    }

    @Test
    void rawBytesInPutRelativeTargetsAreBadRequestsAndCreateNothing() throws Exception {
        byte[] name = (new String(RAW_UTF8, StandardCharsets.ISO_8859_1) + ".docx").getBytes(StandardCharsets.ISO_8859_1);
        for (String header : List.of("X-WOPI-RelativeTarget", "X-WOPI-SuggestedTarget")) {
            RawHttp.Response r = post("PUT_RELATIVE", RawHttp.header(header, name),
                    RawHttp.header("Content-Length", "0"));
            assertThat(r.status()).as(header).isEqualTo(400);
        }
        // Nothing named in mojibake, nor anything else, was created next to the file.
        assertThat(HOST.documents().find("日本.docx")).isEmpty();
        assertThat(HOST.documents().find("\uFFE6\uFF97\uFFA5\uFFE6\uFF9C\uFFAC.docx")).isEmpty();
    }

    @Test
    void unknownSubPathsOfAFileAreNotFound() {
        for (String path : List.of("/no-such-thing", "/contents/more", "/", "/ancestry/x")) {
            assertThat(alice.request("GET", path, null, null).statusCode()).as("GET " + path).isEqualTo(404);
            assertThat(alice.request("POST", path, "LOCK", new byte[0], "X-WOPI-Lock", "L").statusCode())
                    .as("POST " + path).isEqualTo(404);
        }
        assertThat(header(alice.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void jettysOwnErrorPagesAreNeverSniffed() throws Exception {
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            RawHttp.Response badUri = http.head("GET", "/%zz").response();
            assertThat(badUri.status()).isEqualTo(400);
            assertThat(badUri.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            RawHttp.Response badHeader = http.head("GET", "/", "Bad Header".getBytes(StandardCharsets.US_ASCII))
                    .response();
            assertThat(badHeader.status()).isEqualTo(400);
            assertThat(badHeader.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            RawHttp.Response notFound = http.head("GET", "/wopi/nothing-here").response();
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void anUploadThatStallsIsARequestTimeoutAndSavesNothing() throws Exception {
        alice.lock("L");
        String version = alice.fileInfo().get("Version").asText();
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            http.head("POST", wopiSrc.getRawPath() + "/contents?access_token=" + alice.token(),
                    RawHttp.header("X-WOPI-Override", "PUT"), RawHttp.header("X-WOPI-Lock", "L"),
                    RawHttp.header("Content-Length", "100000"));
            http.send(new byte[20000]); // more than the host reads ahead, then nothing
            assertThat(http.response().status()).isIn(408, 400);
        }
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(version);
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
    }

    @Test
    void anUploadThatTricklesIsARequestTimeout() throws Exception {
        alice.lock("L");
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            http.head("POST", wopiSrc.getRawPath() + "/contents?access_token=" + alice.token(),
                    RawHttp.header("X-WOPI-Override", "PUT"), RawHttp.header("X-WOPI-Lock", "L"),
                    RawHttp.header("Content-Length", "100"));
            CountDownLatch answered = new CountDownLatch(1);
            // A byte every 300 ms: never idle for the 2 s idle timeout, far below 1000 bytes/s.
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 99 && !answered.await(300, TimeUnit.MILLISECONDS); i++) {
                        http.send(new byte[] {'x'});
                    }
                } catch (Exception e) {
                    // the host closed the connection: what it should do
                }
            });
            int status = http.response().status();
            answered.countDown();
            trickle.get(10, TimeUnit.SECONDS);
            assertThat(status).isEqualTo(408);
        }
        assertThat(alice.getFile().body()).isEqualTo(CONTENT);
    }

    private RawHttp.Response post(String override, byte[]... headers) throws Exception {
        byte[][] all = new byte[headers.length + 1][];
        all[0] = RawHttp.header("X-WOPI-Override", override);
        System.arraycopy(headers, 0, all, 1, headers.length);
        try (RawHttp http = RawHttp.open(alice.wopiSrc())) {
            return http.head("POST", wopiSrc.getRawPath() + "?access_token=" + alice.token(), all).response();
        }
    }
}
