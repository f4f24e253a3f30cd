package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.OpenedFile;
import org.wopihost.spi.Permission;
import org.wopihost.spi.SaveFailedException;
import org.wopihost.spi.SaveOptions;
import org.wopihost.spi.UserAccess;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/**
 * The {@link Files} port on disk and SQL. Content is written to a new immutable blob first; one
 * short transaction then makes it the current version. Readers keep streaming the version they
 * opened even while a save lands.
 */
public final class StandaloneFiles implements Files {

    /** A blob, its current version and its document. */
    private static final String CURRENT_JOINS = "wopi_blobs b"
            + " JOIN wopi_versions v ON v.doc_id = b.doc_id AND v.xpath = b.xpath AND v.version = b.current_version"
            + " JOIN wopi_documents d ON d.id = b.doc_id";
    private static final String CURRENT_COLUMNS = "SELECT b.file_name, b.current_version, v.size, v.modified_at,"
            + " v.blob_key, d.owner_id, d.title";
    private static final String THE_BLOB = "b.doc_id = ? AND b.xpath = ?";
    private static final String CURRENT = CURRENT_COLUMNS + " FROM " + CURRENT_JOINS + " WHERE " + THE_BLOB;
    /** {@link #CURRENT}'s columns and the user's permission, for {@link #ACCESS} and {@link #USER_WITH_ACCESS}. */
    private static final String CURRENT_WITH_PERMISSION = CURRENT_COLUMNS + ", (SELECT "
            + StandalonePermissions.PERMISSION_RANK + " FROM wopi_acl a WHERE a.doc_id = b.doc_id"
            + " AND a.principal IN (?, ?))";
    private static final String ACCESS = CURRENT_WITH_PERMISSION + " FROM " + CURRENT_JOINS + " WHERE " + THE_BLOB;
    /**
     * {@link #CURRENT_WITH_PERMISSION} and the user's row: one row when the user exists, with nulls for
     * the file when it does not exist.
     */
    private static final String USER_WITH_ACCESS = CURRENT_WITH_PERMISSION + ", u.display_name, u.email"
            + " FROM wopi_users u LEFT JOIN (" + CURRENT_JOINS + ") ON " + THE_BLOB + " WHERE u.id = ?";

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneFiles.class);
    private static final String NAMES_TASK = "sibling-names";

    private final Documents documents;
    private final TransactionalLocks locks;
    private final Database db;
    private final BlobFiles blobs;
    private final int versionsKept;

    /**
     * @param locks        read inside a save's transaction, for its write condition
     * @param versionsKept how many versions of each file to keep, at least 1
     */
    public StandaloneFiles(Documents documents, TransactionalLocks locks, int versionsKept) {
        if (versionsKept < 1) {
            throw new IllegalArgumentException("At least one version must be kept");
        }
        this.versionsKept = versionsKept;
        this.documents = documents;
        this.locks = locks;
        documents.claimOnce(NAMES_TASK); // the row exact-name creations lock
        this.db = documents.database();
        this.blobs = documents.blobs();
    }

    /** A current version row: metadata plus where its bytes are. */
    record Current(FileInfo info, String blobKey) {
    }

    @Override
    public Optional<FileInfo> info(FileRef file) {
        return current(file).map(Current::info);
    }

    @Override
    public Optional<OpenedFile> open(FileRef file) throws IOException {
        Optional<Current> current = current(file);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OpenedFile(current.get().info(), blobs.open(current.get().blobKey())));
    }

    @Override
    public FileInfo write(FileRef file, InputStream content, WopiUser user, WriteCondition condition)
            throws IOException {
        return save(file, content, user, condition, null);
    }

    /**
     * A save as the client described it. An autosave (not {@link SaveOptions#newVersion()}) is a working
     * version: the next save of the file, autosave or not, replaces it, so that an edit session leaves
     * one version. Refused or failed once the content is in, the content becomes a new document beside
     * the file (see {@link #createSibling}), readable by the same people.
     *
     * @param options null: a plain {@link #write}, a version and no conflict copy
     */
    @Override
    public FileInfo save(FileRef file, InputStream content, WopiUser user, WriteCondition condition,
            SaveOptions options) throws IOException {
        if (!isOurs(file)) {
            throw new NoSuchFileException(file.toString());
        }
        boolean working = options != null && !options.newVersion();
        List<String> coAuthors = options == null ? List.of() : options.coAuthors();
        boolean[] replacesWorking = {false};
        // Read back inside the transaction, under the row lock: a concurrent save must not make us
        // report its version as ours.
        FileInfo saved = documents.saveBlob(content, (c, stored) -> {
            Integer version = currentVersionForUpdate(c, file);
            if (version == null) {
                throw new NoSuchFileException(file + " was deleted during the save");
            }
            // Under the row lock, on this transaction's connection: no other save of this file commits
            // meanwhile, and no second pooled connection is taken while this one holds the lock.
            FileInfo before = current(c, file).orElseThrow().info();
            condition.check(locks.forSave(c, file), before);
            // Later than the version it replaces, even within one millisecond: Collabora tells changes
            // apart by LastModifiedTime alone.
            long modifiedAt = Math.max(documents.clock().millis(), before.lastModified().toEpochMilli() + 1);
            documents.insertVersion(c, file.documentId(), file.xpath(), version + 1, stored, user.id(), modifiedAt,
                    working, coAuthors);
            // Asked here, on this connection: most saves replace no autosave and need no cleanup after.
            replacesWorking[0] = Documents.exists(c, "SELECT 1 FROM wopi_versions WHERE doc_id = ? AND xpath = ?"
                    + " AND working = TRUE AND version <= ?", file.documentId(), file.xpath(), version);
            Documents.update(c, "UPDATE wopi_blobs SET current_version = ? WHERE doc_id = ? AND xpath = ?",
                    version + 1, file.documentId(), file.xpath());
            return current(c, file).orElseThrow().info();
        }, options == null ? null : (c, stored, failure) -> keepConflictCopy(c, stored, failure, file, user, options));
        int newest = Integer.parseInt(saved.version());
        if (replacesWorking[0]) {
            dropWorkingVersions(file, newest);
        }
        pruneVersions(file, newest);
        return saved;
    }

    /** The working version an autosave left, if it is the current one, becomes a version. */
    @Override
    public void sessionEnded(FileRef file, WopiUser user) {
        if (isOurs(file)) {
            db.transaction(c -> Documents.update(c, "UPDATE wopi_versions SET working = FALSE"
                    + " WHERE doc_id = ? AND xpath = ? AND working = TRUE AND version ="
                    + " (SELECT current_version FROM wopi_blobs WHERE doc_id = ? AND xpath = ?)",
                    file.documentId(), file.xpath(), file.documentId(), file.xpath()));
        }
    }

    /** The refused content as a new document beside the file; the exception that says so. */
    private Exception keepConflictCopy(Connection c, BlobFiles.Stored stored, Exception failure, FileRef near,
            WopiUser user, SaveOptions options) throws SQLException {
        String docId = UUID.randomUUID().toString();
        insertSibling(c, docId, near, options.conflictCopyName(), stored, user);
        FileInfo copy = current(c, new FileRef(Documents.REPOSITORY, docId, FileRef.MAIN_BLOB)).orElseThrow().info();
        if (failure instanceof WriteRefusedException refused) {
            return refused.keptAs(copy);
        }
        return new SaveFailedException(copy, failure);
    }

    /**
     * The working versions before {@code newest}: the newest save holds all they held. Best effort,
     * like pruning: a failure leaves them, and the next save removes them.
     */
    private void dropWorkingVersions(FileRef file, int newest) {
        try {
            documents.removeVersions(" WHERE doc_id = ? AND xpath = ? AND working = TRUE AND version < ?",
                    new Object[] {file.documentId(), file.xpath(), newest}, c -> null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not drop the replaced autosaves of {}: {}", file, e.getMessage());
        }
    }

    /**
     * Office saves every 30 seconds to 2 minutes: keep the newest {@code versionsKept} versions of a
     * file, not every autosave forever. The newest version holds everything typed. Best effort:
     * a failure here leaves extra versions, never a missing one.
     */
    private void pruneVersions(FileRef file, int newest) {
        int oldestKept = newest - versionsKept + 1;
        if (oldestKept <= 1) {
            return;
        }
        try {
            documents.removeVersions(" WHERE doc_id = ? AND xpath = ? AND version < ?",
                    new Object[] {file.documentId(), file.xpath(), oldestKept}, c -> null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not prune old versions of {}: {}", file, e.getMessage());
        }
    }

    @Override
    public FileInfo rename(FileRef file, String newFileName, WopiUser user) throws IOException {
        int updated = db.transaction(c -> {
            if (file.xpath().equals(FileRef.MAIN_BLOB)) {
                // The title follows the file name when it was the file name.
                Documents.update(c, "UPDATE wopi_documents SET title = ? WHERE id = ? AND title ="
                        + " (SELECT file_name FROM wopi_blobs WHERE doc_id = ? AND xpath = ?)",
                        newFileName, file.documentId(), file.documentId(), file.xpath());
            }
            return Documents.update(c, "UPDATE wopi_blobs SET file_name = ? WHERE doc_id = ? AND xpath = ?",
                    newFileName, file.documentId(), file.xpath());
        });
        if (updated == 0 || !isOurs(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return info(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
    }

    /** Every document is a sibling of every other: the standalone host has no folders. */
    @Override
    public Optional<FileRef> findSibling(FileRef near, String fileName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id FROM wopi_blobs"
                    + " WHERE xpath = ? AND LOWER(file_name) = LOWER(?) ORDER BY doc_id")) {
                Documents.bind(ps, FileRef.MAIN_BLOB, fileName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new FileRef(Documents.REPOSITORY, rs.getString(1), FileRef.MAIN_BLOB))
                            : Optional.<FileRef>empty();
                }
            }
        });
    }

    /** A new document whose ACL is that of {@code near}'s document, so the same people see it. */
    @Override
    public FileInfo createSibling(FileRef near, String fileName, InputStream content, WopiUser user,
            boolean exactName) throws IOException {
        String docId = UUID.randomUUID().toString();
        documents.saveBlob(content, (c, stored) -> {
            if (exactName) {
                // Serialize creations on one row, then look again: two uploads racing for one
                // name cannot both get it.
                Documents.update(c, "UPDATE wopi_claims SET claimed_at = ? WHERE task = ?",
                        documents.clock().millis(), NAMES_TASK);
                if (Documents.exists(c, "SELECT 1 FROM wopi_blobs WHERE xpath = ? AND LOWER(file_name) = LOWER(?)",
                        FileRef.MAIN_BLOB, fileName)) {
                    throw new FileAlreadyExistsException(fileName);
                }
            }
            return insertSibling(c, docId, near, fileName, stored, user);
        });
        FileRef ref = new FileRef(Documents.REPOSITORY, docId, FileRef.MAIN_BLOB);
        return info(ref).orElseThrow(() -> new NoSuchFileException(ref.toString()));
    }

    /** A document {@code docId} holding {@code stored} as its main file, with {@code near}'s ACL. */
    private Object insertSibling(Connection c, String docId, FileRef near, String fileName, BlobFiles.Stored stored,
            WopiUser user) throws SQLException {
        documents.insertDocument(c, docId, fileName, user.id());
        Documents.update(c, "INSERT INTO wopi_acl (doc_id, principal, permission)"
                + " SELECT ?, principal, permission FROM wopi_acl WHERE doc_id = ? AND principal <> ?",
                docId, near.documentId(), user.id());
        return documents.insertBlob(c, docId, FileRef.MAIN_BLOB, fileName, stored, user.id());
    }

    @Override
    public void delete(FileRef file, WopiUser user) throws IOException {
        boolean main = file.xpath().equals(FileRef.MAIN_BLOB);
        String where = main ? " WHERE doc_id = ?" : " WHERE doc_id = ? AND xpath = ?";
        Object[] params = main ? new Object[] {file.documentId()} : new Object[] {file.documentId(), file.xpath()};
        documents.removeVersions(where, params, c -> {
            Documents.update(c, "DELETE FROM wopi_blobs" + where, params);
            if (main) {
                Documents.update(c, "DELETE FROM wopi_acl WHERE doc_id = ?", file.documentId());
                Documents.update(c, "DELETE FROM wopi_documents WHERE id = ?", file.documentId());
            }
            return null;
        });
    }

    @Override
    public List<FileRef> deletedWith(FileRef file) {
        if (!isOurs(file) || !file.xpath().equals(FileRef.MAIN_BLOB)) {
            return List.of();
        }
        return db.read(c -> {
            List<FileRef> refs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT xpath FROM wopi_blobs WHERE doc_id = ? AND xpath <> ? ORDER BY xpath")) {
                Documents.bind(ps, file.documentId(), FileRef.MAIN_BLOB);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new FileRef(file.repository(), file.documentId(), rs.getString(1)));
                    }
                }
            }
            return refs;
        });
    }

    private Optional<Current> current(FileRef file) {
        if (!isOurs(file)) {
            return Optional.empty();
        }
        return db.read(c -> current(c, file));
    }

    static Optional<Current> current(Connection c, FileRef file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            Documents.bind(ps, file.documentId(), file.xpath());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(current(rs, file)) : Optional.empty();
            }
        }
    }

    /** What {@code principal} (or {@code Everyone}) may do with the file, and its current version: one statement. */
    static Optional<FileAccess> access(Connection c, FileRef file, String principal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ACCESS)) {
            Documents.bind(ps, principal, StandalonePermissions.EVERYONE, file.documentId(), file.xpath());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? access(rs, file) : Optional.empty();
            }
        }
    }

    /** The user {@code userId} and what they may do with the file: one statement. Empty for an unknown user. */
    static Optional<UserAccess> userAccess(Connection c, FileRef file, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(USER_WITH_ACCESS)) {
            Documents.bind(ps, userId, StandalonePermissions.EVERYONE, file.documentId(), file.xpath(), userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                WopiUser user = new WopiUser(userId, rs.getString(9), rs.getString(10));
                // no blob: the LEFT JOIN's nulls, and no permission either
                return Optional.of(new UserAccess(user, access(rs, file)));
            }
        }
    }

    /** The access a row of {@link #CURRENT_WITH_PERMISSION} grants, if any. */
    private static Optional<FileAccess> access(ResultSet rs, FileRef file) throws SQLException {
        Optional<Permission> permission = StandalonePermissions.permission(rs.getInt(8));
        if (permission.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileAccess(permission.get(), current(rs, file).info(),
                StandalonePermissions.mayCreateBeside(permission.get())));
    }

    private static Current current(ResultSet rs, FileRef file) throws SQLException {
        FileInfo info = new FileInfo(file, rs.getString(1), rs.getLong(3), String.valueOf(rs.getInt(2)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(6), rs.getString(7), null);
        return new Current(info, rs.getString(5));
    }

    private static Integer currentVersionForUpdate(Connection c, FileRef file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT current_version FROM wopi_blobs WHERE doc_id = ? AND xpath = ? FOR UPDATE")) {
            Documents.bind(ps, file.documentId(), file.xpath());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static boolean isOurs(FileRef file) {
        return Documents.REPOSITORY.equals(file.repository());
    }
}
