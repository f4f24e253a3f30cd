package org.wopihost.standalone.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.wopihost.spi.Users;
import org.wopihost.spi.WopiUser;

/** Users and their WOPI UserInfo, in the database. */
public final class StandaloneUsers implements Users {

    private final Database db;

    public StandaloneUsers(Database db) {
        this.db = db;
    }

    /** Whether these are the users of {@code database}, which may then read them with other rows. */
    boolean storedIn(Database database) {
        return db == database;
    }

    @Override
    public Optional<WopiUser> find(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, display_name, email FROM wopi_users WHERE id = ?")) {
                Documents.bind(ps, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new WopiUser(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<WopiUser>empty();
                }
            }
        });
    }

    /** Whether {@code password} is that user's password; false for unknown users and users without one. */
    public boolean checkPassword(String userId, String password) {
        String stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password FROM wopi_users WHERE id = ?")) {
                Documents.bind(ps, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Passwords.matches(password, stored);
    }

    public void setPassword(String userId, String password) {
        db.transaction(c -> Documents.update(c, "UPDATE wopi_users SET password = ? WHERE id = ?",
                Passwords.hash(password), userId));
    }

    @Override
    public Optional<String> userInfo(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_info FROM wopi_users WHERE id = ?")) {
                Documents.bind(ps, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void putUserInfo(String userId, String info) {
        db.transaction(c -> Documents.update(c, "UPDATE wopi_users SET user_info = ? WHERE id = ?", info, userId));
    }
}
