//! Search requests -> tantivy queries, and the hits they return.
//!
//! The query string uses tantivy's syntax (terms, `"phrases"`, `AND`/`OR`/`NOT`,
//! `+`/`-`, `field:value`, `field:>=500`, `field:[a TO b]`) plus prefixes
//! (`delay*`) and exclusions alone (`-delay`), read by [`language`]; the
//! filters are the typed flags shared by `search`, `stats` and `export`,
//! joined to the query with AND.

pub mod forms;
pub mod language;
pub mod organisation;
pub mod snippet;
pub mod suggest;

use std::ops::Bound;

use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Order, Searcher, Term};
use time::Date;

use crate::index::read::{decision_of, stored_document};
use crate::index::schema::{name, QUERYABLE};
use crate::index::write::date_value;
use crate::index::DecisionIndex;
use crate::parse::iso_date;

/// Typed filters, checked before any work.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filters {
    /// The organisation's whole name, as [`organisation::key`] compares
    /// names (case, punctuation, `&`/`and` and a leading "The" ignored).
    pub organisation: Option<String>,
    /// Words that must appear, in order, in the organisation name.
    pub organisation_words: Option<String>,
    /// Category (case-insensitive, whole value).
    pub category: Option<String>,
    /// Sub-category (case-insensitive, whole value).
    pub subcategory: Option<String>,
    /// Outcome (case-insensitive, whole value).
    pub outcome: Option<String>,
    /// First decision date included.
    #[serde(with = "iso_date::option")]
    pub from: Option<Date>,
    /// Last decision date included.
    #[serde(with = "iso_date::option")]
    pub to: Option<Date>,
    /// Fault kind that must be present.
    pub fault: Option<String>,
    /// Remedy kind that must be present.
    pub remedy: Option<String>,
    /// Smallest agreed total included, in pounds.
    pub min_amount: Option<f64>,
    /// Largest agreed total included, in pounds.
    pub max_amount: Option<f64>,
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Best match first.
    Relevance,
    /// Newest decision first.
    Date,
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Query string; empty means every decision.
    pub query: String,
    /// Filters joined with AND.
    pub filters: Filters,
    /// Most hits returned.
    pub limit: usize,
    /// Order of hits.
    pub sort: SortOrder,
}

/// One matching decision, with a highlighted snippet.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Canonical reference.
    pub reference: String,
    /// Decision date.
    pub decision_date: Option<Date>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Outcome as printed.
    pub outcome: Option<String>,
    /// Category.
    pub category: Option<String>,
    /// Sub-category.
    pub subcategory: Option<String>,
    /// Relevance score (0 when sorted by date).
    pub score: f32,
    /// Snippet text.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    #[serde(skip)]
    pub highlights: Vec<std::ops::Range<usize>>,
    /// The file the decision was read from.
    pub source: String,
    /// The decision's public web page, where known.
    pub url: Option<String>,
    /// Agreed payments total, in pounds (for `serve`'s result rows; the
    /// CLI's hit formats leave it out).
    #[serde(skip)]
    pub agreed_total: f64,
}

/// What a search found: the hits shown and how many decisions matched.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The best hits, at most the request's limit.
    pub hits: Vec<Hit>,
    /// Every decision that matched, shown or not.
    pub total: usize,
}

