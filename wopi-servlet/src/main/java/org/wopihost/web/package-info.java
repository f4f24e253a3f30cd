/**
 * The servlet layer: parses WOPI HTTP requests for the engine and writes its responses back.
 * It imports no Nuxeo type; the Nuxeo-specific web pieces live in {@code org.wopihost.web.nuxeo}.
 */
package org.wopihost.web;
