//! The decision page (`/decision/{ref}`): the header fields, the payments
//! and faults with the sentence each was read from marked in the text, the
//! remedies, the finding, every section, and the public page when known.
//! The reference is read as `ombuds show` reads it (`23-002-683` or
//! `23 002 683`).

use std::ops::Range;
use std::sync::Arc;

use axum::extract::{Path, State};
use maud::{html, Markup};

use super::layout::{self, PageError};
use super::Library;
use crate::names::name_of;
use crate::output::pounds;
use crate::parse::{canonical_reference, iso_text, Decision};

/// `GET /decision/{reference}`.
pub async fn page(
    State(library): State<Arc<Library>>,
    Path(reference): Path<String>,
) -> Result<Markup, PageError> {
    tokio::task::spawn_blocking(move || render(&library, &reference))
        .await
        .map_err(|e| PageError::Internal(e.into()))?
}

fn render(library: &Library, asked: &str) -> Result<Markup, PageError> {
    let reference = canonical_reference(asked).ok_or_else(|| {
        PageError::NotFound(format!(
            "'{asked}' is not a case reference (like 23 002 683)."
        ))
    })?;
    let (index, searcher, _) = library.searcher()?;
    let decision = crate::index::read::decision_by_reference(&index, &searcher, &reference)?
        .ok_or_else(|| {
            PageError::NotFound(format!("There is no decision {reference} in the index."))
        })?;
    Ok(layout::page(&reference, body(&decision)))
}

fn body(d: &Decision) -> Markup {
    let marks = Marks::of(d);
    let category = match (&d.category, &d.subcategory) {
        (Some(c), Some(s)) => format!("{c} › {s}"),
        (Some(c), None) => c.clone(),
        _ => "-".to_string(),
    };
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    html! {
        h1 { (d.reference) " · " (or_dash(&d.organisation)) }
        dl.fields {
            dt { "Category" } dd { (category) }
            dt { "Outcome" } dd { (or_dash(&d.outcome)) }
            dt { "Decision date" } dd { (d.decision_date.map(iso_text).unwrap_or_else(|| "-".into())) }
            dt { "Finding" } dd { (d.finding.map(|f| f.to_string()).unwrap_or_else(|| "-".into())) }
            dt { "Agreed total" } dd { (pounds(d.agreed_total)) }
            dt { "Remedies" } dd {
                @if d.remedies.is_empty() { "-" }
                @for (i, r) in d.remedies.iter().enumerate() { @if i > 0 { ", " } (name_of(r)) }
            }
            @if let Some(days) = d.deadline_days { dt { "Deadline" } dd { (days) " days" } }
            dt { "Public page" } dd {
                @match d.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                    Some(url) => a href=(url) rel="noopener noreferrer" { (url) },
                    None => "-",
                }
            }
            dt { "Source" } dd { (d.source) }
        }
        h2 { "Payments" }
        @if d.payments.is_empty() { p { "No payments were found in the text." } } @else {
            div.scroll { table {
                thead { tr { th { "Amount" } th { "Role" } th { "Purpose" } th { "Recipient" } th { "Sentence" } } }
                tbody {
                    @for (i, p) in d.payments.iter().enumerate() {
                        tr {
                            td.n { (pounds(p.amount)) @if let Some(period) = &p.period { " a " (name_of(period)) } }
                            td { (name_of(&p.role)) }
                            td { (p.purpose.iter().map(name_of).collect::<Vec<_>>().join(", ")) }
                            td { (p.recipient.as_deref().unwrap_or("-")) }
                            td {
                                @if marks.found(&Mark::Payment(i)) {
                                    a href=(format!("#payment-{i}")) { "in the text" }
                                } @else { (p.sentence) }
                            }
                        }
                    }
                }
            } }
        }
        h2 { "Faults" }
        @if d.faults.is_empty() { p { "No faults were found in the text." } } @else {
            ul { @for (i, f) in d.faults.iter().enumerate() {
                li {
                    strong { (f.kind) } ": "
                    @if marks.found(&Mark::Fault(i)) {
                        a href=(format!("#fault-{i}")) { (f.sentence) }
                    } @else { (f.sentence) }
                }
            } }
        }
        @if let Some(summary) = &d.summary {
            h2 { "Summary" }
            p.section-text { (marked(summary, &marks.in_text(summary))) }
        }
        @for section in &d.sections {
            h2 { (section.heading) }
            div.section-text { (marked(&section.text, &marks.in_text(&section.text))) }
        }
    }
}

