//! What a payment is for and whom it is paid to, from the words around its amount.
//!
//! Purposes are read from the words after the amount up to the next amount
//! (`£300 for her distress and £150 for time and trouble`), and where those
//! name none, from the words before it (`In recognition of her distress the
//! Council will pay £850`). Lost opportunity counts as loss of service: it is
//! the chance of a service or outcome the person did not get, and the
//! Ombudsman's guidance treats both as a loss to be acknowledged.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, regex_read_through, Prefilter, Slot};

use crate::parse::decision::Purpose;

/// Each purpose, the prefilter of its pattern (word beginnings every match
/// has), and the words that name it, compiled into [`PURPOSES`].
pub(crate) const PURPOSE_PATTERNS: [(Purpose, Prefilter, &str); 6] = [
    (
        Purpose::Distress,
        Prefilter::new(
            Slot::PurposeDistress,
            &[
                "distress",
                "anxi",
                "upset",
                "worr",
                "stress",
                "hurt",
                "outrage",
                "injury",
                "emotional",
                "shock",
                "embarrass",
                "humiliat",
                "avoidable",
            ],
        ),
        r"distress|anxi|upset|worr(?:y|ied)|stress|hurt|outrage|injury to feelings|emotional|shock|embarrass|humiliat|avoidable harm",
    ),
    (
        Purpose::TimeAndTrouble,
        Prefilter::new(Slot::PurposeTime, &["time", "trouble", "effort"]),
        r"time(?:,|\s+and)\s+trouble|time and effort|(?:trouble|effort) (?:she|he|they|it) (?:was|were|has been|had been) put to",
    ),
    (
        Purpose::Frustration,
        Prefilter::new(
            Slot::PurposeFrustration,
            &["frustrat", "uncertain", "inconvenien", "confusion"],
        ),
        r"frustrat|uncertain|inconvenien|confusion",
    ),
    (
        Purpose::LossOfService,
        Prefilter::new(
            Slot::PurposeLoss,
            &[
                "loss",
                "lost",
                "missed",
                "missing",
                "lack",
                "without",
                "educational",
            ],
        ),
        r"(?:(?:provision|education|schooling|tuition|therapy|support|sessions|respite) (?:\w+ ){0,2}?(?:missed|lost)\b)|(?:loss|lost|missed|missing|lack) (?:of )?(?:\w+ ){0,4}?(?:services?|education|provision|care|support|opportunit|respite|schooling|tuition|therapy|contact|placement|sessions|transport)|lost opportunit|missed opportunit|without (?:suitable |any |full-time )?(?:education|provision|care|support)|educational provision|(?:per|each|a) (?:term|month|week) of (?:missed|lost)",
    ),
    (
        Purpose::FinancialLoss,
        Prefilter::new(
            Slot::PurposeFinancial,
            &[
                "refund",
                "reimburs",
                "repay",
                "writ",
                "waiv",
                "arrears",
                "financial",
                "out",
                "incurred",
                "overpaid",
                "overcharg",
                "decorating",
                "cover",
                "expenses",
                "legal",
                "loss",
                "lost",
                "credit",
                "cost",
            ],
        ),
        r"refund|reimburs|repay|writ\w* off|waiv|arrears|financial loss|out of pocket|incurred|overpaid|overcharg|decorating|to cover (?:the |her |his |their )?(?:costs?|expenses)|expenses|legal costs|loss of (?:income|earnings)|lost (?:income|earnings)|credit|costs? (?:she|he|they) (?:paid|met)",
    ),
    (Purpose::Backdated, BACKDATED_NEEDS, r"backdat|back-dat"),
];

/// [`PURPOSE_PATTERNS`], compiled once.
pub(crate) static PURPOSES: LazyLock<Vec<(Purpose, Prefilter, Regex)>> = LazyLock::new(|| {
    PURPOSE_PATTERNS
        .iter()
        .map(|(purpose, needs, words)| (*purpose, *needs, regex(&format!(r"(?i)\b(?:{words})"))))
        .collect()
});

pub(crate) static SYMBOLIC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:symbolic|token|goodwill|good will|gesture)"));
/// The word beginnings every match of [`SYMBOLIC`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const SYMBOLIC_NEEDS: Prefilter = Prefilter::new(
    Slot::PurposeSymbolic,
    &["symbolic", "token", "goodwill", "good", "gesture"],
);

