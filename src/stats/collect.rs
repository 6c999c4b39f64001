//! A tantivy collector that reads, for every matching decision, only the fast
//! fields a statistic needs. No stored text is loaded, so a statistic costs
//! what its few fields do, not what the decisions' text does.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DateTime, DocId, Score, SegmentReader};

use super::period::Month;
use crate::index::schema::name;
use crate::parse::PaymentRole;
use crate::query::organisation::{key, Spellings};

/// Marks an interned organisation key, which [`FactsCollector::names`]
/// replaces by the body's printed spelling (a value's own text never starts
/// with a NUL).
const ORGANISATION_KEY: char = '\0';

/// A string value (organisation, outcome, fault kind...) interned for one
/// `stats` run: facts hold these small handles, and [`Names`] resolves them.
/// Comparing, hashing and copying a `Name` costs what a `u32` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(std::num::NonZeroU32);

/// The strings behind the [`Name`]s of one collection.
#[derive(Debug, Clone, Default)]
pub struct Names(Vec<Box<str>>);

impl Names {
    /// The string a name stands for.
    pub fn get(&self, name: Name) -> &str {
        &self.0[name.0.get() as usize - 1]
    }

    /// The string of the name whose [`Name::index`] is `index`.
    pub fn at(&self, index: usize) -> &str {
        &self.0[index - 1]
    }

    /// One more than the largest [`Name::index`] of these names: the length
    /// of an array with a slot for each name and slot 0 free.
    pub fn slots(&self) -> usize {
        self.0.len() + 1
    }
}

impl Name {
    /// A small number for this name, from 1 up (below [`Names::slots`]), so
    /// counts by name can live in an array rather than a hash map.
    pub fn index(self) -> usize {
        self.0.get() as usize
    }
}

/// Interns strings across segments, so one value has one [`Name`] in the run.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, Name>,
    names: Names,
}

impl Interner {
    fn intern(&mut self, value: &str) -> Name {
        if let Some(name) = self.ids.get(value) {
            return *name;
        }
        self.names.0.push(value.into());
        // Numbered from 1, so that an `Option<Name>` takes four bytes.
        let number = u32::try_from(self.names.0.len()).unwrap_or(u32::MAX);
        let name = Name(std::num::NonZeroU32::new(number).unwrap_or(std::num::NonZeroU32::MAX));
        self.ids.insert(value.into(), name);
        name
    }
}

/// The facts of one decision that statistics are computed from: at most
/// [`FACTS_BYTES`], plus the multi-valued fields, which allocate only when
/// not empty. A run holds one per matching decision, so every byte here is
/// paid once per decision in memory the kernel must fault in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Organisation as printed.
    pub organisation: Option<Name>,
    /// Category.
    pub category: Option<Name>,
    /// Sub-category.
    pub subcategory: Option<Name>,
    /// Outcome as printed.
    pub outcome: Option<Name>,
    /// Overall finding.
    pub finding: Option<Name>,
    /// The month of the decision date (time keys are read from it).
    pub month: Option<Month>,
    /// Fault kinds (distinct).
    pub faults: Box<[Name]>,
    /// Remedy kinds.
    pub remedies: Box<[Name]>,
    /// Each lump sum of the counted roles ([`FactsNeeded::roles`]): amount
    /// and purposes.
    pub payments: Box<[Payment]>,
    /// Whether the agreed remedy includes a payment with no stated amount.
    pub amount_unstated: bool,
    /// Whether the text looks cut off.
    pub truncated: bool,
}

impl Facts {
    /// The decision's total of the counted payments, rounded to pence as
    /// the parser rounds `agreed_total` (so `--role agreed` gives it back).
    pub fn total(&self) -> f64 {
        let sum = self.payments.iter().fold(0.0, |sum, p| sum + p.0);
        if sum.abs() < (1u64 << 53) as f64 / 100.0 {
            (sum * 100.0).round() / 100.0
        } else {
            sum
        }
    }
}

/// The most a [`Facts`] may take inline: five names, a month, three boxed
/// slices and two flags.
pub const FACTS_BYTES: usize = 80;

