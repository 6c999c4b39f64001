//! Statistics over the decisions a query selects: payment sizes, outcomes,
//! fault and remedy kinds, optionally grouped. Requests are typed here; the
//! figures come from [`collect::FactsCollector`] (fast fields only) and are
//! turned into a [`StatsReport`] that `output::stats` writes.

pub mod collect;
mod compare;
mod dense;
mod figures;
mod group;
mod payments;
pub mod period;
mod set;
pub mod values;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use tantivy::query::EnableScoring;
use tantivy::Executor;

use crate::index::DecisionIndex;
use crate::parse::PaymentRole;
use crate::query::{build_query, Filters};
use collect::{Facts, FactsCollector, FactsNeeded, Names, Roles};
pub use compare::{compare, Comparison, Selection};
pub use figures::{percentile, Summary};
use period::Span;
use set::Set;

/// The statistic a request computes (`stats`' first argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    /// Payment sizes (agreed payments unless `--role` says otherwise).
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
    /// Year of the decision date (`2023`).
    Year,
    /// Quarter of the decision date (`2023-Q4`).
    Quarter,
    /// Month of the decision date (`2023-10`).
    Month,
    /// Fault kind (a decision counts in each of its kinds).
    Fault,
    /// Remedy kind (a decision counts in each of its kinds).
    Remedy,
    /// Payment purpose (a payment counts in each of its purposes).
    Purpose,
}

/// What one payment statistic counts (`--per`): each decision's total of
/// the counted roles' payments, or each such payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum PaymentBasis {
    /// Each decision's total of the counted payments.
    Decision,
    /// Each counted payment.
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
    pub what: Statistic,
    /// Query string ('' for all).
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// Up to two grouping fields.
    pub by: Vec<GroupField>,
    /// For payments: per decision or per payment.
    pub per: PaymentBasis,
    /// For payments: the roles counted (`agreed` unless asked), distinct,
    /// in the order of [`PaymentRole::ALL`].
    pub roles: Vec<PaymentRole>,
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
    pub what: Statistic,
    /// The request, echoed.
    pub request: StatsRequest,
    /// Decisions in the set.
    pub n_decisions: usize,
    /// For payments: what `n` counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<PaymentBasis>,
    /// For payments: the roles whose payments are counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<PaymentRole>>,
    /// For payments: decisions in the set whose agreed remedy includes a
    /// payment with no stated amount (left out of the figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n_payment_amount_unstated: Option<usize>,
    /// For payments: decisions in the set whose text looks truncated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n_truncated: Option<usize>,
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

/// Runs the query, collects fast-field facts and computes the report,
/// reading the index's segments in parallel (what one `ombuds stats` wants).
pub fn run(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    request: StatsRequest,
) -> Result<StatsReport> {
    let executor = parallel(searcher)?;
    run_all(index, searcher, vec![request], executor)?
        .pop()
        .context("no report for the one request")
}

/// The reports of several requests over one query and filters, from one
/// collection of facts: a page of tables is one pass over the matching
/// decisions, each table then [`report`] over the same facts. Segments are
/// read on `executor`: [`Executor::single_thread`] where the caller is
/// already one of many concurrent requests (the server), so that no
/// request starts threads of its own.
pub fn run_all(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    requests: Vec<StatsRequest>,
    executor: &Executor,
) -> Result<Vec<StatsReport>> {
    let Some(first) = requests.first() else {
        return Ok(Vec::new());
    };
    let needs = shared_needs(&requests)?;
    let query = build_query(index, searcher, &first.query, &first.filters)?;
    let collector = FactsCollector::new(needs);
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let segments = searcher.search_with_executor(&query, &collector, executor, scoring)?;
    let facts: Vec<&Facts> = segments.iter().flatten().collect();
    let names = collector.names();
    let set = Set::new(&facts, &names);
    Ok(requests
        .into_iter()
        .map(|request| set_report(&set, request))
        .collect())
}

