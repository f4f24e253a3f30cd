package org.wopihost.engine;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.WopiAction;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;

/**
 * What a host page opens a file with: the WOPI client's action (view, edit, editnew or convert) and the
 * permission its token carries. The host page acts on it and the links a platform offers (Nuxeo's JSON
 * enricher) ask it too, so a link is offered exactly when the page would honour it.
 *
 * @param action     the discovery action the page posts the token to
 * @param permission what the token allows: {@link Permission#EDIT} only for an editing action
 */
public record HostPageChoice(WopiAction action, Permission permission) {

    /**
     * The file as the choice needs it.
     *
     * @param fileName         decides the application and whether it edits the format
     * @param size             an empty file opens in the client's new-document flow ({@code editnew})
     * @param allowed          the most the user may do with the file
     * @param mayCreateSibling asked only for a legacy format: {@code convert} saves the converted copy next
     *                         to the file, which the user must be allowed to create
     */
    public record FileFacts(String fileName, long size, Permission allowed, BooleanSupplier mayCreateSibling) {
    }

    /**
     * The choice for a user asking to view ({@code edit} false) or edit a file: asking to edit what one
     * may only read, or what the client can only view, opens the viewer (or, for a client without one,
     * its editor with a view token). Empty when the client has no action for the file at all.
     */
    public static Optional<HostPageChoice> choose(DiscoveryDocument discovery, boolean edit, FileFacts file) {
        if (edit && file.allowed() == Permission.EDIT) {
            Optional<WopiAction> editing = editAction(discovery, file);
            if (editing.isPresent()) {
                return Optional.of(new HostPageChoice(editing.get(), Permission.EDIT));
            }
        }
        // Collabora publishes only "edit" for some formats: with a view token it opens read-only.
        return discovery.findForFile("view", file.fileName())
                .or(() -> discovery.findForFile("edit", file.fileName()))
                .map(view -> new HostPageChoice(view, Permission.VIEW));
    }

    /**
     * {@code editnew} for an empty file (Office's own new-document flow), else {@code edit}, else
     * {@code convert} for a legacy format Office edits only once converted (it then saves the converted
     * file next to the original with PutRelativeFile).
     */
    private static Optional<WopiAction> editAction(DiscoveryDocument discovery, FileFacts file) {
        Optional<WopiAction> action = file.size() == 0 ? discovery.findForFile("editnew", file.fileName()) : Optional.empty();
        if (action.isEmpty()) {
            action = discovery.findForFile("edit", file.fileName());
        }
        if (action.isEmpty() && file.mayCreateSibling().getAsBoolean()) {
            action = discovery.findForFile("convert", file.fileName());
        }
        return action;
    }

    /** A token for {@code userId} on that one file, carrying the chosen permission and no more. */
    public IssuedToken issueToken(AccessTokens tokens, String userId, String fileId) {
        return tokens.issue(userId, fileId, permission);
    }
}
