package org.wopihost.standalone.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.UserAccess;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/** Document ACLs: a user's own entry or the {@code Everyone} entry, the higher one winning. */
public final class StandalonePermissions implements Permissions {

    public static final String EVERYONE = "Everyone";

    private final Database db;

    public StandalonePermissions(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Permission> of(WopiUser user, FileRef file) {
        if (!Documents.REPOSITORY.equals(file.repository())) {
            return Optional.empty();
        }
        return db.read(c -> of(c, user, file));
    }

    /** The ACL and the current version, in one statement. */
    @Override
    public Optional<FileAccess> access(WopiUser user, FileRef file) {
        if (!Documents.REPOSITORY.equals(file.repository())) {
            return Optional.empty();
        }
        return db.read(c -> StandaloneFiles.access(c, file, user.id()));
    }

    /**
     * The user, the ACL and the current version in one statement, when {@code users} are the ones in
     * this database (as the standalone host wires them): a request's first lookup.
     */
    @Override
    public Optional<UserAccess> access(Users users, String userId, FileRef file) {
        if (!Documents.REPOSITORY.equals(file.repository()) || !(users instanceof StandaloneUsers ours)
                || !ours.storedIn(db)) {
            return Permissions.super.access(users, userId, file);
        }
        return db.read(c -> StandaloneFiles.userAccess(c, file, userId));
    }

    private static Optional<Permission> of(Connection c, WopiUser user, FileRef file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PERMISSION_RANK + " FROM wopi_acl a"
                + " WHERE a.doc_id = ? AND a.principal IN (?, ?)")) {
            Documents.bind(ps, file.documentId(), user.id(), EVERYONE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next(); // an aggregate: always one row
                return permission(rs.getInt(1));
            }
        }
    }

    /**
     * The rank of the highest permission among the ACL entries {@code a} selected, for {@link #permission}:
     * a user's own entry or {@code Everyone}'s, the higher one winning. Also part of the statement that
     * resolves a request's file ({@link StandaloneFiles#access}).
     */
    static final String PERMISSION_RANK = "MAX(CASE a.permission WHEN 'EDIT' THEN 2 ELSE 1 END)";

    /** The permission a {@link #PERMISSION_RANK} stands for; empty for 0 (SQL NULL: no entry). */
    static Optional<Permission> permission(int rank) {
        return rank == 0 ? Optional.empty() : Optional.of(rank == 2 ? Permission.EDIT : Permission.VIEW);
    }

    /** With no folders, whoever may edit a document may save a copy beside it. */
    static boolean mayCreateBeside(Permission permission) {
        return permission == Permission.EDIT;
    }

    @Override
    public boolean mayCreateSibling(WopiUser user, FileRef near) {
        return of(user, near).filter(StandalonePermissions::mayCreateBeside).isPresent();
    }

    /** A document's owner (its creator) manages it. */
    @Override
    public boolean mayManage(WopiUser user, FileRef file) {
        return Documents.REPOSITORY.equals(file.repository()) && db.read(c -> Documents.exists(c,
                "SELECT 1 FROM wopi_documents WHERE id = ? AND owner_id = ?", file.documentId(), user.id()));
    }
}
