package org.wopihost.standalone.cli;

import java.util.concurrent.Callable;

import org.wopihost.spi.FileRef;
import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Creates a user with a random password, printed once. */
@Command(name = "add-user", mixinStandardHelpOptions = true,
        description = "Creates a user and prints {\"user\", \"password\"}: the password is random and shown once.")
public final class AddUserCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--user", required = true, description = "user id")
    String user;

    @Option(names = "--name", description = "display name (default: the id)")
    String name;

    @Option(names = "--email", description = "e-mail address")
    String email;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!FileRef.isValidName(user)) {
            throw Cli.usage(spec, "A user id is 1 to 128 letters, digits, '.', '_' or '-': " + user);
        }
        try (StandaloneHost opened = host.open()) {
            if (opened.documents().userExists(user)) {
                return Cli.fail(spec, "The user exists: " + user + " (passwd --user " + user + " gives it a new password)");
            }
            opened.documents().createUser(user, name == null ? user : name, email);
            return Cli.print(spec, Cli.newPassword(opened, user));
        }
    }
}