/// A refund-like verb right before the amount names financial loss whatever follows.
pub(crate) static DIRECT_FINANCIAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:refund\w*|reimburs\w*|repay\w*|writ\w*\s+off|waiv\w*|credit\w*|reduc\w*(?:\s+\S+){0,5}\s+by)\s+(?:\S+\s+){0,3}$",
    )
});
/// The word beginnings every match of [`DIRECT_FINANCIAL`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const DIRECT_FINANCIAL_NEEDS: Prefilter = Prefilter::new(
    Slot::PurposeDirectFinancial,
    &[
        "refund", "reimburs", "repay", "writ", "waiv", "credit", "reduc",
    ],
);

/// A new verb clause after an amount: its purposes belong to what follows.
pub(crate) static NEXT_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i)(?:\band\b|,|;)\s+(?:to\s+)?(?:also\s+)?(?:pay|refund|reimburse|repay|write|waive|credit|backdate|make|apologi[sz]e|review|remind|reconsider|provide|arrange|complete|carry)\b",
    )
});
/// The word beginnings every match of [`NEXT_CLAUSE`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const NEXT_CLAUSE_NEEDS: Prefilter = Prefilter::new(
    Slot::PurposeNextClause,
    &[
        "pay",
        "refund",
        "reimburse",
        "repay",
        "write",
        "waive",
        "credit",
        "backdate",
        "make",
        "apologi",
        "review",
        "remind",
        "reconsider",
        "provide",
        "arrange",
        "complete",
        "carry",
    ],
);

/// `backdate his housing benefit to April 2020 (approximately £2,400)`.
pub(crate) static BACKDATE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bback-?dat\w*[^.;£]*$"));
/// The word beginnings every match of [`BACKDATE_BEFORE`] has, and of the `Backdated`
/// pattern in [`PURPOSE_PATTERNS`]: one prefilter for both.
pub(crate) const BACKDATED_NEEDS: Prefilter =
    Prefilter::new(Slot::PurposeBackdated, &["backdat", "back-dat"]);

/// Words before an amount that introduce its reason.
pub(crate) static INTRODUCER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:in recognition of|recognising|to recognise|to acknowledge|acknowledging|to remedy|remedy for|to reflect|because of|given|due to|as a result of)\b",
    )
});
/// The word beginnings every match of [`INTRODUCER`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const INTRODUCER_NEEDS: Prefilter = Prefilter::new(
    Slot::PurposeIntroducer,
    &[
        "recognition",
        "recognis",
        "acknowledg",
        "remedy",
        "reflect",
        "because",
        "given",
        "due",
        "result",
    ],
);

/// The purposes named around an amount; `symbolic` only when no other is named,
/// `unspecified` when none is.
#[cfg(test)]
pub fn purposes(before: &str, after: &str) -> Vec<Purpose> {
    purposes_with(before, after, &|_| true)
}

/// The purposes named around an amount, where `has` says whether `before` and `after` may match a
/// pattern needing some words (`false` only when they certainly cannot).
pub fn purposes_with(before: &str, after: &str, has: &dyn Fn(Prefilter) -> bool) -> Vec<Purpose> {
    // `£5,000 and reimburse him £1,200 for decorating`: the next clause is the next payment's.
    let after = match has(NEXT_CLAUSE_NEEDS) {
        true => NEXT_CLAUSE
            .find(after)
            .map_or(after, |m| &after[..m.start()]),
        false => after,
    };
    let mut found = named(after, has);
    if found.is_empty() && has(INTRODUCER_NEEDS) {
        // Only what the words before introduce as the reason: not `apologised for the upset`.
        if let Some(m) = INTRODUCER.find_iter(before).last() {
            found = named(&before[m.start()..], has);
        }
    }
    if found.is_empty() && has(BACKDATED_NEEDS) && BACKDATE_BEFORE.is_match(before) {
        found.push(Purpose::Backdated);
    } else if found.is_empty() && has(DIRECT_FINANCIAL_NEEDS) && DIRECT_FINANCIAL.is_match(before) {
        found.push(Purpose::FinancialLoss);
    }
    if found.is_empty()
        && has(SYMBOLIC_NEEDS)
        && (SYMBOLIC.is_match(after) || SYMBOLIC.is_match(before))
    {
        found.push(Purpose::Symbolic);
    }
    if found.is_empty() {
        found.push(Purpose::Unspecified);
    }
    found
}

