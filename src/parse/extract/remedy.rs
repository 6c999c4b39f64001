//! Kinds of remedy and the earliest deadline, from the agreed action.
//!
//! Remedies are read from the agreed-action section; where it names none
//! (missing, cut off, or only narrative), from the summary and final decision
//! sentences that say what the body agreed to (or will, or should) do, or
//! what the Ombudsman recommends. The deadline is likewise the earliest the
//! agreed action sets (`within one month of my final decision`), and only
//! where it sets none are the summary and final decision read. Working days are counted as calendar days
//! times 7/5 rounded up (`10 working days` -> 14), months as 30 days, years as 365.
//!
//! The same sentences say whether a payment is agreed without its amount:
//! "refund the fees", "reimburse Mr X", "backdate the payments", "pay the
//! cost of the missed respite", "a sum equivalent to". Such a sentence that
//! names no agreed amount (no agreed payment was read from it) marks the
//! decision's payment amount as unstated, so statistics can say that the
//! agreed total undercounts it.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, regex_read_through, Prefilter, Slot};

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
        .map(|(kind, needs, re)| {
            // These three cost less read through than hopping between
            // their first words (measured, see docs/performance.md).
            let compile = match kind {
                RemedyKind::Apology | RemedyKind::Payment | RemedyKind::ProvideEvidence => {
                    regex_read_through
                }
                _ => regex,
            };
            (*kind, *needs, compile(&format!("(?i){re}")))
        })
        .collect()
});

/// A sentence outside the agreed action that states the remedy: the body
/// agreed, will or should act, or the Ombudsman recommends it (not "we will
/// not investigate").
pub(crate) static REMEDY_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:{body}|it|they|bodies|body|both|home|board)\s+(?:has\s+|have\s+|had\s+|also\s+|now\s+|therefore\s+)*(?:agreed|agrees|will|should|must|shall|undertakes|undertook|undertaken|accepted\s+(?:my|our|the)\s+recommend\w*)\b|\b(?:I|we|ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+|therefore\s+)*recommend\w*\b|\brecommend\w*\s+(?:that\s+)?(?:the|it|they)\b|\bagreed\s+(?:to|actions?)\b|\bto remedy\b|\b(?:is|are|was|would be|provides?)\s+(?:an?\s+)?(?:satisfactory|suitable|appropriate|proportionate|fair)\s+remedy",
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

/// Whether `text` states its remedy counterfactually ([`COUNTERFACTUAL`]):
/// `would have` anywhere, or an `if` before the statement at `statement`
/// (`If the Council had ..., we would ...`). An `if` after it conditions one
/// part of what was agreed (`agreed to hold a fresh appeal and, if it is
/// successful, reimburse`), which is still agreed.
fn supposes_before(text: &str, statement: usize) -> bool {
    COUNTERFACTUAL
        .find_iter(text)
        .any(|m| m.start() < statement || !m.as_str().eq_ignore_ascii_case("if"))
}

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
                    && REMEDY_STATEMENT.find(s.text).is_some_and(|statement| {
                        !(b.has(i, COUNTERFACTUAL_NEEDS)
                            && supposes_before(s.text, statement.start()))
                    }));
            if keep {
                out.push((in_action, b, i));
            }
        }
    }
    out
}

