//! The `Decision` record: everything ombuds extracts from one decision statement.
//!
//! This is the one place new fields are added. Its serde form is the public
//! JSON contract of `ombuds parse --format json` (documented in docs/output-formats.md):
//! keys are only ever added, never renamed or removed, and their order here is
//! the order in the output.

use serde::{Deserialize, Serialize};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

/// How ombuds writes a date everywhere (JSON, CSV, tables, the stored
/// record) and reads one from `--from`/`--to`: ISO `YYYY-MM-DD`.
pub const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

// `iso_date` (and `iso_date::option`): serde as an `ISO_DATE` string, for
// every `time::Date` in a serialised type. time's own serde form is a tuple.
time::serde::format_description!(pub iso_date, Date, ISO_DATE);

/// `date` as ombuds writes every date ([`ISO_DATE`]).
pub fn iso_text(date: time::Date) -> String {
    // Formatting into a `String` fails only for a component the format
    // cannot show, which a `Date` always has; `Display` gives the same text.
    date.format(ISO_DATE).unwrap_or_else(|_| date.to_string())
}

use super::warning::Warning;
use crate::names::name_of;

/// One parsed decision statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The file the decision was read from, as given on the command line.
    pub source: String,
    /// The public web page of the decision, where the input said which
    /// (a saved page's canonical link or `og:url`, fetch's manifest, a
    /// record's `url`); never guessed from the reference.
    #[serde(default)]
    pub url: Option<String>,
    /// Canonical reference `YY NNN NNN`, with an optional lowercase suffix letter.
    pub reference: String,
    /// The body complained about, as printed on the title line.
    pub organisation: Option<String>,
    /// Top-level category from `Category : Top > Sub`.
    pub category: Option<String>,
    /// Sub-category from `Category : Top > Sub`.
    pub subcategory: Option<String>,
    /// The `Decision :` value as printed (`Upheld`, `Not upheld`, ...).
    pub outcome: Option<String>,
    /// The date from `Decision date : 05 Oct 2023`, written `2023-10-05`.
    #[serde(with = "iso_date::option", default)]
    pub decision_date: Option<time::Date>,
    /// The alias the decision uses for the complainant (`Miss X`, `Mr and Mrs L`).
    pub complainant: Option<String>,
    /// The text after `Summary:` (or the untitled lead paragraph of pages without one).
    pub summary: Option<String>,
    /// The body sections in the order printed.
    pub sections: Vec<Section>,
    /// Things a reader should know about how this decision was read.
    pub warnings: Vec<Warning>,
    /// Every amount of money the decision mentions, with its role.
    pub payments: Vec<Payment>,
    /// Sum of the lump-sum payments whose role is `agreed`.
    pub agreed_total: f64,
    /// Sum of the lump sums whose role is `accepted`: what the body paid or
    /// offered on its own and the decision finds a sufficient remedy.
    #[serde(default)]
    pub accepted_total: f64,
    /// Kinds of remedy the decision secures.
    pub remedies: Vec<RemedyKind>,
    /// Whether the agreed remedy includes a payment whose amount the remedy
    /// statement does not give ("refund the fees", "backdate the payments"):
    /// the agreed total then undercounts what the decision secures.
    #[serde(default)]
    pub payment_amount_unstated: bool,
    /// Earliest deadline the agreed action sets, in days.
    pub deadline_days: Option<u32>,
    /// What the Ombudsman found overall.
    pub finding: Option<Finding>,
    /// Each fault the decision finds, with the sentence that shows it.
    pub faults: Vec<Fault>,
    /// Whether the decision says it will be shared with Ofsted.
    pub shared_with_ofsted: bool,
}

/// One titled part of the decision body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What kind of section this is, whatever its printed heading.
    pub kind: SectionKind,
    /// The heading as printed.
    pub heading: String,
    /// Paragraphs separated by `\n`, with numbering and bullets removed.
    pub text: String,
}

/// Normalised section kinds; headings vary between decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// "The complaint".
    Complaint,
    /// "The Ombudsman's role and powers".
    RoleAndPowers,
    /// "How I considered this complaint".
    HowConsidered,
    /// "What I found", "What happened", background and law.
    WhatFound,
    /// "My findings", "Analysis", "My assessment", "Conclusions".
    Findings,
    /// "Agreed action", "Action", "Recommendations".
    AgreedAction,
    /// "Final decision", "Decision".
    FinalDecision,
    /// "Parts of the complaint that I did not investigate".
    NotInvestigated,
    /// Any other heading.
    Other,
}

/// One amount of money found in a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Payment {
    /// Pounds, pence kept.
    pub amount: f64,
    /// What the money is in the decision.
    pub role: PaymentRole,
    /// The period of a rate ("£50 a month"); `None` for a lump sum. Rates
    /// never count in totals or payment statistics.
    #[serde(default)]
    pub period: Option<Period>,
    /// What it is for (several where the text names several).
    pub purpose: Vec<Purpose>,
    /// The alias paid, where named.
    pub recipient: Option<String>,
    /// The kind of section (or `summary`) the sentence came from.
    pub section: String,
    /// The sentence the amount was read from.
    pub sentence: String,
}

