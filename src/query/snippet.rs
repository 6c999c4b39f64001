//! Snippets of hits: the fragment of a hit's text where the query's words
//! weigh most, with those words marked, as tantivy's `SnippetGenerator`
//! picks them, read faster.
//!
//! tantivy runs the field's analyzer over a hit's whole text, copying every
//! token, and looks each up among the query's words after lowercasing it
//! into a new `String`: for a page of hits that was about a tenth of the web
//! page's work under load, nearly all of it on words that are not in the
//! query. [`Snippets`] takes the same steps (the same tokens, fragments of
//! at most `max_chars` bytes from a token's start, each query word weighing
//! `1 / (1 + document frequency)`, the heaviest fragment and the first of
//! equals) over the free-text tokenizer's words as they stand in the text
//! ([`each_token`]), so it only serves fields that tokenizer indexed (the
//! decision's text). The tests hold it to tantivy's own snippets and
//! highlights.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use anyhow::Result;
use tantivy::query::Query;
use tantivy::schema::document::{Document, Value};
use tantivy::schema::Field;
use tantivy::{Score, Searcher, Term};

use crate::index::tokenizer::each_token;

/// The query's words in one field, with their weights, and how to cut a
/// hit's text into fragments.
pub struct Snippets {
    words: Words,
    field: Field,
    max_chars: usize,
}

/// A hit's best fragment and the byte ranges of the query's words in it;
/// both empty when the text has none of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Excerpt {
    pub fragment: String,
    pub highlighted: Vec<Range<usize>>,
}

impl Snippets {
    /// The snippets of `query` in `field` (a free-text field), fragments of
    /// at most `max_chars` bytes.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        max_chars: usize,
    ) -> Result<Self> {
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term);
            }
        });
        let mut weights: Vec<(String, Score)> = Vec::new();
        for term in terms {
            let value = term.value();
            let Some(word) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq > 0 {
                weights.push((word.to_string(), 1.0 / (1.0 + doc_freq as Score)));
            }
        }
        Ok(Snippets {
            words: Words::new(weights),
            field,
            max_chars,
        })
    }

    /// The excerpt of `doc`'s text in the field: its values joined by a
    /// space and trimmed, as tantivy reads a document.
    pub fn of_doc<D: Document>(&self, doc: &D) -> Excerpt {
        let values: Vec<&str> = doc
            .iter_fields_and_values()
            .filter(|(field, _)| *field == self.field)
            .filter_map(|(_, value)| value.as_str())
            .collect();
        match values.as_slice() {
            [one] => self.of_text(one.trim()),
            all => self.of_text(all.join(" ").trim()),
        }
    }

    /// The excerpt of `text`.
    pub fn of_text(&self, text: &str) -> Excerpt {
        let mut fragments: Vec<Fragment> = Vec::new();
        let mut fragment = Fragment::at(0);
        each_token(text, |at, token| {
            if at.end - fragment.start > self.max_chars {
                let done = std::mem::replace(&mut fragment, Fragment::at(at.start));
                if done.score > 0.0 {
                    fragments.push(done);
                }
            }
            fragment.stop = at.end;
            if let Some(weight) = self.words.weight(token) {
                fragment.score += weight;
                fragment.highlighted.push(at);
            }
        });
        if fragment.score > 0.0 {
            fragments.push(fragment);
        }
        // The heaviest; of equals, the first.
        let best = fragments.iter().max_by(|left, right| {
            match left
                .score
                .partial_cmp(&right.score)
                .unwrap_or(Ordering::Equal)
            {
                Ordering::Equal => (right.start, right.stop).cmp(&(left.start, left.stop)),
                heavier => heavier,
            }
        });
        match best {
            Some(f) => Excerpt {
                fragment: text[f.start..f.stop].to_string(),
                highlighted: f
                    .highlighted
                    .iter()
                    .map(|r| r.start - f.start..r.end - f.start)
                    .collect(),
            },
            None => Excerpt::default(),
        }
    }
}

/// A run of tokens of at most `max_chars` bytes, its weight and its query words.
struct Fragment {
    score: Score,
    start: usize,
    stop: usize,
    highlighted: Vec<Range<usize>>,
}

impl Fragment {
    fn at(start: usize) -> Self {
        Fragment {
            score: 0.0,
            start,
            stop: start,
            highlighted: Vec::new(),
        }
    }
}

/// The query's words and their weights, looked up by a token's text.
enum Words {
    /// A few: compared one by one, by length first.
    Few(Vec<(String, Score)>),
    /// Many (a prefix query's forms): hashed.
    Many(HashMap<String, Score>),
}

/// Up to this many words are compared one by one.
const FEW: usize = 16;

impl Words {
    fn new(words: Vec<(String, Score)>) -> Self {
        if words.len() <= FEW {
            Words::Few(words)
        } else {
            Words::Many(words.into_iter().collect())
        }
    }

