package org.nuxeo.ecm.core.io.marshallers.json.enrichers;

/** Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/marshallers/json/enrichers/Enriched.java (the entity an enricher writes into). */
public class Enriched<EntityType> {

    public Enriched(EntityType entity) {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }
}
