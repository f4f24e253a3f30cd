package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.test.runner.TransactionalFeature;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.DiscoveryException;
import org.wopihost.discovery.DiscoveryUnavailableException;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.proof.ProofKey;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.proof.OfficeSigner;
import org.wopihost.testclient.proof.TestKeys;

/**
 * Discovery inside Nuxeo, with the XML parser Nuxeo's classpath provides (Xerces): the test WOPI client's
 * discovery loads (applications offered, proof keys read), one with a DOCTYPE is refused; and WOPI
 * requests pass only when signed like Office signs them (X-WOPI-Proof, X-WOPI-ProofOld, X-WOPI-TimeStamp),
 * others get 500.
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
@WopiHostFeature.ProofKeysInDiscovery
public class DiscoveryAndProofKeysTest {

    @Inject
    protected WopiHostService service;

    @Inject
    protected WopiHostFeature host;

    @Inject
    protected CoreSession session;

    @Inject
    protected TransactionalFeature transactions;

    private WopiClient alice;

    @Before
    public void aliceMayEditADocument() {
        NuxeoDocs.user("alice");
        DocumentModel doc = NuxeoDocs.file(session, "/", NuxeoDocs.blob("Plan.docx", "plan"));
        NuxeoDocs.grant(session, doc, "alice", "ReadWrite");
        transactions.nextTransaction();
        String fileId = FileIdCodec.encode(new FileRef(doc.getRepositoryName(), doc.getId(), FileRef.MAIN_BLOB));
        alice = new WopiClient(service.config().settings().wopiSrc(fileId),
                service.platform().tokens().issue("alice", fileId, Permission.EDIT).token());
    }

    @Test
    public void theClientsDiscoveryLoadsWithThePlatformsXmlParser() {
        assertTrue("Nuxeo's classpath provides Xerces",
                DocumentBuilderFactory.newInstance().getClass().getName().startsWith("org.apache.xerces."));
        DiscoveryDocument discovery = service.discovery().orElseThrow().current();
        assertEquals("internal-http", discovery.netZone());
        assertEquals(Optional.of("Word"), service.apps().appFor("Plan.docx"));
        assertTrue(discovery.findForFile("edit", "Book.xlsx").isPresent());
        assertEquals(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)), discovery.proofKeys().current());
        assertEquals(ProofKey.of(TestKeys.rsa(TestKeys.OLD)), discovery.proofKeys().old());
    }

    @Test
    public void aDiscoveryWithADoctypeIsRefused() throws Exception {
        Path secret = Files.writeString(host.clientRoot().resolve("secret.txt"), "top-secret");
        String xml = "<?xml version='1.0'?><!DOCTYPE wopi-discovery [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>"
                + "<wopi-discovery><net-zone name='internal-http'><app name='&xxe;'>"
                + "<action name='view' ext='docx' urlsrc='http://client/view?'/></app></net-zone></wopi-discovery>";
        DiscoveryException refused = assertThrows(DiscoveryException.class,
                () -> DiscoveryDocument.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("DOCTYPE"));

        // The same, fetched from the test client as the add-on fetches discovery: never installed.
        Files.writeString(host.clientRoot().resolve("hosting/entity-discovery"), xml);
        DiscoveryClient client = DiscoveryClient.builder(URI.create(host.baseUrl() + "hosting/entity-discovery"))
                .build();
        assertFalse(client.refresh());
        assertThrows(DiscoveryUnavailableException.class, client::current);
    }

    @Test
    public void requestsSignedLikeOfficePass() {
        assertEquals(200, alice.signedBy(OfficeSigner.signer(TestKeys.CURRENT, TestKeys.OLD)).checkFileInfo()
                .statusCode());
        assertEquals(200, alice.signedBy(OfficeSigner.signer(TestKeys.CURRENT, null)).getFile().statusCode());
        // Office has rotated its keys, our discovery copy not yet: X-WOPI-ProofOld is signed with our current key.
        assertEquals(200, alice.signedBy(OfficeSigner.signer(TestKeys.NEXT, TestKeys.CURRENT)).checkFileInfo()
                .statusCode());
        // Signed with the key our discovery calls old.
        assertEquals(200, alice.signedBy(OfficeSigner.signer(TestKeys.OLD, null)).checkFileInfo().statusCode());
    }

    @Test
    public void unsignedOrWronglySignedRequestsGet500() {
        assertEquals(500, alice.checkFileInfo().statusCode());
        assertEquals(500, alice.signedBy(OfficeSigner.signer(TestKeys.NEXT, null)).checkFileInfo().statusCode());
        assertEquals(500, alice.signedBy(signedAt(Instant.now().minus(Duration.ofMinutes(21)))).checkFileInfo()
                .statusCode());
        WopiClient.Signer otherToken = (request, token, url) -> OfficeSigner.signer(TestKeys.CURRENT, TestKeys.OLD)
                .sign(request, token + "x", url);
        assertEquals(500, alice.signedBy(otherToken).checkFileInfo().statusCode());
    }

    /** Signed with the right keys, at {@code when}. */
    private static WopiClient.Signer signedAt(Instant when) {
        return (request, token, url) -> {
            long ticks = OfficeSigner.ticks(when);
            request.header("X-WOPI-Proof", OfficeSigner.sign(TestKeys.CURRENT, token, url, ticks));
            request.header("X-WOPI-TimeStamp", Long.toString(ticks));
        };
    }
}