// Kept small on purpose (see `Facts`): a field added there must not grow it
// unnoticed, and an absent name must cost no more than a present one.
const _: () = assert!(std::mem::size_of::<Facts>() <= FACTS_BYTES);
const _: () = assert!(std::mem::size_of::<Option<Name>>() == 4);

/// One payment: amount and purposes (shared by every decision with the same
/// payment value in a segment).
pub type Payment = (f64, Arc<[Name]>);

/// A set of payment roles (`--role`): the payments statistics count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles(u8);

impl Roles {
    /// The set of `roles`.
    pub fn of(roles: &[PaymentRole]) -> Self {
        Roles(roles.iter().fold(0, |bits, &r| bits | Self::bit(r)))
    }

    /// Whether `role` is in the set.
    pub fn contains(self, role: PaymentRole) -> bool {
        self.0 & Self::bit(role) != 0
    }

    fn bit(role: PaymentRole) -> u8 {
        1 << role as u8
    }
}

/// Agreed payments only: what payment statistics count unless asked.
impl Default for Roles {
    fn default() -> Self {
        Roles::of(&[PaymentRole::Agreed])
    }
}

/// Which facts a statistic needs; the others are never read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactsNeeded {
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
    /// The month of the decision date.
    pub month: bool,
    /// Fault kinds.
    pub faults: bool,
    /// Remedy kinds.
    pub remedies: bool,
    /// Payments (of [`FactsNeeded::roles`]).
    pub payments: bool,
    /// The roles whose payments are read; the others are skipped as read.
    pub roles: Roles,
    /// Whether a payment amount is unstated and whether the text looks cut off.
    pub caveats: bool,
}

/// Collects [`Facts`] for every matching document, reading only what
/// [`FactsNeeded`] asks for.
pub struct FactsCollector {
    needs: FactsNeeded,
    interner: Arc<Mutex<Interner>>,
    /// How the collected decisions spell each organisation.
    spellings: Arc<Mutex<Spellings>>,
}

impl FactsCollector {
    /// A collector reading what `needs` asks for.
    pub fn new(needs: FactsNeeded) -> Self {
        FactsCollector {
            needs,
            interner: Arc::default(),
            spellings: Arc::default(),
        }
    }

    /// The names of everything collected so far (call after the search).
    /// An organisation is named by its body ([`key`]), printed as the
    /// spelling most of the collected decisions use.
    pub fn names(&self) -> Names {
        let mut names = lock(&self.interner).names.clone();
        let spellings = self.spellings.lock().unwrap_or_else(|p| p.into_inner());
        for text in names.0.iter_mut() {
            if let Some(body) = text.strip_prefix(ORGANISATION_KEY) {
                let printed = spellings.printed(body).unwrap_or(body).into();
                *text = printed;
            }
        }
        names
    }

    fn intern(&self, value: &str) -> Name {
        lock(&self.interner).intern(value)
    }
}

/// The interner, even if a thread panicked while holding it (it stays valid:
/// every insertion is completed before the lock is released).
fn lock(interner: &Mutex<Interner>) -> std::sync::MutexGuard<'_, Interner> {
    interner.lock().unwrap_or_else(|p| p.into_inner())
}

/// A string column whose dictionary is mapped to [`Name`]s once per segment.
///
/// Resolving ordinals one at a time (`ord_to_str`) decompresses a dictionary
/// block per call; streaming the dictionary in ordinal order decodes each
/// block once, and each document then costs an array lookup.
struct Strings<T> {
    column: Option<StrColumn>,
    by_ord: Vec<T>,
}

