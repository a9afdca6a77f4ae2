package dev.bulwark.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Splits a query into the words the index holds, with the index's own analyzer. Stateless. */
final class LuceneWords {
  private static final int MAX_WORDS = 32;

  private LuceneWords() {}

  static List<String> split(Analyzer analyzer, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && words.size() < MAX_WORDS) {
        words.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot split the query", e);
    }
    return words;
  }
}
