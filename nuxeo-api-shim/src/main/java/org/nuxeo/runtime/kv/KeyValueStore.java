package org.nuxeo.runtime.kv;

/** Declared from nuxeo-runtime-kv: modules/runtime/nuxeo-runtime-kv/src/main/java/org/nuxeo/runtime/kv/KeyValueStore.java */
public interface KeyValueStore {

    void put(String key, String value);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    void put(String key, String value, long ttl);

    String getString(String key);

    /** Atomic; a null expected value means absent, a null value removes the key. */
    boolean compareAndSet(String key, String expected, String value);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    boolean compareAndSet(String key, String expected, String value, long ttl);
}
