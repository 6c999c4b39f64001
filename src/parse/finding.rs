//! The overall finding: fault with or without injustice, no fault, or not investigated.
//!
//! Read from the final decision section first, then the summary, then the
//! findings, so pages without header lines or without a final decision still
//! get one. Within a text, a fault finding wins over "no fault" for other parts
//! ("no fault in its decision but fault in its complaint handling"), and over
//! "we will not investigate" other parts. Fault is `fault_no_injustice` only
//! where the text says the fault caused no injustice and nothing says it
//! caused some; with no word on injustice either way it is `fault_injustice`
//! when a remedy was agreed, else `fault_no_injustice`.

use std::sync::LazyLock;

use regex::Regex;

use super::decision::{Finding, SectionKind};
use super::fault::is_fault_finding;
use super::sentences::Block;

static OVERALL_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bfault\s+(?:causing|leading\s+to|which\s+caused|that\s+caused|and\s+injustice|with\s+injustice|resulting)|\bmaladministration\s+(?:causing|leading\s+to|and|with)\s+injustice|\bupheld\s+the\s+complaint\s+and\s+found\s+fault")
        .expect("valid regex")
});

static INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:caus\w*|lead\w*|led|result\w*)\s+(?:[\w'’]+\s+){0,4}?(?:personal\s+|significant\s+|an?\s+|some\s+)?injustice|\binjustice\s+(?:to|was\s+caused|caused)|\bremed\w*\s+(?:[\w'’]+\s+){0,3}?injustice|\bagree\w*\s+(?:[\w'’]+\s+){0,2}?(?:actions?|to\s+remedy|remedy)|\brecommend\w*\s+(?:[\w'’]+\s+){0,4}?(?:remedy|action)|\bfinancial\s+remedy|\bsuitable\s+remedy|\bremedy\s+(?:the|this|that|her|his|their)\b")
        .expect("valid regex")
});

static NO_INJUSTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:no|not|nor|n't|without)\s+(?:[\w'’]+\s+){0,6}?(?:significant\s+|any\s+|an?\s+|personal\s+)?injustice|\binjustice\s+(?:was|is)\s+not\b")
        .expect("valid regex")
});

static NOT_INVESTIGATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|n't|cannot|unable\s+to)\s+(?:[\w'’]+\s+){0,2}?investigat|\bdecided\s+not\s+to\s+investigate|\bdiscontinu\w*|\bclos(?:e|ed|ing)\s+(?:the|this|my|our)\s+(?:complaint|case|investigation)|\boutside\s+(?:the\s+ombudsman's\s+|the\s+ombudsman’s\s+|our\s+|my\s+|the\s+)?(?:jurisdiction|remit)|\bnot\s+propose\s+to\s+investigate|\bpremature")
        .expect("valid regex")
});

static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bno\s+(?:administrative\s+)?fault\b|\bnot\s+at\s+fault|\bnot\s+(?:find|found)\s+(?:any\s+)?fault|\bfind\s+no\s+fault|\bfound\s+no\s+fault|\bno\s+maladministration|\bnot\s+fault\b|\bwas\s+not\s+(?:at\s+)?fault|\bnot\s+uphold")
        .expect("valid regex")
});

/// Sentences that suppose rather than state (`If there was no fault ...`).
static SUPPOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:if|unless|where|whether|when)\b").expect("valid regex"));

/// The overall finding; `has_remedy` says whether the decision agreed any remedy.
pub fn finding(blocks: &[Block], has_remedy: bool) -> Option<Finding> {
    let order: [&[Option<SectionKind>]; 3] = [
        &[Some(SectionKind::FinalDecision)],
        &[None],
        &[Some(SectionKind::Findings), Some(SectionKind::Other)],
    ];
    order.iter().find_map(|kinds| {
        let texts = blocks
            .iter()
            .filter(|b| b.is(kinds))
            .flat_map(|b| b.sentences.iter().map(|s| s.text));
        read(texts, has_remedy)
    })
}

fn read<'a>(sentences: impl Iterator<Item = &'a str>, has_remedy: bool) -> Option<Finding> {
    let (mut fault, mut injustice, mut no_injustice, mut not_investigated, mut no_fault) =
        (false, false, false, false, false);
    for s in sentences.filter(|s| !SUPPOSING.is_match(s)) {
        let says_fault = is_fault_finding(s) || OVERALL_FAULT.is_match(s);
        fault |= says_fault;
        let denies = NO_INJUSTICE.is_match(s);
        no_injustice |= denies;
        injustice |= !denies && INJUSTICE.is_match(s);
        not_investigated |= NOT_INVESTIGATED.is_match(s);
        no_fault |= !says_fault && NO_FAULT.is_match(s);
    }
    if fault {
        let with_injustice = injustice || (!no_injustice && has_remedy);
        Some(if with_injustice {
            Finding::FaultInjustice
        } else {
            Finding::FaultNoInjustice
        })
    } else if not_investigated {
        Some(Finding::NotInvestigated)
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
