package org.wopihost.engine;

import static org.wopihost.spi.Permission.EDIT;
import static org.wopihost.spi.Permission.VIEW;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.WritableByteChannel;
import java.util.Map;
import java.util.Optional;

import org.wopihost.spi.FileInfo;
import org.wopihost.spi.Files;
import org.wopihost.spi.OpenedFile;
import org.wopihost.spi.SaveFailedException;
import org.wopihost.spi.SaveOptions;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/** GetFile and PutFile: the file's bytes, streamed both ways. */
final class FileOperations {

    private FileOperations() {
    }

    private static final int COPY_BUFFER = 64 * 1024;

    static Operation getFile(Files files) {
        return Operation.of(VIEW, (file, request) -> {
            Optional<Long> maxExpected = request.header(WopiHeaders.MAX_EXPECTED_SIZE).map(FileOperations::parseSize);
            OpenedFile opened = files.open(file.ref()).orElseThrow(() -> WopiException.notFound("Unknown file"));
            FileInfo info = opened.info();
            if (maxExpected.isPresent() && info.size() > maxExpected.get()) {
                opened.close();
                throw new WopiException(412, "The file is larger than X-WOPI-MaxExpectedSize");
            }
            return WopiResponse.body(200, new WopiResponse.Body() {
                @Override
                public String contentType() {
                    return "application/octet-stream";
                }

                @Override
                public long length() {
                    return info.size();
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    try (InputStream in = opened.content()) {
                        copy(in, out);
                    }
                }
            }).header(WopiHeaders.ITEM_VERSION, info.version());
        });
    }

    /**
     * PutFile. The lock is checked before the body is read, and again, with Collabora's timestamp, once
     * it is in; a save refused at that point is kept as a conflict copy ({@link ConflictCopies}).
     * Answers the saved file's LastModifiedTime, exactly as CheckFileInfo reports it (Collabora's
     * next save sends it back).
     */
    static Operation putFile(Files files, LockRules locks, long maxFileSize, CollaboraSaveRules saves,
            ConflictCopies conflicts) {
        return Operation.of(EDIT, (file, request) -> {
            Optional<String> lockSeen = locks.checkWritable(file.ref(), request.header(WopiHeaders.LOCK),
                    file.info().size());
            WriteCondition condition = CollaboraSaveRules.condition(request, LockRules.unchanged(lockSeen), lockSeen);
            SaveOptions options = new SaveOptions(CollaboraSaveRules.newVersion(request),
                    saves.coAuthors(request, file.user()), conflicts.name(file));
            FileInfo saved;
            try (InputStream body = ClientBody.open(request, maxFileSize)) {
                saved = files.save(file.ref(), body, file.user(), condition, options);
            } catch (WriteRefusedException e) {
                throw conflicts.refused(file, e);
            } catch (SaveFailedException e) {
                throw conflicts.failed(file, e);
            }
            return WopiResponse.body(200, JsonBody.of(Map.of("LastModifiedTime", CollaboraSaveRules.lastModifiedTime(saved))))
                    .header(WopiHeaders.ITEM_VERSION, saved.version());
        });
    }

    /** A missing or unparsable size limit is no limit: the header is only a hint from the client. */
    private static Long parseSize(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Copies in 64 KiB writes: larger than the servlet container's response buffer, so they go to the
     * socket without being copied into it first (InputStream.transferTo writes 8 KiB at a time). An
     * output that also takes byte buffers gets the stream's own transfer, which may hand it the file
     * itself (the standalone host's blobs: mapped, never copied through the heap).
     */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        if (out instanceof WritableByteChannel) {
            in.transferTo(out);
            return;
        }
        byte[] buffer = new byte[COPY_BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
    }
}
