//! The LGSCO's page layout: everything that says how the Local Government
//! and Social Care Ombudsman prints a decision, gathered in one file.
//!
//! The readers beside this file (`lines`, `header`, `reference`, `sections`)
//! are the machinery: they split lines, read `Label : value` lines, find a
//! reference in a title and cut the body at headings, taking every word they
//! look for from here. A second publisher's layout is a second file like this
//! one (see the module doc of `structure`).

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

use crate::parse::decision::SectionKind;

// ---- Website furniture (`lines`) ----

/// Exact lines of website furniture.
pub const FURNITURE: &[&str] = &[
    "back to top",
    "print this page",
    "lgo logogram",
    "review your privacy settings",
    "required cookies",
    "view required cookies",
    "analytical cookies",
    "view analytical cookies",
    "privacy settings",
    "we recommend you set these 'on'.",
    "skip to main content",
];

/// Beginnings of the cookie banner's long sentences.
pub const FURNITURE_PREFIXES: &[&str] = &[
    "these cookies enable the website to function properly",
    "google analytics cookies help us improve",
    "in using google analytics, we do not collect",
];

/// How the signature line ends (`Investigator's final decision on behalf of
/// the Ombudsman.`), compared without case after any final full stop.
pub const SIGNATURE_ENDINGS: &[&str] = &[
    "decision on behalf of the ombudsman",
    "decision on behalf of the ombudsmen",
    "decision on behalf of the local government ombudsman",
    "decision on behalf of the local government ombudsmen",
    "decision on behalf of the local government and social care ombudsman",
    "decision on behalf of the local government and social care ombudsmen",
];

// ---- The header block (`header`) ----

/// How many lines from the top the title line (`Council (23 002 683)`) may be
/// found in.
pub const TITLE_WINDOW: usize = 12;

/// How many lines after the title the header labels may take.
pub const HEADER_LINES: usize = 6;

/// The label of the decision date line (`Decision date : 05 Oct 2023`),
/// compared without case.
pub const DATE_LABEL: &str = "decision date";

/// The label of the category line (`Category : Top > Sub`).
pub const CATEGORY_LABEL: &str = "category";

/// What separates the category from its sub-category.
pub const CATEGORY_SEPARATOR: char = '>';

/// The label of the outcome line (`Decision : Upheld`).
pub const OUTCOME_LABEL: &str = "decision";

