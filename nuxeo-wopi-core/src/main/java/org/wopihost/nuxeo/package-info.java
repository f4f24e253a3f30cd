/**
 * The Nuxeo binding of the engine's ports: documents and blobs through CoreSession, ACL-based
 * permissions, users from the UserManager, tokens from JWTService, WOPI locks in a KeyValueStore plus
 * the Nuxeo document lock, and the runtime component that wires them from nuxeo.conf. The whole of
 * the nuxeo-wopi-core bundle (the engine is wopi-engine's); Nuxeo services come in through
 * {@link org.wopihost.nuxeo.NuxeoServices} so every class here is unit-tested with mocks.
 */
package org.wopihost.nuxeo;
