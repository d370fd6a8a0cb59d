package cl.andesops.shared.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;


/**
 * What a user types into a search box, as a Lucene query over some text fields: built by hand, with no query
 * parser, so nothing typed is syntax and nothing throws. Shared by the tender search and the text filters of the
 * Monitor and Compra Ágil.
 */
public final class UserText {

    public static final int MAX_INPUT = 500;
    public static final int MAX_TERMS = 16;
    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)(\\S+)");
    private static final Pattern CODE = Pattern.compile("^\\d+-\\d+-[A-Za-z0-9]+$");

    private final Analyzer analyzer;
    private final String[] fields;
    private final float[] boosts;
    private final String codeField;

    public UserText(Analyzer analyzer, String[] fields, float[] boosts, String codeField) {
        this.analyzer = analyzer;
        this.fields = fields.clone();
        this.boosts = boosts.clone();
        this.codeField = codeField;
    }

    /**
     * The user's words as a Lucene query, built by hand (no query parser, so nothing the user types is syntax):
     * every word must match in some field; "quoted words" as a phrase; -word excludes; the last word also as a
     * prefix. A code typed whole finds that record first.
     */
    public Query query(String input) {
        String text = input == null ? "" : input.strip();
        if (text.length() > MAX_INPUT) {
            text = text.substring(0, MAX_INPUT);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int positives = 0;
        int terms = 0;
        boolean endsWithSpace = input != null && !input.isEmpty() && Character.isWhitespace(input.charAt(input.length() - 1));
        Matcher m = TOKEN.matcher(text);
        List<String[]> tokens = new ArrayList<>();
        while (m.find() && tokens.size() < MAX_TERMS) {
            if (m.group(2) != null) {
                tokens.add(new String[]{m.group(1), m.group(2), "phrase"});
            } else {
                tokens.add(new String[]{m.group(3), m.group(4), "word"});
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String[] t = tokens.get(i);
            boolean negative = "-".equals(t[0]);
            boolean last = i == tokens.size() - 1 && !endsWithSpace && "word".equals(t[2]) && !negative;
            Query clause;
            if ("word".equals(t[2]) && CODE.matcher(t[1]).matches()) {
                clause = new BoostQuery(new TermQuery(new Term(codeField, t[1].toUpperCase(java.util.Locale.ROOT))), 20f);
                BooleanQuery.Builder either = new BooleanQuery.Builder().add(clause, Occur.SHOULD);
                Query words = wordsQuery(t[1], false);
                if (words != null) {
                    either.add(words, Occur.SHOULD);
                }
                clause = either.build();
            } else if ("phrase".equals(t[2])) {
                clause = phraseQuery(t[1]);
            } else {
                clause = wordsQuery(t[1], last);
            }
            if (clause == null) {
                continue;
            }
            terms++;
            if (negative) {
                b.add(clause, Occur.MUST_NOT);
            } else {
                b.add(clause, Occur.MUST);
                positives++;
            }
        }
        if (terms == 0) {
            return new MatchAllDocsQuery();
        }
        if (positives == 0) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return b.build();
    }

    /** One typed word: each analyzed term in any text field; the last word also as a prefix of the folded word. */
    private Query wordsQuery(String word, boolean prefix) {
        List<String> analyzed = analyze(word);
        String folded = SpanishAnalyzer.fold(word).replaceAll("[^\\p{Alnum}]", "");
        if (analyzed.isEmpty() && !(prefix && folded.length() >= 2)) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : analyzed) {
            all.add(anyField(term, false), Occur.MUST);
        }
        if (!prefix || folded.length() < 2) {
            return all.build();
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!analyzed.isEmpty()) {
            either.add(all.build(), Occur.SHOULD);
        }
        either.add(anyField(folded, true), Occur.SHOULD);
        return either.build();
    }

    private Query anyField(String term, boolean prefix) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int f = 0; f < fields.length; f++) {
            Term t = new Term(fields[f], term);
            Query q = prefix ? new PrefixQuery(t) : new TermQuery(t);
            any.add(new BoostQuery(q, prefix ? boosts[f] * 0.5f : boosts[f]), Occur.SHOULD);
        }
        return any.build();
    }

    private Query phraseQuery(String phrase) {
        List<String> analyzed = analyze(phrase);
        if (analyzed.isEmpty()) {
            return null;
        }
        if (analyzed.size() == 1) {
            return anyField(analyzed.getFirst(), false);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int f = 0; f < fields.length; f++) {
            PhraseQuery.Builder p = new PhraseQuery.Builder().setSlop(1);
            for (String term : analyzed) {
                p.add(new Term(fields[f], term));
            }
            any.add(new BoostQuery(p.build(), boosts[f]), Occur.SHOULD);
        }
        return any.build();
    }

    private List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(fields[0], text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_TERMS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
