package org.wopihost.nuxeo;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.nuxeo.runtime.kv.KeyValueStore;

/**
 * A KeyValueStore over a map, for the String operations the binding uses: atomic compare-and-set by
 * value, null removes. TTLs are recorded, never enforced, like a store that expires keys lazily.
 */
final class MapKeyValueStore {

    final Map<String, String> values = new HashMap<>();
    final Map<String, Long> ttls = new HashMap<>();
    final KeyValueStore store = mock(KeyValueStore.class);

    MapKeyValueStore() {
        lenient().when(store.getString(anyString())).thenAnswer(inv -> get(inv.getArgument(0)));
        lenient().doAnswer(inv -> set(inv.getArgument(0), inv.getArgument(1), 0))
                .when(store).put(anyString(), nullable(String.class));
        lenient().doAnswer(inv -> set(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2)))
                .when(store).put(anyString(), nullable(String.class), anyLong());
        lenient().when(store.compareAndSet(anyString(), nullable(String.class), nullable(String.class)))
                .thenAnswer(inv -> cas(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2), 0));
        lenient().when(store.compareAndSet(anyString(), nullable(String.class), nullable(String.class), anyLong()))
                .thenAnswer(inv -> cas(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2), inv.getArgument(3)));
    }

    private synchronized String get(String key) {
        return values.get(key);
    }

    private synchronized boolean set(String key, String value, long ttl) {
        if (value == null) {
            values.remove(key);
            ttls.remove(key);
        } else {
            values.put(key, value);
            ttls.put(key, ttl);
        }
        return true;
    }

    private synchronized boolean cas(String key, String expected, String value, long ttl) {
        return Objects.equals(values.get(key), expected) && set(key, value, ttl);
    }
}
