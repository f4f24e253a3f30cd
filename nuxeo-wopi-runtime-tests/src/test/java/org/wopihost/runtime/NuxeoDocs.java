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

/** Users, File documents and ACLs for the runtime tests, made through Nuxeo's own services. */
public final class NuxeoDocs {

    private NuxeoDocs() {
    }

    /** A user with a password (HTTP Basic logins), created once per runtime. */
    public static NuxeoPrincipal createUser(UserManager userManager, String id, String password) {
        if (userManager.getPrincipal(id) == null) {
            DocumentModel user = userManager.getBareUserModel();
            String schema = userManager.getUserSchemaName();
            user.setProperty(schema, userManager.getUserIdField(), id);
            user.setProperty(schema, "password", password);
            userManager.createUser(user);
        }
        return userManager.getPrincipal(id);
    }

    /** A File document with {@code bytes} as its main file and {@code attachments} in files:files. */
    public static DocumentModel fileDoc(CoreSession session, String parentPath, String name, String filename,
            byte[] bytes, Blob... attachments) {
        DocumentModel doc = session.createDocumentModel(parentPath, name, "File");
        doc.setPropertyValue("dc:title", name);
        Blob main = Blobs.createBlob(bytes);
        main.setFilename(filename);
        doc.setPropertyValue("file:content", (Serializable) main);
        List<Map<String, Serializable>> files = new ArrayList<>();
        for (Blob attachment : attachments) {
            files.add(Map.of("file", (Serializable) attachment));
        }
        doc.setPropertyValue("files:files", (Serializable) files);
        return session.createDocument(doc);
    }

    /** Grants {@code permission} on {@code doc} to {@code user} (a local ACE). */
    public static void grant(CoreSession session, DocumentModel doc, String user, String permission) {
        ACP acp = session.getACP(doc.getRef());
        ACL local = acp.getOrCreateACL(ACL.LOCAL_ACL);
        local.add(new ACE(user, permission, true));
        session.setACP(doc.getRef(), acp, true);
    }
}
