//! One decision, readable in a terminal (`show`, `parse --format table`).
//! Every value from the file passes through [`terminal_line`] (or
//! [`terminal_text`] for the summary and sections, which keep their line
//! breaks), so escape sequences in a decision are shown, not obeyed. Given a
//! width, the summary, sections, evidence sentences and long field values
//! are wrapped to it.

use std::io::Write;

use super::escape::{terminal_line, terminal_text};
use super::table::wrapped;
use super::{pounds, Format, MISSING};
use crate::names::name_of;
use crate::parse::{iso_text, Decision};

/// The formats one decision is written in (a nested record: no CSV).
pub const DECISION_FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Jsonl];

/// Writes a decision's fields, payments, faults, summary and sections, the
/// prose wrapped to `width` (none: each paragraph on one line).
pub fn write_decision(
    out: &mut impl Write,
    d: &Decision,
    width: Option<usize>,
) -> std::io::Result<()> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| MISSING.to_string());
    writeln!(
        out,
        "{}  {}",
        terminal_line(&d.reference),
        terminal_line(&opt(&d.organisation))
    )?;
    let category = match (&d.category, &d.subcategory) {
        (Some(c), Some(s)) => format!("{c} > {s}"),
        (Some(c), None) => c.clone(),
        _ => MISSING.to_string(),
    };
    let list = |items: Vec<&str>| {
        if items.is_empty() {
            MISSING.to_string()
        } else {
            items.join(", ")
        }
    };
    let fields = [
        ("Category", category),
        ("Outcome", opt(&d.outcome)),
        ("Decision date", opt(&d.decision_date.map(iso_text))),
        ("Complainant", opt(&d.complainant)),
        (
            "Finding",
            d.finding
                .map(|f| f.to_string())
                .unwrap_or_else(|| MISSING.to_string()),
        ),
        ("Agreed total", pounds(d.agreed_total)),
        ("Remedies", list(d.remedies.iter().map(name_of).collect())),
        (
            "Deadline",
            d.deadline_days
                .map(|n| format!("{n} days"))
                .unwrap_or_else(|| MISSING.to_string()),
        ),
        (
            "Shared with Ofsted",
            if d.shared_with_ofsted { "yes" } else { "no" }.to_string(),
        ),
        ("Source", d.source.clone()),
        ("URL", d.url.clone().unwrap_or_else(|| MISSING.to_string())),
    ];
    for (name, value) in fields {
        let lines = wrapped(&terminal_line(&value), &" ".repeat(22), width);
        let first = lines.first().map(|l| l.trim_start()).unwrap_or_default();
        writeln!(out, "  {:<19} {first}", format!("{name}:"))?;
        for line in lines.iter().skip(1) {
            writeln!(out, "{line}")?;
        }
    }
    for w in &d.warnings {
        writeln!(out, "  warning: {}", terminal_line(&w.to_string()))?;
    }
    if !d.payments.is_empty() {
        writeln!(out, "\nPayments")?;
        for p in &d.payments {
            let purposes: Vec<&str> = p.purpose.iter().map(name_of).collect();
            let to = p
                .recipient
                .as_deref()
                .map(|r| format!(" to {r}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:>10}  {:<7}  {}",
                pounds(p.amount),
                name_of(&p.role),
                terminal_line(&format!("{}{to}", list(purposes)))
            )?;
            let evidence = format!(
                "\"{}\" ({})",
                terminal_line(&p.sentence),
                terminal_line(&p.section)
            );
            for line in wrapped(&evidence, &" ".repeat(14), width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    if !d.faults.is_empty() {
        writeln!(out, "\nFaults")?;
        for f in &d.faults {
            writeln!(out, "  {}", terminal_line(&f.kind))?;
            let evidence = format!("\"{}\"", terminal_line(&f.sentence));
            for line in wrapped(&evidence, "      ", width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    if let Some(summary) = &d.summary {
        writeln!(out, "\nSummary\n{}", indent(&terminal_text(summary), width))?;
    }
    for s in &d.sections {
        writeln!(
            out,
            "\n{} [{}]\n{}",
            terminal_line(&s.heading),
            s.kind,
            indent(&terminal_text(&s.text), width)
        )?;
    }
    Ok(())
}

/// Each line of `text` indented by two spaces and wrapped to `width`.
fn indent(text: &str, width: Option<usize>) -> String {
    text.lines()
        .flat_map(|l| wrapped(l, "  ", width))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_decision_wraps_every_line_to_the_width() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/000_23011206abbaafad.txt"
        ))
        .unwrap();
        let d = crate::parse::parse_decision("000.txt", &text).unwrap();
        let mut out = Vec::new();
        write_decision(&mut out, &d, Some(60)).unwrap();
        let shown = String::from_utf8(out).unwrap();
        for line in shown.lines() {
            assert!(line.chars().count() <= 60, "{line:?}");
        }
        // Nothing is lost: the summary's words are all there, in order.
        let words = |t: &str| {
            t.split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(words(&shown).contains(&words(d.summary.as_deref().unwrap())));
    }
}
