package org.wopihost.standalone.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the WOPISrc and an access token for one user and one file, as a WOPI client gets them. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints {\"wopiSrc\", \"accessToken\", \"accessTokenTtl\"} for a user and a file.")
public final class TokenCommand implements Callable<Integer> {

    @Mixin
    HostOptions host;

    @Option(names = "--user", required = true, description = "user id, e.g. alice")
    String user;

    @Option(names = "--doc", required = true, description = "document id, title or main file name")
    String doc;

    @Option(names = "--xpath", defaultValue = FileRef.MAIN_BLOB,
            description = "blob: file:content (default) or files:files/N/file for attachment N")
    String xpath;

    @Option(names = "--permission", description = "view or edit (default: the most the user's ACL allows)")
    Permission permission;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!FileRef.isValidXpath(xpath)) {
            throw Cli.usage(spec, "Not a blob xpath: " + xpath + " (file:content, or files:files/N/file for attachment N)");
        }
        try (StandaloneHost opened = host.open()) {
            WopiPlatform platform = opened.platform();
            Documents.Document document = Cli.document(opened.documents(), doc);
            FileRef ref = new FileRef(Documents.REPOSITORY, document.id(), xpath);
            if (platform.files().info(ref).isEmpty()) {
                return fail("Document " + document.title() + " has no file at " + xpath
                        + ": the list command prints each document's files and their xpaths");
            }
            Cli.existingUser(opened.documents(), user, false);
            WopiUser wopiUser = platform.users().find(user).orElseThrow();
            Optional<Permission> allowed = platform.permissions().of(wopiUser, ref);
            if (allowed.isEmpty()) {
                return fail(user + " has no access to " + document.title() + ": grant it with"
                        + " grant --doc " + document.id() + " --user " + user + " --permission view");
            }
            Permission granted = allowed.get();
            if (permission != null) {
                if (!granted.allows(permission)) {
                    return fail(user + " may only view " + document.title() + ": grant edit with grant --doc "
                            + document.id() + " --user " + user + " --permission edit, or ask for --permission view");
                }
                granted = permission;
            }
            String fileId = FileIdCodec.encode(ref);
            IssuedToken token = platform.tokens().issue(user, fileId, granted);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wopiSrc", opened.settings().wopiSrc(fileId));
            out.put("accessToken", token.token());
            out.put("accessTokenTtl", token.expiresAt().toEpochMilli());
            return Cli.print(spec, out);
        }
    }

    private int fail(String message) {
        return Cli.fail(spec, message);
    }
}