/// A pool with a thread per CPU, made once per process: each segment is
/// read on one of its threads, and no run pays for starting threads.
fn parallel(searcher: &tantivy::Searcher) -> Result<&'static Executor> {
    static POOL: OnceLock<Executor> = OnceLock::new();
    static SINGLE: Executor = Executor::SingleThread;
    if searcher.segment_readers().len() < 2 {
        return Ok(&SINGLE);
    }
    if let Some(pool) = POOL.get() {
        return Ok(pool);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = if threads > 1 {
        Executor::multi_thread(threads, "ombuds-stats-")?
    } else {
        Executor::single_thread()
    };
    // A pool made by a racing caller is dropped, not used.
    Ok(POOL.get_or_init(|| pool))
}

/// The facts that every one of `requests` reads, which must share their
/// query, filters and (where payments are read) roles, as they are counted
/// from one collection.
fn shared_needs(requests: &[StatsRequest]) -> Result<FactsNeeded> {
    let mut needs = FactsNeeded::default();
    let mut roles: Option<&[PaymentRole]> = None;
    let selection = |r: &StatsRequest| -> Result<(String, serde_json::Value)> {
        Ok((r.query.clone(), serde_json::to_value(&r.filters)?))
    };
    let first = requests.first().map(selection).transpose()?;
    for request in requests {
        if Some(selection(request)?) != first {
            bail!("statistics counted together must share their query and filters");
        }
        let n = facts_needed(request);
        if n.payments {
            if roles.is_some_and(|r| r != request.roles.as_slice()) {
                bail!("statistics counted together must count the same payment roles");
            }
            roles = Some(&request.roles);
            needs.roles = n.roles;
        }
        needs.organisation |= n.organisation;
        needs.category |= n.category;
        needs.subcategory |= n.subcategory;
        needs.outcome |= n.outcome;
        needs.finding |= n.finding;
        needs.month |= n.month;
        needs.faults |= n.faults;
        needs.remedies |= n.remedies;
        needs.payments |= n.payments;
        needs.caveats |= n.caveats;
    }
    Ok(needs)
}

/// The facts a request reads.
fn facts_needed(r: &StatsRequest) -> FactsNeeded {
    let by = |f: GroupField| r.by.contains(&f);
    FactsNeeded {
        organisation: by(GroupField::Organisation),
        category: by(GroupField::Category),
        subcategory: by(GroupField::Subcategory),
        outcome: r.what == Statistic::Outcomes || by(GroupField::Outcome),
        finding: r.what == Statistic::Outcomes && r.infer,
        month: r.by.iter().any(|f| f.span().is_some()),
        faults: r.what == Statistic::Faults || r.cross || by(GroupField::Fault),
        remedies: r.what == Statistic::Remedies || r.cross || by(GroupField::Remedy),
        payments: r.what == Statistic::Payments || by(GroupField::Purpose),
        roles: Roles::of(&r.roles),
        caveats: r.what == Statistic::Payments,
    }
}

/// The report for a set of decisions' facts, whose names `names` resolves.
pub fn report(facts: &[&Facts], names: &Names, request: StatsRequest) -> StatsReport {
    set_report(&Set::new(facts, names), request)
}

/// The report of `request` over `set` (whose sorted values the set's other
/// reports share).
fn set_report(set: &Set, request: StatsRequest) -> StatsReport {
    let facts = set.facts;
    let payments = request.what == Statistic::Payments;
    let values = match (payments, request.per) {
        (false, _) => Vec::new(),
        (true, PaymentBasis::Decision) => set.sorted_totals(),
        (true, PaymentBasis::Payment) => set.sorted_amounts(),
    };
    let figures = figures::compute(set, &request, set.every(), &values);
    let mut notes = figures::notes(facts, &request);
    let groups = (!request.by.is_empty()).then(|| group::grouped(set, &request));
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
        (Statistic::Payments, Some(b)) => Some(figures::histogram(&values, b)),
        _ => None,
    };
    let cross = (request.cross && matches!(request.what, Statistic::Faults | Statistic::Remedies))
        .then(|| figures::cross(facts, set.names));
    let count = |flag: fn(&Facts) -> bool| facts.iter().filter(|f| flag(f)).count();
    StatsReport {
        what: request.what,
        n_decisions: facts.len(),
        per: payments.then_some(request.per),
        roles: payments.then(|| request.roles.clone()),
        n_payment_amount_unstated: payments.then(|| count(|f| f.amount_unstated)),
        n_truncated: payments.then(|| count(|f| f.truncated)),
        figures,
        histogram,
        cross,
        groups,
        notes,
        request,
    }
}

