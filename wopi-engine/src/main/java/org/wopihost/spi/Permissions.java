package org.wopihost.spi;

import java.util.Optional;

/** Port: the platform's access control, asked on every request (ACLs may change while a token lives). */
public interface Permissions {
    /**
     * The highest permission {@code user} has on the document holding {@code file}, or empty when
     * the user may not even see it (the engine then answers 404, as for an unknown file).
     */
    Optional<Permission> of(WopiUser user, FileRef file);

    /**
     * What {@link #of} and {@link #mayCreateSibling} answer, with the file's metadata read in the same
     * lookup: how the engine resolves a request's file, once. Empty when the user may not see the
     * document, or the blob does not exist.
     */
    Optional<FileAccess> access(WopiUser user, FileRef file);

    /**
     * The user {@code userId} as {@code users} finds them, and their {@link #access(WopiUser, FileRef)}
     * to {@code file}: what every request resolves first. Empty when no such user exists. By default
     * one lookup after the other; a platform that keeps users and ACLs in one store reads both at once
     * (the standalone host: one SQL statement).
     */
    default Optional<UserAccess> access(Users users, String userId, FileRef file) {
        return users.find(userId).map(user -> new UserAccess(user, access(user, file)));
    }

    /** Whether {@code user} may create a new document next to {@code near} (PutRelativeFile). */
    boolean mayCreateSibling(WopiUser user, FileRef near);

    /**
     * Whether {@code user} manages the document holding {@code file} (Nuxeo's Everything, the standalone
     * document's owner): such a user may release a lock someone else left stuck on it.
     */
    boolean mayManage(WopiUser user, FileRef file);
}
