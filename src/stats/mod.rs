//! Statistics over the decisions a query selects: payment sizes, outcomes,
//! fault and remedy kinds, optionally grouped. Requests are typed here; the
//! figures come from [`collect::FactsCollector`] (fast fields only) and are
//! turned into a [`StatsReport`] that `output::stats` writes.

pub mod collect;
mod figures;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use serde::Serialize;
use tantivy::query::EnableScoring;
use tantivy::Executor;

use crate::index::DecisionIndex;
use crate::query::{build_query, Filters};
use collect::{Facts, FactsCollector, Name, Names, Needs};
pub use figures::{percentile, Summary};

/// What to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// Agreed payment sizes.
    Payments,
    /// Outcome counts and the upheld rate.
    Outcomes,
    /// Decisions showing each fault kind.
    Faults,
    /// Decisions showing each remedy kind.
    Remedies,
}

/// A field to group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum GroupField {
    /// Organisation as printed.
    Organisation,
    /// Category.
    Category,
    /// Sub-category.
    Subcategory,
    /// Outcome as printed.
    Outcome,
    /// Year of the decision date.
    Year,
    /// Fault kind (a decision counts in each of its kinds).
    Fault,
    /// Remedy kind (a decision counts in each of its kinds).
    Remedy,
    /// Payment purpose (a payment counts in each of its purposes).
    Purpose,
}

impl GroupField {
    /// The name used in keys and headers: the same as its serde and
    /// `--by` name (a test holds the three together).
    pub fn name(self) -> &'static str {
        match self {
            GroupField::Organisation => "organisation",
            GroupField::Category => "category",
            GroupField::Subcategory => "subcategory",
            GroupField::Outcome => "outcome",
            GroupField::Year => "year",
            GroupField::Fault => "fault",
            GroupField::Remedy => "remedy",
            GroupField::Purpose => "purpose",
        }
    }
}

/// What one payment statistic counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Each decision's agreed total.
    Decision,
    /// Each agreed payment.
    Payment,
}

/// Histogram buckets for payment sizes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Buckets {
    /// Under £100, £100–£299, £300–£499, £500–£999, £1,000–£4,999, £5,000+.
    Bands,
    /// Fixed-width buckets of this many pounds.
    Width(f64),
}

/// One statistics request, checked.
#[derive(Debug, Clone, Serialize)]
pub struct StatsRequest {
    /// What to count.
    pub what: What,
    /// Query string ('' for all).
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// Up to two grouping fields.
    pub by: Vec<GroupField>,
    /// For payments: per decision or per payment.
    pub per: Per,
    /// For payments: a histogram.
    pub histogram: Option<Buckets>,
    /// Keep at most this many groups (the rest fold into "other").
    pub top: Option<usize>,
    /// Groups with fewer decisions fold into "other".
    pub min_count: usize,
    /// For outcomes: infer missing outcomes from the finding.
    pub infer: bool,
    /// For faults/remedies: the fault × remedy table.
    pub cross: bool,
}

/// The label of a missing value in group keys.
pub const NONE: &str = "(none)";
/// The key value of the folded group.
pub const OTHER: &str = "(other)";

/// The figures of one statistic, for the whole set or one group.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Payment summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stats: Option<Summary>,
    /// Counts of outcomes or kinds, by count then name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Vec<Count>>,
    /// Upheld rates with their denominators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upheld_rate: Option<figures::UpheldRates>,
}

/// A count of decisions with one value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Count {
    /// The outcome or kind.
    pub value: String,
    /// Decisions with it.
    pub count: usize,
    /// Share of the decisions in the set or group.
    pub share: f64,
}

/// One group's figures.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Field name -> value.
    pub key: BTreeMap<String, String>,
    /// Decisions in the group.
    pub n_decisions: usize,
    /// True for the row that folds small groups together.
    pub other: bool,
    /// How many groups were folded into this row.
    pub folded_groups: usize,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// A histogram bucket.
#[derive(Debug, Clone, Serialize)]
pub struct Bucket {
    /// Label for people (`£100–£299`).
    pub label: String,
    /// Lower bound, pounds, included.
    pub from: f64,
    /// Upper bound, pounds, excluded (null for the open top band).
    pub to: Option<f64>,
    /// Values in the bucket.
    pub count: usize,
}

/// One cell of the fault × remedy table.
#[derive(Debug, Clone, Serialize)]
pub struct CrossCell {
    /// Fault kind.
    pub fault: String,
    /// Remedy kind.
    pub remedy: String,
    /// Decisions with both.
    pub count: usize,
    /// Share of the decisions with this fault.
    pub share_of_fault: f64,
}