/// The parsed query plus filters, ready to run on `searcher` (which also
/// reads the indexed forms of the query's words).
pub fn build_query(
    index: &DecisionIndex,
    searcher: &Searcher,
    query: &str,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let f = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !query.trim().is_empty() {
        clauses.push((Occur::Must, language::parse(index, searcher, query)?));
    }
    if let Some(org) = &filters.organisation {
        clauses.push((Occur::Must, organisation::exact_query(org)));
    }
    if let Some(words) = &filters.organisation_words {
        clauses.push((Occur::Must, words_query(index, f.organisation, words)?));
    }
    let keywords = [
        (f.category, &filters.category),
        (f.subcategory, &filters.subcategory),
        (f.outcome, &filters.outcome),
        (f.fault, &filters.fault),
        (f.remedy, &filters.remedy),
    ];
    for (field, value) in keywords {
        if let Some(value) = value {
            let term = Term::from_field_text(field, &value.trim().to_lowercase());
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
    }
    if filters.from.is_some() || filters.to.is_some() {
        let bound = |day: Option<Date>| match day {
            None => Bound::Unbounded,
            Some(day) => Bound::Included(Term::from_field_date_for_search(
                f.decision_date,
                date_value(day),
            )),
        };
        let (lower, upper) = (bound(filters.from), bound(filters.to));
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    if filters.min_amount.is_some() || filters.max_amount.is_some() {
        let bound = |pounds: Option<f64>| match pounds {
            None => Bound::Unbounded,
            Some(pounds) => Bound::Included(Term::from_field_f64(f.agreed_total, pounds)),
        };
        let (lower, upper) = (bound(filters.min_amount), bound(filters.max_amount));
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    Ok(match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(clauses)),
    })
}

/// Words that must appear in order in a text field (a phrase, or one term).
fn words_query(index: &DecisionIndex, field: Field, words: &str) -> Result<Box<dyn Query>> {
    let mut analyzer = index
        .index
        .tokenizer_for_field(field)
        .context("organisation tokenizer")?;
    let mut stream = analyzer.token_stream(words);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
    match terms.len() {
        // `cmd/filters.rs` refuses such a flag first; this guards other callers.
        0 => Err(anyhow!(
            "organisation filter '{words}' has no words to match"
        )),
        1 => Ok(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new(terms))),
    }
}

/// Longest query accepted, in bytes: far beyond any query a person writes
/// (a few hundred OR-ed names), small enough that parsing stays cheap.
pub const MAX_QUERY_BYTES: usize = 32 * 1024;

/// Deepest nesting of parentheses accepted. tantivy's query grammar recurses
/// once per level, so thousands of `(` overflow the stack and abort the
/// process; no real query needs more than a handful of levels.
pub const MAX_QUERY_DEPTH: usize = 32;

/// Most `(` accepted in one query. The depth check counts every parenthesis,
/// quoted or not, so a quoted `)` could hide real nesting from it; this cap
/// bounds the recursion whatever the quoting (a debug build survives about
/// a thousand levels).
pub const MAX_QUERY_GROUPS: usize = 256;

/// Refuses queries the parser cannot handle safely or would silently
/// misread, before they reach it.
///
/// `word~2` asks for fuzzy matching, which our parser is not set up for
/// (tantivy only fuzzes every word of a field, never one word of a query):
/// it reads `council~2` as the phrase "council 2" and matches nothing, so the
/// query is refused with the reason instead. `"a phrase"~2` (slop) is fine.
fn check_query(query: &str) -> Result<()> {
    if query.len() > MAX_QUERY_BYTES {
        bail!(
            "query '{}': too long ({} bytes; the limit is {MAX_QUERY_BYTES})",
            shown(query),
            query.len()
        );
    }
    let (mut depth, mut groups) = (0usize, 0usize);
    let mut quote = None;
    let mut previous = ' ';
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // An escaped character is part of a word, never syntax.
            '\\' => {
                chars.next();
                previous = 'a';
                continue;
            }
            '(' => {
                depth += 1;
                groups += 1;
                if depth > MAX_QUERY_DEPTH || groups > MAX_QUERY_GROUPS {
                    bail!(
                        "query '{}': too many parentheses (at most {MAX_QUERY_GROUPS}, nested at most {MAX_QUERY_DEPTH} deep)",
                        shown(query)
                    );
                }
            }
            ')' => depth = depth.saturating_sub(1),
            '"' | '\'' if quote.is_none() => quote = Some(c),
            c if quote == Some(c) => quote = None,
            '~' if quote.is_none()
                && is_word_char(previous)
                && chars.peek().is_some_and(char::is_ascii_digit) =>
            {
                bail!(
                    "query '{}': fuzzy matching (word~N) is not supported; list the spellings instead \
                     (council OR councl); ~N only works after a \"quoted phrase\" (its words up to N apart)",
                    shown(query)
                );
            }
            _ => {}
        }
        previous = c;
    }
    Ok(())
}

/// Whether `c` can end a word in the query syntax (so `~` after it is fuzzy,
/// not phrase slop).
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '\'' | ')' | ']' | '}' | '~')
}

