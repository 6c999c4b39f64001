//! The overall finding: fault with or without injustice, no fault, or not
//! investigated; and whether it agrees with the page's outcome line.
//!
//! Read from the final decision section first (together with the summary
//! when it says only that the complaint was not investigated and the summary
//! speaks of a remedy: a final decision cut short, "We will not investigate
//! this complaint. This is because", leaves the reason to the summary), then
//! the summary, then the findings, so pages without header lines or without
//! a final decision still get one; where none of those states a finding, the
//! Ombudsman's verdict sentence anywhere else ("The Ombudsman upheld the
//! complaint and found fault causing injustice", the 2016–17 layout) decides. A text that states no
//! finding gets none: for a page without an outcome line the finding is its
//! only outcome, so a guess costs more than a gap. The one exception is a
//! remedy the decision agreed (read by the remedy extractor, in words the
//! patterns here may not know: "agreed to carry out a new assessment"): a
//! secured remedy is the LGSCO's "upheld", fault with injustice.
//!
//! Within a text, a fault finding wins over "no fault" for other parts ("no
//! fault in its decision but some fault in its complaint handling"), and over
//! "we will not investigate" other parts. A statement scoped to part of the
//! complaint ("parts of the complaint", "the surcharge part", "the other
//! complaints") never says the complaint was not investigated. A fault
//! statement that a denial covers is no finding of fault ("We found the
//! Council did not act with fault", "has not upheld the complaint"), and a
//! denial someone else makes ("The Council says it acted properly") is no
//! finding of no fault. A text that names no fault but says the body agreed,
//! offered or already provided a remedy is read as fault with injustice (the
//! Ombudsman's "upheld": an early settlement, even without an investigation).
//! Not investigating the complaint as a whole wins over everything except
//! such a remedy or fault found with injustice in the same text: "Although
//! there is fault in the complaint handling, we will not investigate this
//! complaint" stays an assessment-stage decision. An investigation begun and
//! stopped ("we have discontinued our investigation", "ended the
//! investigation") is no fault found unless the text finds fault or a remedy:
//! the LGSCO records those as not upheld, not as closed at assessment. Fault is `fault_no_injustice` only where the
//! text says the fault caused no injustice and nothing says it caused some;
//! with no word on injustice either way it is `fault_injustice` when a remedy
//! was agreed, else `fault_no_injustice`.
//!
//! One kind of text leaves the finding open: a complaint not investigated
//! because the body settled it itself ("This is because the Council has
//! offered a fair remedy", "proposed a fair way forward", "the problem has
//! been resolved"), with no fault stated (or only fault said to cause no
//! injustice: "the delay does not cause the claimed injustice") and no other
//! reason given. The LGSCO records the same words as upheld on some pages and
//! as closed after initial enquiries on others, so there the page's outcome
//! line, when it is one of those two, decides ([`Reading::settled_by`]);
//! without one the text's own reading stands. Elsewhere the outcome line never
//! changes the finding.
//!
//! [`disagreement`] compares the finding with the outcome line, so a decision
//! whose text and header disagree keeps both and says so.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, regex_read_through, regex_with_cache, Prefilter, Slot};

use crate::parse::decision::{Finding, SectionKind};
use crate::parse::extract::fault::{
    mentions_fault, reported_before_finding, FaultFindings, NOT_FOUND_AT_FAULT,
};
use crate::parse::text::sentences::Block;
use crate::parse::warning::Warning;

/// Findings of fault that avoid the word or hedge it: `We found delay`, `The
/// Council failed to ...` (a statement, not `Mr X complains the Council
/// failed`), `We uphold the complaint`, `There is evidence of fault`, `acted
/// with fault`, `minor fault`, `no fault in X, but some fault in Y`, `an
/// apology for this fault`, `It needs to correct that error`, `There was an
/// error`, `an administrative error`.
pub(crate) static FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    regex_with_cache(
        r"(?xi)
        \b(?:I|we|the\s+ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+)*(?:found|find|finds)\s+(?:that\s+)?(?:there\s+(?:was|were)\s+)?(?:some\s+|significant\s+|avoidable\s+|unreasonable\s+|evidence\s+of\s+)?(?:delays?|failures?|failings|errors?|mistakes?|shortcomings|poor|lack|the\s+{body}\s+(?:failed|delayed|did\s*{not}|was\s+wrong|took\s+too\s+long|was\s+(?:too\s+|very\s+)?slow\s+(?:to|in)))\b
        | \b(?:I|we|the\s+ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+)*(?:found|find|finds)\s+(?:that\s+)?(?:the\s+)?(?:(?:{body}|[\w-]+)['’]s?\s+(?:[\w'’,-]+\s+){0,20}?|{body}\s+(?:has\s+|had\s+)?)(?:all\s+|also\s+)?caused\s+(?:(?:her|him|them|Mrs?\s+[A-Z]|Ms\s+[A-Z]|Miss\s+[A-Z]|some|significant|an?|avoidable|personal|further)\s+){0,3}injustice
        | \b(?:uphold|upholds|upheld|upholding)\s+(?:(?:the\s+|one\s+|some\s+)?(?:parts?|some|elements?|aspects?)\s+of\s+)?(?:the|this|their|his|her|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+complaints?
        | \bdecided\s+to\s+uphold
        | ^(?:(?:however|but|also|and|further|furthermore|in\s+addition|unfortunately|nevertheless|although|while|whilst)\s*,?\s+)?(?:the\s+)?(?:it|{body}|(?:{name}\s+){1,4}council|{initials}|{name}['’]s\s+(?:[\w-]+\s+){0,3}?(?:panel|officers?|staff|team|social\s+workers?|workers?|carers?|managers?|contractors?|agents?))\s+(?:has\s+|had\s+|also\s+)*(?:[a-z]+ly\s+)?(?:failed|delayed|did\s*{not}|wrongly|took\s+(?:too\s+long|longer\s+than\s+(?:it|they)\s+should)|was\s+wrong|should\s+have|has\s+accepted|accepted|communicated\s+poorly|was\s+(?:also\s+)?(?:unclear|contradictory|inconsistent|misleading|confusing|inaccurate)|(?:handled|dealt\s+with|managed)\s+(?:[\w'’]+\s+){0,5}?(?:poorly|badly|inadequately)|acted\s+(?:unreasonably|unlawfully|wrongly|improperly|inappropriately|unfairly|incorrectly)|acted\s+without\s+(?:proper\s+|due\s+|adequate\s+|any\s+|lawful\s+)?(?:regard|consideration|authority|care)|fettered|made\s+(?:an?\s+|some\s+|several\s+|two\s+|three\s+|a\s+number\s+of\s+)?(?:(?:serious|significant|clear|administrative|minor|further)\s+)?(?:errors?|mistakes?)|(?:gave|provided|sent|issued)\s+(?:[\w'’]+\s+){0,3}?(?:incorrect|wrong|inaccurate|misleading|conflicting|contradictory|confusing|unclear|erroneous)\s+(?:advice|information|guidance)|left\s+(?:[\w'’]+\s+){1,3}?in\s+unsuitable|lost\s+(?:[\w'’]+\s+){0,3}?(?:forms?|applications?|documents?|papers|paperwork|files?|records?|letters?|evidence|correspondence|belongings|possessions|property)|was\s+(?:too\s+|very\s+)?slow\s+(?:to|in))\b
        | ^(?:the\s+|these\s+|those\s+|its\s+|several\s+|some\s+|further\s+|other\s+)?(?:errors?|mistakes?|failings|failures?|faults|shortcomings)\s+by\s+(?:the\s+)?{name}\b
        | \b(?:although|but|however)\s*,?\s+(?:it|the\s+{body})\s+should\s+have\b
        | \b(?:{body}|it|they)\s+(?:has|have|had|did)\s*{not}\s+act(?:ed)?\s+(?:appropriately|properly|correctly|reasonably|lawfully|fairly|in\s+(?:accordance|line)\s+with)
        | \bcomplaints?\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:(?:partly|partially|therefore|also)\s+)?upheld\b
        | \b(?:this|that|the|these|those|its)\s+faults?\s+did\s*{not}\s+(?:cause|lead|result)
        | \b(?:this|that|the|these|those|its|{body}['’]s?)\s+(?:delays?|failures?|failings?|errors?|mistakes?|(?:poor|inadequate)\s+(?:communication|record[\s-]keeping|complaint\s+handling|handling|service|practice))(?:\s+(?:in|of|to|by|when|with|over)\s+(?:[\w'’,]+\s+){0,12}?|\s+)(?:(?:did|does|has|have|had)\s*{not}\s+(?:cause|lead|result)|(?:has\s+|have\s+|had\s+|also\s+)*(?:(?:caused|led\s+to|resulted\s+in)\s+(?:[\w'’]+\s+){0,4}?(?:injustice|distress|frustration|uncertainty|anxiety|inconvenience|harm|loss|confusion|time\s+and\s+trouble|upset|stress|hardship)|caused\s+(?:[\w'’]+\s+){1,3}?to\s+(?:miss|lose|pay|incur|wait|spend|suffer|go\s+without|be\s+without|be\s+left)|meant)\b)
        | ^(?:(?:however|but|also|and)\s*,?\s+)?(?:these|those)\s+faults\s+(?:have\s+|had\s+|also\s+|all\s+)*(?:caused|call|called|cast|meant|led|resulted|affected|put)\b
        | ^fault\s+found\b
        | \bthere\s+(?:is|was)\s+(?:some\s+|clear\s+)?evidence\s+of\s+fault
        | \bthere\s+(?:was|were|has\s+been|had\s+been)\s+(?:a\s+|some\s+|an\s+)?(?:(?:short|significant|avoidable|unreasonable|unnecessary|considerable|further|excessive|undue|initial)\s+)?(?:failures?|failings?|delays?)(?:\s+(?:by|in|of|[a-z]+ing|but)\b|\s*[,;])
        | \bthere\s+(?:was|were|has\s+been|had\s+been)\s+(?:about\s+|around\s+|over\s+|nearly\s+|almost\s+|at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)\s+(?:days?|weeks?|months?|years?)['’]?\s+(?:of\s+)?(?:(?:avoidable|unnecessary|unreasonable|undue)\s+)?delays?\b
        | \bacted\s+with\s+fault
        | \b(?:found|finds?|identified|was)\s+(?:some\s+|a\s+|an\s+|only\s+)?(?:minor|slight|limited|small|technical|procedural)\s+fault
        | \b(?:found|finds?)\s+no\s+fault\s+(?:[\w'’,]+\s+){0,12}?but\s+(?:also\s+|there\s+was\s+)?(?:some|minor|other)\s+fault
        | \bapolog\w*\s+(?:[\w'’]+\s+){0,3}?for\s+(?:(?:this|that|these|the|its|their)\s+)?faults?\b
        | \b(?:correct|rectify|put\s+right)\s+(?:that|this|the|its|these|those)\s+(?:errors?|mistakes?)\b
        | \bthere\s+(?:was|were|has\s+been|had\s+been)\s+(?:an?\s+|some\s+)?(?:administrative\s+)?(?:errors?|mistakes?)\b
        | \badministrative\s+(?:errors?|mistakes?|failings?|failures?)\b
        | \bthere\s+(?:was|were|has\s+been|had\s+been)\s+(?:a\s+|some\s+)?(?:(?:minor|significant|serious)\s+)?(?:flaws?|shortcomings|deficienc(?:y|ies)|irregularit(?:y|ies))\s+(?:in|with)\b
        | \b(?:is|was|were|are)\s+(?:(?:also|therefore|fundamentally|seriously|clearly)\s+)?flawed\b
        | \b(?:{name}|it|they)\s+(?:could|can|did|does)\s*{not}\s+(?:evidence|show|demonstrate|prove)\s+(?:that\s+)?(?:it|they|its)\b
        | \b(?:handling|communication|record[\s-]keeping|responses?|service|care|practice)\s+(?:[\w'’]+\s+){0,6}?(?:(?:was|were|has\s+been|had\s+been)\s+(?:also\s+|very\s+|particularly\s+)?(?:poor|inadequate|unacceptable|substandard|not\s+(?:good\s+enough|satisfactory|adequate|acceptable))|fell\s+(?:well\s+|far\s+|significantly\s+)?short)\b
        ",
        FAILURE_CACHE,
    )
});
/// The room for [`FAILURE`]'s lazy DFA states ([`regex_with_cache`]): reading
/// every sentence of the development set's 475 real pages makes 7.7 MB of
/// them, against the crate's default of 2 MB, which even the five sample
/// decisions outgrow (`failure_states_fit_its_cache`).
pub(crate) const FAILURE_CACHE: usize = 16 << 20;
/// The word beginnings every match of [`FAILURE`] has.
pub(crate) const FAILURE_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingFailure,
    &[
        "found",
        "find",
        "uphold",
        "upheld",
        "failed",
        "delay",
        "failur",
        "failing",
        "did",
        "wrongly",
        "took",
        "was",
        "should",
        "accepted",
        "evidence",
        "acted",
        "identified",
        "apolog",
        "error",
        "mistake",
        "administrative",
        "poor",
        "inadequate",
        "unacceptable",
        "substandard",
        "flawed",
        "were",
        "been",
        "faults",
        "communicat",
        "unclear",
        "contradict",
        "inconsistent",
        "mislead",
        "confus",
        "inaccurate",
        "badly",
        "unreasonabl",
        "unlawful",
        "improper",
        "inappropriat",
        "unfair",
        "incorrect",
        "wrong",
        "conflict",
        "erroneous",
        "fetter",
        "unsuitabl",
        "lost",
        "slow",
        "errors",
        "failings",
        "failure",
        "shortcomings",
        "fell",
        "good",
        "satisfactor",
        "adequate",
        "acceptable",
        "show",
        "demonstrat",
        "prove",
    ],
);

/// Someone else's view, not the decision's: `Mr X says`, `complains`, `felt`
/// (the words the fault sentences use, [`reported_before_finding`]). A
/// denial of fault after such words (`The Council says it acted properly`) is
/// theirs too.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| regex(&reported_before_finding()));

/// Where a clause another voice reports ends: `this complaint that the
/// Authority wrongly issued notices, as the Authority has offered ...`.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i)\b(?:because|since|but|however|although|whereas)\b|\b(?:as|so)\s+(?:the|it|they|we|I)\b|;",
    )
});

/// Whether `before` (a sentence up to a match) reports someone's view
/// ([`REPORTED`]) in a clause that runs on to the match.
fn reported_before(before: &str) -> bool {
    REPORTED
        .find_iter(before)
        .any(|r| !CLAUSE_BREAK.is_match(&before[r.end()..]))
}

/// The body agreed a remedy, or offered or provided a suitable one (or a
/// suitable response: `the Council has provided a proportionate response`,
/// or what it did `remedies any outstanding injustice`, `is sufficient to
/// remedy`, or `agreed to take appropriate action`):
/// upheld in substance even where no sentence says `fault`.
pub(crate) static REMEDIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \bagree(?:s|d|ing)?\s+(?:[\w'’]+\s+){0,2}?to\s+(?:also\s+)?(?:(?:my|our|the)\s+recommendations?|apologi|pay|make\s+(?:a|an)\s+(?:\w+\s+)?(?:payment|settlement)|remedy|reimburs|refund|reconsider|review|reassess|remove|cancel|waive|writ\w*\s+off|fund|backdate|withdraw|offer)
        | \bremedy\s+(?:[\w'’]+\s+){0,5}?(?:is|was|has\s+been)\s+agreed
        | \bremedy\s+(?:[\w'’]+\s+){0,3}?(?:is|was)\s+(?:proportionate|appropriate|suitable|adequate|satisfactory|sufficient|reasonable)\b
        | \b(?:reasonable|suitable|appropriate|satisfactory|proportionate)\s+way\s+to\s+(?:resolve|remedy)\s+(?:the|this|her|his|their)\s+complaint
        | \b(?:{body}|it|they)\s+(?:will|should|must|needs\s+to)\s+(?:also\s+)?(?:apologi|pay|make\s+a\s+(?:\w+\s+)?payment|reimburse|refund)
        | \bto\s+remedy\s+(?:this|the|that|her|his|their)\s+injustice
        | \b(?:remedies|remedied|(?:will|would)\s+remedy|address(?:es|ed)?)\s+(?:any|the|this|that|her|his|their)\s+(?:(?:outstanding|remaining|substantive|main|personal)\s+)?injustice
        | \b(?:has|have|had)\s+(?:already\s+|now\s+|also\s+)*remedied\s+(?:the|this|that|it|these|her|his|their)\b
        | \b(?:satisfactory|suitable|appropriate)\s+remedy\s+(?:for|to)\b
        | \b(?:is|are)\s+(?:a\s+)?satisfactory\s+remedy
        | \bis\s+an?\s+(?:appropriate|suitable|adequate|proportionate|acceptable)\s+remedy
        | \b(?:is|was|are|were)\s+(?:(?:therefore|also)\s+)?(?:sufficient|suitable|appropriate|adequate|proportionate|enough)\s+to\s+remedy\b
        | \b(?:is|was|are|were)\s+(?:(?:therefore|also|now)\s+)?(?:enough|sufficient|adequate)\s+to\s+put\s+(?:matters|things|this|it)\s+right\b
        | \bagree(?:s|d|ing)?\s+to\s+take\s+(?:[\w'’-]+\s+){0,3}?actions?\b
        | \bsatisfied\s+with\s+(?:the\s+)?(?:actions?|steps|remedy|response)\s+(?:the\s+)?(?:{body}|it)\s+(?:(?:has|have)\s+(?:already\s+)?(?:taken|agreed|offered|provided)|(?:proposes|intends|plans|offers)\s+to\s+take|will\s+take)
        | \bsatisfied\s+with\s+(?:the\s+)?(?:actions?|steps|remedy|response)\s+(?:(?:already|now)\s+)?(?:taken|agreed|offered|provided|proposed)\s+by\s+(?:the\s+)?{name}
        | \bsatisfied\s+with\s+(?:the\s+)?(?:{body}['’]s|its)\s+(?:actions?|steps|remedy|response)
        | \bresolve\s+(?:the|this|her|his|their)\s+complaint\s+early
        | \b(?:has|have|had)\s+(?:already\s+|also\s+)*(?:offered|provided|given|made)\s+(?:(?:him|her|them|the\s+complainants?)\s+)?(?:a|an|the)\s+(?:(?:suitable|satisfactory|appropriate|adequate|proportionate|fair|financial)\s+(?:and\s+)?){0,2}(?:remedy|refund)
        | \bprovides?\s+(?:a\s+|an\s+)?(?:suitable|satisfactory|appropriate|adequate|proportionate|fair)\s+(?:remedy|outcome)
        | \b(?:offered|proposed|provided|agreed|offering|proposing|providing)\s+(?:(?:a|an|the)\s+)?(?:suitable|satisfactory|appropriate|adequate|proportionate|fair)\s+(?:remedy|redress)
        | \b(?:{body}|it|they)\s+(?:has\s+|have\s+)?decided\s+to\s+(?:pay|refund|reimburse|award|waive|cancel)\b
        | \b(?:has|have|had)\s+(?:already\s+|also\s+)*provided\s+(?:a|an)\s+(?:suitable|satisfactory|appropriate|adequate|proportionate|fair|reasonable)\s+response
        | \b(?:offered|paid|provided|refunded|agreed)\b[^.;]*\b(?:which|that)\s+(?:is|was)\s+(?:acceptable|accepted)\s+(?:to|by)\b
        | \balready\s+(?:apologi[sz]ed|paid|refunded|reimbursed|made\s+(?:a|an)\s+(?:\w+\s+)?payment)\b[^.;]*\b(?:is|was)\s+(?:an?\s+)?(?:suitable|satisfactory|appropriate|adequate|proportionate|fair|reasonable)\s+(?:response|remedy)\b
        | \b(?:we|I|ombudsm[ae]n)\s+(?:also\s+|therefore\s+|now\s+)?(?:consider|considers|considered|find|finds|found|think)\s+(?:this|that|these|it)\s+(?:to\s+be\s+)?(?:a|an)\s+(?:suitable|satisfactory|appropriate|adequate|proportionate|reasonable)\s+remedy
        | \b(?:we|I|ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+|therefore\s+|now\s+)*(?:recommend|recommends|recommended|asked|invited)\s+(?:that\s+)?(?:the\s+)?(?:{body}|[A-Z]\w+\s+council)\s+(?:should\s+|must\s+|to\s+)?(?:also\s+)?(?:apologi|pays?\b|makes?\s+a\s+(?:\w+\s+)?payment|reimburses?\b|refunds?\b)
        | \bagree(?:s|d|ing)?\s+to\s+(?:provide|issue|send|give|make|offer)\s+(?:[\w'’]+\s+){0,4}?(?:apology|apologies|payment)
        ",
    )
});
/// The word beginnings every match of [`REMEDIED`] has.
pub(crate) const REMEDIED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingRemedied,
    &[
        "agree",
        "apologi",
        "pay",
        "paid",
        "offered",
        "reimburse",
        "refund",
        "remed",
        "provide",
        "resolve",
        "satisfied",
        "put",
        "redress",
        "decided",
        "address",
    ],
);

/// The Ombudsman's recommendations accepted: `The Council accepts our
/// recommendations`. Read like [`REMEDIED`], apart from it so that `accept`
/// (common) does not send every sentence through the larger pattern.
pub(crate) static ACCEPTED_RECOMMENDATIONS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\baccept(?:s|ed|ing)?\s+(?:my|our|the\s+ombudsm[ae]n['’]s)\s+(?:[\w'’]+\s+)?recommendations?",
    )
});
/// The word beginnings every match of [`ACCEPTED_RECOMMENDATIONS`] has.
pub(crate) const ACCEPTED_RECOMMENDATIONS_NEEDS: Prefilter =
    Prefilter::new(Slot::FindingAcceptedRecommendations, &["accept"]);

pub(crate) static INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:caus\w*|lead\w*|led|result\w*)\s+(?:[\w'’]+\s+){0,4}?(?:personal\s+|significant\s+|an?\s+|some\s+)?injustice|\binjustice\s+(?:to|was\s+caused|caused|(?:it|this|that|they|the\s+{body})\s+(?:has\s+|had\s+)?caused|(?:due\s+to|because\s+of|as\s+a\s+result\s+of|resulting\s+from|arising\s+from)\s+(?:the\s+)?fault)|\bremed\w*\s+(?:[\w'’]+\s+){0,3}?injustice|\bagree\w*\s+(?:[\w'’]+\s+){0,2}?(?:actions?|to\s+remedy|remedy)|\brecommend\w*\s+(?:[\w'’]+\s+){0,4}?(?:remedy|action)|\bfinancial\s+remedy|\bsuitable\s+remedy|\bremedy\s+(?:the|this|that|her|his|their)\b|\bcaus\w*\s+(?:[\w'’]+\s+){0,4}?(?:avoidable\s+|significant\s+|unnecessary\s+|some\s+)?(?:distress|frustration|uncertainty|anxiety|time\s+and\s+trouble|inconvenience|harm|financial\s+loss|confusion)",
    )
});
/// The word beginnings every match of [`INJUSTICE`] has.
pub(crate) const INJUSTICE_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingInjustice,
    &[
        "injustice",
        "agree",
        "recommend",
        "remedy",
        "caus",
        "financial",
        "suitable",
    ],
);

/// Injustice denied: `did not cause Mr S a significant injustice`, `no
/// injustice`, `did not change the outcome or cause Mr S a significant
/// injustice` (a second verb joined by `or`), `cannot say ... injustice`.
pub(crate) static NO_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i)(?:\b(?:no|nor|without)|{not})\s+(?:[\w'’]+\s+){0,6}?(?:significant\s+|any\s+|an?\s+|personal\s+){0,2}injustice|{not}\s+(?:[\w'’]+\s+){1,6}?(?:or|nor)\s+(?:caused?|created?|lead\s+to|led\s+to|result(?:ed)?\s+in)\s+(?:[\w'’]+\s+){0,3}?(?:significant\s+|any\s+|an?\s+|personal\s+)*injustice|\binjustice\s+(?:was|is)\s*{not}|(?:\bcannot|\bca{not}|\bunable\s+to)\s+(?:say|conclude|find|show)\s+(?:[\w'’]+\s+){0,8}?injustice",
    )
});
/// The word beginnings every match of [`NO_INJUSTICE`] has.
pub(crate) const NO_INJUSTICE_NEEDS: Prefilter =
    Prefilter::new(Slot::FindingNoInjustice, &["injustice"]);

