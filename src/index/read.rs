//! Reading decisions back: the stored record of a document, lookup by reference.

use anyhow::{Context, Result};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{DocAddress, Searcher, Term};

use super::failure;
use super::write::Record;
use super::DecisionIndex;
use crate::parse::Decision;

/// A searcher over the last commit.
pub fn searcher(index: &DecisionIndex) -> Result<Searcher> {
    let reader = index
        .index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| failure::explain(&e, &index.path, "cannot read index"))?;
    Ok(reader.searcher())
}

/// The stored decision of one document.
pub fn decision_at(
    index: &DecisionIndex,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<Decision> {
    decision_of(index, &stored_document(searcher, address)?)
}

/// The stored fields of one document (its text and record).
pub fn stored_document(searcher: &Searcher, address: DocAddress) -> Result<TantivyDocument> {
    searcher.doc(address).context("reading a stored document")
}

/// The decision a stored document holds: its record with the texts cut
/// back out of its stored `text`.
pub fn decision_of(index: &DecisionIndex, doc: &TantivyDocument) -> Result<Decision> {
    let unreadable = "stored decision record is unreadable; rebuild the index with --rebuild";
    let bytes = doc
        .get_first(index.fields.record)
        .and_then(|v| v.as_bytes())
        .unwrap_or_default();
    let text = doc
        .get_first(index.fields.text)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    Record::from_bytes(bytes)
        .context(unreadable)?
        .with_text(text)
        .context(unreadable)
}

/// The decision with this canonical reference, if indexed.
pub fn decision_by_reference(
    index: &DecisionIndex,
    searcher: &Searcher,
    reference: &str,
) -> Result<Option<Decision>> {
    let query = TermQuery::new(
        Term::from_field_text(index.fields.reference, reference),
        IndexRecordOption::Basic,
    );
    let hits = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .context("looking up a reference")?;
    hits.first()
        .map(|(_, address)| decision_at(index, searcher, *address))
        .transpose()
}
