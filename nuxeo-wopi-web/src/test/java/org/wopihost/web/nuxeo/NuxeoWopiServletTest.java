package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.wopihost.engine.WopiRequest.Endpoint;
import org.wopihost.engine.WopiResponse;

class NuxeoWopiServletTest {

    private static HttpServletRequest request(String pathInfo) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getPathInfo()).thenReturn(pathInfo);
        when(req.getMethod()).thenReturn("post");
        return req;
    }

    @Test
    void parsesFileAndContentsUrls() {
        assertThat(ServletWopiRequest.parse(request("/files/ABC")).orElseThrow().endpoint()).isEqualTo(Endpoint.FILE);
        assertThat(ServletWopiRequest.parse(request("/files/ABC/contents")).orElseThrow().endpoint())
                .isEqualTo(Endpoint.CONTENTS);
        assertThat(ServletWopiRequest.parse(request("/files/ABC/ancestry")).orElseThrow().endpoint())
                .isEqualTo(Endpoint.OTHER);
        assertThat(ServletWopiRequest.parse(request("/files/ABC")).orElseThrow().fileId()).isEqualTo("ABC");
        assertThat(ServletWopiRequest.parse(request("/files/ABC")).orElseThrow().method()).isEqualTo("POST");
        assertThat(ServletWopiRequest.parse(request("/view/ABC"))).isEmpty();
        assertThat(ServletWopiRequest.parse(request(null))).isEmpty();
    }

    @Test
    void takesTheTokenFromBearerThenTheQuery() {
        HttpServletRequest req = request("/files/ABC");
        when(req.getParameter("access_token")).thenReturn("from-query");
        assertThat(ServletWopiRequest.parse(req).orElseThrow().accessToken()).isEqualTo("from-query");
        when(req.getHeader("Authorization")).thenReturn("Bearer from-header");
        assertThat(ServletWopiRequest.parse(req).orElseThrow().accessToken()).isEqualTo("from-header");
    }

    @Test
    void unknownPathsAre404() throws IOException {
        HttpServletResponse resp = mock(HttpServletResponse.class);
        new NuxeoWopiServlet(() -> {
            throw new AssertionError("no engine needed");
        }).service(request("/elsewhere"), resp);
        verify(resp).sendError(404);
    }

    @Test
    void writesStatusHeadersAndBody() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HttpServletResponse resp = mock(HttpServletResponse.class);
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        });
        WopiResponse response = WopiResponse.body(200, new WopiResponse.Body() {
            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public long length() {
                return 2;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write("{}".getBytes());
            }
        }).header("X-WOPI-ItemVersion", "v1");
        NuxeoWopiServlet.write(response, resp);
        verify(resp).setStatus(200);
        verify(resp).setHeader("X-WOPI-ItemVersion", "v1");
        verify(resp).setContentType("application/json");
        assertThat(bytes.toString()).isEqualTo("{}");
    }
}
