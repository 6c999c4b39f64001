//! Faults the decision finds, each classified into taxonomy kinds with the
//! sentence that shows it.
//!
//! A fault finding is a sentence such as "This was fault", "There was fault
//! in ...", "The Council was at fault for ...", "I have found fault for some
//! delay". Sentences that state the law or what the Ombudsman may, can or would
//! find, that deny fault ("no fault", "not fault", "I do not consider this was
//! fault") or report what someone says or complains are not findings. A bare
//! finding ("This is fault and frustrated Miss X.") is classified from the
//! sentences before it in its paragraph, and its evidence then starts with the
//! sentences used. A finding in the findings (or other) sections that no kind
//! fits is kept as kind `other`; an unclassifiable summary or final-decision
//! sentence only restates the overall finding and is skipped.

pub mod taxonomy;

use std::cell::{Cell, OnceCell};
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::extract::bounds::{evidence, Cap, Reached, MAX_FAULTS};
use crate::parse::text::pattern::{regex, regex_read_through};
use crate::parse::text::prefix::PrefixPattern;

use crate::parse::decision::{Fault, SectionKind};
use crate::parse::extract::fault::taxonomy::Taxonomy;
use crate::parse::text::sentences::{Block, Literals};

/// The kind given to a fault finding that no taxonomy kind fits.
pub const UNCLASSIFIED: &str = "other";

/// How many sentences before a bare finding may explain it.
const CONTEXT: usize = 2;

/// A cheap literal test before the finding patterns run.
static MENTIONS_FAULT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)fault|maladministration|service failure"));

