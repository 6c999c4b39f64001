//! Statistics over the decisions a query selects: payment sizes, outcomes,
//! fault and remedy kinds, optionally grouped. Requests are typed here; the
//! figures come from [`collect::FactsCollector`] (fast fields only) and are
//! turned into a [`StatsReport`] that `output::stats` writes.

pub mod collect;
mod figures;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use anyhow::Result;
use serde::Serialize;

use crate::index::DecisionIndex;
use crate::query::{build_query, Filters};
use collect::{Facts, FactsCollector, Needs};
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
    /// The name used in keys and headers.
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
    let collector = FactsCollector {
        needs: needs(&request),
    };
    let facts = searcher.search(&query, &collector)?;
    Ok(report(&facts, request))
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

/// The report for a set of decisions' facts (pure; unit-tested).
pub fn report(facts: &[Facts], request: StatsRequest) -> StatsReport {
    let facts: Vec<&Facts> = facts.iter().collect();
    let facts = facts.as_slice();
    let all: Vec<Unit> = units(facts, &request);
    let figures = figures::compute(facts, &all, &request);
    let mut notes = figures::notes(facts, &request);
    let groups = (!request.by.is_empty()).then(|| grouped(facts, &all, &request));
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
        .then(|| figures::cross(facts));
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
    facts
        .iter()
        .enumerate()
        .flat_map(|(doc, f)| {
            let payments: Vec<Unit> = if per_payment {
                (0..f.payments.len())
                    .map(|i| Unit {
                        doc,
                        payment: Some(i),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if per_payment && !payments.is_empty() {
                payments
            } else {
                vec![Unit { doc, payment: None }]
            }
        })
        .collect()
}

/// The values one unit has for a grouping field.
fn key_values(facts: &[&Facts], unit: Unit, field: GroupField) -> Vec<Arc<str>> {
    let f = facts[unit.doc];
    let none = || Arc::<str>::from(NONE);
    let one = |v: &Option<Arc<str>>| vec![v.clone().unwrap_or_else(none)];
    let many = |vs: &[Arc<str>]| {
        if vs.is_empty() {
            vec![none()]
        } else {
            vs.to_vec()
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
                let all: BTreeSet<Arc<str>> = f
                    .payments
                    .iter()
                    .flat_map(|p| p.1.iter().cloned())
                    .collect();
                many(&all.into_iter().collect::<Vec<_>>())
            }
        },
    }
}

fn grouped(facts: &[&Facts], all: &[Unit], request: &StatsRequest) -> Vec<Group> {
    let mut by_key: HashMap<Vec<Arc<str>>, Vec<Unit>> = HashMap::new();
    for &unit in all {
        let mut keys: Vec<Vec<Arc<str>>> = vec![Vec::new()];
        for &field in &request.by {
            let values = key_values(facts, unit, field);
            keys = keys
                .iter()
                .flat_map(|k| {
                    values
                        .iter()
                        .map(move |v| [k.clone(), vec![v.clone()]].concat())
                })
                .collect();
        }
        for key in keys {
            by_key.entry(key).or_default().push(unit);
        }
    }
    let mut groups: Vec<(Vec<Arc<str>>, Vec<Unit>, usize)> = by_key
        .into_iter()
        .map(|(k, units)| {
            let n = distinct_docs(&units);
            (k, units, n)
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
            kept.push(make_group(facts, request, key, &units, false, 0));
        }
    }
    if folded_groups > 0 {
        folded.sort_by_key(|u| (u.doc, u.payment));
        folded.dedup();
        let key = vec![Arc::<str>::from(OTHER); request.by.len()];
        kept.push(make_group(
            facts,
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
    request: &StatsRequest,
    key: Vec<Arc<str>>,
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
            .zip(key.iter().map(|k| k.to_string()))
            .collect(),
        n_decisions: docs.len(),
        other,
        folded_groups: folded,
        figures: figures::compute(&docs, &local, request),
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
