package cl.andesops.alerts;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cl.andesops.shared.I18n;

/**
 * Atom (RFC 4287) of a saved search's or a visitor's alerts: ids that never change ({@code tag:} URIs of the search
 * and of each alert), newest first, each entry linking to its record.
 */
public final class Feeds {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TAG = "tag:andesops.cl,2026:";

    private Feeds() {
    }

    public static String atom(Alerts.Feed feed, String base, String selfUrl) {
        Locale l = feed.locale();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml:lang", l.getLanguage());
            text(x, "id", TAG + feed.id());
            text(x, "title", feed.title() == null ? I18n.text(l, "alerts.feed.mine")
                    : I18n.text(l, "alerts.feed.search", feed.title()));
            text(x, "subtitle", I18n.text(l, "alerts.feed.subtitle"));
            text(x, "updated", time(feed.updated()));
            link(x, "self", "application/atom+xml", selfUrl);
            link(x, "alternate", "text/html", base + feed.path());
            x.writeStartElement("author");
            text(x, "name", "AndesOps");
            x.writeEndElement();
            text(x, "generator", "AndesOps");
            for (Alert a : feed.alerts()) {
                x.writeStartElement("entry");
                text(x, "id", TAG + "alert:" + a.id());
                text(x, "title", AlertWords.line(a, l));
                text(x, "updated", time(a.createdAt()));
                text(x, "published", time(a.createdAt()));
                link(x, "alternate", "text/html", base + a.path());
                text(x, "summary", AlertWords.what(a, l));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
