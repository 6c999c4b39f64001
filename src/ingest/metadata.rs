//! A JSON record's metadata joined to the decision parsed from its text.
//!
//! The text is the decision as published, so it wins: the metadata fills
//! only the fields the text leaves empty, and where both give a field and
//! disagree the text's value is kept with a
//! [`Warning::MetadataDisagrees`]. A record whose text lost its title line
//! gets one built from the metadata ([`title_line`]) so that it can be read
//! at all.

use crate::parse::{any_date, canonical_reference, Decision, Warning};
use crate::walk::Metadata;

/// A title line (`Organisation (YY NNN NNN)`) from a record's metadata: its
/// title when that ends with a bracketed reference, else the organisation
/// (or title) and the reference; `None` without a reference.
pub fn title_line(metadata: &Metadata) -> Option<String> {
    if let Some(title) = &metadata.title {
        let bracketed = title
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once('('))
            .and_then(|(_, r)| canonical_reference(r));
        if bracketed.is_some() {
            return Some(title.clone());
        }
    }
    let reference = canonical_reference(metadata.reference.as_deref()?)?;
    let name = metadata
        .organisation
        .as_deref()
        .or(metadata.title.as_deref().filter(|t| !t.ends_with(')')));
    Some(match name {
        Some(name) => format!("{name} ({reference})"),
        None => reference,
    })
}

/// Fills the decision's empty fields from `metadata` and warns where the
/// two disagree.
pub fn apply(decision: &mut Decision, metadata: &Metadata) {
    let mut warnings = Vec::new();
    if let Some(reference) = metadata.reference.as_deref() {
        let same = canonical_reference(reference).is_some_and(|r| r == decision.reference);
        if !same {
            warnings.push(disagreement("reference", &decision.reference, reference));
        }
    }
    // A record may give the category as the page prints it, `Top > Sub`.
    let (category, subcategory) = match (&metadata.category, &metadata.subcategory) {
        (Some(c), None) if c.contains('>') => {
            let (top, sub) = c.split_once('>').unwrap_or((c, ""));
            (Some(top.trim().to_string()), Some(sub.trim().to_string()))
        }
        (c, s) => (c.clone(), s.clone()),
    };
    let texts = [
        (
            "organisation",
            &mut decision.organisation,
            &metadata.organisation,
        ),
        ("category", &mut decision.category, &category),
        ("subcategory", &mut decision.subcategory, &subcategory),
        ("outcome", &mut decision.outcome, &metadata.outcome),
    ];
    for (field, ours, theirs) in texts {
        let Some(theirs) = theirs.as_deref().filter(|t| !t.is_empty()) else {
            continue;
        };
        match ours {
            None => *ours = Some(theirs.to_string()),
            Some(ours) if !same_words(ours, theirs) => {
                warnings.push(disagreement(field, ours, theirs))
            }
            Some(_) => {}
        }
    }
    if let Some(text) = metadata.date.as_deref() {
        match (any_date(text), decision.decision_date) {
            (Ok(date), None) => decision.decision_date = Some(date),
            (Ok(date), Some(ours)) if date != ours => {
                warnings.push(disagreement("decision date", &ours.to_string(), text))
            }
            (Ok(_), Some(_)) => {}
            (Err(problem), _) => warnings.push(Warning::DecisionDate(problem)),
        }
    }
    decision.warnings.extend(warnings);
}

fn disagreement(field: &'static str, text: &str, metadata: &str) -> Warning {
    Warning::MetadataDisagrees {
        field,
        text: text.to_string(),
        metadata: metadata.to_string(),
    }
}

/// Whether two values say the same but for case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_decision;

    fn metadata() -> Metadata {
        Metadata {
            reference: Some("16-000-780".into()),
            title: None,
            organisation: Some("Some Council".into()),
            category: Some("Adult care services".into()),
            subcategory: Some("Transition".into()),
            outcome: Some("Upheld".into()),
            date: Some("2017-02-14".into()),
        }
    }

    #[test]
    fn metadata_fills_what_the_text_lacks_without_warnings() {
        let mut d = parse_decision("x", "16 000 780\nSummary: Mr X complained.\n").unwrap();
        apply(&mut d, &metadata());
        assert_eq!(d.organisation.as_deref(), Some("Some Council"));
        assert_eq!(d.category.as_deref(), Some("Adult care services"));
        assert_eq!(d.subcategory.as_deref(), Some("Transition"));
        assert_eq!(d.outcome.as_deref(), Some("Upheld"));
        assert_eq!(d.decision_date, Some(time::macros::date!(2017 - 02 - 14)));
        assert!(
            !d.warnings
                .iter()
                .any(|w| matches!(w, Warning::MetadataDisagrees { .. })),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn where_both_say_and_disagree_the_text_wins_with_a_warning() {
        let text = "Other Council (16 000 780)\nCategory : Housing > Allocations\nDecision : upheld\nDecision date : 14 Feb 2017\nSummary: Mr X complained.\n";
        let mut d = parse_decision("x", text).unwrap();
        let mut m = metadata();
        m.reference = Some("16 000 781".into());
        m.date = Some("15 Feb 2017".into());
        apply(&mut d, &m);
        assert_eq!(d.organisation.as_deref(), Some("Other Council"));
        assert_eq!(d.category.as_deref(), Some("Housing"));
        // The same outcome but for case is no disagreement.
        let messages: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages
                .iter()
                .filter(|m| m.starts_with("the record's"))
                .collect::<Vec<_>>(),
            [
                "the record's reference '16 000 781' differs from the text's '16 000 780': the text's is kept",
                "the record's organisation 'Some Council' differs from the text's 'Other Council': the text's is kept",
                "the record's category 'Adult care services' differs from the text's 'Housing': the text's is kept",
                "the record's subcategory 'Transition' differs from the text's 'Allocations': the text's is kept",
                "the record's decision date '15 Feb 2017' differs from the text's '2017-02-14': the text's is kept",
            ]
        );
        assert!(d
            .warnings
            .iter()
            .all(|w| !matches!(w, Warning::MetadataDisagrees { .. }) || w.is_reported()));
    }

    #[test]
    fn a_title_line_is_built_from_the_metadata() {
        assert_eq!(
            title_line(&metadata()).as_deref(),
            Some("Some Council (16 000 780)")
        );
        let titled = Metadata {
            title: Some("Some Council (16 000 780)".into()),
            ..Default::default()
        };
        assert_eq!(
            title_line(&titled).as_deref(),
            Some("Some Council (16 000 780)")
        );
        let bare = Metadata {
            reference: Some("16000780".into()),
            ..Default::default()
        };
        assert_eq!(title_line(&bare).as_deref(), Some("16 000 780"));
        assert_eq!(title_line(&Metadata::default()), None);
        let combined = Metadata {
            category: Some("Housing > Allocations".into()),
            ..Default::default()
        };
        let mut d = parse_decision("x", "16 000 780\n").unwrap();
        apply(&mut d, &combined);
        assert_eq!(
            (d.category.as_deref(), d.subcategory.as_deref()),
            (Some("Housing"), Some("Allocations"))
        );
    }
}
