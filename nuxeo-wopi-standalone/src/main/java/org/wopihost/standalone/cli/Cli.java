package org.wopihost.standalone.cli;

import picocli.CommandLine.Model.CommandSpec;

/** How subcommands answer: JSON on standard output, or one line on standard error and exit code 1. */
final class Cli {

    private Cli() {
    }

    static int print(CommandSpec spec, Object value) {
        spec.commandLine().getOut().println(Json.write(value));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static int fail(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