impl<T: Clone> Strings<T> {
    /// Opens `field` when `needed`, turning each dictionary term into a `T`.
    fn open(
        reader: &SegmentReader,
        field: &str,
        needed: bool,
        mut term: impl FnMut(&str) -> T,
    ) -> tantivy::Result<Self> {
        let column = if needed {
            reader.fast_fields().str(field)?
        } else {
            None
        };
        let mut by_ord = Vec::new();
        if let Some(column) = &column {
            by_ord.reserve(column.num_terms());
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                by_ord.push(term(&String::from_utf8_lossy(stream.key())));
            }
        }
        Ok(Strings { column, by_ord })
    }

    /// Every value of `doc`, in ordinal order.
    fn each(&self, doc: DocId) -> impl Iterator<Item = &T> + '_ {
        self.column
            .iter()
            .flat_map(move |c| c.ords().values_for_doc(doc))
            .filter_map(|ord| self.by_ord.get(ord as usize))
    }

    /// The distinct values of `doc`, gathered in `scratch` (kept between
    /// documents) so the box is allocated once, at its size.
    fn distinct(&self, doc: DocId, scratch: &mut Vec<T>) -> Box<[T]>
    where
        T: PartialEq,
    {
        scratch.clear();
        for value in self.each(doc) {
            if !scratch.contains(value) {
                scratch.push(value.clone());
            }
        }
        scratch.drain(..).collect()
    }

    fn first(&self, doc: DocId) -> Option<T> {
        let column = self.column.as_ref()?;
        let ord = column.ords().first(doc)?;
        self.by_ord.get(ord as usize).cloned()
    }
}

/// The organisation dictionary of one segment, in ordinal order: each
/// spelling as stored, and the text its body is interned under.
///
/// Naming the body a spelling belongs to ([`key`]) and streaming the
/// dictionary (a block decompressed at a time) cost more than counting the
/// decisions of a narrow statistics page, and `serve` asks for the same
/// segments page after page; segments never change, so each segment's is
/// kept for the process.
struct OrganisationTerms {
    spellings: Vec<String>,
    bodies: Vec<String>,
}

impl OrganisationTerms {
    /// The terms of `column`, the organisation column of `segment`: kept
    /// from an earlier call, or read now and kept.
    fn of(segment: SegmentId, column: &StrColumn) -> tantivy::Result<Arc<Self>> {
        static KEPT: Mutex<Vec<(SegmentId, Arc<OrganisationTerms>)>> = Mutex::new(Vec::new());
        super::payments::keep(&KEPT, super::payments::KEPT_SEGMENTS, segment, || {
            let mut terms = OrganisationTerms {
                spellings: Vec::with_capacity(column.num_terms()),
                bodies: Vec::with_capacity(column.num_terms()),
            };
            let mut stream = column.dictionary().stream()?;
            while stream.advance() {
                let spelling = String::from_utf8_lossy(stream.key()).into_owned();
                terms
                    .bodies
                    .push(format!("{ORGANISATION_KEY}{}", key(&spelling)));
                terms.spellings.push(spelling);
            }
            Ok(terms)
        })
    }
}

/// Per-segment state.
pub struct FactsSegment {
    organisation: Strings<Name>,
    /// The organisation dictionary behind `organisation`, when it is read.
    organisation_terms: Option<Arc<OrganisationTerms>>,
    /// Decisions collected per organisation ordinal (its spellings' tally).
    organisation_counts: Vec<u32>,
    spellings: Arc<Mutex<Spellings>>,
    category: Strings<Name>,
    subcategory: Strings<Name>,
    outcome: Strings<Name>,
    finding: Strings<Name>,
    fault: Strings<Name>,
    remedy: Strings<Name>,
    /// Values [`decode_payment`] cannot read map to `None`.
    payment: Strings<Option<Payment>>,
    decision_date: Option<Column<DateTime>>,
    amount_unstated: Option<Column<bool>>,
    truncated: Option<Column<bool>>,
    facts: Vec<Facts>,
    /// Reused between documents while their multi-valued facts are read.
    scratch: (Vec<Name>, Vec<Payment>),
}

impl Collector for FactsCollector {
    /// One vector per segment, never copied into one.
    type Fruit = Vec<Vec<Facts>>;
    type Child = FactsSegment;