/// How the header prints a date: `05 Oct 2023` or `5 October 2023`, tried
/// in this order, month names in any case.
pub const DATE_FORMATS: &[&[BorrowedFormatItem<'static>]] = &[
    format_description!("[day padding:none] [month repr:short case_sensitive:false] [year]"),
    format_description!("[day padding:none] [month repr:long case_sensitive:false] [year]"),
];

/// The year the Local Government Ombudsman was set up: no decision is older.
pub const FIRST_DECISION_YEAR: i32 = 1974;

/// How the older pages (2016-17) close, after the recommendations:
/// `Ombudsman satisfied with council's response: 11 September 2017`
/// (compared without case). Such a last line ends the decision as a final
/// decision section does, so the text is not cut off.
pub const CLOSING_PREFIXES: &[&str] = &["ombudsman satisfied with"];

// ---- Case references (`reference`) ----

/// A case reference: `YY NNN NNN` with a space, a hyphen or nothing between
/// the groups, and an optional suffix letter (`17 002 402b`).
pub const REFERENCE_PATTERN: &str = r"^([0-9]{2})[\s-]?([0-9]{3})[\s-]?([0-9]{3})([A-Za-z])?$";

/// The byte lengths a reference can have: eight digits, two separators (a
/// Unicode space may take three bytes each) and a letter at most.
pub const REFERENCE_BYTES: std::ops::RangeInclusive<usize> = 8..=15;

// ---- The body (`sections`) ----

/// The lines that introduce the decision itself (`The Ombudsman's final
/// decision:`), lowercased, curly apostrophes straightened, colon dropped.
pub const DECISION_MARKERS: &[&str] = &[
    "the ombudsman's final decision",
    "the ombudsmen's final decision",
];

/// How the older pages (2016-17) state their finding, under a `Finding`
/// heading the website has since dropped from many of them, so that the
/// finding and the recommendations after it stand inside `The complaint`
/// (`The Ombudsman upheld the complaint and found fault causing
/// injustice.`): line beginnings, compared without case.
pub const LOST_FINDING_OPENINGS: &[&str] = &[
    "the ombudsman upheld",
    "the ombudsman has upheld",
    "the ombudsman partly upheld",
    "the ombudsman did not uphold",
    "the ombudsman has not upheld",
    "the ombudsman found fault",
    "the ombudsman found no fault",
    "the ombudsman did not find fault",
];

/// The longest line that is such a finding (longer lines narrate).
pub const LOST_FINDING_BYTES: usize = 200;

/// The label that starts the summary (`Summary: Miss X complained...`),
/// compared without case.
pub const SUMMARY_LABEL: &str = "summary:";

/// Headings as printed (lowercased, curly apostrophes straightened, trailing
/// colon dropped) and the kind each one starts.
pub const HEADINGS: &[(&str, SectionKind)] = &[
    ("the complaint", SectionKind::Complaint),
    ("the complaints", SectionKind::Complaint),
    ("complaint", SectionKind::Complaint),
    ("summary of the complaint", SectionKind::Complaint),
    (
        "the ombudsman's role and powers",
        SectionKind::RoleAndPowers,
    ),
    (
        "the ombudsmen's role and powers",
        SectionKind::RoleAndPowers,
    ),
    ("the ombudsman's role", SectionKind::RoleAndPowers),
    ("our role and powers", SectionKind::RoleAndPowers),
    (
        "how i considered this complaint",
        SectionKind::HowConsidered,
    ),
    (
        "how we considered this complaint",
        SectionKind::HowConsidered,
    ),
    ("how i considered this", SectionKind::HowConsidered),
    ("how i considered the complaint", SectionKind::HowConsidered),
    ("what i found", SectionKind::WhatFound),
    ("what we found", SectionKind::WhatFound),
    ("what happened", SectionKind::WhatFound),
    ("background", SectionKind::WhatFound),
    ("key facts", SectionKind::WhatFound),
    ("relevant law and guidance", SectionKind::WhatFound),
    ("law and guidance", SectionKind::WhatFound),
    ("relevant law", SectionKind::WhatFound),
    (
        "legal and administrative background",
        SectionKind::WhatFound,
    ),
    ("my findings", SectionKind::Findings),
    ("our findings", SectionKind::Findings),
    ("findings", SectionKind::Findings),
    // Joint decisions with the Health Service Ombudsman sum up before the detail.
    ("summary of findings", SectionKind::Findings),
    ("summary of our findings", SectionKind::Findings),
    ("summary of findings and remedy", SectionKind::Findings),
    ("summary of our findings and remedy", SectionKind::Findings),
    // The older pages (2016-17): `Summary`, `The complaint`, `Finding`, `Recommendations`.
    ("finding", SectionKind::Findings),
    ("analysis", SectionKind::Findings),
    ("my analysis", SectionKind::Findings),
    ("findings and analysis", SectionKind::Findings),
    ("my assessment", SectionKind::Findings),
    ("our assessment", SectionKind::Findings),
    ("assessment", SectionKind::Findings),
    ("conclusions", SectionKind::Findings),
    ("conclusion", SectionKind::Findings),
    ("agreed action", SectionKind::AgreedAction),
    ("agreed actions", SectionKind::AgreedAction),
    ("action", SectionKind::AgreedAction),
    ("actions", SectionKind::AgreedAction),
    ("recommendations", SectionKind::AgreedAction),
    ("recommendation", SectionKind::AgreedAction),
    ("recommended action", SectionKind::AgreedAction),
    ("recommended actions", SectionKind::AgreedAction),
    ("my recommendations", SectionKind::AgreedAction),
    ("our recommendations", SectionKind::AgreedAction),
    ("remedy", SectionKind::AgreedAction),
    ("agreed remedy", SectionKind::AgreedAction),
    ("final decision", SectionKind::FinalDecision),
    ("decision", SectionKind::FinalDecision),
    ("my decision", SectionKind::FinalDecision),
    ("our decision", SectionKind::FinalDecision),
    (
        "parts of the complaint that i did not investigate",
        SectionKind::NotInvestigated,
    ),
    (
        "parts of the complaint i did not investigate",
        SectionKind::NotInvestigated,
    ),
    (
        "part of the complaint that i did not investigate",
        SectionKind::NotInvestigated,
    ),
    (
        "parts of the complaint that we did not investigate",
        SectionKind::NotInvestigated,
    ),
    ("what i have not investigated", SectionKind::NotInvestigated),
    ("what i did not investigate", SectionKind::NotInvestigated),
    (
        "matters i have not investigated",
        SectionKind::NotInvestigated,
    ),
    ("what i have investigated", SectionKind::Other),
    ("what i have and have not investigated", SectionKind::Other),
    ("the investigation", SectionKind::Other),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// What the readers compare these lines with (`lines::reads_as`) only
    /// ever matches lowercase ASCII with a straight apostrophe.
    fn comparable(text: &str) -> bool {
        text.bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            && !text.is_empty()
    }

    #[test]
    fn the_tables_have_the_shape_their_readers_assume() {
        // `is_furniture` compares whole lines of at most 40 bytes.
        for line in FURNITURE {
            assert!(comparable(line) && line.len() <= 40, "{line:?}");
        }
        for line in FURNITURE_PREFIXES
            .iter()
            .chain(SIGNATURE_ENDINGS)
            .chain(CLOSING_PREFIXES)
            .chain(LOST_FINDING_OPENINGS)
        {
            assert!(comparable(line), "{line:?}");
        }
        // `heading_kind` skips lines over 70 bytes and drops a final colon.
        for (heading, _) in HEADINGS {
            assert!(
                comparable(heading) && heading.len() <= 70 && !heading.ends_with(':'),
                "{heading:?}"
            );
        }
        // `is_decision_marker` skips lines over 40 bytes.
        for marker in DECISION_MARKERS {
            assert!(comparable(marker) && marker.len() <= 40, "{marker:?}");
        }
        for label in [DATE_LABEL, CATEGORY_LABEL, OUTCOME_LABEL, SUMMARY_LABEL] {
            assert!(comparable(label), "{label:?}");
        }
        // `canonical_reference` reads three number groups and a suffix.
        let reference = regex::Regex::new(REFERENCE_PATTERN).expect("valid regex");
        assert_eq!(reference.captures_len(), 5);
        for text in ["23 002 683", "23\u{3000}002\u{3000}683b"] {
            assert!(REFERENCE_BYTES.contains(&text.len()), "{text:?}");
        }
    }

    #[test]
    fn header_dates_read_in_both_printed_forms() {
        let read = |text| {
            DATE_FORMATS
                .iter()
                .find_map(|format| time::Date::parse(text, format).ok())
        };
        let day = time::macros::date!(2023 - 10 - 05);
        assert_eq!(read("05 Oct 2023"), Some(day));
        assert_eq!(read("5 october 2023"), Some(day));
        assert_eq!(read("2023-10-05"), None);
    }
}
