/**
 * The Nuxeo side of the web layer: the servlets Nuxeo deploys under {@code /wopihost/} (the WOPI
 * endpoints, {@code files/*} behind our JWT-only authentication chain; the host pages, the stuck-lock
 * release and the doctor behind Nuxeo's default chain) and the {@code wopi} JSON enricher on blobs. The
 * whole of the nuxeo-wopi-web bundle (the neutral servlets are wopi-servlet's).
 */
package org.wopihost.web.nuxeo;
