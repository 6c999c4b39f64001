//! Charges an agreement names without their sum: `reimburse her storage
//! costs` (the £1,960 she paid, told in another sentence), `remove the
//! interest and administration charge` (the £515 and £125 added to her
//! account). The sum told elsewhere is then the agreed payment.

use std::sync::LazyLock;

use regex::Regex;

use super::money::amounts;
use super::{agreed_before, Mention, NARRATIVE};
use crate::parse::decision::{PaymentRole, Purpose, SectionKind};
use crate::parse::text::pattern::regex;
use crate::parse::text::sentences::Block;

/// A verb that takes a charge away or pays it back, and its object when that
/// names no sum: `reimburse her storage costs`, `write off the part of the
/// overpayment`.
static TAKES_BACK_CHARGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:refund|reimburse|repay|write\s+off|waive|cancel|remove|withdraw)\s+(?:the|her|his|their|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*['’]s)\s+((?:[\w'’-]+\s+){0,4}(?:costs?|charges?|fees?|interest|invoices?|bills?|top-ups?|overpayments?))\b",
    )
});

/// The verbs every match of [`TAKES_BACK_CHARGE`] begins with, in
/// lowercase text: one literal search of a block finds the sentences to read.
static TAKES_BACK_VERBS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("refund|reimburs|repay|write|waive|cancel|remov|withdr")
        .expect("a valid alternation of literals")
});

/// Someone other than the body right before the verb: `agreed Mrs T could
/// repay the charges in instalments` is hers to pay.
static PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:she|he|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:(?:could|can|may|might|would|will|should|must|to)\s+)?$",
    )
});

/// A sum right after the object: `waive the top-up charges of £2,184` names
/// its sum, and is read where it stands.
static SUM_NEXT: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*(?:of\s+|\(\s*)?£"));

/// Words of an object that say nothing of which charge it is.
const NOT_NAMING: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "her",
    "his",
    "their",
    "its",
    "this",
    "that",
    "part",
    "rest",
    "remaining",
    "any",
    "all",
    "full",
    "whole",
    "total",
    "outstanding",
    "unpaid",
    "extra",
    "additional",
    "further",
];

/// Nouns every charge may bear: they name none.
const ANY_CHARGE: &[&str] = &["cost", "charge", "fee", "invoice", "bill"];

/// A word's stem for comparing: lowercase, without a plural `s`.
fn stem(word: &str) -> String {
    let word = word.to_lowercase();
    match word.strip_suffix('s') {
        Some(singular) if singular.len() > 2 => singular.to_string(),
        _ => word,
    }
}

/// Whether `word` is `stem` (lowercase) or its plural, in any case.
fn has_stem(word: &str, stem: &str) -> bool {
    word.strip_suffix(['s', 'S'])
        .filter(|singular| singular.len() > 2 && singular.len() == stem.len())
        .unwrap_or(word)
        .eq_ignore_ascii_case(stem)
}

/// The words of `text` with their byte starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The stems by which each agreement in the decision's own sections names a
/// charge it takes back without its sum: one list per agreement.
fn charges_named(blocks: &[Block]) -> Vec<(usize, usize, Vec<String>)> {
    let mut named = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        if block.kind.is_some_and(|k| NARRATIVE.contains(&k)) {
            continue;
        }
        let in_action = block.kind == Some(SectionKind::AgreedAction);
        let verbs = block.sentences_with(|lower| {
            TAKES_BACK_VERBS
                .find_iter(lower)
                .map(|m| m.range())
                .collect::<Vec<_>>()
        });
        for s in verbs {
            let sentence = &block.sentences()[s];
            // Most such sentences name a sum or no charge: the fast search first.
            if !TAKES_BACK_CHARGE.is_match(sentence.text) {
                continue;
            }
            for object in TAKES_BACK_CHARGE.captures_iter(sentence.text) {
                let (Some(verb), Some(object)) = (object.get(0), object.get(1)) else {
                    continue;
                };
                let before = &sentence.text[..verb.start()];
                let agreed = in_action || agreed_before(before).is_some_and(|(agreed, _)| agreed);
                if !agreed
                    || PERSON_BEFORE.is_match(before)
                    || SUM_NEXT.is_match(&sentence.text[object.end()..])
                {
                    continue;
                }
                let naming: Vec<String> = words(object.as_str())
                    .map(|(_, w)| stem(w))
                    .filter(|w| {
                        !NOT_NAMING.contains(&w.as_str()) && !ANY_CHARGE.contains(&w.as_str())
                    })
                    .collect();
                // `refund the fees` alone names no charge: a payment whose
                // amount the decision leaves unstated (DOMAIN.md).
                if !naming.is_empty() {
                    named.push((b, s, naming));
                }
            }
        }
    }
    named
}

/// Whether the amount of `m` is the sum its sentence gives a word with one
/// of `stems`: the first lump sum after the word in its clause (`interest
/// of £515 and an administration charge of £125`, `storage ... £70 a week
/// for 28 weeks, £1,960 in all`), else the last before it (`£1,150 of the
/// overpayment`).
fn named_by(m: &Mention, blocks: &[Block], stems: &[String]) -> bool {
    let text = blocks[m.block].sentences()[m.sentence].text;
    let mut naming = words(text)
        .filter(|(_, w)| stems.iter().any(|stem| has_stem(w, stem)))
        .peekable();
    if naming.peek().is_none() {
        return false;
    }
    let sums: Vec<(usize, usize)> = amounts(text)
        .iter()
        .filter(|a| a.period.is_none())
        .map(|a| (a.start, a.end))
        .collect();
    naming.any(|(at, word)| {
        let end = at + word.len();
        let after = sums
            .iter()
            .find(|(start, _)| *start >= end && !text[end..*start].contains(';'));
        let before = || sums.iter().rev().find(|(_, sum_end)| *sum_end <= at);
        after
            .or_else(before)
            .is_some_and(|(start, _)| *start == m.amount.start)
    })
}

/// Makes agreed the sums that an agreement names only by their charge, and
/// marks them `referred`. A sum already agreed, a rate or an end of a range
/// is left as it is.
pub(super) fn agree_referred_charges(mentions: &mut [Mention], blocks: &[Block]) {
    let open = |m: &Mention| {
        matches!(m.payment.role, PaymentRole::Other | PaymentRole::Claimed)
            && m.amount.period.is_none()
            && !m.amount.in_range
    };
    if !mentions.iter().any(open) {
        return;
    }
    let named = charges_named(blocks);
    if named.is_empty() {
        return;
    }
    let agreed: Vec<i64> = mentions
        .iter()
        .filter(|m| m.payment.role == PaymentRole::Agreed)
        .map(|m| m.amount.pence)
        .collect();
    for m in mentions.iter_mut() {
        if !open(m) || agreed.contains(&m.amount.pence) {
            continue;
        }
        let referred = named
            .iter()
            .any(|(b, s, stems)| (*b, *s) != (m.block, m.sentence) && named_by(m, blocks, stems));
        if referred {
            m.payment.role = PaymentRole::Agreed;
            m.payment.purpose = vec![Purpose::FinancialLoss];
            m.referred = true;
        }
    }
}
