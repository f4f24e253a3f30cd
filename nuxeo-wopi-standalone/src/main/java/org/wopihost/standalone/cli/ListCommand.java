package org.wopihost.standalone.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        description = "Prints the documents as JSON: id, title and files (xpath, fileName, size).")
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
                List<Map<String, Object>> files = new ArrayList<>();
                for (Documents.Blob b : d.files()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("xpath", b.xpath());
                    f.put("fileName", b.fileName());
                    f.put("size", b.size());
                    files.add(f);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", d.id());
                doc.put("title", d.title());
                doc.put("files", files);
                out.add(doc);
            }
            return Cli.print(spec, out);
        }
    }
}
