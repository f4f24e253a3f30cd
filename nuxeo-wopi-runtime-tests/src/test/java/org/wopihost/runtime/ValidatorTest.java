package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.test.runner.TransactionalFeature;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.proof.TestKeys;

/**
 * Microsoft's WOPI validator (the runner in the repository's tools/wopi-validator, or $VALIDATOR_DIR) against the
 * WOPI endpoints this Nuxeo serves, as Office for the web calls them: every request signed with the proof
 * keys the test client's discovery publishes. A {@code validator.wopitest} file, a user who may write it
 * and create files next to it, a token from the add-on; any failed case fails the test with the
 * validator's report (also kept in target/wopi-validator/).
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
@WopiHostFeature.ProofKeysInDiscovery
public class ValidatorTest {

    private static final String USER = "validator";

    @Inject
    protected WopiHostService service;

    @Inject
    protected CoreSession session;

    @Inject
    protected TransactionalFeature transactions;

    @Rule
    public TemporaryFolder work = new TemporaryFolder();

    /**
     * One run of category All: it selects every case, so also each case of OfficeOnline (the cases of
     * category WopiCore or OfficeOnline, sent the same way: only OfficeNativeClient changes the requests).
     */
    @Test
    public void allCasesPassOfficeOnlineIncluded() throws Exception {
        assertValidatorPasses("All");
    }

    private void assertValidatorPasses(String category) throws IOException, InterruptedException {
        Path validator = validator();
        NuxeoDocs.user(USER);
        // A folder of its own: the cases create, rename and delete files next to validator.wopitest.
        DocumentModel folder = NuxeoDocs.folder(session, "/", "validator-" + category);
        NuxeoDocs.grant(session, folder, USER, "ReadWrite");
        DocumentModel doc = NuxeoDocs.file(session, folder.getPathAsString(), NuxeoDocs.blob("validator.wopitest", ""));
        transactions.nextTransaction();

        String fileId = FileIdCodec.encode(new FileRef(doc.getRepositoryName(), doc.getId(), FileRef.MAIN_BLOB));
        IssuedToken token = service.platform().tokens().issue(USER, fileId, Permission.EDIT);
        // Kept for reading after the build: target/wopi-validator/<category>.txt.
        Path report = Path.of(System.getProperty("basedir", ""), "target", "wopi-validator", category + ".txt");
        Files.createDirectories(report.getParent());
        Process run = new ProcessBuilder(validator.toString(), "-w", service.config().settings().wopiSrc(fileId),
                "-t", token.token(), "-l", Long.toString(token.expiresAt().toEpochMilli()),
                "--proof-keys", proofKeysFile().toString(), "-e", category, "-s")
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        if (!run.waitFor(10, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            fail("the validator did not finish in 10 minutes:\n" + Files.readString(report));
        }
        String output = Files.readString(report);
        assertEquals("wopi-validator -e " + category + " reported failures:\n" + output, 0, run.exitValue());
        assertTrue(output, output.contains(" 0 failed"));
    }

    /** The validator in the repository (tools/wopi-validator), or where $VALIDATOR_DIR says; never skipped. */
    private static Path validator() {
        String dir = System.getenv("VALIDATOR_DIR");
        Path folder = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../tools/wopi-validator");
        Path runner = folder.resolve("wopi-validator").normalize();
        assertTrue("no WOPI validator at " + runner + " (set VALIDATOR_DIR)", Files.isExecutable(runner));
        return runner;
    }

    /** The private halves of the keys the test client's discovery publishes, in the runner's format. */
    private Path proofKeysFile() throws IOException {
        String json = "{\"current\": " + privateKey(TestKeys.CURRENT) + ", \"old\": " + privateKey(TestKeys.OLD) + "}";
        Path file = work.getRoot().toPath().resolve("proofkeys.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String privateKey(KeyPair pair) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        List<String> fields = List.of("\"n\": \"" + key.getModulus().toString(16) + "\"",
                "\"e\": " + key.getPublicExponent(), "\"d\": \"" + key.getPrivateExponent().toString(16) + "\"",
                "\"p\": \"" + key.getPrimeP().toString(16) + "\"", "\"q\": \"" + key.getPrimeQ().toString(16) + "\"");
        return "{" + String.join(", ", fields) + "}";
    }
}
