//! Kinds of remedy and the earliest deadline, from the agreed action.
//!
//! Remedies are read from the agreed-action section; where it names none
//! (missing, cut off, or only narrative), from the summary and final decision
//! sentences that say what the body agreed to (or will, or should) do, or
//! what the Ombudsman recommends. The deadline is likewise the earliest the
//! agreed action sets (`within one month of my final decision`), and only
//! where it sets none are the summary and final decision read. Working days are counted as calendar days
//! times 7/5 rounded up (`10 working days` -> 14), months as 30 days, years as 365.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, Prefilter, Slot};

use crate::parse::decision::{RemedyKind, SectionKind};
use crate::parse::extract::payment::money::{small_number, words_value};
use crate::parse::text::prefix::PrefixPattern;
use crate::parse::text::sentences::Block;

/// Each kind, the prefilter of its pattern (word beginnings every match has),
/// and the pattern, made case-insensitive when compiled into [`KINDS`].
pub(crate) const KIND_PATTERNS: [(RemedyKind, Prefilter, &str); 6] = [
    (
        RemedyKind::Apology,
        Prefilter::new(Slot::KindApology, &["apologi", "apology", "say"]),
        r"\bapologi[sz]\w*|\bapology|\bsay sorry",
    ),
    (
        RemedyKind::Payment,
        Prefilter::new(
            Slot::KindPayment,
            &[
                "pay",
                "refund",
                "reimburs",
                "compensat",
                "writ",
                "waiv",
                "financial",
            ],
        ),
        r"\bpa(?:y|ys|ying)\b|\bpayments?\b|\brefund\w*|\breimburs\w*|\bcompensat\w*|\bwrit\w* off|\bwaiv\w*|\bfinancial (?:remedy|redress)",
    ),
    (
        RemedyKind::ServiceImprovement,
        Prefilter::new(
            Slot::KindService,
            &[
                "remind",
                "train",
                "guidance",
                "issue",
                "audit",
                "service",
                "improve",
                "learning",
                "lessons",
                "action",
                "database",
                "briefing",
                "prevent",
                "polic",
                "procedure",
                "process",
                "practice",
                "system",
                "protocol",
                "checklist",
                "template",
                "letters",
                "website",
                "arrangements",
            ],
        ),
        r"\bremind\w*|\btrain\w*|\bguidance to (?:its |all |relevant )?(?:staff|officers)|\bissue (?:\w+ ){0,2}?guidance|\baudit\w*|\bservice improvements?|\bimprove\w*|\blearning|\blessons|\baction plan|\bdatabase|\bbriefing|\bprevent (?:\w+ ){0,4}?(?:recurrence|reoccurrence|happening again|similar|future|repeat)|\bto prevent|\b(?:develop|introduce|put in place|create|establish|set up|adopt|devise|produce|amend|change|update|revise|review)\w*\s+(?:[\w'’]+\s+){0,4}?(?:polic(?:y|ies)|procedures?|process(?:es)?|practices?|guidance|systems?|protocols?|checklists?|templates?|letters|website|arrangements|training)\b",
    ),
    (
        RemedyKind::CompleteAction,
        Prefilter::new(
            Slot::KindComplete,
            &[
                "complet",
                "carry",
                "finalis",
                "finish",
                "stage",
                "review",
                "panel",
                "assessment",
                "investigation",
                "appeal",
                "respond",
                "consider",
                "issue",
            ],
        ),
        r"\bcomplet\w*\s+(?:[\w'’]+\s+){0,4}?(?:assessments?|investigations?|reviews?|stage|complaints?|actions?|plans?|recommendations?|reports?|process)\b|\bcarry out\s+(?:[\w'’]+\s+){0,3}?(?:assessments?|investigations?|reviews?|reassessments?|panel)\b|\bfinalis\w*|\bfinish\w*|\b(?:begin|start|arrange|hold|convene|offer)\w*\s+(?:[\w'’]+\s+){0,4}?(?:stage (?:one|two|three|1|2|3)|review panel|panel|assessments?|investigations?|reviews?|appeal)\b|\brespond to (?:[\w'’]+\s+){0,3}?complaint|\bconsider (?:[\w'’]+\s+){0,3}?complaint\b|\bissue (?:[\w'’]+\s+){0,3}?(?:plan|response)\b",
    ),
    (
        RemedyKind::Reconsider,
        Prefilter::new(
            Slot::KindReconsider,
            &[
                "reconsider",
                "re-consider",
                "reassess",
                "re-assess",
                "new",
                "fresh",
                "decide",
                "decision",
                "redetermin",
                "review",
            ],
        ),
        r"\breconsider\w*|\bre-consider\w*|\breassess\w*|\bre-assess\w*|\b(?:new|fresh) (?:decision|assessment|appeal|hearing|determination)|\bdecide again|\b(?:make|take) (?:a|the|its) decision again|\bredetermin\w*|\breview (?:[\w'’]+\s+){0,3}?(?:decision|banding|eligibility|application|entitlement|charges?|bill|needs)\b",
    ),
    (
        RemedyKind::ProvideEvidence,
        Prefilter::new(
            Slot::KindEvidence,
            &["evidence", "provide", "send", "confirm", "demonstrate"],
        ),
        r"\bevidence\b(?:\s+[\w'’]+){0,8}?\s+(?:complied|compliance|implemented|taken|completed|done)\b|\bprovide (?:us|the ombudsman|the ombudsmen|evidence)\b|\bsend (?:us|the ombudsman) (?:\w+ ){0,2}?(?:evidence|confirmation|copy|copies)|\bconfirm (?:to us|to the ombudsman)|\bdemonstrate (?:to us|to the ombudsman|that it has)|\bevidence of compliance",
    ),
];

