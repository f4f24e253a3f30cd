package org.wopihost.standalone;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.wopihost.standalone.cli.AddUserCommand;
import org.wopihost.standalone.cli.ImportCommand;
import org.wopihost.standalone.cli.ListCommand;
import org.wopihost.standalone.cli.TokenCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar nuxeo-wopi-standalone.jar [--port 8090] [--bind 127.0.0.1] [--data ./wopi-data]
 * [--config FILE]} serves; the {@code token}, {@code list}, {@code import} and {@code add-user}
 * subcommands manage a data folder. Scripts rely on these options: keep them stable.
 */
@Command(name = "nuxeo-wopi-standalone", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A WOPI host serving the documents of a data folder.",
        subcommands = {TokenCommand.class, ListCommand.class, ImportCommand.class, AddUserCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data", defaultValue = "./wopi-data", description = "data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--config", description = "configuration file of key=value lines")
    Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 success, 1 failure, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::report).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        StandaloneServer server = StandaloneServer.start(bind, port, new DataFolder(data),
                StandaloneConfig.load(config), Clock.systemUTC());
        System.out.println("nuxeo-wopi standalone host serving " + server.url() + " (data: "
                + server.host().data().root() + ")");
        System.out.println("WOPI endpoints: " + server.host().settings().wopiSrc("{fileId}"));
        System.out.println(server.wopiClientStatus().summary());
        if (java.nio.file.Files.exists(server.host().data().initialPasswords())) {
            System.out.println("Passwords of the seeded users: " + server.host().data().initialPasswords());
        }
        System.out.flush();
        server.join();
        return 0;
    }

    /** A failure is one line for the user; the stack trace only with -Dwopi.debug=true. */
    private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("error: " + e.getMessage());
        if (Boolean.getBoolean("wopi.debug")) {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return 1;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nuxeo-wopi-standalone " + (v == null ? "(development)" : v)};
        }
    }
}
