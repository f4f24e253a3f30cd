package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;

import java.util.Map;
import java.util.Optional;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.Files;

/** RenameFile and DeleteFile: both refuse a file locked by another client. */
final class RenameAndDelete {

    private RenameAndDelete() {
    }

    static Operation rename(Files files, LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            locks.checkNotLockedByOther(file.fileId(), request.header(WopiHeaders.LOCK));
            // The client sends the new name without extension; the file keeps its own.
            String requested = FileNames.decodeUtf7(request.header(WopiHeaders.REQUESTED_NAME).orElse(""));
            String newName = requested + FileNames.extension(file.info().fileName());
            Optional<String> problem = requested.isEmpty() ? Optional.of("The name is empty") : FileNames.problem(newName);
            if (problem.isPresent()) {
                throw WopiException.badRequest(problem.get())
                        .with(WopiHeaders.INVALID_FILE_NAME_ERROR, problem.get());
            }
            FileInfo renamed = files.rename(file.ref(), newName, file.user());
            return WopiResponse.body(200, JsonBody.of(Map.of("Name", FileNames.baseName(renamed.fileName()))));
        });
    }

    static Operation delete(Files files, LockRules locks) {
        return Operation.of(EDIT, (file, request) -> {
            Optional<String> lock = locks.current(file.fileId());
            if (lock.isPresent()) {
                throw WopiException.lockMismatch(lock.get(), "The file is locked");
            }
            files.delete(file.ref(), file.user());
            return WopiResponse.ok();
        });
    }
}