/// A remedy that falls short of the injustice, read inside a match of
/// [`NO_INJUSTICE`]: `£100 did not adequately recognise the injustice`,
/// `does not fully remedy the injustice`. It says there was injustice.
static FALLS_SHORT_OF_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:recogni[sz]\w*|reflect\w*|remed\w*|address\w*|acknowledg\w*|compensat\w*|(?:put|puts|putting)\s+(?:\w+\s+)?right|(?:make|makes|made)\s+up\s+for)\s",
    )
});

/// Whether sentence `s` denies injustice ([`NO_INJUSTICE`]) other than by
/// saying a remedy falls short of it ([`FALLS_SHORT_OF_INJUSTICE`]).
fn denies_injustice(s: &str) -> bool {
    NO_INJUSTICE
        .find_iter(s)
        .any(|m| !FALLS_SHORT_OF_INJUSTICE.is_match(m.as_str()))
}

/// What too little evidence or injustice is not enough for: `to justify
/// (further) investigation`, `to warrant an investigation`.
const JUSTIFY_INVESTIGATING: &str = r"(?:justif(?:y|ies|ied)|warrant(?:s|ed)?)\s+(?:(?:us|me|the\s+ombudsm[ae]n|an?|further|any|our|starting|opening|an?\s+ombudsman)\s+){0,3}investigat";

pub(crate) static NOT_INVESTIGATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &r"(?xi)
        (?:{not}|\bcannot|\bunable\s+to)\s+(?:[\w'’]+\s+){0,2}?investigat
        | {not}\s+exercise\s+(?:[\w'’]+\s+)?discretion\s+to\s+investigat
        | \bdecided\s+not\s+to\s+investigate
        | (?:\bno|{not}\s+(?:have|see|find))\s+(?:any\s+|sufficient\s+|good\s+)?(?:grounds?|reasons?)\s+(?:for\s+(?:us|me|the\s+ombudsman)\s+)?to\s+(?:start\s+(?:an?\s+)?|begin\s+(?:an?\s+)?|open\s+(?:an?\s+)?)?investigat
        | \bclos(?:e|ed|ing)\s+(?:the|this|my|our|a)\s+(?:complaint|case|investigation)
        | \boutside\s+(?:the\s+ombudsman's\s+|the\s+ombudsman’s\s+|our\s+|my\s+|the\s+)?(?:jurisdiction|remit)
        | {not}\s+propose\s+to\s+investigate
        | \bpremature
        | \b(?:no|{not}\s+have\s+(?:the|any))\s+(?:legal\s+)?(?:powers?|jurisdiction|remit|authority)\s+to\s+investigat
        | \b(?:law|legislation|rules)\s+(?:[\w'’]+\s+){0,3}?(?:(?:does|do)\s*{not}\s+(?:allow|let|permit)|prevents?|bars?|stops?)\s+(?:us|me|the\s+ombudsm[ae]n)\s+(?:from\s+|to\s+)?investigat
        | \bdeclin(?:e|ed|es|ing)\s+to\s+investigat
        | {not}\s+be\s+able\s+to\s+investigat
        | \bnot\s+for\s+(?:us|me|the\s+ombudsm[ae]n)\s+to\s+investigat
        | {not}\s+(?:[\w'’]+\s+){0,4}?(?:appropriate|proportionate|justified|(?:a\s+)?(?:good|proportionate|reasonable)\s+use\s+of\s+(?:our|public|the\s+ombudsm[ae]n['’]s)\s+(?:resources|money|time))\s+(?:for\s+(?:us|me|the\s+ombudsm[ae]n)\s+)?to\s+investigat
        | \bunlikely\s+(?:that\s+)?(?:the\s+ombudsm[ae]n|we|I)\s+(?:could|would|can|will)\s+(?:add\s+to|find\s+(?:any\s+)?fault)
        # `not enough evidence of fault to justify investigating`, `to warrant further investigation`
        | \b{JUSTIFY_INVESTIGATING}
        "
        .replace("{JUSTIFY_INVESTIGATING}", JUSTIFY_INVESTIGATING),
    )
});
/// The word beginnings every match of [`NOT_INVESTIGATED`] has.
pub(crate) const NOT_INVESTIGATED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNotInvestigated,
    &["investigat", "clos", "outside", "premature", "unlikely"],
);

/// Not investigating the complaint as a whole (not just part of it).
pub(crate) static NOT_INVESTIGATED_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &r"(?xi)
        (?:{not}|\bcannot|\bno\s+(?:legal\s+)?(?:powers?|jurisdiction)\s+to|\bdeclined\s+to)\s+(?:start\s+(?:an\s+|to\s+)?|to\s+|exercise\s+(?:[\w'’]+\s+)?discretion\s+to\s+|have\s+(?:the|any)\s+(?:legal\s+)?(?:powers?|jurisdiction)\s+to\s+|be\s+able\s+to\s+)?investigat\w*\s+(?:this|the|these|her|his|their|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+(?:[\w'’-]+\s+){0,2}?complaints?\b
        | \bclosed\s+(?:our|my|the|this|a)\s+(?:investigation|complaint|case)
        | (?:\b(?:will|can|shall)\s*{not}|\bcannot)\s+consider\s+(?:this|the|these|her|his|their|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+(?:[\w'’-]+\s+){0,2}?complaints?\b
        # `not enough evidence of fault to justify (further) investigation`: no
        # part named (too little injustice to warrant it is a reason for a finding)
        | \bevidence\s+of\s[^.;:]*?\b{JUSTIFY_INVESTIGATING}
        "
        .replace("{JUSTIFY_INVESTIGATING}", JUSTIFY_INVESTIGATING),
    )
});
/// The word beginnings every match of [`NOT_INVESTIGATED_WHOLE`] has.
pub(crate) const NOT_INVESTIGATED_WHOLE_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNotInvestigatedWhole,
    &["investigat", "closed", "consider"],
);

/// An investigation that began and was stopped before a finding: `We have
/// discontinued our investigation`, `We ended the investigation`, `will not
/// further investigate`, `we will not pursue the complaint any further`. The
/// LGSCO records these as not upheld (see `DOMAIN.md`), unlike a decision not
/// to start one. Also in the passive: `The investigation of this complaint is
/// discontinued`.
pub(crate) static DISCONTINUED: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?xi)
        \b(?:discontinu\w*|end|ended|ending|stop|stopped|stopping)\s+(?:(?:our|my|the|this|its|his|her)\s+)?(?:investigation|consideration\s+of)
        | \b(?:discontinu\w*|stop|stopped|stopping|ceased?|ceasing)\s+investigating\b
        | \binvestigation\s+(?:[\w'’-]+\s+){0,12}?(?:is|was|(?:has|have)\s+(?:now\s+)?been)\s+(?:now\s+)?(?:discontinued|ended|stopped)\b
        | {not}\s+further\s+investigat
        | {not}\s+pursue\s+(?:[\w'’-]+\s+){0,3}?complaints?\s+(?:any\s+)?further
        | {not}\s+(?:continue\s+to\s+)?investigat\w*\s+(?:(?:this|the|that|his|her|their|it|mr|mrs|ms|miss|dr|[\w'’]+['’]s|matters?|complaints?)\s+){0,3}?(?:any\s+)?further(?:\s*(?:[.,;:)]|$)|\s+(?:because|as|since|at\s+this|now|and|but|unless|until|following|after|given)\b)
        ",
    )
});
/// The word beginnings every match of [`DISCONTINUED`] has.
pub(crate) const DISCONTINUED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingDiscontinued,
    &[
        "discontinu",
        "end",
        "stop",
        "ceas",
        "further",
        "pursue",
        "investigation",
    ],
);

/// Words that scope a statement to part of the complaint: `parts of the
/// complaint`, `the surcharge part`, `the other complaints`, `the remainder`.
/// Only run where a not-investigated pattern matched, so it has no prefilter.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?xi)
        \bparts?\b
        | \bsome\s+(?:of|aspects|elements|issues|points|matters)\b
        | \baspects?\b
        | \belements?\b
        | \bremainder\b
        | \brest\s+of\b
        | \bremaining\b
        | \bother\s+(?:complaints|matters|issues|points|concerns)\b
        ",
    )
});

/// Too little evidence of fault: `insufficient evidence of fault`, `not
/// enough evidence of any fault`. A denial of fault, and a reason not to
/// investigate.
const INSUFFICIENT_EVIDENCE: &str = r"\b(?:insufficient|little|limited|{not}\s+enough|{not}\s+sufficient)\s+evidence\s+of\s+(?:any\s+|significant\s+)?(?:fault|flaws?)\b";

/// A reason not to investigate other than the body's own remedy: fault is
/// unlikely or unevidenced, or another forum is the place for it. Beside such
/// a reason, a remedy the body provided is incidental: the LGSCO closes these
/// after initial enquiries instead of upholding them (`This is because there
/// is insufficient evidence of fault and because the Council has provided a
/// fair response`). Only run on a decision not to investigate that also
/// notes a remedy and finds no fault, so it has no prefilter.
static OTHER_REASON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &r"(?xi)
        \bunlikely\s+to\s+find\s+(?:any\s+)?fault
        | {INSUFFICIENT_EVIDENCE}
        | \bno\s+evidence\s+of\s+(?:any\s+)?fault
        | \bmatter\s+for\s+(?:the\s+)?(?:information\s+commissioner|courts?|tribunal|police)
        | \bbetter\s+placed
        | \b(?:considered|decided|determined|heard)\s+by\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:tribunal|courts?|judge)
        | \b(?:we|I|ombudsm[ae]n)\s+cannot\s+investigate\b
        "
        .replace("{INSUFFICIENT_EVIDENCE}", INSUFFICIENT_EVIDENCE),
    )
});

/// Someone upholding the complaint or admitting fault: `The Council upheld
/// Mr X’s complaint`, `it has upheld some elements of the complaint`, `The
/// Council has accepted it got things wrong`, `it accepted it did not keep
/// her informed`; the word before the verb
/// (a name, or `it`), where the match starts, says who
/// ([`upheld_by_the_body`]).
static UPHELD_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:{name}|it)\s+(?:has\s+|had\s+)?(?:now\s+|already\s+|also\s+|partly\s+|partially\s+|therefore\s+)*(?:upheld\s+(?:(?:(?:some|most|one|part|parts|elements?|aspects?)\s+){1,2}of\s+)?(?:the|this|their|his|her|[\w'’]+\s+[A-Z]\w*['’]s|[A-Z]\w*['’]s)\s+complaints?\b|(?:accepted|acknowledged|admitted)\s+(?:that\s+)?(?:it|they)\s+(?:got\s+(?:things|this|it)\s+wrong|(?:was|were)\s+(?:at\s+fault|wrong)|made\s+(?:an?\s+|some\s+)?(?:mistakes?|errors?)|should\s+have|failed|delayed|did\s*{not}|had\s*{not}|took\s+too\s+long|(?:had\s+)?(?:sent|gave|given|charged|missed|lost|told|wrote|issued|applied|used|kept)\b)|(?:accepted|acknowledged|admitted)\s+(?:full\s+|some\s+|partial\s+)?(?:responsibility|fault|liability|(?:its|their)\s+(?:own\s+)?(?:fault|mistakes?|errors?|failings?|failures?))\b)",
    )
});

/// Whether `sentence` says the body upheld the complaint in its own
/// complaint process or accepted its fault ([`UPHELD_BY`], not `We` or `The
/// Ombudsman`): fault the body admitted, which the Ombudsman may record as upheld or as closed when
/// it does not investigate (see [`Reading`]).
fn upheld_by_the_body(sentence: &str) -> bool {
    UPHELD_BY
        .find_iter(sentence)
        .any(|m| !the_ombudsman(first_word(m.as_str())))
}

