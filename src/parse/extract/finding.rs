//! The overall finding: fault with or without injustice, no fault, or not investigated.
//!
//! Read from the final decision section first, then the summary, then the
//! findings, so pages without header lines or without a final decision still
//! get one. Within a text, a fault finding wins over "no fault" for other parts
//! ("no fault in its decision but fault in its complaint handling"), and over
//! "we will not investigate" other parts. A text that names no fault but says
//! the body agreed to remedy the injustice is read as fault with injustice
//! (the Ombudsman's "upheld"), after "not investigated" and before "no fault".
//! Not investigating (or discontinuing) the complaint as a whole wins over
//! everything: "Although there is fault in the complaint handling, we will
//! not investigate this complaint" is an assessment-stage decision. Fault is `fault_no_injustice` only
//! where the text says the fault caused no injustice and nothing says it
//! caused some; with no word on injustice either way it is `fault_injustice`
//! when a remedy was agreed, else `fault_no_injustice`.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, Prefilter, Slot};

use crate::parse::decision::{Finding, SectionKind};
use crate::parse::extract::fault::{is_fault_finding_in, mentions_fault};
use crate::parse::text::sentences::Block;

/// Findings of fault that avoid the word: `We found delay`, `The Council failed to ...`
/// (a statement, not `Mr X complains the Council failed`), `We uphold the complaint`.
pub(crate) static FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:I|we|the\s+ombudsm[ae]n)\s+(?:have\s+|has\s+|also\s+)*(?:found|find|finds)\s+(?:that\s+)?(?:there\s+(?:was|were)\s+)?(?:some\s+|significant\s+|avoidable\s+|unreasonable\s+|evidence\s+of\s+)?(?:delays?|failures?|failings|errors?|mistakes?|shortcomings|poor|lack|the\s+council\s+(?:failed|delayed|did\s+not|was\s+wrong))\b|\b(?:uphold|upholds|upheld|upholding)\s+(?:the|this|their|his|her|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+complaints?|\bdecided\s+to\s+uphold|^(?:the\s+)?(?:it|council|care\s+provider|provider|trust|school|organisation|[A-Z]\w+\s+council)\s+(?:has\s+|had\s+|also\s+)*(?:failed|delayed|did\s+not|wrongly|took\s+too\s+long|was\s+wrong|should\s+have|has\s+accepted|accepted)\b",
    )
});
/// The word beginnings every match of [`FAILURE`] has.
pub(crate) const FAILURE_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingFailure,
    &[
        "found", "find", "uphold", "upheld", "failed", "delayed", "did", "wrongly", "took", "was",
        "should", "accepted",
    ],
);

/// Someone else's view, not the decision's: `Mr X says`, `complains`.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:complain(?:s|ed|ing)?|complaint\s+that|alleg\w*|says|said|believes?|feels?|thinks?|argues?|claims|wants?)\b",
    )
});

/// The body agreed a remedy: upheld in substance even where no sentence says `fault`.
pub(crate) static REMEDIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bagree\w*\s+(?:[\w'’]+\s+){0,2}?to\s+(?:(?:my|our|the)\s+recommendations?|apologi|pay|make\s+(?:a|an)\s+(?:\w+\s+)?(?:payment|settlement)|remedy|reimburs|refund|reconsider|review|reassess)|\b(?:council|it|they|provider|trust)\s+(?:will|should|must)\s+(?:also\s+)?(?:apologi|pay|make\s+a\s+(?:\w+\s+)?payment|reimburse|refund)|\bto\s+remedy\s+(?:this|the|that|her|his|their)\s+injustice|\b(?:satisfactory|suitable|appropriate)\s+remedy\s+(?:for|to)\b|\bis\s+(?:a\s+)?satisfactory\s+remedy",
    )
});
/// The word beginnings every match of [`REMEDIED`] has.
pub(crate) const REMEDIED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingRemedied,
    &["agree", "apologi", "pay", "reimburse", "refund", "remedy"],
);

