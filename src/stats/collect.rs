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
    /// Decision year, as text (it is only ever a group key).
    pub year: Option<Arc<str>>,
    /// Fault kinds (distinct).
    pub faults: Vec<Arc<str>>,
    /// Remedy kinds.
    pub remedies: Vec<Arc<str>>,
    /// Sum of agreed payments.
    pub agreed_total: f64,
    /// Each agreed payment: amount and purposes.
    pub payments: Vec<(f64, Vec<Arc<str>>)>,
}

/// Which facts a statistic needs; the others are never read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// Organisation.
    pub organisation: bool,
    /// Category.
    pub category: bool,
    /// Sub-category.
    pub subcategory: bool,
    /// Outcome.
    pub outcome: bool,
    /// Finding.
    pub finding: bool,
    /// Year.
    pub year: bool,
    /// Fault kinds.
    pub faults: bool,
    /// Remedy kinds.
    pub remedies: bool,
    /// Agreed payments and total.
    pub payments: bool,
}

/// Collects [`Facts`] for every matching document, reading only what
/// [`Needs`] asks for.
pub struct FactsCollector {
    /// The facts to read.
    pub needs: Needs,
}

/// A string column with its whole dictionary decoded once per segment.
///
/// Resolving ordinals one at a time (`ord_to_str`) decompresses a dictionary
/// block per call, which dominated `stats` time; streaming the dictionary in
/// ordinal order decodes each block once.
struct Strings {
    column: Option<StrColumn>,
    terms: Vec<Arc<str>>,
}

impl Strings {
    fn open(reader: &SegmentReader, field: &str, needed: bool) -> tantivy::Result<Self> {
        let column = if needed {
            reader.fast_fields().str(field)?
        } else {
            None
        };
        let mut terms = Vec::new();
        if let Some(column) = &column {
            terms.reserve(column.num_terms());
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                terms.push(Arc::from(String::from_utf8_lossy(stream.key()).as_ref()));
            }
        }
        Ok(Strings { column, terms })
    }

    fn values(&self, doc: DocId) -> Vec<Arc<str>> {
        let Some(column) = &self.column else {
            return Vec::new();
        };
        let mut out: Vec<Arc<str>> = Vec::new();
        for ord in column.ords().values_for_doc(doc) {
            if let Some(value) = self.terms.get(ord as usize) {
                if !out.contains(value) {
                    out.push(value.clone());
                }
            }
        }
        out
    }

    fn first(&self, doc: DocId) -> Option<Arc<str>> {
        let column = self.column.as_ref()?;
        let ord = column.ords().first(doc)?;
        self.terms.get(ord as usize).cloned()
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
    year: Option<Column<u64>>,
    year_names: std::collections::HashMap<u64, Arc<str>>,
    agreed_total: Option<Column<f64>>,
    facts: Vec<Facts>,
}

impl Collector for FactsCollector {
    type Fruit = Vec<Facts>;
    type Child = FactsSegment;

    fn for_segment(&self, _id: u32, reader: &SegmentReader) -> tantivy::Result<FactsSegment> {
        let fast = reader.fast_fields();
        let n = self.needs;
        Ok(FactsSegment {
            organisation: Strings::open(reader, "organisation", n.organisation)?,
            category: Strings::open(reader, "category", n.category)?,
            subcategory: Strings::open(reader, "subcategory", n.subcategory)?,
            outcome: Strings::open(reader, "outcome", n.outcome)?,
            finding: Strings::open(reader, "finding", n.finding)?,
            fault: Strings::open(reader, "fault", n.faults)?,
            remedy: Strings::open(reader, "remedy", n.remedies)?,
            payment: Strings::open(reader, "agreed_payment", n.payments)?,
            year_names: std::collections::HashMap::new(),
            year: if n.year {
                Some(fast.u64("year")?)
            } else {
                None
            },
            agreed_total: if n.payments {
                Some(fast.f64("agreed_total")?)
            } else {
                None
            },
            facts: Vec::with_capacity(reader.max_doc() as usize),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<Vec<Facts>>) -> tantivy::Result<Vec<Facts>> {
        // Reuse the largest segment's vector rather than copying everything.
        fruits.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let mut all = fruits.pop().unwrap_or_default();
        if let Some(largest) = fruits.first_mut() {
            std::mem::swap(&mut all, largest);
        }
        for fruit in fruits {
            all.extend(fruit);
        }
        Ok(all)
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
            year: self.year.as_ref().and_then(|c| c.first(doc)).map(|y| {
                self.year_names
                    .entry(y)
                    .or_insert_with(|| Arc::from(y.to_string()))
                    .clone()
            }),
            faults: self.fault.values(doc),
            remedies: self.remedy.values(doc),
            agreed_total: self
                .agreed_total
                .as_ref()
                .and_then(|c| c.first(doc))
                .unwrap_or(0.0),
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
