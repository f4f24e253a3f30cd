package org.wopihost.standalone;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wopihost.standalone.cli.AddUserCommand;
import org.wopihost.standalone.cli.DeleteCommand;
import org.wopihost.standalone.cli.DoctorCommand;
import org.wopihost.standalone.cli.Failures;
import org.wopihost.standalone.cli.GrantCommand;
import org.wopihost.standalone.cli.HostOptions;
import org.wopihost.standalone.cli.ImportCommand;
import org.wopihost.standalone.cli.ListCommand;
import org.wopihost.standalone.cli.PasswdCommand;
import org.wopihost.standalone.cli.RevokeCommand;
import org.wopihost.standalone.cli.TokenCommand;
import org.wopihost.standalone.cli.UsersCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar nuxeo-wopi-standalone.jar [--port 8090] [--bind 127.0.0.1] [--data ./wopi-data]
 * [--config FILE]} serves; the {@code token}, {@code list}, {@code import}, {@code add-user},
 * {@code passwd}, {@code users}, {@code grant}, {@code revoke} and {@code delete} subcommands manage a
 * data folder; {@code doctor} checks the configuration. Scripts rely on these options: keep them stable.
 */
@Command(name = "nuxeo-wopi-standalone", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A WOPI host serving the documents of a data folder.",
        subcommands = {TokenCommand.class, ListCommand.class, ImportCommand.class, AddUserCommand.class, PasswdCommand.class,
                UsersCommand.class, GrantCommand.class, RevokeCommand.class, DeleteCommand.class, DoctorCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8090", description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--data", defaultValue = HostOptions.DEFAULT_DATA, description = "data folder, made on first start (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--config", description = "configuration file of key=value lines")
    Path config;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 success, 1 failure, 2 usage). */
    private static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The command line as {@link #run} executes it: failures explained in one line, enums in any case.
     * Public for CommandLineTest, which runs commands through it to capture what they print.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::report)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        // the configuration first: a mistake there must not leave a new data folder behind
        Map<String, String> settings = StandaloneConfig.load(config);
        StandaloneConfig.unknownKeys(settings).forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getErr().flush();
        StandaloneServer server = StandaloneServer.start(bind, port, new DataFolder(data), settings,
                Clock.systemUTC());
        System.out.println("nuxeo-wopi standalone host serving " + server.url() + " (data: "
                + server.host().data().root() + ")");
        System.out.println("WOPI endpoints: " + server.host().settings().wopiSrc("{fileId}"));
        System.out.println(server.wopiClientStatus().summary());
        CollectorAdvice.forThisJvm().ifPresent(advice -> System.out.println("Note: " + advice));
        if (java.nio.file.Files.exists(server.host().data().initialPasswords())) {
            System.out.println("Passwords of the seeded users: " + server.host().data().initialPasswords());
        }
        System.out.flush();
        server.join();
        return 0;
    }

    /** A failure is one line for the user, naming its cause and the fix; the stack trace only with -Dwopi.debug=true. */
    private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("error: " + Failures.explain(e));
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
