//! The search page (`/`): the query box, the chosen filters, facets with
//! counts, and a page of hits.
//!
//! Hits come from `crate::query::search_from`, as `ombuds search` gets them.
//! Facet counts are `ombuds values FIELD` over the same query and filters,
//! every field counted over one collection of the matching decisions
//! ([`values::count`]); they equal what `ombuds stats outcomes --by FIELD`,
//! `stats faults` and `stats remedies` print, with the decisions lacking a
//! value shown as stats shows them. The pages of one query share its counts.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::response::Html;
use maud::{html, Markup};
use tantivy::index::SegmentId;

use super::layout::{self, PageError};
use super::params::{PageParams, PER_PAGE};
use super::permits::Priority;
use super::Library;
use crate::index::DecisionIndex;
use crate::names::name_of;
use crate::output::pounds;
use crate::parse::{iso_text, Finding};
use crate::query::{build_query, search_collecting, search_from, Hit};
use crate::stats::values::{self, FieldValues, ValueField, NO_OUTCOME};
use crate::stats::NONE;

/// Organisations (and other long facets) shown before the list is cut.
const FACET_ROWS: usize = 12;

/// `GET /`: rendered once per commit and view (see `Library::page`).
pub async fn page(
    State(library): State<Arc<Library>>,
    Query(params): Query<PageParams>,
) -> Result<Html<String>, PageError> {
    library
        .cached_page("/", Priority::Search, params, render)
        .await
}

/// One clickable value of a facet.
struct FacetValue {
    label: String,
    count: usize,
    /// The link that adds (or, when `on`, removes) this value; `None` for
    /// values that are not a filter (`(none)`, `(other)`).
    href: Option<String>,
    on: bool,
}

/// One facet: a title and its values, largest first.
struct Facet {
    title: &'static str,
    values: Vec<FacetValue>,
}

fn render(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    params: &PageParams,
) -> Result<Markup, PageError> {
    let request = params.search_request().map_err(PageError::BadRequest)?;
    // The query is parsed first so that a bad one is the user's error (400).
    build_query(index, searcher, &request.query, &request.filters)
        .map_err(|e| PageError::BadRequest(format!("{e:#}")))?;
    // Only the page's own hits are read and snippeted.
    let skip = (params.page() - 1) * PER_PAGE;
    let fields = facet_fields(params);
    // Counts not kept from another page of this query are collected in the
    // same pass over the matching decisions as the hits.
    let key = counts_key(searcher, params);
    let (hits, counted) = match kept_counts(&key) {
        Some(counted) => (search_from(index, searcher, &request, skip)?, counted),
        None => {
            let (hits, counted) =
                search_collecting(index, searcher, &request, skip, values::collector(&fields))?;
            (hits, keep_counts(key, counted))
        }
    };
    let facets = facets(params, &fields, &counted);
    let total = facets.0;
    let shown: Vec<&Hit> = hits.hits.iter().take(PER_PAGE).collect();
    let title = match params.get("q") {
        Some(q) => format!("Search: {q}"),
        None => "Search".to_string(),
    };
    Ok(layout::page(
        &title,
        html! {
            (search_form(params))
            (chosen(params))
            div.layout {
                aside.facets { @for facet in &facets.1 { (facet_list(facet)) } }
                div.results {
                    p.total {
                        strong { (total) } " decisions match. "
                        a href=(params.selecting().href("/stats")) { "Statistics for these decisions" }
                    }
                    @for hit in &shown { (hit_row(hit)) }
                    (pages(params, total))
                }
            }
        },
    ))
}

