package org.wopihost.nuxeo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.nuxeo.common.Environment;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.Blobs;
import org.nuxeo.ecm.core.api.CoreInstance;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.kv.KeyValueService;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.nuxeo.runtime.transaction.TransactionHelper;

/**
 * {@link NuxeoServices} on the running Nuxeo platform. Straight delegation, nothing to test without Nuxeo.
 * Public for the runtime tests, which build a {@link NuxeoLockStore} over it with a clock of their own.
 */
public final class RuntimeNuxeoServices implements NuxeoServices {

    @Override
    public CoreSession session(String repository, NuxeoPrincipal principal) {
        return CoreInstance.getCoreSession(repository, principal);
    }

    @Override
    public CoreSession systemSession(String repository) {
        return CoreInstance.getCoreSessionSystem(repository);
    }

    @Override
    public <R> R inTransaction(Supplier<R> work) {
        return TransactionHelper.runInTransaction(work);
    }

    @Override
    public <R> R inOwnTransaction(Supplier<R> work) {
        return TransactionHelper.runWithoutTransaction(() -> TransactionHelper.runInTransaction(work));
    }

    @Override
    public NuxeoPrincipal currentPrincipal() {
        return NuxeoPrincipal.getCurrent();
    }

    @Override
    public UserManager userManager() {
        return Framework.getService(UserManager.class);
    }

    @Override
    public JWTService jwtService() {
        return Framework.getService(JWTService.class);
    }

    @Override
    public KeyValueStore keyValueStore(String name) {
        return Framework.getService(KeyValueService.class).getKeyValueStore(name);
    }

    @Override
    public Path dataDir() {
        Environment env = Environment.getDefault();
        if (env != null) {
            return env.getData().toPath();
        }
        String dir = Framework.getProperty(Environment.NUXEO_DATA_DIR);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @Override
    public Blob createBlob(InputStream in) throws IOException {
        return Blobs.createBlob(in);
    }
}
