package org.wopihost.runtime;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.Blobs;
import org.nuxeo.ecm.core.api.CoreInstance;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.ACE;
import org.nuxeo.ecm.core.api.security.ACL;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.api.Framework;

/**
 * What the runtime tests set up in Nuxeo: users, folders, {@code File} documents with a main file
 * ({@code file:content}) and attachments ({@code files:files/N/file}), and ACLs. Call it with an
 * administrator's session (the injected one); commit the transaction before other threads (HTTP
 * requests) must see the result.
 */
public final class NuxeoDocs {

    private NuxeoDocs() {
    }

    /** Creates the user {@code name}, whose password is its name, unless it exists. */
    public static void user(String name) {
        user(name, null, null, null);
    }

    /** Creates the user {@code name}, whose password is its name, with these (nullable) fields, unless it exists. */
    public static void user(String name, String firstName, String lastName, String email) {
        UserManager users = Framework.getService(UserManager.class);
        if (users.getPrincipal(name) != null) {
            return;
        }
        DocumentModel user = users.getBareUserModel();
        String schema = users.getUserSchemaName();
        user.setProperty(schema, users.getUserIdField(), name);
        user.setProperty(schema, "password", name);
        user.setProperty(schema, "firstName", firstName);
        user.setProperty(schema, "lastName", lastName);
        user.setProperty(schema, "email", email);
        users.createUser(user);
    }

    /** A session of that user, as Nuxeo opens one for a request the user is logged in to. */
    public static CoreSession session(String repository, String user) {
        return CoreInstance.getCoreSession(repository, user);
    }

    public static DocumentModel folder(CoreSession session, String parentPath, String name) {
        return session.createDocument(session.createDocumentModel(parentPath, name, "Folder"));
    }

    /** A File document named after its main file, with these attachments in order. */
    public static DocumentModel file(CoreSession session, String parentPath, Blob main, Blob... attachments) {
        DocumentModel doc = session.createDocumentModel(parentPath, main.getFilename(), "File");
        doc.setPropertyValue("dc:title", main.getFilename());
        doc.setPropertyValue("file:content", (Serializable) main);
        List<Map<String, Serializable>> files = new ArrayList<>();
        for (Blob attachment : attachments) {
            files.add(Map.of("file", (Serializable) attachment));
        }
        doc.setPropertyValue("files:files", (Serializable) files);
        return session.createDocument(doc);
    }

    public static Blob blob(String fileName, String content) {
        return Blobs.createBlob(content, "application/octet-stream", null, fileName);
    }

    /** A blob with a file name, as an upload makes it. */
    public static Blob blob(String fileName, byte[] bytes) {
        Blob blob = Blobs.createBlob(bytes);
        blob.setFilename(fileName);
        return blob;
    }

    /** Grants {@code permission} (Read, ReadWrite, Everything...) to {@code user} on {@code doc}. */
    public static void grant(CoreSession session, DocumentModel doc, String user, String permission) {
        ACP acp = session.getACP(doc.getRef());
        acp.getOrCreateACL(ACL.LOCAL_ACL).add(new ACE(user, permission, true));
        session.setACP(doc.getRef(), acp, true);
    }
}
