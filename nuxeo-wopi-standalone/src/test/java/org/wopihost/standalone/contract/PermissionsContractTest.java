package org.wopihost.standalone.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.wopihost.contract.ContractCase;
import org.wopihost.contract.PermissionsContract;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.StandalonePermissions;

/**
 * The Permissions contract on the standalone host's document ACLs: a document's owner manages it, and
 * whoever may edit it may save a copy beside it.
 */
class PermissionsContractTest extends OnBothDatabases {

    @Override
    List<ContractCase> cases(StandaloneHost host) {
        Documents documents = host.documents();
        PermissionsContract.Acls acls = new PermissionsContract.Acls() {
            @Override
            public WopiUser newUser(String id) {
                documents.createUser(id, id, null);
                return new WopiUser(id, id, null);
            }

            @Override
            public FileRef newFile(WopiUser manager) {
                String docId = documents.createDocument("Report.docx", manager.id());
                try {
                    return documents.addFile(docId, FileRef.MAIN_BLOB, "Report.docx",
                            new ByteArrayInputStream("v1".getBytes(StandardCharsets.UTF_8)), manager.id());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void grant(FileRef file, String principal, Permission permission) {
                documents.grant(file.documentId(), principal, permission);
            }

            @Override
            public void revoke(FileRef file, String principal) {
                documents.revoke(file.documentId(), principal);
            }
        };
        WopiPlatform platform = host.platform();
        return new PermissionsContract(platform.permissions(), platform.users(), platform.files(), acls,
                StandalonePermissions.EVERYONE).cases();
    }
}
