//! Writing decisions: one tantivy document per decision, upserted by reference.

use anyhow::{Context, Result};
use tantivy::schema::TantivyDocument;
use tantivy::{DateTime, IndexWriter, TantivyError, Term};

use super::schema::Fields;
use super::DecisionIndex;
use crate::parse::{Decision, Payment};

/// Memory budget for tantivy's indexing threads, split between them.
pub const WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;

/// An open writer; at most one per index at a time, across processes.
pub struct DecisionWriter {
    writer: IndexWriter,
    fields: Fields,
    /// Whether the index held decisions before this writer opened: then every
    /// added decision may replace one; otherwise only a reference repeated
    /// within the run can.
    had_decisions: bool,
}

impl DecisionWriter {
    /// Takes the index's write lock, or fails at once if another process holds it.
    pub fn new(index: &DecisionIndex, threads: usize) -> Result<Self> {
        let writer = index.index.writer_with_num_threads(threads.max(1), WRITER_HEAP_BYTES).map_err(|e| match e {
            TantivyError::LockFailure(..) => anyhow::anyhow!(
                "{}: index is being written by another process (another `ombuds ingest` is running); \
                 wait for it to finish — `search` and `stats` keep working meanwhile",
                index.path.display()
            ),
            other => anyhow::Error::new(other).context(format!("{}: cannot open index writer", index.path.display())),
        })?;
        let had_decisions = index
            .index
            .reader()
            .map(|r| r.searcher().num_docs() > 0)
            .context("reading the index before writing")?;
        Ok(DecisionWriter {
            writer,
            fields: index.fields.clone(),
            had_decisions,
        })
    }

    /// The schema's fields, to build documents with [`document`] (on any thread).
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Adds `doc`, the document of the decision with `reference`, replacing
    /// any decision with that reference already in the index or added earlier
    /// in this run (`repeated`). A fresh index written with distinct
    /// references needs no deletes at all.
    pub fn upsert(&self, reference: &str, doc: TantivyDocument, repeated: bool) -> Result<()> {
        if repeated || self.had_decisions {
            self.writer
                .delete_term(Term::from_field_text(self.fields.reference, reference));
        }
        self.writer
            .add_document(doc)
            .context("adding a document to the index")?;
        Ok(())
    }

    /// Makes everything added so far durable and visible to readers.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().context("committing the index")?;
        Ok(())
    }

    /// Waits for merges to finish, releasing the write lock.
    pub fn finish(self) -> Result<()> {
        self.writer
            .wait_merging_threads()
            .context("finishing index merges")
    }
}

/// The tantivy document for one decision.
pub fn document(f: &Fields, d: &Decision) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.reference, &d.reference);
    let keywords = [
        (f.organisation, d.organisation.as_deref()),
        (f.category, d.category.as_deref()),
        (f.subcategory, d.subcategory.as_deref()),
        (f.outcome, d.outcome.as_deref()),
        (f.finding, d.finding.map(|x| x.as_str())),
    ];
    for (field, value) in keywords {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    if let Some(date) = d.decision_date.as_deref().and_then(date_value) {
        doc.add_date(f.decision_date, date);
    }
    if let Some(year) = d.year() {
        doc.add_u64(f.year, year as u64);
    }
    if let Some(summary) = &d.summary {
        doc.add_text(f.summary, summary);
    }
    doc.add_text(f.text, full_text(d));
    doc.add_text(f.record, serde_json::to_string(d).unwrap_or_default());
    doc.add_f64(f.agreed_total, d.agreed_total);
    for (i, payment) in d.agreed_payments().enumerate() {
        doc.add_f64(f.agreed_amount, payment.amount);
        doc.add_text(f.agreed_payment, payment_value(i, payment));
        for purpose in &payment.purpose {
            doc.add_text(f.purpose, purpose.as_str());
        }
    }
    for remedy in &d.remedies {
        doc.add_text(f.remedy, remedy.as_str());
    }
    for fault in &d.faults {
        doc.add_text(f.fault, &fault.kind);
    }
    if let Some(days) = d.deadline_days {
        doc.add_u64(f.deadline_days, days as u64);
    }
    doc.add_bool(f.shared_with_ofsted, d.shared_with_ofsted);
    doc
}

/// The `agreed_payment` value of the `i`th agreed payment:
/// `i|amount|purpose,purpose` (the position keeps equal payments distinct).
pub fn payment_value(i: usize, p: &Payment) -> String {
    let purposes: Vec<&str> = p.purpose.iter().map(|x| x.as_str()).collect();
    format!("{i}|{}|{}", p.amount, purposes.join(","))
}

/// Summary and sections as one searchable text, the same text snippets are cut from.
pub fn full_text(d: &Decision) -> String {
    let mut text = String::with_capacity(
        d.sections
            .iter()
            .map(|s| s.text.len() + s.heading.len() + 2)
            .sum::<usize>()
            + 256,
    );
    if let Some(summary) = &d.summary {
        text.push_str(summary);
        text.push('\n');
    }
    for section in &d.sections {
        text.push_str(&section.heading);
        text.push('\n');
        text.push_str(&section.text);
        text.push('\n');
    }
    text
}

/// An ISO date as a tantivy date at midnight UTC.
pub fn date_value(iso: &str) -> Option<DateTime> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(iso, format).ok()?;
    Some(DateTime::from_utc(date.midnight().assume_utc()))
}
