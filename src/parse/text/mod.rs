//! Text tools the extractors share: `sentences` cuts section text into
//! sentences, each knowing its paragraph and lead-in line, held in a
//! [`Block`](sentences::Block) per section; `pattern` builds regexes with ASCII word boundaries and
//! indexes the prefilters (declared beside their regexes in the extractors)
//! that skip sentences a pattern cannot match, and
//! `prefix` matches a pattern against many prefixes of one text in one pass.

pub mod pattern;
pub mod prefix;
pub mod sentences;

#[cfg(test)]
mod prefilter_tests;
