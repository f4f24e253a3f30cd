package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one data folder, as the packaged jar runs them: one server per embedded
 * database, a {@code server-url} that names only a running server, and commands that never make a
 * data folder of a mistyped path.
 */
class SharedDataFolderIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void aSecondServerOnAnEmbeddedDatabaseIsRefused() throws Exception {
        Path data = dir.resolve("data");
        ServerProcess server = servers.start("--port", "0", "--data", data.toString());
        ServerProcess.Result second = ServerProcess.run("--port", "0", "--data", data.toString());
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("Another server is running on the data folder " + data.toAbsolutePath(),
                "standalone.db.url");
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void serverUrlNamesOnlyARunningServer() throws Exception {
        Path data = dir.resolve("data");
        ServerProcess server = servers.start("--port", "0", "--data", data.toString());
        assertThat(wopiSrc(data)).startsWith(server.url());

        server.kill();
        assertThat(wopiSrc(data)).as("a killed server's URL is not handed out").startsWith("http://localhost:8090/");

        server = servers.start("--port", "0", "--data", data.toString());
        assertThat(wopiSrc(data)).startsWith(server.url());
        server.stop();
        assertThat(data.resolve("server-url")).doesNotExist();
        assertThat(wopiSrc(data)).startsWith("http://localhost:8090/");
    }

    @Test
    void commandsNeverMakeADataFolder() throws Exception {
        Path typo = dir.resolve("typo");
        Path file = Files.writeString(dir.resolve("Notes.docx"), "notes");
        for (List<String> command : List.of(
                List.of("token", "--data", typo.toString(), "--user", "alice", "--doc", "Quarterly Report"),
                List.of("list", "--data", typo.toString()),
                List.of("import", "--data", typo.toString(), "--file", file.toString(), "--owner", "alice"),
                List.of("add-user", "--data", typo.toString(), "--user", "carol"))) {
            ServerProcess.Result r = ServerProcess.run(command.toArray(String[]::new));
            assertThat(r.exitCode()).as(command.get(0)).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).singleElement().asString()
                    .startsWith("error: No data folder at " + typo.toAbsolutePath());
            assertThat(typo).doesNotExist();
        }
    }

    private static String wopiSrc(Path data) throws Exception {
        ServerProcess.Result r = ServerProcess.run("token", "--data", data.toString(), "--user", "alice", "--doc",
                "Quarterly Report");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("wopiSrc").asText();
    }
}
