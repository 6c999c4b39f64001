//! `--by`: the rows of a grouped statistic. Each counted unit (a decision,
//! or one payment of it) joins the group of each of its key values; groups
//! under `--min-count` or beyond `--top` fold into one "(other)" row; the
//! rows are then put in display order and their figures computed.
//!
//! A key value is a small number (a name's [`Name::index`], a period's
//! offset from the first), so a unit finds its group by an array lookup, and
//! a group keeps the distinct decisions it holds as it fills. Payment values
//! reach each group in the set's one ascending order, so no group sorts its
//! own.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use super::collect::{Facts, Name};
use super::figures;
use super::period::Span;
use super::set::Set;
use super::{Group, GroupField, PaymentBasis, Statistic, StatsRequest, NONE, OTHER};
use crate::names::name_of;

/// What is counted: a decision, or one counted payment of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    /// Index into the facts.
    doc: u32,
    /// Index into the decision's payments, for per-payment statistics.
    payment: Option<u32>,
}

/// Whether `request` counts each payment (else each decision).
fn per_payment(request: &StatsRequest) -> bool {
    request.what == Statistic::Payments && request.per == PaymentBasis::Payment
}

/// The units of a set: a decision each, or per payment each counted
/// payment (a decision without one still a unit, of no payment), in
/// decision order.
fn units(facts: &[&Facts], request: &StatsRequest) -> Vec<Unit> {
    let per_payment = per_payment(request);
    let mut units = Vec::with_capacity(facts.len());
    for (doc, f) in facts.iter().enumerate() {
        let doc = doc as u32;
        if per_payment && !f.payments.is_empty() {
            units.extend((0..f.payments.len() as u32).map(|i| Unit {
                doc,
                payment: Some(i),
            }));
        } else {
            units.push(Unit { doc, payment: None });
        }
    }
    units
}

/// One place of a group's key: an interned value, or the ordinal of a time
/// key's period (so periods sort in time order and gaps can be counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Name(Name),
    Period(u32),
}

/// A group's key: one value per `--by` field (at most two); `None` is a
/// missing value, and unused places stay `None`.
type Key = [Option<Part>; 2];

/// The values one unit has for a grouping field: one value, or a
/// multi-valued field's names, borrowed where they can be so grouping
/// allocates nothing per decision.
enum Values<'a> {
    One(Option<Part>),
    Many(Cow<'a, [Name]>),
}

impl Values<'_> {
    /// Each value; a multi-valued field with none has the missing value.
    fn each(&self) -> impl Iterator<Item = Option<Part>> + '_ {
        let (one, many): (Option<Option<Part>>, &[Name]) = match self {
            Values::One(part) => (Some(*part), &[]),
            Values::Many(names) if names.is_empty() => (Some(None), &[]),
            Values::Many(names) => (None, names),
        };
        one.into_iter()
            .chain(many.iter().map(|&n| Some(Part::Name(n))))
    }
}

fn key_values(f: &Facts, unit: Unit, field: GroupField) -> Values<'_> {
    let one = |v: Option<Name>| Values::One(v.map(Part::Name));
    match field {
        GroupField::Organisation => one(f.organisation),
        GroupField::Category => one(f.category),
        GroupField::Subcategory => one(f.subcategory),
        GroupField::Outcome => one(f.outcome),
        GroupField::Year | GroupField::Quarter | GroupField::Month => {
            let span = field.span().unwrap_or(Span::Year);
            Values::One(f.month.map(|m| Part::Period(span.ordinal(m))))
        }
        GroupField::Fault => Values::Many(Cow::Borrowed(&f.faults)),
        GroupField::Remedy => Values::Many(Cow::Borrowed(&f.remedies)),
        GroupField::Purpose => match unit.payment {
            Some(i) => Values::Many(Cow::Borrowed(&f.payments[i as usize].1)),
            None => {
                let mut all: Vec<Name> = f
                    .payments
                    .iter()
                    .flat_map(|p| p.1.iter().copied())
                    .collect();
                all.sort_unstable();
                all.dedup();
                Values::Many(Cow::Owned(all))
            }
        },
    }
}

/// Key values of one field as slots of an array: 0 for the missing value,
/// a name's index, or a period's offset from the set's first period plus 1.
struct Slots {
    first_period: u32,
    len: usize,
}

