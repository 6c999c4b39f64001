//! Amounts of money -> [`Payment`]s with a role, purposes and a recipient.
//!
//! Each amount is first read on its own: the words nearest before it decide
//! what it is (`Pay Miss X £300` is a remedy, `offered £200` an offer,
//! `rent of £100` not a remedy at all, `she wants £400` or `he had to pay
//! £300` the complainant's claim, `we have asked the Council to pay £200`
//! the remedy). A bullet with no such words reads with the lead-in above it
//! (`the Council should:`). A weekly, monthly or yearly rate keeps the role
//! its words give and carries its period. Then the decision is read as a whole:
//! - where the agreed-action section names a remedy amount (and is not cut off
//!   mid-list), those amounts are the agreed ones, and the same amounts
//!   restated elsewhere (summary, final decision) are the same payments;
//! - otherwise the amounts the summary, findings or final decision say the
//!   body has agreed to (or will, or should) pay are agreed, as is an offer the
//!   decision welcomes or that was made in response to the Ombudsman's enquiries;
//! - amounts narrated as paid or offered, or in the background sections, are
//!   `offered`, or `accepted` where the decision finds them a sufficient
//!   remedy and secures no payment of its own; an offer the decision adopts
//!   (`the £1,000 the panel recommended`) is the agreed payment, and what the
//!   body's own complaint procedure recommended is an offer, not the remedy;
//!   a restated total of payments already listed is dropped; a stated total
//!   of a rate is paid as the rate's words say, and the rate beside it is
//!   then other money (how the sum was worked out); the same payment mentioned in several
//!   sentences is kept once, and the same amount for another person or with
//!   no purpose in common is another payment.
//!
//! At most [`MAX_AMOUNTS_PER_SENTENCE`] amounts are read from a sentence and
//! [`MAX_AMOUNTS`] from a decision (far above real ones): the readings above
//! look at the whole sentence before each amount and compare payments in
//! pairs, so without the caps a file of repeated amounts costs time and
//! memory that grow faster than the file.

pub mod money;
pub mod purpose;
mod referred;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, regex_read_through, Prefilter, Slot};

use crate::parse::decision::{Payment, PaymentRole, Purpose, SectionKind};
use crate::parse::extract::bounds::{
    evidence, Cap, Reached, MAX_AMOUNTS, MAX_AMOUNTS_PER_SENTENCE,
};
use crate::parse::extract::fault;
use crate::parse::extract::payment::money::{amounts, amounts_lower, money_words, Amount};
use crate::parse::extract::payment::purpose::{purposes_with, recipient, shares};
use crate::parse::text::sentences::Block;

/// How one amount reads in its sentence, before the decision is read as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Not a remedy: a bill, fee, grant, price, rate or range.
    Other,
    /// What the complainant wants, asks for, or says they lost or paid.
    Claimed,
    /// A charge a remedy verb governs with no word of agreement (`delayed in
    /// refunding the fee of £67`): a remedy only in the agreed action.
    Charge,
    /// An item of a list whose lead-in says the body agreed, will or should:
    /// `To remedy the injustice, the Council should:` then `pay Mr X £800`.
    /// `prescriptive` when the lead-in says should, must or recommend, which
    /// no narrated history does.
    Listed { prescriptive: bool },
    /// Offered or already paid by the body.
    Offered,
    /// An offer the decision welcomes or that answers the Ombudsman: agreed.
    Accepted,
    /// A payment to be made; `agreed` when the sentence says it is agreed, will or should happen.
    Remedy { agreed: bool },
}

/// One amount in context.
#[derive(Debug, Clone)]
struct Mention {
    amount: Amount,
    block: usize,
    sentence: usize,
    cue: Cue,
    total: bool,
    /// Whether no words around the amount, nor a lead-in, gave its cue.
    bare: bool,
    /// Whether the words after the amount, or the next sentences of its
    /// paragraph, find what the body did a sufficient remedy.
    satisfied: bool,
    /// Whether the rest of the amount's own sentence finds it a sufficient
    /// remedy (`has reduced her invoice by £1000, which remedies her
    /// injustice`), in the decision's own voice.
    sufficient_here: bool,
    /// Whether an agreement named it by its charge, not its sum (see `referred`).
    referred: bool,
    payment: Payment,
}

/// What a cue word before an amount says about the amount; each is one
/// pattern of [`group_patterns`], in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueGroup {
    /// Payment refused or not made: `declined to pay`, `cannot offer`,
    /// `failed to provide a refund of`.
    Refused,
    /// The Ombudsman asked for the payment: `we have asked the Council to pay`.
    Asked,
    /// What the complainant asked for: `wants`, `sought`, `claimed`, `says
    /// she should receive`.
    Wanted,
    /// An offer accepted, or made in answer to the Ombudsman: `welcomed the offer`.
    Accepted,
    /// A word that makes a remedy of the amount on its own: `refund`, `waive`, `award`.
    StrongRemedy,
    /// What the complainant says they lost or had to pay: `had to pay`,
    /// `defrauded`, `incurred financial losses of`, `an unnecessary fee of`,
    /// `this costs her`, `the damage`, `and lost`, `the estate has lost`.
    Loss,
    /// Money that is no remedy: bills, fees, costs, money paid or owed, a
    /// refund the body was slow to make (`delayed in refunding`).
    NotRemedy,
    /// Offered in the body's own complaint process: `offer`, `goodwill`, `already paid`.
    Offered,
    /// A payment word: `pay`, `payment`, `symbolic`, `in recognition`.
    Remedy,
}

/// The cue groups, by priority: at one position the first that matches wins,
/// and the last match before the amount is the cue.
const GROUPS: [CueGroup; 9] = [
    CueGroup::Refused,
    CueGroup::Asked,
    CueGroup::Wanted,
    CueGroup::Accepted,
    CueGroup::StrongRemedy,
    CueGroup::Loss,
    CueGroup::NotRemedy,
    CueGroup::Offered,
    CueGroup::Remedy,
];

fn group_patterns() -> [&'static str; 9] {
    [
        r"(?:\b(?:refus\w*|declin\w*|never|no longer|cannot|unable|fail(?:s|ed|ing|ures?)?\b)|{not})\s+(?:[\w'’]+\s+){0,2}?(?:to\s+)?(?:pay|offer|award|refund|give|provide|reimburse|grant|make|issue|return)\w*(?:\s+(?:(?:him|her|them|an?|the|any|full)\s+){0,2}(?:refund|payment|compensation|reimbursement)s?\b)?",
        r"\b(?:we|I|Ombudsman|Ombudsmen)\s+(?:have\s+|has\s+|had\s+|also\s+|therefore\s+)*(?:asked|invited)\b|\b(?:{body}|it)\s+(?:has|have)\s+been\s+asked\s+to\b",
        r"\b(?:wants?|wanted|wish\w*|would\s+(?:also\s+|now\s+|still\s+)?like|seek\w*|sought|ask\w*|request\w*|claim\w*|demand\w*|expect\w*|hop\w*|desired)\b|\b(?:says?|said|believes?|feels?|felt|thinks?|argues?|argued)\s+(?:that\s+)?(?:(?:[\w'’]+\s+){0,3}?|(?:[\w'’]+\s+){3,11}?(?:{body}|it|so|therefore|also|and)\s+)should\b",
        r"\bwelcom\w*\s+(?:[\w'’]+\s+){0,4}?offer\w*|\b(?:accept\w*|endors\w*)\s+(?:(?:the|its|their|his|her|this|that|an?|any|revised|new|improved|increased|final|earlier|later|initial|financial|further|proposed|goodwill|council|mr|mrs|ms|miss|dr|[\w-]+['’]s?)\s+){0,3}?offer\w*\b|\bin response to (?:my|our|the Ombudsman's|the Ombudsman’s) (?:enquiries|enquiry|draft|investigation)\w*|\bnow\s+offer\w*|\bhas\s+(?:now\s+|since\s+)offered",
        r"\bagree\w*\s+to\s+(?:make\s+)?(?:an?\s+)?offer\w*|\bincreas\w*\s+(?:(?:its|the|their|this|that|his|her)\s+)?(?:[\w-]+\s+)?offer\b|\breduc\w*\s+(?:[\w'’-]+\s+){0,8}?by\b|\b(?:refund\w*|reimburs\w*|repa(?:y|id|ying)|(?:writ\w*|wrote)\s+off|waiv\w*|cancel\w*|credit\w*|compensat\w*|award\w*|backdate|back-date|backdating)\b|\breturn(?:s|ed|ing)?\s+(?:the|her|his|their|any|all)\b|\bagreed\s+(?:remed\w*|actions?)\b",
        r"\b(?:(?:had|has|have|having)\s+to\s+(?:pay|spend|borrow)|(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+|the\s+(?:man|woman|complainant|family|estate)|(?:his|her|their)\s+(?:mother|father|son|daughter|husband|wife|partner|parents?|company|business|firm))\s+(?:had\s+|has\s+|have\s+)?(?:(?:\w+ly|therefore|also|then)\s+)?(?:paid|spent|lost)|\band\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?lost|(?:is|are|was|were)\s+(?:still\s+)?(?:owed|due)|ow(?:es|ed)\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+)|(?:was|were|is|are)\s+entitled\s+to|missed\s+out\s+on|defrauded|out[\s-]of[\s-]pocket(?:\s+by)?|overcharg\w*|(?:incurr\w*|suffer\w*)(?:\s+(?:an?\s+|some\s+)?(?:[\w'’-]+\s+){0,2}?(?:loss(?:es)?|costs?|expenses?|fees?|charges?|bills?)(?:\s+of)?)?|caus(?:e|es|ed|ing)\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:an?\s+|some\s+)?(?:[^\s.;,£]+\s+){0,2}?loss(?:es)?(?:\s+of)?|(?:unnecessar\w*|avoidabl\w*)\s+(?:[\w'’-]+\s+){0,2}?(?:costs?|expenses?|fees?|charges?|bills?)(?:\s+of)?|costs?\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+)|damag(?:e|es|ed)|(?:wrongly|incorrectly|unfairly|unlawfully|mistakenly)\s+(?:charged|billed|invoiced|fined)|forced\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+)\s+to\s+(?:pay|spend))\b",
        r"\b(?:an?\s+credit\s+of|in\s+credit|(?:I|we)\s+(?:had\s+|has\s+|have\s+)?(?:paid|spent|lost|owed|owes)|(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+\w+)\s+(?:now\s+|still\s+|currently\s+|also\s+|usually\s+|normally\s+)?(?:pays|(?:has|have|had)\s+been\s+paying)|delay\w*\s+(?:in\s+)?(?:refund|reimburs|repay)\w*|bills?|fees?|charg\w*|levy|surcharge|rent|rents|arrears|debts?|fines?|penalt\w*|deposit|loans?|salary|income|savings|capital|business rates|rates|tax|rebate|subscription|benefits?|invoices?|overpayments?|grants?|costs?|costing|cost\w*|price\w*|valu\w*|worth|threshold|limit|maximum|minimum|ceiling|budget|quote\w*|estimat\w*|contribution|top-up|allowance|sold|sale|purchas\w*|bought|land|property|defrauded|lost|spent|owed|owes|increas\w*|decreas\w*|rose|risen|support payments?|self-isolation\s+(?:support\s+)?payments?|housing payments?|direct payments?|premium|tariff|wages?|earn\w*|turnover|mortgage|VAT|levied|liab\w*)\b",
        r"\boffer\w*|\bmade\s+an?\s+(?:\w+\s+)?offer|\bgoodwill|\bgood will|\bgesture|\balready\b|\b(?:has|had|have|was|were|it|{body}|then)\s+paid\b|\bpaid\s+(?:him|her|them|Mr|Mrs|Miss|Ms)\b|\bin addition to\b|\bon top of\b|\bas well as\b|\bpreviously\b|\bless\b|\bminus\b|\bdeduct\w*|\bafter taking off\b",
        r"\bpa(?:y|ys|ying)\b|\bpayments?\b|\bfinancial (?:remedy|redress)|\bredress\b|\bremed\w*|\bsymbolic|\bin recognition\b|\bto recognise\b|\bto acknowledge\b|\backnowledg\w*",
    ]
}

/// All cue groups in one pattern, searched without captures (fast), ...
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    let groups: Vec<String> = group_patterns()
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect();
    regex(&format!("(?i){}", groups.join("|")))
});

/// ... then each match is named by the first group that matches it whole.
static CUE_GROUPS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    group_patterns()
        .iter()
        .map(|p| regex(&format!("(?i)^(?:{p})$")))
        .collect()
});

/// How many match texts [`group_of`] remembers per thread.
const GROUP_MEMO: usize = 4096;

thread_local! {
    /// [`group_of`] is a function of the match text alone, and the same few
    /// texts (`pay`, `payment`, `offered`, `costs`) come back in every
    /// decision: each is named once per thread instead of by up to seven
    /// anchored searches every time.
    static GROUPS_SEEN: RefCell<HashMap<Box<str>, CueGroup>> = RefCell::new(HashMap::new());
}

/// The cue group of one match of [`CUE`].
fn group_of(text: &str) -> CueGroup {
    if let Some(g) = GROUPS_SEEN.with(|seen| seen.borrow().get(text).copied()) {
        return g;
    }
    let g = CUE_GROUPS
        .iter()
        .zip(GROUPS)
        .find(|(re, _)| re.is_match(text))
        .map_or(CueGroup::Remedy, |(_, g)| g);
    GROUPS_SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() < GROUP_MEMO {
            seen.insert(text.into(), g);
        }
    });
    g
}

/// One match of [`CUE`] in a sentence: its group and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CueMatch {
    group: CueGroup,
    start: usize,
    end: usize,
}

/// The matches of [`CUE`] in `text`, in order; `benefit` where it says who
/// money is for ([`for_whose_benefit`]) is no cue.
fn cue_matches(text: &str) -> Vec<CueMatch> {
    CUE.find_iter(text)
        .filter(|m| !for_whose_benefit(text, m.end()) && !time_spent(text, m))
        .map(|m| CueMatch {
            group: group_of(m.as_str()),
            start: m.start(),
            end: m.end(),
        })
        .filter(|m| {
            !(m.group == CueGroup::Wanted
                && (a_request_acted_on(text, m.start, m.end)
                    || the_ombudsman_saying(text, m)
                    || the_body_asking(text, m.start, m.end)
                    || the_body_claiming(text, m.start, m.end)
                    || a_claim_named(text, m.start, m.end)))
        })
        .collect()
}

/// Time spent, not money: `the family spent in unsuitable accommodation`,
/// `she spent seven months at the hotel` (`spent £60 on food` is money).
static TIME_SPENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\s+(?:[a-z]+\s+){0,3}?(?:in|at|living|waiting|without|there|here)\b")
});

/// Whether cue match `m` is `spent` telling time spent somewhere.
fn time_spent(text: &str, m: &regex::Match) -> bool {
    ends_with_ignoring_case(m.as_str().as_bytes(), "spent")
        && TIME_SPENT_AFTER.is_match(&text[m.end()..])
}

/// The Ombudsman's own view, not a want: `I said the Council should pay`,
/// `we said it should`, `In my view ... should`.
static OMBUDSMAN_SAYING: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:I|we|ombudsm[ae]n)\s+(?:(?:also|then|have|has|had|therefore)\s+)*$")
});
/// `says ... should` with `I` or `we` inside it: the Ombudsman speaks before the should.
static OMBUDSMAN_INSIDE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?:I|we)\b"));

/// Whether a match of the `says ... should` form of [`CueGroup::Wanted`] is
/// the Ombudsman speaking (the subject, or a clause inside it): what it says
/// the body should pay is a recommendation, not the complainant's want.
fn the_ombudsman_saying(text: &str, m: &CueMatch) -> bool {
    let matched = &text[m.start..m.end];
    matched.len() > "should".len()
        && ends_with_ignoring_case(matched.as_bytes(), "should")
        && (OMBUDSMAN_SAYING.is_match(&text[..m.start]) || OMBUDSMAN_INSIDE.is_match(matched))
}

/// A request named as something else's object, not someone wanting money:
/// `consider her review request, pay her £150`, `agreed to his request and
/// paid`: `request` or `requests` after a determiner or possessive (and
/// perhaps one word more: `backdate any award to the date of her original
/// request and pay her £400`), followed by neither what is asked for (`her
/// request for £500`, `a request that`) nor an amount.
static REQUEST_ACTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:the|a|an|her|his|their|its|this|that|my|our|review|[\w-]+['’]s)\s+(?:[\w-]+\s+)?$",
    )
});
/// What follows a request or claim that says what is asked for; the end of
/// the text searched is an amount (it ends where the amount starts).
static ASKING_FOR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^\s*(?:for|of|to|that|£|\d|$)"));

fn a_request_acted_on(text: &str, start: usize, end: usize) -> bool {
    word_in_context(
        text,
        start..end,
        &["request", "requests"],
        &REQUEST_ACTED_ON,
    ) && !ASKING_FOR_AFTER.is_match(&text[end..])
}

/// Whether `text[at]` is one of `words` (ASCII case aside) and `before`
/// matches the text before it.
fn word_in_context(text: &str, at: std::ops::Range<usize>, words: &[&str], before: &Regex) -> bool {
    let word = &text[at.clone()];
    words.iter().any(|w| word.eq_ignore_ascii_case(w)) && before.is_match(&text[..at.start])
}

/// What the body agrees or is to do, right before `ask`: `agreed to `,
/// `will `, `should also `, `, and `.
static BODY_TO_ASK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\b(?:agreed|agrees|will|should|must|would|shall)\s+(?:also\s+|now\s+)?(?:to\s+)?|\b(?:agreed|agrees)\s+to\s+[^.;]*,\s+(?:and\s+)?)$",
    )
});
/// Whom the body asks: its agents, contractor or provider, or the complainant.
static ASKED_PARTY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\s+(?:its|the|their|his|her|him|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s)")
});

/// `agreed to ... ask its enforcement agents to remove the £235 fee`,
/// `will ask Mrs X for receipts`: the body asking someone, not anyone
/// wanting money.
fn the_body_asking(text: &str, start: usize, end: usize) -> bool {
    word_in_context(text, start..end, &["ask", "asks"], &BODY_TO_ASK)
        && ASKED_PARTY_AFTER.is_match(&text[end..])
}

/// The body as the one claiming, right before `claim`: `the Council’s `,
/// `its `, `the Council `.
static BODY_CLAIMING_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:(?:the\s+)?{body}(?:['’]s)?|its)\s+(?:also\s+|now\s+)?$"));

/// `disputes the Council’s claim that it will save £210,000 a year`: what
/// the body claims is no one wanting money.
fn the_body_claiming(text: &str, start: usize, end: usize) -> bool {
    text.get(start..start + 5)
        .is_some_and(|w| w.eq_ignore_ascii_case("claim"))
        && end - start <= "claimed".len()
        && BODY_CLAIMING_BEFORE.is_match(&text[..start])
}

/// Right before `claim` as a noun for an application: `his original `,
/// `the date of her `, `a new benefit `.
static CLAIM_NOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:his|her|their|its|the|this|that|my|our)\s+(?:(?:original|new|first|earlier|later|previous|benefit|housing\s+benefit|council\s+tax\s+support|insurance|universal\s+credit)\s+)*$",
    )
});
/// `backdate Mr X's housing benefit to the date of his original claim and to
/// pay him £150`: `claim` as the application made, not anyone claiming money.
fn a_claim_named(text: &str, start: usize, end: usize) -> bool {
    word_in_context(text, start..end, &["claim", "claims"], &CLAIM_NOUN_BEFORE)
        && !ASKING_FOR_AFTER.is_match(&text[end..])
}

