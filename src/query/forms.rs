//! Word forms: the indexed words that share a query word's English stem, so
//! that `delays` finds "delayed" in a text indexed without stemming.
//!
//! The decision's text is indexed as written (stemming every word at ingest
//! cost more than the ingest budget allowed). At search time a word is
//! stemmed with tantivy's English stemmer, as its `en_stem` analyzer does;
//! the term dictionary is read from the stem less its last two characters
//! ([`scan_prefix`]), because the stemmer can change the end of a word
//! (`study` -> `studi`, `hoping` -> `hope`); and each word found there whose own
//! stem is the query word's is one of its forms. At most [`MAX_FORMS`] are
//! kept, the most frequent.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use tantivy::schema::Field;
use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, TokenStream};
use tantivy::Searcher;

/// Most forms one word stands for. A real English word has a handful
/// (`delay`, `delays`, `delayed`, `delaying`); more means a stem that joins
/// unrelated words, and the most frequent are the ones worth matching.
pub const MAX_FORMS: usize = 64;

/// Fewest characters of the stem read as a prefix of the term dictionary,
/// unless the stem itself is shorter: `use` is read from `us` so that it
/// finds "using"; a one-letter prefix would read a twentieth of the words.
const FEWEST_SCANNED: usize = 2;

/// Most characters the stemmer changes at the end of a word it does not just
/// shorten (`y` -> `i`, a restored `e`, `bility` -> `bl`).
const MOST_CHANGED: usize = 2;

/// English stems of lowercased words, each worked out once.
pub struct Stems {
    stemmer: TextAnalyzer,
    known: HashMap<String, String>,
}

impl Default for Stems {
    fn default() -> Self {
        Stems {
            // Over one word already lowercased by the word tokenizer, this is
            // tantivy's `en_stem`.
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            known: HashMap::new(),
        }
    }
}

impl Stems {
    /// The English stem of one lowercased word.
    pub fn of(&mut self, word: &str) -> &str {
        if !self.known.contains_key(word) {
            let mut stream = self.stemmer.token_stream(word);
            let stem = match stream.advance() {
                true => stream.token().text.clone(),
                false => word.to_string(),
            };
            self.known.insert(word.to_string(), stem);
        }
        &self.known[word]
    }
}

/// The prefix of the term dictionary that holds every word stemmed to
/// `stem`: the stem less its last [`MOST_CHANGED`] characters, keeping at
/// least [`FEWEST_SCANNED`] (or the whole stem when it is shorter).
pub fn scan_prefix(stem: &str) -> &str {
    let chars = stem.chars().count();
    let keep = chars
        .saturating_sub(MOST_CHANGED)
        .max(FEWEST_SCANNED)
        .min(chars);
    stem.char_indices()
        .nth(keep)
        .map_or(stem, |(at, _)| &stem[..at])
}

/// The indexed words of `field` with the same English stem as `word` (one
/// lowercased word), at most [`MAX_FORMS`]: the most frequent, in
/// alphabetical order. Empty when no form of the word is indexed.
pub fn forms(
    searcher: &Searcher,
    stems: &mut Stems,
    field: Field,
    word: &str,
) -> Result<Vec<String>> {
    let stem = stems.of(word).to_string();
    let prefix = scan_prefix(&stem);
    // Documents holding each candidate word, summed over segments.
    let mut frequency: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .into_stream()?;
        while stream.advance() {
            if !stream.key().starts_with(prefix.as_bytes()) {
                break;
            }
            let Ok(indexed) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            *frequency.entry(indexed.to_string()).or_default() +=
                u64::from(stream.value().doc_freq);
        }
    }
    frequency.retain(|indexed, _| stems.of(indexed) == stem);
    Ok(most_frequent(frequency, MAX_FORMS))
}

