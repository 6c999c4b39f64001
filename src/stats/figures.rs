//! The arithmetic: payment summaries, percentiles, outcome rates, kind counts,
//! histograms and the fault × remedy table.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::collect::{Facts, Name, Names};
use super::{
    Bucket, Buckets, Count, CrossCell, Figures, PaymentBasis, Statistic, StatsRequest, Unit,
};
use crate::names::name_of;
use crate::parse::PaymentRole;

/// Count, sum and spread of payment values.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Values counted (decisions with a payment of the counted roles, or
    /// those payments).
    pub n: usize,
    /// Sum, pounds.
    pub sum: f64,
    /// Mean (null when n = 0).
    pub mean: Option<f64>,
    /// Smallest.
    pub min: Option<f64>,
    /// 25th percentile.
    pub p25: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// 75th percentile.
    pub p75: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// Largest.
    pub max: Option<f64>,
    /// Share of the decisions in the set with any payment of the counted
    /// roles (null for a set of no decisions: an empty period).
    pub share_with_payment: Option<f64>,
}

/// An upheld rate with its numerator and denominator.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rate {
    /// Upheld decisions.
    pub upheld: usize,
    /// The denominator.
    pub denominator: usize,
    /// upheld / denominator (null when the denominator is 0).
    pub rate: Option<f64>,
}

/// The upheld rate over the two denominators in use.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpheldRates {
    /// Over all decisions with an outcome (read or, with --infer, inferred).
    pub of_decisions_with_outcome: Rate,
    /// Over investigated decisions: excluding "closed after initial enquiries"
    /// (the Ombudsman's own definition).
    pub of_investigated: Rate,
}

/// The p-th percentile (0–100) of sorted values, by linear interpolation
/// between closest ranks (the method of R's default and numpy's default).
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo as f64))
}

/// The payment values the units stand for.
pub fn values(facts: &[&Facts], units: &[Unit], per: PaymentBasis) -> Vec<f64> {
    let mut values: Vec<f64> = match per {
        PaymentBasis::Decision => {
            let mut docs: Vec<usize> = units.iter().map(|u| u.doc).collect();
            docs.dedup();
            docs.into_iter()
                .map(|d| facts[d].total())
                .filter(|t| *t > 0.0)
                .collect()
        }
        PaymentBasis::Payment => units
            .iter()
            .filter_map(|u| u.payment.map(|i| facts[u.doc].payments[i].0))
            .collect(),
    };
    values.sort_by(f64::total_cmp);
    values
}

