//! The arithmetic: payment summaries, percentiles, outcome rates, kind counts,
//! histograms and the fault × remedy table.

use std::collections::BTreeMap;

use serde::Serialize;

use super::collect::{Facts, Name, Names};
use super::set::Set;
use super::{Bucket, Buckets, Count, CrossCell, Figures, PaymentBasis, Statistic, StatsRequest};
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

/// The summary of sorted payment `values` counted over the decisions `docs`
/// of `set` (a group's or the whole set's).
fn summary(set: &Set, docs: &[u32], v: &[f64]) -> Summary {
    let sum: f64 = v.iter().sum();
    let totals = set.totals();
    let with_payment = docs.iter().filter(|&&d| totals[d as usize] > 0.0).count();
    Summary {
        n: v.len(),
        sum,
        mean: (!v.is_empty()).then(|| sum / v.len() as f64),
        min: v.first().copied(),
        p25: percentile(v, 25.0),
        median: percentile(v, 50.0),
        p75: percentile(v, 75.0),
        p90: percentile(v, 90.0),
        max: v.last().copied(),
        share_with_payment: ratio(with_payment, docs.len()),
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

/// The outcomes --infer reads from a finding, in the order of their slots.
const INFERRED: [&str; 3] = [
    "Upheld (inferred)",
    "Not upheld (inferred)",
    "Closed after initial enquiries (inferred)",
];

/// The slot of a decision's outcome as counted: the printed outcome's
/// [`Name::index`], then one slot past the names for each inferred outcome
/// (with --infer), then one for the missing marker.
fn outcome_slot(f: &Facts, names: &Names, infer: bool) -> usize {
    if let Some(o) = f.outcome {
        return o.index();
    }
    let inferred = match f.finding.map(|n| names.get(n)) {
        Some("fault_injustice") | Some("fault_no_injustice") if infer => Some(0),
        Some("no_fault") if infer => Some(1),
        Some("not_investigated") if infer => Some(2),
        _ => None,
    };
    names.slots() + inferred.unwrap_or(INFERRED.len())
}

/// The text an outcome slot prints as.
fn outcome_text(names: &Names, slot: usize) -> String {
    match slot.checked_sub(names.slots()) {
        None => names.at(slot).to_string(),
        Some(i) => INFERRED.get(i).copied().unwrap_or(NO_OUTCOME).to_string(),
    }
}

/// The label for decisions without an outcome line.
pub const NO_OUTCOME: &str = "(no outcome line)";

/// Counts of each label (tallied by slot, then merged by the text each
/// one prints as), by count then text.
fn counts(
    labels: impl Iterator<Item = usize>,
    slots: usize,
    text: impl Fn(usize) -> String,
    n: usize,
) -> Vec<Count> {
    let mut tally = vec![0usize; slots];
    let mut seen: Vec<usize> = Vec::new();
    for label in labels {
        if tally[label] == 0 {
            seen.push(label);
        }
        tally[label] += 1;
    }
    let mut by_text: BTreeMap<String, usize> = BTreeMap::new();
    for label in seen {
        *by_text.entry(text(label)).or_default() += tally[label];
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

/// The figures of one statistic over the decisions `docs` of `set` (the
/// whole set or one group), whose counted payment values are `values`,
/// ascending.
pub fn compute(set: &Set, request: &StatsRequest, docs: &[u32], values: &[f64]) -> Figures {
    let (facts, names) = (set.facts, set.names);
    let n = docs.len();
    let each = || docs.iter().map(|&d| facts[d as usize]);
    match request.what {
        Statistic::Payments => Figures {
            stats: Some(summary(set, docs, values)),
            ..Default::default()
        },
        Statistic::Outcomes => {
            let labels = each().map(|f| outcome_slot(f, names, request.infer));
            let slots = names.slots() + INFERRED.len() + 1;
            let counts = counts(labels, slots, |slot| outcome_text(names, slot), n);
            Figures {
                upheld_rate: Some(upheld_rates(&counts)),
                counts: Some(counts),
                ..Default::default()
            }
        }
        Statistic::Faults | Statistic::Remedies => {
            let faults = request.what == Statistic::Faults;
            let labels = each().flat_map(|f| {
                let kinds = if faults { &f.faults } else { &f.remedies };
                kinds.iter().map(|n| n.index())
            });
            let text = |slot| names.at(slot).to_string();
            Figures {
                counts: Some(counts(labels, names.slots(), text, n)),
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

/// Decisions with each (fault, remedy) pair, by count then names: counted
/// in a matrix of fault × remedy slots (the last slot of a row for no
/// remedy), then named.
pub fn cross(facts: &[&Facts], names: &Names) -> Vec<CrossCell> {
    // Dense numbers for the names that are fault or remedy kinds.
    let (mut fault_of, mut remedy_of) =
        (vec![u32::MAX; names.slots()], vec![u32::MAX; names.slots()]);
    let (mut faults, mut remedies): (Vec<Name>, Vec<Name>) = (Vec::new(), Vec::new());
    for f in facts {
        for &fault in f.faults.iter() {
            if fault_of[fault.index()] == u32::MAX {
                fault_of[fault.index()] = faults.len() as u32;
                faults.push(fault);
            }
        }
        for &remedy in f.remedies.iter() {
            if remedy_of[remedy.index()] == u32::MAX {
                remedy_of[remedy.index()] = remedies.len() as u32;
                remedies.push(remedy);
            }
        }
    }
    let width = remedies.len() + 1;
    let mut pairs = vec![0usize; faults.len() * width];
    let mut per_fault = vec![0usize; faults.len()];
    for f in facts {
        for &fault in f.faults.iter() {
            let row = fault_of[fault.index()] as usize;
            per_fault[row] += 1;
            if f.remedies.is_empty() {
                pairs[row * width + remedies.len()] += 1;
            }
            for &remedy in f.remedies.iter() {
                pairs[row * width + remedy_of[remedy.index()] as usize] += 1;
            }
        }
    }
    // Merged by text, as two names never print alike but the marker for no
    // remedy is text too.
    let mut by_text: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for (row, &fault) in faults.iter().enumerate() {
        for column in 0..width {
            let count = pairs[row * width + column];
            if count == 0 {
                continue;
            }
            let remedy = remedies.get(column).map_or(super::NONE, |&r| names.get(r));
            let cell = by_text.entry((names.get(fault), remedy)).or_default();
            cell.0 += count;
            cell.1 = per_fault[row];
        }
    }
    let mut cells: Vec<CrossCell> = by_text
        .into_iter()
        .map(|((fault, remedy), (count, of_fault))| CrossCell {
            share_of_fault: ratio(count, of_fault).unwrap_or(0.0),
            fault: fault.to_string(),
            remedy: remedy.to_string(),
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
        // Slots 0 and 4 both print as "Upheld": counts merge slots by text.
        let texts = [
            "Upheld",
            "Not upheld",
            "Closed after initial enquiries",
            NO_OUTCOME,
            "Upheld",
        ];
        let slots = [0, 4, 1, 2, 3];
        let text = |slot: usize| texts[slot].to_string();
        let counted = counts(slots.iter().copied(), texts.len(), text, slots.len());
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
