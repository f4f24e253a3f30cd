/**
 * The servlet layer: parses WOPI HTTP requests for the engine and writes its responses back, and serves
 * the host pages and the stuck-lock release page. Module wopi-servlet, on the Servlet API only: no Nuxeo
 * type is on its class path. The Nuxeo-specific web pieces live in {@code org.wopihost.web.nuxeo}
 * (nuxeo-wopi-web).
 */
package org.wopihost.web;
