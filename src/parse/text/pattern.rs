//! Building the extractors' regexes, once each.
//!
//! Decision text is full of `’` and `£`. A Unicode word boundary (`\b`) on
//! non-ASCII text, and Unicode word classes (`\w`) repeated inside bounded
//! gaps (`(?:\w+\s+){0,5}`), push the regex crate off its fast DFA onto its
//! slow engines. Every extractor pattern is therefore built with ASCII word
//! boundaries and ASCII word classes; English decision text loses nothing by it.
//!
//! A regex that runs on many sentences has a [`Prefilter`], declared beside
//! it in the extractor's file: the word beginnings every match has, so that
//! a sentence without any is never searched. `prefilters!` below lists them
//! all by path (no words here), giving each its bit in a sentence's word mask
//! ([`word_mask`]), and names the regexes each guards, which
//! `prefilter_tests` runs over real and generated sentences to prove that no
//! prefilter hides a match, and which [`compile_guarded`] compiles at start-up.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::extract::body::with_body;
use crate::parse::extract::finding;
use crate::parse::extract::negation::with_not;
use crate::parse::extract::payment::{self, purpose};
use crate::parse::extract::remedy;

/// Compiles a pattern whose `\b` and `\w` are ASCII, whose `{body}` is
/// any name of the body complained about, `{initials}` a body named by its
/// initials and `{name}` any capitalised word ([`with_body`]), and whose `{not}` is
/// a negation, spelled out or contracted ([`with_not`]). Panics only on an
/// invalid pattern, which is a bug caught by the unit tests.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(&expanded(pattern)).expect("valid regex")
}

/// [`regex`], with room for `cache` bytes of the states its lazy DFA makes
/// as it reads (the regex crate's default is 2 MB). A pattern with many
/// alternatives and bounded gaps makes new states on almost every new
/// sentence of real text; when they outgrow the room, the crate clears them,
/// and after a few clears it gives up on the lazy DFA for slower engines.
/// Such a pattern names its room beside it and a test proves that the room
/// holds every state real decisions make.
pub fn regex_with_cache(pattern: &str, cache: usize) -> Regex {
    regex::RegexBuilder::new(&expanded(pattern))
        .dfa_size_limit(cache)
        .build()
        .expect("valid regex")
}

/// `pattern` with its placeholders filled in and its `\b` and `\w` made ASCII.
fn expanded(pattern: &str) -> String {
    ascii_words(&with_not(&with_body(pattern)))
}

/// [`regex`], but compiled to read every byte of a haystack rather than hop
/// between the places where one of its leading literals occurs. The regex crate
/// picks such a literal prefilter on its own, and for a pattern whose matches
/// begin with common words or punctuation (`,`, `and`, `pay`) hopping costs more
/// than reading. The crate has no switch for it, so the pattern gets a first
/// alternative that can never match (a character followed by the start of the
/// text) and has no literal prefix: with it, no prefilter can be built. Which
/// patterns are compiled so was measured one by one (docs/performance.md);
/// their matches are the same either way (`read_through_matches_where_regex_does`).
pub fn regex_read_through(pattern: &str) -> Regex {
    Regex::new(&format!(r"[\s\S]\A|(?:{})", expanded(pattern))).expect("valid regex")
}

/// `\b` -> `(?-u:\b)`; `\w` -> `[0-9A-Za-z_]` (or its ranges inside a class);
/// other escapes, including an escaped backslash, are left alone.
pub fn ascii_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if !in_class => out.push_str(r"(?-u:\b)"),
                Some('w') if in_class => out.push_str("0-9A-Za-z_"),
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A pattern's prefilter: word beginnings one of which every match of the
/// pattern has (a word, ASCII-lowercased, starting after a character that is
/// not `[0-9A-Za-z_]`, that begins with one of them). A sentence without any
/// is not searched with the pattern; see
/// [`Block::has`](crate::parse::text::sentences::Block::has). Each is declared
/// beside the regex it guards, in the extractor's file, and listed in
/// [`ALL`] for the word index.
#[derive(Debug, Clone, Copy)]
pub struct Prefilter {
    /// This prefilter's bit in a sentence's word mask.
    bit: u64,
    /// The lowercase beginnings, two bytes or more.
    needs: &'static [&'static str],
}

impl Prefilter {
    /// The prefilter holding `slot` in the word mask that needs one of `needs`.
    pub const fn new(slot: Slot, needs: &'static [&'static str]) -> Self {
        Prefilter {
            bit: 1 << slot as u32,
            needs,
        }
    }

    /// This prefilter's bit in a sentence's word mask.
    pub fn bit(self) -> u64 {
        self.bit
    }

    /// The lowercase word beginnings, one of which every match has.
    pub fn needs(self) -> &'static [&'static str] {
        self.needs
    }
}