/// The first word of a match that starts with its subject.
fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// Whether a subject word is the Ombudsman or its investigator.
fn the_ombudsman(word: &str) -> bool {
    [
        "we",
        "i",
        "ombudsman",
        "ombudsmen",
        "he",
        "she",
        "investigator",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// The body settled the complaint itself, in words weaker than [`REMEDIED`]:
/// `the Council has proposed a fair way forward`, `offered a fair remedy`,
/// `the problem has been resolved`, `The Council has apologised`, `has
/// agreed to consider his complaint under the statutory procedure`, `has
/// already taken, or proposed to take, satisfactory action`. Read only
/// where the complaint as a whole was not investigated and no fault is
/// found, and only in sentences with one of [`SETTLED_NEEDS`].
pub(crate) static SETTLED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \b(?:offered|proposed|provided|given|made|agreed|taken)\s+(?:(?:him|her|them|the\s+complainants?)\s+)?(?:a|an)\s+(?:(?:fair|suitable|satisfactory|appropriate|adequate|proportionate|reasonable|acceptable|sensible|financial)\s+(?:and\s+)?){0,2}(?:remedy|way\s+forward|solution|outcome|response|refund|payment|apology|resolution)\b
        | \b(?:has|have|had)\s+(?:now\s+|since\s+|already\s+)*been\s+(?:resolved|remedied|put\s+right)\b
        | \bresolved\s+(?:the|this|her|his|their|[\w'’]+\s+[A-Z]['’]s)\s+(?:complaint|matter|issue|problem)s?\b
        | \b(?:{body}|it)\s+(?:has|have|had)\s+(?:now\s+|since\s+|already\s+|also\s+|subsequently\s+)*(?:apologised|put\s+(?:things|matters|this|it)\s+right|cancell?ed|withdrawn|waived|refunded|reimbursed|paid|removed|completed|issued|carried\s+out|reconsidered|reassessed|taken\s+(?:action|steps)|acknowledged|accepted|corrected|rectified|agreed\s+to\s+(?:the|our)\s+(?:proposed\s+)?(?:actions?|remed\w*|recommendations?)|agreed\s+to\s+(?:carry\s+out|complete|remove|reconsider|cancel|waive|review|reassess|withdraw|refund|reimburse|correct))\b
        | \b(?:response|offer|apology|payment|actions?|remedy)\s+(?:[\w'’,£]+\s+){0,12}?(?:is|was|are|were)\s+(?:(?:also|therefore|both)\s+)?(?:a\s+)?(?:proportionate|suitable|appropriate|sufficient|adequate|satisfactory|reasonable|fair)\b
        | \bagreed\s+to\s+(?:consider|deal\s+with|look\s+(?:at|into)|investigate|respond\s+to)\s+(?:[\w'’]+\s+){0,3}?complaints?\b
        | \b(?:taken|take|taking)\s*,?\s+(?:[\w'’]+,?\s+){0,4}?(?:satisfactory|suitable|appropriate|adequate|sufficient|reasonable|proportionate)\s+action
        | \b(?:is|are)\s+(?:now\s+|already\s+)?taking\s+(?:steps|action)\s+to\b
        ",
    )
});

/// The word beginnings every match of [`SETTLED`] has.
pub(crate) const SETTLED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingSettled,
    &[
        "offered",
        "proposed",
        "provided",
        "given",
        "made",
        "agreed",
        "tak",
        "resolved",
        "apologised",
        "upheld",
        "remedied",
        "put",
        "cancel",
        "withdrawn",
        "waived",
        "refunded",
        "reimbursed",
        "paid",
        "removed",
        "completed",
        "issued",
        "carried",
        "reconsidered",
        "reassessed",
        "acknowledged",
        "accepted",
        "corrected",
        "rectified",
        "admitted",
        "proportionate",
        "suitable",
        "appropriate",
        "sufficient",
        "adequate",
        "satisfactory",
        "reasonable",
        "fair",
    ],
);

/// Whether some sentence of `b` says the body settled the complaint ([`SETTLED`]).
fn says_settled(b: &Block) -> bool {
    b.has_any(SETTLED_NEEDS)
        && b.sentences().iter().enumerate().any(|(i, s)| {
            b.has(i, SETTLED_NEEDS) && (SETTLED.is_match(s.text) || upheld_by_the_body(s.text))
        })
}

/// Denials of fault. `no other fault` and `no further fault` match too, so
/// that the one search that finds denials also finds them, but [`read`]
/// takes them for what they presuppose: other fault was found
/// ([`denies_other_fault`]).
pub(crate) static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &r"(?xi)
        \bno\s+(?:(?:administrative|substantive|significant|further|other|procedural|such)\s+)?fault\b
        | {not}\s+(?:been\s+)?at\s+fault
        | {not}\s+(?:because\s+of|due\s+to|caused\s+by|affected\s+by|tainted\s+by|(?:the|a)\s+result\s+of)\s+(?:any\s+)?fault
        | {not}\s+(?:find|found|identified|identify)\s+(?:any\s+)?(?:fault|maladministration)
        | (?:\bunable\s+to|\bcannot|\bca{not}|\bcould\s*{not})\s+find\s+(?:any\s+)?fault
        | {NOT_FOUND_AT_FAULT}
        | {not}\s+(?:consider|think|believe|find|persuaded|satisfied|convinced)\s+(?:that\s+)?there\s+(?:is|was|were|has\s+been)\s+(?:any\s+)?fault
        | \b(?:did|does|do|has|have|had)\s*{not}\s+(?:make|made)\s+(?:an?\s+|any\s+)?(?:(?:serious|significant|administrative)\s+)?(?:errors?|mistakes?)\b
        | \b(?:did|does|do|has|have|had)\s*{not}\s+act(?:ed)?\s+(?:wrongly|improperly|unreasonably|unlawfully|unfairly|incorrectly)\b
        | {not}\s+(?:amount|amounted)\s+to\s+(?:any\s+)?(?:fault|maladministration)
        | {not}\s+(?:consider|think|believe|find)\s+(?:that\s+)?(?:the\s+)?(?:{name}|it|they)\s+did\s+anything\s+wrong
        | \bnothing\s+to\s+(?:suggest|show|indicate)\s+(?:that\s+)?(?:the\s+)?(?:{name}|it|they)\s+(?:acted\s+(?:wrongly|improperly|unreasonably|unlawfully|unfairly|incorrectly)|was\s+(?:wrong|at\s+fault)|did\s+anything\s+wrong|made\s+(?:an?\s+|any\s+)?(?:errors?|mistakes?))
        | \bno\s+(?:(?:significant|avoidable|unreasonable|undue)\s+)?(?:failings?|failures?|delays?|errors?|mistakes?|shortcomings)\s+(?:by|on\s+the\s+part\s+of|in\s+the\s+way)\b
        | {not}\s+(?:seen|found|see|find)\s+(?:any\s+)?evidence\s+(?:that\s+)?(?:the\s+)?(?:{name}|it|they)\s+(?:acted\s+(?:wrongly|improperly|unreasonably|incorrectly|unlawfully|unfairly)|was\s+wrong|did\s+anything\s+wrong|made\s+(?:an?\s+|any\s+)?(?:errors?|mistakes?))
        | \bfind\s+no\s+fault
        | \bfound\s+no\s+fault
        | \bno\s+maladministration
        | \bno\s+findings?\s+of\s+(?:fault|maladministration)
        | {not}\s+(?:made|make|making)\s+(?:a\s+|any\s+)?findings?\s+of\s+(?:fault|maladministration)
        | {not}\s+fault\b
        | \bwas\s*{not}\s+(?:at\s+)?fault
        | {not}\s+(?:uphold|upheld)(?:\s+(?:the|this|their|his|her|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+complaints?)?
        | \bno\s+evidence\s+(?:of\s+(?:any\s+)?(?:[\w'’]+\s+)?(?:fault|maladministration)|(?:that\s+)?the\s+{body})
        | \b(?:insufficient|{not}\s+enough|{not}\s+sufficient|no)\s+(?:(?:corroborating|independent|supporting|documentary|clear)\s+)?evidence\s+to\s+(?:find|say|show|conclude|suggest|support|make|reach)\s+(?:[\w'’]+\s+){0,5}?(?:at\s+|with\s+)?fault\b
        | (?:\bcannot|\bca{not}|\bunable\s+to|\bcould\s*{not})\s+(?:say|conclude)\s+(?:that\s+)?(?:the\s+)?(?:{body}|it|they)\s+(?:was|were|is|are|has\s+been|acted)\s+(?:at|with)\s+fault
        | \b(?:did|done|found|find|finds|see|saw)\s+nothing\s+wrong\b
        | \b(?:did|does|do|has|have|had)\s*{not}\s+do(?:ne)?\s+anything\s+wrong\b
        | {not}\s+(?:seen|found|see|find)\s+(?:enough\s+|sufficient\s+|any\s+)?evidence\s+of\s+(?:any\s+|significant\s+)?(?:fault|maladministration)
        | {INSUFFICIENT_EVIDENCE}
        | \b(?:did|does|do|has|have|had)\s*{not}\s+act(?:ed)?\s+with\s+fault
        | \b(?:acted|was|were|behaved|made|reached|taken)\s+without\s+(?:any\s+)?fault
        | \b(?:find|finds|found)\s+(?:that\s+)?(?:[\w'’,]+\s+){1,15}?without\s+(?:any\s+)?fault\b
        | {not}\s+a\s+fault\b
        | \bin\s+the\s+absence\s+of\s+(?:any\s+)?fault\b
        "
        .replace("{NOT_FOUND_AT_FAULT}", NOT_FOUND_AT_FAULT)
        .replace("{INSUFFICIENT_EVIDENCE}", INSUFFICIENT_EVIDENCE),
    )
});
/// The word beginnings every match of [`NO_FAULT`] has.
pub(crate) const NO_FAULT_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNoFault,
    &[
        "fault",
        "maladministration",
        "uphold",
        "upheld",
        "evidence",
        "acted",
        "wrong",
        "error",
        "mistake",
        "act",
        "improper",
        "unreasonabl",
        "unlawful",
        "unfair",
        "incorrect",
        "failing",
        "failure",
        "delay",
        "shortcoming",
    ],
);

/// The body acting as it should: a decision made fairly or properly, said of
/// the body or panel as the sentence's subject (`The panel decided the appeal
/// fairly`, `The Council considered the application properly`), or anywhere
/// `acted properly`, `acted in line with its policy`, `was entitled to`,
/// `The Council followed the correct procedure`, `the Council properly
/// considered`. A denial of fault like [`NO_FAULT`], kept apart so that its
/// common words (`properly`) do not send every sentence through the larger
/// pattern, and read only where no negation comes before it in its clause
/// ([`negated_before`]): `The Council has not acted properly`, `We do not
/// consider the Council acted properly` deny nothing.
pub(crate) static FAIR_DECISION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        ^(?:the\s+)?(?:(?:(?:independent\s+)?(?:appeals?|admissions?|review)\s+)?panel|{body}|it|they)\s+(?:also\s+)?(?:decided|considered|dealt\s+with|handled|heard|assessed|reviewed)\s+(?:the|this|his|her|their|its|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:appeals?|complaints?|applications?|case|claims?|requests?|matter|concerns)\s+(?:both\s+)?(?:fairly|properly|correctly|appropriately|reasonably|lawfully)\b
        | \bacted\s+(?:appropriately|properly|reasonably|correctly|lawfully|fairly|in\s+(?:accordance|line)\s+with)
        | \bno\s+(?:grounds?|reasons?|basis)\s+(?:to|for)\s+criticis\w*
        | \b(?:was|were)\s+(?:(?:therefore|also|fully|legally|perfectly|quite)\s+)?entitled\s+to
        | \b(?:{body}|it|they)\s+(?:has\s+|had\s+)?(?:also\s+|correctly\s+|properly\s+)?followed\s+(?:the\s+(?:correct|right|proper|relevant|statutory|required|law)|its)\b
        | \b(?:{body}|it|they)\s+(?:has\s+|had\s+)?(?:properly|correctly|appropriately|fairly)\s+(?:considered|assessed|decided|dealt\s+with|handled|applied|followed|calculated|explained|charged|recorded|refused)\b
        | \b(?:actions?|decisions?|approach|response|conduct|handling|assessment|consideration|process|investigation)\s+(?:(?:of|into|to)\s+(?:[\w'’-]+\s+){1,5}?)?(?:was|were)\s+(?:(?:entirely|wholly|also|both)\s+)?(?:reasonable|appropriate|proper|lawful|correct|fair|in\s+(?:line|accordance)\s+with)\b
        | \b(?:decision[\s-]making|decisions?|process|assessment|approach)\s+(?:was|were|is)\s+(?:(?:entirely|also)\s+)?(?:sound|robust)\b
        | \bacted\s+within\s+(?:its|their|the)\s+(?:powers?|law|discretion|policy|policies|remit)\b
        | (?:\bcannot|\bcan\s*{not}|\bcould\s*{not}|\bno\s+(?:grounds?|reasons?|basis)\s+to)\s+(?:criticis\w*|question|challenge)\s+(?:the\s+)?(?:{name}['’]s|its|their|this|that|the)\s+(?:decision|actions?|approach|judge?ment)s?\b
        | \bsatisfied\s+(?:that\s+)?(?:the\s+)?(?:{name}|it|they)\s+(?:has\s+|had\s+)?(?:properly\s+|fully\s+|carefully\s+)?(?:considered|took\s+(?:into\s+)?account|followed|acted|dealt|made|reached|assessed|explained|responded)\b
        | \b(?:{name}|it|they)\s+was\s+(?:also\s+)?right\s+to\b
        | \b(?:dealt\s+with|responded\s+to|handled|considered|processed|completed|acted\s+on)\s+(?:[\w'’-]+\s+){0,5}?(?:in\s+a\s+timely\s+(?:manner|way|fashion)|promptly)\b
        | \bgave\s+(?:proper|due|careful|full|appropriate)\s+consideration\s+to\b
        | \b(?:considered|took\s+account\s+of|taken\s+account\s+of|had\s+regard\s+to)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?relevant\s+(?:information|evidence|factors|matters|considerations)
        | \b(?:reached|made|took|considered|assessed|dealt\s+with|handled|carried\s+out|decided|investigated|processed|responded)\s+(?:[\w'’-]+\s+){0,4}?(?:properly|correctly|appropriately|lawfully|fairly|reasonably)\b
        | \b(?:was|were|has\s+been|had\s+been)\s+(?:made|reached|taken|carried\s+out|completed|considered|dealt\s+with|handled|assessed|decided|processed|investigated)\s+(?:both\s+)?(?:properly|correctly|appropriately|lawfully|fairly|in\s+(?:line|accordance)\s+with)\b
        ",
    )
});
/// The word beginnings every match of [`FAIR_DECISION`] has.
pub(crate) const FAIR_DECISION_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingFairDecision,
    &[
        "fairly",
        "properly",
        "correctly",
        "appropriately",
        "reasonably",
        "lawfully",
        "acted",
        "entitled",
        "followed",
        "criticis",
        "reasonable",
        "appropriate",
        "proper",
        "lawful",
        "correct",
        "fair",
        "relevant",
        "sound",
        "robust",
        "question",
        "challenge",
        "satisfied",
        "right",
        "timely",
        "promptly",
        "consideration",
        "line",
        "accordance",
    ],
);

/// The Ombudsman's verdict sentence, read wherever it stands when no section
/// that states findings does: `The Ombudsman upheld the complaint and found
/// fault causing injustice`, `We did not uphold the complaint`, `The
/// Ombudsman found no fault`.
pub(crate) static VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        ^(?:the\s+ombudsm[ae]n|we|I)\s+(?:has\s+|have\s+|had\s+)?(?:upheld|not\s+upheld|(?:did|does|do|has|have)\s*{not}\s+uphold)\b
        | ^the\s+ombudsm[ae]n\s+(?:has\s+)?(?:found|finds|(?:did|does|has)\s*{not}\s+(?:find|found))\b
        ",
    )
});
/// The word beginnings every match of [`VERDICT`] has.
pub(crate) const VERDICT_NEEDS: Prefilter =
    Prefilter::new(Slot::FindingVerdict, &["upheld", "uphold", "found", "find"]);

/// Sentences that suppose rather than state (`If there was no fault ...`).
/// `When` with a verb in `-ing` only sets the scene (`When considering his
/// complaint, we found ...`): see [`supposing`].
static SUPPOSING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:if|unless|where|whether|when)\b"));
const SUPPOSING_WORDS: &[&str] = &["if", "unless", "where", "whether", "when"];
/// The one [`SUPPOSING_WORDS`] word that may open a statement.
const WHEN: &str = "when";

/// How far the sentences of some blocks speak for the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The final decision or the summary: every statement counts.
    Whole,
    /// The findings: "I have not investigated ..." there is about a part.
    Part,
    /// Any other section: only the Ombudsman's verdict sentence counts.
    Verdict,
}

/// [`finding_in`] with nothing read yet and no outcome line.
#[cfg(test)]
pub fn finding(blocks: &[Block], has_remedy: bool) -> Option<Finding> {
    finding_in(&FaultFindings::new(blocks), has_remedy).settled_by(None)
}

/// What a text says of the overall finding.
///
/// A complaint not investigated because the body settled it itself ("We will
/// not investigate this complaint. This is because the Council has offered a
/// fair remedy") is recorded by the LGSCO either as upheld (the body put
/// right a fault) or as closed after initial enquiries, in the same words on
/// different pages. For such a text the page's outcome line, where it is one
/// of those two, says which: [`Reading::settled_by`]. Everywhere else the
/// text alone decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The finding the text states, if any.
    finding: Option<Finding>,
    /// Whether the text says the complaint was not investigated because the
    /// body settled it itself, and states no fault and no other reason.
    settled: bool,
    /// Whether the text says an investigation was stopped and the body put
    /// something right, stating no fault: read as fault with injustice
    /// unless the outcome line says `Not upheld`.
    stopped_with_remedy: bool,
}

impl Reading {
    /// The finding, given the page's outcome line: for a complaint the body
    /// settled before any investigation, `Upheld` makes it fault with
    /// injustice and `Closed after initial enquiries` not investigated; any
    /// other line, or none, leaves the text's reading.
    pub fn settled_by(self, outcome: Option<&str>) -> Option<Finding> {
        let is = |line: &str| outcome.is_some_and(|o| o.trim().eq_ignore_ascii_case(line));
        if self.stopped_with_remedy && is(NOT_UPHELD) {
            // `We have discontinued our investigation because ... the Council
            // has agreed to review its procedures`, recorded as not upheld.
            Some(Finding::NoFault)
        } else if self.settled && is(UPHELD) {
            Some(Finding::FaultInjustice)
        } else if self.settled && is(CLOSED) {
            Some(Finding::NotInvestigated)
        } else {
            self.finding
        }
    }
}

/// The overall reading of `findings`' blocks, keeping there which sentences
/// find fault; `has_remedy` says whether the decision agreed any remedy.
pub fn finding_in(findings: &FaultFindings, has_remedy: bool) -> Reading {
    let blocks = findings.blocks();
    const STATED: &[Option<SectionKind>] = &[
        Some(SectionKind::FinalDecision),
        None,
        Some(SectionKind::Findings),
    ];
    // Boilerplate on powers and method states the law, never a verdict.
    const UNSTATED: &[Option<SectionKind>] = &[
        Some(SectionKind::RoleAndPowers),
        Some(SectionKind::HowConsidered),
    ];
    let read_in = |kinds: &[Option<SectionKind>], scope| {
        let stated = blocks.iter().enumerate().filter(|(_, b)| b.is(kinds));
        read(findings, stated, has_remedy, scope)
    };
    // The final decision decides, but one that says only that the complaint
    // was not investigated (often a page cut short in its reason) is read
    // together with a summary that speaks of a remedy, which may be the
    // reason: `because the Council has agreed to cancel the charge`, or of
    // the body settling it: `because the problem has been resolved`.
    let remedy_in_summary = || {
        blocks.iter().any(|b| {
            b.is(&STATED[1..2])
                && (b.has_any(REMEDIED_NEEDS)
                    || b.has_any(ACCEPTED_RECOMMENDATIONS_NEEDS)
                    || says_settled(b))
        })
    };
    let stated = match read_in(&STATED[..1], Scope::Whole) {
        r if r.finding == Some(Finding::NotInvestigated) && remedy_in_summary() => {
            read_in(&STATED[..2], Scope::Whole)
        }
        Reading { finding: None, .. } => read_in(&STATED[1..2], Scope::Whole),
        decided => decided,
    };
    if stated.finding.is_some() {
        return stated;
    }
    // Only a whole-complaint reading can be settled, so these are plain findings.
    let part = read_in(&STATED[2..], Scope::Part);
    if part.finding.is_some() {
        return part;
    }
    let elsewhere = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is(STATED) && !b.is(UNSTATED) && b.has_any(VERDICT_NEEDS));
    match read(findings, elsewhere, has_remedy, Scope::Verdict) {
        // A remedy the decision agreed, in words no finding pattern reads
        // (`The Council has agreed to carry out a new assessment`), is still
        // the Ombudsman's "upheld": an agreed remedy with no finding stated.
        Reading { finding: None, .. } if has_remedy => Reading {
            finding: Some(Finding::FaultInjustice),
            settled: false,
            stopped_with_remedy: false,
        },
        verdict => verdict,
    }
}

/// The outcome lines the LGSCO prints today, each with the findings it can
/// carry. `Not upheld` covers investigations that found no fault, fault that
/// caused no injustice, and some discontinued ones (see `DOMAIN.md`);
/// `Upheld` is fault, or a remedy agreed early, which reads as fault with
/// injustice.
const CONSISTENT: [(&str, &[Finding]); 3] = [
    (
        UPHELD,
        &[Finding::FaultInjustice, Finding::FaultNoInjustice],
    ),
    (
        NOT_UPHELD,
        &[
            Finding::NoFault,
            Finding::FaultNoInjustice,
            Finding::NotInvestigated,
        ],
    ),
    (CLOSED, &[Finding::NotInvestigated]),
];

/// The outcome line of an upheld complaint.
const UPHELD: &str = "Upheld";
/// The outcome line of a complaint closed at assessment.
const CLOSED: &str = "Closed after initial enquiries";
/// The outcome line of a complaint not upheld.
const NOT_UPHELD: &str = "Not upheld";

/// A warning when `finding` cannot be what the outcome line says; none when
/// either is missing or the outcome line is not one of today's three (older
/// wordings are not judged).
pub fn disagreement(outcome: Option<&str>, finding: Option<Finding>) -> Option<Warning> {
    let (outcome, finding) = (outcome?.trim(), finding?);
    let (_, consistent) = CONSISTENT
        .iter()
        .find(|(line, _)| line.eq_ignore_ascii_case(outcome))?;
    (!consistent.contains(&finding)).then(|| Warning::FindingDisagrees {
        finding,
        outcome: outcome.to_string(),
    })
}

/// A negation (`not`, a contraction, `never`, `cannot`) or a supposition
/// (`should`, `would`, `whether`, `if`, `expect`): either leaves a denial of
/// fault unstated.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i){not}|\b(?:never|cannot|should|would|could|must|ought|whether|if|expect\w*)\b")
});

/// Whether the clause that `before` (a sentence up to a match) ends in has a
/// [`NEGATION`]: the words since its last [`CONTRAST`], so `The Council has not
/// acted properly` is negated but `There was no delay and the Council acted
/// properly` is not, nor `It did not reply, but it acted properly otherwise`.
fn negated_before(before: &str) -> bool {
    let clause = CONTRAST
        .find_iter(before)
        .last()
        .map_or(before, |turn| &before[turn.end()..]);
    NEGATION.is_match(clause)
}

/// A remedy the decision says it does not make: a negation just before a
/// remedy-naming match of [`INJUSTICE`] (`I have not recommended a remedy`,
/// `we do not need to recommend any action`, `completed our investigation
/// without recommending a remedy`), which tells of no injustice.
/// Only the remedy branches: `did not reply, causing injustice` still does.
fn remedy_declined(before: &str, matched: &str) -> bool {
    static REMEDY_BRANCH: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)^(?:recommend|agree|remed|financial|suitable)"));
    static NEGATED_JUST_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?i)(?:{not}|\bnever|\bno|\bwithout)\s+(?:[\w'’]+\s+){0,2}$"));
    REMEDY_BRANCH.is_match(matched) && NEGATED_JUST_BEFORE.is_match(before)
}

/// Whether sentence `i` supposes: [`SUPPOSING`], tested on the lowercased text.
fn supposing(block: &Block, i: usize) -> bool {
    let text = block.sentences()[i].text;
    let opens = if block.exotic() {
        SUPPOSING.find(text).map(|m| m.len())
    } else {
        let lower = block.lower(i).as_bytes();
        SUPPOSING_WORDS
            .iter()
            .find(|w| {
                lower.starts_with(w.as_bytes())
                    && !lower
                        .get(w.len())
                        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
            })
            .map(|w| w.len())
    };
    opens.is_some_and(|n| {
        !(text.get(..n).is_some_and(|w| w.eq_ignore_ascii_case(WHEN)) && doing(&text[n..]))
    })
}

/// Whether `rest` starts with a verb in `-ing` (`considering`, `reviewing`),
/// not a pronoun in `-thing` (`When something goes wrong` supposes).
fn doing(rest: &str) -> bool {
    rest.split_whitespace().next().is_some_and(|word| {
        let word = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        word.len() > "ing".len() && word.ends_with("ing") && !word.ends_with("thing")
    })
}

/// A turn in a sentence: a denial after it is about something else.
static CONTRAST: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:but|however|although|though|whereas|while|whilst|yet)\b|;"));

/// Whether sentence `s` (sentence `i` of `b`) states a [`FAILURE`] that no
/// [`NO_FAULT`] denial covers: a denial covers a failure when it starts
/// before the failure's words end and runs at least to their end ("found the
/// Council did not act with fault", "not upheld the complaint"), but not a
/// failure that goes on past it ("found no fault in X, but some fault in Y").
/// A denial of fault later in the same clause covers it too (`The Council
/// did not formally agree a weekly figure so it was not at fault`), one
/// after a turn (`but`, `however`, `;`) does not.
/// Words giving someone else's view count only before the failure (`Mr X
/// says the Council failed`), not in a clause after it (`has advertised a
/// wrong date for the application Mrs X complained about`).
fn states_failure(b: &Block, i: usize, s: &str) -> bool {
    let denied = |m: &regex::Match| {
        b.has(i, NO_FAULT_NEEDS)
            && NO_FAULT.find_iter(s).any(|d| {
                (d.start() < m.end() && d.end() >= m.end())
                    || (d.start() >= m.end()
                        && d.as_str().to_ascii_lowercase().contains("fault")
                        && !CONTRAST.is_match(&s[m.end()..d.start()]))
            })
    };
    // Searched again per failure rather than collected: failures are rare
    // and a sentence costs no allocation.
    let reported = |m: &regex::Match| REPORTED.find(s).is_some_and(|r| r.start() < m.start());
    FAILURE.find_iter(s).any(|m| !denied(&m) && !reported(&m))
}

/// A sentence whose subject is part of the complaint: `Parts of Mr T’s
/// complaint are outside the Ombudsman’s jurisdiction`.
static PART_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:the\s+|some\s+)?(?:(?:other|remaining|further)\s+)?(?:parts?|aspects?|elements?|remainder|rest)\s+of\b",
    )
});

