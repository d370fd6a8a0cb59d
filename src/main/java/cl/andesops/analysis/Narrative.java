package cl.andesops.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import cl.andesops.analysis.Facts.Source;

/**
 * The model's Markdown as safe HTML, rendered by commonmark (headings, emphasis, lists, GFM tables). Every record
 * code it cites becomes a link when the facts contain that record, and is marked as unverified when they do not.
 * HTML the model wrote is escaped, never passed, and the result is cleaned by jsoup, so no markup from the model
 * reaches the page.
 */
public final class Narrative {

    /** Mercado Público codes: unit-sequence-TYPEyy ({@code 2097-241-SE14}, {@code 1509-5-LE24}). */
    public static final Pattern CODE = Pattern.compile("\\[?\\b(\\d{1,7}-\\d{1,9}-[A-Z][A-Z0-9]{0,3}\\d{2})\\b\\]?");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    /** jsoup's relaxed list without images: a model's {@code ![](http://…)} would load a tracker for every reader. */
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("a", "class", "title")
            .addAttributes("span", "class", "title").preserveRelativeLinks(true);

    private Narrative() {
    }

    /** The codes cited in a text, in order, without repeats. */
    public static List<String> citedCodes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!codes.contains(m.group(1))) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    public static String html(String markdown, List<Source> sources) {
        return html(markdown, sources, "No está entre los hechos");
    }

    /**
     * Renders the Markdown with commonmark (headings, emphasis, lists, tables; raw HTML escaped, not passed), moves
     * headings two levels down (the page has its own), keeps a link the model wrote as its text (only the facts'
     * records are linked), links or marks cited codes, and cleans the result with jsoup's safelist.
     */
    public static String html(String markdown, List<Source> sources, String unverifiedTitle) {
        return html(markdown, sources, unverifiedTitle, Map.of());
    }

    /**
     * The same, and the first mention of each party the facts name ({@code parties}: name → profile, longest first)
     * links to its profile: a narrative names the buyers and suppliers its facts do, in their words.
     */
    public static String html(String markdown, List<Source> sources, String unverifiedTitle,
                              Map<String, String> parties) {
        Map<String, Source> known = sources.stream().collect(Collectors.toMap(Source::code, Function.identity(),
                (a, b) -> a));
        Document page = Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
        page.outputSettings().prettyPrint(false);
        Element body = page.body();
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            h.tagName("h" + Math.min(6, h.tagName().charAt(1) - '0' + 2));
        }
        for (Element a : body.select("a")) {
            a.unwrap();
        }
        for (Element img : body.select("img")) {
            img.replaceWith(new TextNode(img.attr("alt"))); // its words, never its address
        }
        for (TextNode text : allText(body)) {
            if (text.parent() instanceof Element parent && parent.closest("code, pre") != null) {
                continue;
            }
            cite(text, known, unverifiedTitle);
        }
        for (Map.Entry<String, String> party : parties.entrySet()) {
            linkFirst(body, party.getKey(), party.getValue());
        }
        for (TextNode blank : allText(body)) {
            if (blank.isBlank() && blank.parent() instanceof Element parent
                    && parent.normalName().matches("body|ul|ol|table|thead|tbody|tr")) {
                blank.remove(); // the line breaks between blocks
            }
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(body.html(), "http://andesops.local/", SAFE, settings);
    }

    private static List<TextNode> allText(Element root) {
        List<TextNode> texts = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                texts.add(t);
            }
        });
        return texts;
    }

    /** Links the first mention of a name outside links and code to its profile. */
    private static void linkFirst(Element body, String name, String path) {
        for (TextNode text : allText(body)) {
            if (text.parent() instanceof Element parent && parent.closest("a, code, pre") != null) {
                continue;
            }
            String whole = text.getWholeText();
            int at = whole.indexOf(name);
            if (at < 0) {
                continue;
            }
            if (at > 0) {
                text.before(new TextNode(whole.substring(0, at)));
            }
            text.before(new Element("a").addClass("party-link").attr("href", path).text(name));
            if (at + name.length() < whole.length()) {
                text.before(new TextNode(whole.substring(at + name.length())));
            }
            text.remove();
            return;
        }
    }

    /** Replaces the codes in a text node by links to the facts' records, or marks them unverified. */
    private static void cite(TextNode text, Map<String, Source> known, String unverifiedTitle) {
        String whole = text.getWholeText();
        Matcher m = CODE.matcher(whole);
        List<org.jsoup.nodes.Node> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new TextNode(whole.substring(last, m.start())));
            }
            String code = m.group(1);
            Source s = known.get(code);
            Element e = s == null
                    ? new Element("span").addClass("cite").addClass("unverified").attr("title", unverifiedTitle)
                    : new Element("a").addClass("cite").attr("href", s.type().appPath(code));
            parts.add(e.text(code));
            last = m.end();
        }
        if (parts.isEmpty()) {
            return;
        }
        if (last < whole.length()) {
            parts.add(new TextNode(whole.substring(last)));
        }
        for (org.jsoup.nodes.Node part : parts) {
            text.before(part);
        }
        text.remove();
    }

    /**
     * Plain text for the PDF, from the same parse: one entry per heading ("h"), paragraph ("p"), list item ("li")
     * and table row ("tr", cells joined by " · "), Markdown marks removed.
     */
    public static List<String[]> blocks(String markdown) {
        List<String[]> blocks = new ArrayList<>();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                blocks.add(new String[]{"h", text(heading)});
            }

            @Override
            public void visit(Paragraph paragraph) {
                boolean inItem = paragraph.getParent() instanceof ListItem;
                blocks.add(new String[]{inItem ? "li" : "p", text(paragraph)});
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        cells.add(text(c));
                    }
                    blocks.add(new String[]{"tr", String.join(" · ", cells)});
                } else {
                    visitChildren(node);
                }
            }

            @Override
            public void visit(CustomBlock block) {
                visitChildren(block);
            }
        });
        return blocks;
    }

    /** The literal text under a node, soft line breaks as spaces. */
    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                b.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                b.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                b.append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                b.append(html.getLiteral());
            }
        });
        return b.toString().strip();
    }
}
