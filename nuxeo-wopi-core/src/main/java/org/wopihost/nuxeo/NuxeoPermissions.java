package org.wopihost.nuxeo;

import java.util.Optional;

import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentRef;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.WopiUser;

/**
 * Permissions from the document's ACLs, asked through the user's own CoreSession (so Nuxeo's security
 * policies, lock policy included, apply): Read gives VIEW, Write gives EDIT. Versions and proxies are
 * read-only. With a group restriction, users outside the group get nothing (404).
 * <p>
 * The question is always "what may this user do through WOPI", also when the host page asks it to pick
 * a token's permission: it is asked as a WOPI request ({@link WopiRequests#call}), so that a document
 * whose Nuxeo lock belongs to a live WOPI session gives EDIT to every co-editor with Write, as the WOPI
 * servlet will let them save ({@link WopiLockSecurityPolicy}). Nothing is written here; outside WOPI
 * requests the lock still keeps everyone but its owner from writing.
 */
public final class NuxeoPermissions implements Permissions {

    private final NuxeoServices services;
    private final NuxeoUsers users;
    private final Optional<String> allowedGroup;
    private final ContentTimes contentTimes;

    public NuxeoPermissions(NuxeoServices services, NuxeoUsers users, Optional<String> allowedGroup) {
        this.services = services;
        this.users = users;
        this.contentTimes = new ContentTimes(services);
        this.allowedGroup = allowedGroup;
    }

    @Override
    public Optional<Permission> of(WopiUser user, FileRef file) {
        return lookUp(user, file, (session, doc, permission) -> permission);
    }

    /**
     * The ACL's answer, the file's metadata and AddChildren on the folder from one transaction and one
     * load of the document (the folder is loaded with it).
     */
    @Override
    public Optional<FileAccess> access(WopiUser user, FileRef file) {
        if (!NuxeoFiles.isSupportedXpath(file.xpath())) {
            return Optional.empty();
        }
        return lookUp(user, file, (session, doc, permission) -> NuxeoFiles.blob(doc, file.xpath())
                .map(blob -> new FileAccess(permission, NuxeoFiles.info(services.systemSession(file.repository()), doc,
                        file, blob, contentTimes), mayAddBeside(session, doc)))
                .orElse(null));
    }

    /** What {@link #lookUp} makes of the document it loaded, through the user's session (null: nothing). */
    @FunctionalInterface
    private interface Found<T> {
        T answer(CoreSession session, DocumentModel doc, Permission permission);
    }

    /**
     * Loads the document through the user's session, when they may read it, and decides their permission:
     * Write gives EDIT, except on versions and proxies. {@code found} makes the answer of them (null: none).
     */
    private <T> Optional<T> lookUp(WopiUser user, FileRef file, Found<T> found) {
        Optional<NuxeoPrincipal> principal = allowed(user);
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        return WopiRequests.call(() -> services.inTransaction(() -> {
            CoreSession session = services.session(file.repository(), principal.get());
            DocumentRef ref = new IdRef(file.documentId());
            if (!session.exists(ref) || !session.hasPermission(ref, SecurityConstants.READ)) {
                return Optional.empty();
            }
            DocumentModel doc = session.getDocument(ref);
            boolean write = !doc.isVersion() && !doc.isProxy() && session.hasPermission(ref, SecurityConstants.WRITE);
            return Optional.ofNullable(found.answer(session, doc, write ? Permission.EDIT : Permission.VIEW));
        }));
    }

    @Override
    public boolean mayCreateSibling(WopiUser user, FileRef near) {
        Optional<NuxeoPrincipal> principal = allowed(user);
        if (principal.isEmpty()) {
            return false;
        }
        return services.inTransaction(() -> {
            CoreSession session = services.session(near.repository(), principal.get());
            DocumentRef ref = new IdRef(near.documentId());
            if (!session.exists(ref)) {
                return false;
            }
            return mayAddBeside(session, session.getDocument(ref));
        });
    }

    /** Whether the session's user may add a document to {@code doc}'s folder. */
    private static boolean mayAddBeside(CoreSession session, DocumentModel doc) {
        DocumentRef parent = doc.getParentRef();
        return parent != null && session.hasPermission(parent, SecurityConstants.ADD_CHILDREN);
    }

    /** Everything on the document (Nuxeo's "Manage everything"): may release another user's stuck lock. */
    @Override
    public boolean mayManage(WopiUser user, FileRef file) {
        Optional<NuxeoPrincipal> principal = allowed(user);
        return principal.isPresent() && services.inTransaction(() -> {
            CoreSession session = services.session(file.repository(), principal.get());
            DocumentRef ref = new IdRef(file.documentId());
            return session.exists(ref) && session.hasPermission(ref, SecurityConstants.EVERYTHING);
        });
    }

    /** The user's principal when they exist and pass the group restriction. */
    Optional<NuxeoPrincipal> allowed(WopiUser user) {
        return users.principal(user.id())
                .filter(p -> allowedGroup.isEmpty() || p.isAdministrator() || p.isMemberOf(allowedGroup.get()));
    }
}