/// [`MENTIONS_FAULT`] as lowercase words, tested on the lowercased text.
static FAULT_WORDS: LazyLock<Literals> =
    LazyLock::new(|| Literals::new(&["fault", "maladministration", "service failure"]));

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \b(?:this|that|it|which|these|they|there|each)\s+(?:was|is|were|are|has\s+been|have\s+been|amounts?\s+to|amounted\s+to|constitutes?|constituted)\s+(?:also\s+|clearly\s+|therefore\s+|further\s+|some\s+|a\s+|an\s+|further\s+)?(?:fault|maladministration|service\s+failure)
        | \b(?:was|were|is|are|has\s+been|have\s+been|being)\s*(?:,\s*(?:however|though|also|therefore|nevertheless|nonetheless|in\s+(?:my|our)\s+view),)?\s+(?:also\s+|therefore\s+|clearly\s+|partly\s+|both\s+)?(?:at\s+)?fault\b
        | \bthere\s+(?:was|is|has\s+been|were|have\s+been)\s+(?:(?:however|though|nevertheless|nonetheless)\s+)?(?:also\s+|some\s+|further\s+|clear\s+|significant\s+|therefore\s+|an?\s+)?(?:fault|maladministration|service\s+failure)
        | \b(?:found|find|finds|identified|identify|identifies)\s+(?:that\s+)?(?:there\s+(?:was|is|were)\s+)?(?:some\s+|also\s+|further\s+|other\s+)?(?:fault|maladministration|service\s+failure)
        | \b(?:found|find|finds|consider|considered)\s+(?:that\s+)?(?:the\s+(?:{body}|[\w'’]+)|it|they|{initials})\s+(?:was\s+|were\s+|is\s+|to\s+be\s+|has\s+been\s+)?(?:also\s+)?at\s+fault
        | \b(?:amounts?|amounted|amounting)\s+to\s+(?:fault|maladministration)
        | \bconstitutes?\s+(?:fault|maladministration)
        | \b(?:made|make|makes|making)\s+(?:a\s+)?findings?\s+of\s+(?:fault|maladministration)
        | \bmaladministration\s+(?:causing|leading\s+to|and)\s+injustice
        | \b(?:accepts?|accepted|acknowledges?|acknowledged|admits?|admitted)\s+(?:[\w'’]+\s+){0,3}?(?:fault|service\s+failure)
        | \b(?:found|find|finds)\s+(?:some\s+)?evidence\s+of\s+fault
        | \bfaults?\s+(?:that\s+|which\s+)?(?:it|the\s+{body}|they)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:identified|accepted|acknowledged|admitted)\b
        | \bthe\s+faults?\s+(?:accepted|acknowledged|admitted)\b
        | \bfault\s+(?:causing|leading\s+to|which\s+caused|that\s+caused|resulting\s+in)\s+(?:[\w'’]+\s+){0,2}?injustice
        | \b(?:due\s+to|because\s+of|caused\s+by|as\s+a\s+result\s+of|resulting\s+from|arising\s+from)\s+(?:this|that|these|those)\s+faults?\b
        | \binjustice\s+(?:due\s+to|because\s+of|caused\s+by|as\s+a\s+result\s+of|resulting\s+from|arising\s+from)\s+(?:the\s+)?faults?\b
        ",
    )
});

/// `no fault`, `not at fault`, `does not appear to be fault`, `I do not consider this was fault`,
/// `no evidence of a significant injustice arising from fault`, `no evidence to suggest the
/// Council was at fault`.
static NEGATED: LazyLock<PrefixPattern> = LazyLock::new(|| {
    PrefixPattern::new(&[
        r"(?i)(?:", NOT_FOUND_AT_FAULT,
        r")|(?:\b(?:no|nor|never|without|unable)|{not})\s+(?:[\w'’]+\s+){0,3}?(?:at\s+)?(?:fault|maladministration)\b|\b(?:do|did|does|could|can|ca|would|will|wo|am|is|was)\s*{not}\s+(?:[\w'’]+\s+){0,2}?(?:consider|find|say|think|agree|see|accept|believe|satisfied|persuaded)\b|\b(?:no|insufficient|little|limited)\s+evidence\s+of\s+fault|\bno\s+findings?\s+of|{not}\s+(?:made|make|making)\s+(?:a\s+|any\s+)?findings?\s+of|\b(?:no|insufficient|little|limited)\s+(?:(?:corroborating|independent|supporting|documentary|clear)\s+)?evidence\s+to\s+(?:make|reach|support|justify)\s+(?:a\s+|any\s+)?findings?\s+of|(?:\bcannot|\bca{not}|\bunable\s+to|\bcould\s*{not})\s+(?:make|reach)\s+(?:a\s+|any\s+)?findings?\s+of|\b(?:no|insufficient|little|limited)\s+evidence\s+(?:to\s+(?:suggest|show|say|find|conclude|support)\s+)?(?:that\s+)?(?:the\s+(?:{body}|[\w'’]+)|it|they)\s+(?:was\s+|were\s+|is\s+|had\s+been\s+|has\s+been\s+|acted\s+)?(?:at|with)\s+fault|{not}\s+(?:enough|sufficient)\s+evidence|{not}\s+(?:seen|found)\s+(?:enough\s+|sufficient\s+|any\s+)?evidence|\b(?:no|insufficient|little|limited|enough)\s+(?:evidence\s+of\s+)?(?:an?\s+|any\s+)?(?:[\w'’]+\s+){0,2}?injustice\s+(?:due\s+to|because\s+of|caused\s+by|as\s+a\s+result\s+of|resulting\s+from|arising\s+from)\s+(?:the\s+)?faults?\b",
    ].concat())
});

/// Not finding the body at fault: `We have not found the Council to be at
/// fault`, `I do not find that it acted with fault`. Shared with the overall
/// finding's denials.
pub(crate) const NOT_FOUND_AT_FAULT: &str = r"{not}\s+(?:find|found|consider|think|see|show|suggest|indicate|demonstrate|support)\s+(?:that\s+)?(?:the\s+(?:{body}|[\w'’]+)|it|they)\s+(?:was\s+|were\s+|is\s+|to\s+be\s+|to\s+have\s+(?:been|acted)\s+|has\s+been\s+|acted\s+|had\s+acted\s+)?(?:at|with)\s+fault";

/// Law, powers and hypotheses: what the Ombudsman may or would find.
const HYPOTHETICAL: &str = r"(?i)^(?:if|unless|where|whether|when|should)\b|\b(?:may|might|could|would|can|cannot|whether|unless|if|unlikely|likely)(?:{not})?\b";

/// Someone else's view: `Mr X says the Council was at fault`.
pub(crate) const REPORTED: &str = r"(?i)\b(?:complain(?:s|ed|ing)?|complaint\s+that|alleg\w*|says|said|believes?|feels?|felt|thinks?|argues?|argued|claims?|claimed|wants?|disputes?|asks?|asked|contends?)\b";

/// [`REPORTED`] before a fault finding, where `claims` is someone's view only
/// as a verb that says what is claimed (`Mr X claims the Council ...`), not
/// as the noun (`delays with her housing benefit claims amount to fault`).
pub(crate) fn reported_before_finding() -> String {
    const NOUN_OR_VERB: &str = r"claims?|";
    debug_assert!(REPORTED.contains(NOUN_OR_VERB));
    REPORTED.replacen(
        NOUN_OR_VERB,
        r"claims?\s+(?:that|the|it|they|he|she|there|this|his|her|its|their|an?)|",
        1,
    )
}

/// [`HYPOTHETICAL`] or [`reported_before_finding`], both asked of the words
/// before a match: one search of a clause answers both.
static SUPPOSED_OR_REPORTED: LazyLock<PrefixPattern> = LazyLock::new(|| {
    PrefixPattern::new(&format!(
        "(?:{HYPOTHETICAL})|(?:{})",
        reported_before_finding()
    ))
});

/// Where a new clause starts: a finding after `but` stands on its own, and
/// so does one after a concession closed by its comma (`While there was no
/// fault in the visit, there was fault in ...`).
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:although|though|while|whilst)\b[^,;]*,|\bbut\b|;|\bhowever\b|\bwhereas\b|\balthough\b|\bnevertheless\b",
    )
});

