package org.wopihost.standalone.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Deletes a document: its files, every version of them, its ACL. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes a document with its files and their versions; prints {\"deleted\": id}.")
public final class DeleteCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--doc", required = true, description = "document id, title or main file name")
    String doc;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            Documents.Document document = Cli.document(opened.documents(), doc);
            // deleting the main file deletes the document, as a WOPI DeleteFile of it does
            opened.platform().files().delete(new FileRef(Documents.REPOSITORY, document.id(), FileRef.MAIN_BLOB),
                    new WopiUser(document.ownerId(), null, null));
            return Cli.print(spec, Map.of("deleted", document.id()));
        }
    }
}
