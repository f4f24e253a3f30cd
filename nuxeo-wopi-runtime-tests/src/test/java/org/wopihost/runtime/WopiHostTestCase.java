package org.wopihost.runtime;

import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.junit.runner.RunWith;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.Lock;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.transaction.TransactionHelper;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * A test on the WOPI host inside Nuxeo with users who log in over HTTP: the repository as Administrator
 * ({@link #session}), users with one password, and the host page to open a file as each of them.
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
public abstract class WopiHostTestCase {

    protected static final String PASSWORD = "Secret-0123";

    @Inject
    protected FeaturesRunner runner;

    @Inject
    protected CoreSession session;

    @Inject
    protected UserManager userManager;

    protected void createUsers(String... ids) {
        for (String id : ids) {
            NuxeoDocs.createUser(userManager, id, PASSWORD);
        }
    }

    /**
     * A File document at the root whose main file holds {@code text}, shared as given: pairs of a user and a
     * permission. Committed, so that HTTP requests see it.
     */
    protected DocumentModel sharedFile(String filename, String text, String... userPermissions) {
        DocumentModel doc = NuxeoDocs.fileDoc(session, "/", filename, filename, text.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < userPermissions.length; i += 2) {
            NuxeoDocs.grant(session, doc, userPermissions[i], userPermissions[i + 1]);
        }
        commit();
        return doc;
    }

    /** The WOPI file id of a document's main file. */
    protected static String mainFileId(DocumentModel doc) {
        return HostPage.mainFileId(doc.getRepositoryName(), doc.getId());
    }

    /** Opens the file for editing as {@code user}, through the host page: a WOPI client with the page's token. */
    protected WopiClient open(String fileId, String user) {
        return HostPage.openForEdit(runner.getFeature(WopiHostFeature.class).baseUrl(), fileId, user, PASSWORD);
    }

    /** A WOPI client for the file with an edit token the add-on issues to {@code user}, as the host page would. */
    protected WopiClient editor(String fileId, String user) {
        String token = WopiHostComponent.service().platform().tokens().issue(user, fileId, Permission.EDIT).token();
        return new WopiClient(runner.getFeature(WopiHostFeature.class).baseUrl() + "wopihost/files/" + fileId, token);
    }

    /** Who holds the document's Nuxeo lock now (after a commit), or null. */
    protected String lockOwner(DocumentModel doc) {
        commit();
        Lock lock = session.getLockInfo(doc.getRef());
        return lock == null ? null : lock.getOwner();
    }

    /** Ends the test's transaction, so that the HTTP requests and the test see each other's changes. */
    protected static void commit() {
        TransactionHelper.commitOrRollbackTransaction();
        TransactionHelper.startTransaction();
    }
}