/// The `most` words with the highest counts (ties to the alphabetically
/// first), in alphabetical order.
fn most_frequent(counts: BTreeMap<String, u64>, most: usize) -> Vec<String> {
    let mut words: Vec<(String, u64)> = counts.into_iter().collect();
    if words.len() > most {
        // Stable, so equal counts stay in alphabetical order.
        words.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        words.truncate(most);
        words.sort();
    }
    words.into_iter().map(|(word, _)| word).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{indexed, saying};
    use tantivy::tokenizer::TokenizerManager;

    #[test]
    fn forms_are_the_indexed_words_with_the_same_stem() {
        let (_dir, index) = indexed(vec![
            saying(
                "24 000 001",
                "Alpha Council",
                "The Council delayed the review deliberately.",
            ),
            saying(
                "24 000 002",
                "Beta Council",
                "The delays and the delaying were studied in a study of studies.",
            ),
        ]);
        let searcher = searcher(&index).expect("searcher");
        let mut stems = Stems::default();
        let mut forms_of = |word| forms(&searcher, &mut stems, index.fields.text, word).unwrap();
        // "deliberately" is read from `del` too, and left out: another stem.
        let delay = ["delayed", "delaying", "delays"];
        assert_eq!(forms_of("delays"), delay);
        // A form that is not itself indexed still finds the others.
        assert_eq!(forms_of("delay"), delay);
        // The stem `studi` is no prefix of "study".
        assert_eq!(forms_of("study"), ["studied", "studies", "study"]);
        assert_eq!(forms_of("studying"), ["studied", "studies", "study"]);
        assert!(forms_of("zebras").is_empty());
        // Only the field asked for: the organisation is another field.
        assert_eq!(forms_of("alpha"), Vec::<String>::new());
    }

    #[test]
    fn stems_are_tantivy_en_stem_stems() {
        let mut en_stem = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy has en_stem");
        let mut stems = Stems::default();
        for word in [
            "delays",
            "delayed",
            "delay",
            "study",
            "studies",
            "hoping",
            "using",
            "capability",
            "council",
            "2024",
            "é",
            "x",
        ] {
            let mut stream = en_stem.token_stream(word);
            assert!(stream.advance(), "{word}");
            let expected = stream.token().text.clone();
            assert_eq!(stems.of(word), expected, "{word}");
            // Again, from what it worked out before.
            assert_eq!(stems.of(word), expected, "{word}");
        }
    }

    #[test]
    fn the_scan_starts_two_characters_short_of_the_stem_and_keeps_two() {
        assert_eq!(scan_prefix("delay"), "del");
        assert_eq!(scan_prefix("studi"), "stu");
        assert_eq!(scan_prefix("use"), "us");
        assert_eq!(scan_prefix("care"), "ca");
        assert_eq!(scan_prefix("is"), "is");
        assert_eq!(scan_prefix("a"), "a");
        assert_eq!(scan_prefix("délai"), "dél");
    }

    #[test]
    fn every_word_with_the_stem_is_within_the_scan() {
        let mut stems = Stems::default();
        for (word, other) in [
            ("study", "studies"),
            ("studies", "study"),
            ("hope", "hoping"),
            ("use", "using"),
            ("capable", "capability"),
            ("delayed", "delay"),
            ("apology", "apologies"),
        ] {
            let stem = stems.of(word).to_string();
            assert_eq!(stems.of(other), stem, "{word} {other}");
            assert!(other.starts_with(scan_prefix(&stem)), "{word} {other}");
        }
    }

    #[test]
    fn over_the_cap_the_most_frequent_forms_are_kept() {
        let counts: BTreeMap<String, u64> = [("b", 5), ("a", 1), ("d", 5), ("c", 9)]
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect();
        assert_eq!(most_frequent(counts.clone(), 4), ["a", "b", "c", "d"]);
        assert_eq!(most_frequent(counts.clone(), 2), ["b", "c"]);
        assert_eq!(most_frequent(counts, 3), ["b", "c", "d"]);
    }
}
