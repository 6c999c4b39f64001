//! The query language: a query string -> one tantivy query.
//!
//! tantivy's grammar reads the string into a tree; this module walks the tree
//! so that it can add what tantivy's parser lacks, and hands every other leaf
//! to tantivy's parser, which analyses its words as the field was indexed
//! (stemmed in `text` and `summary`):
//! - `delay*` is a prefix: every indexed word starting with `delay` (at least
//!   [`MIN_PREFIX_CHARS`] characters before the `*`, at most
//!   [`MAX_PREFIX_WORDS`] words);
//! - a group of excluded terms only (`-delay`, `NOT delay`) means every
//!   decision except those, where tantivy refuses it or matches nothing;
//! - a query tantivy's grammar refuses gets an error that says what is
//!   wrong and where (an unclosed quote or parenthesis, found first by
//!   [`super::check_query`]).

use std::collections::BTreeSet;

use anyhow::{anyhow, bail, Result};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, FieldType, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, Term};

use super::{check_query, query_error, shown};
use crate::index::schema::STEMMED_TOKENIZER;
use crate::index::DecisionIndex;

/// Fewest characters before a prefix's `*`: `a*` would expand to a large
/// part of the vocabulary and mean nothing.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Most indexed words one prefix may stand for, so a short prefix cannot
/// build a query of tens of thousands of terms.
pub const MAX_PREFIX_WORDS: usize = 2000;

/// The tantivy query for a non-empty query string, searched in `text` and
/// `organisation` unless a term names its field.
pub fn parse(index: &DecisionIndex, query: &str) -> Result<Box<dyn Query>> {
    check_query(query)?;
    let ast =
        query_grammar::parse_query(&apostrophes_escaped(query)).map_err(|_| syntax_error(query))?;
    let f = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, vec![f.text, f.organisation]);
    parser.set_conjunction_by_default();
    let mut builder = Builder {
        index,
        query,
        parser,
        searcher: None,
    };
    Ok(builder.build(ast)?.unwrap_or_else(|| Box::new(EmptyQuery)))
}

/// The error for a query tantivy's grammar refused: an unclosed quote or
/// parenthesis when there is one, else the first problem its lenient reading
/// reports; each with where it is.
fn syntax_error(query: &str) -> anyhow::Error {
    if let Some(problem) = unbalanced(query) {
        return anyhow!(
            "query '{}': {problem}; see `ombuds search --help`",
            shown(query)
        );
    }
    let (_, errors) = query_grammar::parse_query_lenient(query);
    match errors.first() {
        Some(e) => {
            let at = query.get(..e.pos).map_or(e.pos, |s| s.chars().count()) + 1;
            anyhow!(
                "query '{}': {} at character {at}; see `ombuds search --help`",
                shown(query),
                e.message.trim_end_matches('.').to_lowercase()
            )
        }
        None => anyhow!(
            "query '{}': syntax error; see `ombuds search --help`",
            shown(query)
        ),
    }
}

/// The query with each apostrophe inside a word escaped, so that tantivy's
/// grammar reads `council's` as a word rather than the start of a quote.
fn apostrophes_escaped(query: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::with_capacity(query.len() + 4);
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut changed = false;
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
                previous = 'a';
                continue;
            }
            (None, '\'' | '’') if previous.is_alphanumeric() => {
                out.push('\\');
                changed = true;
            }
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        out.push(c);
        previous = c;
    }
    match changed {
        true => std::borrow::Cow::Owned(out),
        false => std::borrow::Cow::Borrowed(query),
    }
}