pub(crate) static INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:caus\w*|lead\w*|led|result\w*)\s+(?:[\w'’]+\s+){0,4}?(?:personal\s+|significant\s+|an?\s+|some\s+)?injustice|\binjustice\s+(?:to|was\s+caused|caused)|\bremed\w*\s+(?:[\w'’]+\s+){0,3}?injustice|\bagree\w*\s+(?:[\w'’]+\s+){0,2}?(?:actions?|to\s+remedy|remedy)|\brecommend\w*\s+(?:[\w'’]+\s+){0,4}?(?:remedy|action)|\bfinancial\s+remedy|\bsuitable\s+remedy|\bremedy\s+(?:the|this|that|her|his|their)\b|\bcaus\w*\s+(?:[\w'’]+\s+){0,4}?(?:avoidable\s+|significant\s+|unnecessary\s+|some\s+)?(?:distress|frustration|uncertainty|anxiety|time\s+and\s+trouble|inconvenience|harm|financial\s+loss|confusion)",
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

pub(crate) static NO_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:no|not|nor|n't|without)\s+(?:[\w'’]+\s+){0,6}?(?:significant\s+|any\s+|an?\s+|personal\s+)?injustice|\binjustice\s+(?:was|is)\s+not\b",
    )
});
/// The word beginnings every match of [`NO_INJUSTICE`] has.
pub(crate) const NO_INJUSTICE_NEEDS: Prefilter =
    Prefilter::new(Slot::FindingNoInjustice, &["injustice"]);

pub(crate) static NOT_INVESTIGATED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:not|n't|cannot|unable\s+to)\s+(?:[\w'’]+\s+){0,2}?investigat|\bdecided\s+not\s+to\s+investigate|\bdiscontinu\w*|\bclos(?:e|ed|ing)\s+(?:the|this|my|our)\s+(?:complaint|case|investigation)|\boutside\s+(?:the\s+ombudsman's\s+|the\s+ombudsman’s\s+|our\s+|my\s+|the\s+)?(?:jurisdiction|remit)|\bnot\s+propose\s+to\s+investigate|\bpremature|\bended\s+(?:our|my|the|this)\s+investigation",
    )
});
/// The word beginnings every match of [`NOT_INVESTIGATED`] has.
pub(crate) const NOT_INVESTIGATED_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNotInvestigated,
    &["investigat", "discontinu", "clos", "outside", "premature"],
);

/// Not investigating the complaint as a whole (not just part of it).
pub(crate) static NOT_INVESTIGATED_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:not|n't|cannot)\s+(?:start\s+(?:an\s+|to\s+)?|to\s+)?investigat\w*\s+(?:this|the|these|her|his|their|[\w'’]+\s+[A-Z]['’]s|[A-Z]['’]s)\s+(?:[\w'’-]+\s+){0,2}?complaints?\b|\b(?:discontinu\w*|ended|closed)\s+(?:our|my|the|this)\s+(?:investigation|complaint|case)",
    )
});
/// The word beginnings every match of [`NOT_INVESTIGATED_WHOLE`] has.
pub(crate) const NOT_INVESTIGATED_WHOLE_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNotInvestigatedWhole,
    &["investigat", "discontinu", "ended", "closed"],
);

pub(crate) static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bno\s+(?:administrative\s+)?fault\b|\bnot\s+at\s+fault|\bnot\s+(?:find|found)\s+(?:any\s+)?fault|\bfind\s+no\s+fault|\bfound\s+no\s+fault|\bno\s+maladministration|\bnot\s+fault\b|\bwas\s+not\s+(?:at\s+)?fault|\bnot\s+uphold|\bno\s+evidence\s+(?:of\s+fault|(?:that\s+)?the\s+council)|\bnot\s+(?:seen|found)\s+(?:enough\s+|sufficient\s+|any\s+)?evidence\s+of\s+fault|\binsufficient\s+evidence\s+of\s+fault|\bdid\s+not\s+act\s+with\s+fault|\bacted\s+(?:appropriately|properly|reasonably|correctly|lawfully)|\bwas\s+entitled\s+to",
    )
});
/// The word beginnings every match of [`NO_FAULT`] has.
pub(crate) const NO_FAULT_NEEDS: Prefilter = Prefilter::new(
    Slot::FindingNoFault,
    &[
        "fault",
        "maladministration",
        "uphold",
        "evidence",
        "acted",
        "entitled",
    ],
);

/// Sentences that suppose rather than state (`If there was no fault ...`).
static SUPPOSING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:if|unless|where|whether|when)\b"));
const SUPPOSING_WORDS: &[&str] = &["if", "unless", "where", "whether", "when"];

