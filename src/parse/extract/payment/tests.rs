//! Payment rules on short passages written like real decisions.

use super::*;
use crate::parse::decision::Purpose::*;
use SectionKind::*;

fn run(parts: &[(Option<SectionKind>, &str)], complainant: Option<&str>) -> Vec<Payment> {
    let blocks: Vec<Block> = parts.iter().map(|(k, t)| Block::new(*k, t)).collect();
    payments(&blocks, complainant, &Reached::default())
}

fn agreed(payments: &[Payment]) -> Vec<f64> {
    payments
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed)
        .map(|p| p.amount)
        .collect()
}

fn role_of(payments: &[Payment], amount: f64) -> Vec<PaymentRole> {
    payments
        .iter()
        .filter(|p| p.amount == amount)
        .map(|p| p.role)
        .collect()
}

#[test]
fn agreed_action_payment_with_purpose_and_recipient() {
    let p = run(
        &[(
            Some(AgreedAction),
            "Within one month the Council has agreed to:\nPay Miss X £300 as an acknowledgement of the frustration and distress caused.\nApologise.",
        )],
        Some("Miss X"),
    );
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].amount, p[0].role), (300.0, PaymentRole::Agreed));
    assert_eq!(p[0].purpose, vec![Distress, Frustration]);
    assert_eq!(p[0].recipient.as_deref(), Some("Miss X"));
    assert_eq!(p[0].section, "agreed_action");
}

