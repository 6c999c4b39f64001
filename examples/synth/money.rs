//! Money in a synthetic decision, with the role each amount plays: the remedy
//! payments the decision secures (the ground truth), and the traps around them
//! (offers from the council's own complaint process, restated totals, bills and
//! fees, the remedy guidance's ranges).

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::names::Alias;

/// What an agreed payment is for; decides its size and its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Distress,
    TimeAndTrouble,
    Frustration,
    LossOfService,
    Refund,
    Backdated,
}

/// One remedy payment the decision secures.
#[derive(Debug, Clone)]
pub struct Agreed {
    /// Amount in pence.
    pub pence: u64,
    /// What it is for.
    pub purpose: Purpose,
    /// Who is paid (`Mr B`, `Mr B's son`).
    pub recipient: String,
}

/// The money plan of one decision.
#[derive(Debug, Clone, Default)]
pub struct Money {
    /// The decision's remedy payments (distinct amounts).
    pub agreed: Vec<Agreed>,
    /// What the body offered in its own complaint process, in pence.
    pub offered: Option<u64>,
    /// Whether the agreed action says the payment is "in addition to" the offer.
    pub in_addition: bool,
    /// Whether the summary restates several payments as one total.
    pub summary_total: bool,
}

impl Money {
    /// Sum of the agreed payments in pence.
    pub fn agreed_pence(&self) -> u64 {
        self.agreed.iter().map(|a| a.pence).sum()
    }
}

/// Symbolic amounts as the remedy guidance makes them: mostly hundreds.
fn symbolic(rng: &mut ChaCha8Rng) -> u64 {
    const POUNDS: &[u64] = &[
        100, 100, 150, 150, 200, 200, 200, 250, 250, 300, 300, 300, 350, 400, 500, 500, 750, 1000,
    ];
    POUNDS.choose(rng).expect("non-empty") * 100
}

/// Plans the payments of an upheld decision: none (apology and service
/// improvements only), or one to three with distinct amounts.
pub fn plan_upheld(rng: &mut ChaCha8Rng, alias: &Alias, children: bool) -> Money {
    let count = match rng.random_range(0..100) {
        0..=27 => 0,
        28..=77 => 1,
        78..=95 => 2,
        _ => 3,
    };
    let mut agreed: Vec<Agreed> = Vec::new();
    while agreed.len() < count {
        let purpose = match rng.random_range(0..100) {
            0..=29 => Purpose::Distress,
            30..=49 => Purpose::TimeAndTrouble,
            50..=69 => Purpose::Frustration,
            70..=81 => Purpose::LossOfService,
            82..=93 => Purpose::Refund,
            _ => Purpose::Backdated,
        };
        let pence = match purpose {
            Purpose::LossOfService => rng.random_range(6..=60) * 10_000,
            Purpose::Refund | Purpose::Backdated => rng.random_range(2_500..=350_000),
            _ => symbolic(rng),
        };
        let recipient = if purpose == Purpose::LossOfService && children {
            format!(
                "{}'s {}",
                alias.name,
                ["son", "daughter", "child"].choose(rng).expect("non-empty")
            )
        } else {
            alias.name.clone()
        };
        if agreed.iter().all(|a| a.pence != pence) {
            agreed.push(Agreed {
                pence,
                purpose,
                recipient,
            });
        }
    }
    let mut money = Money {
        agreed,
        ..Money::default()
    };
    if rng.random_bool(0.35) {
        money.offered = Some(distinct_offer(rng, &money));
        money.in_addition = !money.agreed.is_empty() && rng.random_bool(0.5);
    }
    money.summary_total = money.agreed.len() > 1 && rng.random_bool(0.5);
    money
}

/// Plans the money of a decision that secures no payment: sometimes an offer.
pub fn plan_unremedied(rng: &mut ChaCha8Rng, offer_rate: f64) -> Money {
    let mut money = Money::default();
    if rng.random_bool(offer_rate) {
        money.offered = Some(distinct_offer(rng, &money));
    }
    money
}

/// An offer amount that is not one of the agreed amounts nor their total, so
/// the truth never depends on which mention an extractor picked.
fn distinct_offer(rng: &mut ChaCha8Rng, money: &Money) -> u64 {
    loop {
        let offer = symbolic(rng) + [0, 0, 5_000, 10_000].choose(rng).expect("non-empty");
        if money.agreed.iter().all(|a| a.pence != offer) && money.agreed_pence() != offer {
            return offer;
        }
    }
}

