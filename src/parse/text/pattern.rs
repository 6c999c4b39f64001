//! Building the extractors' regexes, once each.
//!
//! Decision text is full of `’` and `£`. A Unicode word boundary (`\b`) on
//! non-ASCII text, and Unicode word classes (`\w`) repeated inside bounded
//! gaps (`(?:\w+\s+){0,5}`), push the regex crate off its fast DFA onto its
//! slow engines. Every extractor pattern is therefore built with ASCII word
//! boundaries and ASCII word classes; English decision text loses nothing by it.

use std::sync::LazyLock;

use regex::Regex;

/// Compiles a pattern whose `\b` and `\w` are ASCII. Panics only on an invalid
/// pattern, which is a bug caught by the unit tests.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(&ascii_words(pattern)).expect("valid regex")
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

/// Word beginnings that a pattern needs: every match of the pattern has a word
/// (ASCII-lowercased, starting after a character that is not `[0-9A-Za-z_]`)
/// that begins with one of `list`. A sentence without any such word is not
/// searched with the pattern; see [`crate::parse::text::sentences::Block::has`].
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// This group's bit in a sentence's word mask.
    pub bit: u64,
    /// The lowercase beginnings, two bytes or more.
    pub list: &'static [&'static str],
}

macro_rules! word_groups {
    ($($(#[$doc:meta])* $name:ident: [$($w:expr),* $(,)?];)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Bit { $($name),* }
        $($(#[$doc])* pub const $name: Words = Words { bit: 1 << Bit::$name as u32, list: &[$($w),*] };)*
        /// Every group, for the index.
        const ALL: &[Words] = &[$($name),*];
        // The top bit marks a mask not made yet.
        const _: () = assert!(ALL.len() < 63);
    };
}

word_groups! {
    /// `finding::FAILURE`.
    FAILURE: ["found", "find", "uphold", "upheld", "failed", "delayed", "did", "wrongly", "took",
        "was", "should", "accepted"];
    /// `finding::INJUSTICE`.
    INJUSTICE: ["injustice", "agree", "recommend", "remedy", "caus", "financial", "suitable"];
    /// `finding::NO_INJUSTICE`.
    NO_INJUSTICE: ["injustice"];
    /// `finding::NOT_INVESTIGATED`.
    NOT_INVESTIGATED: ["investigat", "discontinu", "clos", "outside", "premature"];
    /// `finding::NOT_INVESTIGATED_WHOLE`.
    NOT_INVESTIGATED_WHOLE: ["investigat", "discontinu", "ended", "closed"];
    /// `finding::NO_FAULT`.
    NO_FAULT: ["fault", "maladministration", "uphold", "evidence", "acted", "entitled"];
    /// `finding::REMEDIED`.
    REMEDIED: ["agree", "apologi", "pay", "reimburse", "refund", "remedy"];
    /// `remedy::REMEDY_STATEMENT`.
    STATEMENT: ["agree", "will", "should", "must", "shall", "undert", "accepted", "recommend",
        "remedy"];
    /// `remedy::COUNTERFACTUAL`.
    COUNTERFACTUAL: ["should", "would", "could", "if"];
    /// `remedy::DEADLINE`.
    DEADLINE: ["day", "week", "month", "year"];
    /// `remedy::KINDS`, apology.
    K_APOLOGY: ["apologi", "apology", "say"];
    /// `remedy::KINDS`, payment.
    K_PAYMENT: ["pay", "refund", "reimburs", "compensat", "writ", "waiv", "financial"];
    /// `remedy::KINDS`, service improvement.
    K_SERVICE: ["remind", "train", "guidance", "issue", "audit", "service", "improve",
        "learning", "lessons", "action", "database", "briefing", "prevent", "polic", "procedure",
        "process", "practice", "system", "protocol", "checklist", "template", "letters",
        "website", "arrangements"];
    /// `remedy::KINDS`, complete an action.
    K_COMPLETE: ["complet", "carry", "finalis", "finish", "stage", "review", "panel",
        "assessment", "investigation", "appeal", "respond", "consider", "issue"];
    /// `remedy::KINDS`, reconsider.
    K_RECONSIDER: ["reconsider", "re-consider", "reassess", "re-assess", "new", "fresh",
        "decide", "decision", "redetermin", "review"];
    /// `remedy::KINDS`, provide evidence.
    K_EVIDENCE: ["evidence", "provide", "send", "confirm", "demonstrate"];
    /// `payment::AGREED`.
    AGREED: ["should", "would", "could", "must", "will", "shall", "agree", "recommend",
        "undertak", "propos", "remedy", "going", "accept"];
    /// `payment::COMPLAINT_STAGE`.
    COMPLAINT_STAGE: ["stage", "complaint", "adjudication", "response"];
    /// `payment::EVALUATED_AFTER`.
    EVALUATED: ["appropriate", "suitable", "reasonable", "proportionate", "fair", "sufficient",
        "adequate", "line"];
    /// `payment::STRONG_DIRECT`.
    STRONG_DIRECT: ["refund", "reimburs", "repay", "writ", "waiv", "credit", "backdat",
        "back-dat", "by"];
    /// `payment::TOTAL_BEFORE`.
    TOTAL_BEFORE: ["total", "combined", "altogether", "overall", "all"];
    /// `purpose::PURPOSES`, distress.
    P_DISTRESS: ["distress", "anxi", "upset", "worr", "stress", "hurt", "outrage", "injury",
        "emotional", "shock", "embarrass", "humiliat", "avoidable"];
    /// `purpose::PURPOSES`, time and trouble.
    P_TIME: ["time", "trouble"];
    /// `purpose::PURPOSES`, frustration.
    P_FRUSTRATION: ["frustrat", "uncertain", "inconvenien", "confusion"];
    /// `purpose::PURPOSES`, loss of service.
    P_LOSS: ["loss", "lost", "missed", "missing", "lack", "without", "educational"];
    /// `purpose::PURPOSES`, financial loss.
    P_FINANCIAL: ["refund", "reimburs", "repay", "writ", "waiv", "arrears", "financial", "out",
        "incurred", "overpaid", "overcharg", "decorating", "cover", "expenses", "legal", "loss",
        "lost", "credit", "cost"];
    /// `purpose::PURPOSES`, backdated; `purpose::BACKDATE_BEFORE`.
    P_BACKDATED: ["backdat", "back-dat"];
    /// `purpose::SYMBOLIC`.
    SYMBOLIC: ["symbolic", "token", "goodwill", "good", "gesture"];
    /// `purpose::INTRODUCER`.
    INTRODUCER: ["recognition", "recognis", "acknowledg", "remedy", "reflect", "because",
        "given", "due", "result"];
    /// `purpose::NEXT_CLAUSE`.
    NEXT_CLAUSE: ["pay", "refund", "reimburse", "repay", "write", "waive", "credit", "backdate",
        "make", "apologi", "review", "remind", "reconsider", "provide", "arrange", "complete",
        "carry"];
    /// `purpose::DIRECT_FINANCIAL`.
    DIRECT_FINANCIAL: ["refund", "reimburs", "repay", "writ", "waiv", "credit", "reduc"];
    /// `purpose::RECIPIENT_BEFORE` (lowercased: a superset).
    RECIPIENT_BEFORE: ["pay", "paid", "offer", "refund", "reimburse", "award", "give", "gave",
        "compensate", "repay"];
}

/// Every word beginning of every group, keyed by its first two bytes.
struct Index {
    /// `starts[k]..starts[k + 1]` are the entries whose key is `k`.
    starts: Vec<u32>,
    /// Sorted by key.
    entries: Vec<Entry>,
}

/// One word beginning: its first four bytes (fewer where shorter, as a
/// little-endian `u32` with `mask` over the bytes it has), the rest, and the
/// bits of the groups it is in.
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
    for group in ALL {
        for w in group.list {
            let w = w.as_bytes();
            assert!(w.len() >= 2 && w.is_ascii(), "word beginning {w:?}");
            match words.iter_mut().find(|(e, _)| *e == w) {
                Some((_, bits)) => *bits |= group.bit,
                None => words.push((w, group.bit)),
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

/// Whether a byte is an ASCII word character, as `(?-u:\b)` reads it.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The word mask of a lowercased sentence: the bits of every group one of
/// whose beginnings starts a word of it. (A sentence is preceded by white
/// space or nothing in its block, so its first word starts a word there too.)
pub fn word_mask(lower: &[u8]) -> u64 {
    let index = &*INDEX;
    let mut mask = 0u64;
    let mut prev_word = false;
    for (i, &b) in lower.iter().enumerate() {
        let word = is_word(b);
        if word && !prev_word {
            if let Some(&next) = lower.get(i + 1) {
                if b < 128 && next < 128 {
                    let k = key(b, next);
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
        }
        prev_word = word;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

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