/// Everything a `stats` run reports.
#[derive(Debug, Clone, Serialize)]
pub struct StatsReport {
    /// What was counted.
    pub what: What,
    /// The request, echoed.
    pub request: StatsRequest,
    /// Decisions in the set.
    pub n_decisions: usize,
    /// For payments: what `n` counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    /// Figures for the whole set.
    #[serde(flatten)]
    pub figures: Figures,
    /// Histogram of payment sizes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub histogram: Option<Vec<Bucket>>,
    /// Fault × remedy table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cross: Option<Vec<CrossCell>>,
    /// Grouped figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
    /// Caveats a reader must see (denominators, inferred values).
    pub notes: Vec<String>,
}

/// Runs the query, collects fast-field facts and computes the report.
pub fn run(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    request: StatsRequest,
) -> Result<StatsReport> {
    let query = build_query(index, &request.query, &request.filters)?;
    let collector = FactsCollector::new(needs(&request));
    // Segments are read in parallel, one thread each, up to the CPU count.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(searcher.segment_readers().len());
    let executor = if threads > 1 {
        Executor::multi_thread(threads, "ombuds-stats-")?
    } else {
        Executor::single_thread()
    };
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let segments = searcher.search_with_executor(&query, &collector, &executor, scoring)?;
    let facts: Vec<&Facts> = segments.iter().flatten().collect();
    Ok(report(&facts, &collector.names(), request))
}

/// The facts a request reads.
fn needs(r: &StatsRequest) -> Needs {
    let by = |f: GroupField| r.by.contains(&f);
    Needs {
        organisation: by(GroupField::Organisation),
        category: by(GroupField::Category),
        subcategory: by(GroupField::Subcategory),
        outcome: r.what == What::Outcomes || by(GroupField::Outcome),
        finding: r.what == What::Outcomes && r.infer,
        year: by(GroupField::Year),
        faults: r.what == What::Faults || r.cross || by(GroupField::Fault),
        remedies: r.what == What::Remedies || r.cross || by(GroupField::Remedy),
        payments: r.what == What::Payments || by(GroupField::Purpose),
    }
}

/// The report for a set of decisions' facts, whose names `names` resolves.
pub fn report(facts: &[&Facts], names: &Names, request: StatsRequest) -> StatsReport {
    let all: Vec<Unit> = units(facts, &request);
    let figures = figures::compute(facts, names, &all, &request);
    let mut notes = figures::notes(facts, &request);
    let groups = (!request.by.is_empty()).then(|| grouped(facts, names, &all, &request));
    if groups.as_ref().is_some_and(|g| g.iter().any(|g| g.other)) {
        notes.push(format!(
            "groups with fewer than {} decisions{} are folded into {OTHER}",
            request.min_count.max(1),
            request
                .top
                .map(|n| format!(" or beyond the top {n}"))
                .unwrap_or_default()
        ));
    }
    let histogram = match (request.what, request.histogram) {
        (What::Payments, Some(b)) => Some(figures::histogram(
            &figures::values(facts, &all, request.per),
            b,
        )),
        _ => None,
    };
    let cross = (request.cross && matches!(request.what, What::Faults | What::Remedies))
        .then(|| figures::cross(facts, names));
    StatsReport {
        what: request.what,
        n_decisions: facts.len(),
        per: (request.what == What::Payments).then_some(request.per),
        figures,
        histogram,
        cross,
        groups,
        notes,
        request,
    }
}

/// What is counted: a decision, or one agreed payment of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Index into the facts.
    pub doc: usize,
    /// Index into the decision's payments, for per-payment statistics.
    pub payment: Option<usize>,
}

fn units(facts: &[&Facts], request: &StatsRequest) -> Vec<Unit> {
    let per_payment = request.what == What::Payments && request.per == Per::Payment;
    let mut units = Vec::with_capacity(facts.len());
    for (doc, f) in facts.iter().enumerate() {
        if per_payment && !f.payments.is_empty() {
            units.extend((0..f.payments.len()).map(|i| Unit {
                doc,
                payment: Some(i),
            }));
        } else {
            units.push(Unit { doc, payment: None });
        }
    }
    units
}

/// A group's key: one value per `--by` field (at most two); `None` is a
/// missing value, and unused places stay `None`.
type Key = [Option<Name>; 2];

