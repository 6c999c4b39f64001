//! Organisation names as one body: the key two spellings of one name share
//! (case, punctuation, spacing, `&`/`and` and a leading "The" ignored), the
//! exact-name filter built on it, and the spelling a group of names prints as.
//!
//! The key is deliberately narrow: "Norfolk County Council" and "South
//! Norfolk District Council" stay two bodies, and so do "X Council" and
//! "X County Council", because telling real variants from different bodies
//! needs a register of councils we do not have.

use std::collections::HashMap;

use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::Query;
use tantivy::{DocId, SegmentReader};

use crate::index::schema::name;

/// The key of an organisation name: lowercase words of letters and digits
/// joined by single spaces, `&` read as `and`, a leading `the` dropped.
/// `"The  King's Lynn & West Norfolk"` → `"kings lynn and west norfolk"`.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c == '&' {
            out.push_str(if out.is_empty() { "and" } else { " and" });
            pending_space = true;
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' || c == '.' {
            // Inside a word: "King's" and "Kings", "St." and "St" are one.
        } else {
            pending_space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Decisions whose organisation has the same [`key`] as `value`.
///
/// Each segment's dictionary of names is keyed once; a document then costs
/// one ordinal lookup. The name's words cannot narrow the candidates first:
/// the index splits "King's" into two words where the key has one.
pub fn exact_query(value: &str) -> Box<dyn Query> {
    let wanted = key(value);
    let predicate = FunctionPredicate::from(move |reader: &SegmentReader| {
        let column = reader.fast_fields().str(name::ORGANISATION)?;
        let mut matching = Vec::new();
        if let Some(column) = &column {
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                matching.push(key(&String::from_utf8_lossy(terms.key())) == wanted);
            }
        }
        Ok(move |doc: DocId| {
            column
                .as_ref()
                .and_then(|c| c.ords().first(doc))
                .is_some_and(|ord| matching.get(ord as usize).copied().unwrap_or(false))
        })
    });
    Box::new(DocPredicateQuery::from(predicate))
}

/// Tallies the spellings of organisation names and gives each key the
/// spelling a group prints as: the one most decisions use, the first in
/// byte order on a tie (so the same set always prints the same name).
#[derive(Debug, Default, Clone)]
pub struct Spellings(HashMap<String, HashMap<String, usize>>);

impl Spellings {
    /// Counts `decisions` decisions spelling their organisation `spelling`.
    pub fn add(&mut self, spelling: &str, decisions: usize) {
        if decisions > 0 {
            self.add_of(&key(spelling), spelling, decisions);
        }
    }

    /// [`Spellings::add`] for a caller that has the spelling's `body`
    /// ([`key`]) already.
    pub fn add_of(&mut self, body: &str, spelling: &str, decisions: usize) {
        if decisions == 0 {
            return;
        }
        let spellings = match self.0.get_mut(body) {
            Some(spellings) => spellings,
            None => self.0.entry(body.to_string()).or_default(),
        };
        match spellings.get_mut(spelling) {
            Some(n) => *n += decisions,
            None => {
                spellings.insert(spelling.to_string(), decisions);
            }
        }
    }

    /// Adds another tally to this one.
    pub fn merge(&mut self, other: Spellings) {
        for (key, spellings) in other.0 {
            let mine = self.0.entry(key).or_default();
            for (spelling, n) in spellings {
                *mine.entry(spelling).or_default() += n;
            }
        }
    }

    /// Each body's printed spelling and its decisions (all spellings).
    pub fn bodies(&self) -> Vec<(String, usize)> {
        self.0
            .values()
            .filter_map(|spellings| {
                let total = spellings.values().sum();
                let best = spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((best.0.clone(), total))
            })
            .collect()
    }

    /// The printed spelling of the body `key` names, if any was counted.
    pub fn printed(&self, key: &str) -> Option<&str> {
        let spellings = self.0.get(key)?;
        spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};
    use tantivy::collector::Count;

    #[test]
    fn key_ignores_case_punctuation_spacing_ampersand_and_a_leading_the() {
        let same = [
            "Norfolk County Council",
            "norfolk county council",
            "  NORFOLK   County-Council. ",
            "The Norfolk County Council",
        ];
        for name in same {
            assert_eq!(key(name), "norfolk county council", "{name}");
        }
        assert_eq!(
            key("King's Lynn & West Norfolk"),
            key("Kings Lynn and West Norfolk")
        );
        assert_eq!(key("St. Helens"), "st helens");
        assert_eq!(key("Brighton & Hove"), "brighton and hove");
        // Different bodies stay different.
        assert_ne!(
            key("South Norfolk District Council"),
            key("Norfolk County Council")
        );
        assert_ne!(key("Norfolk Council"), key("Norfolk County Council"));
        // "The" only counts at the start.
        assert_eq!(key("Theale Parish"), "theale parish");
        assert_eq!(key(""), "");
    }

    #[test]
    fn spellings_print_the_most_used_spelling_and_count_every_one() {
        let mut a = Spellings::default();
        a.add("Norfolk County Council", 2);
        a.add("norfolk county council", 1);
        a.add("South Norfolk District Council", 1);
        let mut b = Spellings::default();
        b.add("NORFOLK COUNTY COUNCIL", 1);
        b.add("Ghost Council", 0);
        a.merge(b);
        let mut bodies = a.bodies();
        bodies.sort();
        assert_eq!(
            bodies,
            [
                ("Norfolk County Council".to_string(), 4),
                ("South Norfolk District Council".to_string(), 1)
            ]
        );
        // A tie goes to the first spelling in byte order.
        let mut tie = Spellings::default();
        tie.add("b Council", 1);
        tie.add("B Council", 1);
        assert_eq!(tie.printed("b council"), Some("B Council"));
        // Counting with the body already named is counting by spelling.
        let mut keyed = Spellings::default();
        for (spelling, n) in [("b Council", 1), ("B Council", 1), ("Ghost Council", 0)] {
            keyed.add_of(&key(spelling), spelling, n);
        }
        assert_eq!(keyed.0, tie.0);
    }

    #[test]
    fn exact_query_matches_the_whole_name_not_its_words() {
        let mut decisions = corpus();
        let mut kings_lynn = decisions[0].clone();
        kings_lynn.reference = "99 000 001".into();
        kings_lynn.organisation = Some("King's Lynn & West Norfolk Borough Council".into());
        decisions.push(kings_lynn);
        let (_dir, index) = indexed(decisions);
        let searcher = searcher(&index).expect("searcher");
        let count = |value: &str| {
            let query = exact_query(value);
            searcher.search(query.as_ref(), &Count).expect("runs")
        };
        // The index splits "King's" in two; the key does not.
        assert_eq!(count("Kings Lynn and West Norfolk Borough Council"), 1);
        assert_eq!(count("king's lynn & west norfolk borough council"), 1);
        assert_eq!(count("Barnsley Metropolitan Borough Council"), 1);
        assert_eq!(count("the BARNSLEY metropolitan-borough council."), 1);
        // Words of the name are not the name.
        assert_eq!(count("Barnsley"), 0);
        assert_eq!(count("Metropolitan Borough Council"), 0);
    }
}
