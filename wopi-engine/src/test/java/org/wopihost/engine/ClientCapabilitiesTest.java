package org.wopihost.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ClientCapabilitiesTest {

    @Test
    void readsCollaborasProductAndWhetherItFillsFromTemplates() {
        assertThat(ClientCapabilities.parse(("{\"productName\":\"Collabora Online Development Edition\","
                + "\"productVersion\":\"24.04.5.2\",\"hasTemplateSource\":true,\"convert-to\":{\"available\":true}}")
                .getBytes(UTF_8))).contains(new ClientCapabilities("Collabora Online Development Edition", "24.04.5.2",
                        true));
        assertThat(ClientCapabilities.parse("{}".getBytes(UTF_8))).contains(new ClientCapabilities("", "", false));
        assertThat(ClientCapabilities.parse("not json".getBytes(UTF_8))).isEmpty();
        assertThat(ClientCapabilities.parse("[1]".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void aNewAnswerIsReadAgain() {
        AtomicReference<byte[]> answer = new AtomicReference<>();
        Supplier<Optional<ClientCapabilities>> capabilities = ClientCapabilities.readFrom(() -> Optional.ofNullable(answer.get()));
        assertThat(capabilities.get()).isEmpty();
        answer.set("{\"hasTemplateSource\":false}".getBytes(UTF_8));
        assertThat(capabilities.get()).get().extracting(ClientCapabilities::templateSource).isEqualTo(false);
        answer.set("{\"hasTemplateSource\":true}".getBytes(UTF_8));
        assertThat(capabilities.get()).get().extracting(ClientCapabilities::templateSource).isEqualTo(true);
    }
}
