package org.wopihost.standalone.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
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
    String permission;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (StandaloneHost opened = host.open()) {
            WopiPlatform platform = opened.platform();
            Optional<Documents.Document> document = opened.documents().find(doc);
            if (document.isEmpty()) {
                return fail("No document with id, title or file name: " + doc);
            }
            if (!FileRef.isValidXpath(xpath)) {
                return fail("Not a blob xpath: " + xpath);
            }
            FileRef ref = new FileRef(Documents.REPOSITORY, document.get().id(), xpath);
            if (platform.files().info(ref).isEmpty()) {
                return fail("Document " + document.get().title() + " has no file at " + xpath);
            }
            Optional<WopiUser> wopiUser = platform.users().find(user);
            if (wopiUser.isEmpty()) {
                return fail("No such user: " + user);
            }
            Optional<Permission> allowed = platform.permissions().of(wopiUser.get(), ref);
            if (allowed.isEmpty()) {
                return fail(user + " has no access to " + document.get().title());
            }
            Permission granted = allowed.get();
            if (permission != null) {
                Permission asked = Permission.valueOf(permission.toUpperCase(Locale.ROOT));
                if (!granted.allows(asked)) {
                    return fail(user + " may only view " + document.get().title());
                }
                granted = asked;
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
