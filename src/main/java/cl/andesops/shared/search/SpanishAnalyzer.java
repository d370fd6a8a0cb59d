package cl.andesops.shared.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Spanish for people who type fast: lower case, accents folded ("licitacion" finds "Licitación"), stop words out,
 * and a light stemmer so plurals and genders meet ("medicos" finds "médico").
 */
public final class SpanishAnalyzer extends Analyzer {

    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet folded = new CharArraySet(400, true);
        for (Object w : org.apache.lucene.analysis.es.SpanishAnalyzer.getDefaultStopSet()) {
            folded.add(fold(new String((char[]) w)));
        }
        STOP_WORDS = CharArraySet.unmodifiableSet(folded);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new SpanishLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** Lower case without accents: what a prefix is compared with. */
    public static String fold(String s) {
        char[] in = s.toLowerCase(java.util.Locale.ROOT).toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }
}