impl Slots {
    fn new(set: &Set, field: GroupField) -> Slots {
        match field.span() {
            None => Slots {
                first_period: 0,
                len: set.names.slots(),
            },
            Some(span) => {
                let periods = set.facts.iter().filter_map(|f| f.month);
                let range = periods.fold(None, |range: Option<(u32, u32)>, m| {
                    let p = span.ordinal(m);
                    Some(range.map_or((p, p), |(lo, hi)| (lo.min(p), hi.max(p))))
                });
                match range {
                    Some((first, last)) => Slots {
                        first_period: first,
                        len: (last - first) as usize + 2,
                    },
                    // No decision is dated: only the missing value's slot.
                    None => Slots {
                        first_period: 0,
                        len: 1,
                    },
                }
            }
        }
    }

    fn of(&self, part: Option<Part>) -> usize {
        match part {
            None => 0,
            Some(Part::Name(n)) => n.index(),
            Some(Part::Period(p)) => (p - self.first_period) as usize + 1,
        }
    }
}

/// Finds a key's group: an array over the first field's slots for one
/// field, a map for two.
enum Finder {
    One(Slots, Vec<u32>),
    Two([Slots; 2], HashMap<(usize, usize), u32>),
}

impl Finder {
    fn new(set: &Set, by: &[GroupField]) -> Finder {
        match by {
            [a, b, ..] => Finder::Two([Slots::new(set, *a), Slots::new(set, *b)], HashMap::new()),
            [a] => {
                let slots = Slots::new(set, *a);
                let len = slots.len;
                Finder::One(slots, vec![u32::MAX; len])
            }
            [] => Finder::One(
                Slots {
                    first_period: 0,
                    len: 1,
                },
                vec![u32::MAX],
            ),
        }
    }

    /// The group of `key`, made by `new` (given the next group number) when
    /// the key is new.
    fn find(&mut self, key: Key, groups: usize, new: impl FnOnce()) -> u32 {
        let slot = match self {
            Finder::One(slots, by_slot) => &mut by_slot[slots.of(key[0])],
            Finder::Two(slots, by_pair) => by_pair
                .entry((slots[0].of(key[0]), slots[1].of(key[1])))
                .or_insert(u32::MAX),
        };
        if *slot == u32::MAX {
            *slot = groups as u32;
            new();
        }
        *slot
    }
}

/// The groups the units fall in, as they fill.
#[derive(Default)]
struct Filled {
    /// Each group's key.
    keys: Vec<Key>,
    /// Each group's distinct decisions, ascending.
    docs: Vec<Vec<u32>>,
    /// Where each unit's groups start in `members`; one more entry at the end.
    starts: Vec<u32>,
    /// The group of each (unit, key value) pair, unit by unit.
    members: Vec<u32>,
}

impl Filled {
    /// The groups of `units`, each unit in the group of each of its keys.
    fn of(set: &Set, units: &[Unit], by: &[GroupField]) -> Filled {
        let mut filled = Filled {
            starts: Vec::with_capacity(units.len() + 1),
            members: Vec::with_capacity(units.len()),
            ..Filled::default()
        };
        let mut finder = Finder::new(set, by);
        for &unit in units {
            filled.starts.push(filled.members.len() as u32);
            let f = set.facts[unit.doc as usize];
            let first = key_values(f, unit, by[0]);
            let second = by.get(1).map(|&field| key_values(f, unit, field));
            for a in first.each() {
                match &second {
                    None => filled.join(&mut finder, [a, None], unit.doc),
                    Some(second) => {
                        for b in second.each() {
                            filled.join(&mut finder, [a, b], unit.doc);
                        }
                    }
                }
            }
        }
        filled.starts.push(filled.members.len() as u32);
        filled
    }

    fn join(&mut self, finder: &mut Finder, key: Key, doc: u32) {
        let (keys, docs) = (&mut self.keys, &mut self.docs);
        let group = finder.find(key, keys.len(), || {
            keys.push(key);
            docs.push(Vec::new());
        }) as usize;
        self.members.push(group as u32);
        // Units arrive in decision order: a decision new to the group is
        // one other than its last.
        let docs = &mut self.docs[group];
        if docs.last() != Some(&doc) {
            docs.push(doc);
        }
    }