/// The values one unit has for a grouping field: borrowed for single-valued
/// fields, so grouping allocates nothing per decision.
fn key_values<'a>(f: &'a Facts, unit: Unit, field: GroupField) -> Cow<'a, [Option<Name>]> {
    let one = |v: &'a Option<Name>| Cow::Borrowed(std::slice::from_ref(v));
    let many = |vs: &[Name]| -> Cow<'a, [Option<Name>]> {
        if vs.is_empty() {
            Cow::Borrowed(&[None])
        } else {
            Cow::Owned(vs.iter().copied().map(Some).collect())
        }
    };
    match field {
        GroupField::Organisation => one(&f.organisation),
        GroupField::Category => one(&f.category),
        GroupField::Subcategory => one(&f.subcategory),
        GroupField::Outcome => one(&f.outcome),
        GroupField::Year => one(&f.year),
        GroupField::Fault => many(&f.faults),
        GroupField::Remedy => many(&f.remedies),
        GroupField::Purpose => match unit.payment {
            Some(i) => many(&f.payments[i].1),
            None => {
                let mut all: Vec<Name> = f
                    .payments
                    .iter()
                    .flat_map(|p| p.1.iter().copied())
                    .collect();
                all.sort_unstable();
                all.dedup();
                many(&all)
            }
        },
    }
}

/// The printed value of one key place.
fn label(names: &Names, value: Option<Name>) -> &str {
    value.map_or(NONE, |n| names.get(n))
}

fn grouped(facts: &[&Facts], names: &Names, all: &[Unit], request: &StatsRequest) -> Vec<Group> {
    let mut by_key: HashMap<Key, Vec<Unit>> = HashMap::new();
    for &unit in all {
        let f = facts[unit.doc];
        let first = key_values(f, unit, request.by[0]);
        let second = request.by.get(1).map(|&field| key_values(f, unit, field));
        for &a in first.iter() {
            match &second {
                None => by_key.entry([a, None]).or_default().push(unit),
                Some(second) => {
                    for &b in second.iter() {
                        by_key.entry([a, b]).or_default().push(unit);
                    }
                }
            }
        }
    }
    let labels = |key: &Key| -> Vec<String> {
        key[..request.by.len()]
            .iter()
            .map(|v| label(names, *v).to_string())
            .collect()
    };
    let mut groups: Vec<(Vec<String>, Vec<Unit>, usize)> = by_key
        .into_iter()
        .map(|(k, units)| {
            let n = distinct_docs(&units);
            (labels(&k), units, n)
        })
        .collect();
    groups.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));

    let mut kept = Vec::new();
    let mut folded: Vec<Unit> = Vec::new();
    let mut folded_groups = 0;
    for (rank, (key, units, n)) in groups.into_iter().enumerate() {
        let beyond_top = request.top.is_some_and(|top| rank >= top);
        if n < request.min_count || beyond_top {
            folded.extend(units);
            folded_groups += 1;
        } else {
            kept.push(make_group(facts, names, request, key, &units, false, 0));
        }
    }
    if folded_groups > 0 {
        folded.sort_by_key(|u| (u.doc, u.payment));
        folded.dedup();
        let key = vec![OTHER.to_string(); request.by.len()];
        kept.push(make_group(
            facts,
            names,
            request,
            key,
            &folded,
            true,
            folded_groups,
        ));
    }
    kept
}

fn make_group(
    facts: &[&Facts],
    names: &Names,
    request: &StatsRequest,
    key: Vec<String>,
    units: &[Unit],
    other: bool,
    folded: usize,
) -> Group {
    let ids = doc_ids(units);
    let docs: Vec<&Facts> = ids.iter().map(|&d| facts[d]).collect();
    let local: Vec<Unit> = units
        .iter()
        .map(|u| Unit {
            doc: ids.binary_search(&u.doc).unwrap_or(0),
            payment: u.payment,
        })
        .collect();
    Group {
        key: request
            .by
            .iter()
            .map(|f| f.name().to_string())
            .zip(key)
            .collect(),
        n_decisions: docs.len(),
        other,
        folded_groups: folded,
        figures: figures::compute(&docs, names, &local, request),
    }
}

/// The distinct decisions of some units, ascending.
fn doc_ids(units: &[Unit]) -> Vec<usize> {
    let mut ids: Vec<usize> = units.iter().map(|u| u.doc).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn distinct_docs(units: &[Unit]) -> usize {
    doc_ids(units).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn a_group_field_has_one_name_in_headers_json_and_flags() {
        for field in GroupField::value_variants() {
            let flag = field.to_possible_value().expect("visible");
            assert_eq!(flag.get_name(), field.name());
            assert_eq!(serde_json::to_value(field).ok(), Some(field.name().into()));
        }
    }
}
