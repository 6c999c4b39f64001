//! The decision body: summary and titled sections with normalised kinds.
//!
//! The headings, the decision marker and the summary label are the layout's,
//! from [`lgsco`](super::lgsco); this file is how the body is cut with them.

use crate::parse::decision::{Section, SectionKind};
use crate::parse::structure::lgsco::{
    DECISION_MARKERS, HEADINGS, LOST_FINDING_BYTES, LOST_FINDING_OPENINGS, SUMMARY_LABEL,
};
use crate::parse::structure::lines::{first_folded, reads_as, Line};

/// The kind of section a standalone line starts, or `None` if it is not a
/// known heading.
pub fn heading_kind(line: &Line<'_>) -> Option<SectionKind> {
    if line.text.len() > 70 {
        return None;
    }
    let text = heading_text(&line.text);
    let first = first_folded(text)?;
    // Each character reads as one byte, so an ASCII line reads only as a
    // heading of its length; others (`’` is three bytes) as shorter ones.
    let ascii = text.is_ascii();
    HEADINGS
        .iter()
        .find(|(h, _)| {
            h.as_bytes().first() == Some(&first)
                && (h.len() == text.len() || (!ascii && h.len() < text.len()))
                && reads_as(text, h)
        })
        .map(|(_, kind)| *kind)
}

/// A line as compared with known headings: trimmed, without a trailing `:`
/// (case and `’` are left to [`reads_as`]).
fn heading_text(text: &str) -> &str {
    text.trim().trim_end_matches(':').trim()
}

/// Whether the line introduces the summary or decision header block.
fn is_decision_marker(text: &str) -> bool {
    // Runs on every line: most are far longer than the marker.
    if text.len() > 40 {
        return false;
    }
    let text = heading_text(text);
    DECISION_MARKERS.iter().any(|marker| reads_as(text, marker))
}

