//! `stats --compare`: the figures of the decisions a selection picks out of
//! the set beside those of the rest of the set, each with its own
//! denominators, so one body (or any filter) can be read against all others.

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Weight};
use tantivy::{BitSet, DocId, Score, SegmentReader};

use super::collect::{Facts, FactsCollector, FactsSegment};
use super::{facts_needed, report, Statistic, StatsReport, StatsRequest};
use crate::index::DecisionIndex;
use crate::query::{build_query, Filters};

/// The decisions `--compare` picks out of the set: those a filter (one
/// field) or a query in the query language selects.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Selection {
    /// The selection as the user wrote it.
    pub label: String,
    /// Query string ('' when a filter selects).
    pub query: String,
    /// Filters.
    pub filters: Filters,
}

/// The two sides of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// What was counted.
    pub what: Statistic,
    /// What picks the selected side out of the set.
    pub compare: Selection,
    /// The decisions of the set the selection picks.
    pub selected: StatsReport,
    /// The other decisions of the set.
    pub rest: StatsReport,
}

/// Runs `request` over the decisions of its set that `selection` picks and
/// over the others, reading the set once.
pub fn compare(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    request: StatsRequest,
    selection: Selection,
) -> Result<Comparison> {
    let set = build_query(index, searcher, &request.query, &request.filters)?;
    let picked = build_query(index, searcher, &selection.query, &selection.filters)?
        .weight(EnableScoring::disabled_from_searcher(searcher))?;
    let needs = facts_needed(&request);
    let split = Split {
        sides: [FactsCollector::new(needs), FactsCollector::new(needs)],
        picked,
    };
    let [selected, rest] = searcher.search(&set, &split)?;
    let side = |i: usize, segments: &[Vec<Facts>]| {
        let facts: Vec<&Facts> = segments.iter().flatten().collect();
        report(&facts, &split.sides[i].names(), request.clone())
    };
    Ok(Comparison {
        what: request.what,
        selected: side(0, &selected),
        rest: side(1, &rest),
        compare: selection,
    })
}

/// Collects the facts of the set's decisions into two sides: those the
/// selection's weight matches, and the others. The selection is read as a
/// bit set per segment rather than excluded in a boolean query, because
/// tantivy's phrase scorer panics when a `MustNot` clause seeks it
/// backwards.
struct Split {
    sides: [FactsCollector; 2],
    picked: Box<dyn Weight>,
}

/// A segment's two sides and the selection's documents in it.
struct SplitSegment {
    sides: [FactsSegment; 2],
    picked: BitSet,
}

impl Collector for Split {
    type Fruit = [Vec<Vec<Facts>>; 2];
    type Child = SplitSegment;

    fn for_segment(&self, id: u32, reader: &SegmentReader) -> tantivy::Result<SplitSegment> {
        let mut picked = BitSet::with_max_value(reader.max_doc());
        self.picked
            .for_each_no_score(reader, &mut |docs: &[DocId]| {
                for &d in docs {
                    picked.insert(d);
                }
            })?;
        Ok(SplitSegment {
            sides: [
                self.sides[0].for_segment(id, reader)?,
                self.sides[1].for_segment(id, reader)?,
            ],
            picked,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<[Vec<Facts>; 2]>) -> tantivy::Result<[Vec<Vec<Facts>>; 2]> {
        let mut sides: [Vec<Vec<Facts>>; 2] = Default::default();
        for [selected, rest] in fruits {
            sides[0].push(selected);
            sides[1].push(rest);
        }
        Ok(sides)
    }
}

impl SegmentCollector for SplitSegment {
    type Fruit = [Vec<Facts>; 2];

    fn collect(&mut self, doc: DocId, score: Score) {
        let side = usize::from(!self.picked.contains(doc));
        self.sides[side].collect(doc, score);
    }

    fn harvest(self) -> [Vec<Facts>; 2] {
        let [selected, rest] = self.sides;
        [selected.harvest(), rest.harvest()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, indexed};

    #[test]
    fn compare_splits_the_set_into_the_selection_and_the_rest() {
        let decisions = corpus();
        let total = decisions.len();
        let (_dir, index) = indexed(decisions);
        let searcher = searcher(&index).expect("searcher");
        let selection = Selection {
            label: "organisation=Barnsley Metropolitan Borough Council".into(),
            filters: Filters {
                // The whole name: --organisation matches a name exactly.
                organisation: Some("Barnsley Metropolitan Borough Council".into()),
                ..Filters::default()
            },
            ..Selection::default()
        };
        let request = StatsRequest::plain(Statistic::Outcomes, &[]);
        let c = compare(&index, &searcher, request, selection).expect("runs");
        assert_eq!(c.selected.n_decisions, 1);
        assert_eq!(c.rest.n_decisions, total - 1);
        let json = serde_json::to_value(&c).expect("serialises");
        assert_eq!(json["selected"]["n_decisions"], 1);
        assert_eq!(
            json["compare"]["filters"]["organisation"],
            "Barnsley Metropolitan Borough Council"
        );
    }
}
