package cl.andesops.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

import cl.andesops.analysis.Facts.Source;

/**
 * The model's Markdown as safe HTML: headings, lists, bold, paragraphs. Every record code it cites becomes a link
 * when the facts contain that record, and is marked as unverified when they do not. Whatever the model wrote is
 * escaped first and the result is cleaned by jsoup, so no markup from the model reaches the page.
 */
public final class Narrative {

    /** Mercado Público codes: unit-sequence-TYPEyy ({@code 2097-241-SE14}, {@code 1509-5-LE24}). */
    public static final Pattern CODE = Pattern.compile("\\[?\\b(\\d{1,7}-\\d{1,9}-[A-Z][A-Z0-9]{0,3}\\d{2})\\b\\]?");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Safelist SAFE = Safelist.relaxed().addAttributes("a", "class", "title")
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
        Map<String, Source> known = sources.stream().collect(Collectors.toMap(Source::code, Function.identity(),
                (a, b) -> a));
        StringBuilder out = new StringBuilder();
        String list = null;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : (markdown == null ? "" : markdown).split("\n")) {
            String line = raw.strip();
            String item = null;
            String kind = null;
            if (line.matches("^[-*•] .*")) {
                item = line.substring(2);
                kind = "ul";
            } else if (line.matches("^\\d+[.)] .*")) {
                item = line.substring(line.indexOf(' ') + 1);
                kind = "ol";
            }
            if (item == null && list != null) {
                out.append("</").append(list).append('>');
                list = null;
            }
            if (line.isEmpty() || line.startsWith("#") || item != null) {
                flush(out, paragraph, known);
            }
            if (line.startsWith("#")) {
                int level = Math.min(3, (int) line.chars().takeWhile(c -> c == '#').count());
                String tag = "h" + (level + 2);
                out.append('<').append(tag).append('>').append(inline(line.replaceFirst("^#+\\s*", ""), known))
                        .append("</").append(tag).append('>');
            } else if (item != null) {
                if (!kind.equals(list)) {
                    if (list != null) {
                        out.append("</").append(list).append('>');
                    }
                    out.append('<').append(kind).append('>');
                    list = kind;
                }
                out.append("<li>").append(inline(item, known)).append("</li>");
            } else if (!line.isEmpty()) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        flush(out, paragraph, known);
        if (list != null) {
            out.append("</").append(list).append('>');
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(out.toString(), "http://andesops.local/", SAFE, settings);
    }

    private static void flush(StringBuilder out, StringBuilder paragraph, Map<String, Source> known) {
        if (!paragraph.isEmpty()) {
            out.append("<p>").append(inline(paragraph.toString(), known)).append("</p>");
            paragraph.setLength(0);
        }
    }

    private static String inline(String text, Map<String, Source> known) {
        String escaped = Entities.escape(text);
        escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        Matcher m = CODE.matcher(escaped);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String code = m.group(1);
            Source s = known.get(code);
            String replacement = s == null
                    ? "<span class=\"cite unverified\" title=\"No está entre los hechos\">" + code + "</span>"
                    : "<a class=\"cite\" href=\"" + s.type().appPath(code) + "\">" + code + "</a>";
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Plain text for the PDF: Markdown marks removed, one entry per paragraph, heading or list item. */
    public static List<String[]> blocks(String markdown) {
        List<String[]> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : (markdown == null ? "" : markdown).split("\n")) {
            String line = raw.strip().replace("**", "");
            boolean item = line.matches("^([-*•]|\\d+[.)]) .*");
            if (line.isEmpty() || line.startsWith("#") || item) {
                if (!paragraph.isEmpty()) {
                    blocks.add(new String[]{"p", paragraph.toString()});
                    paragraph.setLength(0);
                }
            }
            if (line.startsWith("#")) {
                blocks.add(new String[]{"h", line.replaceFirst("^#+\\s*", "")});
            } else if (item) {
                blocks.add(new String[]{"li", line.replaceFirst("^([-*•]|\\d+[.)]) ", "")});
            } else if (!line.isEmpty()) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        if (!paragraph.isEmpty()) {
            blocks.add(new String[]{"p", paragraph.toString()});
        }
        return blocks;
    }
}
