package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Files;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

class NuxeoHostPageServletTest {

    private static final FileRef REF = new FileRef("default", "doc-1", FileRef.MAIN_BLOB);
    private static final String FILE_ID = FileIdCodec.encode(REF);
    private static final String DISCOVERY = "<wopi-discovery><net-zone name='external-https'>"
            + "<app name='Word' favIconUrl='https://office.example/word.ico'>"
            + "<action name='view' ext='docx' urlsrc='https://office.example/wv/view.aspx?&lt;ui=UI_LLCC&amp;&gt;'/>"
            + "<action name='edit' ext='docx' urlsrc='https://office.example/we/edit.aspx?&lt;ui=UI_LLCC&amp;&gt;'/>"
            + "</app></net-zone></wopi-discovery>";

    private final AccessTokens tokens = mock(AccessTokens.class);
    private final Users users = mock(Users.class);
    private final Permissions permissions = mock(Permissions.class);
    private final Files files = mock(Files.class);
    private final WopiHostService service = mock(WopiHostService.class);

    NuxeoHostPageServletTest() {
        when(service.platform()).thenReturn(new WopiPlatform(tokens, users, permissions, files, mock(LockStore.class)));
        when(service.config()).thenReturn(NuxeoWopiConfig.read(Map.of(
                "nuxeo.url", "https://ecm.example.com/nuxeo",
                "nuxeo.wopi.discoveryURL", "https://office.example/hosting/discovery")::get));
    }

    private void withDiscovery() throws Exception {
        DiscoveryClient discovery = mock(DiscoveryClient.class);
        when(discovery.current()).thenReturn(DiscoveryDocument.parse(DISCOVERY.getBytes(StandardCharsets.UTF_8)));
        when(service.discovery()).thenReturn(Optional.of(discovery));
    }

