/**
 * The Nuxeo side of the web layer: the servlet Nuxeo deploys on {@code /wopihost/*} (behind our
 * JWT-only authentication chain) and the {@code wopi} JSON enricher on blobs. The whole of the
 * nuxeo-wopi-web bundle (the neutral servlets are wopi-servlet's).
 */
package org.wopihost.web.nuxeo;
