package org.wopihost.spi;

/**
 * What must still hold when an upload has been received and is about to become the current
 * version. A save can take minutes; the lock it was checked against may have changed meanwhile.
 */
@FunctionalInterface
public interface WriteCondition {

    /** No condition. */
    WriteCondition NONE = () -> {
    };

    /** @throws WriteRefusedException when the write must not land any more */
    void check() throws WriteRefusedException;
}
