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

    private static Optional<Permission> of(Connection c, WopiUser user, FileRef file) throws SQLException {
        Optional<Permission> best = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT permission FROM wopi_acl WHERE doc_id = ? AND principal IN (?, ?)")) {
            Documents.bind(ps, file.documentId(), user.id(), EVERYONE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Permission p = Permission.valueOf(rs.getString(1));
                    if (best.isEmpty() || p == Permission.EDIT) {
                        best = Optional.of(p);
                    }
                }
            }
        }
        return best;
    }

    /** With no folders, whoever may edit a document may save a copy beside it. */
    @Override
    public boolean mayCreateSibling(WopiUser user, FileRef near) {
        return of(user, near).filter(p -> p == Permission.EDIT).isPresent();
    }

    /** A document's owner (its creator) manages it. */
    @Override
    public boolean mayManage(WopiUser user, FileRef file) {
        return Documents.REPOSITORY.equals(file.repository()) && db.read(c -> Documents.exists(c,
                "SELECT 1 FROM wopi_documents WHERE id = ? AND owner_id = ?", file.documentId(), user.id()));
    }
}