/// A query as errors quote it: whole when short, else its start and its
/// length, so a pasted megabyte does not flood the terminal.
fn shown(query: &str) -> String {
    const SHOWN_CHARS: usize = 60;
    match query.char_indices().nth(SHOWN_CHARS) {
        None => query.to_string(),
        Some((cut, _)) => format!("{}… ({} characters)", &query[..cut], query.chars().count()),
    }
}

/// A one-line error for a query the parser refused.
fn query_error(query: &str, error: tantivy::query::QueryParserError) -> anyhow::Error {
    use tantivy::query::QueryParserError as E;
    let query = &shown(query);
    match error {
        E::FieldDoesNotExist(field) => {
            anyhow!(
                "query '{query}': unknown field '{field}' (fields: {})",
                QUERYABLE.join(", ")
            )
        }
        E::SyntaxError(detail) => {
            anyhow!("query '{query}': syntax error ({detail}); see `ombuds search --help`")
        }
        E::ExpectedInt(_) => anyhow!(
            "query '{query}': a whole-number field (year, deadline_days) was given something else"
        ),
        E::ExpectedFloat(_) => anyhow!(
            "query '{query}': an amount field (agreed_total, accepted_total, agreed_amount) needs a number, e.g. agreed_total:>=500"
        ),
        E::ExpectedBool(_) => {
            anyhow!("query '{query}': a true/false field (shared_with_ofsted, payment_amount_unstated, truncated) takes true or false")
        }
        E::DateFormatError(_) => anyhow!(
            "query '{query}': dates in queries are written 2023-01-01T00:00:00Z (or use --from/--to YYYY-MM-DD)"
        ),
        other => anyhow!("query '{query}': {other}"),
    }
}

/// How many decisions a query and its filters match.
pub fn count(
    index: &DecisionIndex,
    searcher: &Searcher,
    query: &str,
    filters: &Filters,
) -> Result<usize> {
    let query = build_query(index, searcher, query, filters)?;
    Ok(searcher.search(&query, &Count)?)
}

/// Runs a search and returns its best hits with snippets and the number of
/// decisions that matched (counted in the same pass).
pub fn search(
    index: &DecisionIndex,
    searcher: &Searcher,
    request: &SearchRequest,
) -> Result<SearchResults> {
    search_from(index, searcher, request, 0)
}

/// [`search`] without the first `skip` of its best hits: a later page of
/// results, which reads and snippets only the decisions it shows.
pub fn search_from(
    index: &DecisionIndex,
    searcher: &Searcher,
    request: &SearchRequest,
    skip: usize,
) -> Result<SearchResults> {
    // Nothing else to collect.
    let (results, _) = search_collecting(index, searcher, request, skip, None::<Count>)?;
    Ok(results)
}

/// [`search_from`], with `also` collected in the same pass over the
/// matching decisions (the serve page's facet counts).
pub fn search_collecting<C: Collector>(
    index: &DecisionIndex,
    searcher: &Searcher,
    request: &SearchRequest,
    skip: usize,
    also: C,
) -> Result<(SearchResults, C::Fruit)> {
    let query = build_query(index, searcher, &request.query, &request.filters)?;
    let limit = request.limit.max(1);
    let (addresses, total, also): (Vec<(f32, tantivy::DocAddress)>, usize, C::Fruit) =
        match request.sort {
            SortOrder::Relevance => searcher.search(
                &query,
                &(TopDocs::with_limit(limit).order_by_score(), Count, also),
            )?,
            SortOrder::Date => {
                let top = TopDocs::with_limit(limit)
                    .order_by_fast_field::<DateTime>(name::DECISION_DATE, Order::Desc);
                let (top, total, also) = searcher.search(&query, &(top, Count, also))?;
                let addresses = top.into_iter().map(|(_, address)| (0.0, address)).collect();
                (addresses, total, also)
            }
        };
    let snippets = snippet::Snippets::new(searcher, &*query, index.fields.text, 200)?;
    let hits = addresses
        .into_iter()
        .skip(skip)
        .map(|(score, address)| {
            let doc = stored_document(searcher, address)?;
            let d = decision_of(index, &doc)?;
            // The stored text is the one the snippet generator's field indexed.
            let excerpt = snippets.of_doc(&doc);
            let (snippet, highlights) = if excerpt.fragment.is_empty() {
                (
                    lead(d.summary.as_deref().unwrap_or_default(), 200),
                    Vec::new(),
                )
            } else {
                (excerpt.fragment, excerpt.highlighted)
            };
            Ok(Hit {
                reference: d.reference,
                decision_date: d.decision_date,
                organisation: d.organisation,
                outcome: d.outcome,
                category: d.category,
                subcategory: d.subcategory,
                score,
                snippet: snippet.replace('\n', " "),
                highlights,
                source: d.source,
                url: d.url,
                agreed_total: d.agreed_total,
            })
        })
        .collect::<Result<Vec<Hit>>>()?;
    Ok((SearchResults { hits, total }, also))
}

