package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.standalone.it.CommandLineTest.Result;

/**
 * What the command line says when something is wrong: one line naming the cause and the fix, exit
 * code 1, or 2 for a usage error; and it leaves nothing behind.
 */
class CommandLineErrorsTest {

    @TempDir
    Path dir;

    private static Result run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void commandsUseTheServersDefaultDataFolderAndNeverMakeOne() {
        Path defaultData = Path.of("wopi-data").toAbsolutePath();
        Result list = run("list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("No data folder at " + defaultData, "only the server makes one");
        assertThat(defaultData).doesNotExist();
    }

    @Test
    void aDataFolderThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        Result server = run("--port", "0", "--data", file.toString());
        assertThat(server.exitCode()).isEqualTo(1);
        assertThat(server.err()).startsWith("error: " + file + " is a file, not a folder: --data names a folder");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDataFolderThatCannotBeWritten() {
        Result server = run("--port", "0", "--data", "/sys/wopi-data");
        assertThat(server.exitCode()).isEqualTo(1);
        assertThat(server.err()).startsWith("error: Cannot write /sys/wopi-data").contains("choose another folder with --data");
    }

    @Test
    void aMissingConfigurationFileStopsTheServerBeforeItMakesAnything() {
        Path data = dir.resolve("data");
        Result server = run("--port", "0", "--data", data.toString(), "--config", dir.resolve("wopi.conf").toString());
        assertThat(server.exitCode()).isEqualTo(1);
        assertThat(server.err()).contains("No configuration file at " + dir.resolve("wopi.conf"), "check the --config path");
        assertThat(data).doesNotExist();
    }

    @Test
    void aPortInUseIsNamedWithAHint() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result server = run("--port", String.valueOf(taken.getLocalPort()), "--data", dir.resolve("data").toString());
            assertThat(server.exitCode()).isEqualTo(1);
            assertThat(server.err()).contains(String.valueOf(taken.getLocalPort()), "Address already in use",
                    "--port 0 for any free port").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeyItWasMeantToBe() throws Exception {
        Path config = Files.writeString(dir.resolve("wopi.conf"), "nuxeo.wopi.tokn.ttl=1h\nstandalone.versions.kept=5\n");
        Result list = run("list", "--data", dir.resolve("data").toString(), "--config", config.toString());
        assertThat(list.err()).contains("warning: unknown configuration key nuxeo.wopi.tokn.ttl is ignored;"
                + " did you mean nuxeo.wopi.token.ttl?").doesNotContain("standalone.versions.kept");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--prot", "8090").exitCode()).isEqualTo(2);
        assertThat(run("grant", "--data", dir.toString(), "--doc", "x", "--user", "bob").exitCode()).isEqualTo(2);
        Result version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("nuxeo-wopi-standalone ");
    }
}
