//! The tokenizer of the decision's text: [`WordTokenizer`]'s words reduced to
//! their English stems by tantivy's stemmer, as tantivy's `en_stem` gives them.
//!
//! Stemming every word of every decision is most of what it costs to index a
//! stemmed field, and the words of decisions repeat (the same few thousand make
//! up most of the text), so each tokenizer keeps the stems it has worked out,
//! up to [`MAX_CACHED`] words, and looks a word up before stemming it. tantivy
//! clones the tokenizer for each indexing thread, so the cache needs no lock.
//! The tokens are exactly those of `en_stem`: the tests compare the two.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::tokenizer::{WordStream, WordTokenizer};

/// Most words whose stems one tokenizer keeps: enough for the vocabulary that
/// makes up nearly all of the decisions' text, a few MB at most per thread.
pub const MAX_CACHED: usize = 1 << 16;

/// Stems by word.
type Stems = HashMap<Box<str>, Box<str>, BuildHasherDefault<Fnv>>;

/// tantivy's `en_stem` analyzer, equivalently.
#[derive(Clone)]
pub struct StemmedWordTokenizer {
    words: WordTokenizer,
    /// The stemmer, run over one word at a time.
    stemmer: TextAnalyzer,
    stems: Stems,
}

impl Default for StemmedWordTokenizer {
    fn default() -> Self {
        StemmedWordTokenizer {
            words: WordTokenizer::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            stems: Stems::default(),
        }
    }
}

/// The stemmed tokens of one text.
pub struct StemmedWordStream<'a> {
    words: WordStream<'a>,
    stemmer: &'a mut TextAnalyzer,
    stems: &'a mut Stems,
}

impl Tokenizer for StemmedWordTokenizer {
    type TokenStream<'a> = StemmedWordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> StemmedWordStream<'a> {
        StemmedWordStream {
            words: self.words.token_stream(text),
            stemmer: &mut self.stemmer,
            stems: &mut self.stems,
        }
    }
}

impl TokenStream for StemmedWordStream<'_> {
    fn advance(&mut self) -> bool {
        if !self.words.advance() {
            return false;
        }
        let token = self.words.token_mut();
        if let Some(stem) = self.stems.get(token.text.as_str()) {
            if **stem != *token.text {
                token.text.clear();
                token.text.push_str(stem);
            }
            return true;
        }
        let stem = stem_of(self.stemmer, &token.text);
        if self.stems.len() < MAX_CACHED {
            self.stems
                .insert(token.text.as_str().into(), stem.as_str().into());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.words.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.words.token_mut()
    }
}

/// The stem of one lowercased word.
fn stem_of(stemmer: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = stemmer.token_stream(word);
    match stream.advance() {
        true => stream.token().text.clone(),
        false => word.to_string(),
    }
}

/// FNV-1a: words are short, so a simple hash beats std's SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::TokenizerManager;

    /// (text, position, from, to) of every token.
    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn tantivy_en_stem() -> TextAnalyzer {
        TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy has en_stem")
    }

    #[test]
    fn words_are_stemmed_and_keep_their_place_in_the_text() {
        let mut ours = TextAnalyzer::from(StemmedWordTokenizer::default());
        let text = "The Council DELAYED; delays, delaying and a delay.";
        let got = tokens(&mut ours, text);
        let words: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            words,
            ["the", "council", "delay", "delay", "delay", "and", "a", "delay"]
        );
        assert_eq!(&text[got[2].2..got[2].3], "DELAYED");
    }

    #[test]
    fn the_sample_decisions_read_as_tantivy_en_stem_reads_them() {
        // One analyzer for all, so later decisions are read through the cache.
        let mut ours = TextAnalyzer::from(StemmedWordTokenizer::default());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(
                tokens(&mut ours, &text),
                tokens(&mut tantivy_en_stem(), &text)
            );
        }
    }

    #[test]
    fn a_full_cache_still_stems() {
        let mut tokenizer = StemmedWordTokenizer::default();
        for i in 0..MAX_CACHED + 10 {
            let word = format!("w{i}ing");
            let mut stream = tokenizer.token_stream(&word);
            assert!(stream.advance());
        }
        assert_eq!(tokenizer.stems.len(), MAX_CACHED);
        let mut ours = TextAnalyzer::from(tokenizer);
        let text = "complaints were investigated";
        assert_eq!(
            tokens(&mut ours, text),
            tokens(&mut tantivy_en_stem(), text)
        );
    }

    proptest! {
        #[test]
        fn any_text_reads_as_tantivy_en_stem_reads_it(
            text in "([A-Za-z0-9£’'é\u{212A}İ.,;:()\n -]{1,45} ?){0,12}"
        ) {
            let mut ours = TextAnalyzer::from(StemmedWordTokenizer::default());
            // Twice: the second time through the cache.
            for _ in 0..2 {
                prop_assert_eq!(tokens(&mut ours, &text), tokens(&mut tantivy_en_stem(), &text));
            }
        }
    }
}
