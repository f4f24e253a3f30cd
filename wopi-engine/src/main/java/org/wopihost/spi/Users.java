package org.wopihost.spi;

import java.util.Optional;

/** Port: the platform's user directory. */
public interface Users {
    /** The user, or empty when no such user exists (any more): their tokens stop working. */
    Optional<WopiUser> find(String userId);

    /** The opaque string the WOPI client last stored for this user with PutUserInfo. */
    Optional<String> userInfo(String userId);

    /**
     * Whether the user administers the host (Collabora's IsAdminUser: its admin console and update
     * notices). Default: nobody does.
     */
    default boolean isAdministrator(String userId) {
        return false;
    }

    /** Keeps {@code info} (at most 1024 characters, checked by the engine) for this user. */
    void putUserInfo(String userId, String info);
}