fn search_form(params: &PageParams) -> Markup {
    let value = |key| params.get(key).unwrap_or_default().to_string();
    // The filters that are not in the visible form ride along hidden, so a
    // new query keeps them.
    let hidden = [
        "organisation",
        "category",
        "subcategory",
        "outcome",
        "fault",
        "remedy",
        "finding",
        "purpose",
    ];
    let sort_date = params.sort() == crate::query::SortOrder::Date;
    html! {
        form.search method="get" action="/" {
            input type="search" name="q" value=(value("q")) placeholder="delay AND \"stage two\"" aria-label="Query";
            select name="sort" aria-label="Sort" {
                option value="relevance" selected[!sort_date] { "Best match" }
                option value="date" selected[sort_date] { "Newest first" }
            }
            button type="submit" { "Search" }
            a href="/help" { "syntax help" }
            @for key in hidden {
                @if let Some(v) = params.get(key) { input type="hidden" name=(key) value=(v); }
            }
            details.more open[params.get("from").is_some() || params.get("to").is_some() || params.get("min_amount").is_some() || params.get("max_amount").is_some()] {
                summary { "Dates and amounts" }
                label { "From " input type="date" name="from" value=(value("from")); }
                label { "To " input type="date" name="to" value=(value("to")); }
                label { "Agreed total at least £" input type="number" min="0" step="any" name="min_amount" value=(value("min_amount")); }
                label { "at most £" input type="number" min="0" step="any" name="max_amount" value=(value("max_amount")); }
            }
        }
    }
}

/// The chosen filters, each a link that removes it.
fn chosen(params: &PageParams) -> Markup {
    html! {
        p.chosen {
            @for (key, v) in params.selection().filter(|(key, _)| *key != "q") {
                a href=(params.with(key, None).href("/")) title="Remove this filter" { (key) ": " (v) " ✕" }
            }
        }
    }
}

fn facet_list(facet: &Facet) -> Markup {
    html! {
        @if !facet.values.is_empty() {
            section {
                h3 { (facet.title) }
                ul {
                    @for v in facet.values.iter().take(FACET_ROWS) {
                        li {
                            @if let Some(href) = &v.href {
                                a.on[v.on] href=(href) { (v.label) }
                            } @else {
                                span { (v.label) }
                            }
                            span.count { (v.count) }
                        }
                    }
                }
                @if facet.values.len() > FACET_ROWS {
                    p.count { "and " (facet.values.len() - FACET_ROWS) " more" }
                }
            }
        }
    }
}

fn hit_row(hit: &Hit) -> Markup {
    // `23-002-683`: the reference as it reads in a URL, no escapes needed.
    let link = format!(
        "/decision/{}",
        super::params::percent_encoded(&hit.reference.replace(' ', "-"))
    );
    html! {
        div.hit {
            a href=(link) { strong { (hit.reference) } }
            " "
            span.meta {
                (hit.decision_date.map(iso_text).unwrap_or_default())
                " · " (hit.organisation.as_deref().unwrap_or("-"))
                " · " (hit.outcome.as_deref().unwrap_or("no outcome line"))
                @if hit.agreed_total > 0.0 { " · agreed " (pounds(hit.agreed_total)) }
            }
            p { (highlighted(&hit.snippet, &hit.highlights)) }
        }
    }
}

/// The snippet with its matched ranges in `<mark>`, all text escaped.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> Markup {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(matched)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        pieces.push((false, before));
        pieces.push((true, matched));
        at = range.end;
    }
    pieces.push((false, text.get(at..).unwrap_or_default()));
    html! {
        @for (marked, piece) in pieces {
            @if marked { mark { (piece) } } @else { (piece) }
        }
    }
}

fn pages(params: &PageParams, total: usize) -> Markup {
    let current = params.page();
    let last = total.div_ceil(PER_PAGE).clamp(1, super::params::MAX_PAGE);
    let at = |n: usize| params.with("page", Some(&n.to_string())).href("/");
    html! {
        @if last > 1 {
            p.pages {
                @if current > 1 { a href=(at(current - 1)) rel="prev" { "← Previous" } }
                span { "Page " (current) " of " (last) }
                @if current < last { a href=(at(current + 1)) rel="next" { "Next →" } }
            }
        }
    }
}

/// The fields the facets count: a chosen category's subcategories in place
/// of the categories.
fn facet_fields(params: &PageParams) -> [ValueField; 8] {
    let category_field = if params.get("category").is_some() {
        ValueField::Subcategory
    } else {
        ValueField::Category
    };
    [
        ValueField::Outcome,
        ValueField::Finding,
        category_field,
        ValueField::Year,
        ValueField::Fault,
        ValueField::Remedy,
        ValueField::Purpose,
        ValueField::Organisation,
    ]
}

