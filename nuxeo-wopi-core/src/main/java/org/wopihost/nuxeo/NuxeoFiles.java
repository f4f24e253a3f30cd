package org.wopihost.nuxeo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentRef;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.NuxeoException;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.VersioningOption;
import org.nuxeo.runtime.api.Framework;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.Files;
import org.wopihost.spi.OpenedFile;
import org.wopihost.spi.SaveOptions;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;

/**
 * Blobs of Nuxeo documents: the main file ({@code file:content}) or an attachment
 * ({@code files:files/N/file}). Reads go through a system session (the engine has checked the user's
 * permission just before); writes go through the user's own session, so Nuxeo checks Write again and
 * records the user as last contributor. A save that makes a version is flagged with {@link #WOPI_SAVE} in
 * the document's context data, which {@link WopiVersioningFilter} turns into a new minor version; an
 * autosave only updates the live document ({@link #save}).
 */
public final class NuxeoFiles implements Files {

    /** Context data key marking a save made through WOPI (see the versioning policy contribution). */
    public static final String WOPI_SAVE = "wopihost.save";
    static final String MAIN_BLOB = FileRef.MAIN_BLOB;
    static final String ATTACHMENTS = "files:files";
    static final String TITLE = "dc:title";
    static final String CREATOR = "dc:creator";
    static final String CONTRIBUTORS = "dc:contributors";
    /** Context data that turns Nuxeo's automatic versioning policies off for one save (VersioningService.DISABLE_AUTOMATIC_VERSIONING, 2021.12+). */
    static final String DISABLE_AUTOMATIC_VERSIONING = "DisableAutomaticVersioning";
    static final String MODIFIED = "dc:modified";
    static final String FILE_TYPE = "File";
    private static final Pattern ATTACHMENT = Pattern.compile("files:files/(\\d{1,6})/file");

    private final NuxeoServices services;
    private final NuxeoUsers users;
    private final LockStore locks;
    private final ConflictCopy conflictCopies;
    private final ContentTimes contentTimes;
    private final WorkingCopies workingCopies;

    /** @param locks read inside a save's transaction, for its write condition */
    public NuxeoFiles(NuxeoServices services, NuxeoUsers users, LockStore locks) {
        this.services = services;
        this.users = users;
        this.locks = locks;
        this.conflictCopies = new ConflictCopy(services, users, this::stored);
        this.contentTimes = new ContentTimes(services);
        this.workingCopies = new WorkingCopies(services);
    }

    /** Whether the binding serves this xpath: the main file or an attachment. */
    static boolean isSupportedXpath(String xpath) {
        return MAIN_BLOB.equals(xpath) || ATTACHMENT.matcher(xpath).matches();
    }

