package org.wopihost.standalone.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Adds a document from files on disk: a main file, attachments, and who may read or edit it. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Creates a document from a file (and attachments) and prints {\"id\", \"title\", \"files\"}.")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--file", required = true, description = "the main file")
    Path file;

    @Option(names = "--owner", required = true, description = "the user who owns it (may read and edit)")
    String owner;

    @Option(names = "--title", description = "document title (default: the file name)")
    String title;

    @Option(names = "--attach", description = "an attachment (repeatable)")
    List<Path> attachments = new ArrayList<>();

    @Option(names = "--grant", description = "USER=view or USER=edit (repeatable); Everyone=view shares with all")
    List<String> grants = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> all = new ArrayList<>(List.of(file));
        all.addAll(attachments);
        for (Path p : all) {
            if (!Files.isRegularFile(p)) {
                return Cli.fail(spec, (Files.isDirectory(p) ? p + " is a folder" : "No file at " + p.toAbsolutePath())
                        + ": --file and --attach name files to import");
            }
        }
        Map<String, Permission> acl = new LinkedHashMap<>();
        for (String grant : grants) {
            String[] kv = grant.split("=", 2);
            if (kv.length != 2 || !(kv[1].equalsIgnoreCase("view") || kv[1].equalsIgnoreCase("edit"))) {
                throw Cli.usage(spec, "A grant is USER=view or USER=edit (Everyone=view shares with every user), not: "
                        + grant);
            }
            acl.put(kv[0], Permission.valueOf(kv[1].toUpperCase(Locale.ROOT)));
        }
        try (StandaloneHost opened = host.open()) {
            Documents documents = opened.documents();
            Cli.existingUser(documents, owner, false);
            acl.keySet().forEach(user -> Cli.existingUser(documents, user, true));
            String name = file.getFileName().toString();
            String id = documents.createDocument(title == null ? name : title, owner);
            acl.forEach((user, permission) -> documents.grant(id, user, permission));
            add(documents, id, FileRef.MAIN_BLOB, file);
            for (Path attachment : attachments) {
                add(documents, id, documents.nextAttachmentXpath(id), attachment);
            }
            Map<String, Object> out = Cli.describe(opened, documents.find(id).orElseThrow());
            return Cli.print(spec, out);
        }
    }

    private void add(Documents documents, String docId, String xpath, Path path) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(path)) {
            documents.addFile(docId, xpath, path.getFileName().toString(), in, owner);
        }
    }
}
