//! Text -> [`Decision`]: boilerplate removal, header, sections, then one
//! extractor per field.
//!
//! [`parse_decision`] is pure: it takes the text and the file name it came
//! from and returns a `Decision`, or [`NotADecision`] with the reason when the
//! text has no title line with a case reference.

mod complainant;
mod decision;
mod extract;
mod fault;
mod finding;
mod header;
mod lines;
mod money;
mod ofsted;
mod pattern;
mod payment;
mod purpose;
mod reference;
mod remedy;
mod sections;
mod sentences;
mod taxonomy;

pub use complainant::complainant;
pub use decision::*;
pub use extract::extract;
pub use header::{iso_date, iso_date_checked};
pub use reference::canonical_reference;
pub use taxonomy::Taxonomy;

/// Why a text was not read as a decision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotADecision(pub String);

/// Parses one decision statement with the built-in fault taxonomy.
pub fn parse_decision(source: &str, text: &str) -> Result<Decision, NotADecision> {
    parse_decision_with(source, text, Taxonomy::default_ref())
}

/// Parses one decision statement, classifying faults with `taxonomy`.
pub fn parse_decision_with(
    source: &str,
    text: &str,
    taxonomy: &Taxonomy,
) -> Result<Decision, NotADecision> {
    let lines = lines::clean_lines(text);
    if lines.is_empty() {
        return Err(NotADecision(
            "no text (only blank lines or website boilerplate)".into(),
        ));
    }
    let (title_at, reference, organisation) = header::title(&lines).ok_or_else(|| {
        NotADecision("not a decision: no title line with a case reference like 'Council name (23 002 683)' near the top".into())
    })?;
    let mut head = header::Header {
        reference,
        organisation,
        ..Default::default()
    };
    let body_at = header::header_fields(&lines, title_at + 1, &mut head);
    let (summary, sections) = sections::body(&lines[body_at..]);

    let complainant = summary.as_deref().and_then(complainant).or_else(|| {
        sections
            .iter()
            .find(|s| s.kind == SectionKind::Complaint)
            .and_then(|s| complainant(&s.text))
    });

    let mut warnings = head.warnings;
    if sections.is_empty() {
        warnings.push("no body sections found".into());
    }
    if summary.is_none() {
        warnings.push("no summary found".into());
    }

    let mut decision = Decision {
        source: source.to_string(),
        reference: head.reference,
        organisation: head.organisation,
        category: head.category,
        subcategory: head.subcategory,
        outcome: head.outcome,
        decision_date: head.decision_date,
        complainant,
        summary,
        sections,
        warnings,
        payments: Vec::new(),
        agreed_total: 0.0,
        remedies: Vec::new(),
        deadline_days: None,
        finding: None,
        faults: Vec::new(),
        shared_with_ofsted: false,
    };
    extract(&mut decision, taxonomy);
    Ok(decision)
}