/// What a marked stretch of text is the evidence for.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    /// The `i`th payment's sentence.
    Payment(usize),
    /// The `i`th fault's sentence.
    Fault(usize),
}

impl Mark {
    fn id(&self) -> String {
        match self {
            Mark::Payment(i) => format!("payment-{i}"),
            Mark::Fault(i) => format!("fault-{i}"),
        }
    }
}

/// The sentences to mark, and which of them occur in the decision's texts.
struct Marks<'a> {
    sentences: Vec<(Mark, &'a str)>,
    found: Vec<Mark>,
}

impl<'a> Marks<'a> {
    fn of(d: &'a Decision) -> Self {
        let mut sentences: Vec<(Mark, &str)> = Vec::new();
        for (i, p) in d.payments.iter().enumerate() {
            sentences.push((Mark::Payment(i), &p.sentence));
        }
        for (i, f) in d.faults.iter().enumerate() {
            sentences.push((Mark::Fault(i), &f.sentence));
        }
        sentences.retain(|(_, s)| !s.trim().is_empty());
        let texts: Vec<&str> = d
            .summary
            .iter()
            .map(String::as_str)
            .chain(d.sections.iter().map(|s| s.text.as_str()))
            .collect();
        let found = sentences
            .iter()
            .filter(|(_, s)| texts.iter().any(|t| t.contains(s)))
            .map(|(m, _)| m.clone())
            .collect();
        Marks { sentences, found }
    }

    fn found(&self, mark: &Mark) -> bool {
        self.found.contains(mark)
    }

    /// Where the sentences occur in `text`, first occurrence each, without
    /// overlaps (a sentence both a payment's and a fault's is marked once,
    /// for the payment), in order.
    fn in_text(&self, text: &str) -> Vec<(Range<usize>, Vec<Mark>)> {
        let mut ranges: Vec<(Range<usize>, Vec<Mark>)> = Vec::new();
        for (mark, sentence) in &self.sentences {
            let Some(start) = text.find(sentence) else {
                continue;
            };
            let range = start..start + sentence.len();
            if let Some(same) = ranges.iter_mut().find(|(r, _)| *r == range) {
                same.1.push(mark.clone());
            } else if !ranges
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                ranges.push((range, vec![mark.clone()]));
            }
        }
        ranges.sort_by_key(|(r, _)| r.start);
        ranges
    }
}

/// `text` with the given ranges in `<mark>` elements, each carrying the ids
/// the tables link to; everything escaped.
fn marked(text: &str, ranges: &[(Range<usize>, Vec<Mark>)]) -> Markup {
    let mut pieces: Vec<(Option<&[Mark]>, &str)> = Vec::new();
    let mut at = 0;
    for (range, marks) in ranges {
        pieces.push((None, text.get(at..range.start).unwrap_or_default()));
        pieces.push((Some(marks), text.get(range.clone()).unwrap_or_default()));
        at = range.end;
    }
    pieces.push((None, text.get(at..).unwrap_or_default()));
    let class = |marks: &[Mark]| {
        let kinds: Vec<&str> = marks
            .iter()
            .map(|m| match m {
                Mark::Payment(_) => "payment",
                Mark::Fault(_) => "fault",
            })
            .collect();
        kinds.join(" ")
    };
    html! {
        @for (marks, piece) in pieces {
            @match marks {
                Some(marks) => mark id=(marks[0].id()) class=(class(marks)) { (piece) },
                None => (piece),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_marked_once_in_text_order_and_the_rest_stays_escaped() {
        let text = "Pay <b>£100</b>. It was a delay. Pay <b>£100</b>.";
        let marks = Marks {
            sentences: vec![
                (Mark::Fault(0), "It was a delay."),
                (Mark::Payment(0), "Pay <b>£100</b>."),
                (Mark::Payment(1), "a delay. Pay"),
                (Mark::Fault(1), "Pay <b>£100</b>."),
            ],
            found: vec![],
        };
        let ranges = marks.in_text(text);
        let html = marked(text, &ranges).into_string();
        assert_eq!(
            html,
            "<mark id=\"payment-0\" class=\"payment fault\">Pay &lt;b&gt;£100&lt;/b&gt;.</mark> \
             <mark id=\"fault-0\" class=\"fault\">It was a delay.</mark> Pay &lt;b&gt;£100&lt;/b&gt;."
        );
    }
}