/// [`KIND_PATTERNS`], compiled once.
pub(crate) static KINDS: LazyLock<Vec<(RemedyKind, Prefilter, Regex)>> = LazyLock::new(|| {
    KIND_PATTERNS
        .iter()
        .map(|(kind, needs, re)| (*kind, *needs, regex(&format!("(?i){re}"))))
        .collect()
});

/// A sentence outside the agreed action that states the remedy: the body
/// agreed, will or should act, or the Ombudsman recommends it (not "we will
/// not investigate").
pub(crate) static REMEDY_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:council|it|they|trust|provider|authority|organisations?|bodies|body|councils|both|school|home|board|agency|partnership)\s+(?:has\s+|have\s+|had\s+|also\s+|now\s+|therefore\s+)*(?:agreed|agrees|will|should|must|shall|undertakes|undertook|undertaken|accepted\s+(?:my|our|the)\s+recommend\w*)\b|\b(?:I|we|ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+|therefore\s+)*recommend\w*\b|\brecommend\w*\s+(?:that\s+)?(?:the|it|they)\b|\bagreed\s+(?:to|actions?)\b|\bto remedy\b|\b(?:is|are|was|would be|provides?)\s+(?:an?\s+)?(?:satisfactory|suitable|appropriate|proportionate|fair)\s+remedy",
    )
});
/// The word beginnings every match of [`REMEDY_STATEMENT`] has.
pub(crate) const REMEDY_STATEMENT_NEEDS: Prefilter = Prefilter::new(
    Slot::RemedyStatement,
    &[
        "agree",
        "will",
        "should",
        "must",
        "shall",
        "undert",
        "accepted",
        "recommend",
        "remedy",
    ],
);
pub(crate) static COUNTERFACTUAL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:should|would|could) have\b|\bif\b"));
/// The word beginnings every match of [`COUNTERFACTUAL`] has.
pub(crate) const COUNTERFACTUAL_NEEDS: Prefilter = Prefilter::new(
    Slot::RemedyCounterfactual,
    &["should", "would", "could", "if"],
);

/// `within one month`, `4 weeks of my final decision`, `10 working days`.
pub(crate) static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(within|in|by|no later than)?\s*\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|twenty[- ]one|thirty|forty|sixty|ninety)\s+(working\s+|calendar\s+|business\s+|school\s+)?(days?|weeks?|months?|years?)\b(\s+(?:of|from|after|following)\s+(?:the\s+)?(?:date\s+(?:of\s+)?)?(?:my|our|the|this|its)\s+(?:final\s+)?decision)?",
    )
});
/// The word beginnings every match of [`DEADLINE`] has.
pub(crate) const DEADLINE_NEEDS: Prefilter =
    Prefilter::new(Slot::RemedyDeadline, &["day", "week", "month", "year"]);

