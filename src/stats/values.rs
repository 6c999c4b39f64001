//! The distinct values of fields and how many decisions have each, over the
//! decisions a query selects: what `ombuds values` prints, what filter values
//! are checked against, and the counts beside the serve page's facets.
//!
//! Several fields are counted in one pass over the matching documents,
//! reading only their fast fields. Each segment counts by dictionary
//! ordinal in flat arrays, so a document costs a few array increments and
//! no allocation; strings are made once per distinct value per segment.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, Score, SegmentReader};

/// The label `stats outcomes` gives decisions with no outcome line.
pub use super::figures::NO_OUTCOME;
use crate::index::schema::{decode_payment, name};
use crate::names::name_of;
use crate::parse::PaymentRole;
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
    let collector = ValuesCollector {
        fields: fields.to_vec(),
    };
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let executor = tantivy::Executor::single_thread();
    let tallies = searcher.search_with_executor(query, &collector, &executor, scoring)?;
    Ok(merge(fields, tallies))
}

/// What one segment counted for one field: `(value, decisions)` pairs,
/// organisation names as spelled.
#[derive(Debug, Default)]
struct Tallied {
    values: Vec<(String, usize)>,
    missing: usize,
}

/// One segment's tallies, one per field, and its matching documents.
type SegmentFruit = (Vec<Tallied>, usize);

struct ValuesCollector {
    fields: Vec<ValueField>,
}

/// Counts of one field in one segment.
enum Tally {
    /// A string fast field, counted by ordinal. `last` holds, per ordinal,
    /// the last document counted plus one, so that a value a document has
    /// twice counts once.
    Strings {
        column: Option<StrColumn>,
        counts: Vec<u32>,
        last: Vec<DocId>,
        missing: u32,
    },
    /// Payment roles, read from the encoded `payment` values.
    Roles {
        column: Option<StrColumn>,
        role_of_ord: Vec<Option<PaymentRole>>,
        counts: [u32; PaymentRole::ALL.len()],
        missing: u32,
    },
    /// Years.
    Years {
        column: Column<u64>,
        counts: HashMap<u64, u32>,
        missing: u32,
    },
}

fn string_field(field: ValueField) -> &'static str {
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

impl Tally {
    fn open(reader: &SegmentReader, field: ValueField) -> tantivy::Result<Tally> {
        let fast = reader.fast_fields();
        Ok(match field {
            ValueField::Year => Tally::Years {
                column: fast.u64(name::YEAR)?,
                counts: HashMap::new(),
                missing: 0,
            },
            ValueField::Role => {
                let column = fast.str(name::PAYMENT)?;
                let mut role_of_ord = Vec::new();
                if let Some(column) = &column {
                    let mut terms = column.dictionary().stream()?;
                    while terms.advance() {
                        let value = String::from_utf8_lossy(terms.key());
                        role_of_ord.push(decode_payment(&value).map(|(role, _, _)| role));
                    }
                }
                Tally::Roles {
                    column,
                    role_of_ord,
                    counts: [0; PaymentRole::ALL.len()],
                    missing: 0,
                }
            }
            _ => {
                let column = fast.str(string_field(field))?;
                let n = column.as_ref().map_or(0, |c| c.num_terms());
                Tally::Strings {
                    column,
                    counts: vec![0; n],
                    last: vec![0; n],
                    missing: 0,
                }
            }
        })
    }

    fn collect(&mut self, doc: DocId) {
        match self {
            Tally::Strings {
                column,
                counts,
                last,
                missing,
            } => {
                let mut any = false;
                if let Some(column) = column {
                    for ord in column.ords().values_for_doc(doc) {
                        let ord = ord as usize;
                        if ord < counts.len() && last[ord] != doc + 1 {
                            last[ord] = doc + 1;
                            counts[ord] += 1;
                        }
                        any = true;
                    }
                }
                if !any {
                    *missing += 1;
                }
            }
            Tally::Roles {
                column,
                role_of_ord,
                counts,
                missing,
            } => {
                let mut seen = 0u8;
                if let Some(column) = column {
                    for ord in column.ords().values_for_doc(doc) {
                        if let Some(Some(role)) = role_of_ord.get(ord as usize) {
                            seen |= 1 << *role as u8;
                        }
                    }
                }
                if seen == 0 {
                    *missing += 1;
                }
                for (i, count) in counts.iter_mut().enumerate() {
                    if seen & (1 << i) != 0 {
                        *count += 1;
                    }
                }
            }
            Tally::Years {
                column,
                counts,
                missing,
            } => match column.first(doc) {
                Some(year) => *counts.entry(year).or_default() += 1,
                None => *missing += 1,
            },
        }
    }

    fn harvest(self) -> Tallied {
        match self {
            Tally::Strings {
                column,
                counts,
                missing,
                ..
            } => {
                let mut values = Vec::new();
                if let Some(column) = column {
                    // Streaming the dictionary decodes each block once; a
                    // failed read leaves the values it could not name out.
                    if let Ok(mut terms) = column.dictionary().stream() {
                        let mut ord = 0;
                        while terms.advance() {
                            if let Some(&n) = counts.get(ord).filter(|&&n| n > 0) {
                                let value = String::from_utf8_lossy(terms.key()).into_owned();
                                values.push((value, n as usize));
                            }
                            ord += 1;
                        }
                    }
                }
                Tallied {
                    values,
                    missing: missing as usize,
                }
            }
            Tally::Roles {
                counts, missing, ..
            } => Tallied {
                values: PaymentRole::ALL
                    .iter()
                    .zip(counts)
                    .filter(|(_, n)| *n > 0)
                    .map(|(role, n)| (name_of(role).to_string(), n as usize))
                    .collect(),
                missing: missing as usize,
            },
            Tally::Years {
                counts, missing, ..
            } => Tallied {
                values: counts
                    .into_iter()
                    .map(|(year, n)| (year.to_string(), n as usize))
                    .collect(),
                missing: missing as usize,
            },
        }
    }
}

struct ValuesSegment {
    tallies: Vec<Tally>,
    docs: usize,
}

impl Collector for ValuesCollector {
    type Fruit = Vec<SegmentFruit>;
    type Child = ValuesSegment;

    fn for_segment(&self, _id: u32, reader: &SegmentReader) -> tantivy::Result<ValuesSegment> {
        let tallies = self
            .fields
            .iter()
            .map(|&field| Tally::open(reader, field))
            .collect::<tantivy::Result<_>>()?;
        Ok(ValuesSegment { tallies, docs: 0 })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Vec<SegmentFruit>> {
        Ok(fruits)
    }
}

impl SegmentCollector for ValuesSegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs += 1;
        for tally in &mut self.tallies {
            tally.collect(doc);
        }
    }

    fn harvest(self) -> SegmentFruit {
        let tallies = self.tallies.into_iter().map(Tally::harvest).collect();
        (tallies, self.docs)
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
            let mut values: Vec<ValueCount> = if field == ValueField::Organisation {
                let mut spellings = Spellings::default();
                for (spelling, n) in pairs {
                    spellings.add(&spelling, n);
                }
                spellings.bodies().into_iter().map(count_of).collect()
            } else {
                let mut by_value: HashMap<String, usize> = HashMap::new();
                for (value, n) in pairs {
                    *by_value.entry(value).or_default() += n;
                }
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
    use crate::parse::Decision;
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
