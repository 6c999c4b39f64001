//! A segment's values of one countable field, decoded once per process into
//! plain arrays.
//!
//! Counting a field over the decisions a query matches read each document's
//! values through its fast-field column (an optional index, then bit-packed
//! ordinals), and named the counted ordinals by streaming the field's
//! dictionary: for the serve search page, which counts eight fields over
//! every matching decision, that was half of the page's work. A segment
//! never changes once written, so each field is decoded once, keyed by the
//! segment's id, into each document's value ids (deduplicated, in offsets
//! and values arrays) and the value each id names; a count is then a few
//! array increments a document.

use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::{DocId, SegmentReader};

use super::values::ValueField;
use crate::index::schema::name;
use crate::names::name_of;
use crate::parse::PaymentRole;

/// Fields kept per segment times the segments kept; the oldest goes first.
/// An index has a handful of segments, and one ingest replaces them by a few
/// more.
const KEPT: usize = 32 * 10;

/// One segment's values of one field.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DenseValues {
    layout: Layout,
    /// The value each id names: a dictionary term, a role's name or a year.
    pub names: Vec<String>,
}

/// Each document's value ids.
#[derive(Debug, PartialEq, Eq)]
enum Layout {
    /// At most one value a document (most fields): its id, or [`NONE`].
    Single(Vec<u32>),
    /// Several values a document: where each document's ids start in `ids`
    /// (one more entry than the segment has documents, the last being
    /// `ids.len()`), and the ids, each once a document.
    Multi { starts: Vec<u32>, ids: Vec<u32> },
}

impl Default for Layout {
    fn default() -> Layout {
        Layout::Single(Vec::new())
    }
}

/// The id a document with no value has in [`Layout::Single`].
const NONE: u32 = u32::MAX;

impl DenseValues {
    /// The value ids of `doc`, empty for a document with no value (or one
    /// outside the segment).
    pub fn ids(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        match &self.layout {
            Layout::Single(single) => match single.get(doc) {
                Some(id) if *id != NONE => std::slice::from_ref(id),
                _ => &[],
            },
            Layout::Multi { starts, ids } => match (starts.get(doc), starts.get(doc + 1)) {
                (Some(&from), Some(&to)) => ids.get(from as usize..to as usize).unwrap_or(&[]),
                _ => &[],
            },
        }
    }

    /// Counts, for each id, the documents of `docs` having it, and the
    /// documents having none (the last entry): `names.len() + 1` counts.
    pub fn count(&self, docs: &[DocId]) -> Vec<u32> {
        let none = self.names.len();
        let mut counts = vec![0u32; none + 1];
        match &self.layout {
            Layout::Single(single) => {
                for &doc in docs {
                    let id = single.get(doc as usize).copied().unwrap_or(NONE);
                    // NONE and any id past the names count as no value.
                    let at = (id as usize).min(none);
                    counts[at] += 1;
                }
            }
            Layout::Multi { .. } => {
                for &doc in docs {
                    let ids = self.ids(doc);
                    if ids.is_empty() {
                        counts[none] += 1;
                    }
                    for &id in ids {
                        if let Some(count) = counts.get_mut(id as usize) {
                            *count += 1;
                        }
                    }
                }
            }
        }
        counts
    }

    /// Builds the arrays from each document's ids, in document order.
    fn from_docs(names: Vec<String>, docs: impl Iterator<Item = Vec<u32>>) -> DenseValues {
        let mut starts = vec![0];
        let mut ids = Vec::new();
        for mut of_doc in docs {
            // A value a document has twice counts once.
            of_doc.sort_unstable();
            of_doc.dedup();
            ids.extend(of_doc);
            starts.push(ids.len() as u32);
        }
        let layout = if starts.windows(2).all(|w| w[1] - w[0] <= 1) {
            let single = starts
                .windows(2)
                .map(|w| {
                    if w[1] > w[0] {
                        ids[w[0] as usize]
                    } else {
                        NONE
                    }
                })
                .collect();
            Layout::Single(single)
        } else {
            Layout::Multi { starts, ids }
        };
        DenseValues { layout, names }
    }
}

/// The decoded values of `field` in `reader`'s segment: kept from an earlier
/// call, or decoded now and kept.
pub fn values(reader: &SegmentReader, field: ValueField) -> tantivy::Result<Arc<DenseValues>> {
    type Kept = Vec<((SegmentId, ValueField), Arc<DenseValues>)>;
    static KEPT_VALUES: Mutex<Kept> = Mutex::new(Vec::new());
    let key = (reader.segment_id(), field);
    super::payments::keep(&KEPT_VALUES, KEPT, key, || decode(reader, field))
}

/// The fast field holding `field`'s values.
pub fn column_name(field: ValueField) -> &'static str {
    match field {
        ValueField::Organisation => name::ORGANISATION,
        ValueField::Category => name::CATEGORY,
        ValueField::Subcategory => name::SUBCATEGORY,
        ValueField::Outcome => name::OUTCOME,
        ValueField::Finding => name::FINDING,
        ValueField::Fault => name::FAULT,
        ValueField::Remedy => name::REMEDY,
        ValueField::Purpose => name::PURPOSE,
        ValueField::Role => name::PAYMENT,
        ValueField::Year => name::YEAR,
    }
}