/// A concession of no fault whose comma was left out (`While there is no
/// fault in the assessment process there has been fault in ...`): it ends
/// where the sentence's own clause starts, at `there (is|was|has been)
/// fault` or `we found fault` (group 1). Without a denial in it, the words
/// are someone's view inside a concession (`Although the Council says there
/// was fault, ...`).
static UNCLOSED_CONCESSION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \b(?:although|though|while|whilst)\b[^,;]*?\b(?:no|not)\b[^,;]*?\s
        (
            there\s+(?:is|was|were|has\s+been|have\s+been)\s+(?:some\s+)?fault
          | (?:we|I|the\s+Ombudsman)\s+(?:have\s+|has\s+)?(?:found|finds?)\s+(?:some\s+)?fault
        )\b",
    )
});

/// The ends of [`CLAUSE_BREAK`]s in `sentence`, and the starts of the
/// clauses that follow an [`UNCLOSED_CONCESSION`], in order.
fn clause_breaks(sentence: &str) -> Vec<usize> {
    let mut breaks: Vec<usize> = CLAUSE_BREAK.find_iter(sentence).map(|b| b.end()).collect();
    breaks.extend(
        UNCLOSED_CONCESSION
            .captures_iter(sentence)
            .filter_map(|c| c.get(1))
            .map(|m| m.start()),
    );
    breaks.sort_unstable();
    breaks
}

/// Where a finding goes on to the remedy (`We found fault by the Council but
/// consider the agreed action of an apology and a review of procedures
/// provides a suitable remedy`, `... and it has agreed to waive the
/// charges`): the words after it say what puts the fault right, not what it
/// was, so they are not classified.
static REMEDY_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?xi)
        \b(?:but|and)\s+
        (?:(?:the\s+[\w'’]+(?:\s+[\w'’]+)?|it|we|i|they)\s+)?
        (?:(?:has|have|now|also)\s+)*
        (?:agreed\s+(?:to|an?|the)\b|considers?\s+(?:the\s+)?(?:agreed|action|actions|remedy)\b)
        ",
    )
});

/// The part of a finding that says what the fault was: all of it up to a
/// [`REMEDY_CLAUSE`].
fn before_remedy(text: &str) -> &str {
    REMEDY_CLAUSE
        .find(text)
        .map_or(text, |m| &text[..m.start()])
}

/// A sentence giving the complainant's view, never context for a finding.
static COMPLAINANT_VIEW: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i:\bcomplain(?:s|ed|ing)?\b|\balleg\w*)|^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Mr and Mrs)\s+[A-Z]\s+(?:says|said|believes|feels|felt|thinks|argues|argued|claims|claimed|wants|wanted)\b",
    )
});

