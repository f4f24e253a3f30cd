package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.WopiPlatform;

/**
 * PutRelativeFile: "Save as" and format conversion. Creates a file next to the current one, in
 * one of two modes: a suggested name the host may change to make it unique (an extension alone
 * means "same name, this extension"), or an exact relative name that must not be changed.
 */
final class PutRelativeFile {


    private final WopiPlatform platform;
    private final LockRules locks;
    private final HostLinks links;
    private final long maxFileSize;
    private final java.util.function.Function<String, String> wopiSrc;
    private final boolean hostPages;

    PutRelativeFile(WopiPlatform platform, LockRules locks, HostLinks links, long maxFileSize,
            java.util.function.Function<String, String> wopiSrc, boolean hostPages) {
        this.platform = platform;
        this.locks = locks;
        this.links = links;
        this.maxFileSize = maxFileSize;
        this.wopiSrc = wopiSrc;
        this.hostPages = hostPages;
    }

    Operation operation() {
        return Operation.of(EDIT, this::execute);
    }

    private WopiResponse execute(FileContext file, WopiRequest request) throws WopiException, IOException {
        if (!file.mayCreateSibling()) {
            throw WopiException.unauthorized("The user may not create files here");
        }
        Optional<String> suggested = target(request, WopiHeaders.SUGGESTED_TARGET);
        Optional<String> relative = target(request, WopiHeaders.RELATIVE_TARGET);
        if (suggested.isPresent() == relative.isPresent()) {
            throw WopiException.notImplemented("Exactly one of X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget is needed");
        }
        FileInfo created;
        try (InputStream body = ClientBody.open(request, maxFileSize)) {
            created = suggested.isPresent()
                    ? saveSuggested(file, suggested.get(), body)
                    : saveRelative(file, relative.get(), request, body);
        }
        return WopiResponse.body(200, JsonBody.of(result(file, created)));
    }

    /** A target header, decoded; a value that is not UTF-7 names no file at all. */
    private static Optional<String> target(WopiRequest request, String header) throws WopiException {
        Optional<String> value = request.header(header);
        if (value.isEmpty()) {
            return value;
        }
        return Optional.of(FileNames.decodeUtf7(value.get())
                .orElseThrow(() -> WopiException.badRequest(header + " is not UTF-7 encoded")));
    }

    /**
     * Suggested mode must never answer 400 or 409: an illegal name is made legal and a taken one
     * numbered, always keeping the extension.
     */
    private FileInfo saveSuggested(FileContext file, String suggestion, InputStream body)
            throws WopiException, IOException {
        String sourceBase = FileNames.baseName(file.info().fileName());
        String name = suggestion.startsWith(".") ? sourceBase + suggestion : suggestion;
        if (FileNames.problem(name).isPresent()) {
            name = FileNames.sanitize(name, sourceBase);
        }
        String candidate = freeName(file.ref(), name)
                .orElseThrow(() -> new WopiException(500, "No free name like the suggested one"));
        return platform.files().createSibling(file.ref(), candidate, body, file.user(), false);
    }

    /**
     * Specific mode: the exact name or an error. A 400 or 409 carries X-WOPI-ValidRelativeTarget, a
     * free legal name the client may retry with.
     */
    private FileInfo saveRelative(FileContext file, String name, WopiRequest request, InputStream body)
            throws WopiException, IOException {
        Optional<String> problem = FileNames.problem(name);
        if (problem.isPresent()) {
            WopiException e = WopiException.badRequest(problem.get());
            freeName(file.ref(), FileNames.sanitize(name, FileNames.baseName(file.info().fileName())))
                    .ifPresent(valid -> e.with(WopiHeaders.VALID_RELATIVE_TARGET, FileNames.encodeUtf7(valid)));
            throw e;
        }
        Optional<FileRef> existing = platform.files().findSibling(file.ref(), name);
        if (existing.isEmpty()) {
            try {
                return platform.files().createSibling(file.ref(), name, body, file.user(), true);
            } catch (FileAlreadyExistsException e) {
                // Another request created that name while this body was uploading.
                throw validTarget(new WopiException(409, "A file with that name exists"), file.ref(), name);
            }
        }
        boolean overwrite = request.header(WopiHeaders.OVERWRITE_RELATIVE_TARGET)
                .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        if (!overwrite) {
            throw validTarget(new WopiException(409, "A file with that name exists"), file.ref(), name);
        }
        Optional<String> lock = locks.current(existing.get());
        if (lock.isPresent()) {
            throw validTarget(WopiException.lockMismatch(lock.get(), "The file to overwrite is locked"), file.ref(),
                    name);
        }
        if (platform.permissions().of(file.user(), existing.get()).filter(p -> p == EDIT).isEmpty()) {
            // The spec's answer when the user may not overwrite the target.
            throw WopiException.notImplemented("The user may not overwrite that file");
        }
        return platform.files().write(existing.get(), body, file.user(), LockRules.unchanged(Optional.empty()));
    }

    private WopiException validTarget(WopiException e, FileRef near, String name) {
        freeName(near, name).ifPresent(valid -> e.with(WopiHeaders.VALID_RELATIVE_TARGET, FileNames.encodeUtf7(valid)));
        return e;
    }

    /** {@code name}, or the first "name (n).ext" that no sibling has; empty when all are taken. */
    private Optional<String> freeName(FileRef near, String name) {
        return SiblingNames.free(platform.files(), near, name, null);
    }

    private Map<String, Object> result(FileContext file, FileInfo created) {
        String newId = FileIdCodec.encode(created.ref());
        IssuedToken token = platform.tokens().issue(file.user().id(), newId, file.token().permission());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Name", created.fileName());
        json.put("Url", wopiSrc.apply(newId) + "?access_token="
                + URLEncoder.encode(token.token(), StandardCharsets.UTF_8));
        if (hostPages) {
            json.put("HostViewUrl", links.hostPage("view", newId));
            json.put("HostEditUrl", links.hostPage("edit", newId));
        }
        return json;
    }
}
