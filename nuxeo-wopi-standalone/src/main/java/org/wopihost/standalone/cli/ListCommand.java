package org.wopihost.standalone.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the documents of a data folder as a JSON array. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Prints the documents as JSON: id, title and files (xpath, fileName, size, fileId, wopiSrc).")
public final class ListCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Documents.Document d : opened.documents().list()) {
                out.add(Cli.describe(opened, d));
            }
            return Cli.print(spec, out);
        }
    }
}