    /// The groups of unit `u` (a group twice where the unit has a value twice).
    fn groups_of(&self, u: usize) -> &[u32] {
        &self.members[self.starts[u] as usize..self.starts[u + 1] as usize]
    }

    /// Each group's payment values, ascending: each decision's total once
    /// per group, or each payment once per time it joined the group.
    fn values(&self, set: &Set, units: &[Unit], request: &StatsRequest) -> Vec<Vec<f64>> {
        let mut values: Vec<Vec<f64>> = vec![Vec::new(); self.keys.len()];
        if request.what != Statistic::Payments {
            return values;
        }
        if per_payment(request) {
            // A decision's payments are consecutive units from its first.
            let mut first = vec![0u32; set.facts.len()];
            for (u, unit) in units.iter().enumerate().rev() {
                first[unit.doc as usize] = u as u32;
            }
            for &(doc, i) in set.by_amount() {
                let amount = set.amount((doc, i));
                for &g in self.groups_of((first[doc as usize] + i) as usize) {
                    values[g as usize].push(amount);
                }
            }
        } else {
            let totals = set.totals();
            let mut last = vec![u32::MAX; self.keys.len()];
            // One unit per decision: unit `doc` is decision `doc`.
            for &doc in set.by_total() {
                for &g in self.groups_of(doc as usize) {
                    if std::mem::replace(&mut last[g as usize], doc) != doc {
                        values[g as usize].push(totals[doc as usize]);
                    }
                }
            }
        }
        values
    }
}

/// The printed value of one key place of `field`.
fn label(set: &Set, field: GroupField, value: Option<Part>) -> String {
    match (value, field.span()) {
        (None, _) => NONE.to_string(),
        (Some(Part::Name(n)), _) => set.names.get(n).to_string(),
        (Some(Part::Period(p)), Some(span)) => span.label(p),
        (Some(Part::Period(p)), None) => p.to_string(),
    }
}

/// One group before it is made: key, labels, the filled group it is (none
/// for an empty period) and its distinct decisions.
struct Pending {
    key: Key,
    labels: Vec<String>,
    group: Option<usize>,
    n: usize,
}

/// The rows of `request`'s `--by` over the set.
pub fn grouped(set: &Set, request: &StatsRequest) -> Vec<Group> {
    let units = units(set.facts, request);
    let filled = Filled::of(set, &units, &request.by);
    let mut values = filled.values(set, &units, request);
    let mut groups: Vec<Pending> = filled
        .keys
        .iter()
        .enumerate()
        .map(|(group, &key)| Pending {
            labels: request
                .by
                .iter()
                .zip(key)
                .map(|(&field, v)| label(set, field, v))
                .collect(),
            n: filled.docs[group].len(),
            group: Some(group),
            key,
        })
        .collect();
    // Folding by size comes first, whatever order the rows are shown in:
    // `--top` keeps the largest groups, also of a time key.
    groups.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.labels.cmp(&b.labels)));

    let mut kept = Vec::new();
    let mut folded = vec![false; filled.keys.len()];
    let mut folded_keys: Vec<Key> = Vec::new();
    for (rank, group) in groups.into_iter().enumerate() {
        let beyond_top = request.top.is_some_and(|top| rank >= top);
        if group.n < request.min_count || beyond_top {
            if let Some(g) = group.group {
                folded[g] = true;
            }
            folded_keys.push(group.key);
        } else {
            kept.push(group);
        }
    }
    if request.by[0].span().is_some() {
        kept.extend(empty_periods(&kept, &folded_keys, request.by[0]));
    }
    in_display_order(&mut kept, request);
    let mut made: Vec<Group> = kept
        .into_iter()
        .map(|g| {
            let docs = g.group.map_or(&[][..], |i| &filled.docs[i]);
            let values = g.group.map(|i| std::mem::take(&mut values[i]));
            let values = values.unwrap_or_default();
            make_group(set, request, g.labels, docs, &values, false, 0)
        })
        .collect();
    if !folded_keys.is_empty() {
        let (docs, values) = folded_units(set, &units, &filled, &folded, request);
        let key = vec![OTHER.to_string(); request.by.len()];
        made.push(make_group(
            set,
            request,
            key,
            &docs,
            &values,
            true,
            folded_keys.len(),
        ));
    }
    made
}