fn named(text: &str, has: &dyn Fn(Prefilter) -> bool) -> Vec<Purpose> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    PURPOSES
        .iter()
        .filter(|(_, needs, re)| has(*needs) && re.is_match(text))
        .map(|(p, _, _)| *p)
        .collect()
}

/// An alias: `Mr and Mrs X`, `Miss X`, a lone capital (`Y`), or `Child B`.
const ALIAS: &str = r"(?:Mr and Mrs|Mr & Mrs|Mrs|Mr|Miss|Ms|Mx|Dr|Child)\s+[A-Z]\b|[B-HJ-Z]\b";

/// The verbs (and `payment to`) whose object is who is paid.
const PAY_TO: &str = r"\b(?:[Pp]a(?:y|ys|ying|id)|[Oo]ffer(?:ed|s|ing)?|[Rr]efund(?:s|ed)?|[Rr]eimburse[sd]?|[Aa]ward(?:s|ed)?|[Gg]ive|[Gg]ave|[Cc]ompensate[sd]?|payment to|[Rr]epay)";

/// `pay Miss X £300`, `offered her an additional £200`, `a payment to Mr Y of £50`.
static RECIPIENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"{PAY_TO}\s+({ALIAS}|him|her|them)\s+(?:(?:an?|the)\s+)?(?:(?:additional|further|extra|total|sum|payment|amount)\s+)?(?:of\s+)?$"
    ))
});

/// `£300 to Miss X`, `£300 for Mr and Mrs L`.
static RECIPIENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*(?:each\s+)?(?:to|for)\s+({ALIAS}|him|her|them)(?:\s|[.,;:)]|$)"
    ))
});

/// The alias paid, from the words just before or after an amount. `him`,
/// `her` and `them` stand for the last alias of that gender earlier in the
/// sentence (`pay Mr Y £5,000 and reimburse him £1,200`), else the
/// complainant when the title fits. `sentence_before` is the whole sentence
/// up to the amount; `before` its last words.
pub fn recipient(
    before: &str,
    after: &str,
    sentence_before: &str,
    complainant: Option<&str>,
) -> Option<String> {
    let caps = RECIPIENT_BEFORE
        .captures(before)
        .or_else(|| RECIPIENT_AFTER.captures(after))?;
    let who = caps.get(1)?.as_str();
    resolve(who, earlier_than(before, sentence_before), complainant)
}

/// The sentence before `before`, its last words (`None` if they are not its end).
fn earlier_than<'a>(before: &str, sentence_before: &'a str) -> Option<&'a str> {
    sentence_before.get(..sentence_before.len().saturating_sub(before.len()))
}

/// The alias `who` names: itself, or for `him`, `her` and `them` the last
/// alias of that gender in `earlier`, else the complainant when the title fits.
fn resolve(who: &str, earlier: Option<&str>, complainant: Option<&str>) -> Option<String> {
    match who {
        "him" | "her" | "them" => {
            let named = earlier.and_then(|text| {
                ALIAS_ANYWHERE
                    .find_iter(text)
                    .map(|m| normalise(m.as_str()))
                    .filter(|alias| pronoun_fits(who, alias))
                    .last()
            });
            named.or_else(|| {
                complainant
                    .filter(|c| pronoun_fits(who, c))
                    .map(str::to_string)
            })
        }
        alias => Some(normalise(alias)),
    }
}