/// Whether a sentence finds fault (as opposed to describing, denying or supposing it).
#[cfg(test)]
pub fn is_fault_finding(sentence: &str) -> bool {
    MENTIONS_FAULT.is_match(sentence) && finding_at(sentence).is_some()
}

/// Whether some sentence of `block` may mention fault: when not, none finds it.
pub fn mentions_fault(block: &Block) -> bool {
    block.mentions(&FAULT_WORDS)
}

/// Where each sentence of some blocks finds fault ([`finding_at_in`]), worked
/// out on first ask and kept: the overall finding and the fault list ask
/// about many of the same sentences.
pub struct FaultFindings<'k, 'b> {
    blocks: &'k [Block<'b>],
    /// Per block, made on first ask: per sentence, `None` until asked.
    at: Vec<OnceCell<Vec<Known>>>,
}

/// One sentence's [`finding_at_in`], once worked out.
type Known = Cell<Option<Option<usize>>>;

impl<'k, 'b> FaultFindings<'k, 'b> {
    /// Nothing worked out yet for `blocks`.
    pub fn new(blocks: &'k [Block<'b>]) -> Self {
        FaultFindings {
            blocks,
            at: blocks.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The blocks asked about.
    pub fn blocks(&self) -> &'k [Block<'b>] {
        self.blocks
    }

    /// [`finding_at_in`] for sentence `i` of block `b`.
    fn at(&self, b: usize, i: usize) -> Option<usize> {
        let block = &self.blocks[b];
        let cell = &self.at[b].get_or_init(|| vec![Cell::new(None); block.sentences().len()])[i];
        match cell.get() {
            Some(known) => known,
            None => {
                let found = finding_at_in(block, i);
                cell.set(Some(found));
                found
            }
        }
    }

    /// Whether sentence `i` of block `b` finds fault.
    pub fn is_finding(&self, b: usize, i: usize) -> bool {
        self.at(b, i).is_some()
    }
}

/// [`finding_at`] for sentence `i` of `block`, after the literal test.
fn finding_at_in(block: &Block, i: usize) -> Option<usize> {
    if !block.has_words(i, &FAULT_WORDS, &MENTIONS_FAULT) {
        return None;
    }
    finding_at(block.sentences()[i].text)
}

/// Where a sentence that mentions fault finds it: the start of the first
/// [`POSITIVE`] match whose clause (from the last [`CLAUSE_BREAK`] before it)
/// does not deny it, and whose words before it in the clause do not suppose
/// or report it.
///
/// Each clause is searched once, not once per match in it: a sentence
/// repeating `it may be that the Council was at fault` would otherwise cost
/// time quadratic in its length.
fn finding_at(sentence: &str) -> Option<usize> {
    let found: Vec<regex::Match> = POSITIVE.find_iter(sentence).collect();
    // A match belongs to the clause begun by the last break ending at or
    // before its start (a concession `although ... ,` is one break, which a
    // match inside it does not end).
    let breaks: Vec<usize> = match found.is_empty() {
        true => Vec::new(),
        false => clause_breaks(sentence),
    };
    let clause_start = |at: usize| {
        let i = breaks.partition_point(|&end| end <= at);
        i.checked_sub(1).map_or(0, |i| breaks[i])
    };
    let mut i = 0;
    while i < found.len() {
        // The matches sharing one clause start, searched together.
        let start = clause_start(found[i].start());
        let group = found[i..]
            .iter()
            .take_while(|m| clause_start(m.start()) == start)
            .count();
        let reach = found[i..i + group]
            .iter()
            .map(|m| m.end())
            .max()
            .unwrap_or(start);
        // One character past the last clause end, so that a `\b` there sees
        // what follows as it would in the whole sentence.
        let reach = sentence[reach..]
            .chars()
            .next()
            .map_or(reach, |c| reach + c.len_utf8());
        let clause = &sentence[start..reach];
        let (negated, supposed_or_reported) = (
            NEGATED.prefixes(clause),
            SUPPOSED_OR_REPORTED.prefixes(clause),
        );
        for m in &found[i..i + group] {
            let (lead, end) = (m.start() - start, m.end() - start);
            if !(negated.matches(end) || supposed_or_reported.matches(lead)) {
                return Some(m.start());
            }
        }
        i += group;
    }
    None
}

