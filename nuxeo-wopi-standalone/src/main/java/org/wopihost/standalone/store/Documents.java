package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiUser;

/**
 * The standalone host's documents: each has a title, an owner, an ACL, a main file and
 * attachments, every file with its versions. Used by the WOPI ports and by the CLI and seeder.
 */
public final class Documents {

    /** The one repository of the standalone host. */
    public static final String REPOSITORY = "default";

    /** A document and its files, for listings. */
    public record Document(String id, String title, String ownerId, List<Blob> files) {
    }

    /** One file of a document. */
    public record Blob(String xpath, String fileName, long size, int version) {
    }

    private final Database db;
    private final BlobFiles blobs;
    private final Clock clock;

    public Documents(Database db, BlobFiles blobs, Clock clock) {
        this.db = db;
        this.blobs = blobs;
        this.clock = clock;
    }

    public Database database() {
        return db;
    }

    public BlobFiles blobs() {
        return blobs;
    }

    public Clock clock() {
        return clock;
    }

    public void createUser(String id, String displayName, String email) {
        db.transaction(c -> update(c, "INSERT INTO wopi_users (id, display_name, email) VALUES (?, ?, ?)",
                id, displayName, email));
    }

    /**
     * Claims a one-time task for this database (seeding, say): true for exactly one caller ever,
     * even when several processes or nodes ask at once.
     */
    public boolean claimOnce(String task) {
        try {
            return db.transaction(c -> update(c, "INSERT INTO wopi_claims (task, claimed_at) VALUES (?, ?)", task,
                    clock.millis()) == 1);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && StoreException.isDuplicateKey(sql)) {
                return false;
            }
            throw e;
        }
    }

    public boolean userExists(String id) {
        return db.read(c -> exists(c, "SELECT 1 FROM wopi_users WHERE id = ?", id));
    }

    /** Creates an empty document owned by {@code ownerId}, who gets read and write access. */
    public String createDocument(String title, String ownerId) {
        String id = UUID.randomUUID().toString();
        db.transaction(c -> insertDocument(c, id, title, ownerId));
        return id;
    }

    public void grant(String docId, String principal, Permission permission) {
        db.transaction(c -> {
            update(c, "DELETE FROM wopi_acl WHERE doc_id = ? AND principal = ?", docId, principal);
            return update(c, "INSERT INTO wopi_acl (doc_id, principal, permission) VALUES (?, ?, ?)",
                    docId, principal, permission.name());
        });
    }

    /** Adds a file to a document at {@code xpath}, as its first version. */
    public FileRef addFile(String docId, String xpath, String fileName, InputStream content, String userId)
            throws IOException {
        saveBlob(content, (c, stored) -> insertBlob(c, docId, xpath, fileName, stored, userId));
        return new FileRef(REPOSITORY, docId, xpath);
    }

    /** Work that records a newly stored blob in the database. */
    @FunctionalInterface
    interface BlobWork<T> {
        T run(Connection c, BlobFiles.Stored stored) throws SQLException, IOException;
    }

    /**
     * Stores {@code content} as a new blob, then records it with {@code work} in one durable
     * transaction: when this returns, the blob, its directory entry and the commit are on disk. When
     * the work fails, nothing is kept.
     */
    <T> T saveBlob(InputStream content, BlobWork<T> work) throws IOException {
        return saveBlob(content, work, null);
    }

    /** What records a stored blob elsewhere when the work meant for it failed, and what to throw then. */
    @FunctionalInterface
    interface Fallback {
        Exception keep(Connection c, BlobFiles.Stored stored, Exception failure) throws SQLException, IOException;
    }

    /**
     * {@link #saveBlob(InputStream, BlobWork)}, and when the work fails once the content is in,
     * {@code fallback} records the same blob in a durable transaction of its own (a conflict copy) and
     * names the exception to throw. When the fallback fails too, the work's failure is thrown.
     */
    <T> T saveBlob(InputStream content, BlobWork<T> work, Fallback fallback) throws IOException {
        BlobFiles.Stored stored = blobs.store(content);
        T result;
        try {
            result = db.durableTransaction(c -> work.run(c, stored));
        } catch (UncheckedIOException e) {
            throw rethrowable(keepOrSettle(stored, e.getCause(), fallback)); // a refused condition, say: the engine maps it
        } catch (RuntimeException e) {
            throw rethrowable(keepOrSettle(stored, e, fallback));
        }
        blobs.keep(stored.key());
        return result;
    }

    private Exception keepOrSettle(BlobFiles.Stored stored, Exception failure, Fallback fallback) {
        if (fallback != null) {
            try {
                Exception answer = db.durableTransaction(c -> fallback.keep(c, stored, failure));
                blobs.keep(stored.key());
                return answer;
            } catch (RuntimeException keepFailed) {
                failure.addSuppressed(keepFailed);
            }
        }
        settle(List.of(stored.key()));
        return failure;
    }

    private static IOException rethrowable(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        throw (RuntimeException) e;
    }

    /**
     * After a transaction that added or removed these blobs failed: each stays if the database
     * references it, and goes otherwise. When even that cannot be known (the database is down),
     * they stay marked, and the next process to start settles them.
     */
    void settle(List<String> keys) {
        try {
            for (String key : keys) {
                if (isReferenced(key)) {
                    blobs.keep(key);
                } else {
                    blobs.delete(key);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left marked
        }
    }

    /**
     * Removes the versions {@code where} selects, and whatever {@code alsoRemove} removes in the same
     * transaction, then their blobs: the blobs go only once no row references them, and stay marked
     * until then, so that a crash at any point leaves no row without its blob and no blob for ever.
     */
    void removeVersions(String where, Object[] params, Database.Work<?> alsoRemove) throws IOException {
        List<String> marked = new ArrayList<>();
        try {
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT blob_key FROM wopi_versions" + where)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            blobs.mark(rs.getString(1));
                            marked.add(rs.getString(1));
                        }
                    }
                }
                update(c, "DELETE FROM wopi_versions" + where, params);
                return alsoRemove.run(c);
            });
        } catch (RuntimeException e) {
            settle(marked);
            throw e;
        }
        for (String key : marked) {
            blobs.delete(key); // a reader still streaming it keeps its open file
        }
    }

    /**
     * Settles what processes that died left in the data folder: blobs of saves that never
     * committed go, uploads in progress go; blobs the database references stay.
     */
    public void settleAbandonedBlobs() throws IOException {
        blobs.settleAbandoned(this::isReferenced);
    }

    private boolean isReferenced(String blobKey) {
        return db.read(c -> exists(c, "SELECT 1 FROM wopi_versions WHERE blob_key = ?", blobKey));
    }

    /** The next free attachment xpath of a document ({@code files:files/N/file}). */
    public String nextAttachmentXpath(String docId) {
        int n = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM wopi_blobs WHERE doc_id = ? AND xpath LIKE 'files:files/%'")) {
                ps.setString(1, docId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        for (int i = n;; i++) {
            String xpath = FileRef.attachmentXpath(i);
            if (!db.read(c -> exists(c, "SELECT 1 FROM wopi_blobs WHERE doc_id = ? AND xpath = ?", docId, xpath))) {
                return xpath;
            }
        }
    }

    /** Every document with its files, by title. */
    public List<Document> list() {
        return db.read(c -> {
            List<Document> docs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, owner_id FROM wopi_documents ORDER BY title, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    docs.add(new Document(rs.getString(1), rs.getString(2), rs.getString(3), new ArrayList<>()));
                }
            }
            for (Document d : docs) {
                d.files().addAll(files(c, d.id()));
            }
            return docs;
        });
    }

    /** A document by id, or else by title, or else by the file name of its main file (the first of {@link #matching}). */
    public Optional<Document> find(String idOrName) {
        return matching(idOrName).stream().findFirst();
    }

    /**
     * The documents with that id, or else those with that title, or else those whose main file has
     * that name: several when titles or file names repeat, so that a caller can ask which one.
     */
    public List<Document> matching(String idOrName) {
        List<Document> all = list();
        for (java.util.function.Predicate<Document> match : List.<java.util.function.Predicate<Document>>of(
                d -> d.id().equals(idOrName),
                d -> d.title().equals(idOrName),
                d -> d.files().stream().anyMatch(f -> f.xpath().equals(FileRef.MAIN_BLOB) && f.fileName().equals(idOrName)))) {
            List<Document> found = all.stream().filter(match).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Every user, by id. */
    public List<WopiUser> users() {
        return db.read(c -> {
            List<WopiUser> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, display_name, email FROM wopi_users ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(new WopiUser(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return users;
        });
    }

    /** Removes a principal's entry from a document's ACL; false when it had none. */
    public boolean revoke(String docId, String principal) {
        return db.transaction(c -> update(c, "DELETE FROM wopi_acl WHERE doc_id = ? AND principal = ?", docId,
                principal)) > 0;
    }

    Object insertDocument(Connection c, String id, String title, String ownerId) throws SQLException {
        update(c, "INSERT INTO wopi_documents (id, title, owner_id, created_at) VALUES (?, ?, ?, ?)",
                id, title, ownerId, clock.millis());
        return update(c, "INSERT INTO wopi_acl (doc_id, principal, permission) VALUES (?, ?, ?)",
                id, ownerId, Permission.EDIT.name());
    }

    Object insertBlob(Connection c, String docId, String xpath, String fileName, BlobFiles.Stored stored, String userId)
            throws SQLException {
        update(c, "INSERT INTO wopi_blobs (doc_id, xpath, file_name, current_version) VALUES (?, ?, ?, 1)",
                docId, xpath, fileName);
        return insertVersion(c, docId, xpath, 1, stored, userId);
    }

    /** Records a stored blob as version {@code version} of a file, made now by {@code userId}. */
    int insertVersion(Connection c, String docId, String xpath, int version, BlobFiles.Stored stored, String userId)
            throws SQLException {
        return insertVersion(c, docId, xpath, version, stored, userId, clock.millis(), false, List.of());
    }

    /**
     * Records a save made at {@code modifiedAt} as version {@code version}: a working one (an autosave,
     * which the next save replaces) or not, crediting {@code coAuthors} besides {@code userId}.
     */
    int insertVersion(Connection c, String docId, String xpath, int version, BlobFiles.Stored stored, String userId,
            long modifiedAt, boolean working, List<String> coAuthors) throws SQLException {
        return update(c, "INSERT INTO wopi_versions (doc_id, xpath, version, blob_key, size, modified_at, modified_by,"
                + " working, co_authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", docId, xpath, version, stored.key(),
                stored.size(), modifiedAt, userId, working, coAuthors.isEmpty() ? null : String.join(",", coAuthors));
    }

    private static List<Blob> files(Connection c, String docId) throws SQLException {
        List<Blob> files = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.xpath, b.file_name, v.size, b.current_version"
                + " FROM wopi_blobs b JOIN wopi_versions v"
                + " ON v.doc_id = b.doc_id AND v.xpath = b.xpath AND v.version = b.current_version"
                + " WHERE b.doc_id = ? ORDER BY b.xpath")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new Blob(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)));
                }
            }
        }
        // file:content first, then attachments in index order
        files.sort(java.util.Comparator.comparing((Blob b) -> !b.xpath().equals(FileRef.MAIN_BLOB))
                .thenComparingInt(b -> attachmentIndex(b.xpath())));
        return files;
    }

    private static int attachmentIndex(String xpath) {
        String[] parts = xpath.split("/");
        try {
            return parts.length == 3 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