/// The first `max` characters of a text, cut at a word boundary.
fn lead(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => cut,
    }
}

#[cfg(test)]
mod check_tests {
    use super::*;

    fn refused(query: &str) -> String {
        check_query(query).unwrap_err().to_string()
    }

    #[test]
    fn deep_or_many_parentheses_are_refused_before_the_parser() {
        let nested = |n: usize| format!("{}council{}", "(".repeat(n), ")".repeat(n));
        assert!(check_query(&nested(MAX_QUERY_DEPTH)).is_ok());
        assert!(refused(&nested(MAX_QUERY_DEPTH + 1)).contains("nested at most 32 deep"));
        // Unbalanced: the case that overflowed the stack.
        assert!(refused(&"(".repeat(10_000)).contains("too many parentheses"));
        // Quoted closers cannot hide real nesting from the group cap.
        let sneaky = format!("{}\"{}\" ", "(".repeat(30), ")".repeat(30)).repeat(10);
        assert!(refused(&sneaky).contains("at most 256"));
        // Many groups side by side are fine up to the cap.
        assert!(check_query(&"(a OR b) ".repeat(MAX_QUERY_GROUPS)).is_ok());
        // An escaped parenthesis is a character, not a group.
        assert!(check_query(&"\\(".repeat(1000)).is_ok());
    }

    #[test]
    fn long_queries_are_refused_and_quoted_short() {
        let long = "a ".repeat(MAX_QUERY_BYTES);
        let message = refused(&long);
        assert!(message.contains("too long (65536 bytes"), "{message}");
        assert!(message.len() < 200, "{message}");
        assert!(check_query(&"a ".repeat(MAX_QUERY_BYTES / 2)).is_ok());
    }

    #[test]
    fn fuzzy_words_are_refused_but_phrase_slop_is_not() {
        assert!(refused("council~2").contains("fuzzy matching (word~N) is not supported"));
        assert!(refused("text:council~1 AND care").contains("'text:council~1 AND care'"));
        for fine in [
            "\"council tax\"~2",
            "'council tax'~1",
            "council\\~2",
            "council~",
            "~2",
            "\"about council~2\"",
        ] {
            assert!(check_query(fine).is_ok(), "{fine}");
        }
    }
}