    /// The weight of `token`, lowercased first as tantivy does (only where
    /// it has a capital or a character outside ASCII: the free-text
    /// tokenizer's tokens are lowercase already).
    fn weight(&self, token: &str) -> Option<Score> {
        if token
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            self.exact(token)
        } else {
            self.exact(&token.to_lowercase())
        }
    }

    fn exact(&self, token: &str) -> Option<Score> {
        match self {
            Words::Few(words) => words
                .iter()
                .find(|(w, _)| w.len() == token.len() && w == token)
                .map(|(_, weight)| *weight),
            Words::Many(words) => words.get(token).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, STORED, TEXT};
    use tantivy::snippet::SnippetGenerator;
    use tantivy::{doc, Index, TantivyDocument};

    /// An index of `texts` in one free-text field tokenized as ombuds'
    /// `text` field is.
    fn index_of(texts: &[String]) -> (Index, Field) {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT | STORED);
        let index = Index::create_in_ram(builder.build());
        schema::register_tokenizers(&index);
        let mut writer = index.writer(15_000_000).unwrap();
        for text in texts {
            writer.add_document(doc!(body => text.as_str())).unwrap();
        }
        // Several values: read joined by a space and trimmed.
        writer
            .add_document(doc!(body => " The Council’s delay. ", body => "Delay council delay\n"))
            .unwrap();
        writer.commit().unwrap();
        (index, body)
    }

    /// The texts of `corpus/` and a few hostile ones: capitals, non-ASCII
    /// capitals, long words, punctuation-glued words.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = std::fs::read_dir("corpus")
            .expect("corpus/ exists")
            .filter_map(|e| std::fs::read_to_string(e.expect("corpus entry").path()).ok())
            .collect();
        texts.push("DELAY delay Delay DÉLAI délai ÉCOLE école".into());
        texts.push(format!(
            "{} delay {} delays.delay,DELAY",
            "x".repeat(45),
            "Ωmega ".repeat(60)
        ));
        texts.push("Council COUNCIL council’s councils; the Council. Apology!".into());
        // White space first: offsets are in the trimmed text.
        texts.push("\n   Delay first, then the council.  ".into());
        texts
    }

    #[test]
    fn snippets_and_highlights_are_tantivys_own() {
        let texts = texts();
        let (index, body) = index_of(&texts);
        let searcher = index.reader().unwrap().searcher();
        let parser = QueryParser::for_index(&index, vec![body]);
        let queries = [
            "delay",
            "council",
            "Council apology",
            "\"stage two\"",
            "délai école",
            "complaint OR payment OR distress OR delay",
            "the a of to and in",
            "zzzunknown",
            "Ωmega",
            // More words than `FEW`: looked up by hash.
            "the council complaint payment delay apology distress time trouble decision \
             investigation ombudsman found fault injustice remedy agreed school",
        ];
        let mut compared = 0;
        for q in queries {
            let query = parser.parse_query(q).unwrap();
            let stock = SnippetGenerator::create(&searcher, &*query, body).map(|mut g| {
                g.set_max_num_chars(200);
                g
            });
            let ours = Snippets::new(&searcher, &*query, body, 200).unwrap();
            let stock = stock.unwrap();
            for (_, address) in searcher
                .search(
                    &tantivy::query::AllQuery,
                    &TopDocs::with_limit(100).order_by_score(),
                )
                .unwrap()
            {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                let (a, b) = (stock.snippet_from_doc(&doc), ours.of_doc(&doc));
                assert_eq!(a.fragment(), b.fragment, "query {q}");
                assert_eq!(a.highlighted(), b.highlighted, "query {q}");
                compared += usize::from(!a.fragment().is_empty());
            }
        }
        // The comparison must have compared real snippets, not empty ones.
        assert!(
            compared >= 10,
            "only {compared} non-empty snippets compared"
        );
    }

    #[test]
    fn many_words_are_looked_up_by_hash_and_few_one_by_one() {
        let few = Words::new(vec![("delay".into(), 0.5), ("pay".into(), 0.25)]);
        assert!(matches!(few, Words::Few(_)));
        assert_eq!(few.weight("pay"), Some(0.25));
        assert_eq!(few.weight("delay"), Some(0.5));
        assert_eq!(few.weight("DeLay"), Some(0.5), "lowercased as tantivy does");
        for other in ["", "pa", "payment", "dela"] {
            assert_eq!(few.weight(other), None, "{other}");
        }
        let many = Words::new(
            (0..FEW + 1)
                .map(|i| (format!("w{i}"), i as Score))
                .collect(),
        );
        assert!(matches!(many, Words::Many(_)));
        assert_eq!(many.weight("w0"), Some(0.0));
        assert_eq!(many.weight(&format!("w{FEW}")), Some(FEW as Score));
        assert_eq!(many.weight("W3"), Some(3.0));
        assert_eq!(many.weight("w"), None);
        assert_eq!(many.weight("é"), None);
    }
}