/// Who money is for, not a welfare benefit: `for C’s benefit`, `for the
/// benefit of her son`, `for their benefit`.
static BENEFICIARY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bfor\s+(?:the|his|her|their|its|[\w-]+['’]s?)\s+benefits?\b"));

/// Whether the word of `text` ending at byte `end` is `benefit` in the sense
/// of [`BENEFICIARY`].
fn for_whose_benefit(text: &str, end: usize) -> bool {
    let head = text.as_bytes().get(..end).unwrap_or_default();
    let ends_with = |word: &[u8]| {
        head.len() >= word.len() && head[head.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    (ends_with(b"benefit") || ends_with(b"benefits"))
        && BENEFICIARY.find_iter(text).any(|m| m.end() == end)
}

/// The matches of [`CUE`] in `text[..at]`, taken from `known`, the matches
/// in a longer prefix of `text`, so that a sentence with several amounts is
/// searched once. They are the same matches, except where one of `known`
/// runs across `at` or a word runs on across it (where `\b` reads
/// differently): then `text[..at]` is searched on its own.
fn cues_before<'k>(known: &'k [CueMatch], text: &str, at: usize) -> Cow<'k, [CueMatch]> {
    let n = known.partition_point(|m| m.end <= at);
    if known.get(n).is_some_and(|m| m.start < at) || glued(text, at) {
        Cow::Owned(cue_matches(text.get(..at).unwrap_or("")))
    } else {
        Cow::Borrowed(&known[..n])
    }
}

/// Words saying the sentence's remedy is agreed, will or should happen.
pub(crate) static AGREED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:(?:should|would|could|must|will|shall)\s+have\b|agree\w*|will|shall|should|must|recommend\w*|undertak\w*|propos\w*|to remedy|going to|accept\w*\s+(?:my|our|the)\s+recommend\w*)",
    )
});
/// The word beginnings every match of [`AGREED`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const AGREED_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentAgreed,
    &[
        "should",
        "would",
        "could",
        "must",
        "will",
        "shall",
        "agree",
        "recommend",
        "undertak",
        "propos",
        "remedy",
        "going",
        "accept",
    ],
);

/// Words after an amount that judge it the right remedy: `a payment of £300 is appropriate`.
pub(crate) static EVALUATED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;£]{0,60}?\b(?:is|are|would be|will be)\s+(?:an?\s+)?(?:appropriate|suitable|reasonable|proportionate|fair|sufficient|adequate|in line with)",
    )
});
/// The word beginnings every match of [`EVALUATED_AFTER`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const EVALUATED_AFTER_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentEvaluatedAfter,
    &[
        "appropriate",
        "suitable",
        "reasonable",
        "proportionate",
        "fair",
        "sufficient",
        "adequate",
        "line",
    ],
);

/// Words after an amount that make it a charge or benefit, whatever verb precedes it.
static OTHER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        # `£300 in rent arrears`, `£50 plus VAT`
        ^\s*(?:[\w'’-]+\s+){0,2}?
        (?:grants?|fees?|bills?|charges?|levy|surcharge|rent|arrears|debts?|fines?|penalty
          |deposit|loans?|salary|income|rates|tax|rebate|subscription|benefits?|allowance
          |self-isolation|overpayments?|plus\s+VAT|\+\s?VAT|more\s+than
          |for\s+(?:a|the)\s+(?:licence|property|land|service))\b
        # `£1,500 of his university grant`
        | ^\s*of\s+(?:his|her|their|its|the|[\w-]+['’]s)\s+(?:[\w'’-]+\s+)?
          (?:grants?|benefits?|rent|arrears|debts?|fees?|bills?|charges?|income|salary
            |savings|loans?|overpayments?|deposit)\b
        # `£575 into his account by error`
        | ^[^.;£]{0,40}?\b(?:in|by)\s+(?:error|mistake)\b",
    )
});

/// Words right after an amount saying it makes up for a personal injustice
/// (`£300 in recognition of her distress`, `£150 for the time and trouble`,
/// `£250 to Mrs Y for her distress`): only remedies are paid for these.
static REMEDY_PURPOSE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:to\s+(?:him|her|them|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?-i:[A-Z])\w*)\s+)?(?:payments?\s+)?(?:for|to\s+(?:recognise|acknowledge|reflect|remedy)|in\s+recognition\s+of)\s+(?:[\w'’-]+\s+){0,3}?(?:distress|frustration|uncertainty|anxiety|inconvenience|injustice|time,?\s+and\s+trouble)\b",
    )
});

/// A refund-like verb right before the amount, or before a list of charges
/// that ends in it (`refund the £75 compliance fee and the £235 ...`), or
/// `return the` (`return the £1,500 deposit`): the amount is a remedy
/// whatever follows it.
pub(crate) static STRONG_DIRECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:refund\w*|reimburs\w*|repay\w*|(?:writ\w*|wrote)\s+off|waiv\w*|cancel\w*|credit\w*|backdate|back-date|backdating)\s+(?:(?:[\w'’-]+\s+){{0,5}}|{AMOUNT_AND}\(?)$|\breturn(?:s|ed|ing)?\s+(?:the|her|his|their|its)\s+(?:[\w'’-]+\s+)?$|\bby\s+$",
    ))
});

/// The decision's own voice: `I`, `we`, `our`, `my`.
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y)\b"));

/// The body refusing to give money back, in the complainant's words, right
/// before the amount (`She also said it would not return the £1,500
/// deposit she paid`): their money withheld is claimed, whatever charge
/// follows it. A grant or rebate refused (`refused to give Miss Y a £10,000
/// business grant`) is not theirs, and stays other.
fn refused_in_their_words(cues: &[CueMatch], before: &str) -> bool {
    static GIVE_BACK: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)\b(?:return|refund|repa|reimburs)"));
    cues.last().is_some_and(|c| {
        c.group == CueGroup::Refused
            && few_words(before, c.end, before.len())
            && GIVE_BACK.is_match(&before[c.start..c.end])
            && COMPLAINANT_VOICE.is_match(&before[..c.start])
    })
}

/// A value in the complainant's own words (`He says they were worth more
/// than £2,000`, `Ms X valued the missing items at £3,200`, `They believe
/// the extension has taken £20,000 off the value of their house`): what
/// they say they lost, so claimed.
fn values_in_own_words(before: &str, after: &str) -> bool {
    static VALUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)(?:\bvalu\w*\s+(?:[\w'’-]+\s+){0,5}?(?:at|by)|\bworth)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|more\s+than\s+|over\s+|at\s+least\s+|nearly\s+|almost\s+)?$",
        )
    });
    static VALUE_AFTER: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)^\s*(?:(?:off|from)\s+the\s+value|in\s+value)\b"));
    static PERSON_SAYS: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:he|she|they|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?(?-i:[A-Z])\w*)\s+(?:also\s+|now\s+)?(?:says?|said|believes?|believed|thinks?|thought|feels?|felt|claims?|claimed|estimates?|estimated|values|valued)\b",
        )
    });
    let near_value = (before.contains("valu") || before.contains("worth"))
        && VALUE_BEFORE.is_match(before)
        || after.contains("value") && VALUE_AFTER.is_match(after);
    near_value && PERSON_SAYS.is_match(before)
}

/// The remedy verb that governs the amount past the words its cue stops at:
///
/// - a list that `and` adds the amount to (`pay £2,100 for the months in the
///   property, and £200 for the delay`; `pay £2,700, instead of the £1,000
///   it offered, and £300`): the charge nouns and the offer told back
///   between belong to the earlier item, whose amount the verb governs;
/// - a total of the verb's object (`cancel the invoices for the period
///   before it confirmed that charges would apply, which amount to
///   £2,340`; `pay Mrs T the difference between the two rates from March
///   2015, a total of £6,615`): the charge nouns between are the object's.
fn verb_carried_on(cues: &[CueMatch], before: &str) -> Option<(CueGroup, usize, usize)> {
    static AND_RIGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)(?:(?:,|\s)\s*and\s+(?:a\s+further\s+|also\s+|then\s+)?|\s(?:together|along)\s+with\s+(?:the\s+)?)$",
        )
    });
    static AMOUNTS_TO: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i),\s*(?:(?:which|that)\s+(?:amounts?|comes?|came|totals?|totalled)\s+to|a\s+total\s+of|totalling)\s+(?:about\s+|around\s+|some\s+)?$",
        )
    });
    // `the £1,000 it offered`: an offer told of an earlier amount.
    static OFFER_TOLD_BACK: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)£[\d,.]+\s+(?:(?:that|which)\s+)?(?:it|the\s+{body}|they)\s+(?:had\s+|has\s+)?(?:already\s+|previously\s+|first\s+)?$",
        )
    });
    if !before.ends_with(' ') {
        return None;
    }
    // A list continues past an earlier amount; a total has none in between.
    let list = AND_RIGHT_BEFORE.is_match(before);
    if !list && !AMOUNTS_TO.is_match(before) {
        return None;
    }
    let verb = cues.iter().rev().find(|m| match m.group {
        CueGroup::NotRemedy => false,
        CueGroup::Offered => !(list && OFFER_TOLD_BACK.is_match(&before[..m.start])),
        _ => true,
    })?;
    (matches!(verb.group, CueGroup::Remedy | CueGroup::StrongRemedy)
        && before[verb.end..].contains('£') == list)
        .then_some((verb.group, verb.start, verb.end))
}

/// Words that join an earlier amount to the next in a list a verb governs:
/// `the £75 compliance fee and the ` (before `£235`), `the compliance fee
/// (£75) and the enforcement ` (before `fee (£235)`).
const AMOUNT_AND: &str =
    r"(?:[\w'’-]+\s+){0,3}?\(?£[\d,.]+\)?,?\s+(?:[\w'’-]+\s+){0,3}?and\s+(?:[\w'’-]+\s+){0,3}";

/// Whether the verb ending at `verb_end` governs the noun at `start`: a few
/// words apart, or a list of amounts apart ([`AMOUNT_AND`]).
fn governs_noun(before: &str, verb_end: usize, start: usize) -> bool {
    static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"(?i)^\s+{AMOUNT_AND}$")));
    few_words(before, verb_end, start)
        || before
            .get(verb_end..start)
            .is_some_and(|gap| LIST_GAP.is_match(gap))
}
/// The word beginnings every match of [`STRONG_DIRECT`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const STRONG_DIRECT_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentStrongDirect,
    &[
        "refund", "reimburs", "repay", "writ", "wrote", "waiv", "cancel", "credit", "backdat",
        "back-dat", "return", "by",
    ],
);

/// Words before or after an amount that make it a total of others.
pub(crate) static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:total(?:ling|ing)?|totals|combined|altogether|overall|in all|(?:comes?|came|amounting|amounts?|adds?\s+up|adding\s+up)\s+to)\b(?:\s+(?:of|to|is|was|amount|payment|sum|[\w'’]+)){0,3}\s*$",
    )
});
/// The word beginnings every match of [`TOTAL_BEFORE`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const TOTAL_BEFORE_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentTotalBefore,
    &[
        "total",
        "combined",
        "altogether",
        "overall",
        "all",
        "come",
        "came",
        "amount",
        "add",
    ],
);
/// A sentence that breaks the amount just before it into parts: `This
/// comprises £500 for ...`, `That is made up of £200 ...`.
static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:this|that|the\s+(?:total|sum|payment|amount))\s+(?:(?:sum|payment|amount|total)\s+)?(?:comprises|is\s+made\s+up\s+of|consists\s+of|is\s+broken\s+down\s+(?:as|into))\b",
    )
});
static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:in total|in all|altogether|overall|,?\s*(?:comprising|made up of|consisting of|which (?:is|comprises) made up of|broken down as|being)\b)",
    )
});

/// Words after an amount saying it was offered or paid before: `the £200
/// offered at stage two`, `the £500 the Council paid after stage 2`, `the
/// £200 she was paid`; not what the complainant paid (`£1,750 she had paid in
/// rent`).
static OFFERED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let subject = r"(?:(?:that|which)\s+)?(?:(?:it|the\s+{body}|she|he|they)\s+)?";
    let body = r"(?:(?:that|which)\s+)?(?:(?:it|the\s+{body})\s+)?";
    let person = r"(?:(?:that|which)\s+)?(?:she|he|they)\s+";
    regex(&format!(
        r"(?i)^\s*{subject}(?:(?:has|had|have|was|were)\s+)?(?:already\s+|previously\s+)?offered\b|^\s*{body}(?:has|had|have|was|were)\s+(?:already\s+|previously\s+)?(?:paid|made|awarded|given)\b|^\s*{person}(?:was|were|(?:has|had|have)\s+been)\s+(?:already\s+|previously\s+)?(?:paid|awarded|given)\b|^\s*(?:already|previously)\s+(?:paid|made|awarded|given)\b|^\s*(?:(?:that|which)\s+)?(?:it|the\s+{{body}})\s+(?:already\s+|previously\s+)?paid\b"
    ))
});

/// Whether the words right before an amount say another replaces it:
/// `instead of the `, `rather than the `, `in place of its earlier `, or
/// takes it in (`£450, which includes the `).
fn replaced(before: &str) -> bool {
    static REPLACED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:original|earlier|initial|previous)\s+)?$|\b(?:(?:which|that)\s+includes?|including)\s+the\s+(?:(?:original|earlier|initial|previous)\s+)?$",
        )
    });
    (before.contains("instead")
        || before.contains("rather")
        || before.contains("place")
        || before.contains("includ"))
        && REPLACED_BEFORE.is_match(before)
}

/// Right before one of the two amounts a difference is taken between: `the
/// difference between the `, `the difference between the £142.50 a week it
/// paid and the `.
static TERM_OF_DIFFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bdifference\s+between\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$|\bdifference\s+between\s+(?:the\s+)?£[^.;£]*?\band\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
    )
});

/// A charge brought down to a new sum, right before it: `reduce Mr and Mrs
/// Z’s bill to `.
static REDUCED_TO: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\breduc(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,5}?to\s+$"));

/// Between the new sum and what it takes off: `, a reduction of `.
static REDUCTION_OF: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\s*(?:\(|,)?\s*(?:which\s+is\s+)?an?\s+(?:total\s+)?reduction\s+of\s+$")
});

/// A payment whose sum a clause gives: `pay the woman the difference between
/// ..., which it has calculated as `.
static CALCULATED_AS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\W*(?:[\w'’-]+\s+){0,12}?(?:pay|refund|reimburse|repay|backdate)\b[^£.;]*,\s*which\s+(?:it|the\s+{body}|we|I)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+)?(?:calculated|worked\s+out|assessed|estimated|confirmed)\s+(?:as|at|to\s+be)\s+(?:about\s+|around\s+)?$",
    )
});

/// Two or more bodies each paying, right before the amount: `each pay Mrs F `,
/// `should each pay him `.
static EACH_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\beach\s+(?:(?:have\s+)?agreed\s+|will\s+|should\s+)?(?:to\s+)?pay\s+(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?[A-Z]\w*)\s+)?(?:a\s+)?$",
    )
});

/// The end of a clause about an earlier amount that goes on to the next:
/// `it offered at stage two, and a further `, `it offered, a further `.
static THEN_AND: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;:£]*?(?:,?\s+and\s+(?:(?:a\s+)?further\s+|an?\s+additional\s+|another\s+)?|,\s+(?:a\s+further|an?\s+additional|another)\s+)$",
    )
});

/// A clause right after an amount telling whose it is: `skills fee they are
/// owed`, `the panel recommended`, `it agreed at stage two`, `, the award he
/// would have received`.
static PRIOR_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:[\w'’-]+\s+){0,2}?(?:(?:that|which)\s+)?(?:it|he|she|they|the\s+(?:{body}|panel))\s+(?:has\s+|had\s+|have\s+|is\s+|are\s+|was\s+|were\s+)?(?:already\s+|previously\s+|still\s+)?(?:offered|paid|owed|owes|due|agreed|recommended|awarded)\b|^\s*,\s*(?:the|its|his|her|their)\s+(?:[\w'’-]+\s+){1,2}?(?:he|she|they|it)\s+(?:would|should|could)\s+have\b",
    )
});

/// Words after an amount saying the complainant was charged too much, or
/// claims it: `charged £90 more than she should have been`, `£40 which he
/// should not have paid`, `the £5,250 she claims`, `£100 he overpaid`, `did
/// £40,000 of damage`, `£11,000 owed to him`, `left her £23.40 a week worse off`.
static CLAIMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:[\w'’-]+\s+){0,2}?more than (?:he|she|they|it) should\b|^[^.;£]{0,40}?\b(?:should\s*{not}|ought not to) have (?:been charged|paid|had to pay)|^\s*out\s+of\s+pocket\b|^\s*(?:(?:a|per|each|every)\s+(?:week|month|year)\s+)?worse\s+off\b|^\s*(?:[\w'’-]+\s+){0,2}?owed\s+to\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Dr)\s+[A-Z])\b|^\s*(?:worth\s+)?of\s+damage\b|^\s*(?:(?:that|which)\s+)?(?:he|she|they)\s+(?:(?:is|are|was|were|has|have|had)\s+)?(?:claim\w*|sought|seek\w*|overpaid|(?:says?|said)\s+(?:he|she|they)\s+(?:is|are|was|were)\s+owed)\b|^\s*(?:(?:that|which)\s+)?(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:had\s+|has\s+)?(?:asked\s+for|requested|wanted)(?:\s|[.,;]|$)",
    )
});

/// Words right after an amount saying the complainant paid it out:
/// `£4,000 Mrs W spent on private tutoring`, `£300 she paid`.
static THEIR_OUTLAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:(?:that|which)\s+)?(?:he|she|they|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?-i:[A-Z])\w*)\s+(?:had\s+|has\s+|have\s+)?(?:spent|paid)\b",
    )
});

/// A claim for a cost, told after it in its sentence: `and made a claim
/// to the Council`, `, which he claimed from the Council`.
static CLAIM_MADE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;£]{0,80}?(?:\band\s+(?:then\s+|later\s+)?(?:made|submitted|put\s+in|lodged|sent)\s+(?:a|an)\s+(?:[\w-]+\s+)?claim\b|,\s*which\s+(?:he|she|they)\s+(?:then\s+|later\s+)?claimed\b)",
    )
});

/// The body right before `owes` or `owed`: `the Council owes`, `the Council
/// still owed`.
static BODY_OWES: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b{body}\s+(?:still\s+|now\s+)?$"));

/// Words after an amount saying the complainant wants the body to pay it:
/// `£600 which he says the Council should pay`, `£6,000, which she wants
/// the Council to refund`; or wants back what they paid, in the same clause:
/// `bought a caddy for £15.99 and wants the Council to refund this`, `a
/// quote of £2,650 for a fence and want the Council to pay it` (or `to
/// pay.`, ending the sentence), `to charge
/// £3,200 for the notice period and wants it refunded`.
static WANTED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // The body is `the ...`, `it` or a name; `he should pay` is his charge.
    regex(
        r"(?i)^\s*,?\s*(?:which|that)\s+(?:he|she|they)\s+(?:(?:says?|said|believes?|feels?|thinks?)\s+(?:that\s+)?{payer}should|(?:wants?|would\s+like|expects?)\s+{payer}to)\s+(?:pay|refund|reimburse|repay|cover)\b|^[^.;:£]*?\b(?:and|but)\s+(?:(?:he|she|they)\s+)?(?:now\s+|also\s+)?(?:wants?|would\s+(?:now\s+|also\s+)?like|expects?)\s+(?:{payer}to\s+(?:(?:refund|reimburse|repay|pay\s+(?:(?:him|her|them)\s+)?(?:for\s+)?(?:it|this|that|them|the\s+(?:work|works|repairs?|costs?|damage)))\b|pay\s*[.;]?\s*$)|(?:it|this|that|them|the\s+(?:money|charges?|fees?|sum|amount))\s+(?:refunded|repaid|reimbursed|returned|back|paid\s+back|written\s+off)\b)"
            .replace("{payer}", r"(?:the\s+(?:[\w'’-]+\s+){1,2}?|it\s+|(?-i:[A-Z])[\w'’-]*\s+(?:[\w'’-]+\s+)?)")
            .as_str(),
    )
});

/// Words after an amount the complainant paid saying the body has agreed to
/// give it back, in the same clause: `She paid £140 in total, and the
/// Council has agreed to refund this`.
static AGREED_BACK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;:£]*?\b(?:and|but)\s+(?:the\s+{body}|it)\s+(?:has\s+|have\s+)?(?:now\s+|since\s+|also\s+)?agreed\s+to\s+(?:refund|reimburse|repay|pay\s+(?:(?:him|her|them)\s+)?back)\s+(?:this|it|that|the\s+(?:full\s+)?(?:amount|sum))\b",
    )
});