/// The summary text and the sections, from the lines after the header block.
pub fn body(lines: &[Line<'_>]) -> (Option<String>, Vec<Section>) {
    let mut summary: Vec<&str> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    // The last section's lines, joined into its text when it closes: one
    // allocation of the right size, where pushing line by line grew it
    // several times.
    let mut open: Vec<&str> = Vec::with_capacity(lines.len());
    let mut in_summary = false;
    let mut seen_heading = false;
    // A table of contents lists headings before the decision starts; skip it.
    let start = table_of_contents_end(lines);
    for line in &lines[start..] {
        if is_decision_marker(&line.text) {
            continue;
        }
        if let Some(rest) = strip_summary_label(&line.text) {
            in_summary = true;
            if !rest.is_empty() {
                summary.push(rest);
            }
            continue;
        }
        if !line.marked {
            if let Some(kind) = heading_kind(line) {
                in_summary = false;
                seen_heading = true;
                close_section(&mut sections, &mut open);
                sections.push(Section {
                    kind,
                    heading: line.text.trim().to_string(),
                    text: String::new(),
                });
                continue;
            }
        }
        match sections.last() {
            Some(_) if !in_summary => open.push(&line.text),
            // Pages with no `Summary:` label lead with an untitled summary.
            _ if in_summary || !seen_heading => summary.push(&line.text),
            _ => {}
        }
    }
    close_section(&mut sections, &mut open);
    let summary = (!summary.is_empty()).then(|| summary.join("\n"));
    (summary, sections)
}

/// Where the finding of an older page starts inside its `The complaint`
/// section, when the page lost the `Finding` heading before it (see
/// [`LOST_FINDING_OPENINGS`]): the byte offset of that line in the section's
/// text. What follows it (the finding, then the recommendations) is the
/// decision's, not the complaint's; the section itself stays as printed.
pub fn lost_finding_at(section: &Section) -> Option<usize> {
    if section.kind != SectionKind::Complaint {
        return None;
    }
    let mut at = 0;
    for line in section.text.split('\n') {
        let trimmed = line.trim_start();
        let opens = trimmed.len() <= LOST_FINDING_BYTES
            && LOST_FINDING_OPENINGS.iter().any(|opening| {
                trimmed
                    .get(..opening.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(opening))
            });
        if opens {
            return Some(at);
        }
        at += line.len() + 1;
    }
    None
}

/// Gives the last section the `open` lines as its text, one line each.
fn close_section(sections: &mut [Section], open: &mut Vec<&str>) {
    if let Some(section) = sections.last_mut() {
        section.text = open.join("\n");
    }
    open.clear();
}

/// The text after the summary label, if the line starts with it.
fn strip_summary_label(text: &str) -> Option<&str> {
    let head = text.get(..SUMMARY_LABEL.len())?;
    head.eq_ignore_ascii_case(SUMMARY_LABEL)
        .then(|| text[SUMMARY_LABEL.len()..].trim())
}

/// Index of the first line after a leading table of contents: a run of
/// list-marked known headings followed by the `final decision:` marker.
fn table_of_contents_end(lines: &[Line<'_>]) -> usize {
    let Some(marker) = lines
        .iter()
        .take(30)
        .position(|l| is_decision_marker(&l.text))
    else {
        return 0;
    };
    let before = &lines[..marker];
    let toc_start = before
        .iter()
        .rposition(|l| !(l.marked && heading_kind(l).is_some()));
    match toc_start {
        Some(i) if i + 1 < marker => marker,
        None if marker > 0 => marker,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::structure::lines::clean_lines;

    /// How headings used to be compared: a lowercased copy with `’` as `'`.
    fn heading_key(text: &str) -> String {
        text.trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase()
            .replace('’', "'")
    }

    /// Whether `reads_as` on the heading text says what comparing the
    /// allocated key says, for every known heading.
    fn agrees(line: &str) -> bool {
        let key = heading_key(line);
        let unmarked = Line {
            indent: 0,
            marked: false,
            text: line.into(),
        };
        let by_key = HEADINGS.iter().find(|(h, _)| key == *h).map(|(_, k)| *k);
        let short = line.len() <= 70;
        HEADINGS
            .iter()
            .map(|(h, _)| *h)
            .chain(["the ombudsman's final decision"])
            .all(|h| reads_as(heading_text(line), h) == (key == h))
            && heading_kind(&unmarked) == by_key.filter(|_| short)
    }

    #[test]
    fn heading_comparison_is_the_lowercased_key_comparison() {
        let lines = [
            "  My Findings:  ",
            "The Ombudsman’s final decision",
            "WHAT I FOUND",
            "Agreed action::",
            "Kelvin \u{212A} heading",
            "Final \u{212A}ecision",
            "\u{212A}ey facts",
            "The Ombudsman’s role and powers:",
            "The Ombudsmen’s role",
            "İstanbul",
            "Café decision",
            "Final decision…",
            "Analysis é",
            "’the complaint",
            "",
            ":",
            &"x".repeat(80),
        ];
        for line in lines {
            assert!(agrees(line), "{line:?}");
        }
        assert!(is_decision_marker("The Ombudsman’s final decision:"));
        assert_eq!(
            heading_kind(&clean_lines("MY FINDINGS\n")[0]),
            Some(SectionKind::Findings)
        );
    }

    proptest::proptest! {
        #[test]
        fn heading_comparison_agrees_on_any_text(line in "[ A-Za-z:’'İ\u{212A}é]{0,80}|(?i)(final decision|my findings|agreed action)[ :’]{0,3}") {
            proptest::prop_assert!(agrees(&line));
        }
    }

    fn kinds(sections: &[Section]) -> Vec<SectionKind> {
        sections.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn summary_and_sections_with_blank_lines_and_numbers() {
        let text = "The Ombudsman's final decision:\n\nSummary: Miss X complained.\n\nThe complaint\n\n  1. Miss X complained.\n\nBack to top\n\nWhat I found\n\nStage one\n\n  1. It happened.\n\nMy findings\n  1. Fault.\n\nAgreed action\n  1. Pay £300.\n\nFinal decision\n  1. Done.\n";
        let (summary, sections) = body(&clean_lines(text));
        assert_eq!(summary.as_deref(), Some("Miss X complained."));
        use SectionKind::*;
        assert_eq!(
            kinds(&sections),
            vec![Complaint, WhatFound, Findings, AgreedAction, FinalDecision]
        );
        assert_eq!(sections[1].text, "Stage one\nIt happened.");
        assert_eq!(sections[3].heading, "Agreed action");
    }

    #[test]
    fn single_newline_layout_with_dash_bullets() {
        let text = "The Ombudsman's final decision:\nSummary: Mr B complained.\nThe complaint\n- Mr B complained.\nAnalysis\n- Fault.\nAction\n- Pay.\nDecision\n- I find fault.\n";
        let (_, sections) = body(&clean_lines(text));
        use SectionKind::*;
        assert_eq!(
            kinds(&sections),
            vec![Complaint, Findings, AgreedAction, FinalDecision]
        );
        assert_eq!(sections[3].text, "I find fault.");
    }

    #[test]
    fn summary_label_on_its_own_line() {
        let (summary, _) = body(&clean_lines(
            "Summary:\nMrs X complained.\nIt was fault.\nThe complaint\nText.\n",
        ));
        assert_eq!(summary.as_deref(), Some("Mrs X complained.\nIt was fault."));
    }

    #[test]
    fn untitled_lead_paragraph_is_the_summary() {
        let (summary, sections) = body(&clean_lines("A woman complains the council refused to fund care.\nThe complaint\nThe woman complains.\n"));
        assert_eq!(
            summary.as_deref(),
            Some("A woman complains the council refused to fund care.")
        );
        assert_eq!(sections.len(), 1);
    }

    #[test]
    fn table_of_contents_is_skipped() {
        let text = "- The complaint\n- The Ombudsman’s role and powers\n- Final decision\nThe Ombudsman's final decision:\nSummary: S.\nThe complaint\n- Text.\n";
        let (summary, sections) = body(&clean_lines(text));
        assert_eq!(summary.as_deref(), Some("S."));
        assert_eq!(kinds(&sections), vec![SectionKind::Complaint]);
    }

    #[test]
    fn a_joint_decisions_summary_of_findings_is_a_findings_section() {
        for heading in ["Summary of our findings and remedy", "Summary of findings"] {
            let text = format!("The complaint\nMrs M complains.\n{heading}\nThe Trust has agreed to pay Mrs M £500.\n");
            let (_, sections) = body(&clean_lines(&text));
            assert_eq!(
                kinds(&sections),
                vec![SectionKind::Complaint, SectionKind::Findings],
                "{heading}"
            );
        }
    }

    #[test]
    fn subheadings_stay_in_their_section_and_numbered_headings_are_text() {
        let (_, sections) = body(&clean_lines(
            "My findings\nDelay\n1. Decision\nRecommendation one\n",
        ));
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].text, "Delay\nDecision\nRecommendation one");
    }

    #[test]
    fn an_older_page_that_lost_its_finding_heading_has_its_finding_found() {
        let text = "Summary\nA man complains about a charge.\nThe complaint\nThe man says the council charged his father.\n\nThe Ombudsman upheld the complaint, finding fault which caused injustice.\n\nThe council has agreed to:\n- pay him £250.\nFinal decision\nThe Ombudsman upheld the complaint.";
        let (_, sections) = body(&clean_lines(text));
        assert_eq!(
            kinds(&sections),
            [SectionKind::Complaint, SectionKind::FinalDecision]
        );
        let at = lost_finding_at(&sections[0]).expect("the finding line");
        assert!(sections[0].text[at..].starts_with("The Ombudsman upheld the complaint, finding"));
        assert!(sections[0].text[..at].starts_with("The man says"));
        // Not in other sections, nor a long line that narrates.
        assert_eq!(lost_finding_at(&sections[1]), None);
        let long = format!(
            "The complaint\nThe Ombudsman upheld {}.",
            "a complaint of his before ".repeat(10)
        );
        let (_, sections) = body(&clean_lines(&long));
        assert_eq!(lost_finding_at(&sections[0]), None);
        let (_, sections) = body(&clean_lines("The complaint\nHe says the council was wrong.\nThe Ombudsman did not uphold the complaint."));
        assert!(lost_finding_at(&sections[0]).is_some());
    }

    #[test]
    fn no_sections_at_all() {
        let (summary, sections) = body(&clean_lines("Summary: Only a summary.\n"));
        assert_eq!(summary.as_deref(), Some("Only a summary."));
        assert!(sections.is_empty());
    }
}
