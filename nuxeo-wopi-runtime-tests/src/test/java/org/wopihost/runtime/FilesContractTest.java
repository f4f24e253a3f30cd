package org.wopihost.runtime;

import org.junit.Test;
import org.nuxeo.ecm.core.api.CoreInstance;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.runtime.transaction.TransactionHelper;
import org.wopihost.contract.ContractCase;
import org.wopihost.contract.FilesContract;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.WopiUser;

/**
 * The Files contract (the same cases the standalone host's files keep) on the Nuxeo binding: real
 * documents, blobs and versions. The cases run without a transaction, as on the WOPI servlet's threads:
 * each port call is its own transaction there, and a refused save rolls back only its own.
 */
public class FilesContractTest extends WopiOverHttpTestCase {

    @Test
    public void theNuxeoFilesKeepTheContract() throws Exception {
        user("alice", SecurityConstants.READ_WRITE);
        FilesContract contract = new FilesContract(service.platform().files(), service.platform().locks(),
                this::freshFile, new WopiUser("alice", "Alice", null));
        TransactionHelper.commitOrRollbackTransaction(); // the folder and its ACL, and no transaction
        try {
            ContractCase.runAll(contract.cases());
        } finally {
            TransactionHelper.startTransaction(); // for the test framework's own end of test
        }
    }

    /** A new document with a main file, committed. */
    private FileRef freshFile() {
        return TransactionHelper.runInTransaction(() -> {
            DocumentModel doc = NuxeoDocs.file(CoreInstance.getCoreSessionSystem(folder.getRepositoryName()),
                    folder.getPathAsString(), NuxeoDocs.blob("Report.docx", REPORT));
            return new FileRef(doc.getRepositoryName(), doc.getId(), MAIN);
        });
    }
}