/// The complainant's voice: `Mrs X complains`, `he says`.
static COMPLAINANT_VOICE: LazyLock<Regex> = LazyLock::new(|| regex(fault::REPORTED));

/// The complainant as the subject right before a refusal word: `he could `,
/// `she was `.
static COMPLAINANT_UNABLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:he|she|they|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?-i:[A-Z])\w*)\s+(?:could\s+|can\s+|was\s+|were\s+|is\s+|are\s+)?$",
    )
});

/// The complainant's own, right before the invoice they sent: `his `, `her
/// unpaid `.
static THEIR_OWN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:his|her|their)\s+(?:[\w'’-]+\s+)?$"));

/// The complainant, or someone else who is not the body, as the subject of
/// an offer: `He offered`, `Mrs X had offered`, `she then offered`, `His
/// neighbour offered` (a bid), `that scheme, which offered up to` (a grant),
/// right before the offer word.
static COMPLAINANT_OFFERS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\b(?:he|she|they|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?-i:[A-Z])\w*)|\b(?:his|her|their)\s+(?:[\w'’-]+\s+)?(?:neighbours?|landlord|landlady|buyers?|bidders?|tenants?)|\b(?:schemes?|funds?|grants?|programmes?)\s*,?\s+(?:which|that))\s+(?:had\s+|has\s+|have\s+|then\s+|also\s+|later\s+)*$",
    )
});

/// What an offered sum buys, right after it: `offering £3,000 for a strip
/// of land`, `offered £250,000 to buy the property`: a bid, not a remedy.
static A_PRICE_OFFERED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:to\s+(?:buy|purchase|acquire)\b|for\s+(?:(?:a|an|the|his|her|their|its|this|that)\s+)?(?:(?:strip|piece|part|parcel|area|patch|corner|plot)\s+of\s+)?(?:[\w'’-]+\s+)?(?:land|property|house|flat|lease|leasehold|freehold|garden|plot|site|building|shop|premises)\b)",
    )
});

/// The complainant, not the body, as the payer: `her assessment that she
/// should pay £80 a week`, `Mr X will pay £20 and the Council the rest`,
/// `offered to let Mr V pay in instalments of £175`, `he had offered to pay
/// £20 a week`, `offered him the chance to pay at the discounted rate of
/// £55`. A
/// contribution or charge, not a remedy (the Ombudsman never asks a
/// complainant to pay).
static COMPLAINANT_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\b(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:should|must|would|will|shall|has\s+to|have\s+to|needs?\s+to|ought\s+to|(?:had\s+|has\s+|have\s+)?offered\s+to)|\b(?:offers?\s+(?:from|by)|for|allow(?:ed|ing|s)?|let(?:s|ting)?)\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+to|\blet(?:s|ting)?\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)|\b(?:chance|option|opportunity|arrangement|plan)\s+to|\b(?:his|her|their)\s+offers?\s+to)\s+(?:\w+ly\s+)?(?:pay|repay|contribute)\s+(?:[\w'’-]+\s+){0,5}?$",
    )
});

/// [`WANTED_AFTER`], [`CLAIMED_AFTER`], [`OTHER_AFTER`], [`OFFERED_AFTER`] or
/// [`AGREED_BACK_AFTER`]: whether one of them matches.
static ANY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let any = [
        &*WANTED_AFTER,
        &*CLAIMED_AFTER,
        &*OTHER_AFTER,
        &*OFFERED_AFTER,
        &*AGREED_BACK_AFTER,
    ]
    .map(|re| format!("(?:{})", re.as_str()))
    .join("|");
    Regex::new(&any).expect("an alternation of valid regexes")
});

/// Words finding what the body did a sufficient remedy: `we are satisfied
/// with the action it has taken`, `which is a suitable remedy`, `we consider
/// this a fair remedy`, `are therefore a reasonable remedy`, `has offered a
/// fair and proportionate remedy`, `is satisfactory to remedy the injustice`,
/// `has provided a satisfactory response`, `is a satisfactory way to
/// address the complaint`, `the £200 it offered was proportionate`, `this adequately remedies the
/// injustice`, `the matter has been remedied`, `which remedies her
/// injustice`, `there is nothing more we could achieve`, `this is enough to
/// put things right`, `which puts right his financial loss`, `this is in
/// line with what we would have recommended`.
pub(crate) static SATISFIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?ix)
        \bsatisfied\s+(?:with|that)\b
        |\b(?:is|was|are|were|provides?|provided|offer(?:s|ed|ing)?|be|consider\w*|find|found)\s+(?:(?:this|that|it|(?:the\s+)?£[\d,]+(?:\.\d\d)?)\s+)?(?:is\s+|was\s+|to\s+be\s+)?(?:therefore\s+|also\s+|now\s+)?(?:an?\s+)?
            (?:suitable|sufficient|satisfactory|appropriate|adequate|proportionate|reasonable|fair)
            (?:\s+and\s+(?:suitable|sufficient|satisfactory|appropriate|adequate|proportionate|reasonable|fair))?
            \s+(?:(?:financial|monetary)\s+)?(?:(?:to\s+)?remed|response\b|way\s+to\s+(?:address|resolve|settle|remedy|put)\b)
        |\b(?:suitably|sufficiently|adequately|appropriately)\s+(?:remedie[ds]|put\s+(?:matters|things|this|it)\s+right)\b
        |\b(?:is|was|are|were|be)\s+(?:(?:therefore|also|now)\s+)?(?:enough|sufficient|adequate)\s+to\s+put\s+(?:matters|things|this|it)\s+right\b
        |\b(?:has|have)\s+(?:already\s+)?(?:been\s+)?remedied\b
        |\b(?:has|have)\s+(?:already\s+)?addressed\s+(?:any|the|this|her|his|their)\s+(?:outstanding\s+|remaining\s+)?injustice
        |\b(?:which\s+|this\s+|that\s+)?remedies\s+(?:the|her|his|their|this|that|any|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*['’]s)\s+(?:outstanding\s+|remaining\s+|financial\s+)?(?:injustice|loss)
        |\b(?:offer\w*|paid|payments?|sum|amount)\s+(?:was|is|were|are)\s+(?:(?:both|fair|and)\s+)*(?:suitable|sufficient|satisfactory|appropriate|adequate|proportionate|reasonable)\b
        |\bnothing\s+(?:more|further)\s+(?:[\w'’]+\s+){0,3}?(?:could|can|would)\s+(?:reasonably\s+)?achieve
        |\b(?:would|could|will)\s*{not}\s+(?:now\s+)?achieve\s+(?:anything|any\s+more|much)\s*(?:more|further|else)?\b
        |\bin\s+line\s+with\s+(?:our|the\s+ombudsman['’]s)\s+(?:published\s+)?guidance\b
        |\b(?:I|we)\s+(?:have|do|did)\s*{not}\s+(?:recommend|recommended|ask|asked|seek|sought)\s+(?:for\s+)?(?:any(?:thing)?\s+|a\s+)?(?:further|additional|more)\b
        |\b(?:see|saw)\s+no\s+(?:reason|need|grounds)\s+to\s+(?:ask|recommend|seek)\s+(?:for\s+)?(?:any(?:thing)?\s+|a\s+)?(?:more|further|additional)\b
        |\b(?:is|was)\s+(?:the\s+(?:outcome|remedy|action)|what)\s+(?:that\s+)?(?:we|I|the\s+ombudsm[ae]n)\s+would\s+(?:have\s+)?(?:usually\s+|normally\s+)?(?:expect|recommend|ask\s+for|seek)\w*
        |\bin\s+line\s+with\s+(?:what|the\s+(?:remedy|amount|sum|payment))\s+(?:that\s+)?(?:we|I|the\s+ombudsm[ae]n)\s+(?:would|might|usually|normally|generally)\s+(?:(?:have|usually|normally)\s+)?(?:recommend|ask|expect|suggest|seek)
        |\b(?:has|have)\s+(?:now\s+|already\s+)?put\s+(?:[\w'’]+\s+){1,3}?back\s+(?:in|into|to)\s+the\s+(?:same\s+)?(?:financial\s+)?position\b
        |\b(?:which|this|that|it)\s+(?:(?:refund|payment|credit|reduction|sum|reimbursement)\s+|(?:we|I)\s+(?:consider|think|find|are\s+satisfied|am\s+satisfied)\s+)?(?:now\s+|therefore\s+|also\s+)?(?:puts|has\s+put|will\s+put)\s+(?:[\w'’]+\s+){1,3}?(?:(?:back\s+)?(?:in|into|to)\s+the\s+(?:same\s+)?(?:financial\s+)?position\b|back\s+where\s+(?:she|he|they|it|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:should|would))
        |\b(?:which|this|that)\s+(?:(?:refund|payment|credit|reduction|sum|reimbursement)\s+|(?:we|I)\s+(?:consider|think|find|are\s+satisfied|am\s+satisfied)\s+)?(?:now\s+|therefore\s+|also\s+)?(?:puts|put|has\s+put)\s+(?:right\s+(?:the|her|his|their|any|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*['’]s)\b|(?:matters|things)\s+right\b)
        |\b(?:has|have|had)\s+already\s+(?:offered|paid|made|provided|given)\s+(?:(?:him|her|them)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:payments?|remedy|refund|sum)\s+(?:to|which|that)\s+(?:remed|address|put\s+right|recognis|acknowledg)
        |\b(?:unlikely|not\s+likely)\s+(?:that\s+)?(?:we|I|the\s+ombudsm[ae]n)\s+(?:would|could)\s+(?:recommend|ask\s+for|seek|achieve|secure)\s+(?:any(?:thing)?\s+)?(?:further|more|additional|significantly\s+more|a\s+(?:different|better|greater))\b",
    )
});
/// A judgement limited to part of the complaint: `a suitable remedy for
/// part of the complaint`; not the part it judges (`I do not recommend
/// anything further for that part of the complaint`).
static FOR_A_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:for|of|to|in)\s+(?:some\s+|one\s+|a\s+)?parts?\s+of\b|\bpartly\b|\bpartial")
});

/// A judgement that the remedy falls short: `not enough`, `insufficient`,
/// `did not fully recognise`, `recommended an increased remedy`.
static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\bno|{not})\s+(?:\w+\s+){0,3}?(?:satisfied|suitable|sufficient|enough|appropriate|adequate|proportionate|reasonable|fair)|\binsufficient|\binadequate|\bfurther remedy|\bdid\s*{not}\s+go far enough|\b(?:would|will|did|does)\s*{not}\s+(?:have\s+)?(?:fully\s+|properly\s+)?remed(?:y|ied)\b|\b(?:did|does)\s*{not}\s+(?:properly\s+|fully\s+|adequately\s+)?(?:reflect|recognise|acknowledge)\b|\b(?:increased|higher|larger|bigger|greater)\s+(?:financial\s+)?(?:remedy|payment|sum|amount)",
    )
});

/// What may follow a [`SHORT`] match that makes it about the injustice left,
/// not the remedy: `there is not enough remaining injustice`.
static INJUSTICE_LEFT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^\s+(?:(?:remaining|outstanding|personal|significant|further)\s+)*injustice")
});

/// Whether `text` says a remedy falls short ([`SHORT`]), not that too little
/// injustice is left to pursue.
fn falls_short(text: &str) -> bool {
    falls_short_outside(text, 0..0)
}

/// [`falls_short`], leaving out words that start inside `judgement`: the
/// `further remedy` of `it is unlikely we would recommend any further remedy`
/// belongs to a judgement that the remedy is enough.
fn falls_short_outside(text: &str, judgement: std::ops::Range<usize>) -> bool {
    SHORT
        .find_iter(text)
        .filter(|m| !judgement.contains(&m.start()))
        .any(|m| !INJUSTICE_LEFT.is_match(&text[m.end()..]))
}

/// The word beginnings every match of [`SATISFIED`] has, asked of each
/// sentence it is run on.
pub(crate) const SATISFIED_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentSatisfied,
    &[
        "satisf",
        "suitabl",
        "sufficient",
        "enough",
        "adequate",
        "appropriate",
        "proportionate",
        "reasonable",
        "fair",
        "remedied",
        "remedies",
        "achieve",
        "addressed",
        "unlikely",
        "likely",
        "already",
        "puts",
        "put",
        "line",
        "would",
        "reason",
        "need",
        "grounds",
        "recommend",
        "ask",
        "seek",
        "sought",
    ],
);

/// The complaint process right after an amount: `agreed to pay £150 in its
/// complaint response`, `£100 at stage two`.
static STAGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:to\s+(?:(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+|him|her|them)\s+)?(?:at|in|during)\s+(?:its\s+|the\s+|her\s+|his\s+)?(?:stage (?:one|two|three|1|2|3)|complaints? (?:process|procedure|response)|final response)",
    )
});

/// `payment`, or what a remedy payment is for, right after an amount no word
/// before marks: `and £1,000 payment`, `an apology and £300 in recognition of
/// the avoidable frustration`, `and £150 for her distress`.
pub(crate) static PAYMENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        ^\s*(?:[\w-]+\s+)?\bpayment\b
        | ^\s*,?\s*(?:to\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+\w+)\s+)?
          (?:in\s+recognition\b|to\s+(?:recognise|acknowledge)\b
            |for\s+(?:(?:his|her|their|the|any)\s+)?(?:avoidable\s+)?(?:distress|frustration|uncertainty|time\s+and\s+trouble)\b)
        ",
    )
});
/// The word beginnings every match of [`PAYMENT_AFTER`] has.
pub(crate) const PAYMENT_AFTER_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentPaymentAfter,
    &[
        "payment",
        "recognition",
        "recognise",
        "acknowledge",
        "distress",
        "frustration",
        "uncertainty",
        "trouble",
    ],
);
/// A remedy's parts listed: `this included an apology and £1,000 payment`.
static INCLUDED: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\binclud\w*\b"));

/// An action that happens at a stage of the complaint process: `start an
/// investigation at stage two`, `consider the complaint at stage three`.
static STAGE_OF_ACTION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:investigat\w*|review|complaints?|consider\w*)\s+$"));

/// A second agreed action that pays, after another: `and pay`, `and to pay`,
/// `, pay` (in a list).
static AND_PAY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?:\b(?:and|then)|,)\s+(?:to\s+)?(?:pay|make\s+a\s+payment)\b"));

/// The Ombudsman's complaint process in the words before an amount: narrated, not decided.
pub(crate) static COMPLAINT_STAGE: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i)\b(?:at|in|during|following|after)\s+(?:its\s+|the\s+|her\s+|his\s+)?(?:stage (?:one|two|three|1|2|3)|complaints? (?:process|procedure|response)|adjudication|final response|(?:initial |first |second )?response to (?:the|her|his|their|Mr|Mrs|Miss|Ms) complaint)",
    )
});
/// The word beginnings every match of [`COMPLAINT_STAGE`] has, asked of the whole sentence
/// though the regex reads only the words around an amount.
pub(crate) const COMPLAINT_STAGE_NEEDS: Prefilter = Prefilter::new(
    Slot::PaymentComplaintStage,
    &["stage", "complaint", "adjudication", "response"],
);

/// Sections that narrate background: remedies in them were offered, not decided.
const NARRATIVE: &[SectionKind] = &[
    SectionKind::Complaint,
    SectionKind::WhatFound,
    SectionKind::HowConsidered,
    SectionKind::RoleAndPowers,
];