/// Lists every prefilter by path, giving each a [`Slot`] (its bit) in list
/// order, and (in tests) the regexes it guards: [`ALL`] for the index and the
/// test that no prefilter hides a match.
macro_rules! prefilters {
    ($($slot:ident: $path:expr => [$($guarded:expr),+ $(,)?];)*) => {
        /// A prefilter's bit in a sentence's word mask, one per entry of [`ALL`].
        #[derive(Debug, Clone, Copy)]
        pub enum Slot {
            $(#[doc = concat!("The bit of `", stringify!($path), "`.")] $slot),*
        }
        /// Every prefilter, each at its slot's position.
        pub const ALL: &[Prefilter] = &[$($path),*];
        /// Compiles every guarded regex (the finding patterns, the largest,
        /// among them) in list order, without searching with any. Meant for a
        /// thread of its own at start-up, beside the parsing thread that warms
        /// up by parsing: the two compile side by side, and the parsing thread
        /// still makes every search cache itself (a regex's first searching
        /// thread gets the cache that is fastest to reach).
        pub fn compile_guarded() {
            $($(let _: &Regex = &$guarded;)+)*
        }
        /// Every guarded regex (by name) with its prefilter.
        #[cfg(test)]
        pub(crate) fn guarded() -> Vec<(&'static str, &'static Regex, Prefilter)> {
            /// `&LazyLock<Regex>` and `&Regex` alike, by deref coercion.
            fn regex_of(re: &'static Regex) -> &'static Regex {
                re
            }
            vec![$($((stringify!($guarded), regex_of(&$guarded), $path)),+),*]
        }
    };
}

// The top bit marks a mask not made yet, and each prefilter must sit at its
// own slot (a `Prefilter::new` naming another entry's slot would share its bit).
const _: () = {
    assert!(ALL.len() < 63);
    let mut i = 0;
    while i < ALL.len() {
        assert!(ALL[i].bit == 1 << i, "a prefilter is not at its slot");
        i += 1;
    }
};

prefilters! {
    FindingFailure: finding::FAILURE_NEEDS => [finding::FAILURE];
    FindingInjustice: finding::INJUSTICE_NEEDS => [finding::INJUSTICE];
    FindingNoInjustice: finding::NO_INJUSTICE_NEEDS => [finding::NO_INJUSTICE];
    FindingNotInvestigated: finding::NOT_INVESTIGATED_NEEDS => [finding::NOT_INVESTIGATED];
    FindingNotInvestigatedWhole: finding::NOT_INVESTIGATED_WHOLE_NEEDS =>
        [finding::NOT_INVESTIGATED_WHOLE];
    FindingDiscontinued: finding::DISCONTINUED_NEEDS => [finding::DISCONTINUED];
    FindingNoFault: finding::NO_FAULT_NEEDS => [finding::NO_FAULT];
    FindingRemedied: finding::REMEDIED_NEEDS => [finding::REMEDIED];
    FindingVerdict: finding::VERDICT_NEEDS => [finding::VERDICT];
    FindingFairDecision: finding::FAIR_DECISION_NEEDS => [finding::FAIR_DECISION];
    FindingSettled: finding::SETTLED_NEEDS => [finding::SETTLED];
    FindingAcceptedRecommendations: finding::ACCEPTED_RECOMMENDATIONS_NEEDS =>
        [finding::ACCEPTED_RECOMMENDATIONS];
    RemedyStatement: remedy::REMEDY_STATEMENT_NEEDS => [remedy::REMEDY_STATEMENT];
    RemedyCounterfactual: remedy::COUNTERFACTUAL_NEEDS => [remedy::COUNTERFACTUAL];
    RemedyDeadline: remedy::DEADLINE_NEEDS => [remedy::DEADLINE];
    RemedyUnquantified: remedy::UNQUANTIFIED_NEEDS => [remedy::UNQUANTIFIED];
    KindApology: remedy::KIND_PATTERNS[0].1 => [remedy::KINDS[0].2];
    KindPayment: remedy::KIND_PATTERNS[1].1 => [remedy::KINDS[1].2];
    KindService: remedy::KIND_PATTERNS[2].1 => [remedy::KINDS[2].2];
    KindComplete: remedy::KIND_PATTERNS[3].1 => [remedy::KINDS[3].2];
    KindReconsider: remedy::KIND_PATTERNS[4].1 => [remedy::KINDS[4].2];
    KindEvidence: remedy::KIND_PATTERNS[5].1 => [remedy::KINDS[5].2];
    PaymentAgreed: payment::AGREED_NEEDS => [payment::AGREED];
    PaymentComplaintStage: payment::COMPLAINT_STAGE_NEEDS => [payment::COMPLAINT_STAGE];
    PaymentEvaluatedAfter: payment::EVALUATED_AFTER_NEEDS => [payment::EVALUATED_AFTER];
    PaymentStrongDirect: payment::STRONG_DIRECT_NEEDS => [payment::STRONG_DIRECT];
    PaymentTotalBefore: payment::TOTAL_BEFORE_NEEDS => [payment::TOTAL_BEFORE];
    PaymentSatisfied: payment::SATISFIED_NEEDS => [payment::SATISFIED];
    PaymentPaymentAfter: payment::PAYMENT_AFTER_NEEDS => [payment::PAYMENT_AFTER];
    PurposeDistress: purpose::PURPOSE_PATTERNS[0].1 => [purpose::PURPOSES[0].2];
    PurposeTime: purpose::PURPOSE_PATTERNS[1].1 => [purpose::PURPOSES[1].2];
    PurposeFrustration: purpose::PURPOSE_PATTERNS[2].1 => [purpose::PURPOSES[2].2];
    PurposeLoss: purpose::PURPOSE_PATTERNS[3].1 => [purpose::PURPOSES[3].2];
    PurposeFinancial: purpose::PURPOSE_PATTERNS[4].1 => [purpose::PURPOSES[4].2];
    PurposeBackdated: purpose::BACKDATED_NEEDS =>
        [purpose::PURPOSES[5].2, purpose::BACKDATE_BEFORE];
    PurposeSymbolic: purpose::SYMBOLIC_NEEDS => [purpose::SYMBOLIC];
    PurposeIntroducer: purpose::INTRODUCER_NEEDS => [purpose::INTRODUCER];
    PurposeNextClause: purpose::NEXT_CLAUSE_NEEDS => [purpose::NEXT_CLAUSE];
    PurposeDirectFinancial: purpose::DIRECT_FINANCIAL_NEEDS => [purpose::DIRECT_FINANCIAL];
}

/// Every word beginning of every prefilter, keyed by its first two bytes.
struct Index {
    /// `starts[k]..starts[k + 1]` are the entries whose key is `k`.
    starts: Vec<u32>,
    /// Sorted by key.
    entries: Vec<Entry>,
}

/// One word beginning: its first four bytes (fewer where shorter, as a
/// little-endian `u32` with `mask` over the bytes it has), the rest, and the
/// bits of the prefilters it is in.
struct Entry {
    head: u32,
    mask: u32,
    rest: &'static [u8],
    bits: u64,
}

const KEYS: usize = 128 * 128;

fn key(a: u8, b: u8) -> usize {
    usize::from(a) * 128 + usize::from(b)
}

/// Up to four bytes of `bytes` from `at`, little-endian, zeros past the end.
fn head(bytes: &[u8], at: usize) -> u32 {
    if let Some(four) = bytes.get(at..at + 4) {
        return u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
    }
    let mut four = [0u8; 4];
    let n = bytes.len().saturating_sub(at).min(4);
    four[..n].copy_from_slice(&bytes[at..at + n]);
    u32::from_le_bytes(four)
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut words: Vec<(&'static [u8], u64)> = Vec::new();
    for prefilter in ALL {
        for w in prefilter.needs() {
            let w = w.as_bytes();
            assert!(w.len() >= 2 && w.is_ascii(), "word beginning {w:?}");
            match words.iter_mut().find(|(e, _)| *e == w) {
                Some((_, bits)) => *bits |= prefilter.bit(),
                None => words.push((w, prefilter.bit())),
            }
        }
    }
    words.sort_by_key(|(w, _)| key(w[0], w[1]));
    let mut starts = vec![0u32; KEYS + 1];
    for (w, _) in &words {
        starts[key(w[0], w[1]) + 1] += 1;
    }
    for k in 0..KEYS {
        starts[k + 1] += starts[k];
    }
    let entries = words
        .into_iter()
        .map(|(w, bits)| {
            let n = w.len().min(4);
            Entry {
                head: head(w, 0),
                mask: if n == 4 {
                    u32::MAX
                } else {
                    (1u32 << (8 * n)) - 1
                },
                rest: &w[n..],
                bits,
            }
        })
        .collect();
    Index { starts, entries }
});

/// Whether each byte is an ASCII word character, as `(?-u:\b)` reads it: one
/// load per byte instead of three range tests, in a loop that runs over every
/// byte of every sentence a prefilter is asked about.
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The word mask of a lowercased sentence: the bits of every prefilter one of
/// whose beginnings starts a word of it. (A sentence is preceded by white
/// space or nothing in its block, so its first word starts a word there too.)
pub fn word_mask(lower: &[u8]) -> u64 {
    let index = &*INDEX;
    let mut mask = 0u64;
    let mut i = 0;
    while i < lower.len() {
        if !WORD_BYTE[usize::from(lower[i])] {
            i += 1;
            continue;
        }
        // A word starts at `i` (a word byte is ASCII).
        if let Some(&next) = lower.get(i + 1) {
            if next < 128 {
                let k = key(lower[i], next);
                let (from, to) = (index.starts[k] as usize, index.starts[k + 1] as usize);
                if from < to {
                    let h = head(lower, i);
                    for e in &index.entries[from..to] {
                        if h & e.mask == e.head
                            && (e.rest.is_empty() || lower[i + 4..].starts_with(e.rest))
                        {
                            mask |= e.bits;
                        }
                    }
                }
            }
        }
        // The rest of the word starts no word.
        i += 1;
        while i < lower.len() && WORD_BYTE[usize::from(lower[i])] {
            i += 1;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word mask as first written: every byte tested, a word starting
    /// where a word byte follows a non-word byte or the start.
    fn word_mask_byte_by_byte(lower: &[u8]) -> u64 {
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut mask = 0u64;
        for (i, &b) in lower.iter().enumerate() {
            if is_word(b) && (i == 0 || !is_word(lower[i - 1])) {
                for p in ALL {
                    if p.needs()
                        .iter()
                        .any(|w| lower[i..].starts_with(w.as_bytes()))
                    {
                        mask |= p.bit();
                    }
                }
            }
        }
        mask
    }

    #[test]
    fn word_mask_agrees_with_a_byte_by_byte_reading() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "x".into(),
            "pay".into(),
            "repay_refund £300 should".into(),
            "the council’s offer; it should pay mr x £300 to remedy the distress".into(),
            "satisfied-suitable,reasonable.by by".into(),
            "_stage 2complaint «response» é-adequate".into(),
        ];
        for entry in std::fs::read_dir("corpus").expect("corpus/ exists") {
            let path = entry.expect("corpus entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.extend(text.lines().map(str::to_ascii_lowercase));
            }
        }
        for text in &texts {
            let lower = text.as_bytes();
            assert_eq!(word_mask(lower), word_mask_byte_by_byte(lower), "{text}");
            // Every cut, so that words run to the end and start at the start.
            for cut in (0..lower.len()).step_by(7) {
                assert_eq!(
                    word_mask(&lower[cut..]),
                    word_mask_byte_by_byte(&lower[cut..]),
                    "{text} from {cut}"
                );
            }
        }
    }

    #[test]
    fn read_through_matches_where_regex_does() {
        // Anchored and not, case-insensitive, verbose, with groups and placeholders.
        let patterns = [
            r"(?i)(?:\band\b|,|;)\s+(?:to\s+)?(?:pay|refund)\b",
            r"(?i:\bcomplain(?:s|ed|ing)?\b|\balleg\w*)|^(?:Mr|Mrs)\s+[A-Z]\s+(?:says|said)\b",
            r"(?xi)
            \b(?:discontinu\w*|end|ended)\s+(?:our\s+)?investigation
            | {not}\s+further\s+investigat
            ",
            r"(?i)\b(?P<verb>pay|paid)\s+(?:{body}\s+)?£(\d+)",
            r"^\s*,?\s*which",
            r"",
        ];
        let mut texts: Vec<String> = [
            "",
            "a",
            "\n",
            "and pay, refund; and to pay Mr X £200",
            "Mr B says the Council complained; we will not further investigate",
            "We discontinued our investigation and ended investigation.",
            ", which paid the Council £300 and pay it £5",
            "Ms Y’s advocate alleged ſ K é",
        ]
        .map(String::from)
        .to_vec();
        for entry in std::fs::read_dir("corpus").expect("corpus/ exists") {
            let path = entry.expect("corpus entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.extend(text.lines().map(String::from));
            }
        }
        for pattern in patterns {
            let (plain, through) = (regex(pattern), regex_read_through(pattern));
            assert_eq!(plain.captures_len(), through.captures_len(), "{pattern}");
            for text in &texts {
                let spans = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    re.captures_iter(text)
                        .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                        .collect()
                };
                assert_eq!(spans(&plain), spans(&through), "{pattern} on {text:?}");
            }
        }
    }

    #[test]
    fn words_and_boundaries_become_ascii() {
        assert_eq!(
            ascii_words(r"\bpay\b \\b \w+ [\w'’]"),
            r"(?-u:\b)pay(?-u:\b) \\b [0-9A-Za-z_]+ [0-9A-Za-z_'’]"
        );
        assert!(regex(r"(?i)\bfault\b").is_match("Miss X’s fault."));
        assert!(!regex(r"\bfault\b").is_match("faults"));
        assert!(regex(r"(?i)\bwelcom\w*\s+(?:[\w'’]+\s+){0,4}?offer")
            .is_match("I welcome the Council’s offer"));
    }
}
