package org.wopihost.standalone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Option;

/** The options every offline subcommand shares: which data folder, which configuration. */
final class HostOptions {

    /** The URL of a host that was never started here: the default port on this machine. */
    static final String DEFAULT_URL = "http://localhost:8090/";

    @Option(names = "--data", required = true, description = "data folder")
    Path data;

    @Option(names = "--config", description = "configuration file of key=value lines")
    Path config;

    /** Opens the data folder; WOPISrc URLs point at the server last started on it. */
    StandaloneHost open() throws IOException {
        DataFolder folder = DataFolder.existing(data);
        return StandaloneHost.open(folder, StandaloneConfig.load(config), folder.serverUrl().orElse(DEFAULT_URL),
                Clock.systemUTC());
    }
}