/// Words before a `within` period that make it the body's own timescale, not the remedy's.
static NOT_A_DEADLINE: LazyLock<PrefixPattern> = LazyLock::new(|| {
    PrefixPattern::new(
        r"(?i)\b(?:remind\w*|ensur\w*|statutory|timescales?|timeframes?|should be|must be|are due|is due|required to)\b",
    )
});

/// One sentence a remedy is read from: whether it is in the agreed action, its
/// block and its index there.
type Read<'a, 'b> = (bool, &'a Block<'b>, usize);

/// The sentences a remedy is read from: the agreed action, and the summary and
/// final decision sentences that state what was agreed.
fn remedy_sentences<'a, 'b>(blocks: &'a [Block<'b>]) -> Vec<Read<'a, 'b>> {
    let mut out = Vec::new();
    for b in blocks {
        let in_action = b.kind == Some(SectionKind::AgreedAction);
        let stated = b.is(&[None, Some(SectionKind::FinalDecision)]);
        let may_state = stated && b.has_any(REMEDY_STATEMENT_NEEDS);
        if !in_action && !may_state {
            continue;
        }
        for (i, s) in b.sentences().iter().enumerate() {
            let keep = in_action
                || (b.has(i, REMEDY_STATEMENT_NEEDS)
                    && REMEDY_STATEMENT.is_match(s.text)
                    && !(b.has(i, COUNTERFACTUAL_NEEDS) && COUNTERFACTUAL.is_match(s.text)));
            if keep {
                out.push((in_action, b, i));
            }
        }
    }
    out
}

/// The kinds of remedy, sorted and deduplicated; `payment` is always included
/// when an agreed payment was found.
#[cfg(test)]
pub fn remedies(blocks: &[Block], has_agreed_payment: bool) -> Vec<RemedyKind> {
    remedies_and_deadline(blocks, has_agreed_payment).0
}

/// The earliest deadline the agreed action sets, in days.
#[cfg(test)]
pub fn deadline_days(blocks: &[Block]) -> Option<u32> {
    remedies_and_deadline(blocks, false).1
}

/// The kinds of remedy (sorted and deduplicated; `payment` is always included
/// when an agreed payment was found) and the earliest deadline in days, both
/// read from the same sentences, chosen once.
pub fn remedies_and_deadline(
    blocks: &[Block],
    has_agreed_payment: bool,
) -> (Vec<RemedyKind>, Option<u32>) {
    let (action, stated): (Vec<Read>, Vec<Read>) = remedy_sentences(blocks)
        .into_iter()
        .partition(|(in_action, _, _)| *in_action);

    let mut found: Vec<RemedyKind> = Vec::new();
    if has_agreed_payment {
        found.push(RemedyKind::Payment);
    }
    let mut named = kinds_in(&action);
    if named.is_empty() {
        named = kinds_in(&stated);
    }
    for kind in named {
        if !found.contains(&kind) {
            found.push(kind);
        }
    }
    found.sort();

    let earliest = |sentences: &[Read]| {
        sentences
            .iter()
            .filter(|(_, b, i)| b.has(*i, DEADLINE_NEEDS))
            .filter_map(|(_, b, i)| earliest_in(b.sentences()[*i].text))
            .min()
    };
    let deadline = earliest(&action).or_else(|| earliest(&stated));
    (found, deadline)
}

/// The kinds named in some sentences, in table order.
fn kinds_in(sentences: &[Read]) -> Vec<RemedyKind> {
    KINDS
        .iter()
        .filter(|(_, needs, re)| {
            sentences
                .iter()
                .any(|(_, b, i)| b.has(*i, *needs) && re.is_match(b.sentences()[*i].text))
        })
        .map(|(kind, _, _)| *kind)
        .collect()
}

/// The earliest deadline in one sentence: one tied to the final decision, or a
/// `within` period in a sentence that is not about staff timescales.
fn earliest_in(sentence: &str) -> Option<u32> {
    // The words before each period, all asked of one search of the sentence
    // (a search per period is quadratic in a sentence repeating `within 28 days`).
    let not_a_deadline = std::cell::OnceCell::new();
    let loose_ok = |c: &regex::Captures| {
        let within = c
            .get(1)
            .is_some_and(|w| w.as_str().eq_ignore_ascii_case("within"));
        let start = c.get(0).map_or(0, |m| m.start());
        within
            && !not_a_deadline
                .get_or_init(|| NOT_A_DEADLINE.prefixes(sentence))
                .matches(start)
    };
    DEADLINE
        .captures_iter(sentence)
        .filter(|c| c.get(5).is_some() || loose_ok(c))
        .filter_map(|c| {
            let n = count(c.get(2)?.as_str())?;
            let working = c
                .get(3)
                .is_some_and(|w| !w.as_str().trim().eq_ignore_ascii_case("calendar"));
            let unit = c.get(4)?.as_str().to_ascii_lowercase();
            days(n, working, &unit)
        })
        .min()
}

