package org.wopihost.web.nuxeo;

import static org.nuxeo.ecm.core.io.registry.reflect.Instantiations.SINGLETON;
import static org.nuxeo.ecm.core.io.registry.reflect.Priorities.REFERENCE;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.core.api.model.Property;
import org.nuxeo.ecm.core.api.model.impl.primitives.BlobProperty;
import org.nuxeo.ecm.core.io.marshallers.json.document.DocumentModelJsonWriter;
import org.nuxeo.ecm.core.io.marshallers.json.enrichers.AbstractJsonEnricher;
import org.nuxeo.ecm.core.io.registry.reflect.Setup;
import org.wopihost.engine.HostPageChoice;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The {@code wopi} enricher on blobs (request header {@code enrichers.blob: wopi}): for each blob a WOPI
 * application handles, {@code "wopi": {"appName": "Word", "view": "...", "edit": "..."}} with our host
 * page URLs, as far as the user the document was read for may go: {@code view} with Read, {@code edit}
 * too with Write; while the file is WOPI-locked, {@code lockedBy}, {@code lockedSince} and, for the holder
 * or a manager, {@code release} (the page that releases a lock a closed browser left). The permission
 * comes from the same port as the host page's and the links from the same {@link HostPageChoice}
 * ({@link WopiBlobLinks}), so both agree (a co-editor of a WOPI-locked document included). Registered in
 * OSGI-INF/wopihost-marshallers-contrib.xml.
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
        Optional<FileRef> file = fileRef(doc, xpath(property));
        WopiHostService s = service.get();
        // No application, no need to ask the ACLs.
        if (file.isEmpty() || s.apps().appFor(blob.getFilename()).isEmpty()) {
            return;
        }
        WopiPlatform platform = s.platform();
        Optional<WopiUser> reader = reader(platform, doc.getPrincipal());
        Optional<Map<String, String>> fields = reader.flatMap(user -> platform.permissions().of(user, file.get())
                .flatMap(allowed -> WopiBlobLinks.of(file.get(), new HostPageChoice.FileFacts(blob.getFilename(),
                        blob.getLength(), allowed, () -> platform.permissions().mayCreateSibling(user, file.get())),
                        s.apps(), s.config().settings())));
        if (fields.isEmpty()) {
            return;
        }
        jg.writeObjectFieldStart(NAME);
        for (Map.Entry<String, String> f : WopiBlobLinks.withLock(fields.get(), platform, reader.get(), file.get(),
                s.config().settings()).entrySet()) {
            jg.writeStringField(f.getKey(), f.getValue());
        }
        jg.writeEndObject();
    }

    /**
     * The xpath the binding serves: Nuxeo's own leaves out the prefix of a schema that has none
     * ({@code content}, {@code files/0/file}); the schema's name then serves as prefix
     * ({@code file:content}, {@code files:files/0/file}).
     */
    static String xpath(Property property) {
        String xpath = property.getXPath();
        return xpath.contains(":") ? xpath : property.getSchema().getName() + ":" + xpath;
    }

    private static Optional<FileRef> fileRef(DocumentModel doc, String xpath) {
        if (!FileRef.isValidXpath(xpath) || !FileRef.isValidName(doc.getId())
                || !FileRef.isValidName(doc.getRepositoryName())) {
            return Optional.empty();
        }
        return Optional.of(new FileRef(doc.getRepositoryName(), doc.getId(), xpath));
    }

    /** The user the document was read for, or empty (nothing to offer). */
    private static Optional<WopiUser> reader(WopiPlatform platform, NuxeoPrincipal reader) {
        return reader == null ? Optional.empty() : platform.users().find(reader.getName());
    }
}