/// The first quote that is never closed, or parenthesis that closes nothing
/// or is never closed, said with its position (in characters, from 1).
///
/// A quote opens a phrase only where a term starts (`council's` is a word),
/// and a parenthesis inside a phrase is text, as in tantivy's grammar.
pub fn unbalanced(query: &str) -> Option<String> {
    let mut quote: Option<(char, usize)> = None;
    let mut open: Vec<usize> = Vec::new();
    let mut previous = ' ';
    let mut chars = query.chars().enumerate();
    while let Some((i, c)) = chars.next() {
        let at = i + 1;
        match (quote, c) {
            (_, '\\') => {
                chars.next();
            }
            (Some((q, _)), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if previous.is_whitespace() || "(+-:!^".contains(previous) => {
                quote = Some((c, at));
            }
            (None, '(') => open.push(at),
            (None, ')') if open.pop().is_none() => {
                return Some(format!(
                    "unbalanced parenthesis: the ) at character {at} closes nothing"
                ));
            }
            _ => {}
        }
        previous = c;
    }
    if let Some((q, at)) = quote {
        let rest: String = query.chars().skip(at - 1).collect();
        return Some(format!(
            "unbalanced quote: the {q} at character {at} is never closed ({})",
            shown(&rest)
        ));
    }
    open.first()
        .map(|at| format!("unbalanced parenthesis: the ( at character {at} is never closed"))
}

/// Walks the grammar's tree into a query.
struct Builder<'a> {
    index: &'a DecisionIndex,
    query: &'a str,
    parser: QueryParser,
    /// Opened at the first prefix, which reads the indexed words.
    searcher: Option<Searcher>,
}

impl Builder<'_> {
    /// The query of one node; `None` when it has nothing to match with (a
    /// leaf of punctuation only), so that it is left out as tantivy does.
    fn build(&mut self, ast: UserInputAst) -> Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(items) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, item) in items {
                    if let Some(q) = self.build(item)? {
                        // The parser joins unmarked terms with AND.
                        clauses.push((occur.unwrap_or(Occur::Must), q));
                    }
                }
                if clauses.is_empty() {
                    return Ok(None);
                }
                // Only exclusions: every decision except those.
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Some(Box::new(BooleanQuery::new(clauses))))
            }
            UserInputAst::Boost(inner, boost) => Ok(self.build(*inner)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Leaf(leaf) => self.leaf(*leaf),
        }
    }

    fn leaf(&mut self, leaf: UserInputLeaf) -> Result<Option<Box<dyn Query>>> {
        if let UserInputLeaf::Literal(literal) = &leaf {
            // The grammar keeps a word's trailing `*` in the word.
            let word = literal.phrase.strip_suffix('*');
            if literal.delimiter == Delimiter::None && (literal.prefix || word.is_some()) {
                let field = literal.field_name.clone();
                let word = word.unwrap_or(&literal.phrase).to_string();
                return self.prefix(field.as_deref(), &word).map(Some);
            }
            if literal.field_name.is_none() && self.words(&literal.phrase).is_empty() {
                return Ok(None);
            }
        }
        self.parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map(Some)
            .map_err(|e| query_error(self.query, e))
    }

    /// The words of `text` as the organisation field reads them: lowercased,
    /// not stemmed (a prefix is matched against indexed words as typed).
    fn words(&self, text: &str) -> Vec<String> {
        let mut analyzer = self
            .index
            .index
            .tokenizer_for_field(self.index.fields.organisation)
            .unwrap_or_else(|_| {
                TextAnalyzer::from(crate::index::tokenizer::WordTokenizer::default())
            });
        let mut stream = analyzer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            words.push(stream.token().text.clone());
        }
        words
    }

    /// `word*`: any of the indexed words the prefix stands for, in the named
    /// field or the default ones.
    fn prefix(&mut self, field_name: Option<&str>, typed: &str) -> Result<Box<dyn Query>> {
        let query = shown(self.query);
        let words = self.words(typed);
        let [prefix] = words.as_slice() else {
            bail!("query '{query}': the prefix '{typed}*' must be one word followed by *");
        };
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            bail!(
                "query '{query}': the prefix '{typed}*' needs at least {MIN_PREFIX_CHARS} letters before the *"
            );
        }
        let f = &self.index.fields;
        let fields = match field_name {
            None => vec![f.text, f.organisation],
            Some(name) => {
                let field = self.index.index.schema().get_field(name).map_err(|_| {
                    query_error(
                        self.query,
                        tantivy::query::QueryParserError::FieldDoesNotExist(name.to_string()),
                    )
                })?;
                vec![field]
            }
        };
        let schema = self.index.index.schema();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in fields {
            let stemmed = match schema.get_field_entry(field).field_type() {
                FieldType::Str(options) => options
                    .get_indexing_options()
                    .is_some_and(|i| i.tokenizer() == STEMMED_TOKENIZER),
                _ => bail!(
                    "query '{query}': the prefix '{typed}*' needs a text field, and {} is not one",
                    schema.get_field_name(field)
                ),
            };
            for word in self.words_with_prefix(field, prefix, stemmed)? {
                let term = Term::from_field_text(field, &word);
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                ));
            }
        }
        if clauses.len() > MAX_PREFIX_WORDS {
            bail!(
                "query '{query}': the prefix '{typed}*' stands for more than {MAX_PREFIX_WORDS} indexed words; type more of the word"
            );
        }
        Ok(match clauses.is_empty() {
            true => Box::new(EmptyQuery),
            false => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// The indexed words of `field` that `prefix*` stands for: those starting
    /// with it and, in a stemmed field, the stems cut from words that start
    /// with it ([`stem_candidates`]).
    fn words_with_prefix(
        &mut self,
        field: Field,
        prefix: &str,
        stemmed: bool,
    ) -> Result<BTreeSet<String>> {
        if self.searcher.is_none() {
            self.searcher = Some(crate::index::read::searcher(self.index)?);
        }
        let Some(searcher) = &self.searcher else {
            return Ok(BTreeSet::new());
        };
        let mut found = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let terms = inverted.terms();
            let mut stream = terms.range().ge(prefix.as_bytes()).into_stream()?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !word.starts_with(prefix) {
                    break;
                }
                found.insert(word.to_string());
                // One over the cap is enough to refuse the prefix.
                if found.len() > MAX_PREFIX_WORDS {
                    return Ok(found);
                }
            }
            if stemmed {
                for stem in stem_candidates(prefix) {
                    if terms.get(stem.as_bytes())?.is_some() {
                        found.insert(stem.to_string());
                    }
                }
            }
        }
        Ok(found)
    }
}