#[cfg(test)]
mod tests {
    //! `build_query` against the five corpus samples, indexed through the
    //! crate's own writer: each filter narrows as its flag help says, and
    //! filters join the query with AND.
    //!
    //! The samples: Barnsley MBC (2023-10-05, £300, apology), Cornwall
    //! Council (no category, outcome or date, £300), Knowsley MBC
    //! (2023-08-22, £300), Barking & Dagenham (2024-03-11, £150) and
    //! Buckinghamshire Council (2021-02-11, £400); all but Cornwall are
    //! upheld children's care services complaints.

    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};
    use time::macros::date;

    fn hits(index: &DecisionIndex, query: &str, filters: &Filters) -> usize {
        let searcher = searcher(index).expect("searcher");
        let q = build_query(index, &searcher, query, filters).expect("query builds");
        searcher.search(&q, &Count).expect("search runs")
    }

    #[test]
    fn build_query_empty_query_matches_every_decision() {
        let (_dir, index) = indexed(corpus());
        let none = Filters::default();
        assert_eq!(hits(&index, "", &none), 5);
        assert_eq!(hits(&index, "  \t", &none), 5);
    }

    #[test]
    fn build_query_each_filter_narrows() {
        let (_dir, index) = indexed(corpus());
        let with = |set: fn(&mut Filters)| {
            let mut f = Filters::default();
            set(&mut f);
            hits(&index, "", &f)
        };
        // Organisation words: the words, in order, anywhere in the name.
        assert_eq!(
            with(|f| f.organisation_words = Some("Metropolitan Borough".into())),
            2
        );
        assert_eq!(
            with(|f| f.organisation_words = Some("Borough Metropolitan".into())),
            0
        );
        // Organisation: the whole name.
        assert_eq!(
            with(|f| f.organisation = Some("Metropolitan Borough".into())),
            0
        );
        assert_eq!(
            with(|f| f.organisation = Some("cornwall council".into())),
            1
        );
        // Keyword fields: whole value, case and surrounding space ignored.
        assert_eq!(
            with(|f| f.category = Some(" CHILDREN'S CARE SERVICES ".into())),
            4
        );
        assert_eq!(with(|f| f.category = Some("children's care".into())), 0);
        assert_eq!(
            with(|f| f.subcategory = Some("Looked after children".into())),
            2
        );
        assert_eq!(with(|f| f.outcome = Some("upheld".into())), 4);
        assert_eq!(
            with(|f| f.fault = Some("failure_to_follow_procedure".into())),
            1
        );
        assert_eq!(with(|f| f.remedy = Some("apology".into())), 1);
        assert_eq!(with(|f| f.remedy = Some("complete_action".into())), 2);
        // Dates: both ends included; a decision without a date never matches.
        assert_eq!(
            with(|f| {
                f.from = Some(date!(2023 - 08 - 22));
                f.to = Some(date!(2023 - 10 - 05));
            }),
            2
        );
        assert_eq!(with(|f| f.from = Some(date!(2024 - 01 - 01))), 1);
        assert_eq!(with(|f| f.to = Some(date!(2021 - 02 - 11))), 1);
        assert_eq!(with(|f| f.to = Some(date!(2099 - 12 - 31))), 4);
        // Amount: the agreed total, lower bound included.
        assert_eq!(with(|f| f.min_amount = Some(300.0)), 4);
        assert_eq!(with(|f| f.min_amount = Some(300.01)), 1);
    }

    #[test]
    fn build_query_filters_and_query_combine_with_and() {
        let (_dir, index) = indexed(corpus());
        let upheld_300 = Filters {
            outcome: Some("upheld".into()),
            min_amount: Some(300.0),
            ..Filters::default()
        };
        // Upheld (4) and at least £300 (4): Barnsley, Knowsley, Buckinghamshire.
        assert_eq!(hits(&index, "", &upheld_300), 3);
        assert_eq!(hits(&index, "Buckinghamshire", &Filters::default()), 1);
        assert_eq!(hits(&index, "Buckinghamshire", &upheld_300), 1);
        let apology = Filters {
            remedy: Some("apology".into()),
            ..Filters::default()
        };
        assert_eq!(hits(&index, "Buckinghamshire", &apology), 0);
    }

    #[test]
    fn search_from_gives_the_hits_after_the_skipped_with_the_same_total() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        for sort in [SortOrder::Relevance, SortOrder::Date] {
            let request = SearchRequest {
                query: "council".into(),
                filters: Filters::default(),
                limit: 5,
                sort,
            };
            let all = search(&index, &searcher, &request).expect("searches");
            assert!(all.hits.len() > 2, "the corpus has council decisions");
            let later = search_from(&index, &searcher, &request, 2).expect("searches");
            assert_eq!(later.total, all.total);
            let references = |r: &SearchResults| -> Vec<(String, String)> {
                r.hits
                    .iter()
                    .map(|h| (h.reference.clone(), h.snippet.clone()))
                    .collect()
            };
            assert_eq!(references(&later), references(&all)[2..]);
        }
    }

    #[test]
    fn build_query_refuses_an_organisation_with_no_words() {
        let (_dir, index) = indexed(corpus());
        let filters = Filters {
            organisation_words: Some(" - ".into()),
            ..Filters::default()
        };
        let searcher = searcher(&index).expect("searcher");
        let message = match build_query(&index, &searcher, "", &filters) {
            Ok(_) => panic!("accepted {filters:?}"),
            Err(e) => e.to_string(),
        };
        assert_eq!(message, "organisation filter ' - ' has no words to match");
    }
}
