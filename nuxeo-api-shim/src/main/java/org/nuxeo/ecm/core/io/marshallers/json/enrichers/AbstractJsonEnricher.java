package org.nuxeo.ecm.core.io.marshallers.json.enrichers;

import java.io.IOException;

import org.nuxeo.ecm.core.io.marshallers.json.AbstractJsonWriter;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/marshallers/json/enrichers/AbstractJsonEnricher.java, with its
 * superclass AbstractJsonWriter (which holds the injected {@code ctx}), so that every {@code write} overload Nuxeo's
 * class has is declared.
 */
public abstract class AbstractJsonEnricher<EntityType> extends AbstractJsonWriter<Enriched<EntityType>> {

    public AbstractJsonEnricher(String name) {
        // the real class keeps the name to match the enrichers.* request parameter
    }

    @Override
    public void write(Enriched<EntityType> enriched, JsonGenerator jg) throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public abstract void write(JsonGenerator jg, EntityType enriched) throws IOException;
}