/// The people an amount paid `each` goes to, one payment apiece: `pays her
/// and Mrs Y £200 each`, `£100 each to Mr X and Mrs Y`, `pay Mr and Mrs L
/// £150 each`, `two payments of £500 each`. Each share has its recipient
/// where one is named. Empty (one payment) unless the words say how many;
/// `before`, `after` and `sentence_before` as for [`recipient`]. The caller
/// rules out rates (`£40 each week`).
pub fn shares(
    before: &str,
    after: &str,
    sentence_before: &str,
    complainant: Option<&str>,
) -> Vec<Option<String>> {
    if !EACH_AFTER.is_match(after) {
        return Vec::new();
    }
    let earlier = earlier_than(before, sentence_before);
    if let Some(pair) = PAIR_BEFORE
        .captures(before)
        .or_else(|| PAIR_AFTER.captures(after))
        .or_else(|| PAIR_EARLIER.captures(sentence_before))
    {
        return [&pair[1], &pair[2]]
            .into_iter()
            .map(|who| resolve(who, earlier, complainant))
            .collect();
    }
    // `pay Mrs G and her brother £300 each`: the relative is unnamed.
    if let Some(one) = WITH_RELATIVE_BEFORE
        .captures(before)
        .or_else(|| WITH_RELATIVE_AFTER.captures(after))
    {
        return vec![resolve(&one[1], earlier, complainant), None];
    }
    if let Some(couple) = COUPLE_BEFORE
        .captures(before)
        .or_else(|| COUPLE_AFTER.captures(after))
        .or_else(|| COUPLE_EARLIER.captures(sentence_before))
    {
        let name = &couple[1];
        return vec![Some(format!("Mr {name}")), Some(format!("Mrs {name}"))];
    }
    let count = COUNT_BEFORE.captures(before).map_or(0, |c| match &c[1] {
        "two" | "2" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        _ => 5,
    });
    vec![None; count]
}

/// `each` right after an amount.
static EACH_AFTER: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*each\b"));

/// One person: a titled alias, `him` or `her`.
const ONE: &str = r"(?:Mrs|Mr|Miss|Ms|Mx|Dr)\s+[A-Z]\b|him|her";

/// `pays her and Mrs Y `: a pay verb and two people, right before the amount.
static PAIR_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"{PAY_TO}\s+({ONE})\s+and\s+({ONE})\s+$")));

/// ` each to Mr X and Mrs Y`.
static PAIR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*each\s+(?:to|for)\s+({ONE})\s+and\s+({ONE})(?:\s|[.,;:)]|$)"
    ))
});

/// A relative named by kinship, not by alias: `her brother`, `their son`.
const RELATIVE: &str = r"(?:(?:his|her|their)\s+)?(?:late\s+|elder\s+|older\s+|younger\s+|adult\s+)?(?:brother|sister|son|daughter|mother|father|husband|wife|partner|grandmother|grandfather|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|sibling)";

/// `pay Mrs G and her brother `: one person and a relative, right before the amount.
static WITH_RELATIVE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"{PAY_TO}\s+({ONE})\s+and\s+{RELATIVE}\s+$")));

/// ` each to Mrs G and her brother`.
static WITH_RELATIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*each\s+(?:to|for)\s+({ONE})\s+and\s+{RELATIVE}(?:\s|[.,;:)]|$)"
    ))
});

/// `pay Mr and Mrs L `: a couple, two people.
static COUPLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"{PAY_TO}\s+Mr\s+(?:and|&)\s+Mrs\s+([A-Z])\s+$")));

/// ` each to Mr and Mrs L`.
static COUPLE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*each\s+(?:to|for)\s+Mr\s+(?:and|&)\s+Mrs\s+([A-Z])\b"));

/// `pay Mr X and Mrs Y £1,000 for ... and ` (before `£100 each`): the
/// pair paid an earlier amount of the clause.
static PAIR_EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"{PAY_TO}\s+({ONE})\s+and\s+({ONE})\s+£[\d,.]+\s[^;£]*$"
    ))
});

/// `pay Mr and Mrs L £1,000 for ... and ` (before `£100 each`).
static COUPLE_EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"{PAY_TO}\s+Mr\s+(?:and|&)\s+Mrs\s+([A-Z])\s+£[\d,.]+\s[^;£]*$"
    ))
});

/// `two payments of `.
static COUNT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(two|three|four|five|[2-5])\s+(?:separate\s+)?payments\s+of\s+$")
});

fn normalise(alias: &str) -> String {
    alias.replace(" & ", " and ")
}

/// A titled alias anywhere in a text.
static ALIAS_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:Mr and Mrs|Mr & Mrs|Mrs|Mr|Miss|Ms|Mx|Dr)\s+[A-Z]\b"));