impl GroupField {
    /// The period length of a time key (`year`, `quarter`, `month`).
    pub fn span(self) -> Option<Span> {
        match self {
            GroupField::Year => Some(Span::Year),
            GroupField::Quarter => Some(Span::Quarter),
            GroupField::Month => Some(Span::Month),
            _ => None,
        }
    }
}

#[cfg(test)]
impl StatsRequest {
    /// A request for `what` grouped `by`, with no query, filters or options:
    /// what unit tests here and in `output` start from.
    pub(crate) fn plain(what: Statistic, by: &[GroupField]) -> Self {
        StatsRequest {
            what,
            query: String::new(),
            filters: Filters::default(),
            by: by.to_vec(),
            per: PaymentBasis::Decision,
            roles: vec![PaymentRole::Agreed],
            histogram: None,
            top: None,
            min_count: 0,
            infer: false,
            cross: false,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Grouping and folding over hand-built facts: how keys are made, where
    //! missing values go, what folds into "(other)", and the order of rows.

    use super::*;
    use collect::{Name, Names};

    fn request(what: Statistic, by: &[GroupField]) -> StatsRequest {
        StatsRequest::plain(what, by)
    }

    /// Names for the values the tests use, looked up by text.
    struct Vocabulary {
        names: Names,
        handles: Vec<(&'static str, Name)>,
    }

    impl Vocabulary {
        fn new(values: &[&'static str]) -> Self {
            let (names, handles) = Names::interned(values);
            Vocabulary {
                names,
                handles: values.iter().copied().zip(handles).collect(),
            }
        }
        fn name(&self, value: &str) -> Name {
            self.handles
                .iter()
                .find(|(v, _)| *v == value)
                .map(|(_, n)| *n)
                .unwrap_or_else(|| panic!("{value} not in the vocabulary"))
        }
        /// Facts with an organisation (or none), an outcome and fault kinds.
        fn facts(&self, org: Option<&str>, outcome: Option<&str>, faults: &[&str]) -> Facts {
            Facts {
                organisation: org.map(|o| self.name(o)),
                outcome: outcome.map(|o| self.name(o)),
                faults: faults.iter().map(|f| self.name(f)).collect(),
                ..Facts::default()
            }
        }
    }

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(&[
            "Alpha",
            "Beta",
            "Gamma",
            "Upheld",
            "Not upheld",
            "delay",
            "record_keeping",
            "2021",
            "2022",
            "2023",
            "distress",
            "frustration",
        ])
    }

    /// Each group's key values, joined with `/`, and its decision count.
    fn rows(report: &StatsReport) -> Vec<(String, usize)> {
        report
            .groups
            .as_ref()
            .expect("grouped")
            .iter()
            .map(|g| {
                let key: Vec<&str> = g.key.values().map(String::as_str).collect();
                (key.join("/"), g.n_decisions)
            })
            .collect()
    }

    fn owned(rows: &[(&str, usize)]) -> Vec<(String, usize)> {
        rows.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }

    #[test]
    fn grouped_rows_run_by_count_then_value_with_missing_as_none() {
        let v = vocabulary();
        let facts = [
            v.facts(Some("Gamma"), Some("Upheld"), &[]),
            v.facts(Some("Beta"), Some("Upheld"), &[]),
            v.facts(Some("Gamma"), Some("Not upheld"), &[]),
            v.facts(None, None, &[]),
            v.facts(Some("Alpha"), Some("Upheld"), &[]),
            v.facts(Some("Gamma"), None, &[]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let report = super::report(
            &refs,
            &v.names,
            request(Statistic::Outcomes, &[GroupField::Organisation]),
        );
        assert_eq!(report.n_decisions, 6);
        // Ties (one decision each) by value; the missing marker sorts first.
        assert_eq!(
            rows(&report),
            owned(&[("Gamma", 3), (NONE, 1), ("Alpha", 1), ("Beta", 1)])
        );
        let groups = report.groups.as_ref().expect("grouped");
        assert!(groups.iter().all(|g| !g.other && g.folded_groups == 0));
        assert_eq!(groups[0].key.keys().collect::<Vec<_>>(), ["organisation"]);
        // Within a group, outcomes count the same way; a missing outcome
        // has its own label.
        let counts = groups[0].figures.counts.as_ref().expect("outcome counts");
        let counted: Vec<(&str, usize)> =
            counts.iter().map(|c| (c.value.as_str(), c.count)).collect();
        assert_eq!(
            counted,
            [("(no outcome line)", 1), ("Not upheld", 1), ("Upheld", 1)]
        );
        assert!(report.notes.iter().all(|n| !n.contains(OTHER)));
    }

    #[test]
    fn grouped_small_groups_fold_into_other_once() {
        let v = vocabulary();
        let facts = [
            v.facts(Some("Gamma"), Some("Upheld"), &["delay"]),
            v.facts(Some("Gamma"), Some("Upheld"), &["delay", "record_keeping"]),
            v.facts(Some("Beta"), Some("Upheld"), &["record_keeping"]),
            v.facts(None, Some("Upheld"), &[]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let mut r = request(Statistic::Outcomes, &[GroupField::Organisation]);
        r.min_count = 2;
        let report = super::report(&refs, &v.names, r);
        assert_eq!(rows(&report), owned(&[("Gamma", 2), (OTHER, 2)]));
        let other = &report.groups.as_ref().expect("grouped")[1];
        assert!(other.other);
        assert_eq!(other.folded_groups, 2);
        assert!(report
            .notes
            .contains(&"groups with fewer than 2 decisions are folded into (other)".to_string()));

        // A decision in several folded groups (two fault kinds) counts once.
        let mut r = request(Statistic::Faults, &[GroupField::Fault]);
        r.top = Some(0);
        let report = super::report(&refs, &v.names, r);
        assert_eq!(rows(&report), owned(&[(OTHER, 4)]));
        assert_eq!(report.groups.as_ref().expect("grouped")[0].folded_groups, 3);
        assert!(report
            .notes
            .iter()
            .any(|n| n.ends_with("or beyond the top 0 are folded into (other)")));
    }

    #[test]
    fn grouped_multi_valued_fields_count_in_each_value() {
        let v = vocabulary();
        let facts = [
            v.facts(Some("Alpha"), None, &["delay", "record_keeping"]),
            v.facts(Some("Alpha"), None, &["delay"]),
            v.facts(Some("Beta"), None, &[]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let report = super::report(
            &refs,
            &v.names,
            request(Statistic::Faults, &[GroupField::Fault]),
        );
        assert_eq!(
            rows(&report),
            owned(&[("delay", 2), (NONE, 1), ("record_keeping", 1)])
        );
        // Two fields: one row per pair of values, ordered by the values in
        // `--by` order, keyed by both names (the key is a map, so `rows`
        // lists its values by field name: fault before organisation).
        let report = super::report(
            &refs,
            &v.names,
            request(
                Statistic::Faults,
                &[GroupField::Organisation, GroupField::Fault],
            ),
        );
        assert_eq!(
            rows(&report),
            owned(&[
                ("delay/Alpha", 2),
                ("record_keeping/Alpha", 1),
                ("(none)/Beta", 1)
            ])
        );
        let first = &report.groups.as_ref().expect("grouped")[0];
        assert_eq!(
            first.key.keys().collect::<Vec<_>>(),
            ["fault", "organisation"]
        );
    }

    /// Facts dated in the given month, with an outcome.
    fn dated(v: &Vocabulary, year: i32, month: u8, outcome: &str) -> Facts {
        let date =
            time::Date::from_calendar_date(year, time::Month::try_from(month).expect("month"), 1)
                .expect("date");
        Facts {
            month: period::Month::of(date),
            ..v.facts(None, Some(outcome), &[])
        }
    }

    #[test]
    fn grouped_time_keys_run_in_time_order_with_empty_periods_and_no_date_last() {
        let v = vocabulary();
        let facts = [
            dated(&v, 2023, 11, "Upheld"),
            dated(&v, 2020, 2, "Upheld"),
            dated(&v, 2023, 10, "Not upheld"),
            dated(&v, 2022, 5, "Upheld"),
            dated(&v, 2023, 1, "Upheld"),
            v.facts(None, Some("Upheld"), &[]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let report =
            |by: &[GroupField]| super::report(&refs, &v.names, request(Statistic::Outcomes, by));
        // 2023 has the most decisions but runs last; 2021 is empty.
        assert_eq!(
            rows(&report(&[GroupField::Year])),
            owned(&[
                ("2020", 1),
                ("2021", 0),
                ("2022", 1),
                ("2023", 3),
                (NONE, 1)
            ])
        );
        let quarters = rows(&report(&[GroupField::Quarter]));
        assert_eq!(quarters.first(), Some(&("2020-Q1".to_string(), 1)));
        assert_eq!(quarters[1], ("2020-Q2".to_string(), 0));
        // 2020-Q1 to 2023-Q4 is 16 quarters, then the undated row.
        assert_eq!(quarters.len(), 17);
        assert_eq!(quarters[15], ("2023-Q4".to_string(), 2));
        let months = rows(&report(&[GroupField::Month]));
        assert_eq!(months.len(), (2023 - 2020) * 12 + 10 + 1);
        assert_eq!(months[months.len() - 3], ("2023-10".to_string(), 1));

        // A second key keeps its own order (decisions, then value) inside
        // each period; an empty period's row is keyed by the period alone.
        let report = report(&[GroupField::Year, GroupField::Outcome]);
        assert_eq!(
            rows(&report),
            owned(&[
                ("Upheld/2020", 1),
                ("2021", 0),
                ("Upheld/2022", 1),
                ("Upheld/2023", 2),
                ("Not upheld/2023", 1),
                ("Upheld/(none)", 1),
            ])
        );
        let empty = &report.groups.as_ref().expect("grouped")[1];
        assert_eq!(empty.figures.counts.as_deref(), Some(&[][..]));
    }

    #[test]
    fn grouped_time_key_over_undated_decisions_is_one_none_row() {
        let v = vocabulary();
        let facts = [
            v.facts(Some("Alpha"), Some("Upheld"), &[]),
            v.facts(Some("Beta"), Some("Upheld"), &[]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        for by in [GroupField::Year, GroupField::Quarter, GroupField::Month] {
            let report = super::report(&refs, &v.names, request(Statistic::Payments, &[by]));
            assert_eq!(rows(&report), owned(&[(NONE, 2)]), "{by:?}");
            let report = super::report(
                &refs,
                &v.names,
                request(Statistic::Outcomes, &[GroupField::Organisation, by]),
            );
            // One row per organisation, each of one undated decision.
            let got = rows(&report);
            assert_eq!(got.len(), 2, "{by:?}");
            assert!(got.iter().all(|(key, n)| *n == 1 && key.contains(NONE)));
        }
        let none: Vec<&Facts> = Vec::new();
        let report = super::report(
            &none,
            &v.names,
            request(Statistic::Payments, &[GroupField::Year]),
        );
        assert_eq!(rows(&report), owned(&[]));
    }

    #[test]
    fn grouped_time_key_second_runs_in_time_order_under_each_value() {
        let v = vocabulary();
        let facts = [
            Facts {
                organisation: Some(v.name("Beta")),
                ..dated(&v, 2023, 1, "Upheld")
            },
            Facts {
                organisation: Some(v.name("Alpha")),
                ..dated(&v, 2023, 1, "Upheld")
            },
            Facts {
                organisation: Some(v.name("Alpha")),
                ..dated(&v, 2020, 1, "Upheld")
            },
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let report = super::report(
            &refs,
            &v.names,
            request(
                Statistic::Outcomes,
                &[GroupField::Organisation, GroupField::Year],
            ),
        );
        assert_eq!(
            rows(&report),
            owned(&[("Alpha/2020", 1), ("Alpha/2023", 1), ("Beta/2023", 1)])
        );
    }

    #[test]
    fn grouped_time_key_top_keeps_the_largest_periods_and_fills_no_folded_one() {
        let v = vocabulary();
        let facts = [
            dated(&v, 2020, 1, "Upheld"),
            dated(&v, 2020, 2, "Upheld"),
            dated(&v, 2021, 1, "Upheld"),
            dated(&v, 2022, 1, "Upheld"),
            dated(&v, 2022, 1, "Upheld"),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let mut r = request(Statistic::Payments, &[GroupField::Year]);
        r.top = Some(2);
        let report = super::report(&refs, &v.names, r);
        assert_eq!(
            rows(&report),
            owned(&[("2020", 2), ("2022", 2), (OTHER, 1)])
        );
        // An empty period's payment figures are missing, not zero.
        let r = request(Statistic::Payments, &[GroupField::Year]);
        let facts = [dated(&v, 2020, 1, "Upheld"), dated(&v, 2022, 1, "Upheld")];
        let refs: Vec<&Facts> = facts.iter().collect();
        let report = super::report(&refs, &v.names, r);
        let empty = &report.groups.as_ref().expect("grouped")[1];
        assert_eq!(empty.n_decisions, 0);
        let summary = empty.figures.stats.as_ref().expect("summary");
        assert_eq!(
            (summary.n, summary.median, summary.share_with_payment),
            (0, None, None)
        );
    }

    #[test]
    fn grouped_purposes_per_payment_count_each_payment_in_each_purpose() {
        let v = vocabulary();
        let purposes = |ps: &[&str]| -> std::sync::Arc<[Name]> {
            ps.iter().map(|p| v.name(p)).collect::<Vec<_>>().into()
        };
        let facts = [
            Facts {
                payments: vec![
                    (300.0, purposes(&["distress", "frustration"])),
                    (200.0, purposes(&["distress"])),
                ]
                .into(),
                ..Facts::default()
            },
            Facts::default(),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let mut r = request(Statistic::Payments, &[GroupField::Purpose]);
        r.per = PaymentBasis::Payment;
        let report = super::report(&refs, &v.names, r);
        assert_eq!(
            rows(&report),
            owned(&[(NONE, 1), ("distress", 1), ("frustration", 1)])
        );
        let groups = report.groups.as_ref().expect("grouped");
        let n = |i: usize| groups[i].figures.stats.as_ref().expect("summary").n;
        // Both payments are for distress; one is also for frustration.
        // A group counts decisions, its summary counts payments.
        assert_eq!((n(1), n(2)), (2, 1));
    }

    #[test]
    fn payments_report_echoes_roles_and_counts_the_caveats() {
        let v = vocabulary();
        let paid = |amounts: &[f64]| Facts {
            payments: amounts
                .iter()
                .map(|&a| (a, std::sync::Arc::from(vec![v.name("distress")])))
                .collect(),
            ..Facts::default()
        };
        let facts = [
            paid(&[300.0, 150.0]),
            Facts {
                amount_unstated: true,
                ..paid(&[])
            },
            Facts {
                truncated: true,
                ..paid(&[100.0])
            },
            Facts {
                amount_unstated: true,
                truncated: true,
                ..Facts::default()
            },
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let mut r = request(Statistic::Payments, &[]);
        r.roles = vec![PaymentRole::Agreed, PaymentRole::Accepted];
        let report = super::report(&refs, &v.names, r);
        assert_eq!(
            report.roles.as_deref(),
            Some(&[PaymentRole::Agreed, PaymentRole::Accepted][..])
        );
        assert_eq!(report.n_payment_amount_unstated, Some(2));
        assert_eq!(report.n_truncated, Some(2));
        // Per decision, a decision's value is the total of its counted payments.
        let stats = report.figures.stats.as_ref().expect("summary");
        assert_eq!((stats.n, stats.sum, stats.max), (2, 550.0, Some(450.0)));
        assert_eq!(stats.share_with_payment, Some(0.5));
        assert!(
            report.notes[0]
                .starts_with("n counts decisions with a payment whose role is agreed or accepted;"),
            "{:?}",
            report.notes
        );
        assert!(
            report
                .notes
                .iter()
                .any(|n| n
                    .starts_with("2 of 4 decisions have an agreed payment with no stated amount")),
            "{:?}",
            report.notes
        );
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.starts_with("2 of 4 decisions have a text that looks truncated")),
            "{:?}",
            report.notes
        );
        let json = serde_json::to_value(&report).expect("serialises");
        assert_eq!(json["roles"], serde_json::json!(["agreed", "accepted"]));
        assert_eq!(
            json["request"]["roles"],
            serde_json::json!(["agreed", "accepted"])
        );
        assert_eq!(json["n_payment_amount_unstated"], 2);
        assert_eq!(json["n_truncated"], 2);

        // Other statistics neither echo roles nor count the caveats.
        let report = super::report(&refs, &v.names, request(Statistic::Outcomes, &[]));
        let json = serde_json::to_value(&report).expect("serialises");
        for key in ["roles", "n_payment_amount_unstated", "n_truncated"] {
            assert!(json.get(key).is_none(), "{key}");
        }
    }

    mod shared {
        //! One collection read by several reports gives each report what
        //! its own `run` gives, over an index of the corpus samples.

        use super::super::*;
        use crate::index::read::searcher;
        use crate::index::testing::{corpus, indexed, saying};

        /// Requests like the statistics page's tables, over `filters`.
        fn page_requests(query: &str, filters: &Filters) -> Vec<StatsRequest> {
            let plain = |what, by: &[GroupField]| StatsRequest {
                query: query.to_string(),
                filters: filters.clone(),
                ..StatsRequest::plain(what, by)
            };
            let mut histogram = plain(Statistic::Payments, &[]);
            histogram.histogram = Some(Buckets::Bands);
            let mut purposes = plain(Statistic::Payments, &[GroupField::Purpose]);
            purposes.per = PaymentBasis::Payment;
            let mut cross = plain(Statistic::Faults, &[]);
            cross.cross = true;
            let mut inferred = plain(Statistic::Outcomes, &[GroupField::Organisation]);
            inferred.infer = true;
            inferred.min_count = 2;
            vec![
                histogram,
                plain(Statistic::Payments, &[GroupField::Organisation]),
                plain(Statistic::Payments, &[GroupField::Category]),
                plain(Statistic::Payments, &[GroupField::Year]),
                plain(Statistic::Payments, &[GroupField::Fault]),
                purposes,
                plain(Statistic::Outcomes, &[GroupField::Year]),
                cross,
                plain(Statistic::Remedies, &[GroupField::Subcategory]),
                inferred,
            ]
        }

        fn decisions() -> Vec<crate::parse::Decision> {
            let mut decisions = corpus();
            decisions.push(saying("24 000 001", "Alpha Council", "a delay in a review"));
            decisions.push(saying(
                "24 000 002",
                "Beta Council",
                "the council paid £300",
            ));
            decisions
        }

        #[test]
        fn run_all_gives_each_request_what_its_own_run_gives() {
            let (_dir, index) = indexed(decisions());
            let searcher = searcher(&index).expect("searcher");
            let upheld = Filters {
                outcome: Some("upheld".into()),
                ..Filters::default()
            };
            for (query, filters) in [("", Filters::default()), ("council", upheld)] {
                let requests = page_requests(query, &filters);
                let together = run_all(
                    &index,
                    &searcher,
                    requests.clone(),
                    &Executor::single_thread(),
                )
                .expect("runs");
                assert_eq!(together.len(), requests.len());
                for (request, shared) in requests.into_iter().zip(together) {
                    let alone = run(&index, &searcher, request).expect("runs");
                    assert!(alone.n_decisions > 0, "{query:?} selects decisions");
                    assert_eq!(
                        serde_json::to_value(&shared).expect("serialises"),
                        serde_json::to_value(&alone).expect("serialises"),
                    );
                }
            }
        }

        #[test]
        fn run_all_refuses_requests_that_select_differently() {
            let (_dir, index) = indexed(decisions());
            let searcher = searcher(&index).expect("searcher");
            let single = Executor::single_thread();
            let mut requests = page_requests("", &Filters::default());
            requests[1].query = "council".into();
            let error = run_all(&index, &searcher, requests, &single).expect_err("refused");
            assert!(error.to_string().contains("query and filters"), "{error}");

            let mut requests = page_requests("", &Filters::default());
            requests[2].roles = vec![PaymentRole::Agreed, PaymentRole::Offered];
            let error = run_all(&index, &searcher, requests, &single).expect_err("refused");
            assert!(error.to_string().contains("payment roles"), "{error}");

            assert!(run_all(&index, &searcher, vec![], &single)
                .expect("runs")
                .is_empty());
        }
    }
}