/// `£300`, `£1,500`, `£1,234.56`; `plain` drops the thousands comma, as some
/// decisions do.
pub fn pounds(pence: u64, plain: bool) -> String {
    let whole = pence / 100;
    let frac = pence % 100;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if !plain && i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac == 0 {
        format!("£{grouped}")
    } else {
        format!("£{grouped}.{frac:02}")
    }
}

/// An amount as one decision writes it (rarely without the comma).
pub fn written(rng: &mut ChaCha8Rng, pence: u64) -> String {
    pounds(pence, rng.random_bool(0.05))
}

/// The agreed-action line that secures one payment.
pub fn agreed_line(rng: &mut ChaCha8Rng, a: &Agreed, alias: &Alias) -> String {
    let amount = written(rng, a.pence);
    let r = &a.recipient;
    let pron = alias.possessive;
    match a.purpose {
        Purpose::Distress => [
            format!("Pay {r} {amount} to recognise the distress, time and trouble it caused {}.", alias.object),
            format!("pay {r} {amount} in recognition of the distress and uncertainty caused by the faults;"),
            format!("Make a payment of {amount} to {r} to acknowledge the avoidable distress caused."),
            format!("Pay {r} {amount} as an acknowledgement of the distress the identified fault caused."),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
        Purpose::TimeAndTrouble => [
            format!("Pay {r} {amount} for the time and trouble {} went to in pursuing the complaint.", alias.subject),
            format!("pay {amount} to {r} to recognise {pron} time and trouble;"),
            format!("Pay {r} {amount} to acknowledge the time and trouble of bringing the complaint to us."),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
        Purpose::Frustration => [
            format!("Pay {r} {amount} as a symbolic payment to recognise the uncertainty and frustration caused by the faults in this case."),
            format!("pay {r} {amount} in recognition of the frustration {} felt due to the delay;", alias.subject),
            format!("Pay {r} {amount} to acknowledge the frustration and uncertainty the fault caused."),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
        Purpose::LossOfService => [
            format!("Pay {r} {amount} to remedy the loss of education and provision."),
            format!("pay {amount} to {r} for the loss of care and support between the dates identified in this statement;"),
            format!("Make a payment of {amount} to {r} to acknowledge the lost provision, to be used for {pron} educational benefit."),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
        Purpose::Refund => [
            format!("Refund {r} {amount} {} paid in charges it should not have made.", alias.subject),
            format!("reimburse {r} the {amount} {} paid for the service;", alias.subject),
            format!("Pay {r} {amount} to reimburse the costs {} incurred.", alias.subject),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
        Purpose::Backdated => [
            format!("Backdate {pron} award and pay {r} the {amount} arrears owed."),
            format!("pay {r} {amount}, the benefit {} would have received had the Council acted correctly;", alias.subject),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone(),
    }
}

/// The summary's restatement of the payments (the same payments again).
pub fn summary_clause(rng: &mut ChaCha8Rng, money: &Money, alias: &Alias) -> String {
    let name = &alias.name;
    if money.summary_total {
        let total = written(rng, money.agreed_pence());
        return [
            format!("The Council has agreed to apologise and make payments to {name} totalling {total}."),
            format!("The Council has agreed to pay {name} a total of {total} and improve its procedures."),
        ]
        .choose(rng)
        .expect("non-empty")
        .clone();
    }
    let amounts: Vec<String> = money.agreed.iter().map(|a| written(rng, a.pence)).collect();
    let list = match amounts.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    if rng.random_bool(0.15) {
        return "The Council has agreed to apologise, make a financial payment and improve its procedures.".into();
    }
    match (amounts.len(), rng.random_range(0..4)) {
        (1, 0) => format!("The Council has agreed to remedy the injustice with a payment of {list} and make some service improvements."),
        (1, 1) => format!("In recognition of the injustice caused by these faults, the Council has agreed to pay {name} {list} and carry out service improvements."),
        (1, 2) => format!("This caused {name} frustration for which the Council will pay {} {list}.", alias.object),
        (_, 3) => format!("The Council has agreed to apologise, pay {name} {list} and remind staff of its procedures."),
        _ => format!("The Council should apologise and pay {name} {list}."),
    }
}

/// Sentences in the body about the offer from the body's own complaint process.
pub fn offer_sentence(rng: &mut ChaCha8Rng, pence: u64, alias: &Alias) -> String {
    let amount = written(rng, pence);
    let name = &alias.name;
    [
        format!("The Council offered {name} {amount} for {} distress.", alias.possessive),
        format!("In its stage two response the Council apologised and offered {amount} for the delay. {name} did not accept this amount."),
        format!("The Council considered the Ombudsman's guidance on remedies and made an offer to {name} totalling {amount}."),
        format!("At the end of its complaints procedure the Council made an offer totalling {amount}, which {name} refused."),
        format!("{name} refused the Council's offer of {amount} as {} did not think it reflected what had happened.", alias.subject),
    ]
    .choose(rng)
    .expect("non-empty")
    .clone()
}

/// Closes the agreed action where the payment comes on top of the offer.
pub fn in_addition_sentence(rng: &mut ChaCha8Rng, pence: u64) -> String {
    let amount = written(rng, pence);
    [
        format!("This is in addition to the {amount} offered from the complaint process."),
        format!("This is in addition to the {amount} the Council has already offered."),
    ]
    .choose(rng)
    .expect("non-empty")
    .clone()
}

/// Where the offer alone is enough: said in decisions with no agreed payment.
pub fn offer_enough_sentence(rng: &mut ChaCha8Rng, pence: u64) -> String {
    let amount = written(rng, pence);
    [
        format!("The Council's offer of {amount} was a suitable remedy and I do not recommend any further payment."),
        format!("I consider the {amount} the Council offered was proportionate and there is nothing more we could achieve."),
    ]
    .choose(rng)
    .expect("non-empty")
    .clone()
}

/// The remedy guidance's range: never a payment.
pub fn guidance_sentence(rng: &mut ChaCha8Rng) -> String {
    let (low, high) = *[(100, 300), (100, 500), (300, 500), (500, 1000), (200, 600)]
        .choose(rng)
        .expect("non-empty");
    [
        format!("Our guidance on remedies says a symbolic payment between £{low} and £{high} is usually appropriate for distress."),
        format!("Our guidance suggests a payment of between £{low} and £{high} a month for the loss of provision."),
    ]
    .choose(rng)
    .expect("non-empty")
    .clone()
}

/// A bill, fee, charge or grant: money in the story that is not a remedy.
pub fn bill_phrase(rng: &mut ChaCha8Rng, category: &str) -> String {
    let pence = rng.random_range(2_000..=450_000);
    let amount = pounds(pence, false);
    let whole = pounds(pence / 100 * 100, false);
    let options: Vec<String> = match category {
        "Benefits and tax" => vec![
            format!("council tax arrears of {amount}"),
            format!("an overpayment of housing benefit of {amount}"),
            format!("enforcement agent fees of {amount}"),
        ],
        "Transport and highways" => vec![
            format!(
                "a penalty charge notice of £{}",
                [70, 110, 130, 160].choose(rng).expect("non-empty")
            ),
            format!("a bill for {whole} for repairs to the road"),
        ],
        "Adult care services" | "Health" => vec![
            format!("weekly care fees of {amount}"),
            format!("an assessed contribution of {amount} a week"),
        ],
        "Planning" => vec![format!(
            "a planning application fee of £{}",
            [206, 258, 462, 578].choose(rng).expect("non-empty")
        )],
        "Housing" => vec![
            format!("rent arrears of {amount}"),
            format!("a service charge bill of {amount}"),
        ],
        _ => vec![
            format!("an invoice for {amount}"),
            format!(
                "a fixed penalty notice of £{}",
                [100, 150, 400].choose(rng).expect("non-empty")
            ),
        ],
    };
    options.choose(rng).expect("non-empty").clone()
}

#[cfg(test)]
mod tests {
    use super::pounds;

    #[test]
    fn pounds_format() {
        assert_eq!(pounds(30_000, false), "£300");
        assert_eq!(pounds(150_000, false), "£1,500");
        assert_eq!(pounds(123_456, false), "£1,234.56");
        assert_eq!(pounds(150_000, true), "£1500");
    }
}
