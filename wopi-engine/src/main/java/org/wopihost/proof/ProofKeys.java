package org.wopihost.proof;

import java.util.Optional;

/**
 * The current and the previous proof key of a WOPI client. Office rotates keys: the current key becomes
 * the old one and a new current key appears, so a host holding cached discovery must try both.
 * Either may be missing (Collabora publishes only a current key, or none when it has no key configured).
 */
public record ProofKeys(ProofKey current, ProofKey old) {

    private static final ProofKeys NONE = new ProofKeys(null, null);

    public static ProofKeys none() {
        return NONE;
    }

    public Optional<ProofKey> oldKey() {
        return Optional.ofNullable(old);
    }

    public boolean isEmpty() {
        return current == null && old == null;
    }
}
