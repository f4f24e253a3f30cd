package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wopihost.nuxeo.TakenDocumentLocks.Taken;

class TakenDocumentLocksTest {

    private final MapKeyValueStore kv = new MapKeyValueStore();
    private final TakenDocumentLocks taken = new TakenDocumentLocks(kv.store);
    private final Taken jane = new Taken("default", "doc-1", "jane doe\n@example", "ZmlsZQ");
    private final Taken bob = new Taken("default", "doc-2", "bob", "b3RoZXI");

    @Test
    void recordsOnePerDocumentInOneKeyAndForgetsTheLastOneWithTheKey() {
        taken.add(jane);
        taken.add(bob);
        assertThat(taken.all()).containsExactly(jane, bob);
        assertThat(taken.find("default", "doc-1")).contains(jane);
        Taken janeAgain = new Taken("default", "doc-1", "jane doe\n@example", "YWdhaW4");
        taken.add(janeAgain);
        assertThat(taken.all()).containsExactlyInAnyOrder(janeAgain, bob);
        assertThat(kv.values).containsOnlyKeys(TakenDocumentLocks.KEY);

        assertThat(taken.remove(jane)).as("no longer recorded").isFalse();
        assertThat(taken.remove(janeAgain)).isTrue();
        taken.forget("default", "doc-2");
        assertThat(taken.all()).isEmpty();
        assertThat(kv.values).isEmpty();
    }
}