/// Reads every document's values of `field` from its column.
fn decode(reader: &SegmentReader, field: ValueField) -> tantivy::Result<DenseValues> {
    let fast = reader.fast_fields();
    let docs = 0..reader.max_doc();
    Ok(match field {
        ValueField::Year => {
            let column = fast.u64(name::YEAR)?;
            let mut years: Vec<u64> = docs.clone().filter_map(|d| column.first(d)).collect();
            years.sort_unstable();
            years.dedup();
            let id = |year: u64| years.binary_search(&year).map_or(0, |at| at as u32);
            let ids: Vec<Vec<u32>> = docs
                .map(|d| column.first(d).map(id).into_iter().collect())
                .collect();
            let names = years.iter().map(u64::to_string).collect();
            DenseValues::from_docs(names, ids.into_iter())
        }
        ValueField::Role => {
            let names = PaymentRole::ALL
                .iter()
                .map(|role| name_of(role).to_string())
                .collect();
            let Some(column) = fast.str(name::PAYMENT)? else {
                return Ok(DenseValues::from_docs(names, docs.map(|_| Vec::new())));
            };
            let terms = super::payments::terms(reader.segment_id(), &column)?;
            let role_of = |ord: u64| {
                let term = terms.terms.get(ord as usize).copied().flatten();
                term.and_then(|(role, _, _)| PaymentRole::ALL.iter().position(|r| *r == role))
            };
            let ids = docs.map(|d| {
                column
                    .ords()
                    .values_for_doc(d)
                    .filter_map(role_of)
                    .map(|at| at as u32)
                    .collect()
            });
            DenseValues::from_docs(names, ids)
        }
        _ => {
            let Some(column) = fast.str(column_name(field))? else {
                return Ok(DenseValues::from_docs(Vec::new(), docs.map(|_| Vec::new())));
            };
            // Streaming the dictionary decodes each block once.
            let mut names = Vec::with_capacity(column.num_terms());
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                names.push(String::from_utf8_lossy(terms.key()).into_owned());
            }
            let ids = docs.map(|d| {
                column
                    .ords()
                    .values_for_doc(d)
                    .map(|ord| ord as u32)
                    .collect()
            });
            DenseValues::from_docs(names, ids)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};

    #[test]
    fn from_docs_keeps_each_documents_ids_once_and_none_for_the_rest() {
        let names = vec!["a".to_string(), "b".to_string()];
        let docs = vec![vec![1, 0, 1], vec![], vec![0]];
        let dense = DenseValues::from_docs(names, docs.into_iter());
        assert_eq!(dense.ids(0), [0, 1]);
        assert_eq!(dense.ids(1), [] as [u32; 0]);
        assert_eq!(dense.ids(2), [0]);
        assert_eq!(dense.ids(3), [] as [u32; 0], "past the last document");
        assert!(matches!(dense.layout, Layout::Multi { .. }));
        // Counts per id, then the documents with none; a listed document
        // past the segment has none.
        assert_eq!(dense.count(&[0, 1, 2, 2, 7]), [3, 1, 2]);
    }

    #[test]
    fn single_valued_fields_keep_one_id_a_document_and_count_alike() {
        let names = vec!["a".to_string(), "b".to_string()];
        let docs = vec![vec![1], vec![], vec![0, 0]];
        let dense = DenseValues::from_docs(names, docs.into_iter());
        assert!(matches!(dense.layout, Layout::Single(_)));
        assert_eq!(dense.ids(0), [1]);
        assert_eq!(dense.ids(1), [] as [u32; 0]);
        assert_eq!(dense.ids(2), [0]);
        assert_eq!(dense.ids(3), [] as [u32; 0]);
        assert_eq!(dense.count(&[0, 1, 2, 0, 9]), [1, 2, 2]);
    }

    #[test]
    fn decoded_values_match_the_columns_and_are_kept_per_segment() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        let reader = &searcher.segment_readers()[0];
        let fast = reader.fast_fields();
        for field in [ValueField::Fault, ValueField::Organisation] {
            let dense = values(reader, field).expect("decodes");
            let column = fast
                .str(column_name(field))
                .expect("reads")
                .expect("a column");
            assert_eq!(dense.names.len(), column.num_terms());
            let mut any = false;
            for doc in 0..reader.max_doc() {
                let mut ords: Vec<u32> = column
                    .ords()
                    .values_for_doc(doc)
                    .map(|o| o as u32)
                    .collect();
                ords.sort_unstable();
                ords.dedup();
                assert_eq!(dense.ids(doc), ords, "{field:?} doc {doc}");
                any |= !ords.is_empty();
            }
            assert!(any, "{field:?}: the corpus has values");
            let again = values(reader, field).expect("decodes");
            assert!(Arc::ptr_eq(&dense, &again), "{field:?} is kept");
        }
        let years = values(reader, ValueField::Year).expect("decodes");
        let column = fast.u64(name::YEAR).expect("a year column");
        for doc in 0..reader.max_doc() {
            let named: Vec<&str> = years
                .ids(doc)
                .iter()
                .map(|&id| years.names[id as usize].as_str())
                .collect();
            let year = column.first(doc).map(|y| y.to_string());
            assert_eq!(named, year.as_deref().into_iter().collect::<Vec<_>>());
        }
    }
}