/// The total and the facets, from the counts of `fields` (see
/// [`facet_fields`]) over the page's query and filters.
fn facets(
    params: &PageParams,
    fields: &[ValueField],
    counted: &[FieldValues],
) -> (usize, Vec<Facet>) {
    let category_chosen = params.get("category").is_some();
    let (category_field, category_key) = if category_chosen {
        (ValueField::Subcategory, "subcategory")
    } else {
        (ValueField::Category, "category")
    };
    let of = |field: ValueField| -> &FieldValues {
        let at = fields.iter().position(|f| *f == field).unwrap_or(0);
        &counted[at]
    };
    let total = of(ValueField::Outcome).total_decisions;
    // The values as `stats` lists them: the decisions with no value as a
    // row of their own (labelled as stats labels them) where stats has one,
    // by count then label.
    let listed = |field: ValueField, key: &str, missing: Option<&str>| -> Vec<FacetValue> {
        let values = of(field);
        let mut rows: Vec<(String, usize)> = values
            .values
            .iter()
            .map(|v| (v.value.clone(), v.decisions))
            .collect();
        if let Some(label) = missing.filter(|_| values.missing_decisions > 0) {
            rows.push((label.to_string(), values.missing_decisions));
        }
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows.into_iter()
            .map(|(label, count)| toggle(params, key, label, count))
            .collect()
    };
    let category_title = if category_chosen {
        "Category › subcategory"
    } else {
        "Category"
    };
    // With a category chosen, the list is that category (a click removes
    // it) then its subcategories.
    let mut categories = Vec::new();
    if let Some(category) = params.get("category") {
        categories.push(toggle(params, "category", category.to_string(), total));
    }
    categories.extend(listed(category_field, category_key, Some(NONE)));
    let known_findings = Finding::ALL.map(|f| name_of(&f));
    let mut findings = listed(ValueField::Finding, "finding", None);
    findings.retain(|f| known_findings.contains(&f.label.as_str()));
    let facets = vec![
        Facet {
            title: "Outcome",
            values: listed(ValueField::Outcome, "outcome", Some(NO_OUTCOME)),
        },
        Facet {
            title: "Finding",
            values: findings,
        },
        Facet {
            title: category_title,
            values: categories,
        },
        Facet {
            title: "Year",
            values: years(params, listed(ValueField::Year, "year", Some(NONE))),
        },
        Facet {
            title: "Fault kind",
            values: listed(ValueField::Fault, "fault", None),
        },
        Facet {
            title: "Remedy kind",
            values: listed(ValueField::Remedy, "remedy", None),
        },
        Facet {
            title: "Payment purpose",
            values: listed(ValueField::Purpose, "purpose", Some(NONE)),
        },
        Facet {
            title: "Organisation",
            values: listed(ValueField::Organisation, "organisation", Some(NONE)),
        },
    ];
    (total, facets)
}

/// Search pages kept counts for; the oldest goes first.
const KEPT_COUNTS: usize = 64;

/// What the facet counts of one set of decisions are kept under: the
/// searcher's segments (with their deletes) and the parameters that select
/// the decisions. Pages 1, 2 and 3 of a query, or its two sort orders,
/// differ only in parameters that select nothing, so they share counts.
type CountsKey = (BTreeMap<SegmentId, Option<u64>>, String);

/// Counts kept from earlier pages; the oldest goes first. A panic while the
/// lock was held leaves the list whole (each change is one push or remove),
/// so a poisoned lock is still used.
static KEPT: Mutex<Vec<(CountsKey, Arc<Vec<FieldValues>>)>> = Mutex::new(Vec::new());

/// What the counts of this page's decisions are kept under.
fn counts_key(searcher: &tantivy::Searcher, params: &PageParams) -> CountsKey {
    (
        searcher.generation().segments().clone(),
        params.selecting().href("/"),
    )
}

/// The counts kept under `key` by an earlier page of the same decisions.
fn kept_counts(key: &CountsKey) -> Option<Arc<Vec<FieldValues>>> {
    let all = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    all.iter()
        .find(|(k, _)| k == key)
        .map(|(_, counted)| Arc::clone(counted))
}

/// Keeps `counted` under `key` (unless another request kept them first).
fn keep_counts(key: CountsKey, counted: Vec<FieldValues>) -> Arc<Vec<FieldValues>> {
    let counted = Arc::new(counted);
    let mut all = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    if !all.iter().any(|(k, _)| *k == key) {
        if all.len() >= KEPT_COUNTS {
            all.remove(0);
        }
        all.push((key, Arc::clone(&counted)));
    }
    counted
}