/// Every amount of money in the decision, as payments; caps reached are
/// noted in `reached`.
pub fn payments(blocks: &[Block], complainant: Option<&str>, reached: &Reached) -> Vec<Payment> {
    let mut mentions = mentions(blocks, complainant, reached);
    // An agreed action cut off mid-list (the last block, ending mid-sentence)
    // may not list every agreed payment: then it rules out none.
    let whole = |b: usize| b + 1 < blocks.len() || blocks[b].ends_complete();
    let strict = mentions.iter().any(|m| {
        blocks[m.block].kind == Some(SectionKind::AgreedAction)
            && whole(m.block)
            && matches!(
                m.cue,
                Cue::Remedy { .. } | Cue::Accepted | Cue::Listed { .. } | Cue::Charge
            )
    });
    for m in &mut mentions {
        m.payment.role = role(m, blocks[m.block].kind);
    }
    // `The Council offered Ms M £150 at stage two, which she refused. We
    // consider that is an appropriate amount ..., and the Council has agreed
    // to pay it.`: the offer adopted, in the decision's own sections.
    // So is a sum the body had not given back (`had not refunded the £210
    // Mrs K paid ... It has now agreed to do so`).
    for m in &mut mentions {
        if (matches!(m.payment.role, PaymentRole::Offered | PaymentRole::Accepted)
            || (matches!(m.payment.role, PaymentRole::Other | PaymentRole::Claimed)
                && not_given_back(&blocks[m.block], m)))
            && agreed_to_pay_it(&blocks[m.block], m.sentence, m.amount.end, m.amount.pence)
        {
            m.payment.role = PaymentRole::Agreed;
        }
    }
    // `the Council has agreed to pay £400` told in what happened, beside the
    // same £400 agreed in the summary or the action: the remedy restated,
    // not an offer.
    // So is the rest of that sentence's agreement (`The Council has agreed
    // to refund the £65 and pay Mrs F £100`, the £100 agreed in the summary).
    let agreed_amounts = amounts_of(&mentions, &[PaymentRole::Agreed]);
    let told_agreed = |m: &Mention| {
        m.payment.role == PaymentRole::Offered && m.cue == (Cue::Remedy { agreed: true })
    };
    let restated: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| told_agreed(m) && agreed_amounts.contains(&m.amount.pence))
        .map(|m| (m.block, m.sentence))
        .collect();
    for m in &mut mentions {
        if told_agreed(m) && restated.contains(&(m.block, m.sentence)) {
            m.payment.role = PaymentRole::Agreed;
        }
    }
    // `reimburse her storage costs`: the sum told elsewhere is agreed.
    referred::agree_referred_charges(&mut mentions, blocks);
    judged_with_the_next(&mut mentions, blocks);
    // What the body paid or offered on its own is the remedy when the
    // decision finds it sufficient and secures no payment of its own; the
    // same amount offered elsewhere (`it offered £400` in what happened, `the
    // £400 it offered was proportionate` in the findings) is that offer.
    if !mentions
        .iter()
        .any(|m| m.payment.role == PaymentRole::Agreed)
    {
        let sufficient: Vec<i64> = mentions
            .iter()
            .filter(|m| m.satisfied && m.payment.role == PaymentRole::Offered)
            .map(|m| m.amount.pence)
            .collect();
        // A judgement of the whole remedy (`the Council has offered a fair
        // and proportionate remedy` in the summary) takes in every offer,
        // wherever the offer is told and whatever the complainant thinks of it.
        let offers = mentions
            .iter()
            .any(|m| m.payment.role == PaymentRole::Offered);
        let all_sufficient = offers && remedy_judged_sufficient(blocks);
        // So is an offer the summary tells as what the body did (`The
        // Council has apologised and offered to pay him £250`), unless the
        // summary then says it falls short.
        let in_summary = |m: &Mention| {
            let block = &blocks[m.block];
            block.kind.is_none()
                && told_as_offer(m, blocks)
                && !block.sentences()[m.sentence..]
                    .iter()
                    .any(|s| falls_short(s.text))
        };
        for m in &mut mentions {
            if m.payment.role == PaymentRole::Offered
                && (all_sufficient || sufficient.contains(&m.amount.pence) || in_summary(m))
                && !raised_after(m, blocks)
            {
                m.payment.role = PaymentRole::Accepted;
            }
        }
    }
    // What the body did that its own sentence finds a sufficient remedy is
    // part of the remedy even beside a payment the decision secures
    // (`Agincare has reduced her invoice by £1000, which remedies her
    // injustice. It will pay Mr X £200`).
    for m in &mut mentions {
        if m.sufficient_here && m.payment.role == PaymentRole::Offered {
            m.payment.role = PaymentRole::Accepted;
        }
    }
    // The offer told in what happened (`the adjudication ... offered her
    // £150`) is the one the decision accepts elsewhere (`the £150 the
    // Council offered at stage 2 was a fair remedy for that delay`), even
    // beside a payment the decision secures for the rest.
    let accepted = amounts_of(&mentions, &[PaymentRole::Accepted]);
    for m in &mut mentions {
        if m.payment.role == PaymentRole::Offered && accepted.contains(&m.amount.pence) {
            m.payment.role = PaymentRole::Accepted;
        }
    }
    // An offer the decision adopts (`the panel recommended ... £1,000` ...
    // `agreed to pay the £1,000 the panel recommended`; `in addition to the
    // £200 already agreed`) is the agreed payment, not another offer.
    let text = |m: &Mention| blocks[m.block].sentences()[m.sentence].text;
    let offered_as_agreed = |m: &Mention| {
        m.payment.role == PaymentRole::Offered && agreed_amounts.contains(&m.amount.pence)
    };
    if mentions.iter().any(offered_as_agreed) {
        let adopted: Vec<i64> = mentions
            .iter()
            .filter(|m| {
                m.payment.role == PaymentRole::Agreed
                    && NAMED_BEFORE.is_match(text(m).get(..m.amount.start).unwrap_or(""))
            })
            .map(|m| m.amount.pence)
            .collect();
        // `I consider a payment of £750 more fairly reflects the loss`: the
        // decision's own view of the sum it secured, no offer of the body.
        let in_our_view = |m: &Mention| {
            let before = text(m).get(..m.amount.start).unwrap_or("");
            OUR_VIEW_BEFORE
                .find(before)
                .is_some_and(|view| !OFFER_WORD.is_match(&before[view.start()..]))
        };
        // `When we made enquiries, the Council accepted both points. It
        // offered to apologise, pay Miss H £250 ...`: the offer made to the
        // Ombudsman is the payment agreed.
        let made_to_us = |m: &Mention| {
            let block = &blocks[m.block];
            let previous = m
                .sentence
                .checked_sub(1)
                .filter(|&p| block.following(p, 1).next() == Some(m.sentence));
            std::iter::once(m.sentence)
                .chain(previous)
                .any(|n| OUR_ENQUIRIES.is_match(block.sentences()[n].text))
        };
        mentions.retain(|m| {
            !(offered_as_agreed(m)
                && (adopted.contains(&m.amount.pence)
                    || SAID_AGREED_AFTER.is_match(text(m).get(m.amount.end..).unwrap_or(""))
                    || in_our_view(m)
                    || made_to_us(m)))
        });
    }
    // An offer found sufficient that an agreed payment then names as that
    // very sum (`It offered ... £100 at stage two. We consider £100 is a
    // suitable remedy ... and the Council has agreed to pay it`) is that
    // agreed payment. (What was paid or charged keeps its own mention:
    // `Mrs H paid £1,950` ... `agreed to reimburse the £1,950` is money of
    // two kinds, the charge and its refund.)
    let names_told_sum = |m: &Mention| {
        let sentence = text(m);
        m.payment.role == PaymentRole::Agreed
            && (THAT_SUM_BEFORE.is_match(sentence.get(..m.amount.start).unwrap_or(""))
                || NAMES_THE_PAYMENT
                    .find(sentence)
                    .is_some_and(|n| n.end() > m.amount.start))
    };
    let named_again: Vec<i64> = mentions
        .iter()
        .filter(|m| names_told_sum(m))
        .map(|m| m.amount.pence)
        .collect();
    if !named_again.is_empty() {
        mentions.retain(|m| {
            !(m.payment.role == PaymentRole::Accepted
                && !m.amount.in_range
                && named_again.contains(&m.amount.pence))
        });
    }
    // A claim the decision grants (`he incurred a fee of £235` ... `agreed
    // to reimburse the £235`) is that payment, no longer a claim.
    let granted = amounts_of(&mentions, &[PaymentRole::Agreed, PaymentRole::Accepted]);
    mentions
        .retain(|m| !(m.payment.role == PaymentRole::Claimed && granted.contains(&m.amount.pence)));
    // `We consider £150 is a suitable remedy`: an amount nothing marks,
    // equal to a payment read elsewhere, is that payment again.
    use PaymentRole::{Accepted, Agreed, Claimed, Offered};
    let paid = amounts_of(&mentions, &[Agreed, Accepted, Offered, Claimed]);
    // So is a sum told as a price, fee or charge that the complainant wants
    // back, or the body offered back (`He paid £68 in parking charges` ...
    // `wants a £68 refund`), but not an end of a range (`between £200 and
    // £600`), and not a charge beside an agreed payment of the same size,
    // which is as often a coincidence (`a penalty of £150`, `pay £150 for
    // her distress`).
    let wanted_or_offered = amounts_of(&mentions, &[Claimed, Offered, Accepted]);
    mentions.retain(|m| {
        let again = if m.bare {
            paid.contains(&m.amount.pence)
        } else {
            !m.amount.in_range && wanted_or_offered.contains(&m.amount.pence)
        };
        !(m.payment.role == PaymentRole::Other && again)
    });
    // Money paid told again without a word of offer (`apologised and paid
    // him £100`) is the offer another sentence tells (`The £100 the Council
    // paid Mr X ... was not enough`).
    let told_offers: Vec<i64> = mentions
        .iter()
        .filter(|m| m.payment.role == PaymentRole::Offered && told_as_offer(m, blocks))
        .map(|m| m.amount.pence)
        .collect();
    for m in &mut mentions {
        if m.payment.role == PaymentRole::Offered && !told_offers.contains(&m.amount.pence) {
            m.payment.role = PaymentRole::Other;
        }
        if m.payment.role == PaymentRole::Other {
            // A bill or grant has no remedy purpose.
            m.payment.purpose = vec![Purpose::Unspecified];
        }
    }
    let mut mentions = drop_restatements(mentions, blocks, strict);
    mentions.sort_by_key(|m| (m.block, m.sentence, m.amount.start));
    let mut payments: Vec<Payment> = mentions.into_iter().map(|m| m.payment).collect();
    if agreed_without_sum(blocks) {
        agreed_told_in_the_story(&mut payments);
    }
    payments
}

/// Whether the summary, final decision or agreed action says the body
/// agreed to pay without saying how much: `The Council has agreed to pay Ms
/// D for the loss of enjoyment of her home`, `agreed to pay for the repairs`,
/// `agreed to pay Ms K £1,950 ... and to refund the storage charges`,
/// `agreed to pay her the balance of the allowance and £250`.
fn agreed_without_sum(blocks: &[Block]) -> bool {
    static AGREED_TO_PAY_UNSAID: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\bagreed\s+to\s+(?:[^.;£]*?\s)?(?:pay|repay|refund|reimburse)\b[^£]*$|\bagreed\s+to\s+[^.;]*?\band\s+(?:to\s+)?(?:pay|repay|refund|reimburse)\b[^£]*$|\bagreed\s+to\s+(?:pay|repay|refund|reimburse)\s+(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+)?(?:the|any|all)\s+[^.;£]*?\sand\s+£",
        )
    });
    blocks
        .iter()
        .filter(|b| !b.kind.is_some_and(|k| NARRATIVE.contains(&k)))
        .any(|b| {
            b.sentences()
                .iter()
                .any(|s| s.text.contains("agreed") && AGREED_TO_PAY_UNSAID.is_match(s.text))
        })
}

/// One judgement after a list of what the body did judges each item:
/// `It has already refunded her £52 garden waste subscription and paid her
/// £100 in recognition of the inconvenience, which we consider a suitable
/// remedy`. The earlier amount, done by the body (`refunded`, `paid`), takes
/// the later one's judgement when the list joins them with `and` and a verb
/// of doing; not an offer (`offered £100 at stage one and paid £200`).
fn judged_with_the_next(mentions: &mut [Mention], blocks: &[Block]) {
    static AND_DID: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)^[^.;:£]*?(?:,\s*|\s)and\s+(?:has\s+|had\s+|also\s+)*(?:paid|refunded|credited|reimbursed|repaid|waived)\b[^.;:£]*$",
        )
    });
    static DID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"(?i)\b(?:paid|refunded|credited|reimbursed|repaid|waived)\b[^.;:£]*$")
    });
    for k in (1..mentions.len()).rev() {
        let (head, rest) = mentions.split_at_mut(k);
        let (earlier, later) = (&mut head[k - 1], &rest[0]);
        if !(later.sufficient_here
            && earlier.block == later.block
            && earlier.sentence == later.sentence
            && earlier.amount.end <= later.amount.start
            && earlier.payment.role == PaymentRole::Offered
            && later.payment.role == PaymentRole::Offered)
        {
            continue;
        }
        let text = blocks[earlier.block].sentences()[earlier.sentence].text;
        let between = text
            .get(earlier.amount.end..later.amount.start)
            .unwrap_or("");
        let lead = tail(text.get(..earlier.amount.start).unwrap_or(""), 60);
        if AND_DID.is_match(between) && DID_BEFORE.is_match(lead) {
            earlier.satisfied = true;
            earlier.sufficient_here = true;
        }
    }
}

/// An offer its own sentence then raises (`offered Mrs X £200 at stage one
/// and increased this to £400 at stage two`), or a later sentence of its
/// paragraph raises to more (`offered Mrs J £50. ... It also increased its
/// payment to £100`): superseded, never the remedy.
fn raised_after(m: &Mention, blocks: &[Block]) -> bool {
    static RAISED_TO: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)^[^.;£]*?\b(?:increased|raised)\s+(?:this|it|that|its\s+(?:offer|payment)|the\s+(?:offer|payment|amount|sum))\s+to\s+£",
        )
    });
    let raised = |text: &str| {
        (text.contains("increased") || text.contains("raised")) && RAISED_TO.is_match(text)
    };
    let block = &blocks[m.block];
    let text = block.sentences()[m.sentence].text;
    raised(text.get(m.amount.end..).unwrap_or(""))
        || block.following(m.sentence, 3).any(|n| {
            let later = block.sentences()[n].text;
            raised(later)
                && RAISED_TO.find(later).is_some_and(|to| {
                    amounts(&later[to.end() - "£".len()..])
                        .first()
                        .is_some_and(|a| a.start == 0 && a.pence > m.amount.pence)
                })
        })
}

/// Words that tell an offer: `offered`, `a goodwill gesture`, `compensation`,
/// `has already paid`.
static OFFER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:offer\w*|goodwill|good will|gesture|compensat\w*|already)\b")
});

/// Whether an amount read as the body's own money (`offered`) is told as an
/// offer: its sentence says `offer`, `goodwill`, `compensation` or `already`,
/// or the money is for distress, time and trouble, uncertainty, a lost service or a
/// symbol, or the words after it, or the next sentence, find it falls short
/// (`The £100 the Council paid Mr X after his stage two complaint was not
/// enough`; `paid Mr X £250 at stage two. In my view that did not reflect the
/// length of the delay`; or a later sentence of the paragraph naming `the
/// £250` finds it falls short). Money the body simply paid, owed, reduced or has
/// not written off (`paid £270 in January`, `will reduce by £75 per week`,
/// `took too long to reimburse £1.50`) is no offer the decision could adopt:
/// other money.
fn told_as_offer(m: &Mention, blocks: &[Block]) -> bool {
    let for_remedy = m.payment.purpose.iter().any(|p| {
        !matches!(
            p,
            Purpose::FinancialLoss | Purpose::Backdated | Purpose::Unspecified
        )
    });
    let block = &blocks[m.block];
    let sentence = block.sentences()[m.sentence].text;
    for_remedy
        || OFFER_WORD.is_match(sentence)
        || sentence.get(..m.amount.start).is_some_and(|before| {
            ADDED_TO_BEFORE.is_match(before)
                || (before.contains("would") && TOLD_WOULD.is_match(before))
        })
        || sentence.get(m.amount.end..).is_some_and(falls_short)
        || block
            .following(m.sentence, 1)
            .any(|n| falls_short(block.sentences()[n].text))
        || block.following(m.sentence, 3).skip(1).any(|n| {
            let text = block.sentences()[n].text;
            names_sum(text, m.amount.pence) && falls_short(text)
        })
}

/// Right before the body's own money that this decision adds to: `in
/// addition to the `, `on top of its `. The decision adding to it says the
/// money was offered as a remedy and was not enough on its own.
static ADDED_TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:in\s+addition\s+to|on\s+top\s+of)\s+(?:the\s+|its\s+|their\s+)?$")
});

/// Whether `text` names the sum of `pence` as one already told: `The £250
/// did not reflect the full injustice`.
fn names_sum(text: &str, pence: i64) -> bool {
    amounts(text).iter().any(|a| {
        a.pence == pence
            && text
                .get(..a.start)
                .is_some_and(|before| NAMED_BEFORE.is_match(before))
    })
}

/// The amounts, in pence, of the mentions with one of `roles`.
fn amounts_of(mentions: &[Mention], roles: &[PaymentRole]) -> Vec<i64> {
    mentions
        .iter()
        .filter(|m| roles.contains(&m.payment.role))
        .map(|m| m.amount.pence)
        .collect()
}

