package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.standalone.it.CommandLineTest.Result;

/** {@code doctor} against a running standalone host, configured right and then wrong. */
class DoctorTest {

    static final FakeWopiClientServer OFFICE = ProofKeyTest.start();

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.discoveryURL", OFFICE.discoveryUrl(),
            "nuxeo.wopi.maxFileSize", "20000000"), Clock.systemUTC());

    @TempDir
    Path dir;

    @AfterAll
    static void stopOffice() {
        OFFICE.close();
    }

    @Test
    void aHostSetUpRightHasNoProblem() throws Exception {
        Result r = doctor("nuxeo.wopi.discoveryURL=" + OFFICE.discoveryUrl() + "\nnuxeo.wopi.maxFileSize=20000000\n");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OK discovery reachable", "OK proof keys", "OK clock", "OK base URL reachable: "
                + HOST.server().url() + "wopi/files/doctor answered", "OK largest body: 20000000 bytes reached the host")
                .endsWith("No problem found.\n");
    }

    @Test
    void anUnreachableDiscoveryIsExplained() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result r = doctor("nuxeo.wopi.discoveryURL=http://127.0.0.1:" + closed + "/hosting/discovery\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL discovery reachable: cannot fetch http://127.0.0.1:" + closed,
                "fix: check nuxeo.wopi.discoveryURL").endsWith("1 problem(s) found.\n");
    }

    private Result doctor(String config) throws Exception {
        Path file = Files.writeString(dir.resolve("wopi.conf"), config);
        return CommandLineTest.run("doctor", "--data", HOST.dataDir().toString(), "--config", file.toString());
    }
}
