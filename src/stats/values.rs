//! The distinct values of fields and how many decisions have each, over the
//! decisions a query selects: what `ombuds values` prints, what filter values
//! are checked against, and the counts beside the serve page's facets.
//!
//! The matching documents of each segment are collected once, then each
//! field is counted over them in its decoded form ([`dense`]), kept for the
//! process: a document costs a few array increments a field and no
//! allocation; strings are made once per distinct value counted.

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, Score, SegmentReader};

use super::dense::{self, DenseValues};
/// The label `stats outcomes` gives decisions with no outcome line.
pub use super::figures::NO_OUTCOME;
use crate::query::organisation::Spellings;

/// A field whose values can be listed and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ValueField {
    /// Organisation, spelling variants counted as one body.
    Organisation,
    /// Category.
    Category,
    /// Sub-category.
    Subcategory,
    /// Outcome as printed.
    Outcome,
    /// Overall finding.
    Finding,
    /// Fault kind (a decision counts once in each of its kinds).
    Fault,
    /// Remedy kind.
    Remedy,
    /// Purpose of an agreed payment.
    Purpose,
    /// Role of a payment (agreed, accepted, offered, claimed, other).
    Role,
    /// Year of the decision date (listed in time order).
    Year,
}

/// One value and the decisions that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueCount {
    /// The value as printed (for organisations, the most used spelling).
    pub value: String,
    /// Decisions with this value.
    pub decisions: usize,
}

/// The values of one field over a set of decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValues {
    /// The field.
    pub field: ValueField,
    /// Values by decisions, then value; years in time order.
    pub values: Vec<ValueCount>,
    /// Decisions with no value for the field.
    pub missing_decisions: usize,
    /// Decisions in the set.
    pub total_decisions: usize,
}

impl FieldValues {
    /// The decisions having `value`, compared case-insensitively.
    pub fn decisions_with(&self, value: &str) -> Option<usize> {
        self.values
            .iter()
            .find(|v| v.value.eq_ignore_ascii_case(value.trim()))
            .map(|v| v.decisions)
    }
}

/// Counts the values of each of `fields` over the decisions `query` matches,
/// in one pass on the calling thread.
pub fn count(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    fields: &[ValueField],
) -> Result<Vec<FieldValues>> {
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let executor = tantivy::Executor::single_thread();
    Ok(searcher.search_with_executor(query, &collector(fields), &executor, scoring)?)
}

/// The collector [`count`] runs, for a search that counts as it collects
/// its hits: its fruit is the counts of `fields`.
pub fn collector(fields: &[ValueField]) -> ValuesCollector {
    ValuesCollector {
        fields: fields.to_vec(),
    }
}

/// What one segment counted for one field: `(value, decisions)` pairs,
/// organisation names as spelled.
#[derive(Debug, Default)]
pub struct Tallied {
    values: Vec<(String, usize)>,
    missing: usize,
}

/// One segment's tallies, one per field, and its matching documents.
type SegmentFruit = (Vec<Tallied>, usize);

/// Counts fields over the decisions collected (see [`collector`]).
pub struct ValuesCollector {
    fields: Vec<ValueField>,
}

/// One segment's matching documents, and its decoded fields to count them
/// in.
pub struct ValuesSegment {
    fields: Vec<Arc<DenseValues>>,
    docs: Vec<DocId>,
}

impl Collector for ValuesCollector {
    type Fruit = Vec<FieldValues>;
    type Child = ValuesSegment;