/// The distinct decisions of the units in any folded group, and their
/// payment values (each unit once), ascending.
fn folded_units(
    set: &Set,
    units: &[Unit],
    filled: &Filled,
    folded: &[bool],
    request: &StatsRequest,
) -> (Vec<u32>, Vec<f64>) {
    let (mut docs, mut values) = (Vec::new(), Vec::new());
    let totals = (request.what == Statistic::Payments).then(|| set.totals());
    for (u, unit) in units.iter().enumerate() {
        if !filled.groups_of(u).iter().any(|&g| folded[g as usize]) {
            continue;
        }
        let new_doc = docs.last() != Some(&unit.doc);
        if new_doc {
            docs.push(unit.doc);
        }
        match (totals, per_payment(request), unit.payment) {
            (Some(_), true, Some(i)) => values.push(set.amount((unit.doc, i))),
            (Some(totals), false, _) if new_doc && totals[unit.doc as usize] > 0.0 => {
                values.push(totals[unit.doc as usize])
            }
            _ => {}
        }
    }
    values.sort_by(f64::total_cmp);
    (docs, values)
}

/// Zero rows for the periods of the first key (a time key) between the first
/// and the last shown that no decision falls in. Such a row is keyed by the
/// period alone; a period folded into "(other)" is not empty.
fn empty_periods(kept: &[Pending], folded: &[Key], field: GroupField) -> Vec<Pending> {
    let period = |key: &Key| match key[0] {
        Some(Part::Period(p)) => Some(p),
        _ => None,
    };
    let shown: BTreeSet<u32> = kept.iter().filter_map(|g| period(&g.key)).collect();
    let (Some(&first), Some(&last)) = (shown.first(), shown.last()) else {
        return Vec::new();
    };
    let folded: BTreeSet<u32> = folded.iter().filter_map(period).collect();
    let span = field.span().unwrap_or(Span::Year);
    (first..=last)
        .filter(|p| !shown.contains(p) && !folded.contains(p))
        .map(|p| Pending {
            key: [Some(Part::Period(p)), None],
            labels: vec![span.label(p)],
            group: None,
            n: 0,
        })
        .collect()
}

/// Sorts groups for display: by decisions then value, except that a time
/// key runs in time order (missing dates last). With a time key first, the
/// second key keeps its own order inside each period; with a time key
/// second, each value of the first key keeps its place by its decisions and
/// its periods run in time order under it.
fn in_display_order(groups: &mut [Pending], request: &StatsRequest) {
    let time = |place: usize| request.by.get(place).is_some_and(|f| f.span().is_some());
    // Missing periods (`None`) after every period.
    let when = |g: &Pending, place: usize| match g.key[place] {
        Some(Part::Period(p)) => (0, p),
        _ => (1, 0),
    };
    let by_size = |a: &Pending, b: &Pending| b.n.cmp(&a.n).then_with(|| a.labels.cmp(&b.labels));
    if time(0) {
        groups.sort_by(|a, b| {
            when(a, 0).cmp(&when(b, 0)).then_with(|| {
                if time(1) {
                    when(a, 1).cmp(&when(b, 1))
                } else {
                    by_size(a, b)
                }
            })
        });
    } else if time(1) {
        let mut totals: HashMap<Option<Part>, usize> = HashMap::new();
        for g in groups.iter() {
            *totals.entry(g.key[0]).or_default() += g.n;
        }
        let total = |g: &Pending| totals.get(&g.key[0]).copied().unwrap_or(0);
        groups.sort_by(|a, b| {
            total(b)
                .cmp(&total(a))
                .then_with(|| a.labels[0].cmp(&b.labels[0]))
                .then_with(|| when(a, 1).cmp(&when(b, 1)))
        });
    } else {
        groups.sort_by(by_size);
    }
}

fn make_group(
    set: &Set,
    request: &StatsRequest,
    key: Vec<String>,
    docs: &[u32],
    values: &[f64],
    other: bool,
    folded: usize,
) -> Group {
    Group {
        key: request
            .by
            .iter()
            .map(|f| name_of(f).to_string())
            .zip(key)
            .collect(),
        n_decisions: docs.len(),
        other,
        folded_groups: folded,
        figures: figures::compute(set, request, docs, values),
    }
}
