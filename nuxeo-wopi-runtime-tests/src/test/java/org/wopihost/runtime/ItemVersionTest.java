package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.wopihost.testclient.WopiClient.header;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.runtime.test.runner.Deploy;
import org.wopihost.testclient.WopiClient;

/**
 * X-WOPI-ItemVersion after PutFile is the version CheckFileInfo and GetFile then report, on a blob store
 * whose keys are not content digests: the answer describes the blob Nuxeo stored, not the upload.
 */
@Deploy("org.wopihost.nuxeo.runtime.tests:OSGI-INF/test-docid-blob-store-contrib.xml")
public class ItemVersionTest extends WopiOverHttpTestCase {

    private DocumentModel doc;

    @Before
    public void createAliceAndHerDocument() {
        user("alice", "ReadWrite");
        doc = report();
    }

    @Test
    public void putFileAnswersTheVersionOfTheStoredFile() {
        for (String xpath : List.of(MAIN, ATTACHMENT)) {
            WopiClient client = client(doc, xpath, "alice");
            assertEquals(200, client.lock("lock").statusCode());
            for (int save = 1; save <= 2; save++) {
                byte[] content = (xpath + ", save " + save).getBytes(UTF_8);
                HttpResponse<byte[]> put = client.putFile(content, "X-WOPI-Lock", "lock");
                assertEquals(200, put.statusCode());
                String version = header(put, "X-WOPI-ItemVersion");
                assertEquals(xpath + " save " + save, client.fileInfo().get("Version").asText(), version);
                HttpResponse<byte[]> read = client.getFile();
                assertArrayEquals(content, read.body());
                assertEquals(version, header(read, "X-WOPI-ItemVersion"));
            }
            assertEquals(200, client.unlock("lock").statusCode());
        }
    }
}
