package org.wopihost.spi;

/** What a user may do with a file through WOPI. EDIT implies VIEW. */
public enum Permission {
    VIEW,
    EDIT;

    public boolean allows(Permission required) {
        return this == EDIT || required == VIEW;
    }
}