    fn for_segment(&self, _id: u32, reader: &SegmentReader) -> tantivy::Result<FactsSegment> {
        let fast = reader.fast_fields();
        let n = self.needs;
        let names =
            |field: &str, needed: bool| Strings::open(reader, field, needed, |t| self.intern(t));
        // Spellings of one body share a name, so `--by organisation` has
        // one row per body.
        let column = if n.organisation {
            fast.str(name::ORGANISATION)?
        } else {
            None
        };
        let organisation_terms = column
            .as_ref()
            .map(|c| OrganisationTerms::of(reader.segment_id(), c))
            .transpose()?;
        let by_ord = organisation_terms
            .iter()
            .flat_map(|terms| terms.bodies.iter().map(|body| self.intern(body)))
            .collect();
        let organisation = Strings { column, by_ord };
        Ok(FactsSegment {
            organisation_counts: vec![0; organisation.by_ord.len()],
            organisation,
            organisation_terms,
            spellings: Arc::clone(&self.spellings),
            category: names(name::CATEGORY, n.category)?,
            subcategory: names(name::SUBCATEGORY, n.subcategory)?,
            outcome: names(name::OUTCOME, n.outcome)?,
            finding: names(name::FINDING, n.finding)?,
            fault: names(name::FAULT, n.faults)?,
            remedy: names(name::REMEDY, n.remedies)?,
            payment: payments(reader, n, |p| self.intern(p))?,
            decision_date: if n.month {
                Some(fast.date(name::DECISION_DATE)?)
            } else {
                None
            },
            amount_unstated: if n.caveats {
                Some(fast.bool(name::PAYMENT_AMOUNT_UNSTATED)?)
            } else {
                None
            },
            truncated: if n.caveats {
                Some(fast.bool(name::TRUNCATED)?)
            } else {
                None
            },
            facts: Vec::with_capacity(reader.max_doc() as usize),
            scratch: Default::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Facts>>) -> tantivy::Result<Vec<Vec<Facts>>> {
        Ok(fruits)
    }
}

impl SegmentCollector for FactsSegment {
    type Fruit = Vec<Facts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        // Not deduplicated: two equal payments are two payments.
        let (names, payments) = &mut self.scratch;
        payments.extend(self.payment.each(doc).flatten().cloned());
        let payments = payments.drain(..).collect();
        let month = self
            .decision_date
            .as_ref()
            .and_then(|c| c.first(doc))
            .and_then(|d| Month::of(d.into_utc().date()));
        let organisation = self
            .organisation
            .column
            .as_ref()
            .and_then(|c| c.ords().first(doc));
        if let Some(count) = organisation.and_then(|o| self.organisation_counts.get_mut(o as usize))
        {
            *count += 1;
        }
        let facts = Facts {
            organisation: organisation
                .and_then(|o| self.organisation.by_ord.get(o as usize).copied()),
            category: self.category.first(doc),
            subcategory: self.subcategory.first(doc),
            outcome: self.outcome.first(doc),
            finding: self.finding.first(doc),
            month,
            faults: self.fault.distinct(doc, names),
            remedies: self.remedy.distinct(doc, names),
            payments,
            amount_unstated: flag(&self.amount_unstated, doc),
            truncated: flag(&self.truncated, doc),
        };
        self.facts.push(facts);
    }

    fn harvest(self) -> Vec<Facts> {
        if let Some(terms) = &self.organisation_terms {
            // Tallied straight into the collection's spellings: one lock per
            // segment, and a spelling allocated only the first time it is seen.
            let mut spellings = self.spellings.lock().unwrap_or_else(|p| p.into_inner());
            let counted = terms.spellings.iter().zip(&terms.bodies);
            for ((spelling, body), &n) in counted.zip(&self.organisation_counts) {
                let body = body.strip_prefix(ORGANISATION_KEY).unwrap_or(body);
                spellings.add_of(body, spelling, n as usize);
            }
        }
        self.facts
    }
}

/// The `payment` column when `needs` asks for payments, each value a
/// [`Payment`] of a counted role (`None` otherwise), its purposes named by
/// `name`: each distinct list of purposes is named and allocated once.
fn payments(
    reader: &SegmentReader,
    needs: FactsNeeded,
    mut name: impl FnMut(&str) -> Name,
) -> tantivy::Result<Strings<Option<Payment>>> {
    let column = if needs.payments {
        reader.fast_fields().str(name::PAYMENT)?
    } else {
        None
    };
    let Some(column) = column else {
        return Ok(Strings {
            column: None,
            by_ord: Vec::new(),
        });
    };
    let decoded = super::payments::terms(reader.segment_id(), &column)?;
    let lists: Vec<Arc<[Name]>> = decoded
        .lists
        .iter()
        .map(|purposes| purposes.iter().map(|p| name(p)).collect())
        .collect();
    let by_ord = decoded
        .terms
        .iter()
        .map(|term| {
            let (role, amount, list) = (*term)?;
            let purposes = lists.get(list as usize)?;
            needs
                .roles
                .contains(role)
                .then(|| (amount, Arc::clone(purposes)))
        })
        .collect();
    Ok(Strings {
        column: Some(column),
        by_ord,
    })
}

/// A true/false fast field of `doc`, false where the column is not read.
fn flag(column: &Option<Column<bool>>, doc: DocId) -> bool {
    column.as_ref().and_then(|c| c.first(doc)).unwrap_or(false)
}

/// Test-only: names for hand-built [`Facts`].
#[cfg(test)]
impl Names {
    /// Interns `values` in order, returning the names and their handles.
    pub(crate) fn interned(values: &[&str]) -> (Names, Vec<Name>) {
        let mut interner = Interner::default();
        let handles = values.iter().map(|v| interner.intern(v)).collect();
        (interner.names, handles)
    }
}

#[cfg(test)]
mod tests {
    //! The collector over the five corpus samples, indexed through the
    //! crate's own writer, checked against what the parser found.

