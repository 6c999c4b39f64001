//! Fills a [`Decision`]'s extracted fields from its summary and sections:
//! payments and the agreed total, remedy kinds and deadline, the overall
//! finding, the faults with their evidence, and whether it goes to Ofsted.
//!
//! Each text is split into sentences once; every extractor then reads those
//! sentences, so a decision is read in one pass per field, with regexes
//! compiled once per process. Work per decision is bounded (see
//! [`bounds`]); a decision that reaches a limit gets a warning saying which.
//!
//! One file or folder per extractor: `payment/` (amounts in `money`, their
//! purposes and recipient in `purpose`), `fault/` (with its `taxonomy` and the
//! built-in `faults.toml`), `remedy`, `finding`, `ofsted` and `complainant`.
//! `bounds` holds the caps on work per decision they all share, `body`
//! the names of the body complained about (`council`, `care provider`,
//! `trust`, ...) that every rule naming the body is written with, and
//! `negation` how every rule writes "not" (`did not`, `didn't`).

pub mod body;
pub mod bounds;
pub mod complainant;
pub mod fault;
pub mod finding;
pub mod negation;
pub mod ofsted;
pub mod payment;
pub mod remedy;

use crate::parse::decision::{Decision, Finding, Payment, PaymentRole, Purpose, SectionKind};
use crate::parse::structure::sections::lost_finding_at;
use crate::parse::text::sentences::Block;
use crate::parse::warning::Warning;
use bounds::{Cap, Reached};
use fault::taxonomy::Taxonomy;
use payment::money::REMEDY_CEILING_POUNDS;

/// Reads the summary, sections and complainant of `decision` and fills
/// `payments`, `agreed_total`, `accepted_total`, `remedies`,
/// `payment_amount_unstated`, `deadline_days`, `finding`, `faults` and
/// `shared_with_ofsted`, warning where the finding is one the outcome line
/// rules out.
pub fn extract(decision: &mut Decision, taxonomy: &Taxonomy) {
    let mut blocks: Vec<Block> = Vec::with_capacity(decision.sections.len() + 1);
    if let Some(summary) = decision.summary.as_deref() {
        blocks.push(Block::new(None, summary));
    }
    for section in &decision.sections {
        // An older page's finding and recommendations inside `The complaint`
        // are read as the findings they are.
        match lost_finding_at(section) {
            Some(at) => {
                if at > 0 {
                    blocks.push(Block::new(Some(section.kind), &section.text[..at]));
                }
                blocks.push(Block::new(Some(SectionKind::Findings), &section.text[at..]));
            }
            None => blocks.push(Block::new(Some(section.kind), &section.text)),
        }
    }

    let reached = Reached::default();
    let mut payments = payment::payments(&blocks, decision.complainant.as_deref(), &reached);
    let implausible = demote_implausible(&mut payments);
    let agreed_total = lump_sum_total(&payments, PaymentRole::Agreed);
    let agreed_sentences: Vec<&str> = payments
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed)
        .map(|p| p.sentence.as_str())
        .collect();
    let remedy::Remedies {
        kinds: remedies,
        deadline_days,
        amount_unstated: payment_amount_unstated,
    } = remedy::remedies(&blocks, &agreed_sentences);
    drop(agreed_sentences);
    let fault_findings = fault::FaultFindings::new(&blocks);
    let finding = finding::finding_in(&fault_findings, !remedies.is_empty())
        .settled_by(decision.outcome.as_deref());
    // With no fault found there is no injustice to remedy: what the body
    // paid or offered on its own (`a goodwill gesture, although it does not
    // accept fault`) is an offer the decision does not adopt, unless its
    // own sentence judges it sufficient.
    if finding == Some(Finding::NoFault) {
        for p in payments.iter_mut().filter(|p| {
            p.role == PaymentRole::Accepted && payment::judged_sufficient(&p.sentence).is_none()
        }) {
            p.role = PaymentRole::Offered;
        }
    }
    let accepted_total = lump_sum_total(&payments, PaymentRole::Accepted);
    let faults = fault::faults_in(&fault_findings, taxonomy, &reached);
    drop(fault_findings);
    let shared_with_ofsted = ofsted::shared_with_ofsted(&blocks);
    if blocks.iter().any(|b| b.cut_long()) {
        reached.hit(Cap::LongSentence);
    }
    drop(blocks);

    decision.warnings.extend(reached.warnings());
    decision.payments = payments;
    decision.warnings.extend(implausible);
    decision
        .warnings
        .extend(finding::disagreement(decision.outcome.as_deref(), finding));
    decision.agreed_total = agreed_total;
    decision.accepted_total = accepted_total;
    decision.remedies = remedies;
    decision.payment_amount_unstated = payment_amount_unstated;
    decision.deadline_days = deadline_days;
    decision.finding = finding;
    decision.faults = faults;
    decision.shared_with_ofsted = shared_with_ofsted;
}

/// The sum of the lump sums (no rates) of one role, rounded to pence.
fn lump_sum_total(payments: &[Payment], role: PaymentRole) -> f64 {
    // Summed as f64 (no integer overflow on absurd amounts), rounded to pence.
    // Folded from +0.0: `sum` of no floats is -0.0, which printed as `-0.0`
    // and fell outside the query range `agreed_total:[0 TO 0]`.
    let sum: f64 = payments
        .iter()
        .filter(|p| p.role == role && p.period.is_none())
        .fold(0.0, |sum, p| sum + p.amount);
    // Rounding goes through pence, which f64 holds exactly only below 2^53
    // pence; above that (absurd amounts) scaling would add error, not remove it.
    if sum.abs() < (1u64 << 53) as f64 / 100.0 {
        (sum * 100.0).round() / 100.0
    } else {
        sum
    }
}

/// Turns agreed and offered payments above [`REMEDY_CEILING_POUNDS`] into
/// `other` (no remedy purpose, as `payment` gives every `other` amount) and
/// returns one warning for each, so the agreed total never counts a figure
/// no ombudsman remedy reaches while the amount stays visible to check.
fn demote_implausible(payments: &mut [Payment]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for p in payments {
        if p.role != PaymentRole::Other && p.amount > REMEDY_CEILING_POUNDS {
            warnings.push(Warning::ImplausibleAmount {
                role: p.role,
                amount: p.amount,
            });
            p.role = PaymentRole::Other;
            p.purpose = vec![Purpose::Unspecified];
        }
    }
    warnings
}

#[cfg(test)]
mod tests;