/// A facet value whose link sets `key` to it, or removes `key` when it is
/// already the chosen value. Labels `stats` makes up, in parentheses, are
/// not values a filter can take.
fn toggle(params: &PageParams, key: &str, label: String, count: usize) -> FacetValue {
    let made_up = label.starts_with('(') && label.ends_with(')');
    let on = params
        .get(key)
        .is_some_and(|v| v.eq_ignore_ascii_case(&label));
    let href = (!made_up).then(|| {
        let value = (!on).then_some(label.as_str());
        params.href_with("/", key, value)
    });
    FacetValue {
        label,
        count,
        href,
        on,
    }
}

/// Years, newest first: a click sets the date range to that year.
fn years(params: &PageParams, listed: Vec<FacetValue>) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = listed
        .into_iter()
        .map(|listed| {
            let year = listed.label;
            let (from, to) = (format!("{year}-01-01"), format!("{year}-12-31"));
            let on =
                params.get("from") == Some(from.as_str()) && params.get("to") == Some(to.as_str());
            let href = year.parse::<u32>().ok().map(|_| {
                let next = if on {
                    params.with("from", None).with("to", None)
                } else {
                    params.with("from", Some(&from)).with("to", Some(&to))
                };
                next.href("/")
            });
            FacetValue {
                label: year,
                count: listed.count,
                href,
                on,
            }
        })
        .collect();
    values.sort_by(|a, b| b.label.cmp(&a.label));
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};

    fn params(pairs: &[(&str, &str)]) -> PageParams {
        pairs
            .iter()
            .fold(PageParams::default(), |p, (k, v)| p.with(k, Some(v)))
    }

    #[test]
    fn pages_of_one_query_share_counts_and_other_decisions_or_indexes_do_not() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        let council = params(&[("q", "council")]);
        render(&index, &searcher, &council).expect("page");
        let first = kept_counts(&counts_key(&searcher, &council)).expect("counts kept");
        for again in [
            params(&[("q", "council"), ("page", "2")]),
            params(&[("q", "council"), ("page", "3"), ("sort", "date")]),
        ] {
            assert!(counts_key(&searcher, &council) == counts_key(&searcher, &again));
        }
        // The counts collected beside the hits are what counting alone gives.
        let request = council.search_request().expect("request");
        let query =
            build_query(&index, &searcher, &request.query, &request.filters).expect("query");
        let fresh =
            values::count(&searcher, query.as_ref(), &facet_fields(&council)).expect("counts");
        assert_eq!(*first, fresh);
        assert!(first[0].total_decisions > 0);
        // Another filter selects other decisions.
        let filtered = params(&[("q", "council"), ("outcome", "Upheld")]);
        assert!(counts_key(&searcher, &council) != counts_key(&searcher, &filtered));
        // Another index (other segments) counts its own decisions.
        let (_other_dir, other) = indexed(corpus().into_iter().take(1).collect());
        let other_searcher = crate::index::read::searcher(&other).expect("searcher");
        assert!(counts_key(&searcher, &council) != counts_key(&other_searcher, &council));
    }

    #[test]
    fn search_collecting_counts_what_values_count_counts_in_either_order() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        for sort in ["relevance", "date"] {
            let page = params(&[("q", "council OR delay"), ("sort", sort)]);
            let request = page.search_request().expect("request");
            let query =
                build_query(&index, &searcher, &request.query, &request.filters).expect("query");
            let fields = facet_fields(&page);
            let (hits, counted) =
                search_collecting(&index, &searcher, &request, 0, values::collector(&fields))
                    .expect("search");
            let alone = search_from(&index, &searcher, &request, 0).expect("search");
            let json = |hits: &[Hit]| serde_json::to_string(hits).expect("json");
            assert_eq!(json(&hits.hits), json(&alone.hits));
            assert_eq!(hits.total, alone.total);
            assert!(!hits.hits.is_empty());
            let fresh = values::count(&searcher, query.as_ref(), &fields).expect("counts");
            assert_eq!(counted, fresh);
            assert_eq!(counted[0].total_decisions, hits.total);
        }
    }
}