/// [`faults_in`] with nothing read yet.
#[cfg(test)]
pub fn faults(blocks: &[Block], taxonomy: &Taxonomy, reached: &Reached) -> Vec<Fault> {
    faults_in(&FaultFindings::new(blocks), taxonomy, reached)
}

/// Every fault finding in the summary, findings, other and final-decision
/// sections of `findings`' blocks, one `Fault` per kind, deduplicated, up to
/// [`MAX_FAULTS`]; caps reached are noted in `reached`. Sentences `findings`
/// has already read are not read again.
pub fn faults_in(findings: &FaultFindings, taxonomy: &Taxonomy, reached: &Reached) -> Vec<Fault> {
    let mut out: Vec<Fault> = Vec::new();
    for (b, block) in findings.blocks().iter().enumerate() {
        let detailed = block.is(&[Some(SectionKind::Findings), Some(SectionKind::Other)]);
        if !detailed && !block.is(&[None, Some(SectionKind::FinalDecision)]) {
            continue;
        }
        if !mentions_fault(block) {
            continue;
        }
        for i in 0..block.sentences().len() {
            let Some(at) = findings.at(b, i) else {
                continue;
            };
            let (kinds, evidence) = classify(block, i, at, detailed, taxonomy, reached);
            let kinds = match kinds {
                k if !k.is_empty() => k,
                _ if detailed => vec![UNCLASSIFIED],
                _ => continue,
            };
            for kind in kinds {
                if !out.iter().any(|f| f.kind == kind && f.sentence == evidence) {
                    if out.len() == MAX_FAULTS {
                        reached.hit(Cap::Faults);
                        return out;
                    }
                    out.push(Fault {
                        kind: kind.to_string(),
                        sentence: evidence.clone(),
                    });
                }
            }
        }
    }
    out
}