/// `scope` up to the reason it gives (`because`, `as it`, `;`): `we do not
/// have grounds to investigate the complaint because some issues have now
/// been resolved` is about the whole complaint.
fn before_reason(scope: &str) -> &str {
    CLAUSE_BREAK
        .find(scope)
        .map_or(scope, |reason| &scope[..reason.start()])
}

/// Whether a not-investigated statement is about part of the complaint:
/// [`PART`] in `scope`, the words it governs.
fn about_part(scope: &str) -> bool {
    PART.is_match(scope)
}

/// The body, not the Ombudsman, declining to investigate, in the words
/// before the refusal: `how the Council decided not to investigate Mr X’s
/// complaint about a company`, `why Trading Standards would not investigate`.
static BODY_DECLINES: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:{name}|it|they)\s+(?:(?:had|has|have|then|later|also|previously|therefore)\s+)*(?:decided|decides|chose|chooses|would|will|did|does|could|can|should)\s*(?:to\s*)?$",
    )
});

/// Whether the words before a refusal to investigate make someone other than
/// the Ombudsman its subject ([`BODY_DECLINES`]).
fn someone_else_declines(before: &str) -> bool {
    BODY_DECLINES
        .find(before)
        .is_some_and(|m| !the_ombudsman(first_word(m.as_str())))
}

/// Words before a denial of fault that make it a reason or a forecast
/// (`because there is no fault`, `we would not find fault`), not a finding.
static A_REASON: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:because|as|since|so|unlikely|likely|would|could|may|might)\b")
});

/// Whether some sentence of `blocks` gives an [`OTHER_REASON`] not to
/// investigate the complaint, not about part of it.
fn gives_other_reason<'a, 'b: 'a>(
    mut blocks: impl Iterator<Item = (usize, &'a Block<'b>)>,
) -> bool {
    blocks.any(|(_, b)| {
        b.sentences().iter().any(|s| {
            OTHER_REASON
                .find(s.text)
                .is_some_and(|m| !about_part(&s.text[m.start()..]))
        })
    })
}

/// What the sentences of some blocks say, read as far as `scope` allows. A
/// pattern is only run on a sentence that has one of its words, and once a
/// flag is set the patterns that only set it are not run.
/// Whether a denial of fault is of any other fault (`We found no other
/// fault`, `There was no further fault`): some fault was found.
fn denies_other_fault(denial: &str) -> bool {
    let mut words = denial.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("no"))
        && words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("other") || w.eq_ignore_ascii_case("further"))
}

/// Fault set aside before a denial in the same sentence (`except for the
/// faulty installation of the equipment, the Council's actions were not
/// affected by fault`): the denial is of other fault, so fault was found.
static EXCEPTED_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:except(?:\s+for)?|apart\s+from|save\s+for|aside\s+from|other\s+than)\s[^.;]*?\b(?:fault\w*|failures?|failings?|errors?|mistakes?|delays?)\b",
    )
});

/// Whether the words before a denial set some fault aside ([`EXCEPTED_FAULT`]).
fn excepts_fault(before: &str) -> bool {
    // Most denials have no exception word before them: look for one first.
    ["xcept", "part from", "ave for", "side from", "ther than"]
        .iter()
        .any(|w| before.contains(w))
        && EXCEPTED_FAULT.is_match(before)
}

