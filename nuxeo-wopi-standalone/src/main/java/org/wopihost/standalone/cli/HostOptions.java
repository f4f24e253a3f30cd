package org.wopihost.standalone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every offline subcommand shares: which data folder, which configuration. */
public final class HostOptions {

    /** The data folder when --data is not given, the same for the server and every command. */
    public static final String DEFAULT_DATA = "./wopi-data";

    /** The URL of a host that was never started here: the default port on this machine. */
    static final String DEFAULT_URL = "http://localhost:8090/";

    @Option(names = "--data", defaultValue = DEFAULT_DATA,
            description = "data folder a server has started on (default: ${DEFAULT-VALUE})")
    Path data;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--config", description = "configuration file of key=value lines")
    Path config;

    /** Opens the data folder; WOPISrc URLs point at the server last started on it. */
    StandaloneHost open() throws IOException {
        Map<String, String> settings = StandaloneConfig.load(config);
        StandaloneConfig.unknownKeys(settings).forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        DataFolder folder = DataFolder.existing(data);
        return StandaloneHost.open(folder, settings, folder.serverUrl().orElse(DEFAULT_URL), Clock.systemUTC());
    }
}
