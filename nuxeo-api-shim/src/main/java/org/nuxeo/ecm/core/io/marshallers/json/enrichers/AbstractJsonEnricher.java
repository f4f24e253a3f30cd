package org.nuxeo.ecm.core.io.marshallers.json.enrichers;

import java.io.IOException;

import org.nuxeo.ecm.core.io.registry.context.RenderingContext;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/marshallers/json/enrichers/AbstractJsonEnricher.java. In Nuxeo the
 * injected {@code ctx} field lives in the superclass AbstractJsonWriter; field references compile against the
 * subclass, so the binding's bytecode resolves it there at run time.
 */
public abstract class AbstractJsonEnricher<EntityType> {

    protected RenderingContext ctx;

    public AbstractJsonEnricher(String name) {
        // the real class keeps the name to match the enrichers.* request parameter
    }

    public abstract void write(JsonGenerator jg, EntityType enriched) throws IOException;
}
