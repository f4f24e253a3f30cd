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
                return Cli.fail(spec, "Not a file: " + p);
            }
        }
        Map<String, Permission> acl = new LinkedHashMap<>();
        for (String grant : grants) {
            String[] kv = grant.split("=", 2);
            if (kv.length != 2 || !(kv[1].equalsIgnoreCase("view") || kv[1].equalsIgnoreCase("edit"))) {
                return Cli.fail(spec, "A grant is USER=view or USER=edit: " + grant);
            }
            acl.put(kv[0], Permission.valueOf(kv[1].toUpperCase(Locale.ROOT)));
        }
        try (StandaloneHost opened = host.open()) {
            Documents documents = opened.documents();
            for (String user : concat(owner, acl.keySet())) {
                if (!user.equals("Everyone") && !documents.userExists(user)) {
                    return Cli.fail(spec, "No such user: " + user);
                }
            }
            String name = file.getFileName().toString();
            String id = documents.createDocument(title == null ? name : title, owner);
            acl.forEach((user, permission) -> documents.grant(id, user, permission));
            add(documents, id, FileRef.MAIN_BLOB, file);
            for (Path attachment : attachments) {
                add(documents, id, documents.nextAttachmentXpath(id), attachment);
            }
            Documents.Document doc = documents.find(id).orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", doc.id());
            out.put("title", doc.title());
            List<Map<String, Object>> files = new ArrayList<>();
            for (Documents.Blob b : doc.files()) {
                files.add(Map.of("xpath", b.xpath(), "fileName", b.fileName(), "size", b.size()));
            }
            out.put("files", files);
            return Cli.print(spec, out);
        }
    }

    private void add(Documents documents, String docId, String xpath, Path path) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(path)) {
            documents.addFile(docId, xpath, path.getFileName().toString(), in, owner);
        }
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
