//! The query language: a query string -> one tantivy query.
//!
//! tantivy's grammar reads the string into a tree; this module walks the tree
//! so that it can add what tantivy's parser lacks, and hands every other leaf
//! to tantivy's parser, which analyses its words as the field was indexed:
//! - a single word in the decision's text (`text`, `summary`) is any indexed
//!   word with the same English stem ([`forms`]), so `delays` finds
//!   "delayed"; in other fields, and in a quoted phrase, words match as
//!   written;
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
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, FieldType, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, Term};

use super::forms::{forms, Stems};
use super::{check_query, query_error, shown};
use crate::index::DecisionIndex;

/// Fewest characters before a prefix's `*`: `a*` would expand to a large
/// part of the vocabulary and mean nothing.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Most indexed words one prefix may stand for, so a short prefix cannot
/// build a query of tens of thousands of terms.
pub const MAX_PREFIX_WORDS: usize = 2000;

/// The tantivy query for a non-empty query string, searched in `text` and
/// `organisation` unless a term names its field; `searcher` reads the
/// indexed words that words and prefixes stand for (the searcher the query
/// will run on, so both see the same commit).
pub fn parse(index: &DecisionIndex, searcher: &Searcher, query: &str) -> Result<Box<dyn Query>> {
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
        searcher,
        stems: Stems::default(),
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
    /// Reads the indexed words.
    searcher: &'a Searcher,
    /// The stems worked out for this query's words and their forms.
    stems: Stems,
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
            let words = self.words(&literal.phrase);
            if literal.field_name.is_none() && words.is_empty() {
                return Ok(None);
            }
            if let (Delimiter::None, [word]) = (&literal.delimiter, words.as_slice()) {
                if let Some(query) = self.word(literal, word)? {
                    return Ok(Some(query));
                }
            }
        }
        self.parsed(leaf).map(Some)
    }

    /// The query tantivy's parser makes of a leaf.
    fn parsed(&self, leaf: UserInputLeaf) -> Result<Box<dyn Query>> {
        self.parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map_err(|e| query_error(self.query, e))
    }

    /// One unquoted word (`word`, lowercased), in the named field or the
    /// default ones: in the decision's text, any of its indexed forms
    /// ([`forms`]); elsewhere, as the parser reads it. `None` when no field
    /// it is searched in is stemmed (or the named field does not exist,
    /// which the parser reports), so the parser reads the whole leaf.
    fn word(&mut self, literal: &UserInputLiteral, word: &str) -> Result<Option<Box<dyn Query>>> {
        let f = &self.index.fields;
        let stemmed = f.stemmed();
        let schema = self.index.index.schema();
        let fields = match &literal.field_name {
            None => vec![f.text, f.organisation],
            Some(name) => match schema.get_field(name) {
                Ok(field) => vec![field],
                Err(_) => return Ok(None),
            },
        };
        if !fields.iter().any(|field| stemmed.contains(field)) {
            return Ok(None);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in fields {
            if !stemmed.contains(&field) {
                let mut exact = literal.clone();
                exact.field_name = Some(schema.get_field_name(field).to_string());
                clauses.push((Occur::Should, self.parsed(UserInputLeaf::Literal(exact))?));
                continue;
            }
            for form in forms(self.searcher, &mut self.stems, field, word)? {
                // Frequencies only, as the parser's own term queries: the
                // snippet highlights every term of the query whatever its
                // options.
                let term = Term::from_field_text(field, &form);
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                ));
            }
        }
        Ok(Some(match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        }))
    }

    /// The words of `text` as free text is indexed: lowercased, not stemmed.
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
            if !matches!(
                schema.get_field_entry(field).field_type(),
                FieldType::Str(_)
            ) {
                bail!(
                    "query '{query}': the prefix '{typed}*' needs a text field, and {} is not one",
                    schema.get_field_name(field)
                );
            }
            for word in self.words_with_prefix(field, prefix)? {
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
    /// with it (free text is indexed unstemmed, so `investigat*` finds
    /// "investigated" as written).
    fn words_with_prefix(&mut self, field: Field, prefix: &str) -> Result<BTreeSet<String>> {
        let mut found = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
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
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{indexed, saying};
    use tantivy::collector::Count;

    #[test]
    fn a_word_finds_its_forms_in_the_text_and_as_typed_elsewhere() {
        let (_dir, index) = indexed(vec![
            saying(
                "24 000 001",
                "Alpha Councils",
                "The Council delayed the review.",
            ),
            saying("24 000 002", "Beta Council", "Nothing happened."),
        ]);
        let searcher = searcher(&index).expect("searcher");
        let count = |query| {
            let query = parse(&index, &searcher, query).expect("query builds");
            searcher.search(&*query, &Count).expect("search runs")
        };
        assert_eq!(count("delays"), 1);
        assert_eq!(count("text:delaying"), 1);
        assert_eq!(count("summary:complaining"), 2);
        assert_eq!(count("summary:delays"), 0);
        assert_eq!(count("delays^2 OR zebras"), 1);
        // The organisation is matched as typed, alone or beside the text.
        assert_eq!(count("organisation:councils"), 1);
        assert_eq!(count("organisation:council"), 1);
        assert_eq!(count("council"), 2);
        assert_eq!(count("outcome:upheld"), 2);
        assert_eq!(count("outcome:upholds"), 0);
        // A phrase, even of one word, is the words as written.
        assert_eq!(count("\"delayed the review\""), 1);
        assert_eq!(count("\"delays the review\""), 0);
        assert_eq!(count("\"delays\""), 0);
        assert!(parse(&index, &searcher, "nofield:delays").is_err());
    }

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
}