/// Every amount in every block, read on its own, up to the caps.
fn mentions(blocks: &[Block], complainant: Option<&str>, reached: &Reached) -> Vec<Mention> {
    let mut out = Vec::new();
    'blocks: for (b, block) in blocks.iter().enumerate() {
        // The cue a lead-in line gives, read once for all the bullets under it.
        let mut lead_cues: Vec<(usize, Option<Cue>)> = Vec::new();
        // Most sentences name no money: one search of the block finds those that may.
        for s in block.sentences_with(money_words) {
            let sentence = &block.sentences()[s];
            let mut found = amounts_lower(sentence.text, block.lower(s));
            // `pay Ms B £1,600. This comprises £500 for ...`: the amount just
            // before a breakdown that adds up to it is the total of its
            // parts, which take its cue (and [`drop_totals`] drops it). In
            // one sentence, `pay £700, comprising the £600 she paid and
            // £100 ...`, the same holds from the total on (below).
            let mut parts_cue = if BREAKDOWN.is_match(sentence.text) {
                let sum: i64 = found.iter().map(|a| a.pence).sum();
                out.last_mut()
                    .filter(|m: &&mut Mention| {
                        m.block == b && m.sentence + 1 == s && m.amount.pence == sum
                    })
                    .map(|total| {
                        total.total = true;
                        total.cue
                    })
            } else {
                None
            };
            if found.len() > MAX_AMOUNTS_PER_SENTENCE {
                found.truncate(MAX_AMOUNTS_PER_SENTENCE);
                reached.hit(Cap::AmountsInSentence);
            }
            let room = MAX_AMOUNTS.saturating_sub(out.len());
            let full = found.len() > room;
            if full {
                found.truncate(room);
                reached.hit(Cap::Amounts);
            }
            // Whether sentence `s` may match a pattern needing `w` (see `Block::has`).
            let has = |w: Prefilter| block.has(s, w);
            // The cue words before the last amount, searched for once when first needed.
            let last_start = found.last().map_or(0, |a| a.start);
            let known: OnceCell<Vec<CueMatch>> = OnceCell::new();
            let known =
                || known.get_or_init(|| cue_matches(sentence.text.get(..last_start).unwrap_or("")));
            for (i, amount) in found.iter().enumerate() {
                let prev_end = if i == 0 { 0 } else { found[i - 1].end };
                let next_start = found.get(i + 1).map_or(sentence.text.len(), |a| a.start);
                let before = sentence.text.get(..amount.start).unwrap_or("");
                let after = sentence.text.get(amount.end..).unwrap_or("");
                // A word glued to the amount (`£300offered`) starts a word in
                // `after` but not in the sentence: then word masks say nothing.
                let glued = |at: usize| glued(sentence.text, at);
                let has_after = |w: Prefilter| glued(amount.end) || has(w);
                // `pay Mrs X the £250 it offered at stage two and a further
                // £1,350`: the clause between tells the earlier amount, and
                // the words before that one govern this one too.
                let between = sentence.text.get(prev_end..amount.start).unwrap_or("");
                // So do words between that only tell of money (`£1,200 to
                // recognise B's lost education, in place of its earlier offer,
                // and £200`).
                // Nor does a clause of no money words that tells what should
                // have been (`£1,000 for the months they stayed when they
                // should have been in a higher band, and £250`).
                let only_told_between = || {
                    let cues = cues_before(known(), sentence.text, amount.start);
                    let mut between_cues = cues.iter().filter(|m| m.start >= prev_end).peekable();
                    if between_cues.peek().is_none() {
                        return between.contains(" should ");
                    }
                    between_cues.all(|m| match m.group {
                        CueGroup::Offered | CueGroup::NotRemedy | CueGroup::Loss => true,
                        // What the earlier payment is for: `to recognise`.
                        CueGroup::Remedy => sentence
                            .text
                            .get(m.start..m.start + 3)
                            .is_some_and(|w| w.eq_ignore_ascii_case("to ")),
                        _ => false,
                    })
                };
                let cue_at = if i > 0
                    && THEN_AND.is_match(between)
                    && (OFFERED_AFTER.is_match(between)
                        || PRIOR_CLAUSE.is_match(between)
                        || only_told_between())
                {
                    found[i - 1].start
                } else {
                    amount.start
                };
                let cues = || cues_before(known(), sentence.text, cue_at);
                let cue_before = sentence.text.get(..cue_at).unwrap_or("");
                let mut cue = if cue_at == amount.start && replaced(before) {
                    // `pay them £100 instead of the £25`: the sum replaced is
                    // the earlier offer.
                    Some(Cue::Offered)
                } else if before.contains("difference") && TERM_OF_DIFFERENCE.is_match(before) {
                    // `backdate the difference between the £142.50 a week it
                    // paid and the £196.80 weekly rate`: the terms, not the sum.
                    Some(Cue::Other)
                } else if i > 0
                    && before.contains("reduction")
                    && REDUCTION_OF.is_match(between)
                    && REDUCED_TO.is_match(&sentence.text[..found[i - 1].start])
                {
                    // `agreed to reduce the bill to £250, a reduction of
                    // £8,150`: the sum taken off is the remedy.
                    let agreed = agreed_before(before).is_some_and(|(agreed, _)| agreed);
                    Some(Cue::Remedy { agreed })
                } else if before.contains("which") && CALCULATED_AS.is_match(before) {
                    // `pay the woman the difference ..., which it has
                    // calculated as £5,432`: the sum the verb pays.
                    let agreed = agreed_before(before).is_some_and(|(agreed, _)| agreed);
                    Some(Cue::Remedy { agreed })
                } else {
                    cue(amount, cue_before, after, &cues, &has, &has_after)
                };
                if matches!(
                    cue,
                    None | Some(Cue::Remedy { agreed: false }) | Some(Cue::Charge)
                ) || (matches!(cue, Some(Cue::Other | Cue::Offered))
                    && !amount.rate
                    && pays_it_outright(before))
                    // An agreed item told in the story's sections reads as
                    // its lead-in says: the story's or this decision's.
                    || (cue == Some(Cue::Remedy { agreed: true })
                        && block.kind.is_some_and(|k| NARRATIVE.contains(&k)))
                {
                    // A bullet under `the Council has agreed to pay Mrs X:` or
                    // `the Council should:` reads with its lead-in.
                    if let Some(lead) = sentence.lead {
                        let known = lead_cues.iter().find(|(l, _)| *l == lead);
                        let from_lead = match known {
                            Some((_, c)) => *c,
                            None => {
                                let c =
                                    lead_cue(block.sentences()[lead].text, &|w| block.has(lead, w));
                                lead_cues.push((lead, c));
                                c
                            }
                        };
                        // A lead-in that says something (agreed, wanted,
                        // offered) outranks a bare payment word in the item.
                        cue = from_lead.or(cue);
                    }
                }
                if parts_cue.is_some() {
                    cue = parts_cue;
                }
                let bare = cue.is_none();
                let cue = cue.unwrap_or(match block.kind {
                    Some(SectionKind::AgreedAction) => Cue::Remedy { agreed: true },
                    _ => Cue::Other,
                });
                // `She has spent about £2,100 on fuel. She wants the Council
                // to repay this.`: what she paid, wanted back in the next
                // sentence, is her claim.
                let cue = if cue == Cue::Other
                    && i + 1 == found.len()
                    && (before.contains("paid")
                        || before.contains("paying")
                        || before.contains("bought")
                        || before.contains("spent")
                        || before.contains("cost")
                        || before.contains("charged")
                        || before.contains("rent")
                        || before.contains("quoted")
                        || before.contains("estimated"))
                    && SHE_PAID_BEFORE.is_match(before)
                    && (wanted_back_next(block, s)
                        || (after.contains("claim") && CLAIM_REJECTED_AFTER.is_match(after)))
                {
                    Cue::Claimed
                } else if cue == Cue::Other
                    && i + 1 == found.len()
                    && (before.contains("paid")
                        || before.contains("spent")
                        || before.contains("cost"))
                    && SHE_PAID_BEFORE.is_match(before)
                    && agreed_back_next(block, s)
                {
                    // `Mr and Mrs T paid £2,750 for a stairlift. The Council
                    // has agreed to reimburse this.`: the agreed payment.
                    Cue::Remedy { agreed: true }
                } else {
                    cue
                };
                let own_after = sentence.text.get(amount.end..next_start).unwrap_or("");
                let own_before = sentence.text.get(prev_end..amount.start).unwrap_or("");
                let own_before_has = |w: Prefilter| glued(prev_end) || has(w);
                let broken_down = TOTAL_AFTER.is_match(own_after);
                let total = broken_down
                    || (own_before_has(TOTAL_BEFORE_NEEDS) && TOTAL_BEFORE.is_match(own_before));
                // `£50 for each week ..., which comes to £1,150`, `£150 a month
                // for four months (£600)`: a stated total of the rate just
                // before it is paid as the rate is.
                // The rate itself is then how the sum was worked out, other
                // money (a stated total beside a rate is the payment); so is
                // a rate right after the sum it makes up (`pay Ms X £1,350,
                // calculated at £150 for each of the nine weeks`).
                let rate_total = (i > 0)
                    .then(|| &found[i - 1])
                    .filter(|rate| rate.period.is_some())
                    .filter(|rate| {
                        // A total in words may count half periods: `£150 a
                        // month ..., a total of £525`.
                        (total && is_multiple(2 * amount.pence, rate.pence))
                            || (is_multiple(amount.pence, rate.pence)
                                && (own_before.trim_end().ends_with('(')
                                    || RATE_RESTATED.is_match(own_before)))
                    })
                    .and_then(|rate| {
                        out.iter().rposition(|m| {
                            m.block == b && m.sentence == s && m.amount.start == rate.start
                        })
                    });
                // `refund half of the £4,600 it charged, which is £2,300`:
                // the share is the payment, the whole it is a share of is
                // other money, and the share takes the whole's cue.
                let share_of = (i > 0)
                    .then(|| &found[i - 1])
                    .filter(|whole| {
                        let whole_before = tail(sentence.text.get(..whole.start).unwrap_or(""), 40);
                        share_of_whole(whole_before, whole.pence, amount.pence)
                            && SHARE_RESTATED.is_match(own_before)
                    })
                    .and_then(|whole| {
                        out.iter().rposition(|m| {
                            m.block == b && m.sentence == s && m.amount.start == whole.start
                        })
                    });
                let cue = match rate_total.or(share_of) {
                    Some(r) => std::mem::replace(&mut out[r].cue, Cue::Other),
                    None => cue,
                };
                let cue = if i > 0
                    && amount.period.is_some()
                    && is_multiple(found[i - 1].pence, amount.pence)
                    && RATE_OF_SUM_BEFORE.is_match(own_before)
                {
                    Cue::Other
                } else {
                    cue
                };
                if broken_down
                    && found[i + 1..].iter().map(|a| a.pence).sum::<i64>() == amount.pence
                {
                    parts_cue = Some(cue);
                }
                let own_has = |w: Prefilter| glued(prev_end) || glued(amount.end) || has(w);
                // `What I found` holds the assessment too on many pages: there
                // a judgement in the amount's own sentence counts when it is
                // in the decision's own voice (`is in line with our guidance
                // and I do not recommend a further payment`).
                // So does the next sentence when it names the payment and
                // speaks in that voice (`I am satisfied the refund has put
                // Mrs E back ...`, `This is in line with our guidance`).
                let judged_where = || match block.kind {
                    Some(SectionKind::WhatFound) => {
                        FIRST_PERSON.is_match(own_after)
                            || ((own_after.contains("right thing")
                                || own_after.contains("out of pocket"))
                                && which_we_find_fair(own_after))
                            || block
                                .following(s, 1)
                                .any(|n| judges_what_went_before(block.sentences()[n].text))
                            || next_names_it(block, s, amount.pence)
                                .is_some_and(|n| FIRST_PERSON.is_match(block.sentences()[n].text))
                    }
                    Some(k) => !NARRATIVE.contains(&k),
                    None => true,
                };
                let owns = matches!(cue, Cue::Offered | Cue::Remedy { agreed: false });
                // `We do not consider a further payment is needed as the
                // Council has already paid Ms U £25`: judged before it.
                let enough_before = owns && nothing_further_because(own_before);
                // `offered Mrs A £500 at stage two ..., which we consider
                // reasonable`: judged in the clause that tells it.
                let judged_in_clause =
                    owns && amount.period.is_none() && which_we_find_fair(own_after);
                let satisfied = owns
                    && judged_where()
                    && (enough_before
                        || judged_in_clause
                        || satisfied_after(block, s, own_after, &has_after));
                let ours = |text: &str| {
                    judged_sufficient(text).is_some_and(|judged| {
                        !NOT_OURS.is_match(&text[..judged]) && !FOR_A_PART.is_match(&text[judged..])
                    })
                };
                let sufficient_here = satisfied
                    && (enough_before
                        || judged_in_clause
                        || (has_after(SATISFIED_NEEDS) && ours(own_after))
                        || next_names_it(block, s, amount.pence).is_some_and(|n| {
                            block.has(n, SATISFIED_NEEDS) && ours(block.sentences()[n].text)
                        }));
                let payment = Payment {
                    amount: amount.pounds(),
                    role: PaymentRole::Other,
                    period: amount.period,
                    purpose: purposes_with(own_before, own_after, &own_has),
                    recipient: recipient(tail(own_before, 80), own_after, before, complainant),
                    section: block.name().to_string(),
                    sentence: evidence(sentence.text, amount.start, amount.end, reached),
                };
                // `pays her and Mrs Y £200 each`: one payment apiece.
                let apiece = if amount.period.is_none() {
                    let mut apiece = shares(tail(own_before, 80), own_after, before, complainant);
                    // `The Council and the Trust have agreed to each pay Miss
                    // B £400`: one payment from each body.
                    if apiece.len() < 2
                        && own_before.contains("each")
                        && EACH_PAYS.is_match(own_before)
                    {
                        apiece = vec![None, None];
                    }
                    apiece
                } else {
                    Vec::new()
                };
                let mention = Mention {
                    amount: *amount,
                    block: b,
                    sentence: s,
                    cue,
                    total,
                    bare,
                    satisfied,
                    sufficient_here,
                    referred: false,
                    payment,
                };
                if apiece.len() < 2 {
                    out.push(mention);
                    continue;
                }
                for who in apiece {
                    if out.len() >= MAX_AMOUNTS {
                        reached.hit(Cap::Amounts);
                        break;
                    }
                    let mut share = mention.clone();
                    if who.is_some() {
                        share.payment.recipient = who;
                    }
                    out.push(share);
                }
            }
            if full {
                break 'blocks;
            }
        }
    }
    out
}

/// Whether the words after an amount (`after`, in sentence `s` of `block`)
/// or the next two sentences of its paragraph find what the body did a
/// sufficient remedy, without saying it falls short. `has_after` as for [`cue`].
fn satisfied_after(
    block: &Block,
    s: usize,
    after: &str,
    has_after: &dyn Fn(Prefilter) -> bool,
) -> bool {
    let judged = |text: &str| judged_sufficient(text).is_some();
    if has_after(SATISFIED_NEEDS) && judged(after) {
        return true;
    }
    block
        .following(s, 2)
        .any(|n| block.has(n, SATISFIED_NEEDS) && judged(block.sentences()[n].text))
}

/// Whether a sentence opens by finding what the body just did enough (`That
/// puts right his financial loss.`, `This refund puts Mrs L back in the
/// position ...`, `This is a suitable remedy.`): only the decision judges so.
fn judges_what_went_before(text: &str) -> bool {
    judged_sufficient(text) == Some(0)
}

/// `..., which was the right thing to do`, `..., so she is no longer out of
/// pocket`: a judgement only the decision makes, so its own voice even
/// without `we` or `I`.
const RIGHT_THING: &str = r"^[^.;£]*?,\s*(?:which\s+(?:is|was)\s+the\s+right\s+thing\s+to\s+do|so\s+(?:she|he|they|it)\s+(?:is|are|was|were)\s+no\s+longer\s+out\s+of\s+pocket)\b";

/// Whether the words after an amount judge it fair in the decision's own
/// voice, in the clause that tells it: `..., which we consider reasonable`,
/// `..., which I find was proportionate`, `..., which is appropriate.` (at
/// the clause's end: `which was a suitable remedy for part of the complaint`
/// judges only a part).
fn which_we_find_fair(after: &str) -> bool {
    static WHICH_WE_FIND_FAIR: LazyLock<Regex> = LazyLock::new(|| {
        regex(&
            r"(?i)^[^.;£]*?,\s*which\s+(?:we|I)\s+(?:consider|think|find|found|considered|thought)\s+(?:to\s+be\s+|was\s+|is\s+|were\s+)?(?:both\s+)?(?:an?\s+)?(?:fair|reasonable|suitable|proportionate|appropriate|adequate|sufficient)\b|^[^.;£]*?,\s*which\s+(?:is|was)\s+(?:both\s+)?(?:fair|reasonable|suitable|proportionate|appropriate|adequate|sufficient)\s*(?:[.;]|$)|{RIGHT_THING}".replace("{RIGHT_THING}", RIGHT_THING),
        )
    });
    (after.contains("which") || after.contains("so ")) && WHICH_WE_FIND_FAIR.is_match(after)
}

/// Whether the clause before an amount the body paid says no more is needed
/// because of it: `We do not consider a further payment is needed as the
/// Council has already paid`, `No further remedy is necessary because it
/// has refunded`.
fn nothing_further_because(before: &str) -> bool {
    static NOTHING_FURTHER: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)(?:\bno|{not}\s+(?:\w+\s+)?(?:consider|think|find|believe|recommend|propose|see\s+(?:the\s+)?need\s+for)\w*\s+(?:that\s+)?(?:a|an|any))\s+(?:further|additional|more)\s+(?:financial\s+)?(?:payment|remedy|redress|compensation)\b[^.;£]*?\b(?:as|because|since|given\s+that)\b[^.;£]*$",
        )
    });
    (before.contains("further") || before.contains("additional") || before.contains("more"))
        && NOTHING_FURTHER.is_match(before)
}

/// The next sentence of sentence `s`'s paragraph when it begins by naming
/// the payment of `pence` just told: `That payment was a suitable remedy.`,
/// `I consider £500 a fair remedy` (not when it names another sum).
fn next_names_it(block: &Block, s: usize, pence: i64) -> Option<usize> {
    block.following(s, 1).find(|&n| {
        NAMES_THE_PAYMENT
            .find(block.sentences()[n].text)
            .is_some_and(|m| match amounts(m.as_str()).first() {
                Some(named) => named.pence == pence,
                None => true,
            })
    })
}

/// Whether one of the next two sentences of sentence `s`'s paragraph has
/// the complainant wanting money back: `She wants the Council to repay this.`
fn wanted_back_next(block: &Block, s: usize) -> bool {
    block
        .following(s, 2)
        .any(|n| WANTED_BACK.is_match(block.sentences()[n].text))
}

/// Whether the words right before a mention say the body had not given the
/// sum back: `the Council had not refunded the £210`, `it has not yet repaid`.
fn not_given_back(block: &Block, m: &Mention) -> bool {
    static NOT_GIVEN_BACK: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:had|has|have|did|does)\s*{not}\s+(?:yet\s+)?(?:refund|repa|reimburs|return)\w*\s+(?:(?:him|her|them|the|any|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+){0,2}$",
        )
    });
    let before = block.sentences()[m.sentence]
        .text
        .get(..m.amount.start)
        .unwrap_or("");
    before.contains("not") && NOT_GIVEN_BACK.is_match(before)
}

/// Whether the body agrees to pay the offer of `pence` just told, outside
/// the story's sections: in the rest of its sentence (from byte `end`) or
/// the next one of the paragraph, `the Council has agreed to pay it` (or
/// `that sum`, or `it has agreed to do so`), with no other sum between for `it` to stand for (`We
/// consider £400 more appropriate, and the Council has agreed to pay it`).
fn agreed_to_pay_it(block: &Block, s: usize, end: usize, pence: i64) -> bool {
    static AGREED_TO_PAY_IT: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:the\s+{body}|it)\s+(?:has\s+|have\s+)?(?:now\s+|also\s+|since\s+)?agreed\s+to\s+(?:pay\s+(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+)?(?:it|this|that|(?:this|that|the)\s+(?:sum|amount|payment))|do\s+(?:so|this|that))\b",
        )
    });
    if block.kind.is_some_and(|k| NARRATIVE.contains(&k)) {
        return false;
    }
    // The agreement in `text`, if no other sum comes before it there.
    let agrees = |text: &str| {
        text.contains("agreed")
            && AGREED_TO_PAY_IT.find(text).is_some_and(|m| {
                amounts(&text[..m.start()])
                    .iter()
                    .all(|other| other.pence == pence)
            })
    };
    let sentences = block.sentences();
    let rest = sentences[s].text.get(end..).unwrap_or("");
    if rest.contains('£') {
        // A sum later in its own sentence is what an agreement there is to.
        return agrees(rest);
    }
    agrees(rest) || block.following(s, 1).any(|n| agrees(sentences[n].text))
}

/// Whether the next sentence of sentence `s`'s paragraph has the body
/// agreeing to pay back what was just told as paid, or the Ombudsman
/// recommending it: `The Council has agreed to reimburse this.`
fn agreed_back_next(block: &Block, s: usize) -> bool {
    static AGREED_BACK: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)^(?:(?:the\s+{body}|it)\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|since\s+|also\s+)?agreed\s+to|(?:we|I)\s+(?:also\s+)?recommend(?:ed)?\s+(?:that\s+)?(?:the\s+{body}|it)(?:\s+should)?)\s+(?:refund|reimburse|repay|pay\s+(?:(?:him|her|them)\s+)?back)\s+(?:this|it|that|them|the\s+(?:full\s+)?(?:amount|sum|cost|money))\b",
        )
    });
    block
        .following(s, 1)
        .any(|n| AGREED_BACK.is_match(block.sentences()[n].text))
}

/// The complainant wanting money back, opening a sentence: wanting the body
/// to repay it or pay for the work, saying it should (`He says ... that it
/// should reimburse him`), having claimed it from the body (`He claimed
/// this from the Council`, `He made a claim to the Council for this cost`), or that it turned down their claim (`She says
/// the Council rejected her claim`).
static WANTED_BACK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:she|he|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:(?:says?|said|believes?|feels?|thinks?)\b[^.;]*?\band\s+)?(?:now\s+|also\s+)?(?:(?:wants?|would\s+like|asks?|expects?)\s+(?:the\s+(?:[\w'’-]+\s+){1,2}?|it\s+)to\s+(?:[^.;,]{1,40}?\s+and\s+)?(?:refund|reimburse|repay|pay\s+(?:her|him|them)\s+back|pay\s+(?:this|it)\b|pay\s+(?:for\s+)?the\s+(?:full\s+|whole\s+)?cost|pay\s+for\s+(?:the|this|it|them)\b|pay\s+(?:his|her|their)\s+(?:costs?|expenses|fees?|bills?)\b|compensate\s+(?:her|him|them)\b|cover)|(?:claimed|claims|sought|asked\s+for)\s+(?:this|it|the\s+(?:cost|money|amount|sum))\s+(?:back\s+)?from\b|(?:made|submitted|put\s+in)\s+an?\s+(?:insurance\s+)?claim\b|(?:says?|said)\b[^.;]*?\b(?:it|the\s+{body})\s+should\s+(?:reimburse|refund|repay|compensate)\s+(?:her|him|them)\b|(?:says?|said)\s+(?:that\s+)?(?:it|the\s+{body})\s+(?:has\s+|had\s+)?(?:rejected|refused|turned\s+down|declined)\s+(?:her|his|their)\s+(?:insurance\s+)?claim)",
    )
});

/// The rest of the sentence telling the complainant's claim for a cost turned
/// down: `and the Council’s insurer wrongly rejected his claim`.
static CLAIM_REJECTED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:rejected|refused|turned\s+down|declined)\s+(?:his|her|their)\s+(?:insurance\s+)?claim\b",
    )
});

/// The complainant paying or spending, in the clause that ends at an amount:
/// `She has spent about `, `she paid `, `he paid a cleaner `, `and spent
/// about ` (after her other doings), `she has been paying `, `the family
/// paid `, `she was still charged `, `the family bought replacements, which
/// cost `; or what something will cost (`putting the work right will cost
/// about `) or was quoted (`a surveyor has since quoted `), hers when she then
/// wants it paid.
static SHE_PAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:she|he|they|and|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*|the\s+(?:family|estate|couple))\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+|also\s+)?(?:paid|spent|been\s+paying)\b[^.;£]*$|\b(?:she|he|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:was|were|has\s+been|had\s+been)\s+(?:still\s+|also\s+|then\s+)?charged\b[^.;£]*$|\b(?:she|he|they|and|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*|the\s+(?:man|woman|complainant|family))\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+|also\s+)?(?:(?:had|has|have)\s+to\s+(?:buy|purchase|replace|hire|rent)|bought|purchased|replaced|hired|rented)\b[^.;£]*(?:\bcost(?:ing)?\s+(?:of\s+)?|\bfor\s+)(?:(?:about|around|over|nearly|almost|more\s+than)\s+)?$|\b(?:will|would)\s+cost\s+(?:(?:about|around|over|nearly|almost|more\s+than|at\s+least)\s+)?$|\b(?:repairs?|works?|replacements?|damage|treatment|removal)\s+(?:has\s+|had\s+)?cost\s+(?:(?:her|him|them)\s+)?(?:(?:about|around|over|nearly|almost|more\s+than)\s+)?$|\b(?:has|had|have)\s+(?:since\s+)?(?:been\s+)?(?:quoted|estimated)\s+(?:(?:about|around|over|nearly|almost|more\s+than)\s+)?$",
    )
});

/// A sentence that begins by naming a payment already told, or judging it
/// as `this` or by its sum (`This is in line with our guidance on
/// remedies`, `I consider £500 a fair remedy`).
static NAMES_THE_PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:(?:we|I)\s+(?:also\s+)?(?:found|find|consider|considered|think|are\s+satisfied|am\s+satisfied)\s+(?:that\s+)?)?(?:that|this|the|its|such\s+a)\s+(?:[\w-]+\s+)?(?:payment|sum|amount|refund|reimbursement|award)\b|^(?:(?:we|I)\s+(?:also\s+)?(?:consider|find|think|believe)\s+(?:that\s+)?)?(?:this|that|it|(?:the\s+|that\s+|this\s+)?£[\d,]+(?:\.\d\d)?)\s+(?:(?:is|was)\s+)?(?:in\s+line\s+with|an?\s+(?:fair|suitable|proportionate|reasonable|appropriate|adequate))\b",
    )
});

/// Words right before an amount naming it as one already told: `the
/// £1,000 the panel recommended`, `the further £450`, `pay him that £200`.
static NAMED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:the|that|this)\s+(?:further\s+|additional\s+|same\s+|full\s+)?$")
});