    private static HttpServletRequest get(String action, String fileId, String user) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn("GET");
        // As the container splits it for the mapping /wopihost/<action>/*.
        when(req.getServletPath()).thenReturn("/" + NuxeoWopiConfig.WOPI_PATH + "/" + action);
        when(req.getPathInfo()).thenReturn("/" + fileId);
        when(req.getRequestURI()).thenReturn("/nuxeo/" + NuxeoWopiConfig.WOPI_PATH + "/" + action + "/" + fileId);
        when(req.getLocale()).thenReturn(Locale.FRANCE);
        if (user != null) {
            Principal principal = () -> user;
            when(req.getUserPrincipal()).thenReturn(principal);
        }
        return req;
    }

    @Test
    void theUserIsTheOneLoggedInToNuxeo() throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getUserPrincipal()).thenReturn(() -> "alice");
        HttpServletResponse resp = mock(HttpServletResponse.class);
        assertThat(NuxeoHostPageServlet.NUXEO_LOGIN.currentUser(req, resp)).contains("alice");
        verifyNoInteractions(resp);
    }

    @Test
    void theAnonymousUserGetsNoPage() throws Exception {
        org.nuxeo.ecm.core.api.NuxeoPrincipal guest = mock(org.nuxeo.ecm.core.api.NuxeoPrincipal.class);
        when(guest.getName()).thenReturn("Guest");
        when(guest.isAnonymous()).thenReturn(true);
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getUserPrincipal()).thenReturn(guest);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        assertThat(NuxeoHostPageServlet.NUXEO_LOGIN.currentUser(req, resp)).isEmpty();
        verify(resp).sendError(401);
        when(guest.isAnonymous()).thenReturn(false);
        assertThat(NuxeoHostPageServlet.NUXEO_LOGIN.currentUser(req, mock(HttpServletResponse.class))).contains("Guest");
    }

    @Test
    void withoutALoggedInUserTheAnswerIs401() throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        assertThat(NuxeoHostPageServlet.NUXEO_LOGIN.currentUser(req, resp)).isEmpty();
        verify(resp).sendError(401);
    }

    @Test
    void withoutDiscoveryThereIsNoHostPage() throws Exception {
        when(service.discovery()).thenReturn(Optional.empty());
        AtomicInteger lookups = new AtomicInteger();
        NuxeoHostPageServlet servlet = new NuxeoHostPageServlet(() -> {
            lookups.incrementAndGet();
            return service;
        });
        HttpServletResponse resp = mock(HttpServletResponse.class);
        servlet.service(get("edit", FILE_ID, "alice"), resp);
        servlet.service(get("view", FILE_ID, "alice"), resp);
        verify(resp, org.mockito.Mockito.times(2)).sendError(org.mockito.ArgumentMatchers.eq(404), anyString());
        assertThat(lookups).hasValue(1);
        verifyNoInteractions(tokens, users, permissions, files);
    }

    @Test
    void delegatesToTheHostPageWithTheNuxeoUser() throws Exception {
        withDiscovery();
        WopiUser alice = new WopiUser("alice", "Alice", "alice@example.com");
        when(users.find("alice")).thenReturn(Optional.of(alice));
        when(permissions.of(alice, REF)).thenReturn(Optional.of(Permission.EDIT));
        when(files.info(REF)).thenReturn(Optional.of(
                new FileInfo(REF, "report.docx", 10, "1.0", Instant.EPOCH, "alice", "Report", "Folder")));
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        when(tokens.issue("alice", FILE_ID, Permission.EDIT)).thenReturn(new IssuedToken("TOKEN-abc", expiry));
        when(tokens.issue("alice", FILE_ID, Permission.VIEW)).thenReturn(new IssuedToken("TOKEN-view", expiry));
        AtomicInteger lookups = new AtomicInteger();
        NuxeoHostPageServlet servlet = new NuxeoHostPageServlet(() -> {
            lookups.incrementAndGet();
            return service;
        });

        StringWriter body = new StringWriter();
        HttpServletResponse resp = mock(HttpServletResponse.class);
        when(resp.getWriter()).thenReturn(new PrintWriter(body));
        servlet.service(get("edit", FILE_ID, "alice"), resp);
        resp.getWriter().flush();

        verify(resp, never()).sendError(anyInt());
        verify(resp, never()).sendError(anyInt(), anyString());
        verify(tokens).issue("alice", FILE_ID, Permission.EDIT);
        String html = body.toString();
        assertThat(html).contains("https://office.example/we/edit.aspx")
                .contains("WOPISrc=" + java.net.URLEncoder.encode(
                        "https://ecm.example.com/nuxeo/wopihost/files/" + FILE_ID, StandardCharsets.UTF_8))
                .contains("value=\"TOKEN-abc\"")
                .contains("value=\"" + expiry.toEpochMilli() + "\"");
        verify(resp).setHeader("Cache-Control", "no-store");

        HttpServletResponse second = mock(HttpServletResponse.class);
        when(second.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
        servlet.service(get("view", FILE_ID, "alice"), second);
        verify(tokens).issue("alice", FILE_ID, Permission.VIEW);
        assertThat(lookups).as("the page is built once").hasValue(1);
        assertThat(servlet.delegate()).isPresent();
    }

    @Test
    void noLoggedInUserNoToken() throws Exception {
        withDiscovery();
        NuxeoHostPageServlet servlet = new NuxeoHostPageServlet(() -> service);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        servlet.service(get("edit", FILE_ID, null), resp);
        verify(resp).sendError(401);
        verifyNoInteractions(tokens, files, permissions);
    }

    @Test
    void aPathThatIsNotAHostPageIs404() throws Exception {
        withDiscovery();
        NuxeoHostPageServlet servlet = new NuxeoHostPageServlet(() -> service);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        servlet.service(get("edit", "not-a-file-id", "alice"), resp);
        verify(resp).sendError(404);
        verify(tokens, never()).issue(anyString(), anyString(), any());
    }
}
