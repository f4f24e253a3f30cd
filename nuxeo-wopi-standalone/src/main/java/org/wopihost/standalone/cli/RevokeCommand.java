package org.wopihost.standalone.cli;

import java.util.concurrent.Callable;

import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Takes a user's (or Everyone's) entry off a document's ACL. Tokens already issued stop working at
 * their next request, since every request checks the ACL again.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Removes a user's, or Everyone's, access to a document; prints the document.")
public final class RevokeCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--doc", required = true, description = "document id, title or main file name")
    String doc;

    @Option(names = "--user", required = true, description = "user id, or Everyone")
    String user;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            Documents documents = opened.documents();
            Documents.Document document = Cli.document(documents, doc);
            if (user.equals(document.ownerId())) {
                return Cli.fail(spec, user + " owns " + document.title() + " and keeps access to it; delete the"
                        + " document instead (delete --doc " + document.id() + ")");
            }
            if (!documents.revoke(document.id(), user)) {
                return Cli.fail(spec, user + " had no access of its own to " + document.title()
                        + " (access through Everyone is revoked with --user Everyone)");
            }
            return Cli.print(spec, Cli.describe(opened, document));
        }
    }
}
