package org.nuxeo.runtime.kv;

/**
 * Declared from nuxeo-runtime-kv (service of component org.nuxeo.runtime.kv.KeyValueService,
 * modules/runtime/nuxeo-runtime-kv/src/main/resources/OSGI-INF/keyvalue-service.xml).
 */
public interface KeyValueService {

    KeyValueStore getKeyValueStore(String name);
}
