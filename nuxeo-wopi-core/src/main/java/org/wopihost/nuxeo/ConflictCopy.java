package org.wopihost.nuxeo;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.NuxeoException;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.SaveFailedException;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteRefusedException;

/**
 * Keeps the content of a save refused or failed once uploaded. First choice: a new File document in the
 * same folder, made with the user's own session (so the folder's ACL decides, and the user is its
 * creator). When the user may not create documents there, an attachment ({@code files:files}) of the
 * document itself, which the user may write (they were saving it). When neither works, the log says so
 * with the blob's digest: nothing is dropped silently.
 */
final class ConflictCopy {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictCopy.class);

    private final NuxeoServices services;
    private final NuxeoUsers users;
    private final BiFunction<CoreSession, FileRef, FileInfo> stored;

    /** @param stored the metadata of a file as a session reads it back, as {@link NuxeoFiles} reports it */
    ConflictCopy(NuxeoServices services, NuxeoUsers users, BiFunction<CoreSession, FileRef, FileInfo> stored) {
        this.services = services;
        this.users = users;
        this.stored = stored;
    }

    /**
     * Keeps {@code blob} beside {@code file} under {@code name}; returns what the save must throw: the
     * refusal or failure, saying where its content went.
     */
    IOException keep(FileRef file, Blob blob, WopiUser user, String name, Throwable failure) {
        blob.setFilename(name);
        // Looked up here: the copy's own transaction may run on a thread with no login, which may not read users.
        NuxeoPrincipal principal = users.principal(user.id()).orElse(null);
        FileInfo copy;
        try {
            copy = inFolder(file, blob, principal, name);
        } catch (NuxeoException | NullPointerException folderRefused) {
            try {
                copy = asAttachment(file, blob, principal);
            } catch (NuxeoException | NullPointerException attachmentRefused) {
                LOG.error("The content of a save of {} by {} ({}) could not be kept: {}, then {}; its blob digest is {}",
                        file, user.id(), failure.getMessage(), folderRefused.getMessage(),
                        attachmentRefused.getMessage(), blob.getDigest());
                return failure instanceof IOException io ? io : new IOException(failure);
            }
        }
        if (failure instanceof WriteRefusedException refused) {
            return refused.keptAs(copy);
        }
        return new SaveFailedException(copy, failure);
    }

    /**
     * {@code work} in a transaction of its own, which may run on another thread: marked as a WOPI request
     * there too when it is one here (a co-editor writes a document locked for the session only then).
     */
    private FileInfo ownTransaction(Supplier<FileInfo> work) {
        boolean wopiRequest = WopiRequests.isActive();
        return services.inOwnTransaction(() -> wopiRequest ? WopiRequests.call(work) : work.get());
    }

    private FileInfo inFolder(FileRef file, Blob blob, NuxeoPrincipal user, String name) {
        return ownTransaction(() -> {
            CoreSession session = services.session(file.repository(), Objects.requireNonNull(user, "user"));
            DocumentModel near = session.getDocument(new IdRef(file.documentId()));
            DocumentModel parent = session.getDocument(near.getParentRef());
            DocumentModel model = session.createDocumentModel(parent.getPathAsString(), NuxeoFiles.pathSegment(name),
                    NuxeoFiles.FILE_TYPE);
            model.setPropertyValue(NuxeoFiles.TITLE, name);
            model.setPropertyValue(NuxeoFiles.MAIN_BLOB, (Serializable) blob);
            DocumentModel created = session.createDocument(model);
            session.save();
            return stored.apply(session, new FileRef(file.repository(), created.getId(), NuxeoFiles.MAIN_BLOB));
        });
    }

    private FileInfo asAttachment(FileRef file, Blob blob, NuxeoPrincipal user) {
        return ownTransaction(() -> {
            CoreSession session = services.session(file.repository(), Objects.requireNonNull(user, "user"));
            DocumentModel doc = session.getDocument(new IdRef(file.documentId()));
            List<Serializable> attachments = new ArrayList<>(NuxeoFiles.attachments(doc));
            attachments.add((Serializable) Map.of("file", (Serializable) blob));
            doc.setPropertyValue(NuxeoFiles.ATTACHMENTS, (Serializable) attachments);
            doc.putContextData(NuxeoFiles.DISABLE_AUTOMATIC_VERSIONING, Boolean.TRUE);
            session.saveDocument(doc);
            session.save();
            return stored.apply(session,
                    new FileRef(file.repository(), file.documentId(), FileRef.attachmentXpath(attachments.size() - 1)));
        });
    }
}