#[test]
fn offer_in_complaint_process_and_in_addition_to() {
    let p = run(
        &[
            (Some(Findings), "The Council offered Miss X £200 for her distress. Miss X did not accept this.\nThe Council made an offer totalling £450."),
            (Some(AgreedAction), "Pay Miss X £300 for her distress. This is in addition to the £450 offered from the complaint process."),
        ],
        Some("Miss X"),
    );
    assert_eq!(agreed(&p), vec![300.0]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
    // £450 is a total of offers, and the second mention refers back to it: never agreed.
    assert!(role_of(&p, 450.0).iter().all(|r| *r != PaymentRole::Agreed));
}

#[test]
fn restated_total_is_not_another_payment() {
    let p = run(
        &[
            (None, "The Council has agreed to pay Mrs X a total of £750."),
            (
                Some(AgreedAction),
                "Pay Mrs X £500 for her distress.\nPay Mrs X £250 for her time and trouble.",
            ),
        ],
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![500.0, 250.0]);
    assert!(role_of(&p, 750.0).is_empty());
    let p = run(&[(None, "The Council agreed to pay £200 for distress and £100 for time and trouble, a total of £300.")], None);
    assert_eq!(agreed(&p), vec![200.0, 100.0]);
}

#[test]
fn summary_repeating_the_agreed_payment_is_one_payment() {
    let p = run(
        &[
            (
                None,
                "The Council has agreed to pay Ms X £300 and carry out service improvements.",
            ),
            (
                Some(Findings),
                "The Council should pay Ms X £300 for her distress.",
            ),
            (
                Some(AgreedAction),
                "Within one month, the Council will pay Ms X £300 for her distress.",
            ),
            (
                Some(FinalDecision),
                "I have found fault causing injustice and the Council has agreed to pay £300.",
            ),
        ],
        Some("Ms X"),
    );
    assert_eq!(agreed(&p), vec![300.0]);
    assert_eq!(
        p.iter()
            .find(|p| p.role == PaymentRole::Agreed)
            .map(|p| p.section.as_str()),
        Some("agreed_action")
    );
}

#[test]
fn summary_only_agreed_payment_and_accepted_offer() {
    let p = run(
        &[
            (None, "We found fault. The Council has agreed to remedy the injustice with a payment of £300."),
            (Some(WhatFound), "It has since offered Mr B £300 for the distress he was caused."),
            (Some(Findings), "This was fault. I welcome the Council's offer of £300 to recognise that injustice."),
            (Some(AgreedAction), "I welcome the offer of a payment for the delay."),
        ],
        Some("Mr B"),
    );
    assert_eq!(agreed(&p), vec![300.0]);
    let p = run(
        &[(
            Some(Findings),
            "In response to my enquiries, the Council offered Mr X £150 for his time and trouble.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![150.0]);
}

#[test]
fn bills_grants_fees_and_wanted_amounts_are_other() {
    let p = run(
        &[
            (None, "We will not investigate. The Council refused Miss Y a £10,000 business grant."),
            (
                Some(Complaint),
                "Mr X had to pay his contractors £300. His rent increased by £100. He wants the Council to pay him £400 for damage.\nShe was charged £1,173 more than she should have been. The backdated bills were about £14,000.",
            ),
            (Some(WhatFound), "Transport costs £45 per week. The cost of the service is £55.50."),
        ],
        Some("Mr X"),
    );
    assert!(p.iter().all(|p| p.role == PaymentRole::Other), "{p:#?}");
    assert_eq!(p.len(), 8);
    assert_eq!(
        p.iter().find(|p| p.amount == 55.5).map(|p| p.amount),
        Some(55.5)
    );
}

#[test]
fn guidance_range_is_not_a_payment() {
    let p = run(
        &[
            (Some(Findings), "Our guidance suggests a payment of between £100 and £300 for distress. The Council should pay £100 to £300."),
            (Some(AgreedAction), "Pay Mr X £250 for his distress."),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![250.0]);
    // The same quoted amount twice is one `other` payment.
    assert_eq!(role_of(&p, 100.0), vec![PaymentRole::Other]);
    assert_eq!(role_of(&p, 300.0), vec![PaymentRole::Other]);
}

#[test]
fn two_recipients_same_amount_are_two_payments() {
    let p = run(
        &[(
            Some(AgreedAction),
            "The Council will:\nPay Mr X £200 for his distress.\nPay Mrs X £200 for her distress.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![200.0, 200.0]);
    let recipients: Vec<_> = p.iter().map(|p| p.recipient.clone()).collect();
    assert_eq!(
        recipients,
        vec![Some("Mr X".to_string()), Some("Mrs X".to_string())]
    );
}

#[test]
fn same_amount_twice_in_one_sentence_is_two_payments() {
    let p = run(
        &[(
            Some(AgreedAction),
            "Pay Mr X £100 for distress and £100 for his time and trouble.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![100.0, 100.0]);
    assert_eq!(p[1].purpose, vec![TimeAndTrouble]);
}

#[test]
fn pence_no_sign_words_and_millions() {
    let p = run(&[(None, "The Council has agreed to refund Mr X £1,250.50 and pay him 300 pounds for his distress.")], Some("Mr X"));
    assert_eq!(agreed(&p), vec![1250.5, 300.0]);
    assert_eq!(p[0].purpose, vec![FinancialLoss]);
    assert_eq!(p[1].recipient.as_deref(), Some("Mr X"));
    let p = run(
        &[(
            None,
            "The Council agreed to pay Mrs Y five hundred pounds for her distress.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![500.0]);
    let p = run(
        &[(
            None,
            "The Council should pay her a total of 300 for her distress.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![300.0]);
    let p = run(&[(Some(WhatFound), "The scheme cost £1.2m to run.")], None);
    assert_eq!((p[0].amount, p[0].role), (1_200_000.0, PaymentRole::Other));
}

#[test]
fn recommended_and_will_pay_in_summary() {
    let p = run(&[(None, "We recommended the Council provides an apology to Mrs X, pays her £100 for time and trouble and acts to prevent recurrence.")], Some("Mrs X"));
    assert_eq!(agreed(&p), vec![100.0]);
    assert_eq!(p[0].recipient.as_deref(), Some("Mrs X"));
    let p = run(&[(None, "The Council has agreed to apologise, pay Mr Y £5,000 and reimburse him £1,200 for decorating a property.")], None);
    assert_eq!(agreed(&p), vec![5000.0, 1200.0]);
}

#[test]
fn waived_fee_and_reduced_charge() {
    let p = run(&[(None, "The Council agreed to instruct its bailiff to reduce the Enforcement Fee by £100 to reflect the distress caused.")], None);
    assert_eq!(agreed(&p), vec![100.0]);
    let p = run(
        &[(
            None,
            "It has apologised and waived £100 from the bill. We are satisfied with this.",
        )],
        None,
    );
    assert_eq!(role_of(&p, 100.0), vec![PaymentRole::Offered]);
}

#[test]
fn payments_already_made_and_should_have() {
    let p = run(
        &[(None, "The Council has already paid Mr X £200. It should have paid him £50 earlier. At stage two the Council agreed to pay £75.")],
        None,
    );
    assert!(agreed(&p).is_empty(), "{p:#?}");
    assert_eq!(role_of(&p, 50.0), vec![PaymentRole::Other]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
}

#[test]
fn no_money_no_payments() {
    assert!(run(
        &[
            (None, "There was no fault."),
            (Some(AgreedAction), "Apologise to Mr X.")
        ],
        None
    )
    .is_empty());
    assert!(run(&[], None).is_empty());
}

#[test]
fn amounts_referring_back_to_earlier_offers() {
    let p = run(
        &[(
            Some(AgreedAction),
            "Pay Mrs X £500, less the £200 it has already paid.\nThe £150 offered at stage two was not enough.",
        )],
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![500.0]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Offered]);
}

#[test]
fn total_made_up_of_parts_in_one_sentence() {
    let p = run(&[(None, "The Council agreed to pay Mr X £350, comprising £250 for distress and £100 for time and trouble.")], None);
    assert_eq!(agreed(&p), vec![250.0, 100.0]);
    let p = run(
        &[(
            Some(AgreedAction),
            "Pay Mr X £350 made up of £250 for distress and £100 for time and trouble.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![250.0, 100.0]);
}

#[test]
fn offer_made_during_our_investigation_is_the_remedy() {
    let p = run(
        &[
            (Some(Findings), "The Council has now offered Mrs X £250 for her distress. I consider that a suitable remedy."),
            (Some(FinalDecision), "I have completed my investigation."),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![250.0]);
}

#[test]
fn lead_in_list_without_verbs() {
    let p = run(
        &[(
            Some(AgreedAction),
            "Within one month of my final decision, the Council has agreed to pay Mrs X:\n£500 for the loss of education between September and December;\n£250 for her distress and time and trouble.\nThe Council will also apologise.",
        )],
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![500.0, 250.0]);
    assert_eq!(p[0].purpose, vec![LossOfService]);
    assert_eq!(p[1].purpose, vec![Distress, TimeAndTrouble]);
}

#[test]
fn report_recommendations_and_backdated_benefit() {
    let p = run(
        &[
            (Some(Findings), "I consider a payment of £300 is appropriate to acknowledge Mr X's distress."),
            (
                Some(AgreedAction),
                "The Council should:\nbackdate Mr X's housing benefit to April 2020 (approximately £2,400);\npay Mr X £300 for his distress;\nwaive the outstanding £1,500 care charges.",
            ),
        ],
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![2400.0, 300.0, 1500.0]);
    assert_eq!(
        p.iter()
            .find(|p| p.amount == 2400.0)
            .map(|p| p.purpose.clone()),
        Some(vec![Backdated])
    );
    assert_eq!(
        p.iter()
            .find(|p| p.amount == 1500.0)
            .map(|p| p.purpose.clone()),
        Some(vec![FinancialLoss])
    );
    let p = run(
        &[(
            Some(Findings),
            "I consider a payment of £300 is appropriate to acknowledge Mr X's distress.",
        )],
        None,
    );
    assert_eq!(agreed(&p), vec![300.0]);
}

#[test]
fn amounts_past_the_caps_are_ignored_with_warnings() {
    // One sentence of 100 amounts: only the first MAX_AMOUNTS_PER_SENTENCE are read.
    let list: String = (1..=100).map(|i| format!("£{i} and ")).collect();
    let one = format!("The Council will pay Mr X {list}£101.");
    let blocks = [Block::new(Some(AgreedAction), &one)];
    let reached = Reached::default();
    let found = payments(&blocks, None, &reached);
    assert_eq!(found.len(), MAX_AMOUNTS_PER_SENTENCE);
    assert!(reached.has(Cap::AmountsInSentence) && !reached.has(Cap::Amounts));

    // Many sentences of one amount each: only the first MAX_AMOUNTS are read.
    let many: String = (1..=1000)
        .map(|i| format!("The Council will pay Mr X £{i}.\n"))
        .collect();
    let blocks = [Block::new(Some(AgreedAction), &many)];
    let reached = Reached::default();
    let found = payments(&blocks, None, &reached);
    assert_eq!(found.len(), MAX_AMOUNTS);
    assert_eq!(found.last().map(|p| p.amount), Some(MAX_AMOUNTS as f64));
    assert!(reached.has(Cap::Amounts) && !reached.has(Cap::AmountsInSentence));

    // Real passages reach no cap.
    let reached = Reached::default();
    let blocks = [Block::new(
        Some(AgreedAction),
        "Pay Miss X £300 for her distress.",
    )];
    assert_eq!(payments(&blocks, None, &reached).len(), 1);
    assert_eq!(reached.warnings().count(), 0);
}

#[test]
fn a_long_sentence_stores_an_excerpt_around_each_amount() {
    let filler = "and the Council will consider the matter further ".repeat(60);
    let text = format!("The Council will pay Miss X £300 {filler}and pay her £200 too.");
    assert!(text.len() > crate::parse::extract::bounds::MAX_EVIDENCE);
    let blocks = [Block::new(Some(AgreedAction), &text)];
    let reached = Reached::default();
    let found = payments(&blocks, None, &reached);
    assert_eq!(found.len(), 2, "{found:?}");
    for p in &found {
        assert!(p.sentence.len() < 600, "{}", p.sentence.len());
        assert!(
            p.sentence.contains(&format!("£{}", p.amount)),
            "{}",
            p.sentence
        );
    }
    assert!(reached.has(Cap::Evidence));
}