    fn for_segment(&self, _id: u32, reader: &SegmentReader) -> tantivy::Result<ValuesSegment> {
        let fields = self
            .fields
            .iter()
            .map(|&field| dense::values(reader, field))
            .collect::<tantivy::Result<_>>()?;
        Ok(ValuesSegment {
            fields,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Vec<FieldValues>> {
        Ok(merge(&self.fields, fruits))
    }
}

impl SegmentCollector for ValuesSegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs.push(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.docs.extend_from_slice(docs);
    }

    fn harvest(self) -> SegmentFruit {
        let tallies = self
            .fields
            .iter()
            .map(|values| tally(values, &self.docs))
            .collect();
        (tallies, self.docs.len())
    }
}

/// Counts one field over `docs`, field by field so that each field's arrays
/// are walked while they are in cache; strings are made once per distinct
/// value counted.
fn tally(values: &DenseValues, docs: &[DocId]) -> Tallied {
    let mut counts = values.count(docs);
    let missing = counts.pop().unwrap_or(0) as usize;
    Tallied {
        values: values
            .names
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| (name.clone(), n as usize))
            .collect(),
        missing,
    }
}

/// The segments' tallies as one [`FieldValues`] per field, sorted.
fn merge(fields: &[ValueField], segments: Vec<SegmentFruit>) -> Vec<FieldValues> {
    let total: usize = segments.iter().map(|s| s.1).sum();
    let mut per_field: Vec<Vec<Tallied>> = fields.iter().map(|_| Vec::new()).collect();
    for (tallies, _) in segments {
        for (i, tallied) in tallies.into_iter().enumerate() {
            if let Some(slot) = per_field.get_mut(i) {
                slot.push(tallied);
            }
        }
    }
    fields
        .iter()
        .zip(per_field)
        .map(|(&field, tallies)| {
            let missing = tallies.iter().map(|t| t.missing).sum();
            let pairs = tallies.into_iter().flat_map(|t| t.values);
            let mut by_value: HashMap<String, usize> = HashMap::new();
            for (value, n) in pairs {
                *by_value.entry(value).or_default() += n;
            }
            let mut values: Vec<ValueCount> = if field == ValueField::Organisation {
                // Segments spell mostly the same names: each spelling is
                // keyed once, not once a segment.
                let mut spellings = Spellings::default();
                for (spelling, n) in by_value {
                    spellings.add(&spelling, n);
                }
                spellings.bodies().into_iter().map(count_of).collect()
            } else {
                by_value.into_iter().map(count_of).collect()
            };
            sort(field, &mut values);
            FieldValues {
                field,
                values,
                missing_decisions: missing,
                total_decisions: total,
            }
        })
        .collect()
}

fn count_of((value, decisions): (String, usize)) -> ValueCount {
    ValueCount { value, decisions }
}

/// Most decisions first, then by value; years in time order.
fn sort(field: ValueField, values: &mut [ValueCount]) {
    if field == ValueField::Year {
        values.sort_by_key(|v| (v.value.parse::<u64>().unwrap_or(u64::MAX), v.value.clone()));
    } else {
        values.sort_by(|a, b| {
            b.decisions
                .cmp(&a.decisions)
                .then_with(|| a.value.cmp(&b.value))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};
    use crate::names::name_of;
    use crate::parse::{Decision, PaymentRole};
    use tantivy::query::AllQuery;

    fn with(reference: &str, org: &str, faults: &[&str], year: Option<i32>) -> Decision {
        let mut d = corpus().remove(0);
        d.reference = reference.to_string();
        d.organisation = Some(org.to_string());
        let template = d.faults.first().cloned();
        d.faults = faults
            .iter()
            .filter_map(|&kind| {
                template.clone().map(|mut f| {
                    f.kind = kind.to_string();
                    f
                })
            })
            .collect();
        d.decision_date =
            year.and_then(|y| time::Date::from_calendar_date(y, time::Month::March, 1).ok());
        d
    }

    fn pairs(values: &FieldValues) -> Vec<(&str, usize)> {
        values
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.decisions))
            .collect()
    }

    #[test]
    fn merge_adds_each_spelling_over_segments_before_choosing_a_bodys_name() {
        let tallied = |values: &[(&str, usize)]| Tallied {
            values: values.iter().map(|(v, n)| (v.to_string(), *n)).collect(),
            missing: 1,
        };
        // "Norfolk County Council" wins only once its two segments add up.
        let segments = vec![
            (
                vec![tallied(&[
                    ("Norfolk County Council", 2),
                    ("Ely Council", 1),
                ])],
                4,
            ),
            (
                vec![tallied(&[
                    ("Norfolk County Council", 2),
                    ("NORFOLK COUNTY COUNCIL.", 3),
                ])],
                6,
            ),
        ];
        let merged = merge(&[ValueField::Organisation], segments);
        assert_eq!(
            pairs(&merged[0]),
            [("Norfolk County Council", 7), ("Ely Council", 1)]
        );
        assert_eq!(
            (merged[0].missing_decisions, merged[0].total_decisions),
            (2, 10)
        );
    }

    #[test]
    fn count_lists_several_fields_in_one_pass_once_per_decision() {
        let decisions = vec![
            with(
                "A",
                "Norfolk County Council",
                &["delay", "delay"],
                Some(2023),
            ),
            with(
                "B",
                "norfolk county council",
                &["delay", "poor_communication"],
                Some(2021),
            ),
            with("C", "NORFOLK COUNTY COUNCIL.", &[], Some(2023)),
            with(
                "D",
                "South Norfolk District Council",
                &["poor_communication"],
                None,
            ),
        ];
        assert!(decisions[0].faults.len() == 2, "the template has a fault");
        let (_dir, index) = indexed(decisions);
        let searcher = searcher(&index).expect("searcher");
        let fields = [
            ValueField::Organisation,
            ValueField::Fault,
            ValueField::Year,
        ];
        let got = count(&searcher, &AllQuery, &fields).expect("counts");
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|f| f.total_decisions == 4));
        // Three spellings of one body are one row, printed as the first of
        // the spellings in byte order (each has one decision).
        assert_eq!(
            pairs(&got[0]),
            [
                ("NORFOLK COUNTY COUNCIL.", 3),
                ("South Norfolk District Council", 1)
            ]
        );
        // A kind found twice in one decision counts once; C has none.
        assert_eq!(pairs(&got[1]), [("delay", 2), ("poor_communication", 2)]);
        assert_eq!(got[1].missing_decisions, 1);
        // Years run in time order, the missing one counted apart.
        assert_eq!(pairs(&got[2]), [("2021", 1), ("2023", 2)]);
        assert_eq!(got[2].missing_decisions, 1);
        assert_eq!(got[1].decisions_with("DELAY"), Some(2));
        assert_eq!(got[1].decisions_with("late"), None);
    }

    #[test]
    fn count_of_roles_counts_decisions_with_a_payment_of_each_role() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        let got = count(&searcher, &AllQuery, &[ValueField::Role]).expect("counts");
        let expected: Vec<(String, usize)> = PaymentRole::ALL
            .iter()
            .map(|role| {
                let n = corpus()
                    .iter()
                    .filter(|d| {
                        d.payments
                            .iter()
                            .any(|p| p.role == *role && p.period.is_none())
                    })
                    .count();
                (name_of(role).to_string(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut got: Vec<(String, usize)> = got[0]
            .values
            .iter()
            .map(|v| (v.value.clone(), v.decisions))
            .collect();
        got.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(got, expected);
        assert!(!got.is_empty());
    }
}
