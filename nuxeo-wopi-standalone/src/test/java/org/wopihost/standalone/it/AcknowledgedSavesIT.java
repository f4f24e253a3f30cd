package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.testclient.WopiClient;

/**
 * A save answered 200 is on disk: the packaged server is killed ({@code kill -9}, as the OOM killer
 * does) right after the last answer, restarted, and serves that save with its version. Versions are
 * never given twice.
 */
class AcknowledgedSavesIT {

    static final int ROUNDS = 3;
    static final int SAVES = 10;

    @TempDir
    Path data;

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void theLastAcknowledgedSaveSurvivesAKill9() throws Exception {
        ServerProcess server = servers.start("--port", "0", "--data", data.toString());
        ServerProcess.Result token = ServerProcess.run("token", "--data", data.toString(), "--user", "alice", "--doc",
                "Quarterly Report");
        assertThat(token.exitCode()).as(token.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(token.out());
        String path = json.get("wopiSrc").asText().substring(server.url().length());
        String accessToken = json.get("accessToken").asText();

        List<String> versions = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            WopiClient alice = new WopiClient(server.url() + path, accessToken);
            assertThat(alice.lock("session").statusCode()).isEqualTo(200);
            byte[] last = null;
            for (int i = 1; i <= SAVES; i++) {
                last = ("round " + round + ", save " + i).getBytes(StandardCharsets.UTF_8);
                HttpResponse<byte[]> put = alice.putFile(last, "X-WOPI-Lock", "session");
                assertThat(put.statusCode()).isEqualTo(200);
                versions.add(header(put, "X-WOPI-ItemVersion"));
            }
            server.kill();

            server = servers.start("--port", "0", "--data", data.toString());
            WopiClient after = new WopiClient(server.url() + path, accessToken);
            HttpResponse<byte[]> get = after.getFile();
            assertThat(new String(get.body(), StandardCharsets.UTF_8)).as("round %d", round)
                    .isEqualTo(new String(last, StandardCharsets.UTF_8));
            assertThat(header(get, "X-WOPI-ItemVersion")).isEqualTo(versions.get(versions.size() - 1));
            // A lock change is not flushed on its own, but a save's flush writes it with the save.
            assertThat(header(after.getLock(), "X-WOPI-Lock")).as("round %d", round).isEqualTo("session");
        }
        assertThat(versions).doesNotHaveDuplicates();
    }
}
