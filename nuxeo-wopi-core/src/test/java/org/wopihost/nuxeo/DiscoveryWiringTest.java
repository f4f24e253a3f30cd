package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuxeo.ecm.core.event.Event;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiException;
import org.wopihost.engine.WopiRequest;
import org.wopihost.testclient.discovery.SampleDiscovery;

/**
 * The Nuxeo service wires discovery from nuxeo.conf: a client on nuxeo.wopi.discoveryURL keeping its copy
 * under Nuxeo's data directory, the applications it offers, the proof-key check and host pages. The URL
 * points at a closed port, so what the service knows comes from the copy on disk, as after a restart while
 * the WOPI client is unreachable.
 */
class DiscoveryWiringTest {

    private static final String UNREACHABLE = "http://127.0.0.1:1/hosting/discovery";

    @TempDir
    Path dataDir;
    private final NuxeoServices services = Fixtures.services();
    private final List<Runnable> background = new ArrayList<>();

    @BeforeEach
    void setUp() {
        when(services.keyValueStore("wopihost")).thenReturn(mock(KeyValueStore.class));
        when(services.dataDir()).thenReturn(dataDir);
    }

    private static String xml(String name) {
        return SampleDiscovery.withTestKeys(name);
    }

    private void cached(String name) throws IOException {
        Path file = dataDir.resolve(WopiHostComponent.DISCOVERY_CACHE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml(name));
    }

    private WopiHostComponent start(Map<String, String> extra) {
        Map<String, String> conf = new HashMap<>(Map.of("nuxeo.wopi.discoveryURL", UNREACHABLE));
        conf.putAll(extra);
        WopiHostComponent component = new WopiHostComponent();
        component.init(conf::get, services, Clock.systemUTC(), background::add);
        return component;
    }

    private void runBackground() {
        List<Runnable> tasks = new ArrayList<>(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void discoveryIsFetchedInTheBackgroundAndKeptUnderTheDataDirectory() throws IOException {
        cached("microsoft-discovery.xml");
        WopiHostComponent component = start(Map.of());
        assertThat(background).as("start does not wait for the WOPI client").hasSize(1);
        runBackground(); // the fetch fails (closed port): the copy on disk is loaded
        assertThat(component.discovery()).isPresent();
        assertThat(component.discovery().get().current().apps()).isNotEmpty();
        assertThat(component.hostPages()).isTrue();
    }

    @Test
    void theAppsComeFromDiscovery() throws IOException {
        cached("microsoft-discovery.xml");
        WopiHostComponent component = start(Map.of());
        runBackground();
        WopiApps apps = component.apps();
        assertThat(apps.appFor("Report.DOCX")).contains("Word");
        assertThat(apps.discovery().orElseThrow().findForFile("edit", "Report.docx")).isPresent();
        assertThat(apps.appFor("notes.txt")).as("not in this discovery").isEmpty();
    }

    @Test
    void withoutAnyDiscoveryNothingIsOffered() {
        WopiHostComponent component = start(Map.of()); // closed port and nothing on disk
        runBackground();
        assertThat(component.apps().appFor("a.docx")).isEmpty();
        assertThat(component.apps().discovery()).isEmpty();
    }

    @Test
    void theProofCheckVerifiesAgainstDiscoveryKeys() throws Exception {
        cached("microsoft-discovery.xml");
        WopiHostComponent component = start(Map.of());
        runBackground();
        WopiRequest unsigned = mock(WopiRequest.class);
        when(unsigned.accessToken()).thenReturn("token");
        when(unsigned.url()).thenReturn("https://ecm.example.com/nuxeo/wopihost/files/ID?access_token=token");
        when(unsigned.header(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> component.proofCheck().check(unsigned)).isInstanceOf(WopiException.class)
                .satisfies(e -> assertThat(((WopiException) e).status()).isEqualTo(500));
    }

    @Test
    void proofKeysCanBeTurnedOff() throws IOException {
        cached("microsoft-discovery.xml");
        WopiHostComponent component = start(Map.of("nuxeo.wopi.proofKeys.enabled", "false"));
        assertThat(component.proofCheck()).isSameAs(ProofCheck.NONE);
        assertThat(component.hostPages()).isTrue();
    }

    @Test
    void theSchedulerEventRefreshesTheClientInTheBackground() throws IOException {
        cached("microsoft-discovery.xml");
        WopiHostComponent component = start(Map.of());
        runBackground();
        AtomicInteger refreshes = new AtomicInteger();
        component.setDiscoveryRefresh(refreshes::incrementAndGet);
        runBackground();
        Event event = mock(Event.class);
        when(event.getName()).thenReturn(DiscoveryRefreshListener.EVENT);
        new DiscoveryRefreshListener(() -> component).handleEvent(event);
        assertThat(background).as("the listener only queues the fetch").hasSize(1);
        runBackground();
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void collaborasMimeNamedAppsAreOfferedUnderTheOfficeFamilyAndActionByAction() throws IOException {
        byte[] bytes = xml("collabora-discovery.xml").getBytes(StandardCharsets.UTF_8);
        DiscoveryDocument doc;
        try {
            doc = DiscoveryDocument.parse(bytes);
        } catch (org.wopihost.discovery.DiscoveryException e) {
            throw new AssertionError(e);
        }
        WopiApps all = WopiApps.fromDiscovery(() -> Optional.of(doc), Set.of());
        assertThat(all.appFor("a.odt")).contains("Word");
        assertThat(all.appFor("a.pdf")).contains("application/pdf");
        WopiApps excelOnly = WopiApps.fromDiscovery(() -> Optional.of(doc), Set.of("excel"));
        assertThat(excelOnly.appFor("a.docx")).isEmpty();
        assertThat(excelOnly.appFor("a.xlsx")).contains("Excel");
    }
}
