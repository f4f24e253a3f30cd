package org.wopihost.web.nuxeo;

import static org.nuxeo.ecm.core.io.registry.reflect.Instantiations.SINGLETON;
import static org.nuxeo.ecm.core.io.registry.reflect.Priorities.REFERENCE;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.model.impl.primitives.BlobProperty;
import org.nuxeo.ecm.core.io.marshallers.json.document.DocumentModelJsonWriter;
import org.nuxeo.ecm.core.io.marshallers.json.enrichers.AbstractJsonEnricher;
import org.nuxeo.ecm.core.io.registry.reflect.Setup;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The {@code wopi} enricher on blobs (request header {@code enrichers.blob: wopi}): for each blob a WOPI
 * application handles, {@code "wopi": {"appName": "Word", "view": "...", "edit": "..."}} with our host
 * page URLs. Registered in OSGI-INF/wopihost-marshallers-contrib.xml.
 */
@Setup(mode = SINGLETON, priority = REFERENCE)
public class WopiJsonEnricher extends AbstractJsonEnricher<BlobProperty> {

    public static final String NAME = "wopi";

    private final Supplier<WopiHostService> service;

    public WopiJsonEnricher() {
        this(WopiHostComponent::service);
    }

    WopiJsonEnricher(Supplier<WopiHostService> service) {
        super(NAME);
        this.service = service;
    }

    @Override
    public void write(JsonGenerator jg, BlobProperty property) throws IOException {
        DocumentModel doc = ctx.getParameter(DocumentModelJsonWriter.ENTITY_TYPE);
        if (doc == null || !(property.getValue() instanceof Blob blob)) {
            return;
        }
        WopiHostService s = service.get();
        Optional<Map<String, String>> fields = WopiBlobLinks.of(doc, property.getXPath(), blob, s.apps(),
                s.config().settings());
        if (fields.isEmpty()) {
            return;
        }
        jg.writeObjectFieldStart(NAME);
        for (Map.Entry<String, String> f : fields.get().entrySet()) {
            jg.writeStringField(f.getKey(), f.getValue());
        }
        jg.writeEndObject();
    }
}
