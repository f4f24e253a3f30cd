package org.wopihost.standalone.cli;

import java.util.concurrent.Callable;

import org.wopihost.spi.Permission;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lets a user (or Everyone) view or edit a document, replacing what they had. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Lets a user, or Everyone, view or edit a document; prints the document.")
public final class GrantCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--doc", required = true, description = "document id, title or main file name")
    String doc;

    @Option(names = "--user", required = true, description = "user id, or Everyone for every user")
    String user;

    @Option(names = "--permission", required = true, description = "view or edit")
    Permission permission;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            Documents documents = opened.documents();
            Documents.Document document = Cli.document(documents, doc);
            Cli.existingUser(documents, user, true);
            documents.grant(document.id(), user, permission);
            return Cli.print(spec, Cli.describe(opened, document));
        }
    }
}
