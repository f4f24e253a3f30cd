/**
 * The Nuxeo side of the web layer: the servlet Nuxeo deploys on {@code /wopihost/*} (behind our
 * JWT-only authentication chain) and the {@code wopi} JSON enricher on blobs. The only package of the
 * web module that touches {@code org.nuxeo.*}.
 */
package org.wopihost.web.nuxeo;
