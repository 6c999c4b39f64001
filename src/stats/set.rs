//! The decisions of one statistics set and what the tables over them share:
//! each decision's total of the counted payments, and the counted values in
//! ascending order. Every table of a page reads the same set, so these are
//! worked out once, when a table first asks; and a group's values come out
//! sorted by walking the one sorted order rather than by sorting each group.

use std::cell::OnceCell;

use super::collect::{Facts, Names};

/// The facts of a set's decisions (indexed by position: a decision's `doc`),
/// their names, and the orders computed from them on first use.
pub struct Set<'a> {
    /// Each decision's facts.
    pub facts: &'a [&'a Facts],
    /// What the facts' names stand for.
    pub names: &'a Names,
    totals: OnceCell<Vec<f64>>,
    by_total: OnceCell<Vec<u32>>,
    by_amount: OnceCell<Vec<(u32, u32)>>,
    every: OnceCell<Vec<u32>>,
}

impl<'a> Set<'a> {
    /// The set of `facts`, with nothing computed yet.
    pub fn new(facts: &'a [&'a Facts], names: &'a Names) -> Self {
        Set {
            facts,
            names,
            totals: OnceCell::new(),
            by_total: OnceCell::new(),
            by_amount: OnceCell::new(),
            every: OnceCell::new(),
        }
    }

    /// Each decision's total of its counted payments ([`Facts::total`]).
    pub fn totals(&self) -> &[f64] {
        self.totals
            .get_or_init(|| self.facts.iter().map(|f| f.total()).collect())
    }

    /// The decisions with a total above zero, smallest total first.
    pub fn by_total(&self) -> &[u32] {
        self.by_total.get_or_init(|| {
            let totals = self.totals();
            let mut docs: Vec<u32> = (0..self.facts.len() as u32)
                .filter(|&d| totals[d as usize] > 0.0)
                .collect();
            docs.sort_by(|&a, &b| totals[a as usize].total_cmp(&totals[b as usize]));
            docs
        })
    }

    /// Every counted payment as (decision, payment), smallest amount first.
    pub fn by_amount(&self) -> &[(u32, u32)] {
        self.by_amount.get_or_init(|| {
            let mut payments: Vec<(u32, u32)> = self
                .facts
                .iter()
                .enumerate()
                .flat_map(|(d, f)| (0..f.payments.len() as u32).map(move |i| (d as u32, i)))
                .collect();
            payments.sort_by(|&a, &b| self.amount(a).total_cmp(&self.amount(b)));
            payments
        })
    }

    /// The amount of one payment of [`Set::by_amount`].
    pub fn amount(&self, (doc, payment): (u32, u32)) -> f64 {
        self.facts[doc as usize].payments[payment as usize].0
    }

    /// Every decision of the set, in order.
    pub fn every(&self) -> &[u32] {
        self.every
            .get_or_init(|| (0..self.facts.len() as u32).collect())
    }

    /// The totals above zero, ascending: what a per-decision summary of the
    /// whole set counts.
    pub fn sorted_totals(&self) -> Vec<f64> {
        let totals = self.totals();
        self.by_total()
            .iter()
            .map(|&d| totals[d as usize])
            .collect()
    }

    /// Every counted amount, ascending: what a per-payment summary of the
    /// whole set counts.
    pub fn sorted_amounts(&self) -> Vec<f64> {
        self.by_amount().iter().map(|&p| self.amount(p)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn paid(amounts: &[f64]) -> Facts {
        Facts {
            payments: amounts.iter().map(|&a| (a, Arc::from(vec![]))).collect(),
            ..Facts::default()
        }
    }

    #[test]
    fn set_orders_totals_and_amounts_ascending_leaving_out_zero_totals() {
        let facts = [
            paid(&[300.0, 50.0]),
            paid(&[]),
            paid(&[100.0]),
            paid(&[0.0]),
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let names = Names::default();
        let set = Set::new(&refs, &names);
        assert_eq!(set.totals(), [350.0, 0.0, 100.0, 0.0]);
        assert_eq!(set.by_total(), [2, 0]);
        assert_eq!(set.sorted_totals(), [100.0, 350.0]);
        assert_eq!(set.by_amount(), [(3, 0), (0, 1), (2, 0), (0, 0)]);
        assert_eq!(set.sorted_amounts(), [0.0, 50.0, 100.0, 300.0]);
        assert_eq!(set.every(), [0, 1, 2, 3]);
    }
}