/// The stems shorter than `prefix` that a word starting with it may have
/// been indexed as: the stemmer cuts a suffix that can reach into the prefix
/// (`investigat*` must find "investigated", indexed as `investig`). At most
/// three characters are cut, and at least four kept, so `dec` never stands in
/// for `decisio*`.
pub fn stem_candidates(prefix: &str) -> impl Iterator<Item = &str> {
    const MOST_CUT: usize = 3;
    const FEWEST_KEPT: usize = 4;
    let chars = prefix.chars().count();
    let keep_at_least = chars.saturating_sub(MOST_CUT).max(FEWEST_KEPT);
    prefix
        .char_indices()
        .skip(keep_at_least)
        .map(move |(at, _)| &prefix[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbalanced_names_the_quote_or_parenthesis_and_where_it_is() {
        assert_eq!(
            unbalanced("\"time and trouble").as_deref(),
            Some("unbalanced quote: the \" at character 1 is never closed (\"time and trouble)")
        );
        assert_eq!(
            unbalanced("delay 'stage three").as_deref(),
            Some("unbalanced quote: the ' at character 7 is never closed ('stage three)")
        );
        assert_eq!(
            unbalanced("(delay OR (care)").as_deref(),
            Some("unbalanced parenthesis: the ( at character 1 is never closed")
        );
        assert_eq!(
            unbalanced("delay)").as_deref(),
            Some("unbalanced parenthesis: the ) at character 6 closes nothing")
        );
        for fine in [
            "council's delay",
            "\"a (b\" c",
            "(a OR b) \"c\"",
            "a\\\"b",
            "",
        ] {
            assert_eq!(unbalanced(fine), None, "{fine}");
        }
    }

    #[test]
    fn apostrophes_inside_words_are_escaped_and_quotes_are_not() {
        assert_eq!(apostrophes_escaped("council's delay"), "council\\'s delay");
        assert_eq!(
            apostrophes_escaped("'stage three' Miss X's"),
            "'stage three' Miss X\\'s"
        );
        assert_eq!(apostrophes_escaped("\"Miss X's son\""), "\"Miss X's son\"");
        assert_eq!(apostrophes_escaped("council"), "council");
    }

    #[test]
    fn stem_candidates_cut_at_most_three_characters_and_keep_four() {
        let all = |p| stem_candidates(p).collect::<Vec<_>>();
        assert_eq!(all("investigat"), ["investi", "investig", "investiga"]);
        assert_eq!(all("decisio"), ["deci", "decis", "decisi"]);
        assert_eq!(all("delay"), ["dela"]);
        assert_eq!(all("dela"), Vec::<&str>::new());
        assert_eq!(all("délai"), ["déla"]);
        assert_eq!(all("délais"), ["déla", "délai"]);
    }
}
