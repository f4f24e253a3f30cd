package org.wopihost.spi;

import java.util.Objects;

/** A user as WOPI shows them to the client. */
public record WopiUser(String id, String displayName, String email) {
    public WopiUser {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }
}