/// Words right before an amount naming it as the very sum already told,
/// not one more of it: `the £1,950`, `that £200` (not `the further £450`).
static THAT_SUM_BEFORE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?:the|that|this)\s+$"));

/// The Ombudsman's enquiries or draft decision, to which a body answers with
/// an offer: `When we made enquiries`, `in response to my draft decision`.
static OUR_ENQUIRIES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:(?:my|our)\s+(?:enquiries|enquiry|draft\s+decision|draft)|(?:we|I)\s+made\s+enquiries)\b",
    )
});

/// The Ombudsman's view opening the sentence (or the clause after `, but`)
/// up to an amount: `I consider a payment of `, `In my view, we think `,
/// `It offered Mrs F £50, but we consider `.
static OUR_VIEW_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:^|,\s*but\s+|;\s*)\s*(?:(?:however|so|therefore|overall|instead|in\s+my\s+view|in\s+our\s+view),?\s+)?(?:I|we)\s+(?:\w+\s+)?(?:consider|think|find|believe|feel|am\s+satisfied|are\s+satisfied)\b[^£.;]*$",
    )
});

/// Words right after an amount saying it is agreed: `the £200 already agreed`.
static SAID_AGREED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:(?:that|which)\s+)?(?:(?:it|the\s+{body})\s+)?(?:has\s+|had\s+)?(?:already\s+|now\s+|since\s+)?agreed\b",
    )
});

/// Where `text` finds what the body did a sufficient remedy ([`SATISFIED`])
/// without saying it falls short ([`SHORT`]): the judgement's start.
pub(crate) fn judged_sufficient(text: &str) -> Option<usize> {
    SATISFIED
        .find(text)
        .filter(|m| !falls_short_outside(text, m.range()))
        .map(|m| m.start())
}

/// Someone else's view ([`fault::REPORTED`]), a condition or a denial before
/// a judgement: `Mr X says the offer was reasonable`, `if we are satisfied`,
/// `the Council considered its offer a fair remedy`, `we do not consider the
/// Council has offered a suitable remedy`.
static NOT_OURS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)(?:{})|\b(?:if|may|might|whether|unless)\b|{{not}}\s+(?:\w+\s+)?(?:consider|think|find|believe|satisf|agree)|{{body}}\s+(?:\w+\s+){{0,2}}?(?:consider|felt|thought|believed|decided)",
        fault::REPORTED
    ))
});

/// Whether the decision itself, outside the sections that tell the story,
/// finds what the body did a sufficient remedy in so many words, not
/// conditionally and not as someone's view: `This is because the Council
/// has offered a fair and proportionate remedy`.
fn remedy_judged_sufficient(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .filter(|block| !block.kind.is_some_and(|k| NARRATIVE.contains(&k)))
        .any(|block| {
            block.sentences().iter().enumerate().any(|(n, sentence)| {
                if !block.has(n, SATISFIED_NEEDS) {
                    return false;
                }
                let text = sentence.text;
                judged_sufficient(text).is_some_and(|judged| {
                    NOT_OURS
                        .find(text)
                        .is_none_or(|voice| voice.start() > judged)
                })
            })
        })
}

/// Whether byte `at` of `text` continues a word begun before it.
fn glued(text: &str, at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let bytes = text.as_bytes();
    at > 0 && word(bytes.get(at - 1)) && word(bytes.get(at))
}

/// The cue of one amount from the words around it; `None` when nothing says.
/// `cues` gives the matches of [`CUE`] in `before`. `has` and `has_after` say whether `before` and `after` may match a pattern
/// needing some words (`false` only when they certainly cannot).
fn cue<'k>(
    amount: &Amount,
    before: &str,
    after: &str,
    cues: &dyn Fn() -> Cow<'k, [CueMatch]>,
    has: &dyn Fn(Prefilter) -> bool,
    has_after: &dyn Fn(Prefilter) -> bool,
) -> Option<Cue> {
    if amount.rate && amount.period.is_none() {
        return Some(Cue::Other);
    }
    let cue = words_cue(before, after, &cues(), amount.rate, has, has_after);
    // An end of a range is an estimate, guidance or a band: a claim when
    // the words say so (`she paid £6,000 to £7,000 too much`), else other.
    if amount.in_range {
        return Some(match cue {
            Some(Cue::Claimed) => Cue::Claimed,
            _ => Cue::Other,
        });
    }
    // A weekly, monthly or yearly rate keeps the role its words give it
    // (`pay her £50 a month`); with no words it is a price or a charge.
    if amount.rate && cue.is_none() {
        return Some(Cue::Other);
    }
    cue
}

/// [`cue`] from the words alone.
fn words_cue(
    before: &str,
    after: &str,
    cues: &[CueMatch],
    rate: bool,
    has: &dyn Fn(Prefilter) -> bool,
    has_after: &dyn Fn(Prefilter) -> bool,
) -> Option<Cue> {
    let removal = removes_charge(before, after)
        .or_else(|| puts_back(before, after))
        .or_else(|| backdated_sum(before));
    let strong_direct =
        removal.is_some() || (has(STRONG_DIRECT_NEEDS) && STRONG_DIRECT.is_match(before));
    let with_removal: Vec<CueMatch>;
    let cues = match removal {
        Some(verb) => {
            with_removal = cues.iter().copied().chain([verb]).collect();
            &with_removal[..]
        }
        None => cues,
    };
    // Few amounts have words after them that say: one search asks all four.
    if !strong_direct && ANY_AFTER.is_match(after) {
        if WANTED_AFTER.is_match(after) {
            return Some(Cue::Claimed);
        }
        if CLAIMED_AFTER.is_match(after) {
            return Some(loss(after));
        }
        if OTHER_AFTER
            .find(after)
            .is_some_and(|m| !for_whose_benefit(after, m.end()))
            && !loss_right_before(cues, before)
            && !paid_in(before, after)
            && agreed_pay_right_before(before) != Some(true)
            && !wanted_paid_right_before(before)
            && !refused_in_their_words(cues, before)
        {
            return Some(Cue::Other);
        }
        if OFFERED_AFTER.is_match(after) {
            // `agreed to pay Mrs X the £250 it offered`: the offer adopted.
            return Some(
                if before.ends_with("the ") && agreed_pay_right_before(before).is_some() {
                    Cue::Remedy { agreed: true }
                } else {
                    Cue::Offered
                },
            );
        }
        if AGREED_BACK_AFTER.is_match(after) {
            return Some(Cue::Remedy { agreed: true });
        }
    }
    let mut last: Option<(CueGroup, usize, usize)> = None; // (group, start, end)
    let mut prev: Option<(CueGroup, usize, usize)> = None;
    let mut wanted_at: Option<usize> = None;
    let mut accepted = false;
    let mut asked = false;
    let mut body_wanted = false;
    for m in cues {
        let group = m.group;
        match group {
            // `has agreed to ask a different manager to ...`: what the body
            // will do, not anyone wanting money.
            CueGroup::Wanted if AGREED_ACTION_BEFORE.is_match(&before[..m.start]) => {}
            // `the Council demanded £500`: the body's charge, not a claim.
            // (Read only where a verb of wanting is found: few sentences.)
            CueGroup::Wanted
                if BODY_BEFORE.is_match(&before[..m.start])
                    || RULE_BEFORE.is_match(&before[..m.start])
                    || ASKED_OF_SOMEONE.is_match(&before[m.end..]) =>
            {
                body_wanted = true;
                wanted_at = Some(m.end);
            }
            CueGroup::Wanted => wanted_at = Some(m.end),
            CueGroup::Accepted => accepted = true,
            // `In response to our enquiries, the Council confirmed it has
            // already refunded £80`: paid before the enquiries, not for them.
            CueGroup::Offered if accepted && before_now(&before[m.start..m.end]) => {
                accepted = false
            }
            CueGroup::Asked => {
                // `we have asked the Council to pay`: the Ombudsman's request
                // is the remedy, whatever the complainant wanted before it.
                asked = true;
                wanted_at = None;
            }
            _ => {}
        }
        prev = last;
        last = Some((group, m.start, m.end));
    }
    if let Some(verb) = verb_carried_on(cues, before) {
        prev = last;
        last = Some(verb);
    }
    let agreed_word = if has(AGREED_NEEDS) {
        agreed_before(before)
    } else {
        None
    };
    // `the review panel recommended the Council pay £1,000`: the body's own
    // complaint procedure recommends, not this decision.
    if agreed_word.is_some_and(|(agreed, end)| {
        agreed && procedure_recommends(&before[..end]) && governs(&before[end..])
    }) {
        return Some(Cue::Offered);
    }
    // `accepted an offer from Mrs X to pay £20 a week`: her instalments;
    // so are those it offered to let her pay.
    if (accepted || agreed_word.is_some_and(|(agreed, _)| agreed) || before.contains("offer"))
        && COMPLAINANT_PAYS.is_match(before)
    {
        return Some(Cue::Other);
    }
    let agreed = asked
        || match agreed_word {
            // `It should have paid him £50`: money owed, not a remedy; not
            // when a want follows it (`more than he should have done, and
            // she wants a refund of £15,500`).
            // `it said it would pay him £250`: the body's undertaking.
            Some((false, _)) if before.contains("would") && TOLD_WOULD.is_match(before) => true,
            // `accepted it should have noticed the fault, apologised and
            // offered £600`: an offer in a later clause is not governed.
            Some((false, end))
                if !accepted
                    && wanted_at.is_none_or(|w| w <= end)
                    && !offer_in_a_later_clause(cues, before, end) =>
            {
                return Some(Cue::Other)
            }
            Some((agreed, _)) => agreed,
            // `The Council will pay £150, which is a suitable remedy`: the
            // decision's judgement of a payment makes it the remedy, but not
            // of the body's own offer (`has offered to pay £150, which I
            // consider is a suitable remedy`, `has already refunded the
            // £150, which is fair`): that is accepted as enough, below.
            // `it said it would ... pay her £200`: the body's undertaking.
            None if before.contains("would") && TOLD_WOULD.is_match(before) => true,
            // Nor of what it has done (`has apologised and refunded £480,
            // which is a suitable remedy`).
            None => {
                has_after(EVALUATED_AFTER_NEEDS)
                    && EVALUATED_AFTER.is_match(after)
                    && !own_offer_before(cues, before)
                    // `The refund of £210 the Council has already made is a
                    // suitable remedy`: what it did, judged, is accepted.
                    && !OFFERED_AFTER.is_match(after)
                    && !REFERS_BACK.is_match(before)
                    && !last.is_some_and(|(g, from, to)| {
                        matches!(g, CueGroup::Remedy | CueGroup::StrongRemedy)
                            && before.get(from..to).is_some_and(told_done)
                    })
            }
        };
    // `asked for a financial assessment, but his capital had fallen to
    // £11,000`: a want whose clause ends before the amount does not govern it.
    if wanted_at.is_some_and(|w| WANT_ENDS.is_match(before.get(w..).unwrap_or(""))) {
        wanted_at = None;
        if last.is_some_and(|(group, _, _)| group == CueGroup::Wanted) {
            last = None;
        }
    }
    // `write off £1,200 of the amount it is seeking, apologise and pay Ms J
    // £200`: the body's demand ends at the clause a remedy verb of an
    // agreement begins.
    if body_wanted
        && agreed_word.is_some_and(|(agreed, _)| agreed)
        && wanted_at.is_some_and(|w| {
            last.is_some_and(|(g, start, _)| {
                matches!(g, CueGroup::Remedy | CueGroup::StrongRemedy)
                    && start > w
                    && before[w..start].contains(',')
            })
        })
    {
        wanted_at = None;
    }
    // `wants the Council to ... pay him £400`: unless the decision then agrees.
    if let Some(w) = wanted_at {
        let agreed_later = before
            .get(w..)
            .is_some_and(|rest| agreements(rest).next().is_some() && !rest.contains("would like"));
        if !agreed_later {
            return Some(if body_wanted {
                Cue::Other
            } else {
                Cue::Claimed
            });
        }
    }
    // `agreed to start an investigation at stage two of the procedure and
    // pay Miss B £150`: a stage the agreed remedy names before its own pay
    // verb is what the body will do now, not where it offered the money.
    let stage_before = || {
        COMPLAINT_STAGE.find(before).is_some_and(|m| {
            let action_at_stage = agreed
                && STAGE_OF_ACTION.is_match(&before[..m.start()])
                && AND_PAY.is_match(&before[m.end()..]);
            !(action_at_stage || earlier_amounts_stage(before, m.range(), agreed_word))
        })
    };
    if !accepted && has(COMPLAINT_STAGE_NEEDS) && (stage_before() || STAGE_AFTER.is_match(after)) {
        return Some(Cue::Offered);
    }
    if !agreed && !rate && values_in_own_words(before, after) {
        return Some(Cue::Claimed);
    }
    let Some((group, start, end)) = last else {
        if has_after(AGREED_NEEDS) && AGREED_AFTER.is_match(after) {
            return Some(Cue::Remedy { agreed: true });
        }
        // `This included an apology and £1,000 payment`; `agreed to send
        // an apology and £300 in recognition of`, where what it is for
        // makes a remedy of an amount only an agreement governs.
        let after = has_after(PAYMENT_AFTER_NEEDS)
            .then(|| PAYMENT_AFTER.find(after))
            .flatten()?;
        let agreed = agreed || INCLUDED.is_match(before);
        let named = after.as_str().to_ascii_lowercase().contains("payment");
        return (named || agreed).then_some(Cue::Remedy { agreed });
    };
    // Whether the remedy verb at `from..to` of `before` tells what was done
    // (`refunded`, `repaid`), not what will or should be.
    let done = |from: usize, to: usize| before.get(from..to).is_some_and(told_done);
    // The cue before the run of charge nouns that ends the cues (`refund`
    // in `refund the top-up fees`), with its byte range.
    let verb = cues
        .iter()
        .rev()
        .find(|m| m.group != CueGroup::NotRemedy)
        .map(|m| (m.group, m.start, m.end));
    let cue = match group {
        // `failed to refund £100 he overpaid`, `complains the Council will
        // not refund the £39 fee`: what is withheld from the complainant,
        // in their words, is claimed.
        // `by which time he could no longer pay the discounted amount of
        // £35`: the complainant unable to pay, a charge.
        CueGroup::Refused if COMPLAINANT_UNABLE.is_match(&before[..start]) => Cue::Other,
        // `We do not recommend it reimburses the £4,000 Mrs W spent`: her
        // outlay, not granted.
        CueGroup::Refused
            if CLAIMED_AFTER.is_match(after)
                || COMPLAINANT_VOICE.is_match(&before[..start])
                || THEIR_OUTLAY_AFTER.is_match(after) =>
        {
            Cue::Claimed
        }
        CueGroup::Refused => Cue::Other,
        CueGroup::Wanted => Cue::Claimed,
        // `refund the fees she incurred (£450)`: the verb governs the loss.
        CueGroup::Loss if object_of_remedy(cues, before, start) => remedy(accepted, agreed),
        // `He paid £110 for two bins`: a price, unless the rest of the
        // sentence says it should not have been paid or is wanted back.
        CueGroup::Loss
            if PAID.is_match(before.get(start..end).unwrap_or(""))
                && !WRONGLY_PAID_AFTER.is_match(after) =>
        {
            Cue::Other
        }
        // `Miss B owed her landlord more than £2,500`: her debt, not money owed to her.
        CueGroup::Loss if OWED_TO_ANOTHER.is_match(&before[start..]) => Cue::Other,
        CueGroup::Loss => loss(after),
        CueGroup::Asked => Cue::Remedy { agreed: true },
        CueGroup::Accepted => Cue::Accepted,
        CueGroup::Offered if accepted => Cue::Accepted,
        // `He offered the Council £5,000 for the land`: the complainant's
        // own bid, a price, not an offer of remedy; `offered to let Mr V
        // pay in instalments of £175`: his payments.
        CueGroup::Offered
            if COMPLAINANT_OFFERS.is_match(&before[..start])
                || COMPLAINANT_PAYS.is_match(before)
                || A_PRICE_OFFERED_AFTER.is_match(after) =>
        {
            Cue::Other
        }
        // `offered her a seat on a school bus for £540 a year` (or `at`):
        // the price of what was offered.
        CueGroup::Offered
            if rate
                && (ends_with_ignoring_case(before.as_bytes(), " for ")
                    || ends_with_ignoring_case(before.as_bytes(), " at ")) =>
        {
            Cue::Other
        }
        CueGroup::Offered => Cue::Offered,
        // `pay Mr X's legal costs of £2,000`, `refund the top-up fees
        // (£3,800)`: the pay verb governs the noun (and the nouns before it).
        CueGroup::NotRemedy
            if verb.is_some_and(|(g, _, verb_end)| {
                matches!(g, CueGroup::Remedy | CueGroup::StrongRemedy)
                    && governs_noun(before, verb_end, start)
            }) =>
        {
            let (_, verb_start, verb_end) = verb.unwrap_or((group, start, start));
            let gap = before.get(verb_end..start).unwrap_or("");
            let gives_back = gives_back_at(cues, verb_start);
            if !gives_back && ((rate && !RECIPIENT_FIRST.is_match(gap)) || RATE_WORD.is_match(gap))
            {
                // `should pay a contribution of £60 a week`, `pay weekly
                // care fees of £900`: a charge at a rate, not a remedy; but
                // `pay Mrs T the unpaid direct payments of £412 a month`
                // pays her at that rate.
                Cue::Other
            } else if agreed || accepted {
                remedy(accepted, agreed)
            } else if offered_to(cues, before, verb_start) {
                // `offered to refund half of the top-up fees, £675`: the
                // body's offer of what the verb pays.
                Cue::Offered
            } else if done(verb_start, verb_end) {
                // `it has since refunded the deposit of £1,260`: what the
                // body did on its own, for the decision to judge.
                Cue::Remedy { agreed: false }
            } else if prev.is_some_and(|(_, from, _)| from != verb_start)
                && REMEDY_PURPOSE_AFTER.is_match(after)
            {
                // `repay any fees charged ..., along with a £250 payment for
                // time and trouble`: the nouns are not what is paid.
                remedy(accepted, agreed)
            } else {
                Cue::Charge
            }
        }
        // `refund the charges and provide an apology and £900 for her
        // distress`: what the amount is for outweighs the earlier charge.
        CueGroup::NotRemedy if REMEDY_PURPOSE_AFTER.is_match(after) => remedy(accepted, agreed),
        // `he lost a day's work and income of £220`: the earnings are the loss.
        CueGroup::NotRemedy
            if prev.is_some_and(|(g, _, end)| {
                g == CueGroup::Loss && few_words(before, end, start)
            }) && EARNINGS
                .iter()
                .any(|w| starts_with_ignoring_case(&before.as_bytes()[start..end], w)) =>
        {
            loss(after)
        }
        // `He says the Council owes approximately £780,000`: what the body
        // owes the complainant, in their words, is claimed.
        CueGroup::NotRemedy
            if starts_with_ignoring_case(&before.as_bytes()[start..end], "ow")
                && BODY_OWES.is_match(&before[..start]) =>
        {
            Cue::Claimed
        }
        // `agreed to increase the payment to £350`: the new sum of a remedy.
        CueGroup::NotRemedy if INCREASED_TO.is_match(before) => remedy(accepted, agreed),
        // `the Council has refused to pay his invoice for £3,240`: what the
        // complainant billed the body, withheld, is claimed (not a fee of
        // theirs it will not pay: `refused to pay her legal fees`).
        CueGroup::NotRemedy
            if prev.is_some_and(|(g, _, end)| {
                g == CueGroup::Refused && few_words(before, end, start)
            }) && starts_with_ignoring_case(&before.as_bytes()[start..end], "invoice")
                && THEIR_OWN_BEFORE.is_match(&before[..start]) =>
        {
            Cue::Claimed
        }
        // `He obtained a quote of £1,340 to rebuild the wall and made a
        // claim to the Council`: the cost claimed.
        CueGroup::NotRemedy if after.contains("claim") && CLAIM_MADE_AFTER.is_match(after) => {
            Cue::Claimed
        }
        CueGroup::NotRemedy => Cue::Other,
        // `he is owed a refund of £300`, `the Council owes him a refund of
        // £1,900`, `is still due a further refund of
        // £17,000`: what someone is said to be owed, not what anyone agreed.
        CueGroup::StrongRemedy | CueGroup::Remedy
            if !(agreed || accepted)
                && prev.is_some_and(|(g, from, end)| {
                    let owed = &before[from..end];
                    matches!(g, CueGroup::Loss | CueGroup::NotRemedy)
                        && few_words(before, end, start)
                        && (owed_or_due(owed) || starts_with_ignoring_case(owed.as_bytes(), "ow"))
                }) =>
        {
            Cue::Claimed
        }
        CueGroup::StrongRemedy | CueGroup::Remedy => remedy(accepted, agreed),
    };
    Some(cue)
}