/// A payment the remedy asks for without stating its amount: a refund,
/// reimbursement or backdating of something, paying or meeting a cost, fee
/// or charge, or a sum equivalent to something. Plural nouns on their own
/// ("its policy on refunds") are not a payment.
pub(crate) static UNQUANTIFIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \brefund(?:s|ed|ing)?\s+(?:the|his|her|their|its|any|all|him|them|mr|mrs|ms|miss|dr|what|money|fees?|charges?|payments?|costs?|rent|council\s+tax)\b
        | \b(?:a|the|full)\s+refund\s+(?:of|for)\b
        | \b(?:make|makes|making|give|gives|issue|issues|provide|provides)\s+(?:a\s+|the\s+|any\s+)?refunds?\b
        | \breimburs(?:e|es|ed|ing)\s+(?:the|his|her|their|its|any|all|him|them|mr|mrs|ms|miss|dr|what|for)\b
        | \bback-?dat(?:e|es|ing)\s+(?:the|his|her|their|its|any|all|mr|mrs|ms|miss|dr|payments?|benefits?|allowances?|entitlement|award|reduction|discount|exemption)\b
        | \bback-?dated\s+(?:payments?|benefits?|allowances?|awards?|reductions?|discounts?)\b
        | \b(?:pay|pays|paying|meet|meets|cover|covers)\s+(?:[\w'’]+\s+){0,4}?(?:costs?|fees|expenses|charges|arrears|bills?)\b
        | \b(?:sum|amount|payment)\s+(?:equivalent|equal)\s+to\b
        ",
    )
});
/// The word beginnings every match of [`UNQUANTIFIED`] has.
pub(crate) const UNQUANTIFIED_NEEDS: Prefilter = Prefilter::new(
    Slot::RemedyUnquantified,
    &[
        "refund",
        "reimburs",
        "back",
        "cost",
        "fees",
        "expens",
        "charges",
        "arrears",
        "bill",
        "equivalent",
        "equal",
    ],
);

/// What the agreed remedy is: its kinds, its earliest deadline, and whether
/// it asks for a payment without stating the amount.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remedies {
    /// The kinds of remedy, sorted and deduplicated; `payment` is always
    /// included when an agreed payment was found or an amount is unstated.
    pub kinds: Vec<RemedyKind>,
    /// The earliest deadline, in days.
    pub deadline_days: Option<u32>,
    /// Whether a remedy sentence asks for a payment ([`UNQUANTIFIED`]) and no
    /// agreed amount was read from it.
    pub amount_unstated: bool,
}

