//! Limits on the work one decision can cost, and the warnings that say a
//! decision reached one.
//!
//! Real decisions are far inside every limit (their longest paragraph is
//! under 1,500 bytes, and they name at most a few dozen amounts and faults),
//! so the limits only change what is read from pathological files: one
//! "sentence" of megabytes, or a million amounts, would otherwise cost memory
//! and time that grow faster than the file (each payment and fault stores its
//! sentence, and some readings look at the whole sentence before each amount).
//! A file that reaches a limit is still indexed, with a warning naming it.

use std::cell::Cell;
use std::fmt;

use crate::parse::warning::Warning;

/// Longest sentence, in bytes, read as one; longer ones are split.
pub const MAX_SENTENCE: usize = 5_000;

/// Most amounts read from one sentence; the rest are ignored.
pub const MAX_AMOUNTS_PER_SENTENCE: usize = 30;

/// Most amounts read from one decision; the rest are ignored.
pub const MAX_AMOUNTS: usize = 200;

/// Most faults kept for one decision; the rest are ignored.
pub const MAX_FAULTS: usize = 200;

/// Longest evidence text, in bytes, a payment or fault stores whole; a
/// longer one is cut to an excerpt of about [`EXCERPT`] bytes.
pub const MAX_EVIDENCE: usize = 2_000;

/// How many bytes either side of an amount (or a fault finding) an excerpt keeps.
pub const EXCERPT: usize = 250;

/// One limit a decision reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// A sentence over [`MAX_SENTENCE`] bytes.
    LongSentence,
    /// A sentence with more than [`MAX_AMOUNTS_PER_SENTENCE`] amounts.
    AmountsInSentence,
    /// More than [`MAX_AMOUNTS`] amounts in the decision.
    Amounts,
    /// More than [`MAX_FAULTS`] faults in the decision.
    Faults,
    /// Evidence over [`MAX_EVIDENCE`] bytes.
    Evidence,
}

impl Cap {
    /// Every cap, in the order their warnings are listed.
    pub const ALL: [Cap; 5] = [
        Cap::LongSentence,
        Cap::AmountsInSentence,
        Cap::Amounts,
        Cap::Faults,
        Cap::Evidence,
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The warning a decision that reached this cap carries.
impl fmt::Display for Cap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cap::LongSentence => write!(f, "sentence over {MAX_SENTENCE} bytes split"),
            Cap::AmountsInSentence => write!(
                f,
                "sentence with over {MAX_AMOUNTS_PER_SENTENCE} amounts: only the first {MAX_AMOUNTS_PER_SENTENCE} read"
            ),
            Cap::Amounts => {
                write!(f, "over {MAX_AMOUNTS} amounts: only the first {MAX_AMOUNTS} read")
            }
            Cap::Faults => write!(f, "over {MAX_FAULTS} faults: only the first {MAX_FAULTS} kept"),
            Cap::Evidence => write!(f, "evidence over {MAX_EVIDENCE} bytes stored as an excerpt"),
        }
    }
}

/// The caps reached while reading one decision.
#[derive(Debug, Default)]
pub struct Reached(Cell<u8>);

impl Reached {
    /// Notes that `cap` was reached.
    pub fn hit(&self, cap: Cap) {
        self.0.set(self.0.get() | cap.bit());
    }

    /// Whether `cap` was reached.
    pub fn has(&self, cap: Cap) -> bool {
        self.0.get() & cap.bit() != 0
    }

    /// The warnings for the caps reached, in [`Cap::ALL`] order.
    pub fn warnings(&self) -> impl Iterator<Item = Warning> + '_ {
        Cap::ALL
            .into_iter()
            .filter(|&c| self.has(c))
            .map(Warning::CapReached)
    }
}

/// `text` whole when it is at most [`MAX_EVIDENCE`] bytes; otherwise about
/// [`EXCERPT`] bytes either side of `at..end` (cut at character boundaries,
/// `…` marking each cut), with [`Cap::Evidence`] noted.
pub fn evidence(text: &str, at: usize, end: usize, reached: &Reached) -> String {
    if text.len() <= MAX_EVIDENCE {
        return text.to_string();
    }
    reached.hit(Cap::Evidence);
    let mut from = at.min(text.len()).saturating_sub(EXCERPT);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = end.max(at).saturating_add(EXCERPT).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut out = String::with_capacity(to - from + 6);
    if from > 0 {
        out.push('…');
    }
    out.push_str(&text[from..to]);
    if to < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_evidence_is_kept_whole() {
        let reached = Reached::default();
        assert_eq!(evidence("Pay £300.", 4, 8, &reached), "Pay £300.");
        assert_eq!(reached.warnings().count(), 0);
    }

    #[test]
    fn long_evidence_becomes_an_excerpt_around_the_amount() {
        let reached = Reached::default();
        let text = format!("{}£300{}", "é".repeat(1_500), "x".repeat(1_500));
        let at = text.find('£').unwrap();
        let e = evidence(&text, at, at + "£300".len(), &reached);
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.contains("£300"));
        assert!(e.len() <= 2 * EXCERPT + 16, "{}", e.len());
        assert!(reached.has(Cap::Evidence));
        assert_eq!(
            reached.warnings().collect::<Vec<_>>(),
            vec![Warning::CapReached(Cap::Evidence)]
        );
    }

    #[test]
    fn caps_sit_far_above_real_decisions() {
        // The longest real paragraph is under 1,500 bytes.
        const { assert!(MAX_EVIDENCE >= 1_500 && MAX_SENTENCE > MAX_EVIDENCE) };
        const { assert!(MAX_AMOUNTS_PER_SENTENCE < MAX_AMOUNTS) };
    }
}