/// Whether an offer cue comes after byte `end` of `before` with a clause
/// break (`,` or `and`) between: `it should have noticed the fault,
/// apologised and offered`.
fn offer_in_a_later_clause(cues: &[CueMatch], before: &str, end: usize) -> bool {
    cues.iter().any(|c| {
        c.group == CueGroup::Offered
            && c.start >= end
            && before
                .get(end..c.start)
                .is_some_and(|gap| gap.contains(',') || gap.contains(" and "))
    })
}

/// `remove the £310 enforcement fees`, `withdraw the £85 summons costs`,
/// `removed £240 from the invoices`, `remove all the interest, £3,948.12`,
/// `remove the premium of £1,926.40`:
/// taking a charge away is a remedy verb, as `cancel` and `waive` are, but
/// not for other money (`withdrew the £500 offer`). The verb as a cue.
fn removes_charge(before: &str, after: &str) -> Option<CueMatch> {
    static REMOVE_THE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:remov(?:e|es|ed|ing)\s+(?:(?:the|its|any|all)\s+)?|withdr(?:aw|aws|ew|awn|awing)\s+(?:the|its|any|all)\s+)$",
        )
    });
    static CHARGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)^\s*(?:[\w'’-]+\s+){0,2}?(?:costs?|fees?|charges?|penalt(?:y|ies)|interest|surcharges?|fines?)\b|^\s*from\s+(?:the|her|his|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:invoices?|bills?|charges?|fees?|costs?)\b",
        )
    });
    // `remove all the interest, £3,948.12, from the estate's account`: the
    // sum told beside the charge it takes away.
    static REMOVE_THE_CHARGE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:remov(?:e|es|ed|ing)|withdr(?:aw|aws|ew|awn|awing))\s+(?:(?:the|its|any|all)\s+){0,2}(?:[\w'’-]+\s+){0,2}?(?:costs?|fees?|charges?|penalt(?:y|ies)|interest|surcharges?|fines?|premiums?|arrears|debts?|overpayments?)\s*(?:,|\(|\bof)\s*$",
        )
    });
    let near = tail(before, 60).as_bytes();
    let verb_near = |verb: &str| {
        near.windows(verb.len())
            .any(|w| w.eq_ignore_ascii_case(verb.as_bytes()))
    };
    if !(verb_near("remov") || verb_near("withdr")) {
        return None;
    }
    if !CHARGE_AFTER.is_match(after) {
        return REMOVE_THE_CHARGE.find(before).map(|m| CueMatch {
            group: CueGroup::StrongRemedy,
            start: m.start(),
            end: m.end(),
        });
    }
    REMOVE_THE.find(before).map(|m| CueMatch {
        group: CueGroup::StrongRemedy,
        start: m.start(),
        end: m.end(),
    })
}

/// What backdating comes to, told at the end of its clause: `backdate her
/// council tax reduction to 1 April 2023, which is worth £642.18`,
/// `backdate his direct payments ... at the assessed rate of £312 a week`
/// (whose stated total then takes its cue). A remedy cue over the words
/// right before the amount, so that `worth` is not read as a value.
fn backdated_sum(before: &str) -> Option<CueMatch> {
    static BACKDATED_TO: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:backdate|back-date|backdating)\s+[^.;:£]{0,100}?\b(rate\s+of|worth|a\s+total\s+of|totalling|amounting\s+to|at)\s+$",
        )
    });
    if !before.contains("ackdat") && !before.contains("ack-dat") {
        return None;
    }
    let words = BACKDATED_TO.captures(before)?.get(1)?;
    Some(CueMatch {
        group: CueGroup::StrongRemedy,
        start: words.start(),
        end: words.end(),
    })
}

/// `put £890 back into Mr U's direct payment account`, `return £3,600 to
/// the account`: money given back, a remedy verb right before the amount
/// (as a [`CueGroup::StrongRemedy`] match).
fn puts_back(before: &str, after: &str) -> Option<CueMatch> {
    static BACK_AFTER: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)^\s+back\s+(?:in|into|on|onto|to)\b"));
    let bytes = before.as_bytes();
    // The verb as a whole word (`put `, not `input `) right before the amount.
    let verb = |word: &str| {
        let start = before.len().checked_sub(word.len())?;
        let whole_word = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        (whole_word && ends_with_ignoring_case(bytes, word)).then_some(start)
    };
    let start = verb("put ")
        .filter(|_| BACK_AFTER.is_match(after))
        .or_else(|| {
            ["return ", "returns ", "returned ", "returning "]
                .iter()
                .find_map(|w| verb(w))
        })?;
    Some(CueMatch {
        group: CueGroup::StrongRemedy,
        start,
        end: before.len(),
    })
}

/// Whether a remedy verb tells what was done (`refunded`, `repaid`), not
/// what will or should be.
fn told_done(verb: &str) -> bool {
    let verb = verb.to_ascii_lowercase();
    verb.ends_with("ed") || verb.ends_with("repaid")
}

/// Whether the loss cue starting at `start` names what a remedy verb just
/// before it makes good (`reimburse the costs he incurred`, `refund what she
/// had to pay`): a remedy cue at most five words earlier, with no amount,
/// sentence break, `but` or new clause (`pay for taxis, and she has spent`)
/// between.
fn object_of_remedy(cues: &[CueMatch], before: &str, start: usize) -> bool {
    cues.iter()
        .rev()
        .filter(|m| m.end <= start)
        .find(|m| matches!(m.group, CueGroup::Remedy | CueGroup::StrongRemedy))
        .is_some_and(|m| {
            let gap = before.get(m.end..start).unwrap_or("");
            few_words(before, m.end, start)
                && !gap.contains('£')
                && !gap
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("but"))
                && !gap.contains(", and ")
                && !gap.contains(", so ")
        })
}

/// The earnings a [`CueGroup::NotRemedy`] cue may name, which a loss just
/// before it makes the complainant's loss.
const EARNINGS: [&str; 4] = ["income", "earn", "wage", "salar"];

/// A loss the complainant states (`he had to pay £300`): claimed, unless the
/// rest of the sentence has the body agree to make it good (`and the Council
/// has agreed to reimburse this`).
fn loss(after: &str) -> Cue {
    if MADE_GOOD_AFTER.is_match(after) {
        Cue::Remedy { agreed: true }
    } else {
        Cue::Claimed
    }
}

/// A [`CueGroup::Loss`] match of `owed her` where `her` begins the name of
/// whom the complainant owes (`owed her landlord`, `owes his mother`).
static OWED_TO_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^ow(?:es|ed)\s+(?:her|his|their)\s+(?:former\s+|previous\s+|private\s+|letting\s+|energy\s+|mortgage\s+)?(?:landlord|landlady|lender|bank|mortgage|partner|ex-\w+|family|mother|father|son|daughter|parents?|friends?|employer|agent|creditors?|supplier|solicitor|builder|care\s+home|provider)s?\b",
    )
});

/// A [`CueGroup::Loss`] match that only says someone paid: `Mr X paid`,
/// `she has paid`, not `had to pay`, `spent` or `lost`.
static PAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Dr)\s+\w+|the\s+(?:man|woman|complainant|family))\s+(?:has\s+|have\s+|had\s+)?(?:(?:\w+ly|therefore|also|then)\s+)?paid$",
    )
});

/// Words after money paid that make it a loss: `too much`, `which he
/// should not have paid`, `wrongly`, `and would like it refunded`.
static WRONGLY_PAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\btoo\s+much\b|\bmore\s+than\b|\bshould\s*{not}|\bshouldn['’]t\b|\bwrong\w*|\bunnecessar\w*|\bin\s+error\b|\btwice\b|\bover-?pa\w*|\brefund\w*|\breimburs\w*|\bback\b|\bwants?\b|\bwanted\b|\bwould\s+like\b|\bseek\w*|\bcancel\w*|\bnever\s+(?:received|got|provided)|\b(?:did|does|was|were)\s*{not}\s+(?:receive|get|provided|delivered|need)",
    )
});

/// A payment named as one already told (`The payment of £2000 is sufficient`,
/// `the £250 is a suitable remedy`): a judgement of it, not a new payment.
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?:\b(?:the|its|this|that)\s+(?:[\w-]+\s+)?(?:payment|sum|amount)\s+of|\bthe)\s*$")
});

/// Whether an [`CueGroup::Offered`] cue before the amount tells the body's
/// own offer or payment (`offered`, `a goodwill gesture`, `already`, `has
/// paid`, `increased its offer to`), not money added to another sum (`in
/// addition to`, `as well as`, `less`).
fn own_offer_before(cues: &[CueMatch], before: &str) -> bool {
    const ADDING: [&str; 7] = [
        "in addition",
        "on top",
        "as well",
        "less",
        "minus",
        "deduct",
        "after taking",
    ];
    cues.iter().any(|m| {
        let word = before.as_bytes().get(m.start..m.end).unwrap_or_default();
        match m.group {
            CueGroup::Offered => !ADDING.iter().any(|a| starts_with_ignoring_case(word, a)),
            // `increased its offer to`
            CueGroup::StrongRemedy => word.windows(5).any(|w| w.eq_ignore_ascii_case(b"offer")),
            _ => false,
        }
    })
}

/// Whether an offer word comes right before the remedy verb at
/// `verb_start`: `offered to refund`, `has offered to repay`.
fn offered_to(cues: &[CueMatch], before: &str, verb_start: usize) -> bool {
    cues.iter().any(|m| {
        m.group == CueGroup::Offered
            && m.end <= verb_start
            && starts_with_ignoring_case(
                before.as_bytes().get(m.start..).unwrap_or_default(),
                "offer",
            )
            && before
                .get(m.end..verb_start)
                .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("to"))
    })
}

/// Whether the cue starting at `at` is a verb that gives money back
/// ([`CueGroup::StrongRemedy`]: `reimburse`, `refund`, `repay`): a charge at
/// a rate it governs (`reimburse the fees of £540 a week`) is paid back, not
/// charged.
fn gives_back_at(cues: &[CueMatch], at: usize) -> bool {
    cues.iter()
        .any(|m| m.start == at && m.group == CueGroup::StrongRemedy)
}

/// The body agreeing now, in the decision's story, to pay a stated sum:
/// `The Council has also agreed to pay Mr T £100`, `It has agreed to repay
/// Mr Y £936`, `agreed to refund the £240`, `agreed to pay Miss H the
/// remaining £800`. The sum is captured.
static AGREED_NOW_TO_PAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:the\s+{body}|it|they)\s+(?:has|have)\s+(?:now\s+|also\s+|since\s+)?agreed\s+to\s+(?:pay|repay|refund|reimburse)\s+(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?[A-Z]\w*)\s+)?(?:the\s+(?:remaining\s+|outstanding\s+|full\s+)?)?£([\d,]+(?:\.\d\d)?)",
    )
});
/// The body's own complaint process, which a story's agreement may belong to.
static OWN_PROCESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bstage\b|\bcomplaints?\s+(?:response|procedure|process)\b|\bin\s+(?:its|their)\s+(?:response|reply)\b",
    )
});

/// Where the decision's own summary or action agrees a payment without its
/// sum (`The Council has agreed to pay Ms D for the loss of enjoyment of her
/// home`), the sum the story then says the body has agreed to pay (`The
/// Council has also agreed to pay Mr T £100 for the time and trouble`) is
/// that payment: an offer or other money so read becomes agreed. Not an
/// agreement told as part of the body's own complaint process, and never a
/// rate.
fn agreed_told_in_the_story(payments: &mut [Payment]) {
    for p in payments.iter_mut().filter(|p| {
        matches!(p.role, PaymentRole::Offered | PaymentRole::Other) && p.period.is_none()
    }) {
        // The sum right after the agreement, read as every amount is read.
        let says_agreed = AGREED_NOW_TO_PAY.captures_iter(&p.sentence).any(|c| {
            let pound = c.get(1).map_or(0, |sum| sum.start() - "£".len());
            amounts(&p.sentence[pound..])
                .first()
                .is_some_and(|sum| sum.start == 0 && sum.pounds() == p.amount)
        });
        if says_agreed && !OWN_PROCESS.is_match(&p.sentence) {
            p.role = PaymentRole::Agreed;
        }
    }
}

/// Whether `text` begins with `prefix`, ASCII case aside.
fn starts_with_ignoring_case(text: &[u8], prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with `suffix`, ASCII case aside.
fn ends_with_ignoring_case(text: &[u8], suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether a cue word says the payment came before now: `already`, `previously`.
fn before_now(word: &str) -> bool {
    word.eq_ignore_ascii_case("already") || word.eq_ignore_ascii_case("previously")
}

fn remedy(accepted: bool, agreed: bool) -> Cue {
    if accepted {
        Cue::Accepted
    } else {
        Cue::Remedy { agreed }
    }
}

/// The cue a lead-in line (`The Council will pay Mrs X:`) gives the items under
/// it; `has` as for [`cue`].
fn lead_cue(lead: &str, has: &dyn Fn(Prefilter) -> bool) -> Option<Cue> {
    let probe = Amount {
        pence: 1,
        start: lead.len(),
        end: lead.len(),
        in_range: false,
        rate: false,
        period: None,
    };
    let cues = || Cow::Owned(cue_matches(lead));
    match cue(&probe, lead, "", &cues, has, &|_| true) {
        Some(Cue::Other | Cue::Charge) => None,
        Some(Cue::Remedy { agreed: true }) => Some(Cue::Listed {
            prescriptive: PRESCRIPTIVE.is_match(lead),
        }),
        // `the Council should:`, `we recommend the Council:`, `has agreed to:`.
        None if has(AGREED_NEEDS) && agreed_before(lead).is_some_and(|(agreed, _)| agreed) => {
            Some(Cue::Listed {
                prescriptive: PRESCRIPTIVE.is_match(lead),
            })
        }
        cue => cue,
    }
}

/// Words after a stated loss that make it good: `the Council has agreed to
/// refund this`, `it should reimburse him`. Read only after a loss.
static MADE_GOOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;]{0,120}?\b(?:agreed|will|should|must)\s+(?:to\s+)?(?:[\w'’]+\s+){0,2}?(?:reimburs|refund|repay|pay\b|cover)\w*(?:\s+(?:this|it|that|him|her|them|the\s+(?:sum|amount|cost))\b|\s*(?:[.;]|$))",
    )
});

/// A remedy or offer raised to the amount: `increase this to`, `increased
/// the payment to`.
static INCREASED_TO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bincreas\w*\s+(?:(?:the|its|this|that|her|his|their|our)\s+)?(?:payment|offer|amount|sum|figure|remedy|award|compensation|this|it|that)\s+to\s+$",
    )
});

/// Words after an amount saying the body agreed to pay it: `a further
/// £500, which the Council has agreed to pay`, `£400 is more appropriate,
/// and the Council has agreed to pay this`, `£400 is in line with our
/// guidance for the distress and lost respite, and the Council has agreed`.
static AGREED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;£]{0,100}?\b(?:which|and)\s+(?:the\s+{body}|it|they)\s+(?:has\s+|have\s+)?(?:now\s+|since\s+|also\s+)?(?:agreed\s+to|undertaken\s+to|accepted\b)",
    )
});

/// Whom a pay verb pays, first in the words after it: `pay Mrs T the`.
static RECIPIENT_FIRST: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s"));

/// The sum a rate comes to, told right after it: `£150 for each week
/// beyond the limit, which is £1,500 for the ten weeks`.
static RATE_RESTATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^[^.;£]*,\s*(?:which|that)\s+(?:is|was|makes|would\s+be)\s+(?:a\s+sum\s+of\s+)?$")
});

/// A word making the noun after it a rate: `weekly care fees`.
static RATE_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:weekly|monthly|annual|yearly)\b"));

/// A person asked to pay, right after a verb of wanting: `wrongly asked Y
/// to repay more than £5000`, `asked him to pay`, `demanded he pay back`. The one asking wants the
/// money, and the one asked is no claimant of it.
static ASKED_OF_SOMEONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\s+(?:(?:on\s+(?:\w+\s+){1,3}?occasions|repeatedly|again|also)\s+)?(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*|[A-Z])\s+to|(?:that\s+)?(?:he|she|they|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+(?:should\s+|must\s+)?)\s*(?:re)?pay\b",
    )
});

/// After a verb of wanting and its first word, the end of its clause: a
/// contrast (`, but`, `however`, `although`, `whereas`), a semicolon or a
/// `when` clause; or, after the word (a noun: `decided the claim, it paid
/// arrears of`), a comma and the body doing something. An amount past it is
/// not what was wanted.
static WANT_ENDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*[\w'’-]+\b.*?(?:\bbut\b|;|\bwhen\b|\balthough\b|\bwhereas\b|\bhowever\b)|^[^.;]*?,\s+(?:it|the\s+{body})\s+(?:(?:then|later|also|eventually|subsequently|\w+ly)\s+)?(?:paid|gave|made|sent|\w+ed)\b",
    )
});

/// The body as the subject right before a verb of wanting (`the Council
/// wrongly demanded`, `it then sought`; not `wrote to the Council and
/// wanted`), or the verb in the passive (`Mr X was
/// asked to pay`): what the body wants paid, not a claim.
static BODY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:{body}|it|bailiffs?)\s+(?:(?:\w+ly|also|then|had|has|have|is|are|was|were|now|later|still|first|again|itself)\s+){0,2}$|\b(?:was|were|been|being)\s+$|\b(?:notices?|certificates?|letters?|invoices?|bills?|reminders?|summons(?:es)?|warrants?)\s+$",
    )
});

/// A rule as the subject right before a verb of wanting or `says ...
/// should` (`Our guidance says councils should pay £300 a month`, `the
/// policy expects`): what the rule says is to be paid is a standard, not
/// the complainant's claim.
static RULE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:guidance|guidelines?|law|legislation|regulations?|polic(?:y|ies)|code|Act|rules|procedures?|scheme|criteria|statute|framework|charter|standards?)\s+(?:(?:also|clearly|now|then)\s+)?$",
    )
});

/// A lead-in that prescribes rather than narrates, or times its actions
/// from this decision (`within one month of this decision, it will:`), so
/// its items are this decision's remedy wherever it stands (read only on
/// lead-in lines, which [`lead_cue`] reads once each).
static PRESCRIPTIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:should|must|recommend\w*|to remedy)\b|\b(?:of|after|from)\s+(?:this|my|our)\s+(?:final\s+)?decision\b",
    )
});

/// Whether the complaint stage at `stage` in `before` belongs to an earlier
/// amount's clause, and a later clause agrees this one: `In addition to the
/// £250 the Care Provider offered in its complaint response, it has agreed
/// to pay Mrs Y a further £500`; or an agreement before both starts a new
/// item of its list after the stage: `agreed to ... pay him the £200 it
/// offered in its stage 2 complaint response but never paid, and pay a
/// further £150`.
fn earlier_amounts_stage(
    before: &str,
    stage: std::ops::Range<usize>,
    agreed_word: Option<(bool, usize)>,
) -> bool {
    static NEW_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"(?i),\s*(?:and\s+)?(?:to\s+)?(?:pay|refund|reimburse|repay)\b[^,;:]*$")
    });
    let rest = &before[stage.end..];
    before[..stage.start].contains('£')
        && agreed_word.is_some_and(|(agreed, end)| {
            agreed
                && ((end > stage.end && rest[..end - stage.end].contains(','))
                    || (end <= stage.start && NEW_ITEM.is_match(rest)))
        })
}

