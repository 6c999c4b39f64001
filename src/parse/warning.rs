//! The warnings a decision carries: what a reader should know about how it
//! was read (a repaired encoding, a truncated text, a cap on work reached, an
//! amount or date that cannot be right).
//!
//! Each kind is a variant carrying its data, so a caller that picks some out
//! (`ingest` reports a few on stderr) matches on the variant instead of on the
//! words of the message. In JSON and in the index a warning is only its
//! message (`Display`), so the record keeps the plain list of strings it has
//! always had; a warning read back from an index is [`Warning::Recorded`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::decision::{Finding, PaymentRole};
use super::extract::bounds::Cap;
use super::extract::payment::money::REMEDY_CEILING_POUNDS;
use super::structure::header::DateProblem;
use crate::walk::Repair;

/// One thing a reader should know about how a decision was read.
#[derive(Debug, Clone)]
pub enum Warning {
    /// The file had to be decoded or converted to be read as text.
    Decoding(Repair),
    /// The `Decision date :` value was left empty.
    DecisionDate(DateProblem),
    /// No titled body section was found.
    NoBodySections,
    /// No summary was found.
    NoSummary,
    /// The text ends mid-sentence and has no final decision section.
    Truncated,
    /// A cap on the work one decision may cost was reached.
    CapReached(Cap),
    /// An agreed or offered amount too large for a remedy, read as `other`.
    ImplausibleAmount {
        /// The role the amount was first given.
        role: PaymentRole,
        /// The amount, in pounds.
        amount: f64,
    },
    /// The finding read from the text is not one the outcome line allows
    /// (both are kept; one of them, or the page, is wrong).
    FindingDisagrees {
        /// The finding read from the text.
        finding: Finding,
        /// The outcome line, as printed.
        outcome: String,
    },
    /// A JSON record's metadata names a field differently from the text,
    /// whose value is kept.
    MetadataDisagrees {
        /// The field (`organisation`, `category`, ...).
        field: &'static str,
        /// The value read from the text, which is kept.
        text: String,
        /// The value the record's metadata gives.
        metadata: String,
    },
    /// A warning read back from an index record, which keeps only the message.
    Recorded(String),
}

impl Warning {
    /// Whether `ingest` names this warning on stderr and in its report: the
    /// ones that change what was read (the rest are in `parse` output).
    pub fn is_reported(&self) -> bool {
        match self {
            Warning::Decoding(_)
            | Warning::Truncated
            | Warning::NoBodySections
            | Warning::CapReached(_)
            | Warning::ImplausibleAmount { .. }
            | Warning::MetadataDisagrees { .. }
            | Warning::DecisionDate(DateProblem::OutOfRange { .. }) => true,
            Warning::DecisionDate(DateProblem::Unreadable(_))
            | Warning::NoSummary
            | Warning::FindingDisagrees { .. }
            | Warning::Recorded(_) => false,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Decoding(repair) => repair.fmt(f),
            Warning::DecisionDate(problem) => problem.fmt(f),
            Warning::NoBodySections => f.write_str("no body sections found"),
            Warning::NoSummary => f.write_str("no summary found"),
            Warning::Truncated => f.write_str(
                "text appears truncated: it ends mid-sentence and has no final decision section",
            ),
            Warning::CapReached(cap) => cap.fmt(f),
            Warning::ImplausibleAmount { role, amount } => write!(
                f,
                "{role} payment of £{amount:.2} read as other: above £{REMEDY_CEILING_POUNDS:.0}, the most a remedy plausibly pays"
            ),
            Warning::FindingDisagrees { finding, outcome } => write!(
                f,
                "finding ({finding}) disagrees with the outcome line ({outcome})"
            ),
            Warning::MetadataDisagrees {
                field,
                text,
                metadata,
            } => write!(
                f,
                "the record's {field} '{metadata}' differs from the text's '{text}': the text's is kept"
            ),
            Warning::Recorded(message) => f.write_str(message),
        }
    }
}

/// Two warnings are equal when they say the same thing, so a decision read
/// back from an index equals the one that was written.
impl PartialEq for Warning {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

// Equal messages are an equivalence, whatever the data (an `f64`) behind them.
impl Eq for Warning {}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Warning::Recorded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_its_message_in_json_and_reads_back_equal() {
        let warning = Warning::ImplausibleAmount {
            role: PaymentRole::Agreed,
            amount: 12_000_000.5,
        };
        let json = serde_json::to_string(&warning).unwrap();
        assert_eq!(
            json,
            "\"agreed payment of £12000000.50 read as other: above £10000000, the most a remedy plausibly pays\""
        );
        let back: Warning = serde_json::from_str(&json).unwrap();
        assert!(matches!(back, Warning::Recorded(_)));
        assert_eq!(back, warning);
        assert_ne!(Warning::NoSummary, Warning::NoBodySections);
    }

    #[test]
    fn ingest_reports_what_changes_the_reading_and_not_the_rest() {
        let reported = [
            Warning::Decoding(Repair::HtmlConverted),
            Warning::Truncated,
            Warning::NoBodySections,
            Warning::CapReached(Cap::Evidence),
            Warning::DecisionDate(DateProblem::OutOfRange {
                text: "05 Oct 0000".into(),
                first: 1974,
                last: 2027,
            }),
        ];
        assert!(reported.iter().all(Warning::is_reported));
        // An unreadable date is never reported, whatever words it quotes.
        let quiet = [
            Warning::NoSummary,
            Warning::FindingDisagrees {
                finding: Finding::NoFault,
                outcome: "Upheld".into(),
            },
            Warning::DecisionDate(DateProblem::Unreadable("truncated HTML".into())),
            Warning::Recorded("text appears truncated".into()),
        ];
        assert!(!quiet.iter().any(Warning::is_reported));
    }
}