fn pronoun_fits(pronoun: &str, complainant: &str) -> bool {
    let plural = complainant.contains(" and ");
    match pronoun {
        "him" => !plural && (complainant.starts_with("Mr ") || complainant.starts_with("Dr ")),
        "her" => {
            !plural
                && ["Mrs ", "Miss ", "Ms ", "Dr "]
                    .iter()
                    .any(|t| complainant.starts_with(t))
        }
        _ => plural,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Purpose::*;

    #[test]
    fn purposes_after_the_amount_first() {
        assert_eq!(
            purposes(
                "Pay Miss X ",
                " as an acknowledgement of the frustration and distress caused."
            ),
            vec![Distress, Frustration]
        );
        assert_eq!(
            purposes(
                "pay Mr B ",
                " to recognise the distress, time and trouble it caused him."
            ),
            vec![Distress, TimeAndTrouble]
        );
        assert_eq!(
            purposes("", " for time, trouble and worry"),
            vec![Distress, TimeAndTrouble]
        );
        assert_eq!(
            purposes(
                "",
                " for her child's potential lost opportunity and her uncertainty"
            ),
            vec![Frustration, LossOfService]
        );
    }

    #[test]
    fn purposes_before_when_none_after() {
        assert_eq!(
            purposes(
                "In recognition of the uncertainty and distress, the Council will pay Ms X ",
                " and take action."
            ),
            vec![Distress, Frustration]
        );
    }

    #[test]
    fn financial_backdated_symbolic_and_unspecified() {
        assert_eq!(
            purposes("reimburse him ", " for decorating a property"),
            vec![FinancialLoss]
        );
        assert_eq!(purposes("pay ", " in backdated allowance"), vec![Backdated]);
        assert_eq!(purposes("make a ", " symbolic payment"), vec![Symbolic]);
        assert_eq!(
            purposes("a symbolic payment of ", " for her distress"),
            vec![Distress]
        );
        assert_eq!(purposes("pay Mr X ", "."), vec![Unspecified]);
        assert_eq!(
            purposes("", " for 10 weeks of missed education"),
            vec![LossOfService]
        );
    }

    #[test]
    fn pronoun_takes_the_last_alias_that_fits() {
        let before = "It has agreed to apologise, pay Mr Y £5,000 and reimburse him ";
        assert_eq!(
            recipient("and reimburse him ", "", before, Some("Mr X")).as_deref(),
            Some("Mr Y")
        );
        assert_eq!(
            recipient("and reimburse her ", "", before, Some("Mrs X")).as_deref(),
            Some("Mrs X")
        );
    }

    #[test]
    fn next_clause_and_reasons_before() {
        assert_eq!(
            purposes("pay Mr Y ", " and reimburse him "),
            vec![Unspecified]
        );
        assert_eq!(
            purposes(
                "It has apologised for the upset and waived ",
                " from the bill."
            ),
            vec![FinancialLoss]
        );
        assert_eq!(
            purposes("reduce the fee by ", " to reflect the additional distress"),
            vec![Distress]
        );
    }

    #[test]
    fn recipients() {
        assert_eq!(
            recipient("Pay Miss X ", " as", "Pay Miss X ", None).as_deref(),
            Some("Miss X")
        );
        assert_eq!(
            recipient("pay Mr & Mrs L ", "", "pay Mr & Mrs L ", None).as_deref(),
            Some("Mr and Mrs L")
        );
        assert_eq!(
            recipient("a payment of ", " to Y for", "a payment of ", None).as_deref(),
            Some("Y")
        );
        assert_eq!(
            recipient(
                "offered her an additional ",
                "",
                "offered her an additional ",
                Some("Mrs X")
            )
            .as_deref(),
            Some("Mrs X")
        );
        assert_eq!(recipient("pay him ", "", "pay him ", Some("Mrs X")), None);
        assert_eq!(
            recipient("a payment of ", " for her distress", "a payment of ", None),
            None
        );
        assert_eq!(
            recipient(
                "the Council will pay ",
                ".",
                "the Council will pay ",
                Some("Mr B")
            ),
            None
        );
    }
}
