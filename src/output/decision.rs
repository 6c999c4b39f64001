//! One decision, readable in a terminal (`show`, `parse --format table`).
//! Every value from the file passes through [`terminal_line`] (or
//! [`terminal_text`] for the summary and sections, which keep their line
//! breaks), so escape sequences in a decision are shown, not obeyed.

use std::io::Write;

use super::escape::{terminal_line, terminal_text};
use super::{pounds, MISSING};
use crate::names::name_of;
use crate::parse::{iso_text, Decision};

/// Writes a decision's fields, payments, faults, summary and sections.
pub fn write_decision(out: &mut impl Write, d: &Decision) -> std::io::Result<()> {
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
        writeln!(
            out,
            "  {:<19} {}",
            format!("{name}:"),
            terminal_line(&value)
        )?;
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
            writeln!(
                out,
                "              \"{}\" ({})",
                terminal_line(&p.sentence),
                terminal_line(&p.section)
            )?;
        }
    }
    if !d.faults.is_empty() {
        writeln!(out, "\nFaults")?;
        for f in &d.faults {
            writeln!(
                out,
                "  {:<38} \"{}\"",
                terminal_line(&f.kind),
                terminal_line(&f.sentence)
            )?;
        }
    }
    if let Some(summary) = &d.summary {
        writeln!(out, "\nSummary\n{}", indent(&terminal_text(summary)))?;
    }
    for s in &d.sections {
        writeln!(
            out,
            "\n{} [{}]\n{}",
            terminal_line(&s.heading),
            s.kind,
            indent(&terminal_text(&s.text))
        )?;
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