/// The role an amount of money plays in a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentRole {
    /// The remedy this decision secures: the body agreed to pay it, or the
    /// Ombudsman recommends or asks that it pay it (also an amount in a list
    /// of agreed actions).
    Agreed,
    /// Paid or offered by the body on its own, before the Ombudsman's
    /// involvement or during it without being asked, that this decision
    /// finds a sufficient remedy ("satisfactory remedy provided by the authority").
    Accepted,
    /// An offer this decision does not adopt as the remedy: insufficient,
    /// superseded, refused or not decided.
    Offered,
    /// What the complainant asks for, or says they lost or are owed, where
    /// the decision does not grant it.
    Claimed,
    /// Not a remedy: charges, fees, bills, debts, fines, grants, benefits,
    /// thresholds, prices, rates, costs, values.
    Other,
}

impl PaymentRole {
    /// Every role, in declaration order (the order `--role` lists them in).
    pub const ALL: [PaymentRole; 5] = [
        PaymentRole::Agreed,
        PaymentRole::Accepted,
        PaymentRole::Offered,
        PaymentRole::Claimed,
        PaymentRole::Other,
    ];
}

/// The period of a payment made at a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// "a week", "per week", "weekly".
    Week,
    /// "a month", "per month", "monthly".
    Month,
    /// "a year", "per annum", "annually".
    Year,
}

/// What a payment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Distress, anxiety, upset.
    Distress,
    /// Time and trouble.
    TimeAndTrouble,
    /// Frustration or uncertainty.
    Frustration,
    /// Loss of service, education or provision.
    LossOfService,
    /// Refunds, reimbursement, arrears written off.
    FinancialLoss,
    /// Backdated benefit or allowance.
    Backdated,
    /// A symbolic payment with no other stated purpose.
    Symbolic,
    /// No purpose stated.
    Unspecified,
}

/// Kinds of remedy a decision secures (also the `--remedy` choices).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum RemedyKind {
    /// An apology.
    Apology,
    /// A payment of money.
    Payment,
    /// Procedure or policy change, staff reminders or training, audits.
    ServiceImprovement,
    /// Finish an outstanding assessment, investigation or review.
    CompleteAction,
    /// Make a new decision or reassess.
    Reconsider,
    /// Send the Ombudsman evidence of compliance.
    ProvideEvidence,
}

/// The overall finding of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Fault that caused injustice.
    FaultInjustice,
    /// Fault that caused no injustice.
    FaultNoInjustice,
    /// No fault found: the investigation found none, or was discontinued
    /// before finding any (the LGSCO records both as not upheld).
    NoFault,
    /// The Ombudsman did not investigate.
    NotInvestigated,
}

impl Purpose {
    /// Every purpose, in declaration order.
    pub const ALL: [Purpose; 8] = [
        Purpose::Distress,
        Purpose::TimeAndTrouble,
        Purpose::Frustration,
        Purpose::LossOfService,
        Purpose::FinancialLoss,
        Purpose::Backdated,
        Purpose::Symbolic,
        Purpose::Unspecified,
    ];
}

impl Finding {
    /// Every finding, in declaration order.
    pub const ALL: [Finding; 4] = [
        Finding::FaultInjustice,
        Finding::FaultNoInjustice,
        Finding::NoFault,
        Finding::NotInvestigated,
    ];
}

/// One fault the decision finds, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// The fault kind, from the taxonomy (`delay`, `poor_communication`, ...).
    pub kind: String,
    /// The sentence that shows it.
    pub sentence: String,
}

/// The record's enums print as their serde names.
macro_rules! display_as_name {
    ($($ty:ty),+) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(name_of(self))
            }
        }
    )+};
}

display_as_name!(
    SectionKind,
    PaymentRole,
    Period,
    Purpose,
    RemedyKind,
    Finding
);

impl Decision {
    /// The sections of one kind, in order.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// The lump-sum payments whose role is `agreed`.
    pub fn agreed_payments(&self) -> impl Iterator<Item = &Payment> {
        self.payments_with_roles(&[PaymentRole::Agreed])
    }

    /// The lump-sum payments whose role is one of `roles` (rates are left out).
    pub fn payments_with_roles<'a>(
        &'a self,
        roles: &'a [PaymentRole],
    ) -> impl Iterator<Item = &'a Payment> {
        self.payments
            .iter()
            .filter(move |p| p.period.is_none() && roles.contains(&p.role))
    }

    /// The year of the decision date, where known.
    pub fn year(&self) -> Option<i32> {
        self.decision_date.map(|date| date.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date as its own serde-able struct, to see its JSON form alone.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "iso_date::option", default)]
        day: Option<time::Date>,
    }

    #[test]
    fn dates_are_written_and_read_as_iso_days() {
        let day = Some(time::macros::date!(1974 - 01 - 05));
        let json = serde_json::to_string(&Dated { day }).unwrap();
        assert_eq!(json, r#"{"day":"1974-01-05"}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).unwrap(), Dated { day });
        let none = serde_json::to_string(&Dated { day: None }).unwrap();
        assert_eq!(none, r#"{"day":null}"#);
        assert_eq!(serde_json::from_str::<Dated>("{}").unwrap().day, None);
        assert!(serde_json::from_str::<Dated>(r#"{"day":"2023-02-29"}"#).is_err());
        assert_eq!(iso_text(time::macros::date!(2023 - 10 - 05)), "2023-10-05");
    }
}
