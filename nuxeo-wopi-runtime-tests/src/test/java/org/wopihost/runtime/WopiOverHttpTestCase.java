package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.test.runner.TransactionalFeature;
import org.nuxeo.runtime.test.runner.WithFrameworkProperty;
import org.wopihost.config.ConfigKeys;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * WOPI over HTTP against the add-on in Nuxeo: users granted rights on a folder {@code /wopi}, File
 * documents in it, and WOPI clients holding tokens the add-on issues itself (its
 * {@code platform().tokens()}: Nuxeo's JWTService with our claims), as a host page hands them to Office.
 * The requests come unsigned, as from a WOPI client without proof keys (proof keys are tested on their own).
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
@WithFrameworkProperty(name = ConfigKeys.PROOF_KEYS_ENABLED, value = "false")
public abstract class WopiOverHttpTestCase {

    static final String MAIN = "file:content";
    static final String ATTACHMENT = "files:files/0/file";
    static final byte[] REPORT = "the report, first draft".getBytes(UTF_8);
    static final byte[] BUDGET = "the budget, first draft".getBytes(UTF_8);

    @Inject
    protected WopiHostService service;

    @Inject
    protected CoreSession session;

    @Inject
    protected UserManager userManager;

    @Inject
    protected TransactionalFeature transactions;

    protected DocumentModel folder;

    private final List<String> users = new ArrayList<>();

    @Before
    public void createFolder() {
        folder = session.createDocument(session.createDocumentModel("/", "wopi", "Folder"));
    }

    @After
    public void deleteUsers() {
        users.forEach(userManager::deleteUser);
    }

    /** A user with {@code permission} (Read, ReadWrite) on the folder, or none when null. */
    protected void user(String id, String permission) {
        NuxeoDocs.user(id);
        users.add(id);
        if (permission != null) {
            NuxeoDocs.grant(session, folder, id, permission);
        }
    }

    /** The report (main file) with the budget (attachment 0) in the folder, committed for the server to see. */
    protected DocumentModel report() {
        DocumentModel doc = NuxeoDocs.file(session, folder.getPathAsString(), NuxeoDocs.blob("Report.docx", REPORT),
                NuxeoDocs.blob("Budget.xlsx", BUDGET));
        transactions.nextTransaction();
        return doc;
    }

    /** The WOPI file id of the blob at {@code xpath} of {@code doc}. */
    protected static String fileId(DocumentModel doc, String xpath) {
        return FileIdCodec.encode(new FileRef(doc.getRepositoryName(), doc.getId(), xpath));
    }

    /** A client on that blob's WOPISrc with a fresh edit token for {@code user}. */
    protected WopiClient client(DocumentModel doc, String xpath, String user) {
        String fileId = fileId(doc, xpath);
        String token = service.platform().tokens().issue(user, fileId, Permission.EDIT).token();
        return new WopiClient(service.config().settings().wopiSrc(fileId), token);
    }
}