/// Who recommends within the body's own complaint procedure.
static PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:panel|investigating\s+officer|independent\s+(?:person|investigator)|investigator|adjudicat(?:or|ing\s+officer)|reviewing\s+officer)(?:['’]s)?\b",
    )
});

/// Whether `text` ends with a recommendation made by the body's own
/// complaint procedure: `A review panel met in June and recommended`, `the
/// investigating officer upheld the complaint and recommended`, `the stage
/// 3 panel's recommendation`; not one the Ombudsman makes after naming
/// the procedure (`the panel found fault and I recommended`).
fn procedure_recommends(text: &str) -> bool {
    let word_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if !text[word_start..]
        .to_ascii_lowercase()
        .starts_with("recommend")
    {
        return false;
    }
    let head = &text[..word_start];
    PROCEDURE.find_iter(head).last().is_some_and(|noun| {
        let gap = &head[noun.end()..];
        !gap.contains(['.', ';', ':'])
            && gap.split_whitespace().count() <= 15
            && !gap.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                ["I", "we", "We", "my", "our", "Ombudsman"].contains(&w)
            })
    })
}

/// Whether the words between a recommendation and the amount make the
/// amount its object: `recommended £500`, `recommended the Council pay
/// her`, `recommendation that it pay her a further`; not `the £1,000 the
/// panel recommended, pay a further` (a clause of another amount's).
fn governs(between: &str) -> bool {
    let rest = between.trim_start();
    !(rest.starts_with(',') || rest.starts_with("and "))
        && (between.split_whitespace().count() <= 2 || PAYISH.is_match(between))
}

/// The body telling the Ombudsman what it would do: `it said it would`,
/// `the Council confirmed that it would`.
static TOLD_WOULD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:said|confirmed|told\s+(?:us|me))\s+(?:that\s+)?(?:it|they|the\s+{body})\s+would\b",
    )
});

/// An agreement or recommendation right before a verb, or before a list of
/// actions that ends at it: `agreed to ask`, `will also request`, `agreed to
/// apologise, ask`, `agreed to reinstate the discount and ask`.
static AGREED_ACTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:agree[sd]?|will|shall|should|must|undertaken|undertook|recommend\w*)\s+(?:to\s+)?(?:also\s+)?(?:[^.;:,£]{1,60}?(?:,\s+(?:and\s+)?|\s+and\s+)){0,3}$",
    )
});

/// A word of paying, or of raising a payment (`recommended the Council
/// increase this to £500`).
static PAYISH: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:pa(?:y|ys|id|ying|yments?)|compensat\w*|award\w*|refund\w*|reimburs\w*|increase)\b",
    )
});

/// The matches of [`AGREED`] in `text` but an agreed thing other than a
/// remedy (`at the agreed price`, `an agreed plan`; not `the agreed action
/// of an apology, £500`): that adjective agrees nothing.
fn agreements(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    const REMEDY_NOUNS: [&str; 4] = ["action", "remed", "recommend", "payment"];
    AGREED.find_iter(text).filter(move |m| {
        if !m.as_str().eq_ignore_ascii_case("agreed") {
            return true;
        }
        let before = tail(&text[..m.start()], 8).as_bytes();
        let thing = [" the ", " an ", " its ", " their ", " his ", " her "]
            .iter()
            .any(|article| {
                before.len() >= article.len()
                    && before[before.len() - article.len()..]
                        .eq_ignore_ascii_case(article.as_bytes())
            });
        let noun = text[m.end()..].trim_start();
        !thing
            || REMEDY_NOUNS.iter().any(|n| {
                noun.get(..n.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(n))
            })
    })
}

/// What the last agreement word before the amount says, and where it ends:
/// `true` agreed, will or should; `false` should (or would) have, money owed
/// in the past.
///
/// An agreement's second payment after money owed (`agreed to pay her the
/// £7,845 she should have received, and pay her £300`) is agreed: the owed
/// clause ends at `and pay`, or at `and` right after its verb.
fn agreed_before(before: &str) -> Option<(bool, usize)> {
    let mut last: Option<(bool, usize)> = None;
    let mut last_start = 0;
    let mut agreed_earlier = false;
    for m in agreements(before) {
        agreed_earlier |= last.is_some_and(|(agreed, _)| agreed);
        last = Some((!m.as_str().to_ascii_lowercase().ends_with(" have"), m.end()));
        last_start = m.start();
    }
    // `agreed to pay them the £2,730 in allowances they should have received
    // and £250 for their time`: the owed clause is two words at most, then
    // the list goes on.
    // So is a list whose next item the owed clause's comma begins:
    // `credit £628.70, which is the support he should have received,
    // withdraw the £85 summons costs`.
    static OWED_CLAUSE_ENDS: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)^\s+(?:[\w'’-]+\s+){1,2}?and\s+(?:(?:a\s+)?(?:further|additional)\s+)?$|^\s+(?:[\w'’-]+\s+)?[\w'’-]+,\s+(?:and\s+)?[a-z]+\s+(?:him\s+|her\s+|them\s+)?(?:the\s+|any\s+|all\s+|his\s+|her\s+|their\s+)?$",
        )
    });
    // An item of an action list that opens with its pay verb (`pay Mrs A
    // the allowance she should have received ...`) has its agreement in the
    // lead-in, so the owed clause in it is the thing paid.
    static ITEM_PAYS: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            r"(?i){ITEM_OPENS}(?:pay|refund|reimburse|backdate)\b"
        ))
    });
    match last {
        Some((false, end))
            if agreed_earlier
                && (AND_PAY.is_match(&before[end..])
                    || OWED_CLAUSE_ENDS.is_match(&before[end..])
                    || owed_object_paid(&before[..last_start], &before[end..])) =>
        {
            Some((true, end))
        }
        Some((false, end))
            if ITEM_PAYS.is_match(before)
                && owed_object_paid(&before[..last_start], &before[end..]) =>
        {
            Some((true, end))
        }
        last => last,
    }
}

/// The owed clause names what the agreed pay verb pays, the amount then told
/// as its sum or rate: `agreed to pay Mrs T the allowance she should have
/// received from March 2023, at £164.50 a week`, `pay him the support he
/// should have had, £2,400`. The owed money is the payment.
fn owed_object_paid(clause_before: &str, clause_after: &str) -> bool {
    static PAY_THE_THING: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:pay|refund|reimburse|backdate)\s+(?:(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?[A-Z]\w*)\s+)?(?:the|any|all)\s+(?:[\w'’-]+\s+){1,4}?(?:(?:that|which)\s+)?(?:he|she|they|it|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z]\w*)\s+$",
        )
    });
    static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"(?i)^\s+(?:received|had|got|been\s+(?:paid|given|awarded))\b[^.;:£]{0,60}$")
    });
    RECEIVED.is_match(clause_after) && PAY_THE_THING.is_match(clause_before)
}

/// `pay` right before the amount under an agreement, or the body having
/// paid the complainant, and `in` what the money is after it (`agreed to pay
/// Mrs A the £7,845 in backdated allowance`, `pay Mr and Mrs K £1,736 in
/// unpaid fees`, `the Council paid them £3,260 in arrears of allowance`):
/// the payment is the remedy (or the body's own, for the decision to judge),
/// made up of the allowance or fees, not the allowance or fee itself.
fn paid_in(before: &str, after: &str) -> bool {
    static IN_AFTER: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)^\s*in\s"));
    static BODY_PAID_THEM: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:it|the\s+{body})\s+(?:has\s+|had\s+)?(?:now\s+|since\s+|already\s+|then\s+)?paid\s+(?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?[A-Z]\w*)\s+(?:the\s+)?$",
        )
    });
    IN_AFTER.is_match(after)
        && (agreed_pay_right_before(before).is_some()
            || (before.contains("paid") && BODY_PAID_THEM.is_match(before)))
}

/// `pay` (and perhaps whom, and `the`) right before the amount, under an
/// agreement (`agreed to pay Mrs A the `): `Some(true)` when it names whom.
/// Paying someone pays them the money whatever it is: `recommend the Council
/// pays Mr and Mrs F the £2,520 skills fee they are owed`.
fn agreed_pay_right_before(before: &str) -> Option<bool> {
    static PAY_RIGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\bpays?\s+((?:him|her|them|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Miss|Ms|Mx|Dr)\s+)?[A-Z]\w*)\s+)?(?:the\s+(?:remaining\s+|outstanding\s+|full\s+)?)?$",
        )
    });
    if !before.contains("pay") || !agreed_before(before).is_some_and(|(agreed, _)| agreed) {
        return None;
    }
    PAY_RIGHT_BEFORE
        .captures(before)
        .map(|pay| pay.get(1).is_some())
}

/// How an item of an action list opens, before its verb: a bullet or a
/// number (`- `, `(a) `), then perhaps `and` or `to`.
const ITEM_OPENS: &str = r"^[\s\-–•*]*(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:and\s+)?(?:to\s+)?";

/// An item that opens by paying the amount (`pay Ms K £9,405 in backdated
/// allowance`, `pay Mrs X the £300 it offered at stage 2`): its verb makes
/// the amount a payment, whatever words after it say the money is or was,
/// and its lead-in says whose and how sure.
fn pays_it_outright(before: &str) -> bool {
    static PAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            r"(?i){ITEM_OPENS}pay\s+(?:(?:him|her|them|(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\s+(?-i:[A-Z])\w*)\s+)?(?:the\s+)?$"
        ))
    });
    before.len() < 40 && PAY_FIRST.is_match(before)
}

/// The complainant wanting the body to pay, right before the amount:
/// `wants the Council to pay the £640 repair bill` (or `to pay off the
/// £2,300 rent arrears`) is her claim to that sum, whatever the bill is.
fn wanted_paid_right_before(before: &str) -> bool {
    static WANTED_PAID: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:wants?|wanted|would\s+like|asks?|asked|expects?)\s+(?:the\s+(?:[\w'’-]+\s+){1,2}?|it\s+)to\s+(?:pay|refund|reimburse|cover|meet|(?:pay|write)\s+off|clear)\s+(?:(?:him|her|them)\s+)?(?:for\s+)?(?:the\s+)?$",
        )
    });
    WANTED_PAID.is_match(before)
}

/// The last `n` bytes of `text` or a little more, cut at a character boundary.
fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    &text[start..]
}

/// Whether a loss is told right before the amount, at most two words away:
/// `the Council owes her approximately £65,000 in fostering fees`, `she
/// lost £500 in benefits`. The charge or benefit after it is what was lost,
/// so the amount is a claim, not the charge. A bare `he paid` is not a loss
/// ([`PAID`]): `he paid £110 for two bins`.
fn loss_right_before(cues: &[CueMatch], before: &str) -> bool {
    cues.last().is_some_and(|c| {
        c.group == CueGroup::Loss
            && before
                .get(c.end..)
                .is_some_and(|gap| gap.split_whitespace().count() <= 2)
            && !PAID.is_match(before.get(c.start..c.end).unwrap_or(""))
    })
}

fn few_words(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|gap| gap.split_whitespace().count() <= 5 && !gap.contains([';', '.']))
}

/// Whether a [`CueGroup::Loss`] match says someone is owed money: `is owed`,
/// `was due`, `were entitled to`.
fn owed_or_due(cue: &str) -> bool {
    let last = cue.split_whitespace().last().unwrap_or("");
    ["owed", "due", "to"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
}

/// The role of one amount given the kind of section it is in.
fn role(m: &Mention, kind: Option<SectionKind>) -> PaymentRole {
    let in_action = kind == Some(SectionKind::AgreedAction);
    let narrative = kind.is_some_and(|k| NARRATIVE.contains(&k));
    match m.cue {
        Cue::Other => PaymentRole::Other,
        Cue::Claimed => PaymentRole::Claimed,
        Cue::Listed { prescriptive } if prescriptive || !narrative => PaymentRole::Agreed,
        Cue::Listed { .. } => PaymentRole::Offered,
        Cue::Charge if in_action => PaymentRole::Agreed,
        Cue::Charge => PaymentRole::Other,
        Cue::Offered => PaymentRole::Offered,
        Cue::Remedy { .. } if in_action => PaymentRole::Agreed,
        Cue::Accepted => PaymentRole::Agreed,
        Cue::Remedy { agreed: true } if !narrative => PaymentRole::Agreed,
        Cue::Remedy { .. } => PaymentRole::Offered,
    }
}

/// The words between a sum and the rate it was worked out from: `£1,350,
/// calculated at £150 a week`, `£2,100, which is £150 for each month`,
/// `£600 (£150 a month`, `£1,050 to reflect the 42 weeks ..., calculated at
/// £25 a week`.
static RATE_OF_SUM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:,\s*|\(\s*)?(?:(?:which\s+(?:is|was)\s+)?(?:calculated|worked\s+out|based)\s+(?:at|on|as)|which\s+(?:is|was)|at\s+(?:a|the)\s+rate\s+of|\(|being)\s*$|^[^.;£]*,\s*(?:calculated|worked\s+out|based)\s+(?:at|on|as)\s*$|^\s*\(\s*(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:weeks?|months?|days?|years?|nights?)\s+at\s*$",
    )
});

/// A share right before the whole it is taken from: `half of the `, `a
/// third of her `, `50% of the `.
static SHARE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|two\s+thirds|three\s+quarters|(\d{1,2}(?:\.\d+)?)\s*(?:%|per\s*cent))\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+|this\s+)?(?:total\s+|full\s+|original\s+)?$",
    )
});

/// Between a whole and the share of it that follows: `, which is `, `, `,
/// ` (`, `it charged, which comes to `.
static SHARE_RESTATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;£]{0,60}?(?:,\s*(?:which\s+(?:is|was|comes\s+to|amounts\s+to)\s+|that\s+is\s+|i\.e\.\s+)?|\(\s*|\bwhich\s+(?:is|was)\s+)$",
    )
});

/// Whether `share` is the share of `whole` that the words before the whole
/// name (`half of the `): within a pound of it.
fn share_of_whole(before_whole: &str, whole: i64, share: i64) -> bool {
    if share >= whole {
        return false;
    }
    let lower = before_whole.to_ascii_lowercase();
    if !["half", "third", "quarter", "%", "cent"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    let Some(c) = SHARE_BEFORE.captures(before_whole) else {
        return false;
    };
    let word = c[1].to_ascii_lowercase();
    let (num, den): (f64, f64) = if let Some(pct) = c.get(2) {
        (pct.as_str().parse().unwrap_or(0.0), 100.0)
    } else if word == "half" {
        (1.0, 2.0)
    } else if word.ends_with("thirds") {
        (2.0, 3.0)
    } else if word.ends_with("third") {
        (1.0, 3.0)
    } else if word.ends_with("quarters") {
        (3.0, 4.0)
    } else {
        (1.0, 4.0)
    };
    (whole as f64 * num / den - share as f64).abs() <= 100.0
}

/// Merges repeated mentions of one payment (keeping the agreed-action
/// sentence, then final decision, summary, findings) and drops restated totals.
/// In strict mode an agreed amount outside the agreed action that the action
/// does not list is a total of listed ones (dropped), an accepted offer
/// (`offered`) or not the remedy (`other`).
fn drop_restatements(mentions: Vec<Mention>, blocks: &[Block], strict: bool) -> Vec<Mention> {
    let in_action = |m: &Mention| blocks[m.block].kind == Some(SectionKind::AgreedAction);
    let rank = |m: &Mention| match blocks[m.block].kind {
        Some(SectionKind::AgreedAction) => 0,
        Some(SectionKind::FinalDecision) => 1,
        None => 2,
        Some(SectionKind::Findings) => 3,
        _ => 4,
    };
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (rank(&mentions[i]), i));
    let mut kept: Vec<Mention> = Vec::new();
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    for i in order {
        let Some(mut m) = slots[i].take() else {
            continue;
        };
        if strict && m.payment.role == PaymentRole::Agreed && !in_action(&m) && !m.referred {
            let listed: Vec<&Mention> = kept
                .iter()
                .filter(|k| in_action(k) && k.payment.role == PaymentRole::Agreed)
                .collect();
            if !listed.iter().any(|k| same_payment(k, &m)) {
                if is_subset_sum(m.amount.pence, &listed) {
                    continue;
                }
                m.payment.role = if m.cue == Cue::Accepted {
                    PaymentRole::Offered
                } else {
                    PaymentRole::Other
                };
            }
        }
        if let Some(k) = kept
            .iter_mut()
            .find(|k| k.payment.role == m.payment.role && same_payment(k, &m))
        {
            if k.payment.recipient.is_none() {
                k.payment.recipient = m.payment.recipient.take();
            }
            if k.payment.purpose == [Purpose::Unspecified] {
                k.payment.purpose = std::mem::take(&mut m.payment.purpose);
            }
            continue;
        }
        kept.push(m);
    }
    drop_totals(kept)
}

/// Whether two mentions are the same payment: same amount and role, compatible
/// recipients, different sentences; within one block the purposes must agree too.
fn same_payment(a: &Mention, b: &Mention) -> bool {
    if a.amount.pence != b.amount.pence || (a.block == b.block && a.sentence == b.sentence) {
        return false;
    }
    let recipients_match = match (&a.payment.recipient, &b.payment.recipient) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let unspecified = |m: &Mention| m.payment.purpose == [Purpose::Unspecified];
    // Across sections a restatement may name fewer or more purposes, but
    // two payments with no purpose in common are two payments.
    let purposes_match = unspecified(a)
        || unspecified(b)
        || a.payment.purpose == b.payment.purpose
        || (a.block != b.block
            && a.payment
                .purpose
                .iter()
                .any(|p| b.payment.purpose.contains(p)));
    recipients_match && purposes_match && a.payment.period == b.payment.period
}

/// Drops an amount that restates the total of two or more other payments of
/// its role: marked as a total, or stated in another section than its parts.
/// An amount marked as a total (`totalling £350`) in a sentence with an
/// agreed payment may restate agreed payments whatever its own cue.
fn drop_totals(mentions: Vec<Mention>) -> Vec<Mention> {
    let keep: Vec<bool> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let agreed = |p: &Mention| p.payment.role == PaymentRole::Agreed;
            // `agreed to pay £150 ..., in addition to the £200 already
            // agreed, totalling £350`: beside an agreed part of its own
            // sentence, a total may restate agreed payments.
            let sums_agreed = m.total
                && mentions
                    .iter()
                    .any(|p| agreed(p) && p.block == m.block && p.sentence == m.sentence);
            // The body's own money, offered or accepted, adds up across the two
            // (`an offer totalling £450` of the £200 refused and the £250 accepted).
            let own = |p: &Mention| {
                matches!(p.payment.role, PaymentRole::Offered | PaymentRole::Accepted)
            };
            let parts: Vec<&Mention> = mentions
                .iter()
                .enumerate()
                .filter(|&(j, p)| {
                    j != i
                        && (p.payment.role == m.payment.role
                            || (sums_agreed && agreed(p))
                            || (own(m) && own(p)))
                        && p.payment.period.is_none()
                        && !p.total
                        && (m.total || p.block != m.block)
                })
                .map(|(_, p)| p)
                .collect();
            m.payment.role == PaymentRole::Other
                || m.payment.period.is_some()
                || !is_subset_sum(m.amount.pence, &parts)
        })
        .collect();
    mentions
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// Whether `total` is two or more times `rate`.
fn is_multiple(total: i64, rate: i64) -> bool {
    rate > 0 && total >= 2 * rate && total % rate == 0
}

/// Whether `target` is the sum of two or more of `parts` (at most 12 are tried).
fn is_subset_sum(target: i64, parts: &[&Mention]) -> bool {
    let values: Vec<i64> = parts.iter().take(12).map(|p| p.amount.pence).collect();
    (1u32..(1 << values.len())).any(|mask| {
        mask.count_ones() >= 2
            && values
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .fold(0i64, |sum, (_, v)| sum.saturating_add(*v))
                == target
    })
}

#[cfg(test)]
mod tests;
