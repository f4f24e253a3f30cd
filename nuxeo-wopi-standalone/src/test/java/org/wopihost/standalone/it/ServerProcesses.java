package org.wopihost.standalone.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged jar's server processes a test starts, killed after each test whatever happened.
 * Register with {@code @RegisterExtension final ServerProcesses servers = new ServerProcesses();}.
 */
public final class ServerProcesses implements AfterEachCallback {

    private final List<ServerProcess> started = new ArrayList<>();

    /** Starts {@code java -jar nuxeo-wopi-standalone.jar ARGS} and waits until it serves. */
    public ServerProcess start(String... args) throws IOException {
        ServerProcess server = ServerProcess.start(args);
        started.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (ServerProcess server : started) {
            server.close();
        }
        started.clear();
    }
}