    /** The attachment index of an xpath, or -1 for the main file. */
    static int attachmentIndex(String xpath) {
        Matcher m = ATTACHMENT.matcher(xpath);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Override
    public Optional<FileInfo> info(FileRef file) {
        if (!isSupportedXpath(file.xpath())) {
            return Optional.empty();
        }
        return services.inTransaction(() -> {
            CoreSession session = services.systemSession(file.repository());
            return document(session, file).flatMap(doc -> blob(doc, file.xpath()).map(b -> info(session, doc, file, b)));
        });
    }

    @Override
    public Optional<OpenedFile> open(FileRef file) throws IOException {
        if (!isSupportedXpath(file.xpath())) {
            return Optional.empty();
        }
        return inTransaction(() -> {
            CoreSession session = services.systemSession(file.repository());
            Optional<DocumentModel> doc = document(session, file);
            Optional<Blob> blob = doc.flatMap(d -> blob(d, file.xpath()));
            return blob.isEmpty() ? Optional.empty()
                    : Optional.of(new OpenedFile(info(session, doc.get(), file, blob.get()), blob.get().getStream()));
        });
    }

    /** Work in a transaction that may fail with an I/O error. */
    @FunctionalInterface
    private interface IoWork<R> {
        R run() throws IOException;
    }

    /** Runs {@code work} in a transaction; an IOException it throws comes out as itself. */
    private <R> R inTransaction(IoWork<R> work) throws IOException {
        try {
            return services.inTransaction(() -> {
                try {
                    return work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public FileInfo write(FileRef file, InputStream content, WopiUser user, WriteCondition condition)
            throws IOException {
        return save(file, content, user, condition, null);
    }

    /**
     * A save as the client described it. A new version is a minor version ({@link #WOPI_SAVE}); an autosave
     * or a save without user changes only replaces the live document's blob, with Nuxeo's automatic
     * versioning off, so that the autosaves of a session make one working copy and the exit or explicit
     * save one version. Co-authors are added to {@code dc:contributors}. Refused or failed once the content
     * is in, the content becomes a conflict copy ({@link ConflictCopy}).
     *
     * @param options null: a plain {@link #write}, a version and no conflict copy
     */
    @Override
    public FileInfo save(FileRef file, InputStream content, WopiUser user, WriteCondition condition,
            SaveOptions options) throws IOException {
        requireSupported(file);
        Blob blob = services.createBlob(content);
        FileInfo saved;
        try {
            saved = inTransaction(() -> {
                CoreSession session = userSession(file.repository(), user);
                DocumentModel doc = session.getDocument(new IdRef(file.documentId()));
                Blob previous = blob(doc, file.xpath()).orElseThrow(() -> new NuxeoException("No blob at " + file.xpath()));
                // The upload is in: the lock it was checked against, and the file, must not have changed.
                // (no session: the condition needs the file's times and version, not its folder's title)
                condition.check(locks.get(file), info(null, doc, file, previous));
                blob.setFilename(previous.getFilename());
                blob.setMimeType(previous.getMimeType());
                doc.setPropertyValue(file.xpath(), (Serializable) blob);
                if (options == null || options.newVersion()) {
                    doc.putContextData(WOPI_SAVE, Boolean.TRUE);
                } else {
                    doc.putContextData(DISABLE_AUTOMATIC_VERSIONING, Boolean.TRUE);
                }
                if (options != null) {
                    credit(doc, options.coAuthors());
                }
                session.saveDocument(doc);
                session.save();
                return stored(session, file);
            });
        } catch (IOException | NuxeoException e) {
            if (options == null) {
                throw e;
            }
            throw conflictCopies.keep(file, blob, user, options.conflictCopyName(), e);
        }
        workingCopies.saved(file, options == null || options.newVersion());
        return saved;
    }

    /** The working copy Collabora's autosaves left in the live document becomes a minor version. */
    @Override
    public void sessionEnded(FileRef file, WopiUser user) {
        if (!isSupportedXpath(file.xpath()) || !workingCopies.take(file)) {
            return;
        }
        services.inTransaction(() -> {
            CoreSession session = userSession(file.repository(), user);
            DocumentModel doc = session.getDocument(new IdRef(file.documentId()));
            if (doc.isCheckedOut()) {
                session.checkIn(doc.getRef(), VersioningOption.MINOR, "End of a WOPI edit session");
                session.save();
            }
            return null;
        });
    }

    /** Adds the co-authors of a save to the document's contributors; Nuxeo adds the saving user itself. */
    @SuppressWarnings("unchecked")
    private static void credit(DocumentModel doc, List<String> coAuthors) {
        if (coAuthors.isEmpty()) {
            return;
        }
        List<String> contributors = new ArrayList<>();
        if (doc.getPropertyValue(CONTRIBUTORS) instanceof Object[] array) {
            for (Object o : array) {
                contributors.add(String.valueOf(o));
            }
        } else if (doc.getPropertyValue(CONTRIBUTORS) instanceof List<?> list) {
            contributors.addAll((List<String>) list);
        }
        for (String id : coAuthors) {
            if (!contributors.contains(id)) {
                contributors.add(id);
            }
        }
        // dc:contributors is secured: only Nuxeo's own listener, privileged, may write it
        Framework.doPrivileged(() -> doc.setPropertyValue(CONTRIBUTORS, contributors.toArray(new String[0])));
    }

    @Override
    public FileInfo rename(FileRef file, String newFileName, WopiUser user) throws IOException {
        requireSupported(file);
        return services.inTransaction(() -> {
            CoreSession session = userSession(file.repository(), user);
            DocumentModel doc = session.getDocument(new IdRef(file.documentId()));
            Blob blob = blob(doc, file.xpath()).orElseThrow(() -> new NuxeoException("No blob at " + file.xpath()));
            String oldName = blob.getFilename();
            blob.setFilename(newFileName);
            doc.setPropertyValue(file.xpath(), (Serializable) blob);
            if (MAIN_BLOB.equals(file.xpath()) && oldName != null && oldName.equals(doc.getTitle())) {
                // The title still shows the file name: keep them together.
                doc.setPropertyValue(TITLE, newFileName);
            }
            session.saveDocument(doc);
            session.save();
            return stored(session, file);
        });
    }

    @Override
    public Optional<FileRef> findSibling(FileRef near, String fileName) {
        return services.inTransaction(() -> {
            CoreSession session = services.systemSession(near.repository());
            Optional<DocumentModel> doc = document(session, near);
            if (doc.isEmpty() || doc.get().getParentRef() == null) {
                return Optional.empty();
            }
            DocumentModel parent = session.getDocument(doc.get().getParentRef());
            List<DocumentModel> found = session.query(siblingQuery(parent.getId(), fileName));
            return found.stream().findFirst().map(d -> new FileRef(near.repository(), d.getId(), MAIN_BLOB));
        });
    }

    /** NXQL for live documents of a folder whose main file has this name. */
    static String siblingQuery(String parentId, String fileName) {
        return "SELECT * FROM Document WHERE ecm:parentId = " + nxqlString(parentId)
                + " AND file:content/name = " + nxqlString(fileName)
                + " AND ecm:isVersion = 0 AND ecm:isProxy = 0 AND ecm:isTrashed = 0";
    }

    /** An NXQL string literal: quotes and backslashes escaped. */
    static String nxqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public FileInfo createSibling(FileRef near, String fileName, InputStream content, WopiUser user,
            boolean exactName) throws IOException {
        Blob blob = services.createBlob(content);
        blob.setFilename(fileName);
        // Best effort: the name was free when the engine looked; look again now the upload is in.
        if (exactName && findSibling(near, fileName).isPresent()) {
            throw new java.nio.file.FileAlreadyExistsException(fileName);
        }
        return services.inTransaction(() -> {
            CoreSession session = userSession(near.repository(), user);
            DocumentModel nearDoc = session.getDocument(new IdRef(near.documentId()));
            DocumentModel parent = session.getDocument(nearDoc.getParentRef());
            DocumentModel model = session.createDocumentModel(parent.getPathAsString(), pathSegment(fileName), FILE_TYPE);
            model.setPropertyValue(TITLE, fileName);
            model.setPropertyValue(MAIN_BLOB, (Serializable) blob);
            DocumentModel created = session.createDocument(model);
            session.save();
            return stored(session, new FileRef(near.repository(), created.getId(), MAIN_BLOB));
        });
    }

    /** A document path name from a file name (Nuxeo makes it unique among siblings). */
    static String pathSegment(String fileName) {
        String s = fileName.replaceAll("[/\\\\]", "-").trim();
        return s.isEmpty() ? "file" : s;
    }

    @Override
    public void delete(FileRef file, WopiUser user) throws IOException {
        requireSupported(file);
        services.inTransaction(() -> {
            CoreSession session = userSession(file.repository(), user);
            DocumentRef ref = new IdRef(file.documentId());
            int index = attachmentIndex(file.xpath());
            if (index < 0) {
                session.removeDocument(ref);
            } else {
                DocumentModel doc = session.getDocument(ref);
                List<Serializable> attachments = attachments(doc);
                if (index >= attachments.size()) {
                    throw new NuxeoException("No attachment " + index);
                }
                if (index == attachments.size() - 1) {
                    attachments.remove(index);
                    doc.setPropertyValue(ATTACHMENTS, (Serializable) attachments);
                } else {
                    // Removing a middle entry would shift the later attachments, and with them the
                    // file ids their open sessions and tokens name: empty the slot instead.
                    doc.setPropertyValue(file.xpath(), null);
                }
                session.saveDocument(doc);
            }
            session.save();
            return null;
        });
    }

    @Override
    public List<FileRef> deletedWith(FileRef file) {
        if (!MAIN_BLOB.equals(file.xpath())) {
            return List.of();
        }
        return services.inTransaction(() -> {
            DocumentModel doc = services.systemSession(file.repository()).getDocument(new IdRef(file.documentId()));
            return blobRefs(doc).stream().filter(r -> !MAIN_BLOB.equals(r.xpath())).toList();
        });
    }

    @SuppressWarnings("unchecked")
    static List<Serializable> attachments(DocumentModel doc) {
        if (!doc.hasSchema("files")) {
            return new ArrayList<>();
        }
        Serializable value = doc.getPropertyValue(ATTACHMENTS);
        return value instanceof List<?> list ? new ArrayList<>((List<Serializable>) list) : new ArrayList<>();
    }

    private CoreSession userSession(String repository, WopiUser user) {
        NuxeoPrincipal principal = users.principal(user.id())
                .orElseThrow(() -> new NuxeoException("Unknown user " + user.id()));
        return services.session(repository, principal);
    }

    private static void requireSupported(FileRef file) throws IOException {
        if (!isSupportedXpath(file.xpath())) {
            throw new IOException("Not a blob xpath this host serves: " + file.xpath());
        }
    }

    private static Optional<DocumentModel> document(CoreSession session, FileRef file) {
        DocumentRef ref = new IdRef(file.documentId());
        return session.exists(ref) ? Optional.of(session.getDocument(ref)) : Optional.empty();
    }

    /** The blob at an xpath, or empty when the property is absent, empty or not a blob. */
    static Optional<Blob> blob(DocumentModel doc, String xpath) {
        int index = attachmentIndex(xpath);
        if (index >= 0 ? !doc.hasSchema("files") : !doc.hasSchema("file")) {
            return Optional.empty();
        }
        try {
            if (index >= 0 && index >= attachments(doc).size()) {
                return Optional.empty();
            }
            return doc.getPropertyValue(xpath) instanceof Blob b ? Optional.of(b) : Optional.empty();
        } catch (NuxeoException e) { // PropertyException and friends: no such property
            return Optional.empty();
        }
    }

    /**
     * The file as Nuxeo stored it, read back after a save: the blob store sets the stored blob's digest
     * (not every store gives the uploaded blob one) and versioning may change the document after the
     * save, so only this agrees with what CheckFileInfo and GetFile report next.
     */
    FileInfo stored(CoreSession session, FileRef ref) {
        DocumentModel doc = session.getDocument(new IdRef(ref.documentId()));
        Blob blob = blob(doc, ref.xpath()).orElseThrow(() -> new NuxeoException("No blob at " + ref.xpath()));
        return info(null, doc, ref, blob); // a save answers its version and name: no folder to load
    }

    private FileInfo info(CoreSession session, DocumentModel doc, FileRef ref, Blob blob) {
        return info(session, doc, ref, blob, contentTimes);
    }

    /**
     * The file's metadata; its LastModifiedTime is when its content last changed ({@link ContentTimes}).
     *
     * @param session where the document's folder is read, for its title (a system session: always
     *                readable); null to leave the folder out
     */
    static FileInfo info(CoreSession session, DocumentModel doc, FileRef ref, Blob blob, ContentTimes times) {
        Instant modified = doc.getPropertyValue(MODIFIED) instanceof Calendar c ? c.toInstant() : Instant.EPOCH;
        String version = version(modified, blob);
        String owner = doc.getPropertyValue(CREATOR) instanceof String s ? s : "";
        String fileName = blob.getFilename() != null ? blob.getFilename() : doc.getTitle();
        return new FileInfo(ref, fileName, blob.getLength(), version, times.of(ref, blob, modified), owner,
                doc.getTitle(), session == null ? null : containerName(session, doc));
    }

    /**
     * A file's WOPI version: the time of the document's last user modification and the blob's digest (its
     * size where the store gives no digest). It changes with every save, even of the same bytes (the
     * validator's PutFileReturnsDifferentVersion), and never repeats. Not the content digest alone, which
     * repeats; not the change token, which Nuxeo's own background work (fulltext extraction) moves on
     * without any change to the file. A save of another file of the same document moves it too.
     */
    static String version(Instant modified, Blob blob) {
        return "m" + modified.toEpochMilli() + "-" + (blob.getDigest() != null ? blob.getDigest() : blob.getLength());
    }

    private static String containerName(CoreSession session, DocumentModel doc) {
        try {
            DocumentRef parent = doc.getParentRef();
            return parent == null ? null : session.getDocument(parent).getTitle();
        } catch (NuxeoException e) {
            return null;
        }
    }

    /** Every blob this binding serves on a document (used to release its WOPI locks). */
    static List<FileRef> blobRefs(DocumentModel doc) {
        List<FileRef> refs = new ArrayList<>();
        refs.add(new FileRef(doc.getRepositoryName(), doc.getId(), MAIN_BLOB));
        int n = attachments(doc).size();
        for (int i = 0; i < n; i++) {
            refs.add(new FileRef(doc.getRepositoryName(), doc.getId(), FileRef.attachmentXpath(i)));
        }
        return refs;
    }
}