fn summary(facts: &[&Facts], units: &[Unit], per: PaymentBasis) -> Summary {
    let v = values(facts, units, per);
    let sum: f64 = v.iter().sum();
    let with_payment = facts.iter().filter(|f| f.total() > 0.0).count();
    Summary {
        n: v.len(),
        sum,
        mean: (!v.is_empty()).then(|| sum / v.len() as f64),
        min: v.first().copied(),
        p25: percentile(&v, 25.0),
        median: percentile(&v, 50.0),
        p75: percentile(&v, 75.0),
        p90: percentile(&v, 90.0),
        max: v.last().copied(),
        share_with_payment: ratio(with_payment, facts.len()),
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// How an outcome counts toward the upheld rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutcomeClass {
    Upheld,
    NotUpheld,
    Closed,
    Unknown,
}

/// Reads current and older outcome wordings ("maladministration causing
/// injustice", "local settlement", "no maladministration").
fn outcome_class(outcome: &str) -> OutcomeClass {
    let o = outcome.to_lowercase();
    if o.contains("not upheld") || o.contains("no maladministration") || o.contains("no fault") {
        OutcomeClass::NotUpheld
    } else if o.contains("closed") || o.contains("premature") || o.contains("outside jurisdiction")
    {
        OutcomeClass::Closed
    } else if o.contains("upheld")
        || o.contains("maladministration")
        || o.contains("local settlement")
    {
        OutcomeClass::Upheld
    } else {
        OutcomeClass::Unknown
    }
}

/// The outcome of a decision as counted: printed, inferred, or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum OutcomeLabel {
    Printed(Name),
    Inferred(&'static str),
    Missing,
}

/// The outcome label of a decision: as printed, inferred from the finding
/// (with --infer), or the missing marker.
fn outcome_label(f: &Facts, names: &Names, infer: bool) -> OutcomeLabel {
    if let Some(o) = f.outcome {
        return OutcomeLabel::Printed(o);
    }
    let inferred = match f.finding.map(|n| names.get(n)) {
        Some("fault_injustice") | Some("fault_no_injustice") if infer => Some("Upheld (inferred)"),
        Some("no_fault") if infer => Some("Not upheld (inferred)"),
        Some("not_investigated") if infer => Some("Closed after initial enquiries (inferred)"),
        _ => None,
    };
    inferred.map_or(OutcomeLabel::Missing, OutcomeLabel::Inferred)
}

/// The label for decisions without an outcome line.
pub const NO_OUTCOME: &str = "(no outcome line)";

/// Counts of each label (tallied by handle, then merged by the text each
/// one prints as), by count then text.
fn counts<L: Copy + Eq + std::hash::Hash>(
    labels: impl Iterator<Item = L>,
    text: impl Fn(L) -> String,
    n: usize,
) -> Vec<Count> {
    let mut tally: HashMap<L, usize> = HashMap::new();
    for label in labels {
        *tally.entry(label).or_default() += 1;
    }
    let mut by_text: BTreeMap<String, usize> = BTreeMap::new();
    for (label, count) in tally {
        *by_text.entry(text(label)).or_default() += count;
    }
    let mut out: Vec<Count> = by_text
        .into_iter()
        .map(|(value, count)| Count {
            share: ratio(count, n).unwrap_or(0.0),
            value,
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

/// Upheld rates from outcome counts (each distinct outcome classified once).
fn upheld_rates(counts: &[Count]) -> UpheldRates {
    let (mut upheld, mut with_outcome, mut closed) = (0, 0, 0);
    for c in counts.iter().filter(|c| c.value != NO_OUTCOME) {
        with_outcome += c.count;
        match outcome_class(&c.value) {
            OutcomeClass::Upheld => upheld += c.count,
            OutcomeClass::Closed => closed += c.count,
            OutcomeClass::NotUpheld | OutcomeClass::Unknown => {}
        }
    }
    let investigated = with_outcome - closed;
    UpheldRates {
        of_decisions_with_outcome: Rate {
            upheld,
            denominator: with_outcome,
            rate: ratio(upheld, with_outcome),
        },
        of_investigated: Rate {
            upheld,
            denominator: investigated,
            rate: ratio(upheld, investigated),
        },
    }
}

/// The figures of one statistic over `facts` (the decisions of the set or group).
pub fn compute(facts: &[&Facts], names: &Names, units: &[Unit], request: &StatsRequest) -> Figures {
    let n = facts.len();
    match request.what {
        Statistic::Payments => Figures {
            stats: Some(summary(facts, units, request.per)),
            ..Default::default()
        },
        Statistic::Outcomes => {
            let labels = facts.iter().map(|f| outcome_label(f, names, request.infer));
            let text = |label| match label {
                OutcomeLabel::Printed(name) => names.get(name).to_string(),
                OutcomeLabel::Inferred(text) => text.to_string(),
                OutcomeLabel::Missing => NO_OUTCOME.to_string(),
            };
            let counts = counts(labels, text, n);
            Figures {
                upheld_rate: Some(upheld_rates(&counts)),
                counts: Some(counts),
                ..Default::default()
            }
        }
        Statistic::Faults | Statistic::Remedies => {
            let faults = request.what == Statistic::Faults;
            let labels = facts.iter().flat_map(|f| {
                if faults {
                    f.faults.iter().copied()
                } else {
                    f.remedies.iter().copied()
                }
            });
            Figures {
                counts: Some(counts(labels, |name| names.get(name).to_string(), n)),
                ..Default::default()
            }
        }
    }
}

/// Caveats for the whole set.
pub fn notes(facts: &[&Facts], request: &StatsRequest) -> Vec<String> {
    let mut notes = Vec::new();
    match request.what {
        Statistic::Payments => {
            let roles = roles_text(&request.roles);
            notes.push(match request.per {
                PaymentBasis::Decision => format!("n counts decisions with a payment whose role is {roles}; values are each decision's total of those payments (lump sums: a rate such as £50 a month never counts)"),
                PaymentBasis::Payment => format!("n counts payments whose role is {roles}; values are individual lump sums (a rate such as £50 a month never counts)"),
            });
            let unstated = facts.iter().filter(|f| f.amount_unstated).count();
            notes.push(format!("{unstated} of {} decisions have an agreed payment with no stated amount (a refund, reimbursement, backdating, 'the cost of'); the figures leave those payments out", facts.len()));
            let truncated = facts.iter().filter(|f| f.truncated).count();
            notes.push(format!("{truncated} of {} decisions have a text that looks truncated; an agreed payment there may be missing", facts.len()));
        }
        Statistic::Outcomes => {
            let missing = facts.iter().filter(|f| f.outcome.is_none()).count();
            if missing > 0 {
                notes.push(if request.infer {
                    format!("{missing} decisions have no outcome line; their outcome is inferred from the extracted finding where there is one, marked (inferred)")
                } else {
                    format!("{missing} decisions have no outcome line; they are counted as {NO_OUTCOME} and left out of both rates (--infer reads them from the finding)")
                });
            }
            notes.push("upheld rate: of_decisions_with_outcome divides by every decision with an outcome; of_investigated leaves out 'Closed after initial enquiries'".into());
        }
        Statistic::Faults | Statistic::Remedies => {
            notes.push("counts are decisions showing each kind; a decision can show several, so shares can add up to more than 1".into())
        }
    }
    notes
}

/// The roles as a note names them: `agreed`, `agreed or accepted`.
fn roles_text(roles: &[PaymentRole]) -> String {
    let names: Vec<&str> = roles.iter().map(name_of).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// Histogram of sorted payment values.
pub fn histogram(values: &[f64], buckets: Buckets) -> Vec<Bucket> {
    let edges: Vec<f64> = match buckets {
        Buckets::Bands => vec![0.0, 100.0, 300.0, 500.0, 1000.0, 5000.0],
        Buckets::Width(w) => {
            let max = values.last().copied().unwrap_or(0.0);
            let n = ((max / w).floor() as usize + 1).min(10_000);
            (0..n).map(|i| i as f64 * w).collect()
        }
    };
    let open_top = matches!(buckets, Buckets::Bands);
    edges
        .iter()
        .enumerate()
        .map(|(i, &from)| {
            let to = edges.get(i + 1).copied().or(if open_top {
                None
            } else {
                Some(from + width(buckets))
            });
            let count = values
                .iter()
                .filter(|v| **v >= from && to.is_none_or(|t| **v < t))
                .count();
            Bucket {
                label: bucket_label(from, to, buckets),
                from,
                to,
                count,
            }
        })
        .collect()
}

fn width(buckets: Buckets) -> f64 {
    match buckets {
        Buckets::Width(w) => w,
        Buckets::Bands => 0.0,
    }
}

fn bucket_label(from: f64, to: Option<f64>, buckets: Buckets) -> String {
    use crate::output::pounds;
    match (to, buckets) {
        (None, _) => format!("{}+", pounds(from)),
        (Some(t), Buckets::Bands) if from == 0.0 => format!("under {}", pounds(t)),
        (Some(t), _) => format!("{}–{}", pounds(from), pounds(t - 1.0)),
    }
}

/// Decisions with each (fault, remedy) pair, by count then names.
pub fn cross(facts: &[&Facts], names: &Names) -> Vec<CrossCell> {
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut per_fault: BTreeMap<String, usize> = BTreeMap::new();
    for f in facts {
        for &fault in &f.faults {
            let fault = names.get(fault);
            *per_fault.entry(fault.to_string()).or_default() += 1;
            let remedies: Vec<&str> = if f.remedies.is_empty() {
                vec![super::NONE]
            } else {
                f.remedies.iter().map(|&r| names.get(r)).collect()
            };
            for remedy in remedies {
                *pairs
                    .entry((fault.to_string(), remedy.to_string()))
                    .or_default() += 1;
            }
        }
    }
    let mut cells: Vec<CrossCell> = pairs
        .into_iter()
        .map(|((fault, remedy), count)| CrossCell {
            share_of_fault: ratio(count, per_fault[&fault]).unwrap_or(0.0),
            fault,
            remedy,
            count,
        })
        .collect();
    cells.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.fault, &a.remedy).cmp(&(&b.fault, &b.remedy)))
    });
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let v = [150.0, 300.0, 300.0, 300.0, 400.0];
        assert_eq!(percentile(&v, 50.0), Some(300.0));
        assert_eq!(percentile(&v, 0.0), Some(150.0));
        assert_eq!(percentile(&v, 100.0), Some(400.0));
        assert_eq!(percentile(&[100.0, 200.0], 25.0), Some(125.0));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn outcome_wordings_old_and_new() {
        assert_eq!(outcome_class("Upheld"), OutcomeClass::Upheld);
        assert_eq!(outcome_class("Not upheld"), OutcomeClass::NotUpheld);
        assert_eq!(
            outcome_class("Closed after initial enquiries"),
            OutcomeClass::Closed
        );
        assert_eq!(
            outcome_class("Upheld: maladministration and injustice"),
            OutcomeClass::Upheld
        );
        assert_eq!(outcome_class("Local settlement"), OutcomeClass::Upheld);
        assert_eq!(
            outcome_class("No maladministration"),
            OutcomeClass::NotUpheld
        );
    }

    #[test]
    fn bands_and_fixed_width_histograms() {
        let v = [50.0, 150.0, 300.0, 400.0, 5000.0];
        let bands = histogram(&v, Buckets::Bands);
        let counts: Vec<usize> = bands.iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![1, 1, 2, 0, 0, 1]);
        assert_eq!(bands[0].label, "under £100");
        assert_eq!(bands[1].label, "£100–£299");
        assert_eq!(bands[5].label, "£5,000+");
        let fixed = histogram(&[150.0, 300.0, 400.0], Buckets::Width(100.0));
        let counts: Vec<usize> = fixed.iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![0, 1, 0, 1, 1]);
        assert_eq!(fixed[1].label, "£100–£199");
    }

    #[test]
    fn upheld_rate_states_both_denominators() {
        let labels = [
            "Upheld",
            "Upheld",
            "Not upheld",
            "Closed after initial enquiries",
            NO_OUTCOME,
        ];
        let counted = counts(labels.iter().copied(), str::to_string, labels.len());
        assert_eq!(counted[0].value, "Upheld");
        assert_eq!(counted[0].count, 2);
        let r = upheld_rates(&counted);
        assert_eq!(
            (
                r.of_decisions_with_outcome.upheld,
                r.of_decisions_with_outcome.denominator
            ),
            (2, 4)
        );
        assert_eq!(
            (r.of_investigated.upheld, r.of_investigated.denominator),
            (2, 3)
        );
    }
}