/// The overall finding; `has_remedy` says whether the decision agreed any remedy.
pub fn finding(blocks: &[Block], has_remedy: bool) -> Option<Finding> {
    // Partial "I have not investigated ..." in the findings is not the overall finding.
    let order: [(&[Option<SectionKind>], bool); 3] = [
        (&[Some(SectionKind::FinalDecision)], true),
        (&[None], true),
        (&[Some(SectionKind::Findings)], false),
    ];
    order
        .iter()
        .find_map(|(kinds, whole)| read(blocks.iter().filter(|b| b.is(kinds)), has_remedy, *whole))
}

/// Whether sentence `i` supposes: [`SUPPOSING`], tested on the lowercased text.
fn supposing(block: &Block, i: usize) -> bool {
    if block.exotic() {
        return SUPPOSING.is_match(block.sentences()[i].text);
    }
    let lower = block.lower(i).as_bytes();
    SUPPOSING_WORDS.iter().any(|w| {
        lower.starts_with(w.as_bytes())
            && !lower
                .get(w.len())
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    })
}

/// What the sentences of some blocks say; `whole` when they speak for the
/// whole decision. A pattern is only run on a sentence that has one of its
/// words, and once a flag is set the patterns that only set it are not run.
fn read<'a, 'b: 'a>(
    blocks: impl Iterator<Item = &'a Block<'b>>,
    has_remedy: bool,
    whole: bool,
) -> Option<Finding> {
    let (
        mut fault,
        mut injustice,
        mut no_injustice,
        mut not_investigated,
        mut no_fault,
        mut remedied,
    ) = (false, false, false, false, false, false);
    for b in blocks {
        let fault_words = mentions_fault(b);
        let failure_words = b.has_any(FAILURE_NEEDS);
        let injustice_words = b.has_any(INJUSTICE_NEEDS);
        let no_injustice_words = b.has_any(NO_INJUSTICE_NEEDS);
        let not_investigated_words = whole && b.has_any(NOT_INVESTIGATED_NEEDS);
        let whole_words = whole && b.has_any(NOT_INVESTIGATED_WHOLE_NEEDS);
        let no_fault_words = b.has_any(NO_FAULT_NEEDS);
        let remedied_words = b.has_any(REMEDIED_NEEDS);
        for (i, sentence) in b.sentences().iter().enumerate() {
            let s = sentence.text;
            if supposing(b, i) {
                continue;
            }
            let test =
                |any: bool, needs: Prefilter, re: &Regex| any && b.has(i, needs) && re.is_match(s);
            // Not investigating the complaint as a whole decides the finding.
            if test(
                whole_words,
                NOT_INVESTIGATED_WHOLE_NEEDS,
                &NOT_INVESTIGATED_WHOLE,
            ) {
                return Some(Finding::NotInvestigated);
            }
            if !fault || !no_fault {
                let says_fault = (fault_words && is_fault_finding_in(b, i))
                    || (test(failure_words, FAILURE_NEEDS, &FAILURE) && !REPORTED.is_match(s));
                fault |= says_fault;
                if !no_fault && !says_fault {
                    no_fault = test(no_fault_words, NO_FAULT_NEEDS, &NO_FAULT);
                }
            }
            if !no_injustice || !injustice {
                let denies = test(no_injustice_words, NO_INJUSTICE_NEEDS, &NO_INJUSTICE);
                no_injustice |= denies;
                if !injustice && !denies {
                    injustice = test(injustice_words, INJUSTICE_NEEDS, &INJUSTICE);
                }
            }
            if !not_investigated {
                not_investigated = test(
                    not_investigated_words,
                    NOT_INVESTIGATED_NEEDS,
                    &NOT_INVESTIGATED,
                );
            }
            if !remedied {
                remedied = test(remedied_words, REMEDIED_NEEDS, &REMEDIED);
            }
        }
    }
    if fault {
        let with_injustice = injustice || remedied || (!no_injustice && has_remedy);
        Some(if with_injustice {
            Finding::FaultInjustice
        } else {
            Finding::FaultNoInjustice
        })
    } else if not_investigated {
        Some(Finding::NotInvestigated)
    } else if remedied {
        Some(Finding::FaultInjustice)
    } else if no_fault {
        Some(Finding::NoFault)
    } else {
        None
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
            Some(NotInvestigated)
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
            Some(NotInvestigated)
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
}
