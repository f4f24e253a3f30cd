package org.wopihost.nuxeo;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.ecm.platform.usermanager.UserManager;
import org.nuxeo.runtime.kv.KeyValueStore;

/**
 * The one seam between the binding and Nuxeo's static entry points (Framework, CoreInstance,
 * TransactionHelper, Blobs). {@link RuntimeNuxeoServices} is the real one; tests pass mocks.
 */
public interface NuxeoServices {

    /** A session for {@code principal}: {@code CoreInstance.getCoreSession}. Sessions need no closing in LTS 2025. */
    CoreSession session(String repository, NuxeoPrincipal principal);

    /** A system session, for reads the engine has already authorized and for lock housekeeping. */
    CoreSession systemSession(String repository);

    /** Runs {@code work} in a transaction, joining the current one if there is one (servlet threads may have none). */
    <R> R inTransaction(Supplier<R> work);

    /**
     * Runs {@code work} in a transaction of its own, committed whatever becomes of the current one: a
     * conflict copy must outlive the transaction of the save it keeps, which its refusal rolls back.
     */
    <R> R inOwnTransaction(Supplier<R> work);

    /** The principal the current thread is logged in as (the token's user behind our JWT chain), or null. */
    NuxeoPrincipal currentPrincipal();

    UserManager userManager();

    JWTService jwtService();

    KeyValueStore keyValueStore(String name);

    /** Nuxeo's data directory ({@code nuxeo.data.dir}), or null when unknown (then nothing is cached on disk). */
    java.nio.file.Path dataDir();

    /** A blob spooled from {@code in} to a temporary file; closes {@code in}. */
    Blob createBlob(InputStream in) throws IOException;
}