/// The remedy of a decision, read from the same sentences, chosen once:
/// the agreed action, or (where it names no kind) the sentences of the
/// summary and final decision that state what was agreed; an unquantified
/// payment in the agreed action counts even where it names no kind. `agreed` holds the
/// sentences the agreed payments were read from (as stored on each payment,
/// possibly an excerpt of a long sentence).
pub fn remedies(blocks: &[Block], agreed: &[&str]) -> Remedies {
    let (action, stated): (Vec<Read>, Vec<Read>) = remedy_sentences(blocks)
        .into_iter()
        .partition(|(in_action, _, _)| *in_action);

    let mut named = kinds_in(&action);
    let from_action = !named.is_empty();
    if !from_action {
        named = kinds_in(&stated);
    }
    // A payment without its amount is a payment remedy, named or not
    // ("backdate the payments", "meet Mr Y's costs").
    let amount_unstated =
        amount_unstated(&action, agreed) || (!from_action && amount_unstated(&stated, agreed));
    let mut kinds: Vec<RemedyKind> = Vec::new();
    if !agreed.is_empty() || amount_unstated {
        kinds.push(RemedyKind::Payment);
    }
    for kind in named {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.sort();

    let earliest = |sentences: &[Read]| {
        sentences
            .iter()
            .filter(|(_, b, i)| b.has(*i, DEADLINE_NEEDS))
            .filter_map(|(_, b, i)| earliest_in(b.sentences()[*i].text))
            .min()
    };
    let deadline_days = earliest(&action).or_else(|| earliest(&stated));
    Remedies {
        kinds,
        deadline_days,
        amount_unstated,
    }
}

/// Whether one of `sentences` asks for a payment without an amount: it
/// matches [`UNQUANTIFIED`] and none of the agreed payments was read from it.
fn amount_unstated(sentences: &[Read], agreed: &[&str]) -> bool {
    sentences.iter().any(|(_, b, i)| {
        let text = b.sentences()[*i].text;
        b.has(*i, UNQUANTIFIED_NEEDS)
            && UNQUANTIFIED.is_match(text)
            && !agreed.iter().any(|from| {
                // A long sentence's evidence is an excerpt between ellipses.
                let excerpt = from.trim_matches('…');
                !excerpt.is_empty() && text.contains(excerpt)
            })
    })
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

    /// The kinds, with `payment` added as when an agreed payment was found.
    fn remedies(blocks: &[Block], has_agreed_payment: bool) -> Vec<RemedyKind> {
        let agreed: &[&str] = if has_agreed_payment {
            &["(a payment)"]
        } else {
            &[]
        };
        super::remedies(blocks, agreed).kinds
    }

    fn deadline_days(blocks: &[Block]) -> Option<u32> {
        super::remedies(blocks, &[]).deadline_days
    }

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

    /// Whether the remedy of `action` (and `summary`) leaves a payment's
    /// amount unstated, given the sentences agreed payments were read from.
    fn unstated(action: &str, summary: &str, agreed: &[&str]) -> bool {
        let remedy = super::remedies(&blocks(action, summary), agreed);
        // An unquantified payment is a payment remedy.
        if remedy.amount_unstated {
            assert!(remedy.kinds.contains(&Payment), "{remedy:?}");
        }
        remedy.amount_unstated
    }

    #[test]
    fn unstated_refunds_and_reimbursements() {
        assert!(unstated(
            "Within one month, refund the fees Mr X paid for the placement.",
            "",
            &[]
        ));
        assert!(unstated(
            "The Council will make a full refund of the charges.",
            "",
            &[]
        ));
        assert!(unstated(
            "Reimburse Mrs Y for the cost of the private assessment.",
            "",
            &[]
        ));
        assert!(unstated(
            "Reimburse the travel costs Mr Z incurred.",
            "",
            &[]
        ));
    }

    #[test]
    fn unstated_backdating() {
        assert!(unstated("Backdate the payments to April 2022.", "", &[]));
        assert!(unstated(
            "The Council will back-date Ms B's council tax reduction.",
            "",
            &[]
        ));
        assert!(unstated(
            "Make a backdated payment of the allowance.",
            "",
            &[]
        ));
    }

    #[test]
    fn unstated_costs_and_equivalent_sums() {
        assert!(unstated(
            "Pay Mrs X the cost of the missed respite.",
            "",
            &[]
        ));
        assert!(unstated("Meet Mr Y's legal costs.", "", &[]));
        assert!(unstated(
            "Pay Miss Z a sum equivalent to the lost direct payments.",
            "",
            &[]
        ));
    }

    #[test]
    fn unstated_read_from_the_summary_when_no_action_section_names_a_remedy() {
        assert!(unstated("", "The Council agreed to refund the fees.", &[]));
        // A counterfactual is not a remedy.
        assert!(!unstated(
            "",
            "The Council should have refunded the fees.",
            &[]
        ));
        assert!(!unstated(
            "",
            "If the Council had agreed to refund the fees, we would not have investigated.",
            &[]
        ));
        // An `if` after the agreement conditions one part of it.
        assert!(unstated(
            "",
            "The Council has agreed to hold a fresh appeal and, if it is successful, reimburse Mrs X’s travel costs.",
            &[]
        ));
    }

    #[test]
    fn a_stated_agreed_amount_in_the_same_statement_is_not_unstated() {
        let sentence = "Refund Mr X the £450 he paid in fees.";
        assert!(!unstated(sentence, "", &[sentence]));
        // A long sentence's payment carries an excerpt of it.
        assert!(!unstated(sentence, "", &["…the £450 he paid…"]));
        // Another sentence's amount does not state this one's.
        assert!(unstated(
            "Pay Mr X £200 for distress.\nRefund the fees he paid.",
            "",
            &["Pay Mr X £200 for distress."]
        ));
        // An amount read with another role (a fee) leaves the remedy's unstated.
        assert!(unstated(sentence, "", &[]));
    }

    #[test]
    fn not_unstated_without_a_payment_remedy() {
        assert!(!unstated(
            "Pay Mr X £300 for distress.",
            "",
            &["Pay Mr X £300 for distress."]
        ));
        assert!(!unstated("Review its policy on refunds.", "", &[]));
        assert!(!unstated(
            "Apologise to Mrs Y.\nRemind staff of the charging policy.",
            "",
            &[]
        ));
        assert!(!unstated(
            "",
            "The Council charged Mr X fees for the placement.",
            &[]
        ));
        assert!(!unstated("", "", &[]));
    }
}
