package org.wopihost.standalone.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.Passwords;
import org.wopihost.standalone.store.StandalonePermissions;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * How subcommands answer: JSON on standard output; or one line on standard error naming the cause
 * and the fix, with exit code 1 (a {@link Failure}), or 2 for a usage error ({@link #usage}).
 */
final class Cli {

    private Cli() {
    }

    /** A command that cannot do what it was asked, for a reason its message gives with the fix. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static int print(CommandSpec spec, Object value) {
        spec.commandLine().getOut().println(Json.write(value));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static int fail(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }

    /** An argument that can never work, whatever the data folder holds: exit code 2 and the usage. */
    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The one document {@code --doc} names; fails listing the candidates when several match. */
    static Documents.Document document(Documents documents, String doc) {
        List<Documents.Document> found = documents.matching(doc);
        if (found.isEmpty()) {
            throw new Failure("No document with id, title or main file name \"" + doc
                    + "\": the list command prints every document with its id");
        }
        if (found.size() > 1) {
            throw new Failure(found.size() + " documents match \"" + doc + "\"; name one by its id (--doc ID): "
                    + found.stream().map(d -> d.id() + " (" + d.title()
                            + d.files().stream().findFirst().map(f -> ", " + f.fileName()).orElse("") + ")")
                            .collect(Collectors.joining(", ")));
        }
        return found.get(0);
    }

    /** Fails unless {@code user} is a user of the data folder (or {@code Everyone}, when allowed). */
    static void existingUser(Documents documents, String user, boolean everyoneAllowed) {
        if (everyoneAllowed && user.equals(StandalonePermissions.EVERYONE)) {
            return;
        }
        if (!documents.userExists(user)) {
            throw new Failure("No such user: " + user + " (the users command lists them; add-user creates one)");
        }
    }

    /** Gives a user a new random password and returns {"user", "password"}, to print once. */
    static Map<String, Object> newPassword(StandaloneHost host, String user) {
        String password = Passwords.random();
        host.users().setPassword(user, password);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("password", password);
        return out;
    }

    /**
     * A document as list and import print it: id, title, and each file with its WOPI file id (the
     * {@code {fileId}} of {@code /wopi/files/{fileId}}) and WOPISrc.
     */
    static Map<String, Object> describe(StandaloneHost host, Documents.Document d) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Documents.Blob b : d.files()) {
            String fileId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, d.id(), b.xpath()));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("xpath", b.xpath());
            f.put("fileName", b.fileName());
            f.put("size", b.size());
            f.put("fileId", fileId);
            f.put("wopiSrc", host.settings().wopiSrc(fileId));
            files.add(f);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", d.id());
        doc.put("title", d.title());
        doc.put("files", files);
        return doc;
    }
}
