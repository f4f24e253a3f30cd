package org.wopihost.runtime;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.nuxeo.ecm.core.api.CoreInstance;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.IdRef;
import org.nuxeo.ecm.core.api.security.ACE;
import org.nuxeo.ecm.core.api.security.ACL;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.runtime.transaction.TransactionHelper;
import org.wopihost.contract.ContractCase;
import org.wopihost.contract.PermissionsContract;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/**
 * The Permissions contract (the same cases the standalone host's ACLs keep) on the Nuxeo binding: each
 * file is a File document alone in a folder of its own, whose local ACL the contract changes, as users
 * are given rights on a workspace: Read is VIEW, ReadWrite EDIT (and adding documents beside), Everything
 * manages. The cases run without a transaction, as on the WOPI servlet's threads, each change committed.
 */
public class PermissionsContractTest extends WopiOverHttpTestCase {

    private final AtomicInteger folders = new AtomicInteger();

    @Test
    public void theNuxeoPermissionsKeepTheContract() throws Exception {
        WopiPlatform platform = service.platform();
        PermissionsContract.Acls acls = new PermissionsContract.Acls() {
            @Override
            public WopiUser newUser(String id) {
                user(id, null);
                return platform.users().find(id).orElseThrow();
            }

            @Override
            public FileRef newFile(WopiUser manager) {
                return TransactionHelper.runInTransaction(() -> {
                    CoreSession system = CoreInstance.getCoreSessionSystem(folder.getRepositoryName());
                    DocumentModel own = NuxeoDocs.folder(system, folder.getPathAsString(),
                            "contract-" + folders.incrementAndGet());
                    setEntry(system, own, manager.id(), SecurityConstants.EVERYTHING);
                    DocumentModel doc = NuxeoDocs.file(system, own.getPathAsString(),
                            NuxeoDocs.blob("Report.docx", REPORT));
                    return new FileRef(doc.getRepositoryName(), doc.getId(), MAIN);
                });
            }

            @Override
            public void grant(FileRef file, String principal, Permission permission) {
                onFolderOf(file, (system, own) -> setEntry(system, own, principal,
                        permission == Permission.EDIT ? SecurityConstants.READ_WRITE : SecurityConstants.READ));
            }

            @Override
            public void revoke(FileRef file, String principal) {
                onFolderOf(file, (system, own) -> setEntry(system, own, principal, null));
            }
        };
        PermissionsContract contract = new PermissionsContract(platform.permissions(), platform.users(),
                platform.files(), acls, SecurityConstants.EVERYONE);
        TransactionHelper.commitOrRollbackTransaction(); // the users and folder, and no transaction
        try {
            ContractCase.runAll(contract.cases());
        } finally {
            TransactionHelper.startTransaction(); // for the test framework's own end of test
        }
    }

    /** Work on the folder holding {@code file}'s document, committed. */
    private interface FolderWork {
        void run(CoreSession system, DocumentModel folder);
    }

    private static void onFolderOf(FileRef file, FolderWork work) {
        TransactionHelper.runInTransaction(() -> {
            CoreSession system = CoreInstance.getCoreSessionSystem(file.repository());
            DocumentModel doc = system.getDocument(new IdRef(file.documentId()));
            work.run(system, system.getDocument(doc.getParentRef()));
        });
    }

    /** Makes {@code permission} the only entry of {@code principal} in the folder's local ACL (null: none). */
    private static void setEntry(CoreSession system, DocumentModel folder, String principal, String permission) {
        ACP acp = system.getACP(folder.getRef());
        acp.removeACEsByUsername(ACL.LOCAL_ACL, principal);
        if (permission != null) {
            acp.getOrCreateACL(ACL.LOCAL_ACL).add(new ACE(principal, permission, true));
        }
        system.setACP(folder.getRef(), acp, true);
    }
}
