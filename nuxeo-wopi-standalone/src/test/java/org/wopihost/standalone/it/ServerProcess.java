package org.wopihost.standalone.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as its own process, as a user or an init system runs it: started, then
 * stopped (SIGTERM) or killed (SIGKILL, as the OOM killer does). Needs the jar: failsafe tests only.
 */
public final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "nuxeo-wopi-standalone.jar");
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");

    /** What a command of the jar did: exit code, standard output and standard error. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code java -jar nuxeo-wopi-standalone.jar ARGS} and waits until it prints its URL: see {@link ServerProcesses}. */
    static ServerProcess start(String... args) throws IOException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        return new ServerProcess(p, awaitServing(p));
    }

    /** Reads a starting server's output until it prints its URL, then drains the rest; kills it if it never does. */
    static String awaitServing(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("The server did not start:\n" + seen);
    }

    /** Runs the jar ({@code token}, {@code list}, ... or a server that should refuse to start) to its end. */
    public static Result run(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).start();
        p.getOutputStream().close();
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Thread outReader = copy(p.getInputStream(), out);
        Thread errReader = copy(p.getErrorStream(), err);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("The command did not end: " + List.of(args));
        }
        outReader.join();
        errReader.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread copy(java.io.InputStream from, java.io.OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    /** The URL the server printed, ending with a slash. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or an init system stops it; waits for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The server did not stop within 60 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * {@code java -jar JAR ARGS}, with the client compiler only and the serial collector: JVM tuning that
     * changes nothing the jar does but costs a start (class loading, seeding) a quarter less CPU, while
     * the tests start the jar a few dozen times, several at once.
     */
    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
