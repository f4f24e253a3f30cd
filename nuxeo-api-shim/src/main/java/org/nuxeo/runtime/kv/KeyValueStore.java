package org.nuxeo.runtime.kv;

/**
 * Declared from nuxeo-runtime-kv: modules/runtime/nuxeo-runtime-kv/src/main/java/org/nuxeo/runtime/kv/KeyValueStore.java.
 * Every overload of each member declared here, as Nuxeo declares them: a missing one would let a call
 * compile here that is ambiguous against the real API ({@code put(key, null)}).
 */
public interface KeyValueStore {

    /** @param value the value, which may be {@code null} (removes the key) */
    void put(String key, byte[] value);

    /** @param value the value, which may be {@code null} (removes the key) */
    void put(String key, String value);

    /** @param value the value, which may be {@code null} (removes the key) */
    void put(String key, Long value);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    void put(String key, byte[] value, long ttl);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    void put(String key, String value, long ttl);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    void put(String key, Long value, long ttl);

    /** The value, or null if there is none; IllegalArgumentException if it cannot be returned as a String. */
    String getString(String key);

    /** Atomic; a null expected value means absent, a null value removes the key. Compared by value. */
    boolean compareAndSet(String key, byte[] expected, byte[] value);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    boolean compareAndSet(String key, byte[] expected, byte[] value, long ttl);

    /** Atomic; a null expected value means absent, a null value removes the key. Compared by value. */
    boolean compareAndSet(String key, String expected, String value);

    /** @param ttl the TTL, in seconds (0 for infinite) */
    boolean compareAndSet(String key, String expected, String value, long ttl);
}
