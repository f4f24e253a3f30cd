package org.wopihost.standalone.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.StandaloneHost;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the users of a data folder as a JSON array (never their passwords). */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Prints the users as JSON: id, name and email.")
public final class UsersCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (WopiUser u : opened.documents().users()) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("id", u.id());
                user.put("name", u.displayName());
                user.put("email", u.email());
                out.add(user);
            }
            return Cli.print(spec, out);
        }
    }
}