/// The kinds of finding `i` and its evidence text: the sentence itself, or,
/// in a detailed section when it names no kind, with the (up to two)
/// sentences before it in its paragraph, whose kinds it then takes. A
/// sentence reporting someone's view ("Mr B complained that ...") is never
/// context. Summaries and final decisions only restate: no context there.
/// Evidence over [`MAX_EVIDENCE`](crate::parse::extract::bounds::MAX_EVIDENCE) bytes is an
/// excerpt of the sentence around the finding at byte `at`.
fn classify<'t>(
    block: &Block,
    i: usize,
    at: usize,
    detailed: bool,
    taxonomy: &'t Taxonomy,
    reached: &Reached,
) -> (Vec<&'t str>, String) {
    let sentence = block.sentences()[i];
    let own = || evidence(sentence.text, at, at, reached);
    let kinds = taxonomy.classify(before_remedy(sentence.text));
    if !kinds.is_empty() || !detailed {
        return (kinds, own());
    }
    let mut first = i;
    while first > 0 && i - first < CONTEXT {
        let prev = block.sentences()[first - 1];
        if prev.paragraph != sentence.paragraph || COMPLAINANT_VIEW.is_match(prev.text) {
            break;
        }
        first -= 1;
    }
    let context = &block.sentences()[first..=i];
    let text: Vec<&str> = context.iter().map(|s| s.text).collect();
    let text = text.join(" ");
    let kinds = taxonomy.classify(before_remedy(&text));
    if kinds.is_empty() {
        return (kinds, own());
    }
    if text.len() > crate::parse::extract::bounds::MAX_EVIDENCE {
        // The context alone is too long to store: the finding sentence (or its excerpt) stands.
        reached.hit(Cap::Evidence);
        return (kinds, own());
    }
    (kinds, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(kind: Option<SectionKind>, text: &str) -> Vec<(String, String)> {
        faults(
            &[Block::new(kind, text)],
            Taxonomy::default_ref(),
            &Reached::default(),
        )
        .into_iter()
        .map(|f| (f.kind, f.sentence))
        .collect()
    }

    fn kinds(kind: Option<SectionKind>, text: &str) -> Vec<String> {
        found(kind, text).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn finding_phrasings() {
        for s in [
            "This was fault.",
            "There was fault in the way the Council did not complete the plan.",
            "The Council was at fault for failing to comply with that recommendation.",
            "This is fault and the delay frustrated Miss X.",
            "The failure to do so was fault.",
            "I have found fault for some delay by the Council.",
            "We find the Council at fault.",
            "This amounts to maladministration causing injustice.",
            "It was, however, at fault for how it dealt with his complaint.",
            "The Council was, in my view, at fault.",
        ] {
            assert!(is_fault_finding(s), "{s}");
        }
    }

    #[test]
    fn law_hypotheses_denials_and_reports_are_not_findings() {
        for s in [
            "If there has been fault which has caused an injustice, we may suggest a remedy.",
            "We must consider whether there was fault in the way the decision was reached.",
            "There was no fault in how the Council decided.",
            "It is not fault for the Council to refer a complainant to us.",
            "I do not consider that this was fault, or caused Ms X a significant injustice.",
            "I do not find fault with the Council for the way it handled Mr B's complaint.",
            "Mr B says the Council was at fault.",
            "Any fault has not caused injustice.",
            "The Ombudsman would find fault.",
            "While there was no fault in the visit, the bailiff acted quickly.",
            "Although the Council says there was fault, there was no fault in its decision.",
            "Although the Council says there was fault there was no fault in its decision.",
            "We have not found the Council to be at fault.",
            "I do not find that it acted with fault.",
            "The Council was not, however, at fault.",
        ] {
            assert!(!is_fault_finding(s), "{s}");
        }
    }

    #[test]
    fn a_finding_after_a_concession_stands_on_its_own() {
        for s in [
            "While there was no fault in respect of the bailiff visit, there was fault in the failure to record a new agreement.",
            "Whilst there was no fault in the assessment, there was fault in the review.",
            "Although the Council was at fault, this caused no injustice.",
            // The concession's comma left out.
            "While there is no fault in the assessment process there has been fault in the consideration of the expenditure.",
            "Although we found no fault in how it assessed her needs we found fault in the way it charged her.",
        ] {
            assert!(is_fault_finding(s), "{s}");
        }
    }

    #[test]
    fn bare_finding_reads_the_sentences_before_it() {
        let f = found(
            Some(SectionKind::Findings),
            "The meeting was brief. The Council has not fully completed this recommendation. This is fault and frustrated Miss X.\nNew paragraph. This was fault.",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].0, "failure_to_implement_recommendations");
        assert_eq!(
            f[0].1,
            "The meeting was brief. The Council has not fully completed this recommendation. This is fault and frustrated Miss X."
        );
        assert_eq!(f[1], ("other".to_string(), "This was fault.".to_string()));
    }

    #[test]
    fn several_kinds_from_one_sentence_and_dedup() {
        let k = kinds(
            Some(SectionKind::Findings),
            "It did not tell Miss X about the extension. This is fault and Miss X was distressed by the lack of communication.\nThe stage two investigation was delayed. This was fault.\nThe stage two investigation was delayed. This was fault.",
        );
        assert_eq!(k, vec!["poor_communication", "delay", "complaint_handling"]);
    }

    #[test]
    fn reported_views_are_not_context() {
        let f = found(
            Some(SectionKind::Findings),
            "Mr B says the Council delayed. This was fault.",
        );
        assert_eq!(
            f,
            vec![("other".to_string(), "This was fault.".to_string())]
        );
    }

    #[test]
    fn the_remedy_after_a_finding_is_not_what_the_fault_was() {
        for (text, kinds_of_the_fault) in [
            (
                "We have found fault by the Council in how it assessed her needs but consider the agreed action of an apology, £500 and a review of procedures provides a suitable remedy.",
                vec!["assessment_or_decision_making"],
            ),
            (
                "We found fault in the Council's record keeping, and it has agreed to apologise and make timely decisions going forward.",
                vec!["record_keeping"],
            ),
            (
                "The Council was at fault for delays and the Care Provider has now agreed to pay for the missed care.",
                vec!["delay"],
            ),
        ] {
            assert_eq!(kinds(None, text), kinds_of_the_fault, "{text}");
        }
        // What the body agreed or considered as part of the fault stays.
        assert_eq!(
            kinds(
                None,
                "The Council reviewed the case and agreed it was at fault as it did not keep records."
            ),
            vec!["record_keeping"]
        );
        assert!(kinds(
            None,
            "There was fault in how the Council assessed her, and considered its duties to provide education."
        )
        .contains(&"failure_to_follow_procedure".to_string()));
    }

    #[test]
    fn record_keeping_and_information_sharing() {
        let k = kinds(
            Some(SectionKind::Findings),
            "There is no record of this meeting. This is fault.\nThe Council shared her personal data with her neighbour. This was fault.",
        );
        assert_eq!(k, vec!["record_keeping", "information_sharing"]);
    }

    #[test]
    fn summary_restating_the_overall_finding_is_skipped() {
        assert!(kinds(None, "We found fault with the Council's actions.").is_empty());
        assert!(kinds(
            None,
            "Mr B complained the Council delayed. We found some fault."
        )
        .is_empty());
        assert!(kinds(Some(SectionKind::FinalDecision), "I have found fault leading to injustice and recommended a financial remedy and a service improvement.").is_empty());
        assert_eq!(
            kinds(None, "The Council was at fault for the delay."),
            vec!["delay"]
        );
        assert!(kinds(
            Some(SectionKind::WhatFound),
            "The Council was at fault for the delay."
        )
        .is_empty());
    }

    #[test]
    fn faults_past_the_cap_are_ignored_with_a_warning() {
        let text: String = (0..1_000)
            .map(|i| format!("There was delay number {i}. This was fault.\n"))
            .collect();
        let reached = Reached::default();
        let f = faults(
            &[Block::new(Some(SectionKind::Findings), &text)],
            Taxonomy::default_ref(),
            &reached,
        );
        assert_eq!(f.len(), MAX_FAULTS);
        assert!(reached.has(Cap::Faults));
    }

    #[test]
    fn hedged_findings_repeated_in_one_sentence_are_read_in_one_pass() {
        // Every match is in one clause after `may`: none is a finding.
        let hedged = "it may be that the council was at fault ".repeat(100);
        assert!(!is_fault_finding(&hedged));
        let found = format!("{hedged}; the council was at fault");
        assert!(is_fault_finding(&found));
        assert!(!is_fault_finding(&format!("{hedged}; it was not at fault")));
    }

    #[test]
    fn one_search_answers_hypothetical_and_reported() {
        let (hypothetical, reported) = (regex(HYPOTHETICAL), regex(&reported_before_finding()));
        assert_ne!(reported_before_finding(), REPORTED, "`claims` not narrowed");
        for text in [
            "If the Council was at fault",
            "Mr X says it may be that the Council was at fault",
            "The Council complained; whereas it was at fault, Ms Y felt",
            "Iffy claimsy mays: this was fault",
            "Her claims amount to fault, Mr X claims the Council was at fault",
            "",
        ] {
            let prefixes = SUPPOSED_OR_REPORTED.prefixes(text);
            for len in (0..=text.len()).filter(|&l| text.is_char_boundary(l)) {
                let prefix = &text[..len];
                assert_eq!(
                    prefixes.matches(len),
                    hypothetical.is_match(prefix) || reported.is_match(prefix),
                    "{prefix:?}"
                );
            }
        }
    }

    #[test]
    fn kept_findings_are_the_sentence_readings() {
        let blocks = [
            Block::new(None, "Background. This was fault."),
            Block::new(
                Some(SectionKind::Findings),
                "There was no fault. It may be fault. The Council was at fault; it said sorry.",
            ),
        ];
        let findings = FaultFindings::new(&blocks);
        for _asked_again in 0..2 {
            for (b, block) in blocks.iter().enumerate() {
                for i in 0..block.sentences().len() {
                    assert_eq!(findings.at(b, i), finding_at_in(block, i), "{b} {i}");
                }
            }
        }
        assert!(findings.is_finding(0, 1) && findings.is_finding(1, 2));
        assert!(!findings.is_finding(1, 0) && !findings.is_finding(1, 1));
    }

    #[test]
    fn no_findings() {
        assert!(kinds(
            Some(SectionKind::Findings),
            "There was no fault. The Council acted properly."
        )
        .is_empty());
        assert!(kinds(Some(SectionKind::Findings), "").is_empty());
    }
}
