package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;

import java.util.Map;
import java.util.Optional;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;

/** RenameFile and DeleteFile: both refuse a file locked by another client. */
final class RenameAndDelete {

    private RenameAndDelete() {
    }

    static Operation rename(Files files, LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            locks.checkNotLockedByOther(file.ref(), request.header(WopiHeaders.LOCK));
            // The client sends the new name without extension; the file keeps its own.
            String requested = FileNames.decodeUtf7(request.header(WopiHeaders.REQUESTED_NAME).orElse(""))
                    .orElseThrow(() -> invalidName("The name is not UTF-7 encoded"));
            String extension = FileNames.extension(file.info().fileName());
            String newName = requested + extension;
            Optional<String> problem = requested.isEmpty() ? Optional.of("The name is empty") : FileNames.problem(newName);
            if (problem.isPresent()) {
                throw invalidName(problem.get());
            }
            newName = unclaimed(files, file.ref(), newName);
            FileInfo renamed = files.rename(file.ref(), newName, file.user());
            String name = renamed.fileName();
            // The name without the extension we kept, not without whatever follows its last dot.
            if (!extension.isEmpty() && name.endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
            }
            return WopiResponse.body(200, JsonBody.of(Map.of("Name", name)));
        });
    }

    /**
     * {@code name}, or when another document's main file has it, the first free "name (n).ext":
     * the spec asks the host to find a name rather than fail on a conflict.
     */
    private static String unclaimed(Files files, FileRef file, String name) throws WopiException {
        if (!file.xpath().equals(FileRef.MAIN_BLOB)) {
            return name; // attachments are named within their document, not among its siblings
        }
        return SiblingNames.free(files, file, name, file)
                .orElseThrow(() -> invalidName("A file with that name exists"));
    }

    private static WopiException invalidName(String reason) {
        return WopiException.badRequest(reason).with(WopiHeaders.INVALID_FILE_NAME_ERROR, reason);
    }

    static Operation delete(Files files, LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            Optional<String> lock = locks.current(file.ref());
            if (lock.isPresent()) {
                throw WopiException.lockMismatch(lock.get(), "The file is locked");
            }
            // Deleting a document's main file deletes its attachments: not while one is being edited.
            for (FileRef other : files.deletedWith(file.ref())) {
                if (locks.current(other).isPresent()) {
                    throw WopiException.lockMismatch("", "An attachment of the document is locked: " + other.xpath());
                }
            }
            files.delete(file.ref(), file.user());
            return WopiResponse.ok();
        });
    }
}
