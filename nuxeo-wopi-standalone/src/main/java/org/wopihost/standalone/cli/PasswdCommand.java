package org.wopihost.standalone.cli;

import java.util.concurrent.Callable;

import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Gives a user a new random password, printed once; the old one stops working at once. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Gives a user a new random password and prints {\"user\", \"password\"}, once.")
public final class PasswdCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--user", required = true, description = "user id")
    String user;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            Cli.existingUser(opened.documents(), user, false);
            return Cli.print(spec, Cli.newPassword(opened, user));
        }
    }
}
