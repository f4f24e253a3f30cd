package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.testclient.docs.KeyTable;

/**
 * The README's shell blocks marked {@code <!-- README test: NAME -->} run verbatim with bash, as a
 * newcomer pastes them at the repository root: the server block starts the packaged jar, then the
 * curl session runs against it. Two stand-ins on the PATH keep the run honest and contained: the
 * build this test belongs to has already made the jar, so {@code ./mvnw} only checks it is asked for
 * the README's package command; the server is moved to a free port ({@code --port 0}); and
 * {@code curl} fails on an HTTP error, so that a broken session fails the test instead of printing an
 * error page.
 */
class ReadmeCommandsIT {

    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- README test: (\\S+) -->\\s*\\n```sh\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path clone;

    private Process server;

    @Test
    void theServerAndTheCurlSessionWorkAsWritten() throws Exception {
        Map<String, String> blocks = markedBlocks(Files.readString(KeyTable.repositoryRoot().resolve("README.md")));
        assertThat(blocks).containsKeys("run", "curl-session");
        Path bin = standIns();

        server = bash(blocks.get("run"), bin).redirectErrorStream(true).start();
        String url = ServerProcess.awaitServing(server);
        assertThat(url).startsWith("http://127.0.0.1:");

        Process session = bash(blocks.get("curl-session"), bin).start();
        session.getOutputStream().close();
        String out = new String(session.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(session.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(session.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(session.exitValue()).as("the curl session failed:\n%s\n%s", out, err).isZero();
        assertThat(out).contains("\"BaseFileName\":\"Quarterly Report.docx\"");
        byte[] copy = Files.readAllBytes(clone.resolve("copy.docx"));
        assertThat(new String(copy, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @AfterEach
    void stopServer() throws InterruptedException, IOException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(clone.resolve("nuxeo-wopi-standalone/target/nuxeo-wopi-standalone.jar")); // the link, not the jar
    }

    /** The blocks by name, in README order. */
    static Map<String, String> markedBlocks(String readme) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = MARKED_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    /** bash -euo pipefail running one block at the root of the "clone", with the stand-ins first on the PATH. */
    private ProcessBuilder bash(String block, Path bin) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).directory(clone.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return pb;
    }

    /** The clone's jar (the one this build packaged), ./mvnw, and the java and curl stand-ins. */
    private Path standIns() throws IOException {
        Path target = Files.createDirectories(clone.resolve("nuxeo-wopi-standalone/target"));
        Files.createSymbolicLink(target.resolve("nuxeo-wopi-standalone.jar"), ServerProcess.JAR.toAbsolutePath());
        executable(clone.resolve("mvnw"), """
                #!/bin/sh
                [ "$*" = "-B -DskipTests -DwithoutNuxeo package" ] || { echo "mvnw: unexpected arguments: $*" >&2; exit 1; }
                """);
        Path bin = Files.createDirectories(clone.resolve(".bin"));
        executable(bin.resolve("java"), """
                #!/bin/sh
                # the server (JVM options, then -jar and the jar alone) moves to a free port; every
                # other command runs as written
                case " $* " in *" -jar "*".jar ") set -- "$@" --port 0 ;; esac
                exec '%s' "$@"
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
        executable(bin.resolve("curl"), """
                #!/bin/sh
                PATH=$(echo "$PATH" | cut -d: -f2-) exec curl --fail --silent --show-error "$@"
                """);
        return bin;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
