//! Search requests -> tantivy queries, and the hits they return.
//!
//! The query string uses tantivy's syntax (terms, `"phrases"`, `AND`/`OR`/`NOT`,
//! `+`/`-`, `field:value`, `field:>=500`, `field:[a TO b]`); the filters are
//! the typed flags shared by `search`, `stats` and `export`, joined to the
//! query with AND.

use std::ops::Bound;

use anyhow::{anyhow, Context, Result};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Order, Searcher, Term};

use crate::index::read::{decision_of, stored_document};
use crate::index::schema::QUERYABLE;
use crate::index::write::date_value;
use crate::index::DecisionIndex;

/// Typed filters, checked before any work.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filters {
    /// Words that must appear, in order, in the organisation name.
    pub organisation: Option<String>,
    /// Category (case-insensitive, whole value).
    pub category: Option<String>,
    /// Sub-category (case-insensitive, whole value).
    pub subcategory: Option<String>,
    /// Outcome (case-insensitive, whole value).
    pub outcome: Option<String>,
    /// First decision date included (ISO).
    pub from: Option<String>,
    /// Last decision date included (ISO).
    pub to: Option<String>,
    /// Fault kind that must be present.
    pub fault: Option<String>,
    /// Remedy kind that must be present.
    pub remedy: Option<String>,
    /// Smallest agreed total included, in pounds.
    pub min_amount: Option<f64>,
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
    /// ISO decision date.
    pub decision_date: Option<String>,
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
}

/// The parsed query plus filters, ready to run.
pub fn build_query(
    index: &DecisionIndex,
    query: &str,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let f = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !query.trim().is_empty() {
        let mut parser = QueryParser::for_index(&index.index, vec![f.text, f.organisation]);
        parser.set_conjunction_by_default();
        let parsed = parser
            .parse_query(query)
            .map_err(|e| query_error(query, e))?;
        clauses.push((Occur::Must, parsed));
    }
    if let Some(org) = &filters.organisation {
        clauses.push((Occur::Must, words_query(index, f.organisation, org)?));
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
        let bound = |d: &Option<String>, name: &str| -> Result<Bound<Term>> {
            match d {
                None => Ok(Bound::Unbounded),
                Some(iso) => {
                    let date = date_value(iso).ok_or_else(|| {
                        anyhow!("--{name}: '{iso}' is not a date (use YYYY-MM-DD)")
                    })?;
                    Ok(Bound::Included(Term::from_field_date_for_search(
                        f.decision_date,
                        date,
                    )))
                }
            }
        };
        let lower = bound(&filters.from, "from")?;
        let upper = bound(&filters.to, "to")?;
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    if let Some(min) = filters.min_amount {
        let lower = Bound::Included(Term::from_field_f64(f.agreed_total, min));
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(lower, Bound::Unbounded)),
        ));
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
        0 => Err(anyhow!("--organisation: '{words}' has no words to match")),
        1 => Ok(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new(terms))),
    }
}

/// A one-line error for a query the parser refused.
fn query_error(query: &str, error: tantivy::query::QueryParserError) -> anyhow::Error {
    use tantivy::query::QueryParserError as E;
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
            "query '{query}': an amount field (agreed_total, agreed_amount) needs a number, e.g. agreed_total:>=500"
        ),
        E::ExpectedBool(_) => {
            anyhow!("query '{query}': shared_with_ofsted takes true or false")
        }
        E::DateFormatError(_) => anyhow!(
            "query '{query}': dates in queries are written 2023-01-01T00:00:00Z (or use --from/--to YYYY-MM-DD)"
        ),
        E::AllButQueryForbidden => anyhow!(
            "query '{query}': only excluded terms; add something to match, e.g. 'council -closed'"
        ),
        other => anyhow!("query '{query}': {other}"),
    }
}

/// Runs a search and returns its hits with snippets.
pub fn search(
    index: &DecisionIndex,
    searcher: &Searcher,
    request: &SearchRequest,
) -> Result<Vec<Hit>> {
    let query = build_query(index, &request.query, &request.filters)?;
    let limit = request.limit.max(1);
    let addresses: Vec<(f32, tantivy::DocAddress)> = match request.sort {
        SortOrder::Relevance => {
            searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?
        }
        SortOrder::Date => searcher
            .search(
                &query,
                &TopDocs::with_limit(limit)
                    .order_by_fast_field::<DateTime>("decision_date", Order::Desc),
            )?
            .into_iter()
            .map(|(_, address)| (0.0, address))
            .collect(),
    };
    let mut snippets = SnippetGenerator::create(searcher, &*query, index.fields.text)?;
    snippets.set_max_num_chars(200);
    addresses
        .into_iter()
        .map(|(score, address)| {
            let doc = stored_document(searcher, address)?;
            let d = decision_of(index, &doc)?;
            // The stored text is the one the snippet generator's field indexed.
            let snippet = snippets.snippet_from_doc(&doc);
            let (snippet, highlights) = if snippet.fragment().is_empty() {
                (
                    lead(d.summary.as_deref().unwrap_or_default(), 200),
                    Vec::new(),
                )
            } else {
                (
                    snippet.fragment().to_string(),
                    snippet.highlighted().to_vec(),
                )
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
            })
        })
        .collect()
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
