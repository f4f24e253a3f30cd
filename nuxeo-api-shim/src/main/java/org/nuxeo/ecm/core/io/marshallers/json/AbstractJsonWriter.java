package org.nuxeo.ecm.core.io.marshallers.json;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

import org.nuxeo.ecm.core.io.registry.context.RenderingContext;

import com.fasterxml.jackson.core.JsonGenerator;

import jakarta.ws.rs.core.MediaType;

/**
 * Declared from nuxeo-core-io: org/nuxeo/ecm/core/io/marshallers/json/AbstractJsonWriter.java, the superclass of
 * AbstractJsonEnricher: its injected {@code ctx} and its two write overloads (Nuxeo's class also implements the
 * marshalling registry's Writer, which the binding never names).
 */
public abstract class AbstractJsonWriter<EntityType> {

    protected RenderingContext ctx;

    public void write(EntityType entity, Class<?> clazz, Type genericType, MediaType mediatype, OutputStream out)
            throws IOException {
        throw new UnsupportedOperationException("nuxeo-api-shim: compile-time declaration only");
    }

    public abstract void write(EntityType entity, JsonGenerator jg) throws IOException;
}
