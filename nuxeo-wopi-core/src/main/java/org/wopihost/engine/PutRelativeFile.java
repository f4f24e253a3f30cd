package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.wopihost.spi.ContentTooLargeException;
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

    /** How many "Name (n).ext" alternatives we try before giving up on a suggested name. */
    private static final int MAX_SUFFIX = 1000;

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
        if (!platform.permissions().mayCreateSibling(file.user(), file.ref())) {
            throw WopiException.unauthorized("The user may not create files here");
        }
        Optional<String> suggested = request.header(WopiHeaders.SUGGESTED_TARGET).map(FileNames::decodeUtf7);
        Optional<String> relative = request.header(WopiHeaders.RELATIVE_TARGET).map(FileNames::decodeUtf7);
        if (suggested.isPresent() == relative.isPresent()) {
            throw WopiException.notImplemented("Exactly one of X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget is needed");
        }
        long declaredSize = request.header(WopiHeaders.SIZE).map(PutRelativeFile::parseLong).orElse(-1L);
        if (declaredSize > maxFileSize || request.contentLength() > maxFileSize) {
            throw new WopiException(413, "The file is larger than this host accepts");
        }
        FileInfo created;
        try (InputStream body = request.body()) {
            created = suggested.isPresent()
                    ? saveSuggested(file, suggested.get(), body)
                    : saveRelative(file, relative.get(), request, body);
        } catch (ContentTooLargeException e) {
            throw new WopiException(413, e.getMessage());
        }
        return WopiResponse.body(200, JsonBody.of(result(file, created)));
    }

    private FileInfo saveSuggested(FileContext file, String suggestion, InputStream body)
            throws WopiException, IOException {
        String name = suggestion.startsWith(".")
                ? FileNames.baseName(file.info().fileName()) + suggestion
                : suggestion;
        Optional<String> problem = FileNames.problem(name);
        if (problem.isPresent()) {
            throw WopiException.badRequest(problem.get());
        }
        String candidate = name;
        for (int n = 1; platform.files().findSibling(file.ref(), candidate).isPresent(); n++) {
            if (n > MAX_SUFFIX) {
                throw WopiException.badRequest("No free name like " + name);
            }
            candidate = FileNames.numbered(name, n);
        }
        return platform.files().createSibling(file.ref(), candidate, body, maxFileSize, file.user());
    }

    private FileInfo saveRelative(FileContext file, String name, WopiRequest request, InputStream body)
            throws WopiException, IOException {
        Optional<String> problem = FileNames.problem(name);
        if (problem.isPresent()) {
            throw WopiException.badRequest(problem.get());
        }
        Optional<FileRef> existing = platform.files().findSibling(file.ref(), name);
        if (existing.isEmpty()) {
            return platform.files().createSibling(file.ref(), name, body, maxFileSize, file.user());
        }
        boolean overwrite = request.header(WopiHeaders.OVERWRITE_RELATIVE_TARGET)
                .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        String existingId = FileIdCodec.encode(existing.get());
        if (!overwrite) {
            throw new WopiException(409, "A file with that name exists")
                    .with(WopiHeaders.VALID_RELATIVE_TARGET, freeName(file.ref(), name));
        }
        Optional<String> lock = locks.current(existingId);
        if (lock.isPresent()) {
            throw WopiException.lockMismatch(lock.get(), "The file to overwrite is locked")
                    .with(WopiHeaders.VALID_RELATIVE_TARGET, freeName(file.ref(), name));
        }
        if (platform.permissions().of(file.user(), existing.get()).filter(p -> p == EDIT).isEmpty()) {
            throw WopiException.unauthorized("The user may not overwrite that file");
        }
        return platform.files().write(existing.get(), body, maxFileSize, file.user());
    }

    private String freeName(FileRef near, String name) {
        String candidate = name;
        for (int n = 1; n <= MAX_SUFFIX && platform.files().findSibling(near, candidate).isPresent(); n++) {
            candidate = FileNames.numbered(name, n);
        }
        return candidate;
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

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