fn read<'a, 'b: 'a>(
    findings: &FaultFindings,
    blocks: impl Iterator<Item = (usize, &'a Block<'b>)> + Clone,
    has_remedy: bool,
    scope: Scope,
) -> Reading {
    let all = blocks.clone();
    let whole = scope == Scope::Whole;
    let (
        mut fault,
        mut injustice,
        mut no_injustice,
        mut not_investigated,
        mut not_investigated_whole,
        mut no_fault,
        mut remedied,
        mut discontinued,
    ) = (false, false, false, false, false, false, false, false);
    // A denial of fault the investigation reached (`we do not find fault`),
    // not a reason not to investigate (`as there is insufficient evidence of
    // fault`): it outweighs not investigating part of the complaint.
    let mut found_no_fault = false;
    let mut admitted = false;
    for (at, b) in blocks {
        let fault_words = mentions_fault(b);
        let failure_words = b.has_any(FAILURE_NEEDS);
        let injustice_words = b.has_any(INJUSTICE_NEEDS);
        let no_injustice_words = b.has_any(NO_INJUSTICE_NEEDS);
        let not_investigated_words = whole && b.has_any(NOT_INVESTIGATED_NEEDS);
        let whole_words = whole && b.has_any(NOT_INVESTIGATED_WHOLE_NEEDS);
        let discontinued_words = whole && b.has_any(DISCONTINUED_NEEDS);
        let no_fault_words = b.has_any(NO_FAULT_NEEDS);
        let fair_words = b.has_any(FAIR_DECISION_NEEDS);
        let remedied_words = b.has_any(REMEDIED_NEEDS);
        let accepted_words = b.has_any(ACCEPTED_RECOMMENDATIONS_NEEDS);
        for (i, sentence) in b.sentences().iter().enumerate() {
            let s = sentence.text;
            if supposing(b, i)
                || (scope == Scope::Verdict && !(b.has(i, VERDICT_NEEDS) && VERDICT.is_match(s)))
            {
                continue;
            }
            let found = |any: bool, needs: Prefilter, re: &Regex| {
                (any && b.has(i, needs)).then(|| re.find(s)).flatten()
            };
            if !not_investigated_whole {
                not_investigated_whole = found(
                    whole_words,
                    NOT_INVESTIGATED_WHOLE_NEEDS,
                    &NOT_INVESTIGATED_WHOLE,
                )
                .is_some_and(|m| {
                    !about_part(m.as_str())
                        && !someone_else_declines(&s[..m.start()])
                        && !reported_before(&s[..m.start()])
                });
            }
            if !discontinued {
                discontinued = found(discontinued_words, DISCONTINUED_NEEDS, &DISCONTINUED)
                    .is_some_and(|m| !about_part(&s[m.start()..]));
            }
            if !fault || !no_fault {
                let says_fault = (fault_words && findings.is_finding(at, i))
                    || (failure_words && b.has(i, FAILURE_NEEDS) && states_failure(b, i, s));
                // The body's own upholding leaves open whether the complaint
                // was settled (below), unless the text finds fault too.
                if says_fault && whole && b.has(i, SETTLED_NEEDS) && upheld_by_the_body(s) {
                    admitted = true;
                } else {
                    fault |= says_fault;
                }
                if !found_no_fault && !says_fault {
                    let denial = found(no_fault_words, NO_FAULT_NEEDS, &NO_FAULT)
                        .or_else(|| {
                            found(fair_words, FAIR_DECISION_NEEDS, &FAIR_DECISION)
                                .filter(|d| !negated_before(&s[..d.start()]))
                        })
                        .filter(|d| !REPORTED.is_match(&s[..d.start()]));
                    if denial.is_some_and(|d| {
                        denies_other_fault(d.as_str()) || excepts_fault(&s[..d.start()])
                    }) {
                        fault = true;
                    } else {
                        no_fault |= denial.is_some();
                        found_no_fault = denial.is_some_and(|d| {
                            !d.as_str().to_ascii_lowercase().contains("evidence")
                                && !A_REASON.is_match(&s[..d.start()])
                        });
                    }
                }
            }
            if !no_injustice || !injustice {
                let denies =
                    no_injustice_words && b.has(i, NO_INJUSTICE_NEEDS) && denies_injustice(s);
                no_injustice |= denies;
                if !injustice && !denies {
                    injustice = injustice_words
                        && b.has(i, INJUSTICE_NEEDS)
                        && INJUSTICE
                            .find_iter(s)
                            .any(|m| !remedy_declined(&s[..m.start()], m.as_str()));
                }
            }
            if !not_investigated {
                not_investigated = found(
                    not_investigated_words,
                    NOT_INVESTIGATED_NEEDS,
                    &NOT_INVESTIGATED,
                )
                .is_some_and(|m| {
                    !about_part(before_reason(&s[m.start()..]))
                        && !PART_SUBJECT.is_match(s)
                        && !reported_before(&s[..m.start()])
                });
            }
            if !remedied {
                // `Mr X complained the Council failed to agree to pay`: his view.
                remedied = found(remedied_words, REMEDIED_NEEDS, &REMEDIED)
                    .or_else(|| {
                        found(
                            accepted_words,
                            ACCEPTED_RECOMMENDATIONS_NEEDS,
                            &ACCEPTED_RECOMMENDATIONS,
                        )
                    })
                    .is_some_and(|m| !reported_before(&s[..m.start()]));
            }
        }
    }
    // Not investigated because the body settled the complaint itself: the
    // text leaves open how the Ombudsman recorded it (see [`Reading`]).
    // Read at most once, by whichever test below needs it first.
    let other_reason = OnceCell::new();
    let other_reason = || *other_reason.get_or_init(|| gives_other_reason(all.clone()));
    let settled = (not_investigated_whole || not_investigated)
        && (!fault || no_injustice)
        && !discontinued
        && (remedied || all.clone().any(|(_, b)| says_settled(b)))
        && !other_reason();
    let fault = fault || admitted;
    let finding = if discontinued && !fault && !remedied {
        Some(Finding::NoFault)
    } else if not_investigated_whole
        && !((remedied && (fault || !other_reason())) || (fault && injustice))
    {
        Some(Finding::NotInvestigated)
    } else if fault {
        // A remedy implies injustice unless the text says the fault caused
        // none: `this did not cause a significant injustice` beside an
        // apology the body agreed to is fault without injustice.
        let with_injustice = injustice || (!no_injustice && (remedied || has_remedy));
        Some(if with_injustice {
            Finding::FaultInjustice
        } else {
            Finding::FaultNoInjustice
        })
    } else if remedied {
        Some(Finding::FaultInjustice)
    } else if not_investigated && !found_no_fault {
        Some(Finding::NotInvestigated)
    } else if no_fault {
        Some(Finding::NoFault)
    } else {
        None
    };
    let stopped_with_remedy = discontinued && !fault && remedied;
    Reading {
        finding,
        settled,
        stopped_with_remedy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Finding::*;

    fn in_final(text: &str) -> Option<Finding> {
        finding(&[Block::new(Some(SectionKind::FinalDecision), text)], false)
    }

    #[test]
    fn fault_with_injustice_phrasings() {
        assert_eq!(in_final("I have completed my investigation. I have found fault leading to personal injustice."), Some(FaultInjustice));
        assert_eq!(in_final("I find fault causing injustice. The Council has agreed actions to remedy injustice."), Some(FaultInjustice));
        assert_eq!(
            in_final("I have found fault by the Council, which caused injustice to Miss X."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_final("I find fault with the Council. It agrees actions to remedy the injustice."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_final("The Ombudsman upheld the complaint and found fault causing injustice."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn the_ombudsman_finding_the_body_caused_injustice_finds_fault() {
        assert_eq!(
            in_final("The Ombudsman finds the Care Provider caused an injustice to the resident when it failed to give him notice."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_final("We found the Council has caused Mrs X injustice."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn delay_doing_something_and_remedies_that_are_satisfactory() {
        assert_eq!(
            in_summary("There was delay reaching the decision. An apology, payment to Mrs B and procedural changes are satisfactory remedy."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("There has been delay confirming the money has been written off."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("There was no delay reaching the decision."),
            None
        );
    }

    #[test]
    fn these_faults_as_the_subject_presuppose_fault() {
        assert_eq!(
            in_summary("The Council made a decision without seeing her. These faults call the Council’s decision into question."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("It did not reply. Those faults caused Ms X uncertainty."),
            Some(FaultInjustice)
        );
        // Not a finding: what someone says the faults caused, or faults in
        // general.
        assert_eq!(
            in_summary("Mrs X says these faults caused her distress."),
            None
        );
        assert_eq!(
            in_summary("The faults in procedure were unlikely to have affected the outcome."),
            None
        );
    }

    #[test]
    fn fault_without_injustice() {
        assert_eq!(
            in_final("There was fault but this did not cause injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("We find the Council was at fault for the delay. But we do not consider this caused Mr C an injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("The Council was at fault."),
            Some(FaultNoInjustice)
        );
        let b = [Block::new(
            Some(SectionKind::FinalDecision),
            "The Council was at fault.",
        )];
        assert_eq!(finding(&b, true), Some(FaultInjustice));
    }

    #[test]
    fn injustice_denied_after_a_second_verb_or_a_remedy_made_without_is_none() {
        for text in [
            "The Council took four weeks longer than its procedures allow. That was fault, but it did not change the outcome or cause Mr S a significant injustice.",
            "The Council was at fault. But this did not cause Mrs X a significant injustice. We have therefore completed our investigation without recommending a remedy.",
            "The Council was slow to respond to two of Mr X’s reports, but I do not consider this changed the outcome or caused Mr X a significant injustice.",
            "We found the Council was slow to reply to two of his emails, but this did not cause him a significant injustice.",
            // Two words before `injustice` after a long clause of finding.
            "The Council was at fault because it did not reply to three of her reports. However, we have not found that this caused Mrs M a significant injustice, as the Council inspected the tree on time.",
        ] {
            assert_eq!(in_summary(text), Some(FaultNoInjustice), "{text}");
        }
        // Still injustice when the remedy is made.
        assert_eq!(
            in_summary("The Council was at fault, which caused Mrs X distress. We have completed our investigation after recommending a remedy."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn a_remedy_the_decision_does_not_make_is_no_injustice() {
        for declined in [
            "I have not recommended a remedy.",
            "We do not recommend a remedy.",
            "I have not recommended any further action.",
            "We do not need to recommend a remedy.",
        ] {
            let text = format!("The Council delayed, which was fault. But this did not cause Mrs N significant injustice. {declined}");
            assert_eq!(in_final(&text), Some(FaultNoInjustice), "{declined}");
            for short in crate::parse::extract::negation::contracted(&text) {
                assert_eq!(in_final(&short), Some(FaultNoInjustice), "{short}");
            }
        }
        // A remedy made, and a negation earlier in the sentence, still are.
        assert_eq!(
            in_final("The Council was at fault. I have recommended a remedy."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_final(
                "The Council was at fault. It did not reply for months, and I recommend a remedy."
            ),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_final("The Council was at fault. It did not reply, causing Mrs N injustice."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn no_fault_and_not_investigated() {
        assert_eq!(
            in_final("There was no fault. I have completed my investigation."),
            Some(NoFault)
        );
        assert_eq!(
            in_final("We will not investigate this complaint."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_final("The Ombudsman cannot investigate this complaint."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_final("I have discontinued my investigation."),
            Some(NoFault)
        );
        assert_eq!(
            in_final("We have closed the complaint."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_final(
                "We found no fault in its decision but we found fault in its complaint handling."
            ),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("We have ended our investigation of the complaint."),
            Some(NoFault)
        );
        assert_eq!(
            in_final("The Ombudsman has found no evidence of fault by the Council."),
            Some(NoFault)
        );
        assert_eq!(
            in_final("We will not investigate this complaint. We are unlikely to find fault."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_final("We will not investigate Mr X's complaint. Although there is fault in the complaint handling, the injustice is not significant."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_final(
                "I found fault. We will not investigate the part of the complaint about parking."
            ),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn fault_and_remedy_without_the_word_fault() {
        let s = |t: &str| finding(&[Block::new(None, t)], false);
        assert_eq!(s("The Council failed to provide suitable accommodation. This caused her avoidable distress."), Some(FaultInjustice));
        assert_eq!(s("We have found delay at two stages of the process. The Council has agreed to apologise."), Some(FaultInjustice));
        assert_eq!(s("Mr X complains the Council failed to act."), None);
        assert_eq!(s("We found the Council was not at fault in how it decided. The Council agreed to apologise."), Some(FaultInjustice));
        let b = [Block::new(
            Some(SectionKind::Findings),
            "I have not investigated events before 2020.",
        )];
        assert_eq!(finding(&b, false), None);
    }

    #[test]
    fn summary_when_no_final_decision_and_absent_case() {
        let b = [
            Block::new(None, "Summary text. There was no fault in how the Council decided. If there was no fault the bill would be due."),
            Block::new(Some(SectionKind::RoleAndPowers), "We cannot investigate late complaints."),
        ];
        assert_eq!(finding(&b, false), Some(NoFault));
        assert_eq!(
            finding(&[Block::new(None, "Mr X complained about noise.")], false),
            None
        );
        assert_eq!(finding(&[], false), None);
    }

    fn in_summary(text: &str) -> Option<Finding> {
        finding(&[Block::new(None, text)], false)
    }

    /// Asserts that `summary` reads as a complaint the body settled before
    /// any investigation: the outcome line says how it was recorded.
    fn assert_settles(summary: &str) {
        assert_eq!(
            with_outcome(summary, "", Some(UPHELD)),
            Some(FaultInjustice),
            "{summary}"
        );
        assert_eq!(
            with_outcome(summary, "", Some(CLOSED)),
            Some(NotInvestigated),
            "{summary}"
        );
    }

    /// The finding of a summary and final decision, given an outcome line.
    fn with_outcome(summary: &str, last: &str, outcome: Option<&str>) -> Option<Finding> {
        let blocks = [
            Block::new(None, summary),
            Block::new(Some(SectionKind::FinalDecision), last),
        ];
        finding_in(&FaultFindings::new(&blocks), false).settled_by(outcome)
    }

    #[test]
    fn fault_stated_in_other_words_than_fault() {
        let cases = [
            "The Council gave Mr X incorrect advice about his eligibility, which caused him to lose out financially.",
            "The Council’s communication with Mrs Y fell short of the standard we would expect, causing her frustration.",
            "The Council’s handling of Ms Z’s housing application was not good enough and caused her uncertainty.",
            "The Council lost Mr X’s application form and he had to apply again.",
            "The Council fettered its discretion when it refused Mr X’s application, causing him uncertainty.",
            "Errors by the Council meant Mr X was charged too much for his care.",
            "The Council’s failings meant Ms X was left without suitable accommodation for three months.",
            "The School’s admission appeal panel did not properly consider Mrs X’s grounds of appeal.",
            "The Council acted unreasonably when it stopped Mr X’s direct payments without notice.",
            "The Council made an error when it calculated Mr X’s contribution to his care.",
            "The Council’s delay in processing the application caused Mr X to miss the deadline.",
            "The Council provided Ms X with misleading information about the cost of care.",
            "The Council acted without proper regard to Mr X’s disability.",
            "The Council left Ms X in unsuitable bed and breakfast accommodation for longer than six weeks.",
            "The Council was slow to respond, but the delay did not affect the outcome for Mrs X.",
            "Although the Council took longer than it should have, this did not cause Mr X an injustice.",
            "We found there was no fault in communication with Miss X, but the Council could not evidence that it had properly considered her medical evidence.",
        ];
        for text in cases {
            assert!(
                matches!(in_summary(text), Some(FaultInjustice | FaultNoInjustice)),
                "{text}: {:?}",
                in_summary(text)
            );
        }
        // Someone's view, another subject, or a denial is not the decision's finding.
        for text in [
            "Mr X complains the Council gave him incorrect advice.",
            "Mr X says the Council lost his application form.",
            "There is no evidence of errors by the Council.",
            "The Council lost the appeal at the tribunal.",
            "The Council has not fettered its discretion.",
            "If the Council made a mistake, we would expect it to apologise.",
        ] {
            assert_eq!(in_summary(text), None, "{text}");
        }
    }

    #[test]
    fn decisions_made_properly_and_denials_of_wrongdoing_are_no_fault() {
        for text in [
            "The Council’s actions were reasonable in the circumstances.",
            "We are not persuaded there was fault in how the Council dealt with the planning application.",
            "We found the Council considered all the relevant information before making its decision.",
            "We have not seen any evidence that the Council acted wrongly.",
            "The Council reached its decision properly and we cannot question its merits.",
            "We consider the Council’s decision was made properly.",
            "The Council considered Mrs X’s objections properly before granting planning permission.",
            "The Council’s assessment of Mr X’s needs was carried out properly.",
            "The Council did not make any errors.",
            "The Council did not act unreasonably.",
        ] {
            assert_eq!(in_summary(text), Some(NoFault), "{text}");
        }
        // A supposition or an expectation finds nothing.
        for text in [
            "We would expect the Council to have considered the evidence properly.",
            "We will consider whether the Council made its decision properly.",
        ] {
            assert_eq!(in_summary(text), None, "{text}");
        }
        // `should have` states a failure.
        assert_eq!(
            in_summary("The Council should have dealt with the complaint properly."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn no_fault_said_in_other_words() {
        for text in [
            "The Council considered the relevant factors and reached a decision it was entitled to make.
",
            "We cannot criticise the Council’s decision.
",
            "The Council’s decision was not affected by fault.
",
            "We have no grounds to question the Council’s decision.
",
            "There is no evidence that the Council failed to follow its procedures.
",
            "The Council acted within its powers.
",
            "There was no fault in how the Council reached its decision, so we cannot question the decision itself.
",
            "We find no maladministration in the Council’s actions.
",
            "The Council properly considered all the evidence.
",
            "The Council’s actions were in line with the law and guidance.
",
            "We are satisfied the Council considered Mr X’s circumstances.
",
            "I do not find the Council at fault.
",
            "There is no fault by the Council in how it handled the safeguarding enquiry.
",
            "The Council’s decision-making was sound.
",
            "The Council had followed the correct procedure.
",
            "We found the Council’s approach was reasonable.
",
            "The Council’s handling of the application was appropriate.
",
            "The Council acted within the law.
",
            "The evidence does not show the Council was at fault.
",
            "We have not found the Council acted with fault.
",
            "The Council’s actions did not amount to fault.
",
            "There was no delay by the Council.
",
            "The Council responded appropriately to Mr X’s concerns.
",
            "The Council has correctly calculated Mrs Y’s contribution.
",
            "We do not consider the Council did anything wrong.
",
            "The Council was right to refuse the application.
",
            "We found no failings in the way the Council assessed Mr X.
",
            "The Council dealt with the matter in a timely manner.
",
            "There were no failings by the Council.
",
            "We consider the Council responded reasonably.
",
            "The Council gave proper consideration to Mr X’s representations.
",
            "We found the Council acted in accordance with its policy.
",
            "There is nothing to suggest the Council acted improperly.
",
            "The Council made a decision it was entitled to make.
",
            "We do not uphold Mrs X’s complaint about the Council’s handling of her care.
",
            "We have completed our investigation and have not upheld Mr X’s complaint.
",
        ] {
            assert_eq!(in_summary(text), Some(NoFault), "{text}");
        }
        // The same words negated, supposed or reported are no denial.
        for text in [
            "We cannot say the Council acted within its powers.",
            "We would expect the Council to deal with the matter in a timely manner.",
            "Mr X says the Council’s decision-making was sound.",
        ] {
            assert_ne!(in_summary(text), Some(NoFault), "{text}");
        }
    }

    #[test]
    fn reasons_for_not_investigating_that_mention_parts_or_further_decisions() {
        // A reason that speaks of some issues leaves the refusal whole.
        assert_eq!(
            in_summary("But we do not have grounds to investigate the complaint because some issues have now been resolved and there is no sign of fault."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_summary(
                "But the Ombudsman does not have reason to start an investigation of this matter."
            ),
            Some(NotInvestigated)
        );
        // `further` before a noun does not end an investigation.
        let summary = "We will not investigate Miss X’s complaint about accommodation. This is because the Council agreed to resolve this aspect of the complaint by providing a proportionate remedy for Miss X’s injustice. We will not investigate the Council’s further decision that Miss X was not in priority need.";
        assert_settles(summary);
        assert_eq!(
            with_outcome(
                "The Ombudsman will not investigate Miss B’s complaint further.",
                "",
                None
            ),
            Some(NoFault)
        );
        let summary = "We will not investigate this complaint about events affecting Mr X’s allotment. The Council is now taking steps to deal with the matters. We would not achieve significantly more by investigating.";
        assert_settles(summary);
    }

    #[test]
    fn unlikely_to_add_or_to_find_fault_is_not_investigating() {
        assert_eq!(
            in_summary("Although Mr X has had problems, it is unlikely the Ombudsman could add to the Authority’s own investigations or that he would find fault if he investigated for himself."),
            Some(NotInvestigated)
        );
        assert_eq!(
            in_summary("It is unlikely we would find fault."),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn evidence_of_fault_too_little_to_justify_investigating_is_not_investigating() {
        for text in [
            "There is not enough evidence of fault to justify an investigation.",
            "We have not seen enough evidence of fault in the decision-making process to justify further investigation.",
            "There is insufficient evidence of fault in the way the Council decided to remove Mr X’s band C priority on its housing register to justify further investigation.",
            "There is insufficient evidence of fault to warrant us investigating.",
        ] {
            assert_eq!(in_summary(text), Some(NotInvestigated), "{text}");
        }
        // Fault found is no refusal, whatever follows it.
        assert_eq!(
            in_summary("We found fault which caused Mr X injustice."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn a_remedy_beside_too_little_evidence_to_justify_investigating_is_not_investigating() {
        // A part remedied by the body, the rest without evidence of fault
        // enough to investigate: the remedy is incidental to the refusal.
        assert_eq!(
            in_summary("The Council has apologised for poor communications in relation to Mr X’s homelessness application and that is sufficient to remedy the frustration caused. There is insufficient evidence of fault in the way the Council decided to remove Mr X’s band C priority on its housing register to justify further investigation."),
            Some(NotInvestigated)
        );
        // Too little injustice to warrant investigating is a finding of
        // fault without injustice, not a refusal.
        assert_eq!(
            with_outcome("There was fault by the Council because it did not inform Mr X directly about its investigation. However, this failing did not cause Mr X significant injustice to warrant further investigation by the Ombudsman.", "", Some(UPHELD)),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn a_remedy_beside_a_part_not_investigated_settles() {
        // The body put one part right; the Ombudsman cannot investigate
        // another: the outcome line says how it was recorded.
        assert_settles("The Council has apologised for delays in responding to Mr X’s complaints and offered to pay him £250 to recognise the time and trouble this caused. The Ombudsman cannot continue to investigate the Council’s consideration of Mr X’s planning application as he has a right of appeal to the Planning Inspector.");
    }

    #[test]
    fn not_identifying_fault_denies_it() {
        assert_all_in_summary(&[
            "We have not identified fault with the actions of the Council which caused Mrs B an injustice.",
            "I have not identified any fault in how the Council dealt with the application.",
        ], Some(NoFault));
        // Identified, not denied: fault (the fault module reads it).
        assert_eq!(
            in_summary("We have identified fault in the Council’s communication."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn a_remedy_the_body_already_gave_and_the_decision_finds_enough() {
        assert_all_in_summary(&[
            "The Council has already apologised, made a payment of £200 and reviewed its procedures, which is an appropriate response.",
            "The Council had already paid Mr X £150 for his time and trouble and this is a suitable remedy.",
        ], Some(FaultInjustice));
        // A response found enough with no payment or apology already made
        // is not the body's remedy, nor is an apology the text does not judge
        // (a complaint not investigated for it is left to the outcome line).
        assert_all_in_summary(
            &[
                "The Council replied to Mrs X, which was an appropriate response.",
                "The Council has already apologised to Mrs X.",
            ],
            None,
        );
    }

    #[test]
    fn a_remedy_the_complainant_found_acceptable() {
        assert_eq!(
            in_summary("The Council later offered a refund, which was acceptable to Mr X, and we therefore completed our investigation."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("The Council offered £100, which was not acceptable to Mr X."),
            None
        );
    }

    #[test]
    fn when_with_a_verb_in_ing_sets_the_scene() {
        assert_eq!(
            in_summary(
                "When considering his complaint, we found the Council failed to send him a bill."
            ),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("When reviewing the case, I found the Council delayed in deciding his application, which caused him distress."),
            Some(FaultInjustice)
        );
        // `When` with a clause still supposes; so does `when` before `-ing`
        // that states no finding.
        assert_all_in_summary(
            &[
                "When there is fault, we may find the Council failed to act.",
                "When deciding whether there was fault, we consider the law and guidance.",
                "When we find fault, the Council failed to act.",
                "When something goes wrong, we find the Council failed to act.",
            ],
            None,
        );
    }

    #[test]
    fn a_remedy_beside_no_significant_injustice_is_fault_without_injustice() {
        assert_eq!(
            in_summary("The Council delayed, but the delay did not cause a significant injustice. The Council has agreed to apologise."),
            Some(FaultNoInjustice)
        );
        // Injustice stated as well: the remedy is for it.
        assert_eq!(
            in_summary("The Council delayed but this did not cause a significant injustice. Its failure to reply caused Mrs X distress. The Council has agreed to apologise."),
            Some(FaultInjustice)
        );
        // No word on injustice: the remedy implies it.
        assert_eq!(
            in_summary("The Council delayed. The Council has agreed to apologise."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn a_complaint_that_the_body_did_not_investigate_is_not_ours() {
        assert_eq!(
            in_summary("Mrs D complained the Council failed to ensure a nursery did not charge fees and did not investigate her complaint properly. We found no fault."),
            Some(NoFault)
        );
        // Her view alone, with no finding beside it, is no finding.
        assert_all_in_summary(
            &[
                "Mrs D complained the Council failed to reply and did not investigate her complaint properly.",
                "Mrs D complained the Council did not investigate her complaint properly.",
            ],
            None,
        );
        // A reported clause that ends before the Ombudsman's refusal.
        assert_eq!(
            in_summary("Mr X complained to us more than 12 months after he knew of the matter, so we will not investigate this complaint."),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn fault_excepted_before_a_denial_is_fault_found() {
        for text in [
            "The Ombudsman finds that, except for the faulty installation of sound recording equipment which led to no injustice for Miss B, the Council’s actions in this matter were not affected by fault.",
            "Other than the delay, which caused no injustice, we found no fault.",
        ] {
            assert_eq!(in_summary(text), Some(FaultNoInjustice), "{text}");
        }
        // An exception that names no fault leaves the denial whole.
        assert_eq!(
            in_summary("Apart from his wish for a refund, there was no fault."),
            Some(NoFault)
        );
    }

    #[test]
    fn no_evidence_to_make_a_finding_of_fault_denies_it() {
        for text in [
            "The Ombudsman found no corroborating evidence to make a finding of fault on Mr B’s complaint about the Council misleading him.",
            "There is not enough evidence to make a finding of fault against the Council.",
        ] {
            assert_eq!(in_summary(text), Some(NoFault), "{text}");
        }
        assert_eq!(in_summary("We cannot make a finding of fault."), None);
        assert_eq!(
            in_summary("We made a finding of fault."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn satisfied_with_actions_taken_by_the_body_remedies() {
        assert_eq!(
            in_summary("Miss X complains the Care Home provided poor quality care. The Ombudsman is satisfied with the actions already taken by the Care Home to remedy any injustice and prevent recurrence."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn remedies_the_body_proposes_or_apologies_that_suffice_settle_the_complaint() {
        for summary in [
            "We will not investigate this complaint about a Disabled Facilities Grant because we are satisfied with the actions the Council proposes to take to remedy any fault.",
            "We will not investigate Mr X’s complaint about his goodwill payment. The Council’s apologies provide appropriate remedy and there is no different outcome to be achieved from investigation.",
            "We will not investigate Mr X’s complaint because the Council has now put things right.",
            "We will not investigate this complaint as the Council has cancelled the penalty charge notice.",
            "We will not investigate this complaint. The Council has accepted it got things wrong and has offered Mrs X £200.",
            "We will not investigate Ms G’s complaint. The Council has accepted it did not keep Ms G informed and has offered her £300 and an apology, which is a suitable remedy.",
            "We will not investigate this complaint. The Council has accepted it took too long and has apologised.",
            "We will not investigate this complaint because the Council has taken action to resolve the problem.",
            "We will not investigate this complaint because the Council has agreed to carry out a new assessment, which is what Ms X wanted.",
            "We will not investigate this complaint as the Council has since completed the assessment and apologised for the delay.",
            "We will not investigate Mrs X’s complaint because the Council has acknowledged its errors and has taken steps to prevent them happening again.",
            "We will not investigate this complaint because the Council’s response, including its apology and payment of £100, is proportionate.",
            "We will not investigate this complaint because the Care Provider has refunded the fees Mrs X paid.",
            "We will not investigate this complaint because the Council has agreed to our proposed remedy.",
            "We will not investigate this complaint. The Council has now issued the EHC plan and paid Mrs X £400 for the delay.",
        ] {
            assert_settles(summary);
        }
    }

    #[test]
    fn bodies_named_by_acronym_delays_and_remedies_in_other_words() {
        let cases = [
            ("I have found TfL at fault for a two-month delay. This has caused Mr X distress.", FaultInjustice),
            ("We found the GMCA at fault.", FaultNoInjustice),
            ("We found the authority took too long to offer Mr F an assessment. This caused distress.", FaultInjustice),
            ("The Ombudsman should not investigate this complaint. This is because Transport for London accepted it was at fault and has proposed suitable redress.", FaultInjustice),
            // The complaint's subject ends where the reason begins.
            ("We will not investigate this complaint that the Authority wrongly issued notices to Mr X as the Authority has offered to make a payment to Mr X to remedy the injustice caused to him.", FaultInjustice),
            // A reported view that runs on to the remedy words is no remedy.
            ("We will not investigate this complaint that the Council failed to agree to pay Mr X for his losses.", NotInvestigated),
            // A care provider named by its initials, as the sentence's subject.
            ("Mrs B complained APT delayed issuing invoices. APT also delayed in responding to Mrs B’s concerns.", FaultNoInjustice),
            // What the body now does `will remedy any injustice`.
            ("The Council cannot show it discussed the funding with Mr X. It now offers to reimburse the charges incurred, which will remedy any injustice caused.", FaultInjustice),
        ];
        for (text, want) in cases {
            assert_eq!(in_summary(text), Some(want), "{text}");
        }
        // The complainant's account or wish is not the decision's.
        for text in [
            "Mrs B complained APT delayed issuing invoices.",
            "Mr X wants the Council to remedy the injustice.",
        ] {
            assert_eq!(in_summary(text), None, "{text}");
        }
    }

    #[test]
    fn a_complaint_the_body_settled_before_investigation_follows_the_outcome_line() {
        const NOT: &str = "We will not investigate this complaint.";
        const UPHELD: Option<&str> = Some("Upheld");
        const CLOSED: Option<&str> = Some("Closed after initial enquiries");
        // Each phrasing: the text's own reading, then the outcome line decides.
        let settled = [
            ("This is because the Council offered a fair remedy and there is not enough remaining injustice.", FaultInjustice),
            ("This is because the Authority has decided to award the grant.", FaultInjustice),
            ("This is because the Council has proposed a fair way forward.", NotInvestigated),
            ("This is because the problem has now been resolved.", NotInvestigated),
            ("The Council has apologised for the delay.", NotInvestigated),
            ("This is because the Council has already provided a fair and proportionate response.", NotInvestigated),
            ("This is because the Council has agreed to cancel the charge.", FaultInjustice),
            ("That is because the Council has agreed to consider his complaints through the statutory complaints procedure.", NotInvestigated),
            ("The Council has already taken, or proposed to take, satisfactory action in response to the complaint.", NotInvestigated),
            // Fault named only to say it leaves no injustice: still settled.
            ("The Council’s delay in completing the assessment does not cause the claimed injustice. The Council has apologised for its delay.", NotInvestigated),
            // The body upheld the complaint itself: fault it admitted.
            ("The Council upheld Mr X’s complaint and apologised, therefore, further investigation will not lead to a different outcome.", NotInvestigated),
            ("The Council has upheld some elements of the complaint and apologised.", NotInvestigated),
            ("The Council has accepted it sent him confusing bills, apologised and credited £150 to his account. This is a suitable remedy.", FaultInjustice),
            ("The Council has accepted responsibility, removed the tree, reimbursed Mr X’s £1,800 repair bill and apologised. That is a suitable remedy.", FaultInjustice),
        ];
        for (reason, text_alone) in settled {
            let summary = format!("{NOT} {reason}");
            for last in ["", NOT] {
                let read = |outcome| with_outcome(&summary, last, outcome);
                assert_eq!(read(None), Some(text_alone), "{summary} / {last:?}");
                assert_eq!(read(Some("Not upheld")), Some(text_alone), "{summary}");
                assert_eq!(read(UPHELD), Some(FaultInjustice), "{summary} / {last:?}");
                assert_eq!(read(Some(" upheld ")), Some(FaultInjustice), "{summary}");
                assert_eq!(read(CLOSED), Some(NotInvestigated), "{summary} / {last:?}");
            }
        }
        // Not settled by the body: another reason, fault stated, an
        // investigation stopped, part of the complaint, or nothing settled.
        let unsettled = [
            ("We will not investigate this complaint. This is because we are unlikely to find fault.", NotInvestigated),
            ("We will not investigate this complaint. This is because there is insufficient evidence of fault and because the Council has provided a fair response.", NotInvestigated),
            ("We will not investigate this complaint. This is because the Council has offered a fair remedy and it is a matter for the courts.", NotInvestigated),
            ("We will not investigate this complaint. This is because the matter has not been resolved by the tribunal yet.", NotInvestigated),
            ("We have discontinued our investigation. The Council has apologised.", NoFault),
        ];
        for (summary, text_alone) in unsettled {
            for outcome in [None, UPHELD, CLOSED] {
                assert_eq!(
                    with_outcome(summary, "", outcome),
                    Some(text_alone),
                    "{summary} / {outcome:?}"
                );
            }
        }
        // Fault the body accepted is fault stated: the remedy is for it.
        for fault in [
            "We will not investigate this complaint. The Council was at fault and has offered a fair remedy.",
            "We will not investigate this complaint. This is because the Council has already provided an appropriate remedy for the fault accepted. In addition, there is insufficient evidence of fault.",
        ] {
            for outcome in [None, CLOSED] {
                assert_eq!(with_outcome(fault, "", outcome), Some(FaultInjustice), "{fault}");
            }
        }
    }

    #[test]
    fn maladministration_not_found_is_no_fault() {
        for summary in [
            "Mr C complains the Council unfairly ended his contract. The Ombudsman has not found evidence of maladministration.",
            "I have not found maladministration.",
        ] {
            assert_eq!(with_outcome(summary, "", None), Some(NoFault), "{summary}");
        }
        assert_eq!(
            with_outcome(
                "The Ombudsman found maladministration causing injustice.",
                "",
                None
            ),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn an_investigation_stopped_after_a_remedy_follows_a_not_upheld_line() {
        let summary = "We have discontinued our investigation because the neighbour has moved away and the Council has agreed to review its procedures.";
        assert_eq!(with_outcome(summary, "", Some("Not upheld")), Some(NoFault));
        assert_eq!(
            with_outcome(summary, "", Some("Upheld")),
            Some(FaultInjustice)
        );
        assert_eq!(with_outcome(summary, "", None), Some(FaultInjustice));
    }

    #[test]
    fn negated_fault_is_no_fault() {
        assert_all_in_summary(&[
            "We do not find fault with how the Council assessed Mrs Y.",
            "The Ombudsman does not find the Trust at fault.",
            "We have not found the Council acted with fault in its decision.",
            "We found the Council did not act with fault in refusing the request.",
            "I do not consider the school was at fault.",
            "The Council has not acted with fault.",
            "The Ombudsman has found no fault in how the Council dealt with the application.",
            "There was no fault.",
            "We have not found the Council to be at fault.",
            "Mr X complained about the allowance. We have not found the Council to be at fault.",
        ], Some(NoFault));
    }

    #[test]
    fn fault_set_off_by_a_parenthesis_is_fault() {
        assert_all_in_summary(&[
            "The Council was not at fault for refusing the full rate. The Council was, however, at fault for a significant delay.",
            "The Council was, in our view, at fault.",
        ], Some(FaultNoInjustice));
    }

    #[test]
    fn a_suitable_response_the_body_gave_is_a_remedy_unless_another_reason_decides() {
        const NOT: &str = "We will not investigate this complaint.";
        let cases = [
            // The body's own response is why: upheld, as the LGSCO records it.
            ("This is because the Council has provided a satisfactory response.", FaultInjustice),
            ("This is because the Council has provided a proportionate response and there is not enough injustice to warrant an investigation.", FaultInjustice),
            // A reason about other parts of the complaint does not decide the whole.
            ("This is because the Council has provided an appropriate response for some errors and because there is insufficient evidence of fault for the other issues.", FaultInjustice),
            // Fault the decision states outweighs a reason about one part.
            ("There is not enough evidence of fault in the assessment. There is fault in the delay. The Council has agreed to apologise and pay £250.", FaultInjustice),
            // Fault unlikely or unevidenced, or another forum: closed, the
            // remedy incidental.
            ("This is because there is insufficient evidence of fault by the Council and because the Council has provided a fair response.", NotInvestigated),
            ("This is because it is a matter for the Information Commissioner and because the Council has provided a satisfactory response.", NotInvestigated),
            ("This is because we are unlikely to find fault. The Council has also already provided a suitable remedy for issues with its complaint handling.", NotInvestigated),
            // A response nobody judges is no remedy.
            ("This is because the Council has provided a response.", NotInvestigated),
            // Satisfied with what the body did, or its remedy acceptable.
            ("The Council has apologised and waived a portion of the charges. We are satisfied with the Council's actions and could achieve nothing further.", FaultInjustice),
            ("It has waived £100. We are satisfied with the actions it has taken to acknowledge the impact of its fault.", FaultInjustice),
            ("The Council's apology and refund of the fee is an acceptable remedy to the complaint.", FaultInjustice),
        ];
        for (reason, expected) in cases {
            let text = format!("{NOT} {reason}");
            assert_eq!(in_summary(&text), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_body_other_than_a_council_is_found_at_fault_or_not_alike() {
        let findings = [
            ("The BODY failed to act on Mrs X's reports. This caused her distress.", FaultInjustice),
            ("The Ombudsman finds the BODY at fault.", FaultNoInjustice),
            ("We did not find the BODY was at fault because it had to consider the welfare of its staff.", NoFault),
            ("The Ombudsman does not find the BODY at fault.", NoFault),
            ("We have not found the BODY acted with fault in its decision.", NoFault),
            ("There is no evidence that the BODY failed to follow its policy.", NoFault),
        ];
        for (text, want) in findings {
            for body in [
                "Council",
                "District Council",
                "Care Provider",
                "care home",
                "local authority",
                "Authority",
                "Trust",
                "Company",
            ] {
                let text = text.replace("BODY", body);
                assert_eq!(in_summary(&text), Some(want), "{text}");
            }
        }
    }

    #[test]
    fn a_contracted_negation_reads_as_the_spelled_out_one() {
        use crate::parse::extract::negation::contracted;
        let findings = [
            ("We did not find the Council was at fault.", NoFault),
            ("The Council was not at fault.", NoFault),
            ("The Ombudsman does not find the Council at fault.", NoFault),
            ("We do not uphold Mrs B's complaint.", NoFault),
            (
                "We have not found evidence of fault by the Council.",
                NoFault,
            ),
            (
                "We could not find fault in how the Council decided.",
                NoFault,
            ),
            ("We will not investigate this complaint.", NotInvestigated),
            ("We cannot investigate Mr Y's complaint.", NotInvestigated),
            (
                "The Council was at fault. The fault did not cause Mr X an injustice.",
                FaultNoInjustice,
            ),
            (
                "The Council was at fault, but it has not caused Mrs X a significant injustice.",
                FaultNoInjustice,
            ),
        ];
        for (text, want) in findings {
            assert_eq!(in_summary(text), Some(want), "{text}");
            for short in contracted(text) {
                assert_eq!(in_summary(&short), Some(want), "{short}");
            }
        }
    }

    #[test]
    fn a_delay_or_failure_that_caused_no_injustice_is_fault_without_injustice() {
        assert_all_in_summary(&[
            "The Council’s delay in formally notifying Ms B’s neighbours of the outcome does not cause significant injustice to Ms B to warrant a personal remedy.",
            "The delay did not cause Mr X an injustice.",
            "These failings by the care provider did not lead to any injustice.",
        ], Some(FaultNoInjustice));
        // What the complainant says of a delay is not the decision's finding;
        // nor is a delay `Mr X complains of` beside a finding of no fault.
        assert_eq!(
            in_summary("Mr X says the Council’s delay did not cause the damage."),
            None
        );
        assert_eq!(
            in_summary(
                "We found no fault. The delays Mr X complains of did not cause him injustice."
            ),
            Some(NoFault)
        );
    }

    #[test]
    fn a_complaint_closed_for_a_reason_is_not_investigated() {
        assert_eq!(
            in_summary("The Ombudsman closed a complaint alleging the Council failed to remove obstructions on a footpath because no worthwhile outcome is achievable."),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn acting_without_fault_is_no_fault() {
        assert_eq!(
            in_summary("The Ombudsman further finds the Council considered whether it should undertake the work without fault."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("We are satisfied the Council acted without fault when it set the charge."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("The care provider was without fault."),
            Some(NoFault)
        );
    }

    #[test]
    fn no_or_insufficient_evidence_of_fault_is_no_fault() {
        assert_all_in_summary(&[
            "We found no or insufficient evidence of fault by the Council.",
            "The Ombudsman has not found evidence of significant fault by the Council and has completed the investigation and not upheld the complaint.",
            "There is little evidence of any fault in how the school ran the appeal.",
            "We have not seen enough evidence of fault.",
            "There is no evidence of Council fault.",
            "We are unable to find fault with the Council's actions in respect of his account.",
            "We found no evidence of any fault in how the panel reached its decision.",
        ], Some(NoFault));
        // "No evidence of fault" is not "evidence of fault".
        assert_eq!(
            in_summary("There is no evidence of fault by the Council."),
            Some(NoFault)
        );
    }

    #[test]
    fn a_complaint_not_upheld_is_no_fault() {
        assert_eq!(
            in_summary("We do not uphold Mrs B's complaint."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("We have completed our investigation and not upheld the complaint."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("We upheld the complaint."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn hedged_fault_is_fault() {
        assert_eq!(
            in_summary("We found some fault in how the Council kept its records."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("The Ombudsman finds no fault in how the panel decided, but some fault in how the Council wrote to Mr D. However, that fault did not cause him an injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("We found minor fault in the Council's letters, but this did not cause Ms E an injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("There is evidence of fault by the Council and it has agreed to apologise."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("We find the Council acted with fault."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("There was a failure by the Council to act on the reports."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("The Council should send Mrs F a written apology for this fault."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn fault_but_no_injustice() {
        assert_eq!(
            in_summary("There was fault but no injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("We found fault, but it did not cause Mr G a significant injustice."),
            Some(FaultNoInjustice)
        );
        // No injustice stated and a remedy agreed elsewhere: fault with injustice.
        let b = [Block::new(None, "We found fault in the Council's delay.")];
        assert_eq!(finding(&b, true), Some(FaultInjustice));
    }

    #[test]
    fn not_investigating_the_whole_complaint() {
        assert_all_in_summary(&[
            "We will not investigate this complaint about the Council's parking enforcement.",
            "We will not exercise discretion to investigate this complaint, which is late.",
            "We will not investigate Mr H's complaint about his council tax bill.",
            "We have closed the complaint.",
            "But we do not have grounds to investigate this matter because we are unlikely to find fault.",
            "There are no grounds for us to investigate the Council's handling of the application.",
            "The Ombudsman does not have reason to investigate this complaint about the appeal panel.",
        ], Some(NotInvestigated));
    }

    #[test]
    fn an_investigation_stopped_before_a_finding_found_no_fault() {
        // Begun and stopped: the LGSCO records these as not upheld, unlike a
        // decision not to start one, even where the reason is one that would
        // have stopped it at the start.
        assert_all_in_summary(&[
            "The Ombudsman has discontinued the investigation because a court is better placed.",
            "The Ombudsman has discontinued the investigation because we cannot investigate late complaints.",
            "We have ended our investigation of the complaint.",
            "Further investigation is unlikely to lead to a different outcome. The Ombudsman therefore discontinued his consideration of this complaint.",
            "We have ended the investigation as further investigation would not achieve the outcome Ms X wants.",
            "We considered further investigation would not provide X with a meaningful outcome. We discontinued our investigation.",
            "We are therefore discontinuing our investigation in relation to this complaint.",
            "The Ombudsman will not further investigate the payment as we cannot achieve the outcome sought.",
            "Based on the information seen so far, we should not investigate this complaint further, as we are unlikely to find fault.",
            "We will not investigate Mr X's complaint any further.",
            "The Ombudsman considers there is no significant injustice to warrant his involvement and has discontinued investigation.",
            "Mrs P used her right of appeal. The Ombudsman therefore has discontinued his investigation.",
            "We have stopped investigating Mr X's complaint because he has moved away.",
            "We have discontinued investigating this complaint as Mr X no longer wishes to pursue it.",
        ], Some(NoFault));
        // Not begun: `further` about something else.
        assert_eq!(
            in_summary(
                "We will not investigate this complaint until further information is received."
            ),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn fault_or_a_remedy_outweighs_a_stopped_investigation() {
        assert_eq!(
            in_summary("While there was an error in the officer report, the correct position was clear in the decision notice and we will not pursue the complaint any further."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary(
                "We discontinued our investigation because the Council agreed to pay Mr T £200."
            ),
            Some(FaultInjustice)
        );
        // Stopping one strand says nothing about the rest.
        assert_eq!(
            in_summary("I have ended my investigation into part of the complaint."),
            None
        );
    }

    #[test]
    fn errors_the_decision_states_are_fault() {
        for text in [
            "The Council's assessment does not address her eligibility. It needs to correct that error by reassessing her.",
            "There was an error in how the Council calculated the charge.",
            "The direct payments stopped due to an administrative error in August 2016.",
            "The Council has apologised for faults in the process.",
        ] {
            assert!(
                matches!(in_summary(text), Some(FaultInjustice | FaultNoInjustice)),
                "{text}"
            );
        }
        // Someone else's account of an error is theirs.
        assert_eq!(
            in_summary("Mr U says there was an error in his bill."),
            None
        );
    }

    #[test]
    fn not_investigating_part_of_the_complaint_does_not_decide_the_whole() {
        assert_eq!(
            in_summary("We did not investigate parts of the complaint because they are late. In respect of the rest, we found no fault."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("We cannot investigate the charges part of the complaint because Mrs J appealed to a tribunal."),
            None
        );
        assert_eq!(
            in_summary("We will not investigate the other complaints Mr K made. We found no fault in the Council's decision."),
            Some(NoFault)
        );
        // A whole complaint not investigated still decides, part words elsewhere or not.
        assert_eq!(
            in_summary("As part of our assessment, we decided not to investigate this complaint."),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn fault_with_injustice_outweighs_a_scoped_or_whole_refusal() {
        // Fault with injustice found, one strand not investigated.
        assert_eq!(
            in_summary("The Council was at fault for failing to consult, and this caused Mr L injustice. We cannot investigate Mr L's complaint that an officer was rude to him."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("There was no fault in how the Council decided but there was fault in its complaint handling which caused Miss M time and trouble. The Council has agreed to apologise. I have ended my investigation into what an officer said on the phone."),
            Some(FaultInjustice)
        );
        // Fault without injustice at the assessment stage stays not investigated.
        assert_eq!(
            in_summary("We will not investigate this complaint. Although the Council was at fault, this did not cause Mr N a significant injustice."),
            Some(NotInvestigated)
        );
        // What the complainant wants is no remedy: the refusal stands.
        assert_eq!(
            in_summary(
                "We will not investigate this complaint. Mr V wants the Council to pay him £500."
            ),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn a_refusal_because_the_body_already_remedied_reads_as_upheld() {
        // An early settlement: the LGSCO upholds these without investigating
        // (see DOMAIN.md), so the remedy outweighs the refusal.
        assert_all_in_summary(&[
            "We will not investigate this complaint. This is because the Council has provided a remedy and there is not enough remaining injustice.",
            "We will not investigate this complaint. This is because the Council has provided the remedy Mrs X was seeking.",
            "We will not investigate this complaint. This is because the Council has agreed to resolve the complaint early by providing a proportionate remedy.",
            "The Council apologised and offered to pay Ms Y £900 for her distress. This is an appropriate remedy and we do not recommend anything further.",
            "We will not investigate this complaint about the provider. It has also offered the complainant a refund of one month's fee. Further investigation would not add to what the Council has done.",
            "The Ombudsman will not investigate Mr X's complaint. The Council has apologised and offered a reduced fee, which provides a suitable outcome.",
            "We will not investigate this complaint because the Council has already offered a suitable remedy.",
        ], Some(FaultInjustice));
    }

    #[test]
    fn a_suitable_remedy_offered_reads_as_upheld() {
        assert_eq!(
            in_summary("The Council has offered a suitable remedy for the confusion it caused."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("The Council has already provided an appropriate remedy. So we have completed our investigation."),
            Some(FaultInjustice)
        );
        // What the Ombudsman says a body needs to do is a remedy it asks for.
        assert_eq!(
            in_summary("Mrs X is right on all three points. The Care Provider needs to apologise and pay financial redress."),
            Some(FaultInjustice)
        );
    }

    #[test]
    fn fault_stated_after_a_linking_word_or_named_in_passing() {
        for text in [
            "The Council was entitled to reclaim the overpayment. However, the Council should have made age-related increases to the allowance.",
            "But it failed to tell her about the appeal.",
            "In addition, the Council delayed the review by four months.",
            "The Council took longer than it should to respond to Mrs Z's complaints.",
            "There was no fault in the switch to electronic bills, although it should have processed her request for paper bills.",
            "This fault did not cause Miss P an injustice.",
            "That fault didn't cause him a significant injustice.",
        ] {
            assert!(
                matches!(in_summary(text), Some(FaultInjustice | FaultNoInjustice)),
                "{text}"
            );
        }
        // Fault named only to say it caused no injustice is fault without injustice.
        assert_eq!(
            in_summary("There was no fault in adding court costs. There was no fault in the switch to electronic bills, although it should have processed her request. But this fault did not cause an injustice."),
            Some(FaultNoInjustice)
        );
        // Someone else's account keeps its guard, and a supposition states nothing.
        assert_all_in_summary(&[
            "Mr X says that the Council took longer than it should to reply, but it should have written sooner.",
            "If the Council should have acted sooner, we would say so.",
        ], None);
    }

    #[test]
    fn a_report_s_finding_line_is_read() {
        // Public reports put the finding under its own heading.
        let report = [
            Block::new(
                None,
                "Mrs X complained about the Council's failure to provide tutoring for her child.",
            ),
            Block::new(
                Some(SectionKind::Findings),
                "Fault found causing injustice and recommendations made.",
            ),
        ];
        assert_eq!(finding(&report, true), Some(FaultInjustice));
        let none = [Block::new(Some(SectionKind::Findings), "No fault found.")];
        assert_eq!(finding(&none, false), Some(NoFault));
    }

    #[test]
    fn a_remedy_the_ombudsman_recommends_or_finds_suitable_reads_as_upheld() {
        assert_all_in_summary(&[
            "We will not investigate this complaint. The Council has apologised and offered the complainant £250 for the distress caused. We consider this a suitable remedy and further investigation will not lead to a different outcome.",
            "We found no evidence of fault in how the Council decided the application. The Ombudsman recommends the Council apologises to Mrs Z for the uncertainty caused.",
            "We recommend that Luton Council pays Mr X £200.",
            "The Council has now agreed to offer Mr C an appropriate financial remedy.",
            "To remedy the injustice caused, the Council has agreed to offer Mr B a new appeal.",
        ], Some(FaultInjustice));
        // A remedy the complainant wants, or one found wanting, is not one.
        assert_all_in_summary(&[
            "We will not investigate this complaint. Mr X wants us to recommend the Council pays him £500.",
            "We will not investigate this complaint. We do not consider this a suitable remedy.",
        ], Some(NotInvestigated));
    }

    #[test]
    fn someone_elses_view_states_no_finding() {
        assert_all_in_summary(
            &[
                "The Council says it acted reasonably.",
                "Mr P says the Council did not find fault with its contractor.",
                "Mrs Q complains the Council was at fault.",
                "Mr R wants the Council to uphold his complaint.",
                "If there was no fault, the charge stands.",
            ],
            None,
        );
        // Someone's view after our own denial leaves the denial standing.
        assert_eq!(
            in_summary("We do not find fault, although Ms S feels the decision was unfair."),
            Some(NoFault)
        );
    }

    #[test]
    fn the_verdict_sentence_is_read_wherever_it_stands() {
        let layout_2016 = [
            Block::new(None, "A man complains the council did not repair his road."),
            Block::new(
                Some(SectionKind::Complaint),
                "The man complains the council ignored his reports.\nThe Ombudsman upheld the complaint and found fault causing injustice.\nTo remedy the injustice, the council has agreed to apologise.",
            ),
        ];
        assert_eq!(finding(&layout_2016, true), Some(FaultInjustice));
        let not_upheld = [Block::new(
            Some(SectionKind::Other),
            "The Ombudsman did not uphold the complaint. The council acted properly.",
        )];
        assert_eq!(finding(&not_upheld, false), Some(NoFault));
        // Elsewhere, only the verdict counts: an earlier investigation's
        // finding, a complaint and the law are not this decision's finding.
        let background = [
            Block::new(
                Some(SectionKind::Complaint),
                "In an earlier investigation we found the Council failed to assess Mrs T. She says it was at fault again.",
            ),
            Block::new(
                Some(SectionKind::RoleAndPowers),
                "The Ombudsman found that it could investigate.",
            ),
        ];
        assert_eq!(finding(&background, false), None);
        // A verdict in a stated section is not overridden from elsewhere.
        let both = [
            Block::new(None, "We found no fault."),
            Block::new(
                Some(SectionKind::Other),
                "The Ombudsman upheld the complaint.",
            ),
        ];
        assert_eq!(finding(&both, false), Some(NoFault));
    }

    #[test]
    fn a_remedy_falling_short_of_the_injustice_does_not_deny_it() {
        use Finding::*;
        assert_eq!(
            in_summary("We found the Council at fault and that £100 did not adequately recognise the injustice caused. The Council has agreed to pay Miss D £350 instead."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("The Council was at fault. Its apology does not fully remedy the injustice. It has agreed to pay Mr X £200."),
            Some(FaultInjustice)
        );
        // A denial in the same words stays a denial.
        assert_eq!(
            in_summary("The Council delayed, but the delay did not cause Mr X an injustice. It has agreed to apologise."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn enough_to_put_things_right_is_a_remedy() {
        assert_eq!(
            in_summary("The Care Provider was at fault, but it has since refunded the deposit in full and apologised. We consider this is enough to put things right."),
            Some(Finding::FaultInjustice)
        );
    }

    #[test]
    fn a_remedy_agreed_with_no_finding_stated_is_upheld() {
        // The remedy extractor reads an agreed action in words no finding
        // pattern knows (`agreed to carry out a new assessment`): the
        // decision secured a remedy, which the LGSCO records as upheld.
        let agreed = [Block::new(
            None,
            "Mrs D complained about the Council. The Council has agreed to carry out a new assessment.",
        )];
        assert_eq!(finding(&agreed, true), Some(FaultInjustice));
        // With no remedy agreed, the same silence is no finding, not a guess.
        assert_eq!(finding(&agreed, false), None);
        // A finding the text states is never overridden by the remedy.
        let stated = [Block::new(
            None,
            "We found no fault. The Council has agreed to carry out a new assessment.",
        )];
        assert_eq!(finding(&stated, true), Some(NoFault));
        let refused = [Block::new(
            None,
            "The Council has agreed to carry out a new assessment. We will not investigate the complaint.",
        )];
        assert_eq!(finding(&refused, true), Some(NotInvestigated));
    }

    #[test]
    fn disagreement_with_the_outcome_line() {
        let warn = |o: &str, f: Finding| disagreement(Some(o), Some(f)).map(|w| w.to_string());
        assert_eq!(
            warn("Upheld", NoFault).as_deref(),
            Some("finding (no_fault) disagrees with the outcome line (Upheld)")
        );
        assert!(warn("Upheld", NotInvestigated).is_some());
        assert!(warn("Upheld", FaultInjustice).is_none());
        assert!(warn("Upheld", FaultNoInjustice).is_none());
        // Not upheld can be fault without injustice or a discontinued investigation.
        assert!(warn("Not upheld", NoFault).is_none());
        assert!(warn("Not upheld", FaultNoInjustice).is_none());
        assert!(warn("Not upheld", NotInvestigated).is_none());
        assert_eq!(
            warn("Not upheld", FaultInjustice).as_deref(),
            Some("finding (fault_injustice) disagrees with the outcome line (Not upheld)")
        );
        assert!(warn(" closed after initial enquiries ", NotInvestigated).is_none());
        assert!(warn("Closed after initial enquiries", NoFault).is_some());
        assert!(warn("Closed after initial enquiries", FaultInjustice).is_some());
        // Nothing to compare: no warning.
        assert!(disagreement(None, Some(NoFault)).is_none());
        assert!(disagreement(Some("Upheld"), None).is_none());
        assert!(warn("Local settlement", NoFault).is_none());
    }

    #[test]
    fn fault_after_a_concession_stopped_in_the_passive_or_found_to_cause_injustice() {
        // A concession closed by its comma does not deny what follows it,
        // nor does a finding inside it lose its force.
        assert_eq!(
            in_final("While there was no fault in respect of the bailiff visit, there was fault in the failure to record a new agreement."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("Although there was no fault in the assessment, there was fault in how the Council wrote to Mrs X."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("Although the Council was at fault, this caused no injustice."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_final("While there was no fault by the Council, I understand why Mrs X was upset."),
            Some(NoFault)
        );
        // An investigation stopped, said in the passive.
        for text in [
            "The investigation of this complaint about the decisions made by a building control officer is discontinued.",
            "Our investigation has now been discontinued because Mr X has moved away.",
        ] {
            assert_eq!(in_final(text), Some(NoFault), "{text}");
        }
        assert_eq!(
            in_final("If the investigation is discontinued, we will tell Mr X."),
            None
        );
        // What the Ombudsman finds caused injustice, without the word fault.
        assert_eq!(
            in_summary("We find the Care Provider’s management of her weight loss, how it told Mrs X of her death and its complaint handling all caused injustice to Mrs X."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("We find the Council’s decision caused no injustice to Mrs X."),
            None
        );
        // Someone's view counts before the failure, not in a clause after it.
        assert_eq!(
            in_summary("The Council has delayed forwarding the application and has advertised a wrong date for the application Mrs X complained about."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("Mrs X complained the Council has delayed forwarding the application."),
            None
        );
    }

    /// Every text, read as a summary, gives `finding`.
    fn assert_all_in_summary(texts: &[&str], finding: Option<Finding>) {
        for text in texts {
            assert_eq!(in_summary(text), finding, "{text}");
        }
    }

    /// Each text, read as a summary, gives its finding.
    fn assert_in_summary(cases: &[(&str, Option<Finding>)]) {
        for &(text, finding) in cases {
            assert_eq!(in_summary(text), finding, "{text}");
        }
    }

    #[test]
    fn denials_hedged_or_after_the_failure_and_refusals_to_consider() {
        assert_in_summary(&[
            // A denial with a qualifier, a cause, or unfound evidence.
            (
                "The Ombudsman has found no substantive fault in the way the Council has considered the matter.",
                Some(NoFault),
            ),
            (
                "We found that whilst it took many months to process Mr X’s application, this was not because of fault by the Council.",
                Some(NoFault),
            ),
            (
                "We did not find enough evidence of fault by the Council.",
                Some(NoFault),
            ),
            // A failure the same clause then clears of fault.
            (
                "The Council did not formally agree to a weekly figure with the Care Home so it was not at fault for this.",
                Some(NoFault),
            ),
            // After a turn the denial is about something else.
            (
                "The Council failed to reply to Mr X, but it was not at fault in its assessment.",
                Some(FaultNoInjustice),
            ),
            // A refusal to consider the complaint is a refusal to investigate.
            (
                "The Ombudsman will not consider this complaint as there is insufficient evidence of fault by the Council.",
                Some(NotInvestigated),
            ),
            // Part of the complaint outside the remit decides nothing.
            (
                "The Ombudsman found no fault on Mr T’s complaint. Parts of Mr T’s complaint are outside the Ombudsman’s jurisdiction.",
                Some(NoFault),
            ),
            (
                "Mr T’s complaint is outside the Ombudsman’s jurisdiction.",
                Some(NotInvestigated),
            ),
            // Poor handling is fault; a body's action that remedies the
            // injustice is a remedy.
            (
                "The Council’s handling of the complainant’s complaint was poor, but this did not cause a significant injustice.",
                Some(FaultNoInjustice),
            ),
            (
                "The Council’s offer to reimburse the overpayment remedies any outstanding injustice.",
                Some(FaultInjustice),
            ),
        ]);
    }

    #[test]
    fn delays_in_faults_the_body_identified_and_the_absence_of_fault() {
        assert_in_summary(&[
            // A delay or failure `in` something is as much a finding as one `by` someone.
            (
                "However, there was some delay in initial Council assessments but this did not cause significant injustice.",
                Some(FaultNoInjustice),
            ),
            (
                "There were significant delays in completing the complaints procedure.",
                Some(FaultNoInjustice),
            ),
            // Fault the body found itself, and remedied, outweighs a denial of the rest.
            (
                "We did not find fault with the Council’s decision making process. We are satisfied with the Council’s apology with some fault it identified, and this is appropriate for the injustice it caused.",
                Some(FaultInjustice),
            ),
            // `In the absence of fault` denies it.
            (
                "In the absence of fault in the way the Council has reached its decision it is not for us to criticise it.",
                Some(NoFault),
            ),
            // Supposing a delay finds none.
            ("If there was a delay in the assessment, it did not affect the outcome.", None),
        ]);
    }

    #[test]
    fn flawed_decisions_remedies_agreed_or_found_enough_and_other_reasons() {
        assert_in_summary(&[
            // A flawed decision is a fault.
            (
                "The Council’s basis for refusing Mr X’s application for a freedom pass is flawed.",
                Some(FaultNoInjustice),
            ),
            // Remedies the body agreed to, however named, or that the decision
            // finds enough: upheld in substance.
            (
                "The Council has agreed to remove its charges for these sessions and apologise.",
                Some(FaultInjustice),
            ),
            (
                "The Council has agreed to fund Mrs G’s grandson’s nursery fees until his second birthday.",
                Some(FaultInjustice),
            ),
            ("A financial remedy for the injustice caused is agreed.", Some(FaultInjustice)),
            (
                "We agree with the findings of the statutory complaints investigation. We do not find further fault and so the remedy already provided is proportionate.",
                Some(FaultInjustice),
            ),
            (
                "We will not investigate this complaint. The Council has already taken action which is a reasonable way to resolve the complaint.",
                Some(FaultInjustice),
            ),
            // An agreement is not agreeing, and the complainant's account is
            // not the decision's.
            (
                "Mr X complained the Council failed to offer a deferred payment agreement to fund his mother’s care. We did not find fault with the Council.",
                Some(NoFault),
            ),
            // A tribunal's or court's part is a reason not to investigate
            // beside which the body's remedy is incidental.
            (
                "We will not investigate this complaint. The complaint concerns matters which have been considered by a tribunal and the courts. Also, the Council has agreed to waive court costs.",
                Some(NotInvestigated),
            ),
            // Denials: `not a fault`, `therefore entitled to`, and the rest of
            // the complaint outside the remit decides nothing.
            (
                "We found the Council was not a fault in deciding to increase Mrs X’s rent.",
                Some(NoFault),
            ),
            ("The home was therefore entitled to retain the fee paid.", Some(NoFault)),
            (
                "The Ombudsman has found no fault in the way the Council responded. The other parts of her complaint are outside the Ombudsman’s jurisdiction.",
                Some(NoFault),
            ),
        ]);
    }

    #[test]
    fn parts_upheld_quantified_delay_presupposed_fault_and_fair_decisions() {
        assert_in_summary(&[
            // Upholding part of the complaint, with the Ombudsman's
            // recommendations accepted.
            (
                "We have upheld parts of the complaint. The Council accepts our recommendations for service improvements and a symbolic payment to the complainants.",
                Some(FaultInjustice),
            ),
            // A delay stated by its length.
            (
                "There was 2 months delay in the annual review outcome. The actions offered by the Council remedy the injustice of uncertainty.",
                Some(FaultInjustice),
            ),
            (
                "There was a delay of six weeks in completing the assessment.",
                Some(FaultNoInjustice),
            ),
            // Injustice due to `this fault` presupposes the fault; not when denied.
            (
                "But there is wider injustice to others due to this fault, and the Council has agreed to apologise.",
                Some(FaultInjustice),
            ),
            ("Her distress was not caused by this fault.", None),
            // A fault stated after a denial, with `however` inside.
            (
                "There is no apparent fault in the planning decisions. There was however fault in the Council’s delayed response to the complaint.",
                Some(FaultNoInjustice),
            ),
            // A panel or body that decided the matter fairly or properly.
            ("The panel decided the appeal fairly.", Some(NoFault)),
            (
                "The Council considered the application properly and reached a decision it was entitled to make.",
                Some(NoFault),
            ),
            // ... but not a sentence that says it did not.
            ("The Council had not considered the application properly.", None),
            // Not enough evidence of flaws is a denial too.
            (
                "The decision letter is not as clear as it could have been but there is not enough evidence of flaws in the decision-making to recommend a fresh hearing.",
                Some(NoFault),
            ),
        ]);
    }

    #[test]
    fn a_remedy_enough_or_action_agreed_outweighs_not_investigating() {
        // LGSCO upholds a complaint it does not investigate because the
        // body has remedied it (`Upheld: ... remedy provided by the authority`).
        assert_all_in_summary(
            &[
                "We will not investigate Mr X’s complaint about errors and delays in carrying out a financial assessment. This is because the Council has agreed to take appropriate action to remedy the uncertainty and avoidable time and trouble caused.",
                "We will not investigate Mrs X’s complaint that the Council sent an invoice for care contributions. The Council’s apology for the delays is sufficient to remedy any injustice caused.",
            ],
            Some(FaultInjustice),
        );
    }

    #[test]
    fn a_denial_of_fault_reached_outweighs_not_investigating_a_part() {
        assert_in_summary(&[
            (
                "We will not investigate matters before 2023 and we do not find fault by the Council.",
                Some(NoFault),
            ),
            // A denial given as the reason not to investigate is no finding.
            (
                "We will not investigate Mrs X’s concerns about the charge because the Council was not at fault.",
                Some(NotInvestigated),
            ),
            (
                "We will not investigate Mr X’s concerns as there is insufficient evidence of fault.",
                Some(NotInvestigated),
            ),
        ]);
    }

    #[test]
    fn other_fault_denied_remedied_matters_and_injustice_due_to_fault() {
        assert_in_summary(&[
            // Denying any other fault says some fault was found.
            (
                "The Council has already taken appropriate action for its poor communication. We found no other fault.",
                Some(FaultNoInjustice),
            ),
            ("There was no further fault by the Council.", Some(FaultNoInjustice)),
            // A body that has remedied the matter upholds a complaint not investigated.
            (
                "We will not investigate this complaint about Council tax enforcement because the Council has remedied the matter.",
                Some(FaultInjustice),
            ),
            // Injustice due to (or caused by) fault presupposes the fault ...
            (
                "Ms X suffered injustice due to fault in the way the care provider provided a home care service to her late mother.",
                Some(FaultInjustice),
            ),
            // ... unless there is no evidence of it.
            (
                "We will not investigate this complaint. There is no evidence of a significant injustice arising from fault to warrant investigation.",
                Some(NotInvestigated),
            ),
            // Not finding the body to have acted with fault, or that there was fault.
            (
                "We have not found the Council to have acted with fault. It followed the procedure we would expect.",
                Some(NoFault),
            ),
            (
                "The Ombudsman does not consider there is fault in the way the Council considered the reports.",
                Some(NoFault),
            ),
            // `claims` as a noun is not someone's view.
            (
                "The significant delays in dealing with her housing benefit and council tax claims amount to fault. This fault has caused Mrs X an injustice.",
                Some(FaultInjustice),
            ),
            ("Mr X claims the Council was at fault.", None),
        ]);
    }

    #[test]
    fn a_not_investigated_final_decision_is_read_with_a_summary_that_gives_a_remedy() {
        // The final decision, cut short, says only that the complaint was not
        // investigated; the summary gives the reason, a remedy agreed.
        let b = [
            Block::new(
                None,
                "We will not investigate Mr X’s complaint about a penalty charge notice. This is because the Council has agreed to cancel the penalty charge notice.",
            ),
            Block::new(
                Some(SectionKind::FinalDecision),
                "We will not investigate this complaint. This is because we are satisfied with the Council",
            ),
        ];
        assert_eq!(finding(&b, false), Some(FaultInjustice));
        // Either alone still decides.
        assert_eq!(finding(&b[1..], false), Some(NotInvestigated));
        assert_eq!(finding(&b[..1], false), Some(FaultInjustice));
        // A summary with no remedy in it leaves the final decision's reading.
        let late = [
            Block::new(
                None,
                "We will not investigate this complaint. It is late and there are no good reasons to investigate it now. There was fault in the earlier process.",
            ),
            b[1].clone(),
        ];
        assert_eq!(finding(&late, false), Some(NotInvestigated));
    }

    #[test]
    fn no_power_a_law_that_forbids_or_a_refusal_in_other_words_is_not_investigating() {
        assert_all_in_summary(&[
            "We do not have the power to investigate this complaint.",
            "We have no power to investigate this complaint about a court order.",
            "The Ombudsman has no jurisdiction to investigate Mr X's complaint.",
            "The law does not allow us to investigate this complaint.",
            "The law prevents us from investigating complaints about what happens in schools.",
            "We declined to investigate this complaint.",
            "It would not be appropriate for us to investigate this complaint.",
            "We do not consider it is a good use of our resources to investigate this complaint.",
        ], Some(NotInvestigated));
        // A refusal scoped to part of the complaint leaves the finding to the rest.
        assert_eq!(
            in_summary("We have no power to investigate part of the complaint. We found no fault in the rest."),
            Some(NoFault)
        );
    }

    #[test]
    fn nothing_wrong_made_without_fault_or_too_little_evidence_to_find_fault_is_no_fault() {
        assert_all_in_summary(
            &[
                "There is no evidence of maladministration by the Council.",
                "We found nothing wrong with the way the Council dealt with the application.",
                "The Council did nothing wrong.",
                "The Council has not done anything wrong.",
                "The Council's decision was made without fault, so we cannot question it.",
                "The Council has not been at fault.",
                "There is not enough evidence to find the Council at fault.",
                "There is no evidence to suggest the care provider was at fault.",
                "We cannot say the Council was at fault.",
            ],
            Some(NoFault),
        );
        // Someone else's denial is no finding; a wrong the Ombudsman found is fault.
        assert_eq!(in_summary("Mr X says he did nothing wrong."), None);
        assert_eq!(
            in_summary("We cannot say the Council was at fault for the delay, but there was fault in how it replied to Mr X."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn a_delay_or_failure_that_caused_harm_is_fault_with_injustice() {
        assert_all_in_summary(
            &[
                "The Council's delay caused Mrs X avoidable distress.",
                "The care provider's failure to update the care plan caused Mr Y uncertainty.",
                "This delay has caused Mrs X frustration and time and trouble.",
            ],
            Some(FaultInjustice),
        );
        // A delay someone else caused, or one the complainant alleges, is no finding.
        assert_all_in_summary(
            &[
                "The delay caused by the pandemic meant the review was postponed.",
                "Mrs X says the Council's delay caused her distress.",
            ],
            None,
        );
    }

    #[test]
    fn some_delay_before_a_turn_and_injustice_the_ombudsman_cannot_find() {
        assert_eq!(
            in_summary(
                "There was some delay but this did not cause Mr X any significant injustice."
            ),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary(
                "The Council was at fault, but we cannot say this caused Mr X an injustice."
            ),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary("There was no delay, so no fault."),
            Some(NoFault)
        );
    }

    #[test]
    fn the_body_acting_as_it_should_is_no_fault_unless_negated() {
        assert_all_in_summary(&[
            "The Council acted in line with the Education Act 1996 and its transport policy when refusing free school transport.",
            "The Council has acted in accordance with the law.",
            "The Council followed the correct procedure.",
            "We are satisfied the Council properly considered Mr X's application.",
            "The Council's decision was not affected by fault.",
            "There was no delay and the Council acted properly.",
        ], Some(NoFault));
        // A negation before it in its clause denies nothing; a failure stated so is fault.
        assert_eq!(
            in_summary("We do not consider the Council acted properly."),
            None
        );
        assert_eq!(
            in_summary("The Council was not entitled to refuse the application."),
            None
        );
        assert_eq!(
            in_summary("The Council has not acted properly."),
            Some(FaultNoInjustice)
        );
        assert_eq!(
            in_summary(
                "We found the Council has not acted appropriately and this caused Mr X distress."
            ),
            Some(FaultInjustice)
        );
        // Fault the Ombudsman states first is not undone by the body's proper acts elsewhere.
        assert_eq!(
            in_summary(
                "The Council delayed the assessment, but it acted properly when it set the charge."
            ),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn a_finding_of_fault_made_or_not_made_and_a_part_upheld() {
        assert_all_in_summary(
            &[
                "We have concluded our investigation having made a finding of fault.",
                "The Ombudsman has upheld the part of the complaint about the complaint handling.",
                "We also consider that there were some flaws in the appeals process.",
                "Mrs X's complaint is upheld.",
                "The complaint is upheld because the Council failed to act.",
            ],
            Some(FaultNoInjustice),
        );
        assert_all_in_summary(&[
            "We have concluded our investigation having not made a finding of fault.",
            "We made no finding of fault.",
            "Mr X felt the Council's guidance was flawed. We found there was no fault by the Council.",
        ], Some(NoFault));
        assert_eq!(in_summary("The complaint is not upheld."), Some(NoFault));
    }

    #[test]
    fn remedies_asked_for_recommended_or_agreed_in_other_words() {
        assert_all_in_summary(&[
            "We have asked the Council to apologise to Mr X and pay him £150.",
            "We have recommended the Council apologises and pays Mr X £300.",
            "The Council has agreed to provide Mr X with an apology and a payment of £200.",
            "The Council has agreed to issue a written apology to Mrs X.",
            "In response to my recommendation, the Council has agreed to also make a further payment.",
        ], Some(FaultInjustice));
        // The complainant's request is not the Ombudsman's.
        assert_eq!(
            in_summary("Mr X says he asked the Council to apologise to him."),
            None
        );
    }

    #[test]
    fn not_being_able_to_investigate_is_not_investigating() {
        assert_all_in_summary(
            &[
                "We will not be able to investigate this complaint.",
                "It is not for the Ombudsman to investigate this complaint.",
            ],
            Some(NotInvestigated),
        );
    }

    #[test]
    fn the_body_declining_to_investigate_is_not_the_ombudsman_declining() {
        assert_eq!(
            in_summary("There is no evidence of fault in how the Council decided not to investigate Mr X’s complaint about a company. The Council did not clearly explain to Mr X why Trading Standards would not investigate his complaint but this did not cause him significant injustice."),
            Some(FaultNoInjustice)
        );
        for ours in [
            "We have decided not to investigate Mr X’s complaint.",
            "We will not investigate this complaint.",
        ] {
            assert_eq!(in_summary(ours), Some(NotInvestigated), "{ours}");
        }
        // The body upholding the complaint is fault it admitted, wherever
        // the Ombudsman investigated; upholding an appeal is not.
        assert_eq!(
            in_summary("We will not investigate Mrs X’s complaint. The Council upheld her subsequent appeal, so investigation would not find injustice."),
            Some(NotInvestigated)
        );
    }

    #[test]
    fn poor_communication_that_caused_harm_is_fault_beside_no_fault_elsewhere() {
        assert_eq!(
            in_summary("We found no fault in the Council’s substantive decision making. But its poor communication caused Ms X avoidable distress and frustration, which it had suitably put right with its apologies."),
            Some(FaultInjustice)
        );
        assert_eq!(
            in_summary("We found no fault in the decision. The Council’s poor communication did not cause Mr X an injustice."),
            Some(FaultNoInjustice)
        );
    }

    #[test]
    fn the_body_communicating_poorly_or_being_unclear_is_fault() {
        for text in [
            "The Council communicated poorly with Mr C which he found distressing. It has apologised.",
            "The Council initially failed to properly consider the information she provided.",
            "There was no fault in how the Council applied its scheme. However, the Council was unclear and contradictory in its complaint responses.",
            "The Council handled her request very poorly.",
            "Castle Point Borough Council failed to provide taxi drivers with the compensation recommended in a 2011 report.",
        ] {
            assert!(
                matches!(in_summary(text), Some(FaultInjustice | FaultNoInjustice)),
                "{text}"
            );
        }
        // Said by the complainant, it is no finding.
        assert_eq!(
            in_summary("Mr X complains the Council communicated poorly with him."),
            None
        );
    }

    #[test]
    fn no_grounds_to_criticise_is_no_fault_and_an_addressed_injustice_is_remedied() {
        assert_eq!(
            in_summary("The Ombudsman finds no grounds to criticise the Council’s decision that use of its powers was not warranted."),
            Some(NoFault)
        );
        assert_eq!(
            in_summary("The Ombudsman is satisfied the Council’s offer to replace the bin free of charge addressed the substantive injustice claimed by Mr and Mrs X."),
            Some(FaultInjustice)
        );
        // A matter remedied before any investigation is a settlement: the
        // outcome line says how the Ombudsman recorded it.
        let summary = "We will not investigate this complaint about payments of Council tax as the matter has been remedied.";
        assert_settles(summary);
    }

    /// Every sentence of the summary and sections of `d`, as extraction
    /// reads them.
    fn sentences_of(d: &crate::parse::Decision) -> Vec<String> {
        let summary = d.summary.as_deref().map(|s| Block::new(None, s));
        let sections = d.sections.iter().map(|s| Block::new(Some(s.kind), &s.text));
        summary
            .into_iter()
            .chain(sections)
            .flat_map(|b| {
                b.sentences()
                    .iter()
                    .map(|s| s.text.to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// How often [`FAILURE`]'s lazy DFA, with room for `cache` bytes of
    /// states, is cleared while reading `sentences` one by one. A regex made
    /// by the regex crate gives up on its lazy DFA after a few clears, for
    /// engines many times slower; this one is built never to give up, so that
    /// every clear is counted.
    fn failure_clears(sentences: &[String], cache: usize) -> usize {
        use regex_automata::hybrid;
        let dfa = hybrid::dfa::Config::new()
            .cache_capacity(cache)
            .minimum_cache_clear_count(None);
        let re = hybrid::regex::Regex::builder()
            .dfa(dfa)
            .build(FAILURE.as_str())
            .expect("FAILURE builds as a lazy DFA");
        let mut cache = re.create_cache();
        for s in sentences {
            re.find_iter(&mut cache, s.as_str()).for_each(drop);
        }
        let (forward, reverse) = cache.as_parts();
        forward.clear_count() + reverse.clear_count()
    }

    #[test]
    fn failure_states_fit_its_cache() {
        // Every sentence, not only those its prefilter lets through: the
        // states of a wider reading than extraction's must fit too.
        let corpus: Vec<String> = crate::index::testing::corpus()
            .iter()
            .flat_map(sentences_of)
            .collect();
        assert!(corpus.len() > 500, "only {} corpus sentences", corpus.len());
        // Why the room is there: the crate's default is cleared even here.
        assert!(failure_clears(&corpus, 2 << 20) > 0);
        assert_eq!(failure_clears(&corpus, FAILURE_CACHE), 0);
        let Some(pages) = crate::parse::testing::devset_texts() else {
            return;
        };
        let mut real = corpus;
        let parsed = pages
            .iter()
            .filter_map(|text| crate::parse::parse_structure("(devset)", text).ok());
        real.extend(parsed.flat_map(|d| sentences_of(&d)));
        assert!(real.len() > 5_000, "only {} sentences", real.len());
        assert_eq!(failure_clears(&real, FAILURE_CACHE), 0);
    }
}