    use super::*;
    use crate::index::read::searcher;
    use crate::index::testing::{corpus, first_str_column, indexed};
    use crate::names::name_of;
    use crate::parse::{Decision, Payment, Period, Warning};
    use tantivy::query::AllQuery;

    #[test]
    fn organisation_terms_name_each_spelling_and_are_kept_per_segment() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        let (segment, column) = first_str_column(&searcher, name::ORGANISATION);
        let terms = OrganisationTerms::of(segment, &column).expect("reads");
        assert_eq!(terms.spellings.len(), column.num_terms());
        assert_eq!(terms.bodies.len(), column.num_terms());
        // In ordinal order, each spelling with the body it names.
        let mut stream = column.dictionary().stream().expect("streams");
        let mut ord = 0;
        while stream.advance() {
            let spelling = String::from_utf8_lossy(stream.key()).into_owned();
            assert_eq!(terms.spellings[ord], spelling);
            assert_eq!(
                terms.bodies[ord],
                format!("{ORGANISATION_KEY}{}", key(&spelling))
            );
            ord += 1;
        }
        assert!(ord > 0);
        // The second call for the segment is the kept reading.
        let again = OrganisationTerms::of(segment, &column).expect("reads");
        assert!(Arc::ptr_eq(&terms, &again));
    }

    fn all() -> FactsNeeded {
        FactsNeeded {
            organisation: true,
            category: true,
            subcategory: true,
            outcome: true,
            finding: true,
            month: true,
            faults: true,
            remedies: true,
            payments: true,
            roles: Roles::default(),
            caveats: true,
        }
    }

    fn collect(decisions: Vec<Decision>, needs: FactsNeeded) -> (Vec<Facts>, Names) {
        let (_dir, index) = indexed(decisions);
        let collector = FactsCollector::new(needs);
        let segments = searcher(&index)
            .expect("searcher")
            .search(&AllQuery, &collector)
            .expect("search runs");
        (segments.into_iter().flatten().collect(), collector.names())
    }

    fn text(names: &Names, name: Option<Name>) -> Option<&str> {
        name.map(|n| names.get(n))
    }

