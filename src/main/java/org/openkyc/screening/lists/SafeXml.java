package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsed with no document type and no external entities: list files come from outside. A DOCTYPE refuses the
 * file (the tree parser disallows it, the streaming reader's callers refuse its DTD event), so neither entity
 * expansion (billion laughs) nor reading local files can happen. Errors name the line and column.
 */
final class SafeXml {

    private SafeXml() {}

    /** A streaming reader for files too large to hold as a tree, with the same protections. */
    static XMLStreamReader stream(InputStream in, String what) throws IOException {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new ListFormatException(what + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Where a streaming parser stopped, for a message: " at line L, column C". */
    static String at(XMLStreamException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber();
    }

    static Document parse(InputStream in, String what) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (SAXParseException e) {
            throw new ListFormatException(
                    what + " is not well-formed XML: line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                            + ": " + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new ListFormatException(what + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
