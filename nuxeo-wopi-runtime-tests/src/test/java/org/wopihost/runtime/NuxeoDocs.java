package org.wopihost.runtime;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.Blobs;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.security.ACE;
import org.nuxeo.ecm.core.api.security.ACL;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.platform.usermanager.UserManager;

/** Users, File documents with a main file and attachments, and ACLs, made the way a Nuxeo user makes them. */
public final class NuxeoDocs {

    private NuxeoDocs() {
    }

    /** A user of the default user directory, with a password (HTTP Basic logins) and no group. */
    public static NuxeoPrincipal createUser(UserManager userManager, String id, String password) {
        DocumentModel user = userManager.getBareUserModel();
        user.setPropertyValue("user:username", id);
        user.setPropertyValue("user:password", password);
        userManager.createUser(user);
        return userManager.getPrincipal(id);
    }

    /** A blob with a file name, as an upload makes it. */
    public static Blob blob(String filename, byte[] bytes) {
        Blob blob = Blobs.createBlob(bytes);
        blob.setFilename(filename);
        return blob;
    }

    /** A File document: {@code filename} as its main file, then {@code attachments} as files:files/0/file, ... */
    public static DocumentModel fileDoc(CoreSession session, String parentPath, String name, String filename,
            byte[] bytes, Blob... attachments) {
        DocumentModel doc = session.createDocumentModel(parentPath, name, "File");
        doc.setPropertyValue("dc:title", filename);
        doc.setPropertyValue("file:content", (Serializable) blob(filename, bytes));
        List<Map<String, Serializable>> files = new ArrayList<>();
        for (Blob attachment : attachments) {
            files.add(Map.of("file", (Serializable) attachment));
        }
        doc.setPropertyValue("files:files", (Serializable) files);
        return session.createDocument(doc);
    }

    /** Grants {@code permission} (e.g. Read, ReadWrite) to {@code user} in the document's local ACL. */
    public static void grant(CoreSession session, DocumentModel doc, String user, String permission) {
        ACP acp = session.getACP(doc.getRef());
        ACL acl = acp.getOrCreateACL(ACL.LOCAL_ACL);
        acl.add(new ACE(user, permission, true));
        session.setACP(doc.getRef(), acp, true);
    }
}