    /// The facts of the decision whose organisation is `org`.
    fn of<'a>(facts: &'a [Facts], names: &Names, org: &str) -> &'a Facts {
        facts
            .iter()
            .find(|f| text(names, f.organisation) == Some(org))
            .unwrap_or_else(|| panic!("no facts for {org}"))
    }

    #[test]
    fn facts_collector_reads_each_decisions_fields() {
        let decisions = corpus();
        let (facts, names) = collect(decisions.clone(), all());
        assert_eq!(facts.len(), decisions.len());
        for d in &decisions {
            let f = of(&facts, &names, d.organisation.as_deref().expect("named"));
            assert_eq!(text(&names, f.category), d.category.as_deref());
            assert_eq!(text(&names, f.subcategory), d.subcategory.as_deref());
            assert_eq!(text(&names, f.outcome), d.outcome.as_deref());
            assert_eq!(text(&names, f.finding), d.finding.as_ref().map(name_of));
            assert_eq!(f.month, d.decision_date.and_then(Month::of));
            assert_eq!(f.total(), d.agreed_total);
            // Kinds are distinct, whatever the decision repeats.
            let mut faults: Vec<&str> = d.faults.iter().map(|x| x.kind.as_str()).collect();
            faults.sort_unstable();
            faults.dedup();
            let mut got: Vec<&str> = f.faults.iter().map(|&n| names.get(n)).collect();
            got.sort_unstable();
            assert_eq!(got, faults, "{}", d.reference);
            let mut remedies: Vec<&str> = d.remedies.iter().map(name_of).collect();
            remedies.sort_unstable();
            let mut got: Vec<&str> = f.remedies.iter().map(|&n| names.get(n)).collect();
            got.sort_unstable();
            assert_eq!(got, remedies, "{}", d.reference);
        }
    }

    #[test]
    fn facts_collector_keeps_only_agreed_payments() {
        let decisions = corpus();
        let (facts, names) = collect(decisions.clone(), all());
        let barnsley = "Barnsley Metropolitan Borough Council";
        let d = decisions
            .iter()
            .find(|d| d.organisation.as_deref() == Some(barnsley))
            .expect("Barnsley sample");
        // Three amounts, of which only £300 is the agreed remedy.
        assert_eq!(d.payments.len(), 3);
        let f = of(&facts, &names, barnsley);
        let payments: Vec<(f64, Vec<&str>)> = f
            .payments
            .iter()
            .map(|(amount, purposes)| (*amount, purposes.iter().map(|&n| names.get(n)).collect()))
            .collect();
        assert_eq!(payments, vec![(300.0, vec!["distress", "frustration"])]);
        for d in &decisions {
            let f = of(&facts, &names, d.organisation.as_deref().expect("named"));
            let agreed: Vec<f64> = d.agreed_payments().map(|p| p.amount).collect();
            let got: Vec<f64> = f.payments.iter().map(|p| p.0).collect();
            assert_eq!(got, agreed, "{}", d.reference);
        }
    }

    #[test]
    fn facts_collector_leaves_missing_fields_empty() {
        let (facts, names) = collect(corpus(), all());
        // Cornwall's page has no category line, no outcome and no date.
        let f = of(&facts, &names, "Cornwall Council");
        assert_eq!(f.category, None);
        assert_eq!(f.subcategory, None);
        assert_eq!(f.outcome, None);
        assert_eq!(f.month, None);
    }

    #[test]
    fn facts_collector_reads_nothing_it_does_not_need() {
        let (facts, _) = collect(corpus(), FactsNeeded::default());
        assert_eq!(facts.len(), 5);
        assert!(facts.iter().all(|f| *f == Facts::default()));
        let (facts, _) = collect(
            corpus(),
            FactsNeeded {
                month: true,
                ..FactsNeeded::default()
            },
        );
        assert!(facts
            .iter()
            .all(|f| f.organisation.is_none() && f.payments.is_empty()));
        assert_eq!(facts.iter().filter(|f| f.month.is_some()).count(), 4);
    }

    /// A corpus decision turned into one with the given payments (lump sums
    /// unless a period is given) and caveats, as the parser would give them
    /// once it reads every role.
    fn with_payments(
        reference: &str,
        payments: &[(f64, PaymentRole, Option<Period>)],
        amount_unstated: bool,
        truncated: bool,
    ) -> Decision {
        let mut d = corpus().remove(0);
        d.reference = reference.to_string();
        d.organisation = Some(reference.to_string());
        let template = d.payments[0].clone();
        d.payments = payments
            .iter()
            .map(|&(amount, role, period)| Payment {
                amount,
                role,
                period,
                ..template.clone()
            })
            .collect();
        d.payment_amount_unstated = amount_unstated;
        d.warnings.retain(|w| *w != Warning::Truncated);
        if truncated {
            d.warnings.push(Warning::Truncated);
        }
        d
    }

    /// Each decision's counted amounts and total, by organisation.
    fn amounts(roles: &[PaymentRole]) -> Vec<(String, Vec<f64>, f64)> {
        use PaymentRole::*;
        let decisions = vec![
            with_payments(
                "A",
                &[
                    (300.0, Agreed, None),
                    (150.0, Accepted, None),
                    (50.0, Offered, None),
                    (2000.0, Claimed, None),
                ],
                false,
                false,
            ),
            with_payments(
                "B",
                &[(50.0, Agreed, Some(Period::Month)), (300.0, Agreed, None)],
                false,
                false,
            ),
            with_payments("C", &[(80.0, Other, None)], true, true),
        ];
        let needs = FactsNeeded {
            organisation: true,
            payments: true,
            roles: Roles::of(roles),
            ..FactsNeeded::default()
        };
        let (facts, names) = collect(decisions, needs);
        let mut out: Vec<(String, Vec<f64>, f64)> = facts
            .iter()
            .map(|f| {
                let org = text(&names, f.organisation).expect("named").to_string();
                let mut amounts: Vec<f64> = f.payments.iter().map(|p| p.0).collect();
                amounts.sort_by(f64::total_cmp);
                (org, amounts, f.total())
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    #[test]
    fn facts_collector_keeps_the_payments_of_the_roles_asked_and_never_a_rate() {
        use PaymentRole::*;
        let row =
            |org: &str, amounts: &[f64], total: f64| (org.to_string(), amounts.to_vec(), total);
        assert_eq!(
            amounts(&[Agreed]),
            [
                row("A", &[300.0], 300.0),
                row("B", &[300.0], 300.0),
                row("C", &[], 0.0)
            ]
        );
        assert_eq!(
            amounts(&[Agreed, Accepted]),
            [
                row("A", &[150.0, 300.0], 450.0),
                row("B", &[300.0], 300.0),
                row("C", &[], 0.0)
            ]
        );
        assert_eq!(
            amounts(&[Claimed, Other]),
            [
                row("A", &[2000.0], 2000.0),
                row("B", &[], 0.0),
                row("C", &[80.0], 80.0)
            ]
        );
    }

    #[test]
    fn facts_collector_reads_the_caveats_only_when_asked() {
        let decisions = vec![
            with_payments("A", &[], true, false),
            with_payments("B", &[], false, true),
            with_payments("C", &[], false, false),
        ];
        let flags = |needs: FactsNeeded| {
            let (facts, names) = collect(decisions.clone(), needs);
            let mut out: Vec<(String, bool, bool)> = facts
                .iter()
                .map(|f| {
                    let org = text(&names, f.organisation).unwrap_or_default().to_string();
                    (org, f.amount_unstated, f.truncated)
                })
                .collect();
            out.sort();
            out
        };
        let asked = flags(FactsNeeded {
            organisation: true,
            caveats: true,
            ..FactsNeeded::default()
        });
        let row = |org: &str, u: bool, t: bool| (org.to_string(), u, t);
        assert_eq!(
            asked,
            [
                row("A", true, false),
                row("B", false, true),
                row("C", false, false)
            ]
        );
        let not_asked = flags(FactsNeeded {
            organisation: true,
            ..FactsNeeded::default()
        });
        assert!(not_asked.iter().all(|(_, u, t)| !u && !t), "{not_asked:?}");
    }
}