fn count(word: &str) -> Option<u32> {
    let n = word.parse::<u32>().ok().or_else(|| {
        let word = word.replace('-', " ");
        small_number(&word)
            .or_else(|| words_value(&word))
            .and_then(|n| u32::try_from(n).ok())
    })?;
    (n > 0).then_some(n)
}

fn days(n: u32, working: bool, unit: &str) -> Option<u32> {
    let unit = unit.trim_end_matches('s');
    match unit {
        "day" if working => n.checked_mul(7).map(|d| d.div_ceil(5)),
        "day" => Some(n),
        "week" => n.checked_mul(7),
        "month" => n.checked_mul(30),
        "year" => n.checked_mul(365),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RemedyKind::*;

    fn blocks<'a>(action: &'a str, summary: &'a str) -> Vec<Block<'a>> {
        vec![
            Block::new(None, summary),
            Block::new(Some(SectionKind::AgreedAction), action),
        ]
    }

    #[test]
    fn kinds_from_the_agreed_action() {
        let b = blocks(
            "Within 4 weeks the Council has agreed to:\nApologise to Miss X.\nPay Miss X £300.\nComplete action six.\nRemind relevant staff of the importance of recording meetings.\nThe Council should provide us with evidence it has complied with the above actions.",
            "",
        );
        assert_eq!(
            remedies(&b, true),
            vec![
                Apology,
                Payment,
                ServiceImprovement,
                CompleteAction,
                ProvideEvidence
            ]
        );
    }

    #[test]
    fn kinds_from_the_summary_when_stated() {
        let b = blocks("", "The Council agreed to reconsider its decision and review its policy. It had apologised in 2022.");
        assert_eq!(remedies(&b, false), vec![ServiceImprovement, Reconsider]);
        let b = blocks(
            "",
            "The Council should have apologised. It refused to reassess.",
        );
        assert!(remedies(&b, false).is_empty());
    }

    #[test]
    fn summary_is_only_a_fallback() {
        let b = blocks(
            "Remind staff of the policy.",
            "The Council agreed to apologise.",
        );
        assert_eq!(remedies(&b, false), vec![ServiceImprovement]);
    }

    #[test]
    fn stage_two_and_database() {
        let b = blocks(
            "The Council will begin and complete a stage two investigation within 65 working days of my final decision.\nWithin three months, the Council will compile a database of Investigating Officers.",
            "",
        );
        assert_eq!(
            remedies(&b, false),
            vec![ServiceImprovement, CompleteAction]
        );
        assert_eq!(deadline_days(&b), Some(90));
    }

    #[test]
    fn deadlines_in_each_unit() {
        let d = |t: &str| deadline_days(&blocks(t, ""));
        assert_eq!(
            d("Within 4 weeks of my final decision, apologise."),
            Some(28)
        );
        assert_eq!(
            d("Within one month of the date of my final decision, pay £300."),
            Some(30)
        );
        assert_eq!(d("Within two months, review its policy."), Some(60));
        assert_eq!(
            d("Three months from the date of the final decision, report."),
            Some(90)
        );
        assert_eq!(d("Pay Mr X £100 within 10 working days."), Some(14));
        assert_eq!(d("Pay Mr X £100 within 20 days."), Some(20));
        assert_eq!(
            d("Within one month pay £200. Within 14 days apologise."),
            Some(14)
        );
    }

    #[test]
    fn staff_timescales_are_not_deadlines() {
        let b = blocks("Remind staff that stage one responses are due within 10 working days.\nApologise within one month.", "");
        assert_eq!(deadline_days(&b), Some(30));
        assert_eq!(
            deadline_days(&blocks(
                "Apologise.",
                "The Council will pay £100 within 3 months."
            )),
            Some(90)
        );
        assert_eq!(deadline_days(&blocks("", "")), None);
    }
}
