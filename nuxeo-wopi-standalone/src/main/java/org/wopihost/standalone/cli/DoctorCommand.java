package org.wopihost.standalone.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.wopihost.doctor.Finding;
import org.wopihost.doctor.WopiDoctor;
import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks the configuration against the WOPI client and the network as the client will meet them,
 * and prints each finding with its fix. Exit code 1 when any check fails.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks discovery, proof keys, the clock, the base URL and the largest body that passes;"
                + " prints each problem with its fix.")
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Finding> findings;
        try (StandaloneHost opened = host.open()) {
            findings = new WopiDoctor(opened.settings(), Clock.systemUTC()).examine();
        }
        findings.forEach(spec.commandLine().getOut()::println);
        long failed = findings.stream().filter(f -> f.verdict() == Finding.Verdict.FAIL).count();
        spec.commandLine().getOut().println(failed == 0 ? "No problem found." : failed + " problem(s) found.");
        spec.commandLine().getOut().flush();
        return failed == 0 ? 0 : 1;
    }
}
