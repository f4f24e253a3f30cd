package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wopihost.engine.WopiEngine;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.Files;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.Users;
import org.wopihost.spi.WopiPlatform;

class NuxeoWopiServletTest {

    private static WopiHostService service() {
        return service(org.wopihost.engine.ProofCheck.NONE);
    }

    private static WopiHostService service(org.wopihost.engine.ProofCheck proofCheck) {
        WopiHostService service = mock(WopiHostService.class);
        NuxeoWopiConfig config = NuxeoWopiConfig.read(Map.<String, String>of()::get);
        WopiPlatform platform = new WopiPlatform(mock(AccessTokens.class), mock(Users.class),
                mock(Permissions.class), mock(Files.class), mock(LockStore.class));
        when(service.config()).thenReturn(config);
        when(service.engine()).thenReturn(new WopiEngine(platform, config.settings(), proofCheck, true,
                Clock.systemUTC(), org.wopihost.spi.WopiMetrics.NONE, java.util.Optional::empty));
        return service;
    }

    @Test
    void buildsTheEngineOnceFromTheNuxeoServiceAndDelegates() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WopiHostService service = service();
        NuxeoWopiServlet servlet = new NuxeoWopiServlet(() -> {
            lookups.incrementAndGet();
            return service;
        });
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getPathInfo()).thenReturn("/not-a-wopi-path");
        when(req.getMethod()).thenReturn("GET");
        HttpServletResponse resp = mock(HttpServletResponse.class);
        servlet.service(req, resp);
        servlet.service(req, resp);
        verify(resp, times(2)).sendError(404);
        assertThat(lookups).hasValue(1);
        assertThat(servlet.delegate()).isNotNull();
    }

    @Test
    void marksTheRequestAsAWopiRequestOnlyWhileServingIt() throws Exception {
        NuxeoWopiServlet servlet = new NuxeoWopiServlet(NuxeoWopiServletTest::service);
        HttpServletRequest req = mock(HttpServletRequest.class);
        java.util.List<Boolean> seen = new java.util.ArrayList<>();
        when(req.getPathInfo()).thenAnswer(inv -> {
            seen.add(org.wopihost.nuxeo.WopiRequests.isActive());
            return "/not-a-wopi-path";
        });
        servlet.service(req, mock(HttpServletResponse.class));
        assertThat(seen).containsExactly(true);
        assertThat(org.wopihost.nuxeo.WopiRequests.isActive()).isFalse();
    }

    @Test
    void servesTheEngineTheServiceAssembled() throws Exception {
        WopiHostService service = service(request -> {
            throw new org.wopihost.engine.WopiException(500, "unsigned");
        });
        NuxeoWopiServlet servlet = new NuxeoWopiServlet(() -> service);
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getPathInfo()).thenReturn("/files/SOMEID");
        when(req.getMethod()).thenReturn("GET");
        when(req.getRequestURI()).thenReturn("/nuxeo/wopihost/files/SOMEID");
        when(req.getQueryString()).thenReturn("access_token=t");
        HttpServletResponse resp = mock(HttpServletResponse.class);
        servlet.service(req, resp);
        verify(resp).setStatus(500);
        verify(service).engine();
    }
}
