package org.wopihost.engine;

import org.wopihost.spi.AccessToken;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiUser;

/**
 * An authenticated request's subject: the file, the user, and what the user may do with it now,
 * which is the lesser of what the token grants and what the document's ACL allows today
 * ({@code documentPermission}, kept so that no step asks the ACL again), and whether the user may
 * create a document beside it.
 */
public record FileContext(String fileId, FileRef ref, AccessToken token, WopiUser user, Permission permission,
        Permission documentPermission, FileInfo info, boolean mayCreateSibling) {

    public boolean canWrite() {
        return permission == Permission.EDIT;
    }
}
