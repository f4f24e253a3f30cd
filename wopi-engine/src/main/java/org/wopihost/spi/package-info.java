/**
 * Ports: the interfaces a platform (Nuxeo, or the standalone host) implements so the protocol
 * engine can resolve files, read and write them, keep locks, know users, check permissions and
 * issue or verify access tokens. Nothing here knows HTTP, servlets or Nuxeo.
 */
package org.wopihost.spi;
