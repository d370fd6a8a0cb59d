package cl.andesops.parties;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import cl.andesops.shared.format.PartyKeys;
import cl.andesops.shared.format.PartyKeys.Kind;
import cl.andesops.shared.format.PartyKeys.Named;
import cl.andesops.shared.search.SpanishAnalyzer;
import cl.andesops.shared.search.UserText;

/**
 * What the party index's documents hold and how they are asked: one document per party and spelling of its name
 * ({@code id}: kind, key and the folded name, so a name seen again replaces itself), its kind and key as exact
 * terms (a supplier's key also without its dash), its name analysed as the tender search analyses text.
 */
final class PartyDocs {

    private static final UserText USER_TEXT = new UserText(new SpanishAnalyzer(), new String[]{"name"},
            new float[]{1f}, "exact");

    private PartyDocs() {
    }

    /** The document's identity: a name spelled again the same way (case, accents, spaces aside) replaces it. */
    static Term id(Named n) {
        String folded = SpanishAnalyzer.fold(n.name()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return new Term("id", n.kind() + ":" + n.key() + ":" + folded);
    }

    /**
     * The name exactly as a record spelled it, with its party: a catch-up that finds it among the live documents
     * has nothing to write (the same name is given again by most of a busy party's orders).
     */
    static Term spelling(Named n) {
        return new Term("spelling", n.kind() + ":" + n.key() + ":" + n.name());
    }

    static Document document(Named n) {
        Document doc = new Document();
        doc.add(new StringField("id", id(n).text(), Field.Store.NO));
        doc.add(new StringField("spelling", spelling(n).text(), Field.Store.NO));
        doc.add(new StringField("kind", n.kind().name(), Field.Store.YES));
        doc.add(new StringField("exact", n.key(), Field.Store.YES));
        if (n.kind() == Kind.SUPPLIER) {
            doc.add(new StringField("exact", n.key().replace("-", ""), Field.Store.NO));
        }
        doc.add(new TextField("name", n.name(), Field.Store.YES));
        return doc;
    }

    /** Every document of one party. */
    static Query party(Kind kind, String key) {
        return new BooleanQuery.Builder().add(new TermQuery(new Term("exact", key)), Occur.FILTER)
                .add(new TermQuery(new Term("kind", kind.name())), Occur.FILTER).build();
    }

    /** The party a document names. */
    static PartyIndex.Hit hit(Document d) {
        Kind k = Kind.valueOf(d.get("kind"));
        String key = d.get("exact");
        return new PartyIndex.Hit(k, key, d.get("name"), PartyKeys.path(k, key));
    }

    /**
     * The key the text is (a RUT with its check digit, a code), boosted first, or the words; of one kind when
     * {@code kind} is given; null when there is nothing to find (blank, punctuation, only exclusions).
     */
    static Query query(String text, Kind kind) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (PartyKeys.supplier(t).isPresent() && t.matches("[0-9.\\s]+-?\\s*[0-9kK]")) {
            b.add(new BoostQuery(new TermQuery(new Term("exact", PartyKeys.supplier(t).get())), 100f), Occur.SHOULD);
            any = true;
        }
        if (t.matches("\\d{1,12}")) {
            b.add(new BoostQuery(new TermQuery(new Term("exact", t)), 100f), Occur.SHOULD);
            any = true;
        }
        Query words = USER_TEXT.query(t);
        if (!(words instanceof MatchAllDocsQuery) && !(words instanceof BooleanQuery bq
                && bq.clauses().stream().noneMatch(c -> c.occur() == Occur.MUST))) {
            b.add(words, Occur.SHOULD);
            any = true;
        }
        if (!any) {
            return null;
        }
        Query q = b.build();
        return kind == null ? q : new BooleanQuery.Builder().add(q, Occur.MUST)
                .add(new TermQuery(new Term("kind", kind.name())), Occur.FILTER).build();
    }
}
