package org.wopihost.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsing with every door to XXE closed: discovery comes over the network, and a document with a
 * DTD or external entity could read local files or make us call arbitrary URLs. Discovery XML never
 * has a DOCTYPE, so any DOCTYPE is refused outright.
 */
final class SecureXml {

    private static final Logger LOG = LoggerFactory.getLogger(SecureXml.class);

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final List<String> EXTERNAL_LOADING = List.of(
            "http://xml.org/sax/features/external-general-entities",
            "http://xml.org/sax/features/external-parameter-entities",
            "http://apache.org/xml/features/nonvalidating/load-external-dtd");

    private SecureXml() {
    }

    static Document parse(byte[] xml) throws DiscoveryException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            builder.setErrorHandler(new FailingErrorHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new DiscoveryException("not well-formed discovery XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the platform's XML parser cannot process securely nor refuse DOCTYPEs", e);
        }
    }

    /**
     * The factory the platform provides ({@code DocumentBuilderFactory.newInstance()}: the JDK's parser
     * standalone, Xerces on Nuxeo's classpath). Refusing any DOCTYPE is the guard every parser must honour:
     * without a DTD there is no entity at all, internal or external. The other settings close the same
     * doors again where the parser knows them; Xerces knows the features but not JAXP 1.5's access
     * properties, which it rejects with IllegalArgumentException.
     */
    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        for (String feature : EXTERNAL_LOADING) {
            try {
                factory.setFeature(feature, false);
            } catch (ParserConfigurationException e) {
                LOG.debug("{} does not know {}: the DOCTYPE refusal covers it", factory.getClass().getName(), feature);
            }
        }
        for (String property : List.of(XMLConstants.ACCESS_EXTERNAL_DTD, XMLConstants.ACCESS_EXTERNAL_SCHEMA)) {
            try {
                factory.setAttribute(property, "");
            } catch (IllegalArgumentException e) {
                LOG.debug("{} does not know {}: the DOCTYPE refusal covers it", factory.getClass().getName(), property);
            }
        }
        return factory;
    }

    /** The default handler prints to stderr and carries on; we want errors to fail the parse, quietly. */
    private static final class FailingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // nothing a warning could tell us changes the outcome
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
