//! A tantivy collector that reads, for every matching decision, only the fast
//! fields a statistic needs. No stored text is loaded, so statistics stay fast
//! at 100,000 decisions.

use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentReader};

/// The facts of one decision that statistics are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Organisation as printed.
    pub organisation: Option<Arc<str>>,
    /// Category.
    pub category: Option<Arc<str>>,
    /// Sub-category.
    pub subcategory: Option<Arc<str>>,
    /// Outcome as printed.
    pub outcome: Option<Arc<str>>,
    /// Overall finding.
    pub finding: Option<Arc<str>>,
    /// Decision year.
    pub year: Option<u64>,
    /// Fault kinds (distinct).
    pub faults: Vec<Arc<str>>,
    /// Remedy kinds.
    pub remedies: Vec<Arc<str>>,
    /// Sum of agreed payments.
    pub agreed_total: f64,
    /// Each agreed payment: amount and purposes.
    pub payments: Vec<(f64, Vec<Arc<str>>)>,
}

/// Collects [`Facts`] for every matching document.
pub struct FactsCollector;

/// A string column with a per-segment cache of resolved ordinals.
struct Strings {
    column: Option<StrColumn>,
    cache: Vec<Option<Arc<str>>>,
}

impl Strings {
    fn open(reader: &SegmentReader, field: &str) -> tantivy::Result<Self> {
        let column = reader.fast_fields().str(field)?;
        let size = column.as_ref().map(|c| c.num_terms()).unwrap_or(0);
        Ok(Strings {
            column,
            cache: vec![None; size],
        })
    }

    fn values(&mut self, doc: DocId) -> Vec<Arc<str>> {
        let Some(column) = &self.column else {
            return Vec::new();
        };
        let ords: Vec<u64> = column.ords().values_for_doc(doc).collect();
        let mut out = Vec::with_capacity(ords.len());
        for ord in ords {
            let Some(slot) = self.cache.get_mut(ord as usize) else {
                continue;
            };
            if slot.is_none() {
                let mut text = String::new();
                if column.ord_to_str(ord, &mut text).unwrap_or(false) {
                    *slot = Some(Arc::from(text));
                }
            }
            if let Some(value) = slot {
                if !out.contains(value) {
                    out.push(value.clone());
                }
            }
        }
        out
    }

    fn first(&mut self, doc: DocId) -> Option<Arc<str>> {
        self.values(doc).into_iter().next()
    }
}

/// Per-segment state.
pub struct FactsSegment {
    organisation: Strings,
    category: Strings,
    subcategory: Strings,
    outcome: Strings,
    finding: Strings,
    fault: Strings,
    remedy: Strings,
    payment: Strings,
    year: Column<u64>,
    agreed_total: Column<f64>,
    facts: Vec<Facts>,
}

impl Collector for FactsCollector {
    type Fruit = Vec<Facts>;
    type Child = FactsSegment;

    fn for_segment(&self, _id: u32, reader: &SegmentReader) -> tantivy::Result<FactsSegment> {
        let fast = reader.fast_fields();
        Ok(FactsSegment {
            organisation: Strings::open(reader, "organisation")?,
            category: Strings::open(reader, "category")?,
            subcategory: Strings::open(reader, "subcategory")?,
            outcome: Strings::open(reader, "outcome")?,
            finding: Strings::open(reader, "finding")?,
            fault: Strings::open(reader, "fault")?,
            remedy: Strings::open(reader, "remedy")?,
            payment: Strings::open(reader, "agreed_payment")?,
            year: fast.u64("year")?,
            agreed_total: fast.f64("agreed_total")?,
            facts: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Facts>>) -> tantivy::Result<Vec<Facts>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for FactsSegment {
    type Fruit = Vec<Facts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let payments = self
            .payment
            .values(doc)
            .iter()
            .filter_map(|v| parse_payment(v))
            .collect();
        let facts = Facts {
            organisation: self.organisation.first(doc),
            category: self.category.first(doc),
            subcategory: self.subcategory.first(doc),
            outcome: self.outcome.first(doc),
            finding: self.finding.first(doc),
            year: self.year.first(doc),
            faults: self.fault.values(doc),
            remedies: self.remedy.values(doc),
            agreed_total: self.agreed_total.first(doc).unwrap_or(0.0),
            payments,
        };
        self.facts.push(facts);
    }

    fn harvest(self) -> Vec<Facts> {
        self.facts
    }
}

/// `0|300|distress,frustration` -> (300.0, [distress, frustration]).
fn parse_payment(value: &str) -> Option<(f64, Vec<Arc<str>>)> {
    let (_position, rest) = value.split_once('|')?;
    let (amount, purposes) = rest.split_once('|')?;
    let purposes = purposes
        .split(',')
        .filter(|p| !p.is_empty())
        .map(Arc::from)
        .collect();
    Some((amount.parse().ok()?, purposes))
}
