//! Payment rules on short passages written like real decisions.

use super::*;
use crate::parse::decision::Purpose::*;
use SectionKind::*;

fn run(parts: &[(Option<SectionKind>, &str)], complainant: Option<&str>) -> Vec<Payment> {
    let blocks: Vec<Block> = parts.iter().map(|(k, t)| Block::new(*k, t)).collect();
    payments(&blocks, complainant, &Reached::default())
}

/// [`run`] on one block.
fn run_one(kind: Option<SectionKind>, text: &str, complainant: Option<&str>) -> Vec<Payment> {
    run(&[(kind, text)], complainant)
}

fn agreed(payments: &[Payment]) -> Vec<f64> {
    payments
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed)
        .map(|p| p.amount)
        .collect()
}

/// Each payment's amount and role, in order.
fn amounts_and_roles(payments: &[Payment]) -> Vec<(f64, PaymentRole)> {
    payments.iter().map(|p| (p.amount, p.role)).collect()
}

/// Asserts that the first amount of `text`, read as one block of `kind`
/// whose complainant is Mr X, has `role`.
fn assert_first_role(kind: Option<SectionKind>, text: &str, role: PaymentRole) {
    let p = run_one(kind, text, Some("Mr X"));
    assert_eq!(amounts_and_roles(&p)[0].1, role, "{text}: {p:?}");
}

/// Asserts each amount and role of `text`, read as one block with no
/// section whose complainant is `complainant`.
fn assert_roles(text: &str, complainant: &str, expected: &[(f64, PaymentRole)]) {
    let p = run_one(None, text, Some(complainant));
    assert_eq!(amounts_and_roles(&p), expected, "{text}");
}

/// [`assert_first_role`] for each case.
fn assert_first_roles(cases: &[(Option<SectionKind>, &str, PaymentRole)]) {
    for &(kind, text, role) in cases {
        assert_first_role(kind, text, role);
    }
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
    let p = run_one(Some(AgreedAction), "Within one month the Council has agreed to:\nPay Miss X £300 as an acknowledgement of the frustration and distress caused.\nApologise.", Some("Miss X"));
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
    let p = run_one(None, "The Council agreed to pay £200 for distress and £100 for time and trouble, a total of £300.", None);
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
    let p = run_one(
        Some(Findings),
        "In response to my enquiries, the Council offered Mr X £150 for his time and trouble.",
        None,
    );
    assert_eq!(agreed(&p), vec![150.0]);
}

#[test]
fn what_the_ombudsman_invited_is_agreed_and_an_injustice_addressed_is_enough() {
    let p = run_one(
        Some(Findings),
        "I therefore invited the Authority to carry out the following actions within one month of a final decision:\nProvide an apology to Mr X.\nPay Mr X £150 for distress.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![150.0], "{p:#?}");
    let p = run(
        &[
            (None, "We will not investigate this complaint. This is because TfL has already addressed any injustice Miss X experienced in its complaint response."),
            (Some(Findings), "TfL apologised for the misinformation and offered her a £20 goodwill award."),
        ],
        Some("Miss X"),
    );
    assert_eq!(role_of(&p, 20.0), vec![PaymentRole::Accepted], "{p:#?}");
}

#[test]
fn money_paid_before_the_enquiries_is_not_their_remedy() {
    // Paid already: what the enquiries found, not what they secured.
    let p = run(
        &[
            (
                Some(Findings),
                "In response to our enquiries, the Council confirmed it has already refunded £80 of the £160 penalty charge Mr X had paid.\nThis is the outcome Mr X was seeking, and is a satisfactory way to address the complaint.",
            ),
            (Some(FinalDecision), "We will not investigate this complaint."),
        ],
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new(), "{p:#?}");
    assert_eq!(role_of(&p, 80.0), vec![PaymentRole::Accepted], "{p:#?}");
    assert_eq!(role_of(&p, 160.0), vec![PaymentRole::Other], "{p:#?}");
    // Without the judgement it is money the decision narrates.
    let p = run_one(
        Some(Findings),
        "In response to our enquiries, the Council confirmed it had already paid Mr X £80.",
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 80.0), vec![PaymentRole::Offered], "{p:#?}");
    // What the enquiries brought about stays agreed, `already` or not.
    for text in [
        "In response to our enquiries, the Council agreed to pay Mr X £100.",
        "In response to our enquiries, the Council has already agreed to pay Mr X £100.",
        "In response to our enquiries, the Council offered Mr X £100.",
    ] {
        let p = run_one(Some(Findings), text, Some("Mr X"));
        assert_eq!(agreed(&p), vec![100.0], "{text}: {p:#?}");
    }
}

#[test]
fn bills_grants_fees_are_other_and_the_complainants_losses_claimed() {
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
    assert_eq!(p.len(), 8);
    for (amount, want) in [
        (10_000.0, PaymentRole::Other),
        (300.0, PaymentRole::Claimed),
        (100.0, PaymentRole::Other),
        (400.0, PaymentRole::Claimed),
        (1_173.0, PaymentRole::Claimed),
        (14_000.0, PaymentRole::Other),
        (45.0, PaymentRole::Other),
        (55.5, PaymentRole::Other),
    ] {
        assert_eq!(role_of(&p, amount), vec![want], "£{amount}: {p:#?}");
    }
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
    let p = run_one(
        Some(AgreedAction),
        "The Council will:\nPay Mr X £200 for his distress.\nPay Mrs X £200 for her distress.",
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
    let p = run_one(
        Some(AgreedAction),
        "Pay Mr X £100 for distress and £100 for his time and trouble.",
        None,
    );
    assert_eq!(agreed(&p), vec![100.0, 100.0]);
    assert_eq!(p[1].purpose, vec![TimeAndTrouble]);
}

#[test]
fn pence_no_sign_words_and_millions() {
    let p = run_one(
        None,
        "The Council has agreed to refund Mr X £1,250.50 and pay him 300 pounds for his distress.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![1250.5, 300.0]);
    assert_eq!(p[0].purpose, vec![FinancialLoss]);
    assert_eq!(p[1].recipient.as_deref(), Some("Mr X"));
    let p = run_one(
        None,
        "The Council agreed to pay Mrs Y five hundred pounds for her distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![500.0]);
    let p = run_one(
        None,
        "The Council should pay her a total of 300 for her distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![300.0]);
    let p = run_one(Some(WhatFound), "The scheme cost £1.2m to run.", None);
    assert_eq!((p[0].amount, p[0].role), (1_200_000.0, PaymentRole::Other));
}

#[test]
fn recommended_and_will_pay_in_summary() {
    let p = run_one(None, "We recommended the Council provides an apology to Mrs X, pays her £100 for time and trouble and acts to prevent recurrence.", Some("Mrs X"));
    assert_eq!(agreed(&p), vec![100.0]);
    assert_eq!(p[0].recipient.as_deref(), Some("Mrs X"));
    let p = run_one(None, "The Council has agreed to apologise, pay Mr Y £5,000 and reimburse him £1,200 for decorating a property.", None);
    assert_eq!(agreed(&p), vec![5000.0, 1200.0]);
}

#[test]
fn waived_fee_and_reduced_charge() {
    let p = run_one(None, "The Council agreed to instruct its bailiff to reduce the Enforcement Fee by £100 to reflect the distress caused.", None);
    assert_eq!(agreed(&p), vec![100.0]);
    let p = run_one(
        None,
        "It has apologised and waived £100 from the bill. We are satisfied with this.",
        None,
    );
    assert_eq!(role_of(&p, 100.0), vec![PaymentRole::Accepted]);
}

#[test]
fn payments_already_made_and_should_have() {
    let p = run(
        &[(Some(WhatFound), "The Council has already paid Mr X £200. It should have paid him £50 earlier. At stage two the Council agreed to pay £75.")],
        None,
    );
    assert!(agreed(&p).is_empty(), "{p:#?}");
    assert_eq!(role_of(&p, 50.0), vec![PaymentRole::Other]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
}

#[test]
fn an_agreed_payment_of_money_owed_is_agreed() {
    use PaymentRole::{Agreed, Other};
    let p = run_one(
        None,
        "The Council has agreed to apologise, pay Mrs A the £7,845 in backdated allowance she should have received, and pay her £300 for the further distress its delay caused.",
        Some("Mrs A"),
    );
    assert_eq!(amounts_and_roles(&p), [(7845.0, Agreed), (300.0, Agreed)]);
    let p = run_one(
        None,
        "It has agreed to pay Mr and Mrs K £1,736 in unpaid fees and £200 for their time and trouble.",
        Some("Mr and Mrs K"),
    );
    assert_eq!(amounts_and_roles(&p), [(1736.0, Agreed), (200.0, Agreed)]);
    // Without an agreement, or paid by the complainant, the fee or benefit
    // is other; and money owed with no payment agreed after it stays owed.
    assert_first_roles(&[
        (Some(WhatFound), "Mrs A paid £450 in fees.", Other),
        (
            Some(WhatFound),
            "The Council will pay £95 in housing benefit a week from April.",
            Other,
        ),
        (
            Some(WhatFound),
            "The Council agreed to review her case; it should have paid her £50 in March.",
            Other,
        ),
    ]);
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
    let p = run_one(Some(AgreedAction), "Pay Mrs X £500, less the £200 it has already paid.\nThe £150 offered at stage two was not enough.", Some("Mrs X"));
    assert_eq!(agreed(&p), vec![500.0]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Offered]);
}

#[test]
fn total_made_up_of_parts_in_one_sentence() {
    let p = run_one(None, "The Council agreed to pay Mr X £350, comprising £250 for distress and £100 for time and trouble.", None);
    assert_eq!(agreed(&p), vec![250.0, 100.0]);
    let p = run_one(
        Some(AgreedAction),
        "Pay Mr X £350 made up of £250 for distress and £100 for time and trouble.",
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
    let p = run_one(Some(AgreedAction), "Within one month of my final decision, the Council has agreed to pay Mrs X:\n£500 for the loss of education between September and December;\n£250 for her distress and time and trouble.\nThe Council will also apologise.", Some("Mrs X"));
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
    let p = run_one(
        Some(Findings),
        "I consider a payment of £300 is appropriate to acknowledge Mr X's distress.",
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

#[test]
fn what_the_complainant_wants_or_lost_is_claimed() {
    let p = run(
        &[
            (None, "We will not investigate. Mrs Q is seeking more than £8,000 in damages."),
            (
                Some(Complaint),
                "Mr R wants the Council to give him a further £350 for his trouble. He says he was cheated out of £2,500 and later defrauded of £900.\nMs T says the permit cost an extra £60 which she should not have been charged.\nShe has had to pay £30 a week for taxis. Mr R lost £1,750 when the sale fell through.",
            ),
        ],
        None,
    );
    for (amount, want) in [
        (8_000.0, PaymentRole::Claimed),
        (350.0, PaymentRole::Claimed),
        (900.0, PaymentRole::Claimed),
        (1_750.0, PaymentRole::Claimed),
        (60.0, PaymentRole::Claimed),
        (30.0, PaymentRole::Claimed),
    ] {
        assert_eq!(role_of(&p, amount), vec![want], "£{amount}: {p:#?}");
    }
    // A loss the body agrees to make good in the same sentence is agreed.
    let p = run_one(
        None,
        "Mr R had to pay £300 for a private report, and the Council has agreed to reimburse this.",
        None,
    );
    assert_eq!(agreed(&p), vec![300.0]);
    // A claim the decision then grants is the payment, no longer a claim.
    let p = run_one(
        None,
        "Mr R asked for £200 and the Council has agreed to pay him £200 for his distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![200.0]);
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Agreed]);
}

#[test]
fn a_list_of_wants_under_its_lead_in_is_claimed() {
    let p = run_one(Some(Complaint), "Mr V wants:\n£400 for the time he spent chasing the Council;\na £90 payment for his distress;\nan apology.", None);
    assert_eq!(role_of(&p, 400.0), vec![PaymentRole::Claimed]);
    assert_eq!(role_of(&p, 90.0), vec![PaymentRole::Claimed]);
}

#[test]
fn the_ombudsman_asking_for_a_payment_makes_it_agreed() {
    let p = run_one(None, "We found fault in how the Council handled the appeal. We have asked the Council to pay Mr W £150 and review its letters.", None);
    assert_eq!(agreed(&p), vec![150.0]);
    let p = run_one(
        None,
        "The Council has been asked to pay Miss K £75 for her trouble.",
        None,
    );
    assert_eq!(agreed(&p), vec![75.0]);
    // The complainant asked to pay is charged, not paid.
    let p = run_one(
        Some(Findings),
        "Mr W was asked to pay care fees of £210 while his funding was decided.",
        None,
    );
    assert_eq!(role_of(&p, 210.0), vec![PaymentRole::Other]);
    // The complainant asking is a claim.
    let p = run(
        &[(Some(Complaint), "Mr W asked the Council to pay him £150.")],
        None,
    );
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Claimed]);
}

#[test]
fn an_amount_in_a_list_of_agreed_actions_is_agreed() {
    let p = run_one(
        None,
        "We found fault, but the agreed remedy of an apology, £350 and staff training is enough.",
        None,
    );
    assert_eq!(agreed(&p), vec![350.0]);
    let p = run_one(
        None,
        "The agreed actions of a written apology, £120 and a new assessment remedy the injustice.",
        None,
    );
    assert_eq!(agreed(&p), vec![120.0]);
}

#[test]
fn prescriptive_list_after_should_in_any_section_is_agreed() {
    // The 2016-17 layout: a list after `the council should:` with no
    // agreed-action heading above it.
    let p = run_one(Some(Complaint), "The council failed to arrange the tuition.\nTo put things right, the council should:\npay Mrs Z an additional £300, to the £300 it has already offered, for her distress;\npay Mrs Z £650 for the lost tuition;\nreview its procedures.", Some("Mrs Z"));
    assert_eq!(agreed(&p), vec![300.0, 650.0]);
    assert_eq!(
        role_of(&p, 300.0),
        vec![PaymentRole::Agreed, PaymentRole::Offered]
    );
    let p = run_one(
        None,
        "The council has agreed to:\npay Mr N £250 for his distress;\napologise.",
        None,
    );
    assert_eq!(agreed(&p), vec![250.0]);
    let p = run_one(
        Some(Findings),
        "We recommend the council:\npays Ms L £180 to acknowledge her frustration.",
        None,
    );
    assert_eq!(agreed(&p), vec![180.0]);
    // Narrated history stays narrated.
    let p = run_one(
        Some(WhatFound),
        "In its stage two response the council agreed to:\npay Ms L £90 for her distress.",
        None,
    );
    assert_eq!(role_of(&p, 90.0), vec![PaymentRole::Offered]);
}

#[test]
fn a_sufficient_remedy_already_provided_is_accepted() {
    let p = run_one(None, "The Council has already paid Mr F £250, which is a suitable remedy for the delay. We have completed our investigation.", None);
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Accepted]);
    let p = run_one(None, "The Council apologised and offered Mrs G £150. We consider this is a proportionate remedy, so we will not investigate.", None);
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Accepted]);
    // The amount restated with nothing around it is the same payment.
    let p = run_one(
        None,
        "The Council offered Mrs G £150 at stage two. We consider £150 is a suitable remedy.",
        None,
    );
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Accepted]);
    // Found not enough: still only offered.
    let p = run_one(
        None,
        "The Council offered Mrs G £150. This is not a sufficient remedy.",
        None,
    );
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Offered]);
    // Superseded by a payment this decision secures: offered.
    let p = run(
        &[
            (None, "The Council offered Mrs G £150, which was a suitable remedy for part of the complaint."),
            (Some(AgreedAction), "The Council will pay Mrs G £400 for her distress."),
        ],
        None,
    );
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Offered]);
    assert_eq!(agreed(&p), vec![400.0]);
    // An offer found suitable in the background sections is history.
    let p = run_one(
        Some(WhatFound),
        "The Council offered £80. Mr H was satisfied with that.",
        None,
    );
    assert_eq!(role_of(&p, 80.0), vec![PaymentRole::Offered]);
}

#[test]
fn a_refunded_charge_is_other_unless_it_is_the_remedy() {
    let p = run_one(None, "The Council was slow in refunding the permit fee of £45 but this caused no significant injustice.", None);
    assert_eq!(role_of(&p, 45.0), vec![PaymentRole::Other]);
    let p = run(
        &[(Some(AgreedAction), "Refund the permit fee of £45.")],
        None,
    );
    assert_eq!(agreed(&p), vec![45.0]);
    let p = run_one(
        None,
        "The Council has agreed to refund the permit fee of £45.",
        None,
    );
    assert_eq!(agreed(&p), vec![45.0]);
}

#[test]
fn an_amount_in_brackets_after_what_is_refunded_is_that_payment() {
    let p = run_one(
        None,
        "The Council has agreed to refund the charges (£420) and pay Mrs P £100 for her distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![420.0, 100.0]);
    let p = run_one(
        Some(AgreedAction),
        "Reimburse the cost of the private assessment (£1,150).",
        None,
    );
    assert_eq!(agreed(&p), vec![1150.0]);
}

#[test]
fn same_amount_for_different_purposes_or_people_stays_distinct() {
    let p = run(
        &[
            (None, "The Council has agreed to pay Mr X £200 for his distress and pay Mrs X £200 for her time and trouble."),
            (
                Some(AgreedAction),
                "Pay Mr X £200 for his distress.\nPay Mrs X £200 for her time and trouble.",
            ),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![200.0, 200.0]);
    // Across sections, no purpose in common: two payments.
    let p = run(
        &[
            (
                None,
                "The Council has agreed to pay £150 for the loss of education.",
            ),
            (
                Some(FinalDecision),
                "The Council has also agreed to pay £150 for her distress.",
            ),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![150.0, 150.0]);
    // Across sections with a purpose in common: one payment restated.
    let p = run(
        &[
            (None, "The Council has agreed to pay £150 for distress."),
            (
                Some(AgreedAction),
                "Pay £150 for her distress and uncertainty.",
            ),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![150.0]);
}

#[test]
fn a_rate_beside_its_stated_total_is_other_and_the_total_is_the_lump_sum() {
    let p = run_one(Some(AgreedAction), "Pay Mrs J £40 a month until her new assessment, a total of £240.\nPay Mrs J £100 for her distress.", None);
    let rate = p.iter().find(|p| p.amount == 40.0).expect("the rate");
    assert_eq!(
        (rate.role, rate.period),
        (
            PaymentRole::Other,
            Some(crate::parse::decision::Period::Month)
        )
    );
    // With no total beside it, a rate keeps the role its words give.
    let lone = run_one(
        Some(AgreedAction),
        "Pay Mrs J £40 a month until her new assessment.",
        None,
    );
    assert_eq!(role_of(&lone, 40.0), vec![PaymentRole::Agreed], "{lone:?}");
    let lump: Vec<_> = p
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed && p.period.is_none())
        .map(|p| p.amount)
        .collect();
    assert_eq!(lump, vec![240.0, 100.0], "{p:?}");
    // A charge at a rate is a charge, whatever verb precedes it.
    let p = run_one(Some(Findings), "The Council decided Mr E should pay a contribution of £85 a week. It said he should pay weekly care fees of £640.", None);
    assert!(p.iter().all(|p| p.role == PaymentRole::Other), "{p:#?}");
    // Rates of other units and bare rates are charges.
    let p = run_one(
        Some(AgreedAction),
        "Review the £12 per hour rate. Its fee of £30 per week stays.",
        None,
    );
    assert!(p.iter().all(|p| p.role == PaymentRole::Other), "{p:#?}");
    assert_eq!(p[1].period, Some(crate::parse::decision::Period::Week));
    let p = run_one(None, "The Council will pay him £1,200 annually.", None);
    assert_eq!(
        (p[0].role, p[0].period),
        (
            PaymentRole::Agreed,
            Some(crate::parse::decision::Period::Year)
        )
    );
}

#[test]
fn a_rate_for_each_period_is_no_lump_sum() {
    // `for each term` is a rate of no week, month or year: the total stated
    // before it is the payment.
    let p = run_one(
        Some(AgreedAction),
        "Pay Y £3,600, being £2,400 for each term of missed education and SEN provision; and pay Mrs X £750 for her distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![3_600.0, 750.0]);
    assert_eq!(role_of(&p, 2_400.0), vec![PaymentRole::Other]);
    // `for each month` is a monthly rate, which keeps its role.
    let p = run_one(
        Some(AgreedAction),
        "Pay Mrs J £300 for each month of missed provision.",
        None,
    );
    assert_eq!(
        (p[0].role, p[0].period),
        (
            PaymentRole::Agreed,
            Some(crate::parse::decision::Period::Month)
        )
    );
}

#[test]
fn a_point_grouped_sale_price_is_read_whole() {
    let p = run_one(
        Some(Complaint),
        "The Council sold the plot to Mr Y for £150.000 without conditions.",
        None,
    );
    assert_eq!(amounts_and_roles(&p), vec![(150_000.0, PaymentRole::Other)]);
}

#[test]
fn the_bodys_demand_and_a_refund_it_was_slow_to_make_are_other() {
    let p = run_one(Some(Complaint), "Mr D complains the Council wrongly demanded a levy payment of £4,100 and added a surcharge of £410.", None);
    assert_eq!(role_of(&p, 4_100.0), vec![PaymentRole::Other]);
    assert_eq!(role_of(&p, 410.0), vec![PaymentRole::Other]);
    let p = run_one(
        Some(Complaint),
        "The Council delayed in reimbursing £52 for a permit he did not need.",
        None,
    );
    assert_eq!(role_of(&p, 52.0), vec![PaymentRole::Other]);
}

#[test]
fn an_agreement_in_the_complaint_process_is_an_offer_and_may_be_accepted() {
    let p = run_one(None, "The Council agreed to pay £120 in its complaint response. We consider this an appropriate remedy for the delay.", None);
    assert_eq!(role_of(&p, 120.0), vec![PaymentRole::Accepted]);
    // The complaint process named as the purpose is no offer.
    let p = run_one(
        None,
        "The Council should pay Mr X £90 for the delay in its complaint response.",
        None,
    );
    assert_eq!(agreed(&p), vec![90.0]);
    let p = run_one(
        None,
        "The Council wrote off £1,400 of the rent arrears, which we consider a suitable remedy.",
        None,
    );
    assert_eq!(role_of(&p, 1_400.0), vec![PaymentRole::Accepted]);
}

#[test]
fn an_amount_named_a_payment_in_an_agreed_remedy_is_agreed() {
    let p = run_one(None, "The Council accepted fault and agreed a remedy. This included an apology and a £600 payment.", None);
    assert_eq!(agreed(&p), vec![600.0]);
    // Unmarked, and not a payment: other.
    let p = run(
        &[(None, "This included an apology and £600 of vouchers.")],
        None,
    );
    assert_eq!(role_of(&p, 600.0), vec![PaymentRole::Other]);
}

/// The cue words before an amount, taken from one search of a longer
/// prefix, are those a search of the words before it alone finds: at every
/// character boundary of every line of `corpus/` and of passages made to
/// cross a match (`asked` cut in two) or glue a word to the amount.
#[test]
fn cue_words_before_an_amount_are_those_of_its_own_prefix() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut texts: Vec<String> = vec![
        "We have asked the Council to pay £300 and it offered £200 at stage two.".into(),
        "She wanted a refund of500 and the Council refused to pay 250 pounds.".into(),
        "The Council declined to offer£100; we asked it to pay £150 in total.".into(),
    ];
    for entry in std::fs::read_dir(dir).expect("corpus/ is readable") {
        let path = entry.expect("a corpus entry").path();
        texts.push(std::fs::read_to_string(&path).expect("a corpus file is text"));
    }
    let mut checked = 0;
    for text in &texts {
        for line in text
            .lines()
            .filter(|l| l.contains('£') || l.contains("pay"))
        {
            let known = cue_matches(line);
            for at in (0..=line.len()).filter(|&at| line.is_char_boundary(at)) {
                let own = cue_matches(&line[..at]);
                assert_eq!(*cues_before(&known, line, at), own[..], "{line:?} at {at}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1_000, "only {checked} positions checked");
}

#[test]
fn money_for_someones_benefit_is_a_remedy_and_a_welfare_benefit_is_not() {
    let p = run_one(Some(AgreedAction), "The Council has agreed to pay Mrs Y £2,000 for D’s benefit for the education he missed, £750 in recognition of D’s distress, and £300 for Mrs Y’s distress.", Some("Mrs Y"));
    assert_eq!(agreed(&p), vec![2000.0, 750.0, 300.0]);
    let p = run_one(Some(AgreedAction), "The Council will pay £400 for the benefit of her son and £150 to Mrs Y for her time and trouble.", Some("Mrs Y"));
    assert_eq!(agreed(&p), vec![400.0, 150.0]);
    // Welfare benefits stay other money, whoever they belong to.
    let p = run_one(
        Some(Complaint),
        "Mr X received £120 a week in housing benefit and says his benefit of £80 was stopped.",
        Some("Mr X"),
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
    assert!(p.iter().all(|p| p.role == PaymentRole::Other), "{p:?}");
}

#[test]
fn an_offer_found_proportionate_or_all_that_could_be_achieved_is_accepted() {
    for text in [
        "In its stage two response the Council offered £200 for the delay. I consider the £200 the Council offered was proportionate and there is nothing more we could achieve.",
        "The Care Provider offered Ms F £350 for her distress. Its offer was fair and reasonable.",
        "The Trust offered Mr D £250. There is nothing further the Ombudsman could achieve.",
    ] {
        let p = run_one(None, text, Some("Ms F"));
        let roles: Vec<PaymentRole> = p.iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![PaymentRole::Accepted], "{text}: {p:?}");
    }
    // Offered in one section and found enough in another: one payment, accepted.
    let p = run(
        &[
            (
                Some(WhatFound),
                "The Council made an offer to Mr F totalling £400.",
            ),
            (
                Some(Findings),
                "I consider the £400 the Council offered was a suitable remedy.",
            ),
        ],
        Some("Mr F"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        vec![(400.0, PaymentRole::Accepted)],
        "{p:?}"
    );
    // Found wanting, the offer stays an offer.
    let p = run_one(
        None,
        "The Council offered £200. The offer was not proportionate to the distress caused.",
        None,
    );
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered]);
}

#[test]
fn any_body_offers_pays_and_charges_as_a_council_does() {
    // The same sentences with the body named otherwise give the same roles.
    let sentences = [
        "In its stage two response the BODY apologised and offered £200 for the delay. I consider the £200 the BODY offered was proportionate.",
        "We recommend the BODY pays Mrs X £300 for her distress, in addition to the £150 the BODY has already paid.",
        "The BODY has been asked to pay £250 to Mrs X.",
        "The BODY wrongly demanded £400 from Mrs X.",
    ];
    let roles = |text: &str, body: &str| -> Vec<(f64, PaymentRole)> {
        amounts_and_roles(&run_one(None, &text.replace("BODY", body), Some("Mrs X")))
    };
    for text in sentences {
        let council = roles(text, "Council");
        for body in [
            "County Council",
            "Care Provider",
            "care home",
            "local authority",
            "Trust",
            "Company",
        ] {
            assert_eq!(roles(text, body), council, "{body}: {text}");
        }
    }
}

#[test]
fn money_the_body_paid_that_suitably_put_matters_right_is_accepted() {
    let p = run_one(None, "The action already taken by the Council, which included an apology and a payment of £150, suitably put matters right.", Some("Mrs X"));
    assert_eq!(amounts_and_roles(&p), vec![(150.0, PaymentRole::Accepted)]);
    // `which puts right ...` judges what the body did.
    for text in [
        "It has now refunded the £96 he was owed, which puts right his financial loss.",
        "It has now paid Mrs V the £6,240 she was owed, which puts right the underpayment.",
        "It has already refunded £180 for calls she did not receive, which puts right her financial loss.",
        "The Council has paid him £250, and this has put matters right.",
        "The Council has apologised and paid Mrs S £150. This is in line with what we would have recommended.",
        "It has offered Mr G £150, which is in line with what we would usually recommend.",
        "It apologised and paid Mrs P £200 for her time and trouble, which is in line with our guidance.",
    ] {
        let p = run_one(None, text, Some("Mrs X"));
        assert_eq!(p.iter().map(|p| p.role).collect::<Vec<_>>(), [PaymentRole::Accepted], "{text}");
    }
    // `to put things right` tells what a remedy is for, and judges nothing.
    let p = run_one(
        None,
        "To put things right, the Council has agreed to pay Mrs X £250.",
        Some("Mrs X"),
    );
    assert_eq!(amounts_and_roles(&p), vec![(250.0, PaymentRole::Agreed)]);
}

#[test]
fn what_the_complainant_says_they_lost_or_are_owed_is_claimed() {
    assert_each_role(
        &[
            "As a result, he has unnecessarily spent £13,000.",
            "Ms Y says Miss X is £138 out of pocket, which she wants refunded.",
            "Ms M says the Council owes her £650.",
            "She believes she was entitled to the £500 payment.",
        ],
        PaymentRole::Claimed,
    );
}

#[test]
fn an_offer_accepted_in_one_place_is_accepted_where_it_is_told() {
    let p = run(
        &[
            (None, "The £150 the Council offered at stage 2 was a fair remedy for the delay at that stage. The Council has agreed to apologise and pay Ms X a further £300."),
            (Some(WhatFound), "The adjudication upheld part of her complaint and offered her £150."),
        ],
        Some("Ms X"),
    );
    assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Accepted], "{p:#?}");
    assert_eq!(agreed(&p), vec![300.0]);
    // An offer of another amount stays an offer.
    let p = run(
        &[
            (None, "The £150 the Council offered at stage 2 was a fair remedy for that delay. The Council has agreed to pay Ms X a further £300."),
            (Some(WhatFound), "At stage 3 it offered her £200."),
        ],
        Some("Ms X"),
    );
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered], "{p:#?}");
}

#[test]
fn a_judgement_in_what_i_found_accepts_the_payment_it_names() {
    let p = run(
        &[
            (None, "The Council was at fault. It has agreed to pay Mrs P £1,800 for lost education."),
            (Some(WhatFound), "It apologised and paid Mrs P £200 for her time and trouble.\nThe £200 the Council has already paid Mrs P is in line with our guidance and I do not recommend a further payment for that."),
        ],
        Some("Mrs P"),
    );
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Accepted], "{p:#?}");
    // The body's own view of its offer there is not the decision's.
    let p = run(
        &[
            (
                None,
                "The Council was at fault. It has agreed to pay Mrs P £1,800 for lost education.",
            ),
            (
                Some(WhatFound),
                "The Council offered Mrs P £200, which it considered a suitable remedy.",
            ),
        ],
        Some("Mrs P"),
    );
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Offered], "{p:#?}");
}

#[test]
fn an_investigation_that_would_achieve_nothing_more_accepts_what_the_body_did() {
    let summary = "We will not investigate Mrs L's complaint. The Council has apologised and refunded the court costs it added to her account.";
    let body = "It withdrew the liability order and refunded the £92 court costs.";
    for (judgement, accepted) in [
        (
            "An investigation would not achieve anything more for Mrs L.",
            true,
        ),
        ("An investigation wouldn't achieve anything more.", true),
        ("We cannot say whether it acted properly.", false),
    ] {
        let text = format!("{summary} {judgement}");
        let p = run(&[(None, &text), (Some(WhatFound), body)], Some("Mrs L"));
        let roles = role_of(&p, 92.0);
        assert_eq!(
            roles == [PaymentRole::Accepted],
            accepted,
            "{judgement}: {p:#?}"
        );
    }
}

#[test]
fn a_value_in_the_complainants_own_words_is_claimed() {
    assert_each_role(
        &[
            "Ms X valued the missing items at £3,200.",
            "They believe the extension has taken £20,000 off the value of their house.",
            "He says they were worth more than £2,000.",
            "Mr and Mrs H say the extension has reduced the value of their home by about £25,000.",
            "Mr Y says he lost property worth about £3,000, including a bed.",
        ],
        PaymentRole::Claimed,
    );
    // A value no one claims, or the body's, is other.
    assert_each_role(
        &[
            "The Council valued the land at £50,000.",
            "The property is worth about £250,000.",
            "The valuation officer says the house was worth £180,000 in 2019.",
        ],
        PaymentRole::Other,
    );
}

#[test]
fn a_price_the_complainant_paid_and_wants_back_is_claimed() {
    assert_each_role(
        &[
            "Mr X purchased a replacement caddy for £15.99 and wants the Council to refund this.",
            "She has now paid the PCN at the discounted rate of £35 and wants the Council to refund her payment.",
            "He bought a new bin for £30 and would like the Council to reimburse him.",
            "They have obtained a quote of £2,650 for a fence and want the Council to pay it in full.",
        ],
        PaymentRole::Claimed,
    );
    // Without the want, or with the body refusing, it stays a price or charge.
    assert_each_role(
        &[
            "Mr X purchased a replacement caddy for £15.99.",
            "The Council charged £50 and refused to refund it.",
            "He bought a caddy for £15.99 and the Council wants him to pay for another.",
        ],
        PaymentRole::Other,
    );
}

#[test]
fn what_someone_is_owed_or_a_fault_caused_them_to_lose_is_claimed() {
    assert_each_role(
        &[
            "Mrs X considers Mr Y is still due a further refund of over £17,000.",
            "He says he is owed a refund of £300.",
            "She believes she was entitled to compensation of £500.",
            "This has caused Mrs X a loss of around £2,150; she wants it back.",
            "This caused him a financial loss of £500.",
            "Mrs X says she and Mr X are out-of-pocket by £1,250, the full respite cost.",
        ],
        PaymentRole::Claimed,
    );
}

#[test]
fn what_a_notice_or_the_body_demands_is_other() {
    assert_each_role(
        &[
            "Mr X complains the Council issued a charge certificate demanding £180 for an unpaid penalty charge notice.",
            "She complains the Council stopped Mr Y’s direct payments, and that it is seeking repayment of £1039.",
        ],
        PaymentRole::Other,
    );
}

#[test]
fn an_amount_followed_by_what_a_remedy_is_for_is_that_remedy() {
    let p = run_one(
        Some(Findings),
        "The Council agreed to send Mr X an apology and £300 in recognition of the avoidable frustration and time and trouble he was caused by its fault.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![300.0]);
    let p = run_one(
        Some(Findings),
        "The Council has agreed to apologise and £150 for her distress.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![150.0]);
    // A price with no remedy words stays what it was.
    assert_one_role(
        "Mrs X's rent of £300 for the flat was high.",
        PaymentRole::Other,
    );
}

#[test]
fn a_stage_the_agreed_remedy_names_is_no_offer_at_that_stage() {
    for text in [
        "The Council has agreed to start an investigation at stage two of the procedure and pay Miss B £150.",
        "The Council agreed to consider the complaint at stage three and to pay Mr X £200 for his time and trouble.",
    ] {
        assert_eq!(agreed(&run_one(None, text, Some("Miss B"))).len(), 1, "{text}");
    }
    // What the body agreed at a stage of its own process stays its offer.
    for text in [
        "At stage two the Council agreed to pay Miss B £150.",
        "The Council agreed at stage two to apologise and pay Miss B £150.",
    ] {
        assert!(
            agreed(&run_one(None, text, Some("Miss B"))).is_empty(),
            "{text}"
        );
    }
}

/// Each of `texts`, a sentence of the complaint, has one amount, of `role`.
fn assert_each_role(texts: &[&str], role: PaymentRole) {
    for text in texts {
        assert_one_role(text, role);
    }
}

/// `text`, a sentence of the complaint, has one amount, of `role`.
fn assert_one_role(text: &str, role: PaymentRole) {
    let p = run(&[(Some(Complaint), text)], Some("Mrs X"));
    assert_eq!(
        p.iter().map(|p| p.role).collect::<Vec<_>>(),
        vec![role],
        "{text}"
    );
}

#[test]
fn money_a_body_credited_took_or_paid_by_mistake_is_no_offer() {
    assert_each_role(
        &[
            "The closing bill showed Mrs X had a credit of £57.",
            "The Council accepted it was at fault in paying £575 into Mr B’s bank account by error.",
            "In May 2018 it decided to pay £1,500 of his university grant towards his rent arrears.",
            "The Council has refused to pay her legal fees in the sum of £900.",
        ],
        PaymentRole::Other,
    );
    // A credit the body agrees to apply is still the remedy.
    let p = run_one(None, "The Council agreed to apply a credit to the balance owed for £185 to reflect the extra charge.", Some("Mrs X"));
    assert_eq!(agreed(&p), vec![185.0]);
}

#[test]
fn purposes_named_with_words_between_or_after() {
    for (text, purpose) in [
        (
            "The Council will pay Mrs Y £5,400 for the loss of two years of his education.",
            LossOfService,
        ),
        (
            "The Council will pay Mrs Y £6,500 to recognise the provision her son missed.",
            LossOfService,
        ),
        (
            "The Council will pay Mrs Y £150 for the effort she was put to pursuing her complaint.",
            TimeAndTrouble,
        ),
    ] {
        let p = run(&[(Some(AgreedAction), text)], Some("Mrs Y"));
        assert_eq!(p.len(), 1, "{text}");
        assert_eq!(p[0].purpose, vec![purpose], "{text}");
    }
}

#[test]
fn what_an_amount_is_for_outweighs_other_money_named_before_it() {
    for (text, want) in [
        (
            "The Council agreed to refund any debt collection charges and provide Ms X with an apology and £900 for the avoidable distress.",
            vec![900.0],
        ),
        (
            "The Council will pay Mrs B an amount equal to the rent paid during the delay and a further £300 in recognition of her time and trouble.",
            vec![300.0],
        ),
        (
            "The Council has agreed to pay him £3,588 to cover the shortfall in rent, court fees and interest and a further £500 in recognition of his distress.",
            vec![3588.0, 500.0],
        ),
    ] {
        let p = run(&[(None, text)], Some("Ms X"));
        assert_eq!(agreed(&p), want, "{text}");
    }
    // A list of what was already done stays what it was.
    let p = run_one(
        None,
        "This included providing an apology and £1,000 payment to Mr X for his distress.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![1000.0]);
}

#[test]
fn a_rate_per_mile_is_no_lump_sum_and_spending_one_had_to_is_claimed() {
    let p = run_one(None, "The Council agreed to the Ombudsman's recommendation to pay Mr X's travel expenses at £0.55 per mile.", Some("Mr X"));
    assert!(agreed(&p).is_empty(), "{p:?}");
    let p = run_one(
        Some(Complaint),
        "Mrs X has had to spend over £14,000 from her own account since April 2018.",
        Some("Mrs X"),
    );
    assert_eq!(
        p.iter().map(|p| p.role).collect::<Vec<_>>(),
        vec![PaymentRole::Claimed]
    );
}

#[test]
fn a_contracted_negation_gives_the_roles_of_the_spelled_out_one() {
    use crate::parse::extract::negation::contracted;
    let cases: [(Option<SectionKind>, &str, PaymentRole); 4] = [
        // Sufficiency denied: the offer stays an offer.
        (
            Some(Findings),
            "The Council offered Mrs X £100, but we are not satisfied that was a suitable remedy.",
            PaymentRole::Offered,
        ),
        // Not paid: no remedy, even among the agreed actions.
        (
            Some(AgreedAction),
            "The Council did not pay Mrs X £200.",
            PaymentRole::Other,
        ),
        // Charged too much: the complainant's loss.
        (
            Some(WhatFound),
            "Mr X paid £90 which he should not have paid.",
            PaymentRole::Claimed,
        ),
        // A remedy the Ombudsman asks for, beside one it will not.
        (
            Some(AgreedAction),
            "The Council will pay Mrs X £150. We do not recommend it pays the £2,000 she wanted.",
            PaymentRole::Agreed,
        ),
    ];
    for (kind, text, first_role) in cases {
        let spelled = amounts_and_roles(&run_one(kind, text, Some("Mrs X")));
        assert_eq!(spelled.first().map(|p| p.1), Some(first_role), "{text}");
        for short in contracted(text) {
            assert_eq!(
                amounts_and_roles(&run_one(kind, &short, Some("Mrs X"))),
                spelled,
                "{short}"
            );
        }
    }
}

#[test]
fn a_request_acted_on_is_no_claim() {
    // A request named as what the body must consider or granted is not
    // the complainant wanting the money that follows.
    for text in [
        "Therefore, he recommended the Council consider her review request, pay her £150 in recognition of the distress and apologise.",
        "The Council agreed to her request and will pay her £200 for her time and trouble.",
    ] {
        let p = run_one(None, text, Some("Mrs X"));
        assert_eq!(amounts_and_roles(&p).len(), 1, "{text}");
        assert_ne!(p[0].role, PaymentRole::Claimed, "{text}");
        assert_eq!(agreed(&p).len(), 1, "{text}");
    }
    // A request that says what is asked for still is one.
    for text in [
        "Mrs X made a request for £500 in compensation.",
        "Mr Y's request of £1,000 was refused by the Council.",
        "She repeated her request that the Council pay her £300.",
    ] {
        let p = run_one(None, text, Some("Mrs X"));
        assert_ne!(p[0].role, PaymentRole::Agreed, "{text}");
    }
}

#[test]
fn money_the_decision_calls_a_fair_or_therefore_reasonable_remedy_is_accepted() {
    for text in [
        "In recognition of this, the Council refunded Mr B around £700 he paid for a licence. We consider this a fair remedy for any injustice caused.",
        "The Council has apologised and offered compensation of £50. The apology and the compensation are therefore a reasonable remedy.",
    ] {
        let p = run_one(None, text, Some("Mr B"));
        assert_eq!(amounts_and_roles(&p).len(), 1, "{text}");
        assert_eq!(p[0].role, PaymentRole::Accepted, "{text}");
    }
    // A remedy found wanting leaves the offer an offer.
    let p = run_one(
        None,
        "The Council offered £50. We do not consider this a fair remedy.",
        Some("Mr B"),
    );
    assert_eq!(amounts_and_roles(&p), vec![(50.0, PaymentRole::Offered)]);
}

#[test]
fn a_judgement_of_the_whole_remedy_accepts_every_offer_however_it_is_told() {
    let offer = (
        Some(Complaint),
        "Mr X says the Council’s offer of £250 after it prepared the wrong plot is inadequate.",
    );
    for judgement in [
        "We will not investigate this complaint. This is because the Council has offered a fair and proportionate remedy.",
        "We will not investigate this complaint because the Council has provided a satisfactory response.",
        "We will not investigate this complaint as the matter has been remedied.",
        "We are satisfied this adequately remedies the injustice to Mr X.",
        "I am satisfied that the apology and the compensation are therefore a reasonable remedy.",
    ] {
        for place in [None, Some(Findings), Some(FinalDecision)] {
            let p = run(&[(place, judgement), offer], Some("Mr X"));
            assert_eq!(
                amounts_and_roles(&p),
                vec![(250.0, PaymentRole::Accepted)],
                "{judgement} ({place:?}): {p:?}"
            );
        }
    }
    // A condition, someone else's view, a judgement that it falls short, the
    // story of the complaint, or a payment this decision secures: still an offer.
    for (place, judgement) in [
        (
            Some(RoleAndPowers),
            "We may decide not to start an investigation if the Council has already provided a fair remedy.",
        ),
        (None, "We would not investigate if the Council had offered a suitable remedy."),
        (None, "The Council says it has offered a fair and proportionate remedy."),
        (None, "The Council considered it had offered a suitable remedy."),
        (None, "We do not consider the Council has offered a suitable remedy."),
        (Some(WhatFound), "The Council told Mr X it had provided a satisfactory response."),
    ] {
        let p = run(&[(place, judgement), offer], Some("Mr X"));
        assert_eq!(
            role_of(&p, 250.0),
            vec![PaymentRole::Offered],
            "{judgement}: {p:?}"
        );
    }
    let p = run(
        &[
            (None, "The Council has offered a fair remedy for the delay."),
            offer,
            (
                Some(AgreedAction),
                "The Council will pay Mr X £400 for his distress.",
            ),
        ],
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Offered], "{p:?}");
    assert_eq!(agreed(&p), vec![400.0]);
}

#[test]
fn money_someone_simply_paid_is_a_price_unless_it_should_not_have_been() {
    use PaymentRole::{Claimed, Other};
    for (text, role) in [
        ("Mr X paid £150.", Other),
        ("He paid £110 for two bins.", Other),
        ("She has paid £890 for the licence.", Other),
        ("She says she therefore paid £6,000 too much for her home.", Claimed),
        ("Mr X paid £90 which he should not have paid.", Claimed),
        ("She has paid over £900 for visits that were cancelled and would like the money refunded.", Claimed),
        ("He had to pay £300 for a private assessment.", Claimed),
        ("She lost £200 in earnings.", Claimed),
    ] {
        let p = run_one(Some(WhatFound), text, Some("Mr X"));
        assert_eq!(amounts_and_roles(&p)[0].1, role, "{text}: {p:?}");
    }
}

#[test]
fn a_loss_the_complainant_incurred_is_claimed_unless_a_remedy_makes_it_good() {
    use PaymentRole::{Agreed, Claimed};
    for (kind, text, role) in [
        (WhatFound, "Miss X says she has incurred financial losses of over £10,000 because she had to buy a car.", Claimed),
        (WhatFound, "Mr X says the charity has suffered a financial loss of over £1600.", Claimed),
        (WhatFound, "Mr C says he incurred an unnecessary application fee of £300.", Claimed),
        (WhatFound, "He says the delay led to an avoidable enforcement fee of £235.", Claimed),
        (WhatFound, "The Council refuses to pay for the journey, and this costs her £530.10 a year.", Claimed),
        // A remedy verb just before the loss governs it.
        (AgreedAction, "The Council should reimburse the costs he incurred of £300.", Agreed),
        (AgreedAction, "The Council agreed to refund the fees she incurred (£450).", Agreed),
        (AgreedAction, "She incurred costs of £450 which the Council has agreed to reimburse.", Agreed),
    ] {
        let p = run_one(Some(kind), text, Some("Mr X"));
        assert_eq!(amounts_and_roles(&p)[0].1, role, "{text}: {p:?}");
    }
    // A remedy earlier in the sentence, past an amount or a `but`, does not.
    let p = run_one(
        Some(WhatFound),
        "The Council offered to refund £100 but she says she lost £500.",
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 500.0), vec![Claimed], "{p:?}");
}

#[test]
fn a_claim_the_decision_grants_is_the_payment_not_a_claim() {
    let p = run(
        &[
            (
                Some(WhatFound),
                "As a result Mr X incurred an avoidable enforcement fee of £235. He says he lost £80 in wages.",
            ),
            (
                Some(AgreedAction),
                "The Council agreed to reimburse Mr X the £235 enforcement fee.",
            ),
        ],
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 235.0), vec![PaymentRole::Agreed], "{p:?}");
    assert_eq!(role_of(&p, 80.0), vec![PaymentRole::Claimed], "{p:?}");
}

#[test]
fn a_price_the_complainant_wants_back_or_the_body_offered_back_is_that_sum_once() {
    use PaymentRole::{Agreed, Claimed, Offered, Other};
    let one = |parts: &[(Option<SectionKind>, &str)], amount: f64| {
        role_of(&run(parts, Some("Mr X")), amount)
    };
    // Wanted back: the charge and the claim are one sum, claimed.
    assert_eq!(
        one(
            &[
                (None, "Mr X wants a £68 refund."),
                (
                    Some(WhatFound),
                    "He paid £68 in parking charges while he waited."
                ),
            ],
            68.0
        ),
        vec![Claimed]
    );
    // Offered back in the body's own complaint process.
    assert_eq!(
        one(
            &[
                (Some(WhatFound), "The Council charged him a fee of £270."),
                (
                    Some(WhatFound),
                    "At stage two the Council offered to refund £270."
                ),
            ],
            270.0
        ),
        vec![Offered]
    );
    // An agreed payment the size of a charge is as often a coincidence.
    assert_eq!(
        one(
            &[
                (
                    Some(WhatFound),
                    "The Council issued a penalty charge of £150."
                ),
                (
                    Some(AgreedAction),
                    "The Council will pay Mr X £150 for his distress."
                ),
            ],
            150.0
        ),
        vec![Other, Agreed]
    );
    // An end of a range is guidance, whatever else has its size.
    assert_eq!(
        one(
            &[
                (
                    Some(WhatFound),
                    "Our guidance suggests between £200 and £600 for distress."
                ),
                (Some(WhatFound), "The Council offered £200 at stage two."),
            ],
            200.0
        ),
        vec![Other, Offered]
    );
}

#[test]
fn what_the_complainant_claims_after_the_amount_or_must_pay_is_no_remedy() {
    use PaymentRole::{Agreed, Claimed, Other};
    for (text, role) in [
        (
            "The evidence is not adequate to permit it to pay her the £5,250 she claims.",
            Claimed,
        ),
        (
            "The Council did not pay the £400 which she says she is owed.",
            Claimed,
        ),
        // The complainant as the payer: a contribution, not a remedy.
        (
            "Ms X disputes the assessment that she should pay £80 a week towards her care.",
            Other,
        ),
        (
            "The Council decided Mr X must pay £1,200 for the works.",
            Other,
        ),
        // The body as the payer is the remedy.
        ("The Council should pay Mrs X £300.", Agreed),
        (
            "We recommend the Council should pay her £200 for her distress.",
            Agreed,
        ),
    ] {
        assert_first_role(None, text, role);
    }
}

#[test]
fn the_bodys_own_money_is_an_offer_only_when_told_as_one() {
    use PaymentRole::{Accepted, Offered, Other};
    assert_first_roles(&[
        // Money the body paid, owed, reduced or did not write off: no offer.
        (
            Some(Complaint),
            "Mrs X said the Council has told her her fostering payment will reduce by £75 per week in October 2023.",
            Other,
        ),
        (
            Some(Findings),
            "Ms X set up a payment plan and paid £270 in January.",
            Other,
        ),
        (
            Some(Complaint),
            "Mr X complains the Council has not written off £305.93 which it said it would do.",
            Other,
        ),
        // Told as an offer, or paid for a personal injustice: an offer.
        (
            Some(Findings),
            "The Council offered Miss X £200. Miss X did not accept this.",
            Offered,
        ),
        (
            Some(WhatFound),
            "The Council paid her £200 for her distress at stage two.",
            Offered,
        ),
        // An offer the summary tells as what the body did is the remedy
        // the decision accepts, unless it says the offer falls short.
        (
            None,
            "The Council has apologised for delays and offered to pay him £250 to recognise the time and trouble this caused.",
            Accepted,
        ),
        (
            None,
            "The Council offered £250 but this was not enough to remedy the injustice.",
            Offered,
        ),
    ]);
}

#[test]
fn a_loss_told_next_to_the_amount_is_a_claim_whatever_follows() {
    use PaymentRole::{Claimed, Other};
    for (text, roles) in [
        // Owed or lost right before the amount: the fees after it are what
        // was lost, not a charge.
        (
            "Ms M complains the Council owes her approximately £65,000 in fostering fees.",
            vec![Claimed],
        ),
        ("Mrs X says she lost £500 in benefits.", vec![Claimed]),
        // A bare `paid` is a price.
        ("He paid £110 in fees for two bins.", vec![Other]),
        // Damage is a loss, before or after the amount.
        (
            "Mr X says the fallen tree did £40,000 of damage to his property.",
            vec![Claimed],
        ),
        (
            "He said the cost of repairing the damage to his vehicle was £160.",
            vec![Claimed],
        ),
        // Both ends of a range the words make a loss are claims; a range
        // nothing marks is other.
        (
            "She says she therefore paid £6,000 to £7,000 too much for her home.",
            vec![Claimed, Claimed],
        ),
        (
            "Homes in the area sell for between £200,000 and £250,000.",
            vec![Other, Other],
        ),
    ] {
        let p = run_one(Some(Complaint), text, Some("Mr X"));
        let got: Vec<PaymentRole> = p.iter().map(|p| p.role).collect();
        assert_eq!(got, roles, "{text}: {p:?}");
    }
}

#[test]
fn money_withheld_or_said_to_be_due_is_no_remedy() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        // A refund the body failed to make is not one it agreed; in the
        // complainant's words, it is claimed.
        (
            None,
            "The Ombudsman will not investigate Ms B’s complaint the Council has failed to provide a refund of £65 for a Penalty Charge Notice.",
            Other,
        ),
        (
            Some(Complaint),
            "Mr X complains the Council failed to refund £100 he overpaid on his bill.",
            Claimed,
        ),
        (
            Some(Complaint),
            "Mrs X complains the Council will not refund the £39 fee.",
            Claimed,
        ),
        // Refused, told as what happened: other money.
        (
            Some(WhatFound),
            "The Council refused to pay £500 towards the works.",
            Other,
        ),
        // What the complainant says she should receive is her claim.
        (
            Some(Findings),
            "Ms X says she should receive her £600 payment back as she is no longer renting out her property.",
            Claimed,
        ),
        (
            Some(Complaint),
            "Mr X believes the Council should pay him £2,000.",
            Claimed,
        ),
    ]);
}

#[test]
fn a_should_is_a_want_in_the_complainants_words_and_a_remedy_in_the_ombudsmans() {
    use PaymentRole::{Agreed, Claimed, Other};
    assert_first_roles(&[
        // The complainant's `says ... should`, however far apart, when the
        // body (or `so`) stands right before the should.
        (
            Some(Complaint),
            "He says the Council has now changed the bus lane signage and so should refund him £30 which he previously paid.",
            Claimed,
        ),
        // Not when what should be paid is the complainant's own payment.
        (
            Some(Complaint),
            "Mr X said the Council wrongly calculated how much Mrs X should pay towards her care fees of £42,000.",
            Other,
        ),
        // The Ombudsman saying it, or speaking inside the clause: a remedy.
        (
            None,
            "In my draft decision I said the Council should pay Mrs X £300 for her distress.",
            Agreed,
        ),
        (
            None,
            "Mr X says he was not told and we consider the Council should pay £200 to Mr X.",
            Agreed,
        ),
        // The body is the one wanting only as the subject of the verb, not
        // as the object of an earlier one.
        (
            Some(Complaint),
            "She wrote to the Council and wanted the Council to repay her legal fees of £2,560.80.",
            Claimed,
        ),
        (
            Some(Complaint),
            "The Council then wrongly demanded £500 from Mr X.",
            Other,
        ),
        // A rule saying what should be paid states a standard, not a claim.
        (None, "Our guidance says councils should pay £300 for each month of delay.", Other),
        (
            Some(Complaint),
            "The statutory guidance says the Council should pay Mrs X £500 for the delay.",
            Other,
        ),
        (Some(Complaint), "The policy expects residents to pay £50 for a replacement bin.", Other),
    ]);
}

#[test]
fn the_bodys_own_remedy_judged_in_its_sentence_and_an_offer_superseded() {
    use PaymentRole::{Accepted, Agreed, Offered, Other};
    // What the body did, judged in its own sentence to remedy the injustice,
    // is accepted even beside a payment the decision secures.
    let p = run_one(
        None,
        "Agincare UK Limited has reduced Mrs Y’s outstanding invoice by £1000, which remedies her injustice. Agincare UK Limited will pay Mr X £200 in recognition of his injustice.",
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 1000.0), vec![Accepted], "{p:?}");
    assert_eq!(role_of(&p, 200.0), vec![Agreed], "{p:?}");
    assert_first_roles(&[
        // `a £250 payment for time and trouble`: what the amount is for
        // outweighs a charge told earlier in the sentence.
        (
            None,
            "The Council’s offer to backdate a financial assessment and to repay any fees charged when the user did not attend, along with a £250 payment for time and trouble remedies the injustice caused.",
            Accepted,
        ),
        // An offer the decision then outbids is not adopted.
        (
            None,
            "However, it recognised some fault and offered a payment of £250. We found the Council at fault and recommended an increased remedy.",
            Offered,
        ),
        // A person asked to repay: the asker's demand, not a claim.
        (
            Some(Complaint),
            "The Council wrongly asked Y to repay more than £5000 after it wrongly reduced his personal budget.",
            Other,
        ),
    ]);
}

#[test]
fn a_want_after_money_owed_a_cost_to_someone_and_a_remedy_judged_satisfactory() {
    use PaymentRole::{Accepted, Claimed};
    assert_first_roles(&[
        // `should have` is money owed only when no want follows it.
        (
            Some(Complaint),
            "Mrs X said Mr Y has paid significantly more towards his care than he should have done, and she wants a refund of at least £15,500.",
            Claimed,
        ),
        // What the body's fault cost a named person is a loss they claim.
        (
            Some(Complaint),
            "They said the Council wrongly cost Miss X £1,800 in lost earnings.",
            Claimed,
        ),
        // What the body did, judged `satisfactory to remedy` the injustice.
        (
            None,
            "It has awarded Ms X £22,300 in back payments. This is satisfactory to remedy the injustice the Council caused her.",
            Accepted,
        ),
    ]);
    // `not enough remaining injustice` is no remedy falling short: the
    // offer the summary finds fair is the remedy.
    let p = run(
        &[
            (
                None,
                "We will not investigate this complaint. This is because the Council offered a fair remedy and there is not enough remaining injustice to require an investigation.",
            ),
            (
                Some(Complaint),
                "The Council offered £100 which Ms X says is not enough.",
            ),
        ],
        None,
    );
    assert_eq!(role_of(&p, 100.0), vec![Accepted], "{p:?}");
}

#[test]
fn a_want_whose_clause_ends_before_the_amount_does_not_make_it_a_claim() {
    use PaymentRole::{Claimed, Offered, Other};
    assert_first_roles(&[
        // The want has its own object; a contrast or a `when` clause follows.
        (
            None,
            "The family asked for a financial assessment, but Mr Y’s capital had fallen to around £11,000 by that point.",
            Other,
        ),
        (
            None,
            "They could ask for support with care costs when Mr Y’s capital fell below £23,250.",
            Other,
        ),
        (
            Some(Complaint),
            "Mrs X wanted an apology; the Council offered her £100 instead.",
            Offered,
        ),
        // A noun (`the claim`) whose clause a comma and the body's own act end.
        (
            None,
            "When the Council decided the claim, it paid arrears of £2,340 direct to the landlord.",
            Other,
        ),
        (
            Some(Complaint),
            "Mr X made a claim, supported by receipts, for £500.",
            Claimed,
        ),
        // Still claims: the amount is what is wanted, or a reason for it.
        (
            Some(Complaint),
            "Mr X wants the Council to refund the £500 he paid.",
            Claimed,
        ),
        (
            Some(Complaint),
            "Mr X asked for £200 when he complained to the Council.",
            Claimed,
        ),
        (
            Some(Complaint),
            "Mrs X wants a refund because she paid £300 for a report she did not need.",
            Claimed,
        ),
        (
            Some(Complaint),
            "Mr X asked when he would receive the £150 he was owed.",
            Claimed,
        ),
    ]);
}

#[test]
fn an_amount_each_to_two_people_is_a_payment_apiece() {
    let two = |text: &str| {
        let p = run_one(Some(AgreedAction), text, Some("Mrs X"));
        let shares: Vec<(f64, PaymentRole, Option<String>)> = p
            .iter()
            .map(|p| (p.amount, p.role, p.recipient.clone()))
            .collect();
        shares
    };
    let named = |a: &str, b: &str| {
        vec![
            (200.0, PaymentRole::Agreed, Some(a.to_string())),
            (200.0, PaymentRole::Agreed, Some(b.to_string())),
        ]
    };
    assert_eq!(
        two("The Council will write to Mrs X to apologise and pay her and Mrs Y £200 each to remedy their time and trouble."),
        named("Mrs X", "Mrs Y")
    );
    assert_eq!(
        two("The Council will pay £200 each to Mr B and Mrs C for their distress."),
        named("Mr B", "Mrs C")
    );
    assert_eq!(
        two("The Council has agreed to pay Mr and Mrs L £200 each."),
        named("Mr L", "Mrs L")
    );
    let p = run_one(None, "She did not receive two payments of £500 each.", None);
    assert_eq!(role_of(&p, 500.0).len(), 2, "{p:?}");
    // A price each, a rate, or `each` with no people or count: one amount.
    for text in [
        "She needs three gym sessions a week at £40 each.",
        "The Council will pay her £50 each month until the work is done.",
        "The Council will pay Mrs X £200 each.",
    ] {
        let p = run_one(Some(AgreedAction), text, Some("Mrs X"));
        assert_eq!(p.len(), 1, "{text}: {p:?}");
    }
    // A restatement elsewhere of one share is not a third payment.
    let p = run(
        &[
            (
                Some(AgreedAction),
                "The Council will pay Mr B and Mrs C £200 each for their distress.",
            ),
            (
                Some(FinalDecision),
                "The Council will pay Mr B £200 for his distress.",
            ),
        ],
        None,
    );
    assert_eq!(agreed(&p), vec![200.0, 200.0], "{p:?}");
}

#[test]
fn the_bodys_own_offer_judged_enough_in_its_sentence_is_accepted_not_agreed() {
    use PaymentRole::{Accepted, Agreed};
    assert_first_roles(&[
        (None, "The Council has offered to pay £150, which I consider is a suitable remedy.", Accepted),
        (None, "The Council has already refunded the £150, which is a suitable remedy.", Accepted),
        (None, "The Council increased its goodwill offer to £250, which we consider is a suitable remedy.", Accepted),
        // A payment named as one already told is judged, not secured.
        (None, "The payment of £2000 is sufficient to remedy the injustice caused by the Council’s fault.", Accepted),
        // The judgement of a payment the decision secures, or of one it
        // proposes, keeps it agreed; so does money added to an offer.
        (None, "The Council will pay Mr X £200, which is a suitable remedy.", Agreed),
        (None, "We consider a payment of £200 is appropriate to remedy the injustice.", Agreed),
        (None, "As well as apologising, the Council will pay £150, which is a suitable remedy.", Agreed),
    ]);
    // The offer told first and judged after: one accepted payment.
    let p = run_one(None, "Ms X complains about how the Council has dealt with her neighbour’s planning applications and its offer of £2000 to remedy its faults. The payment of £2000 is sufficient to remedy the injustice caused by the Council’s fault.", Some("Ms X"));
    assert_eq!(amounts_and_roles(&p), vec![(2000.0, Accepted)]);
}

#[test]
fn an_agreed_increase_of_the_offer_is_the_remedy() {
    assert_first_roles(&[
        (
            None,
            "The Council has agreed to increase its offer to £250.",
            PaymentRole::Agreed,
        ),
        (
            None,
            "We recommended the Council increase the payment to £300.",
            PaymentRole::Agreed,
        ),
    ]);
}

#[test]
fn money_wrongly_charged_owed_by_the_body_or_wanted_from_it_is_claimed() {
    use PaymentRole::{Agreed, Claimed};
    assert_first_roles(&[
        (None, "Mrs X complained the Council wrongly charged her £50.", Claimed),
        (None, "He says he suffered financial loss as he was wrongly charged £1,029.65.", Claimed),
        (None, "Mr B says the Council has wrongly charged him a £15 fee for the late return of these books.", Claimed),
        (None, "He says the Council owes approximately £780,000 in unpaid care charges.", Claimed),
        (None, "Mr X says the repairs will cost about £600 which he says the Council should pay.", Claimed),
        (None, "She would also like the Council to cover the cost of replacing her wall, amounting to £6000.", Claimed),
        (None, "Mr X complains the Council will not issue a £350 refund.", Claimed),
        // Put right by the decision, the same charge is the remedy.
        (None, "The Council wrongly charged Mrs X £50 and has agreed to refund it.", Agreed),
    ]);
}

#[test]
fn a_demand_that_the_complainant_pay_is_the_bodys_and_money_owed_to_him_is_his_claim() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        (None, "Mr X complains the Council removed the reduction and demanded he pay back over £2,000.", Other),
        (None, "The PCN tells the driver they must pay a fine of £120 within 28 days or appeal.", Other),
        (None, "He said he has been left with over £11,000 owed to him.", Claimed),
        (None, "Mr C says the Council also forced him to pay £1000 for a car.", Claimed),
        (None, "Mr X says the Council told him £500 was owed to it.", Other),
    ]);
}

#[test]
fn an_offer_of_a_suitable_financial_remedy_is_accepted() {
    let p = run_one(None, "The Council was at fault. However, it has already offered a suitable financial remedy to recognise his injustice. It has offered Mr B a payment of £3,000 to recognise this.", Some("Mr B"));
    assert_eq!(amounts_and_roles(&p), vec![(3000.0, PaymentRole::Accepted)]);
}

#[test]
fn an_offer_the_ombudsman_would_not_add_to_is_accepted() {
    use PaymentRole::{Accepted, Offered};
    assert_first_roles(&[
        (None, "The Council has offered to refund Mr X £65 in recognition of its delay and it is unlikely we would recommend any further remedy.", Accepted),
        (None, "The Council has already paid Mr X £100. It is unlikely the Ombudsman would achieve anything more by investigating.", Accepted),
        // A further remedy the decision asks for leaves the offer short.
        (None, "The Council has offered to refund Mr X £65 but we consider a further remedy is needed.", Offered),
        (None, "The Council offered Mr X £100. We would recommend a further remedy of an apology.", Offered),
    ]);
}

#[test]
fn instalments_the_complainant_pays_and_earnings_he_lost() {
    use PaymentRole::{Agreed, Claimed, Other};
    assert_first_roles(&[
        (None, "In March the Council accepted an offer from Mr X to pay £20 a week; the first payment was due in March.", Other),
        (None, "The Council agreed a payment arrangement for Mr X to pay £20 a month.", Other),
        (None, "The Council agreed to allow Mr X to pay £20 a month.", Other),
        (None, "The Council agreed to pay Mr X £200.", Agreed),
        (None, "Mr X complains the Council has demanded on several occasions he pay the overpayment debt of £5054.", Other),
        (None, "He says he lost a days work and income of £220.", Claimed),
        (None, "He says he lost income of £220.", Claimed),
        (None, "Her weekly income of £300 was taken into account.", Other),
    ]);
}

#[test]
fn a_breakdown_in_the_next_sentence_replaces_its_total() {
    use PaymentRole::{Agreed, Other};
    let p = run_one(
        Some(AgreedAction),
        "Pay Ms B £1,600 to recognise the injustice its faults caused. This comprises £500 for the suitability reviews, £1,000 for the disrepair and £100 for referring Ms B to the wrong Ombudsman.",
        Some("Ms B"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        vec![(500.0, Agreed), (1000.0, Agreed), (100.0, Agreed)]
    );
    let p = run_one(None, "The Council agreed to pay Mr X £350. This is made up of £250 for distress and £100 for time and trouble.", Some("Mr X"));
    assert_eq!(
        amounts_and_roles(&p),
        vec![(250.0, Agreed), (100.0, Agreed)]
    );
    assert_eq!(p[0].purpose, vec![Distress]);
    // Parts that do not add up to it are not its breakdown.
    let p = run_one(None, "The Council agreed to pay Mr X £350. This comprises £200 for distress and £100 for time and trouble.", Some("Mr X"));
    assert_eq!(
        amounts_and_roles(&p),
        vec![(350.0, Agreed), (200.0, Other), (100.0, Other)]
    );
}

#[test]
fn a_body_accepting_fault_is_not_an_offer_accepted_and_an_offer_the_ombudsman_declines_to_add_to_is_enough(
) {
    use PaymentRole::{Accepted, Offered};
    assert_first_roles(&[
        (None, "Although the Council accepted some fault and offered to pay her £750, she does not consider this is sufficient to remedy her loss.", Offered),
        (None, "We will not investigate Ms X’s complaint. This is because the Council has already offered a payment to remedy the injustice caused and further investigation would not lead to a different outcome. Although the Council accepted some fault and offered to pay her £750, she does not consider this is sufficient.", Accepted),
    ]);
}

#[test]
fn a_remedy_verb_governs_a_run_of_charge_nouns() {
    let p = run_one(None, "The Council has agreed to refund the top-up fees (£3,800) and pay Mrs X £300 for the distress caused.", Some("Mrs X"));
    assert_eq!(agreed(&p), vec![3800.0, 300.0]);
    let p = run_one(
        None,
        "The Council has agreed to refund the top-up fees of £3,800.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![3800.0]);
    // With no agreement the charge stays a charge.
    let p = run_one(
        None,
        "She had to pay the top-up fees of £3,800 from her savings.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new());
}

#[test]
fn a_remedy_verb_governs_each_charge_of_a_list() {
    for text in [
        "It has agreed to refund the compliance fee (£75) and the enforcement fee (£235), a total of £310, and pay Mr O £100 for his distress.",
        "The Council has agreed to refund the £75 compliance fee and the £235 enforcement fee Mr O paid, £310 in total, and pay him £100 for the distress.",
    ] {
        let p = run_one(None, text, Some("Mr O"));
        assert_eq!(agreed(&p), vec![75.0, 235.0, 100.0], "{text}");
    }
    // A charge joined to a refund by `and` but told as what the body charges
    // after a new verb stays a charge.
    let p = run_one(
        None,
        "The Council has agreed to refund the £75 fee and it says it will still charge the £235 enforcement fee.",
        Some("Mr O"),
    );
    assert_eq!(agreed(&p), vec![75.0]);
}

#[test]
fn an_amount_and_adds_to_a_list_is_paid_as_the_list_is() {
    for text in [
        "It has agreed to pay Mr F £2,100 for the 14 months the family stayed in the property, and £200 for the delay in the review.",
        "The Council has agreed to pay Mr F £2,100 for his lost education, instead of the £1,000 it offered, and £200 for his distress.",
    ] {
        let p = run_one(None, text, Some("Mr F"));
        assert!(agreed(&p).contains(&200.0), "{text}: {p:#?}");
        assert!(!agreed(&p).contains(&1000.0), "{text}: {p:#?}");
    }
    // Not past a verb of its own (`lost £500 and £300`), nor with no list.
    let p = run_one(
        None,
        "The Council has agreed to pay £200 but Mr F says he lost £500 and £300.",
        Some("Mr F"),
    );
    assert_eq!(agreed(&p), vec![200.0], "{p:#?}");
    let p = run_one(
        Some(WhatFound),
        "The Council agreed to pay the rent and £300 in fees.",
        Some("Mr F"),
    );
    assert!(agreed(&p).is_empty(), "{p:#?}");
}

#[test]
fn an_amount_that_totals_what_a_remedy_verb_governs_is_paid_as_it_is() {
    let p = run_one(
        Some(AgreedAction),
        "The Council has agreed to:\ncancel the invoices for the period before it confirmed that charges would apply, which amount to £2,340, and refund anything he has paid towards them;\npay him £250 for his distress.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), vec![2340.0, 250.0], "{p:#?}");
    // Charges that total an amount with no remedy verb stay charges.
    let p = run_one(
        None,
        "The Council sent invoices for the whole period, which amount to £2,340.",
        Some("Mr X"),
    );
    assert!(agreed(&p).is_empty(), "{p:#?}");
}

#[test]
fn an_agreement_after_the_amount_makes_it_the_remedy() {
    use PaymentRole::Agreed;
    assert_first_roles(&[
        (
            None,
            "I recommended a further £500, which the Council has agreed to pay.",
            Agreed,
        ),
        (
            None,
            "We consider £400 is more appropriate, and the Council has agreed to pay this.",
            Agreed,
        ),
        (
            None,
            "I recommended a further £500, which the Council has accepted.",
            Agreed,
        ),
    ]);
    // An offer after it is no agreement.
    let p = run_one(
        None,
        "Mr X asked for £500, which the Council has offered to pay in part.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new());
}

#[test]
fn a_remedy_raised_to_an_amount_is_that_remedy() {
    assert_first_roles(&[
        (
            None,
            "The Council agreed to increase this to £350.",
            PaymentRole::Agreed,
        ),
        (
            None,
            "The Council has agreed to increase its award to £350.",
            PaymentRole::Agreed,
        ),
    ]);
}

#[test]
fn a_stated_total_of_a_rate_is_paid_as_the_rate_is_and_the_rate_is_other() {
    let p = run_one(None, "The Council has agreed to apologise, pay Ms B £50 for each week beyond the six-week limit, which comes to £1,150, and pay a further £300 for her distress.", Some("Ms B"));
    let lumps: Vec<f64> = p
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed && p.period.is_none())
        .map(|p| p.amount)
        .collect();
    assert_eq!(lumps, vec![1150.0, 300.0], "{p:?}");
    // The rate itself is how the sum was worked out: other money.
    assert_eq!(role_of(&p, 50.0), vec![PaymentRole::Other], "{p:?}");
    // So is a rate right after the sum it makes up.
    for text in [
        "The Council has agreed to pay Ms X £1,350, calculated at £150 for each of the nine weeks beyond the six-week limit, and £200 for the delay.",
        "The Council has agreed to pay Ms X £2,100, which is £150 for each month she spent there, and £200 for the delay.",
    ] {
        let p = run_one(None, text, Some("Ms X"));
        assert_eq!(role_of(&p, 150.0), vec![PaymentRole::Other], "{text} {p:?}");
        assert_eq!(agreed(&p).len(), 2, "{text} {p:?}");
    }
    let p = run_one(None, "The Council has agreed to reimburse £640 in storage charges, pay £150 a month for the four months she spent in the unsuitable property (£600) and pay £250 for her distress.", Some("Miss X"));
    let lumps: Vec<f64> = p
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed && p.period.is_none())
        .map(|p| p.amount)
        .collect();
    assert_eq!(lumps, vec![640.0, 600.0, 250.0], "{p:?}");
    // A sum that is no multiple of the rate is no total of it.
    let p = run_one(
        None,
        "The Council charged her £50 a week, which comes to £1,175 with the fees.",
        Some("Ms B"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new());
}

#[test]
fn each_after_a_second_amount_pays_the_couple_named_before_the_first() {
    let p = run_one(None, "The Council has agreed to pay Mr and Mrs Y £1,000 for the permanent loss of amenity and £100 each for their time and trouble.", Some("Mr and Mrs Y"));
    assert_eq!(agreed(&p), vec![1000.0, 100.0, 100.0], "{p:?}");
    let recipients: Vec<_> = p.iter().skip(1).map(|p| p.recipient.clone()).collect();
    assert_eq!(
        recipients,
        vec![Some("Mr Y".to_string()), Some("Mrs Y".to_string())]
    );
}

#[test]
fn a_request_named_with_an_adjective_is_no_want() {
    assert_first_role(
        None,
        "The Council has agreed to apologise, backdate any award to the date of her original request and pay her £400.",
        PaymentRole::Agreed,
    );
    // What is asked for is still wanted.
    assert_first_role(
        None,
        "Mrs X made a written request for £400 in compensation.",
        PaymentRole::Claimed,
    );
}

#[test]
fn an_agreed_remedy_told_again_in_what_happened_is_that_remedy() {
    let p = run(
        &[
            (None, "The Council has agreed to pay £400 to recognise the provision her son missed."),
            (Some(WhatFound), "C still missed the therapy, and the Council has agreed to pay £400 to acknowledge this."),
        ],
        Some("Mrs X"),
    );
    assert_eq!(amounts_and_roles(&p), vec![(400.0, PaymentRole::Agreed)]);
    // Alone in what happened, with nothing agreed elsewhere, it stays a story.
    let p = run_one(
        Some(WhatFound),
        "In 2019 the Council agreed to pay £400 but did not do so.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new());
}

#[test]
fn an_agreed_action_cut_off_mid_list_rules_out_no_payment() {
    let summary = "It has agreed to pay Mr and Mrs Y £1,000 for the loss of amenity and £150 for their time and trouble.";
    let cut = "Within one month of my final decision the Council will:\n- apologise to Mr and Mrs Y;\n- pay Mr and Mrs Y £1,000 to acknowledge the loss of amenity;\n- pay Mr ";
    let p = run(
        &[(None, summary), (Some(AgreedAction), cut)],
        Some("Mr and Mrs Y"),
    );
    let mut found = agreed(&p);
    found.sort_by(f64::total_cmp);
    assert_eq!(found, vec![150.0, 1000.0], "{p:?}");
    // A whole action that does not list the £150 still rules it out.
    let whole = "Within one month of my final decision the Council will:\n- apologise to Mr and Mrs Y;\n- pay Mr and Mrs Y £1,000 to acknowledge the loss of amenity.";
    let p = run(
        &[(None, summary), (Some(AgreedAction), whole)],
        Some("Mr and Mrs Y"),
    );
    assert_eq!(agreed(&p), vec![1000.0], "{p:?}");
}

#[test]
fn a_charge_the_body_has_refunded_and_the_decision_finds_enough_is_accepted() {
    let p = run_one(None, "The Care Provider was at fault, but it has since refunded the deposit of £1,260 in full and apologised. We consider this is enough to put things right.", Some("Mrs E"));
    assert_eq!(amounts_and_roles(&p), vec![(1260.0, PaymentRole::Accepted)]);
    // Refunded in the story, with no judgement, it is other money.
    let p = run_one(
        Some(WhatFound),
        "The landlord refunded the deposit of £1,260 in 2021.",
        Some("Mrs E"),
    );
    assert_eq!(amounts_and_roles(&p), vec![(1260.0, PaymentRole::Other)]);
}

#[test]
fn what_the_bodys_own_complaint_procedure_recommends_is_not_this_decisions_remedy() {
    use PaymentRole::Agreed;
    let p = run_one(None, "The investigating officer upheld most of the complaint and recommended a payment of £1,500, but the senior manager who adjudicated rejected her findings. The Council has agreed to pay Mr G £300 for the frustration caused.", Some("Mr G"));
    assert_eq!(agreed(&p), vec![300.0], "{p:?}");
    // Adopted by the decision, the panel's payment is the agreed one, once.
    let p = run_one(None, "A review panel met in June 2025 and recommended the Council apologise and pay the family £1,000 for the eight months C went without support. It has agreed to pay Mr and Mrs B the £1,000 the panel recommended, pay a further £200 for their time and trouble, and reconsider the panel’s other recommendations.", Some("Mr and Mrs B"));
    assert_eq!(
        amounts_and_roles(&p),
        vec![(1000.0, Agreed), (200.0, Agreed)],
        "{p:?}"
    );
    let p = run_one(None, "The Council paid her £300 at stage 2 but did not follow the stage 3 panel’s recommendation that it pay her a further £450. It has now agreed to pay the further £450.", Some("Miss H"));
    assert_eq!(role_of(&p, 450.0), vec![Agreed], "{p:?}");
    // The Ombudsman recommending after naming the panel is this decision.
    assert_first_role(
        None,
        "The panel found fault and I recommended the Council pay Mr X £500.",
        Agreed,
    );
}

#[test]
fn an_action_the_body_agreed_to_ask_for_is_no_want() {
    let p = run_one(None, "The Council has agreed to ask a different senior manager to make a new adjudication, and to pay Mr and Mrs G £300 for the frustration caused.", Some("Mr and Mrs G"));
    assert_eq!(agreed(&p), vec![300.0], "{p:?}");
    // A complainant asking is still a want.
    assert_first_role(
        None,
        "Mr X asked the Council to pay him £300 for his time.",
        PaymentRole::Claimed,
    );
}

#[test]
fn what_the_body_told_us_it_would_pay_is_agreed() {
    assert_first_role(
        None,
        "When we contacted the Council, it said it would apologise to Ms Q and pay her £200 to recognise her frustration.",
        PaymentRole::Agreed,
    );
}

#[test]
fn an_agreed_payment_restated_with_its_total_is_one_payment() {
    let p = run_one(None, "In response to our enquiries it agreed to pay Mrs X £200 for her distress. It has also agreed to pay £150 for her time and trouble, in addition to the £200 already agreed, totalling £350.", Some("Mrs X"));
    assert_eq!(
        amounts_and_roles(&p),
        vec![(200.0, PaymentRole::Agreed), (150.0, PaymentRole::Agreed)],
        "{p:?}"
    );
    // An offer's own total, with no agreed part beside it, stays an offer.
    let p = run(
        &[
            (Some(WhatFound), "At the end of its complaints procedure the Council made an offer totalling £500, which Mrs Z refused."),
            (Some(AgreedAction), "The Council will pay Mrs Z £300 and £200 for her distress."),
        ],
        Some("Mrs Z"),
    );
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Offered], "{p:?}");
}

#[test]
fn a_payment_the_next_sentence_names_and_finds_sufficient_is_accepted() {
    let p = run_one(None, "A stage 3 review panel upheld most of her complaint and the Council paid her £500 on the panel’s recommendation. We found that payment was a suitable remedy. The Council has agreed to pay her an additional £250.", Some("Miss H"));
    assert_eq!(
        amounts_and_roles(&p),
        vec![(500.0, PaymentRole::Accepted), (250.0, PaymentRole::Agreed)],
        "{p:?}"
    );
}

#[test]
fn a_charge_the_body_agrees_to_cancel_is_the_remedy() {
    let p = run_one(None, "It has agreed to cancel the £75 summons costs added to his account and pay him £100 for his distress.", Some("Mr W"));
    assert_eq!(agreed(&p), vec![75.0, 100.0], "{p:?}");
    // Cancelled in the story, with no agreement, it is no remedy.
    let p = run_one(
        Some(WhatFound),
        "The Council cancelled the £70 penalty charge notice in May.",
        Some("Mr W"),
    );
    assert_eq!(agreed(&p), Vec::<f64>::new(), "{p:?}");
}

#[test]
fn a_refund_to_a_couple_of_what_they_overpaid_is_the_remedy() {
    assert_first_role(
        None,
        "The Council will refund Mr and Mrs Y the £426.35 they overpaid.",
        PaymentRole::Agreed,
    );
}

#[test]
fn a_rate_for_each_of_a_number_of_weeks_is_a_rate() {
    let p = run_one(None, "The Council has agreed to pay Ms X £1,350 (£150 for each of the nine weeks the family stayed beyond the six-week limit) and £250 for her distress.", Some("Ms X"));
    let rate = p.iter().find(|p| p.amount == 150.0).expect("the rate");
    assert_eq!(rate.period, Some(crate::parse::decision::Period::Week));
    let lumps: Vec<f64> = p
        .iter()
        .filter(|p| p.role == PaymentRole::Agreed && p.period.is_none())
        .map(|p| p.amount)
        .collect();
    assert_eq!(lumps, vec![1350.0, 250.0], "{p:?}");
}

#[test]
fn an_earlier_offers_complaint_stage_does_not_govern_a_later_agreed_payment() {
    let p = run_one(None, "In addition to the £250 the Care Provider offered in its complaint response, it has agreed to pay Mrs Y a further £500 for her distress.", Some("Mrs Y"));
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Agreed], "{p:?}");
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Offered], "{p:?}");
    // In one clause, the stage still makes it the body's own offer.
    assert_first_role(
        Some(WhatFound),
        "In its stage two response the Council agreed to pay Mrs Y £150 for her distress.",
        PaymentRole::Offered,
    );
}

#[test]
fn the_bodys_demand_ends_where_an_agreed_remedy_begins() {
    let p = run_one(None, "The Council has agreed to write off £1,200 of the amount it is seeking, apologise and pay Ms J £200 for her uncertainty and distress.", Some("Ms J"));
    assert_eq!(agreed(&p), vec![1200.0, 200.0], "{p:?}");
}

#[test]
fn a_recommendation_after_a_wide_character_is_read_without_panicking() {
    assert!(!procedure_recommends("x’recommended"));
    assert!(procedure_recommends(
        "the review panel’s chair then recommended"
    ));
    assert!(procedure_recommends("𐤿the panel recommended"));
}

#[test]
fn what_she_paid_and_wants_back_in_the_next_sentence_is_claimed() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        (None, "Mrs X says she has driven C to school every day and has spent about £2,100 on fuel. She wants the Council to repay this.", Claimed),
        (None, "She paid £1,950 for that report. She wants the Council to reimburse the cost.", Claimed),
        // Or says the body should repay it, or turned down her claim.
        (Some(Complaint), "He paid £640 for the repairs. He says the Council knew about the pothole, and that it should reimburse him.", Claimed),
        (Some(Complaint), "She paid £389 to replace a tyre. She says the Council rejected her claim even though she had reported the pothole.", Claimed),
        // Without the want, what she paid is a price.
        (None, "She paid £1,950 for that report. The Council ignored it.", Other),
        (Some(Complaint), "She paid £389 to replace a tyre. She says the Council should fix the road.", Other),
    ]);
}

#[test]
fn the_body_refusing_to_give_her_money_back_in_her_words_is_claimed() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        (Some(Complaint), "She also said it would not return the £1,500 deposit she paid when Mr A moved in.", Claimed),
        (Some(Complaint), "Mrs A says the home refused to refund the £300 deposit.", Claimed),
        // A grant or rebate refused is not hers: other.
        (Some(Complaint), "Mr X complains on behalf of Miss Y that the Council refused to give Miss Y a £10,000 business grant.", Other),
    ]);
}

#[test]
fn the_sum_the_body_paid_judged_in_the_findings_is_accepted() {
    let p = run(
        &[
            (Some(Complaint), "At stage two the Council apologised and paid Mr D £300."),
            (Some(WhatFound), "The £300 the Council paid after stage two was a fair response to the faults it found, and I do not recommend more."),
        ],
        None,
    );
    assert!(role_of(&p, 300.0).contains(&PaymentRole::Accepted), "{p:?}");
    // What the complainant paid is not the body's payment.
    let p = run_one(
        Some(WhatFound),
        "The £40 she paid was a fair price for the service.",
        None,
    );
    assert_eq!(role_of(&p, 40.0), vec![PaymentRole::Other]);
}

#[test]
fn what_she_paid_that_the_body_agreed_to_give_back_is_agreed() {
    use PaymentRole::{Agreed, Claimed};
    assert_first_roles(&[
        (
            None,
            "He paid £60 for the collection, and the Council has agreed to refund it.",
            Agreed,
        ),
        (
            None,
            "She paid £85 for the survey, but the Council has now agreed to repay the full amount.",
            Agreed,
        ),
        // Refused, or wanted back, is not agreed: her loss.
        (
            None,
            "He paid £60 for the collection, and the Council has refused to refund it.",
            Claimed,
        ),
        (
            Some(Complaint),
            "He paid £60 for the collection, and wants the Council to refund it.",
            Claimed,
        ),
    ]);
}

#[test]
fn a_value_or_a_sum_wanted_in_the_present_tense_is_claimed() {
    use PaymentRole::Claimed;
    assert_first_roles(&[
        (
            Some(Complaint),
            "She values the damaged furniture at £2,500.",
            Claimed,
        ),
        (
            Some(Complaint),
            "He puts the loss at £900 and wants the Council to pay him that amount.",
            Claimed,
        ),
    ]);
}

#[test]
fn an_offer_enough_for_the_part_it_remedies_is_accepted_beside_an_agreed_payment() {
    let p = run(
        &[
            (Some(WhatFound), "The £600 it offered is in line with our guidance for missed education, and I do not recommend anything further for that part of the complaint."),
            (None, "The Council has agreed to pay Mrs K a further £150 for her time and trouble."),
        ],
        None,
    );
    assert_eq!(role_of(&p, 600.0), vec![PaymentRole::Accepted], "{p:?}");
    assert_eq!(agreed(&p), vec![150.0]);
}

#[test]
fn no_further_payment_needed_because_the_body_paid_makes_its_payment_accepted() {
    let p = run_one(
        None,
        "It has agreed to refund the £90 it took. We do not consider a further payment is needed as the Council has already paid Mr R £75 for his time and trouble.",
        None,
    );
    assert_eq!(role_of(&p, 75.0), vec![PaymentRole::Accepted], "{p:?}");
    assert_eq!(agreed(&p), vec![90.0]);
    // A further payment found needed leaves it offered.
    let p = run_one(
        None,
        "It has agreed to refund the £90 it took. We consider a further payment is needed as the Council has only paid Mr R £75 for his time and trouble.",
        None,
    );
    assert_ne!(role_of(&p, 75.0), vec![PaymentRole::Accepted], "{p:?}");
    assert!(!nothing_further_because(
        "No payment is needed as the Council has paid "
    ));
    assert!(nothing_further_because(
        "No further remedy is necessary because it has refunded "
    ));
}

#[test]
fn a_payment_to_someone_for_their_distress_is_a_remedy_after_other_nouns() {
    let p = run_one(
        None,
        "The Council has agreed to pay £900 to recognise the lost provision, to be used for his educational benefit, and £250 to Mrs Y for her distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![900.0, 250.0], "{p:?}");
}

#[test]
fn what_the_body_has_done_judged_suitable_is_accepted_not_agreed() {
    let p = run_one(
        None,
        "We will not investigate. The home has apologised and refunded £360, which is a suitable remedy.",
        None,
    );
    assert_eq!(role_of(&p, 360.0), vec![PaymentRole::Accepted], "{p:?}");
    // What it will do, judged suitable, is the agreed remedy.
    let p = run_one(
        None,
        "The home will apologise and refund £360, which is a suitable remedy.",
        None,
    );
    assert_eq!(role_of(&p, 360.0), vec![PaymentRole::Agreed], "{p:?}");
    assert!(told_done("refunded") && told_done("Repaid") && !told_done("refund"));
}

#[test]
fn what_the_man_has_paid_is_his_loss_and_the_verb_refunds_it() {
    for who in ["the man", "the complainant", "the family", "he"] {
        let text = format!(
            "To remedy the injustice caused, the council has agreed to:\n- refund the top-up fees {who} has paid, which total £2,370;\n- pay him £250 for the distress."
        );
        let p = run_one(Some(AgreedAction), &text, None);
        assert_eq!(agreed(&p), vec![2370.0, 250.0], "{who}: {p:?}");
    }
    // What he paid as a price stays a price, whoever names him.
    let p = run_one(Some(WhatFound), "The man paid £110 for two bins.", None);
    assert_eq!(role_of(&p, 110.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn owed_her_landlord_is_her_debt_and_owed_her_is_her_claim() {
    let p = run_one(
        None,
        "By then Miss B owed her landlord more than £2,500 and was served notice.",
        Some("Miss B"),
    );
    assert_eq!(role_of(&p, 2500.0), vec![PaymentRole::Other], "{p:?}");
    let p = run_one(
        None,
        "She says the Council owed her more than £2,500 in unpaid grant.",
        Some("Miss B"),
    );
    assert_eq!(role_of(&p, 2500.0), vec![PaymentRole::Claimed], "{p:?}");
}

#[test]
fn a_refund_the_next_sentence_finds_put_her_back_is_accepted_in_what_i_found() {
    let found = |next: &str| {
        run_one(
            Some(WhatFound),
            &format!("The Council accepted the error. In December 2020 it refunded £1,486.26, the full amount she had been overcharged. {next}\nThe Council has agreed to pay Mrs E £150 for her distress."),
            Some("Mrs E"),
        )
    };
    let p = found("I am satisfied the refund has put Mrs E back in the financial position she would have been in.");
    assert_eq!(role_of(&p, 1486.26), vec![PaymentRole::Accepted], "{p:?}");
    // Someone else's view of it is no judgement of ours.
    let p = found("The Council says the refund has put Mrs E back in the financial position she would have been in.");
    assert_eq!(role_of(&p, 1486.26), vec![PaymentRole::Other], "{p:?}");
    // Nor is a refund that has yet to put her back.
    assert!(judged_sufficient(
        "The Council should pay £50 to put her back in the position she would have been in."
    )
    .is_none());
}

#[test]
fn what_the_complainant_paid_after_the_amount_is_no_offer() {
    let p = run_one(
        Some(Complaint),
        "Ms X said she lost £1,750 she had paid in rent in advance and in moving costs.",
        Some("Ms X"),
    );
    assert_eq!(role_of(&p, 1750.0), vec![PaymentRole::Claimed], "{p:?}");
    // Money paid to her is the body's.
    let p = run_one(
        Some(WhatFound),
        "The £200 she was paid at stage two was for her distress, which I consider is a suitable remedy.",
        Some("Ms X"),
    );
    assert_eq!(role_of(&p, 200.0), vec![PaymentRole::Accepted], "{p:?}");
}

#[test]
fn a_charge_she_wants_refunded_is_her_claim() {
    let p = run_one(
        Some(Complaint),
        "She says it was unfair for the Care Provider to charge £3,200 for the full notice period and wants it refunded.",
        Some("Mrs Y"),
    );
    assert_eq!(role_of(&p, 3200.0), vec![PaymentRole::Claimed], "{p:?}");
    let p = run_one(
        Some(WhatFound),
        "The home charged £3,200 for the notice period.",
        None,
    );
    assert_eq!(role_of(&p, 3200.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn an_offer_the_agreement_names_is_adopted_and_the_next_amount_is_agreed_too() {
    let p = run_one(
        None,
        "The Council has agreed to pay Mrs X the £250 it offered, a further £1,350 for the provision her daughter missed, and £200 for the time and trouble.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![250.0, 1350.0, 200.0], "{p:?}");
    let p = run_one(
        Some(AgreedAction),
        "The Council has agreed to pay Mrs X £1,800 for the provision she missed, instead of the £600 it offered at stage two, and a further £300 for her distress.",
        Some("Mrs X"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        vec![
            (1800.0, PaymentRole::Agreed),
            (600.0, PaymentRole::Offered),
            (300.0, PaymentRole::Agreed)
        ]
    );
    // An offer told after the amount, with no agreement naming it, stays an offer.
    let p = run_one(
        Some(WhatFound),
        "Mrs X refused the £250 it offered, and a further £50 it offered later.",
        Some("Mrs X"),
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn the_sum_an_agreed_payment_replaces_is_the_earlier_offer() {
    let p = run_one(
        None,
        "It has agreed to reimburse the £24 in bank charges they incurred and pay them £100 instead of the £25, for their distress.",
        None,
    );
    assert_eq!(agreed(&p), vec![24.0, 100.0], "{p:?}");
    assert_eq!(role_of(&p, 25.0), vec![PaymentRole::Offered], "{p:?}");
    assert!(replaced("pay them £100 rather than its original "));
    assert!(!replaced("pay them £100 instead of an apology and "));
}

#[test]
fn return_the_deposit_is_a_remedy_verb() {
    let p = run_one(
        Some(AgreedAction),
        "Within one month the Council will return the £1,500 deposit to Mrs V by paying it into her bank account, and pay Mrs X £150 for her distress.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), vec![1500.0, 150.0], "{p:?}");
    // A deposit merely told is not.
    let p = run_one(Some(WhatFound), "She paid the £1,500 deposit in May.", None);
    assert_eq!(role_of(&p, 1500.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn what_the_body_paid_and_the_decision_judges_is_told_as_an_offer() {
    // Found short: an offer the decision does not adopt, told twice.
    let p = run(
        &[
            (None, "The £100 the Council paid Mr X after his stage two complaint was not enough to recognise the injustice. The Council has agreed to pay him a further £400."),
            (Some(WhatFound), "It moved Mr X into Band 2 in May 2017, apologised and paid him £100."),
        ],
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 100.0), vec![PaymentRole::Offered], "{p:?}");
    // Found enough: what we would expect.
    let p = run_one(
        Some(Findings),
        "The Council refunded the £64 Mrs Y had paid for the lessons within a week. That is the outcome we would expect.",
        Some("Mrs Y"),
    );
    assert_eq!(role_of(&p, 64.0), vec![PaymentRole::Accepted], "{p:?}");
    // Arrears it paid them, found to put their loss right.
    let p = run_one(
        Some(Findings),
        "In March the Council paid them £3,260 in arrears of allowance, and we are satisfied that put right their financial loss.",
        None,
    );
    assert_eq!(role_of(&p, 3260.0), vec![PaymentRole::Accepted], "{p:?}");
    // Arrears merely told stay other money.
    let p = run_one(Some(WhatFound), "She owed £3,260 in arrears of rent.", None);
    assert_eq!(role_of(&p, 3260.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn what_they_paid_and_want_back_a_sentence_later_is_their_claim() {
    for text in [
        "Mr and Mrs B paid a planning consultant £450 to prepare their objection. They want the Council to compensate them for both.",
        "He says the family bought replacements, which cost £2,600. The home offered an apology. He wants the Care Provider to pay the full cost.",
    ] {
        let p = run_one(Some(Complaint), text, None);
        assert_eq!(amounts_and_roles(&p)[0].1, PaymentRole::Claimed, "{text}: {p:?}");
    }
    let p = run_one(
        Some(Complaint),
        "She says this left her £23.40 a week worse off.",
        None,
    );
    assert_eq!(role_of(&p, 23.4), vec![PaymentRole::Claimed], "{p:?}");
}

#[test]
fn seeing_no_reason_to_ask_for_more_accepts_what_the_body_paid() {
    let p = run_one(
        None,
        "But the Council then accepted all the panel’s recommendations and paid Mr W the £400 the panel recommended, and I see no reason to ask for more.",
        Some("Mr W"),
    );
    assert_eq!(role_of(&p, 400.0), vec![PaymentRole::Accepted], "{p:?}");
    assert!(judged_sufficient("We see no need to recommend any further payment.").is_some());
    assert!(judged_sufficient("We see no reason to ask the Council to reconsider.").is_none());
}

#[test]
fn money_paid_that_the_next_sentence_finds_short_is_an_offer() {
    let p = run_one(
        Some(WhatFound),
        "The Council apologised and paid Mr X £250 at stage two. In my view that did not reflect the length of the delay.",
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Offered], "{p:?}");
    // Money merely paid, with nothing said of it, is other money.
    let p = run_one(
        Some(WhatFound),
        "The Council paid Mr X £250 in May. He then moved house.",
        Some("Mr X"),
    );
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Other], "{p:?}");
    assert!(falls_short(
        "The £25 it offered them did not reflect the impact of its mistake."
    ));
    assert!(judged_sufficient("I consider £500 a fair remedy for the matters upheld.").is_some());
}

#[test]
fn a_payment_to_them_under_an_agreement_is_the_remedy_whatever_the_money_is() {
    let p = run_one(
        Some(AgreedAction),
        "We recommend the Council pays Mr and Mrs F the £2,520 skills fee they are owed, and £300 for their distress.",
        Some("Mr F"),
    );
    assert_eq!(agreed(&p), vec![2520.0, 300.0], "{p:?}");
    let p = run_one(
        Some(AgreedAction),
        "The Council will backdate her award and pay Mrs Y the £1,534.98 arrears owed.",
        Some("Mrs Y"),
    );
    assert_eq!(agreed(&p), vec![1534.98], "{p:?}");
    // The complainant paying a fee is no remedy.
    let p = run_one(
        Some(AgreedAction),
        "The Council will ask Mr F to pay the £2,520 fee.",
        Some("Mr F"),
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn the_rest_of_a_restated_agreement_is_agreed_too() {
    let p = run(
        &[
            (None, "It has agreed to refund the penalty she paid and pay her £100 for her time and trouble."),
            (Some(WhatFound), "Mrs F paid the PCN at the discounted rate of £65. The Council has agreed to refund the £65 and pay Mrs F £100."),
        ],
        Some("Mrs F"),
    );
    assert!(role_of(&p, 65.0).contains(&PaymentRole::Agreed), "{p:?}");
    assert_eq!(role_of(&p, 100.0), vec![PaymentRole::Agreed], "{p:?}");
}

#[test]
fn a_sum_an_agreed_payment_includes_is_the_earlier_offer() {
    let p = run_one(
        None,
        "The Council offered them £150, but we consider that was not enough. It has agreed to apologise and pay Mr and Mrs T £450, which includes the £150 if it has already been paid.",
        Some("Mr T"),
    );
    assert_eq!(agreed(&p), vec![450.0], "{p:?}");
    // Parts of a breakdown are not offers.
    let p = run_one(
        None,
        "It has agreed to pay Mrs T £450, including £300 for her distress and £150 for her time and trouble.",
        Some("Mrs T"),
    );
    assert!(agreed(&p).contains(&300.0), "{p:?}");
    assert!(falls_short(
        "but that would not have remedied the injustice"
    ));
}

#[test]
fn bodies_that_each_pay_make_one_payment_each() {
    let p = run_one(
        Some(AgreedAction),
        "The Council and the Trust have agreed to:\n• each pay Mrs F £300 to recognise the distress;\n• each prepare an action plan.",
        Some("Mrs F"),
    );
    assert_eq!(agreed(&p), vec![300.0, 300.0], "{p:?}");
    let p = run_one(None, "The Council and the Trust have agreed to apologise, each pay Miss B £400, and review their procedures.", Some("Miss B"));
    assert_eq!(agreed(&p), vec![400.0, 400.0], "{p:?}");
    // One body paying is one payment.
    let p = run_one(
        None,
        "The Council has agreed to pay Miss B £400 and each officer will attend training.",
        Some("Miss B"),
    );
    assert_eq!(agreed(&p), vec![400.0], "{p:?}");
}

#[test]
fn a_sum_the_body_calculated_is_what_the_verb_pays() {
    let p = run_one(
        Some(AgreedAction),
        "To remedy the injustice caused, the council has agreed to:\n• pay the woman the difference between what she received and the allowance she should have been paid from June 2013 to April 2015, which it has calculated as £5,432;\n• pay her £300 for the distress caused.",
        None,
    );
    assert_eq!(agreed(&p), vec![5432.0, 300.0], "{p:?}");
    // A sum calculated with no payment verb is no payment.
    let p = run_one(
        Some(WhatFound),
        "She had rent arrears, which it has calculated as £5,432.",
        None,
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn this_in_line_with_our_guidance_next_accepts_what_the_body_offered_in_what_i_found() {
    let text = "In its stage 2 response, the Council apologised and offered Mrs P £500 for the distress and uncertainty caused by the delay. This is in line with our guidance on remedies, and I do not recommend a further payment for the delay itself.\nThe Council has agreed to pay Mrs P a further £200 for her time and trouble.";
    let p = run_one(Some(WhatFound), text, Some("Mrs P"));
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Accepted], "{p:?}");
    // In the body's voice it is no judgement of ours.
    let p = run_one(
        Some(WhatFound),
        &text.replace("This is in line with our guidance on remedies, and I do not recommend a further payment for the delay itself.", "This is in line with its own guidance, it said."),
        Some("Mrs P"),
    );
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Offered], "{p:?}");
    assert!(
        judged_sufficient("so I have not recommended any further payment for the distress")
            .is_some()
    );
}

#[test]
fn refund_the_fees_alone_names_no_sum_told_elsewhere() {
    // A payment whose amount the decision leaves unstated (DOMAIN.md).
    let p = run(
        &[
            (
                None,
                "Mr C complained about care charges. The care home's fees were £900.",
            ),
            (
                Some(AgreedAction),
                "Within one month the Council will refund the fees Mr C paid for the respite care.",
            ),
        ],
        Some("Mr C"),
    );
    assert_eq!(role_of(&p, 900.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn a_list_goes_on_after_the_money_owed_with_and() {
    let p = run_one(
        None,
        "The Council has agreed to pay Mr and Mrs C the £2,730 in allowances they should have received and £250 for their time and trouble.",
        Some("Mr and Mrs C"),
    );
    assert_eq!(agreed(&p), vec![2730.0, 250.0], "{p:?}");
    // Money owed with no agreement before it is still owed.
    let p = run_one(
        Some(Complaint),
        "She says she should have received £2,730 and £250 for her time.",
        None,
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn a_charge_an_agreement_names_without_its_sum_is_the_agreed_payment() {
    // The sum told in the complaint, the charge named in the summary.
    let p = run(
        &[
            (None, "The Council has agreed to apologise, reimburse her storage costs and pay her £350 for her distress."),
            (Some(Complaint), "She says she had to arrange storage herself and paid £70 a week for 28 weeks, £1,960 in all."),
        ],
        Some("Ms X"),
    );
    assert_eq!(agreed(&p), vec![350.0, 1960.0], "{p:?}");
    assert_eq!(role_of(&p, 70.0), vec![PaymentRole::Other], "{p:?}");
    // Two charges in one object, each the sum its own noun is given.
    let p = run(
        &[
            (Some(Complaint), "Miss B says the Council then added interest of £515 and an administration charge of £125, which it would not have been able to charge had it acted promptly. By then the account showed a debt of £18,400."),
            (Some(AgreedAction), "The Council will remove the interest and administration charge from Mr C's account and pay Miss B £200 for her time and trouble."),
        ],
        Some("Miss B"),
    );
    assert_eq!(agreed(&p), vec![515.0, 125.0, 200.0], "{p:?}");
    assert_eq!(role_of(&p, 18400.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn a_charge_someone_else_repays_or_the_story_tells_is_not_agreed() {
    for (kind, agreement) in [
        // The complainant repays.
        (
            None,
            "It also agreed Mrs T could repay the backdated charges in instalments.",
        ),
        // An agreement told as what happened, not this decision's.
        (
            Some(WhatFound),
            "At stage two the Council agreed to cancel the backdated charges.",
        ),
        // The object names its own sum.
        (
            None,
            "The Council has agreed to waive the backdated charges of £2,184.",
        ),
    ] {
        let p = run(
            &[
                (Some(Complaint), "She says she was then sent a backdated bill of more than £3,000, which came as a shock."),
                (kind, agreement),
            ],
            Some("Mrs S"),
        );
        assert_eq!(
            role_of(&p, 3000.0),
            vec![PaymentRole::Other],
            "{agreement} {p:?}"
        );
    }
}

#[test]
fn the_sum_found_short_two_sentences_on_is_the_offer() {
    let text = "The stage two investigation upheld most of their complaint and the Council paid them £250. We found further delay in arranging the stage three review panel. The £250 did not reflect the full injustice, so the Council has agreed to pay Mr and Mrs P a further £300.";
    let p = run_one(None, text, Some("Mr and Mrs P"));
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Offered], "{p:?}");
    assert_eq!(agreed(&p), vec![300.0], "{p:?}");
    // Another sum found short says nothing of this one.
    let p = run_one(None, &text.replace("The £250 did", "The £200 did"), None);
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn what_she_paid_lost_or_will_spend_and_wants_paid_is_claimed() {
    for text in [
        "He says he paid £480 for the repairs. He claimed this from the Council, but it refused.",
        "Mr B says the pipe burst and he wants the Council to pay the £640 repair bill.",
        "Mr D says his mother has lost about £7,500 and the Council did nothing to stop it.",
        "They say putting the work right will cost about £18,000. They want the Council to pay for the repairs.",
        "They have a builder’s quote of £8,500 to rebuild it and want the Council to pay.",
        "He says he paid £487.20 to replace a tyre and repair a wheel. He made a claim to the Council for this cost.",
    ] {
        let p = run_one(Some(Complaint), text, None);
        assert_eq!(p.len(), 1, "{text} {p:?}");
        assert_eq!(p[0].role, PaymentRole::Claimed, "{text} {p:?}");
    }
    // What something will cost, with no one wanting it paid, is a price.
    let p = run_one(
        Some(Complaint),
        "The Council says the new roof will cost £18,000. It has set aside the money.",
        None,
    );
    assert_eq!(role_of(&p, 18000.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn an_agreed_price_agrees_nothing_but_the_agreed_action_does() {
    let p = run_one(
        Some(Complaint),
        "He wants the Council to complete the sale at the agreed price and to reimburse the £600 he paid his solicitor.",
        None,
    );
    assert_eq!(role_of(&p, 600.0), vec![PaymentRole::Claimed], "{p:?}");
    let p = run_one(
        None,
        "We have found fault by the Council but consider the agreed action of an apology, £500 and a review of procedures provides a suitable remedy.",
        None,
    );
    assert_eq!(agreed(&p), vec![500.0], "{p:?}");
}

#[test]
fn putting_her_back_in_the_position_accepts_what_the_body_did() {
    let parts = |judgement: &'static str| {
        run(
            &[
                (None, "The Council has since credited £487.63 to her account and paid her £50 for the inconvenience."),
                (Some(Findings), judgement),
            ],
            Some("Miss D"),
        )
    };
    let p = parts("This puts Miss D back in the position she would have been in.");
    assert_eq!(role_of(&p, 487.63), vec![PaymentRole::Accepted], "{p:?}");
    assert_eq!(role_of(&p, 50.0), vec![PaymentRole::Accepted], "{p:?}");
    let p = parts("She says this does not put her back where she was.");
    assert_eq!(role_of(&p, 487.63), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn an_offer_judged_fair_in_its_own_clause_is_accepted() {
    let text = "The Council had already offered Mrs A £500 at stage two of its complaints procedure for her distress, which we consider reasonable. It has now also agreed to pay £150 for her time and trouble.";
    let p = run_one(Some(Findings), text, Some("Mrs A"));
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Accepted], "{p:?}");
    assert_eq!(agreed(&p), vec![150.0], "{p:?}");
    // In her words it is no judgement of ours.
    let p = run_one(
        Some(Findings),
        &text.replace(
            "which we consider reasonable",
            "which she considers unreasonable",
        ),
        Some("Mrs A"),
    );
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Offered], "{p:?}");
}

#[test]
fn removing_or_withdrawing_a_charge_is_a_remedy_verb_only_for_a_charge() {
    for text in [
        "The Council has agreed to remove the £310 enforcement fees from her account and pay her £100.",
        "The Council has agreed to withdraw the £310 summons costs it added to her account, pay Miss X £100 for her time and trouble, and apologise.",
    ] {
        let p = run_one(Some(Findings), text, Some("Miss X"));
        assert_eq!(agreed(&p), vec![310.0, 100.0], "{text} {p:?}");
    }
    // Wanted, it is her claim; other money withdrawn is no remedy.
    let p = run_one(
        Some(Findings),
        "She wants the Council to remove the £310 enforcement fees from her account.",
        None,
    );
    assert_eq!(role_of(&p, 310.0), vec![PaymentRole::Claimed], "{p:?}");
    let p = run_one(
        Some(Findings),
        "The Council has agreed to withdraw the £500 grant it awarded in error.",
        None,
    );
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Other], "{p:?}");
}

#[test]
fn a_first_person_judgement_of_the_sum_next_accepts_it_in_what_i_found() {
    for judgement in [
        "I consider £500 a fair remedy for the matters upheld.",
        "I consider this a fair remedy for the matters upheld.",
    ] {
        let text = format!("In its final response the Council offered Ms X £500, which it has since paid. {judgement}");
        let p = run_one(Some(WhatFound), &text, Some("Ms X"));
        assert_eq!(
            role_of(&p, 500.0),
            vec![PaymentRole::Accepted],
            "{judgement} {p:?}"
        );
    }
    // A judgement naming another sum says nothing of this one.
    let p = run_one(
        Some(WhatFound),
        "The Council offered Ms X £250 at stage two and increased this to £500 after the panel. I consider £500 is a fair remedy for the matters the panel upheld.",
        Some("Ms X"),
    );
    assert_eq!(role_of(&p, 250.0), vec![PaymentRole::Offered], "{p:?}");
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Accepted], "{p:?}");
}

#[test]
fn a_total_of_the_bodys_own_money_adds_offered_and_accepted_parts() {
    let p = run(
        &[
            (Some(Findings), "The Council offered Miss X an additional £250 for the delay at stage two. This is in line with our guidance on remedies. I cannot add to this. The Council offered Miss X £200 for her distress, which she refused."),
            (Some(AgreedAction), "Pay Miss X £300 for her distress. This is in addition to the £450 offered from the complaint process."),
        ],
        Some("Miss X"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        vec![
            (250.0, PaymentRole::Accepted),
            (200.0, PaymentRole::Offered),
            (300.0, PaymentRole::Agreed)
        ],
        "{p:?}"
    );
}

#[test]
fn a_second_payment_after_a_clause_about_the_first_keeps_the_agreement() {
    let cases = [
        // Words between that only tell of the earlier money.
        "The Council has agreed to pay Ms X £1,200 to recognise B’s lost education, in place of its earlier offer, and £200 for her distress and time and trouble.",
        // Money owed, then a second pay verb in the list.
        "The Council has agreed to apologise, pay Mrs M the £1,136 in direct payments she should have received, pay her £400 for her distress and time and trouble, and remind staff.",
    ];
    for text in cases {
        let p = run_one(None, text, None);
        assert_eq!(agreed(&p).len(), 2, "{text}: {p:?}");
    }
    // An agreed action list with `ask` in it is no want of the complainant's.
    let p = run_one(
        None,
        "It has also agreed to apologise, ask its enforcement agents to cancel their fees, and pay Mr R £100 for his distress and time and trouble.",
        Some("Mr R"),
    );
    assert_eq!(agreed(&p), vec![100.0], "{p:?}");
    // A complainant asking, then an amount, is still a claim.
    let p = run_one(
        Some(Complaint),
        "Mr R asked the Council to cancel the fees, and to pay him £500.",
        Some("Mr R"),
    );
    assert_eq!(role_of(&p, 500.0), vec![PaymentRole::Claimed], "{p:?}");
}

#[test]
fn time_spent_somewhere_is_no_money_spent() {
    use PaymentRole::{Agreed, Claimed, Other};
    assert_roles("The Council has agreed to pay Ms R £150 for each month the family spent in unsuitable accommodation after the first six weeks, a total of £1,050, and £200 for her time and trouble.", "Ms R", &[(150.0, Other), (1050.0, Agreed), (200.0, Agreed)]);
    // Money spent is still money: a claim when she wants it back.
    assert_first_roles(&[(
        None,
        "Ms R says she spent about £60 a week on takeaway food and wants the Council to refund this.",
        Claimed,
    )]);
}

#[test]
fn what_was_paid_and_the_next_sentence_agrees_to_pay_back_is_agreed() {
    use PaymentRole::{Agreed, Other};
    for next in [
        "The Council has agreed to reimburse this, pay them £500 for the distress, and review its procedures.",
        "We recommend the Council reimburse this and pay them £500 for the distress.",
    ] {
        let text = format!("Mr and Mrs T paid £2,750 for a stairlift themselves while they waited. {next}");
        let p = run_one(None, &text, Some("Mr T"));
        assert_eq!(amounts_and_roles(&p), [(2750.0, Agreed), (500.0, Agreed)], "{text}");
    }
    // Not when the next sentence agrees something else, or the story tells it.
    for (kind, text) in [
        (None, "Mr and Mrs T paid £2,750 for a stairlift. The Council has agreed to review its procedures."),
        (Some(Complaint), "Mr and Mrs T paid £2,750 for a stairlift. They say the Council has agreed to reimburse this but has not."),
    ] {
        let p = run_one(kind, text, Some("Mr T"));
        assert_eq!(amounts_and_roles(&p)[0], (2750.0, Other), "{text}");
    }
}

#[test]
fn a_rate_after_its_sum_with_words_between_is_how_the_sum_was_worked_out() {
    use PaymentRole::{Agreed, Other};
    for text in [
        "The Council has agreed to pay her £1,050 to reflect the 42 weeks she remained in unsuitable accommodation, calculated at £25 a week, and pay her £100 for her time and trouble.",
        "It has agreed to apologise, pay Ms K £750 for the five extra weeks, worked out at £150 for each week, and pay £100 for her time and trouble.",
        "The Council has agreed to pay Mrs Y £1,600 to recognise the provision her son lost, based on £400 for each month, and £100 for her distress.",
    ] {
        let p = run_one(None, text, Some("Mrs Y"));
        let roles: Vec<PaymentRole> = p.iter().map(|p| p.role).collect();
        assert_eq!(roles, [Agreed, Other, Agreed], "{text}: {p:?}");
    }
    // A rate the sum is no multiple of is a payment of its own.
    let p = run_one(None, "The Council has agreed to pay her £1,000 for the missed provision, calculated at £300 a month for the delay.", Some("Mrs Y"));
    assert_eq!(p[1].role, Agreed, "{p:?}");
}

#[test]
fn an_offer_the_decision_names_again_as_agreed_is_one_agreed_payment() {
    use PaymentRole::{Agreed, Offered};
    assert_roles("In its complaint response the Council offered Mr T £200. It has now agreed to pay him that £200, if it has not already done so, and a further £300 for his distress.", "Mr T", &[(200.0, Agreed), (300.0, Agreed)]);
    assert_roles("It offered Miss H £50 at stage one and £100 at stage two of its complaints procedure. We consider £100 is a suitable remedy for her time and trouble and the Council has agreed to pay it.", "Miss H", &[(50.0, Offered), (100.0, Agreed)]);
}

#[test]
fn a_refund_found_to_remedy_the_loss_is_accepted() {
    assert_roles("It has already refunded £620, the fees charged for the period after Mrs W’s death, and this remedies the financial loss. The Care Provider has agreed to pay Ms V £300 for her distress.", "Ms V", &[(620.0, PaymentRole::Accepted), (300.0, PaymentRole::Agreed)]);
}

#[test]
fn asking_someone_at_the_end_of_an_agreed_list_is_the_bodys_action() {
    use PaymentRole::{Agreed, Claimed};
    assert_first_roles(&[
        (None, "It has also agreed to reinstate the discount and ask its enforcement agents to withdraw the £310 in fees added to her account.", Agreed),
        // Her own asking is still her claim.
        (None, "Miss H complains about the fees and asks the Council to refund the £310.", Claimed),
    ]);
}

#[test]
fn the_complainants_own_offer_and_instalments_offered_to_him_are_other_money() {
    use PaymentRole::{Accepted, Other};
    assert_first_roles(&[
        (
            None,
            "He offered the Council £5,000 for the land behind his house.",
            Other,
        ),
        (None, "Mrs X had offered £200 towards the repairs.", Other),
        (
            None,
            "The Council offered to let Mr V pay in instalments of £175 a month over two years.",
            Other,
        ),
        // The body's own offer of money is still an offer.
        (
            None,
            "The Council offered Mr V £175 for his time and trouble.",
            Accepted,
        ),
    ]);
}

#[test]
fn an_offer_the_body_then_agrees_to_pay_is_agreed_unless_it_stands_for_another_sum() {
    use PaymentRole::{Agreed, Offered};
    assert_roles("The Council offered Ms M £150 at stage two, which she refused. We consider that is an appropriate amount for the distress and uncertainty caused, and the Council has agreed to pay it.", "Ms M", &[(150.0, Agreed)]);
    // `it` is the sum named between.
    let p = run_one(
        None,
        "The Council offered Mrs X £150 for the distress caused. We consider £400 more appropriate, and the Council has agreed to pay it.",
        Some("Mrs X"),
    );
    assert_eq!(role_of(&p, 150.0), [Offered]);
    // And in the story's sections the body's own agreement is its offer.
    let p = run_one(
        Some(Complaint),
        "The Council offered Ms M £150 at stage two, which she refused. The Council has agreed to pay it.",
        Some("Ms M"),
    );
    assert_eq!(role_of(&p, 150.0), [Offered]);
}

#[test]
fn what_backdating_comes_to_and_money_put_back_are_agreed() {
    use PaymentRole::{Agreed, Other};
    assert_roles("The Council has agreed to backdate her council tax reduction to 1 April 2023, which is worth £642.18, and pay her £100.", "Mrs X", &[(642.18, Agreed), (100.0, Agreed)]);
    assert_roles("The Council has agreed to backdate Mr K's direct payments to 1 June 2020 at the assessed rate of £312 a week, a total of £9,672, and to pay him £250 for the distress.", "Mr K", &[(312.0, Other), (9672.0, Agreed), (250.0, Agreed)]);
    assert_roles(
        "It has agreed to put £890 back into Mr U’s direct payment account and pay him £250.",
        "Mr U",
        &[(890.0, Agreed), (250.0, Agreed)],
    );
    // A value backdating is not about stays what it is.
    assert_first_roles(&[(
        None,
        "Her home was worth £185,000 when the Council backdated the charge.",
        Other,
    )]);
}

#[test]
fn a_payment_judged_in_its_own_clause_and_a_charge_wanted_back_next() {
    use PaymentRole::{Accepted, Agreed, Claimed};
    assert_roles("It has already paid Ms F £150 for her time and trouble, which is appropriate. It has agreed to pay her £350 for her distress.", "Ms F", &[(150.0, Accepted), (350.0, Agreed)]);
    assert_first_roles(&[(
        None,
        "She was still charged £313.60 for them. She wants the Council to refund this.",
        Claimed,
    )]);
}

#[test]
fn the_money_owed_that_an_agreed_payment_pays_is_agreed() {
    use PaymentRole::{Agreed, Other};
    // The owed clause names the object of the agreed pay verb: its rate is
    // how the total was worked out, the total the payment.
    assert_roles("The Council has agreed to pay Mrs T the allowance she should have received from March 2023, at £164.50 a week, a total of £9,212, and to pay her £500 for her distress.", "Mrs T", &[(164.5, Other), (9212.0, Agreed), (500.0, Agreed)]);
    assert_first_roles(&[
        (
            None,
            "The Council agreed to pay Mr K the support he should have had, £2,400.",
            Agreed,
        ),
        // Owed in the past, with no agreement to pay it, stays other money.
        (None, "It should have paid him £50 in 2021.", Other),
        (
            None,
            "The Council agreed to review the allowance she should have received of £90 a week.",
            Other,
        ),
    ]);
}

#[test]
fn a_rate_paid_to_a_named_person_is_a_payment_and_a_charge_at_a_rate_is_not() {
    use PaymentRole::{Agreed, Other};
    assert_roles("The Council has agreed to pay Mrs T the unpaid direct payments of £412 a month for the eight months from April to November 2018, a total of £3,296, and £250 for her time and trouble.", "Mrs T", &[(412.0, Other), (3296.0, Agreed), (250.0, Agreed)]);
    assert_first_roles(&[
        (
            None,
            "The Council has agreed to pay Mr X the direct payments of £150 a week he missed.",
            Agreed,
        ),
        (
            None,
            "She should pay a contribution of £60 a week towards her care.",
            Other,
        ),
    ]);
}

#[test]
fn money_the_body_paid_that_puts_things_right_in_our_words_is_accepted() {
    use PaymentRole::Accepted;
    assert_first_roles(&[
        (
            None,
            "It has already refunded the £1,284.60 he was overcharged, and we consider that refund puts the estate back in the position it should have been in.",
            Accepted,
        ),
        (
            None,
            "It has already refunded £486 for the missed visits, which we consider puts right the financial loss.",
            Accepted,
        ),
        (
            None,
            "It has already credited her council tax account with the backdated reduction of £612.55, which puts her in the position she would have been in.",
            Accepted,
        ),
    ]);
}

#[test]
fn a_list_goes_on_past_an_owed_clause_and_together_with() {
    use PaymentRole::Agreed;
    assert_roles("The Council has agreed to credit £628.70 to Mr L’s council tax account, which is the support he should have received, withdraw the £85 summons costs, and pay him £100 for his time and trouble.", "Mr L", &[(628.7, Agreed), (85.0, Agreed), (100.0, Agreed)]);
    let p = run_one(
        None,
        "The Council has agreed to increase the distress payment to £400. It should now pay the £1,200 it offered together with the £400.",
        Some("Mrs X"),
    );
    assert_eq!(role_of(&p, 400.0), [Agreed]);
    assert_eq!(role_of(&p, 1200.0), [Agreed]);
}

#[test]
fn a_refund_the_body_is_said_to_owe_is_claimed_and_an_offered_thing_has_a_price() {
    use PaymentRole::{Claimed, Offered, Other};
    assert_first_roles(&[
        (
            None,
            "Mr H also says the Council owes his father a refund of about £1,900.",
            Claimed,
        ),
        (
            None,
            "The Council offered her a spare seat on a school bus for £540 a year instead.",
            Other,
        ),
    ]);
    // An offer of money at a rate is still the offer.
    let p = run_one(
        Some(WhatFound),
        "The Council offered her £100 a month for six months. That is not enough, and the Council has agreed to pay her £1,000 instead.",
        Some("Mrs X"),
    );
    assert_eq!(role_of(&p, 100.0), [Offered]);
}

#[test]
fn money_returned_and_the_sum_a_rate_comes_to_are_agreed() {
    use PaymentRole::{Agreed, Other};
    assert_roles("It has agreed to return £3,600 to the account, pay Mr W £250 for his distress and change its procedure.", "Mr W", &[(3600.0, Agreed), (250.0, Agreed)]);
    assert_roles("It has agreed to pay Ms J £150 for each week beyond the six-week limit, which is £1,500 for the ten weeks, and reimburse the £385 she spent replacing school uniforms.", "Ms J", &[(150.0, Other), (1500.0, Agreed), (385.0, Agreed)]);
    assert_roles("It has agreed to backdate the direct payments at £96 a week, a total of £1,920, and to pay Mrs X £250 for her distress.", "Mrs X", &[(96.0, Other), (1920.0, Agreed), (250.0, Agreed)]);
}

#[test]
fn an_offer_raised_later_in_its_sentence_is_never_the_accepted_remedy() {
    use PaymentRole::{Accepted, Offered};
    let p = run(
        &[
            (
                None,
                "It offered Mrs X £200 at stage one of its complaints procedure and increased this to £400 at stage two.",
            ),
            (Some(WhatFound), "We consider £400 is a suitable remedy."),
        ],
        Some("Mrs X"),
    );
    assert_eq!(role_of(&p, 200.0), [Offered]);
    assert!(role_of(&p, 400.0).contains(&Accepted), "{p:?}");
    assert_first_roles(&[(
        None,
        "It has already refunded £300, and this puts her back where she should have been.",
        Accepted,
    )]);
}

#[test]
fn what_the_complainant_had_to_buy_or_pay_and_then_wants_paid_is_claimed() {
    use PaymentRole::Claimed;
    assert_first_roles(&[
        (
            None,
            "Mr C says he has had to buy blackout blinds costing £260. He wants the Council to pay for them and to fit a shield to the light.",
            Claimed,
        ),
        (
            None,
            "Mr F says he has paid a land agent £1,850 to prepare his objection. He wants the Council to withdraw the order and pay his costs.",
            Claimed,
        ),
    ]);
}

#[test]
fn the_total_of_what_the_pay_verb_names_and_a_rate_in_brackets_after_its_sum() {
    use PaymentRole::{Agreed, Other};
    assert_roles("The Council has agreed to pay Mrs T the difference between the two rates from March 2015, when the placement began, a total of £6,615, and £500 for her distress.", "Mrs T", &[(6615.0, Agreed), (500.0, Agreed)]);
    assert_roles("The Council has agreed to pay Mrs X £2,400 (calculated at £400 for each month of missed provision) and pay her £300 for her distress.", "Mrs X", &[(2400.0, Agreed), (400.0, Other), (300.0, Agreed)]);
    assert_roles("It agreed to refund the charges Mr Y paid between 2 March and 30 August 2015, a total of £1,609.40 (26 weeks at £61.90 a week).", "Mr Y", &[(1609.4, Agreed), (61.9, Other)]);
}

#[test]
fn a_sum_taken_off_invoices_and_a_refund_that_put_right_the_loss_are_accepted() {
    use PaymentRole::{Accepted, Other};
    assert_roles("It removed £240 from the invoices for the cancelled visits, apologised, and paid Mrs F £100. That is in line with what we would have recommended.", "Mrs F", &[(240.0, Accepted), (100.0, Accepted)]);
    assert_first_roles(&[
        (
            None,
            "It refunded the £345 Mrs E paid to the enforcement agents, which put right her financial loss.",
            Accepted,
        ),
        // Taking money out of one's own account is no remedy.
        (None, "She withdrew £500 from her account to pay the bills.", Other),
    ]);
}

#[test]
fn the_terms_of_a_difference_are_other_and_a_judged_sum_the_body_agrees_to_pay_is_agreed() {
    use PaymentRole::{Agreed, Other};
    assert_roles(
        "The Council has agreed to backdate the difference between the £142.50 a week it paid and the £196.80 weekly fostering rate, and pay her £500.",
        "Mrs X",
        &[(142.5, Other), (196.8, Other), (500.0, Agreed)],
    );
    assert_first_roles(&[(
        None,
        "We consider £400 is in line with our guidance for the distress and lost respite, and the Council has agreed to pay it.",
        Agreed,
    )]);
}

#[test]
fn hired_at_a_cost_then_agreed_back_and_an_offer_to_pay_by_the_complainant() {
    use PaymentRole::{Accepted, Agreed, Offered, Other};
    assert_first_roles(&[
        (
            None,
            "He hired a temporary stairlift at a cost of £2,150. The Council has agreed to reimburse that cost.",
            Agreed,
        ),
        (
            None,
            "Mr G says he had offered to pay £20 a week before the summons was issued.",
            Other,
        ),
        (
            None,
            "The Council had already refunded £184 in charges for the missed visits, which remedies Mr C’s financial loss.",
            Accepted,
        ),
    ]);
    // What the body's own review panel recommended raising it to is its
    // offer, not this decision's remedy.
    let p = run_one(
        None,
        "The stage two adjudication offered £250; the stage three review panel recommended the Council increase this to £500, which the Council paid in April 2023. It has agreed to pay Miss L a further £150 for the frustration this caused.",
        Some("Miss L"),
    );
    assert_eq!(role_of(&p, 500.0), [Offered]);
    assert_eq!(agreed(&p), [150.0]);
}

#[test]
fn one_judgement_after_a_list_of_what_the_body_did_judges_each_item() {
    use PaymentRole::{Accepted, Offered};
    let p = run_one(
        Some(WhatFound),
        "It has already refunded her £52 garden waste subscription and paid her £100 in recognition of the inconvenience, which we consider a suitable remedy for the missed collections.",
        Some("Mrs E"),
    );
    assert_eq!(role_of(&p, 52.0), [Accepted], "{p:?}");
    assert_eq!(role_of(&p, 100.0), [Accepted], "{p:?}");
    // Not an earlier item the judgement does not reach: a sentence on.
    let p = run_one(
        Some(WhatFound),
        "It has already refunded her £52 garden waste subscription. It paid her £100 in recognition of the inconvenience, which we consider a suitable remedy for that part, and the Council has agreed to pay her £200 more.",
        Some("Mrs E"),
    );
    assert_eq!(role_of(&p, 52.0), [Offered], "{p:?}");
}

#[test]
fn a_share_of_a_sum_is_the_payment_and_the_whole_other_money() {
    use PaymentRole::{Agreed, Other};
    assert_roles(
        "The Council should refund half of the £4,600 it charged, which is £2,300, and pay Mrs P £200.",
        "Mrs P",
        &[(4600.0, Other), (2300.0, Agreed), (200.0, Agreed)],
    );
    assert_roles(
        "We recommend the Council pays Mr K half of the £2,850 cost of putting the work right, £1,425, and £250 for his distress.",
        "Mr K",
        &[(2850.0, Other), (1425.0, Agreed), (250.0, Agreed)],
    );
    // A sum after the whole that is not its share leaves both as they were.
    assert_roles(
        "The Council should refund half of the £4,600 it charged, and pay Mrs P £200.",
        "Mrs P",
        &[(4600.0, Agreed), (200.0, Agreed)],
    );
}

#[test]
fn the_body_asking_or_claiming_is_no_one_wanting_money() {
    use PaymentRole::{Agreed, Claimed, Other};
    assert_roles(
        "The Council has agreed to refund the £75 compliance fee, ask its enforcement agents to remove the £235 enforcement fee from her account, and pay Mrs Z £100 for the distress caused.",
        "Mrs Z",
        &[(75.0, Agreed), (235.0, Agreed), (100.0, Agreed)],
    );
    assert_roles(
        "He also disputes the Council’s claim that dimming lights across the borough will save £210,000 a year.",
        "Mr M",
        &[(210000.0, Other)],
    );
    // The complainant's own asking and claiming still are.
    assert_roles(
        "Mr M claims £500 for his losses.",
        "Mr M",
        &[(500.0, Claimed)],
    );
    assert_roles(
        "She asked the Council to pay her £300 for her distress.",
        "Mrs Z",
        &[(300.0, Claimed)],
    );
}

#[test]
fn prices_and_charges_the_complainant_pays_or_bids_are_other_money() {
    use PaymentRole::{Claimed, Offered, Other};
    assert_first_roles(&[
        (None, "She pays £38 a month for a membership that includes swimming.", Other),
        (None, "Mr V says he wrote to the Council in 2019 offering £3,000 for a strip of Council-owned land at the side of his garden.", Other),
        (None, "When the man complained, the council cancelled the charge certificate and offered him the chance to pay at the discounted rate of £55, which he declined.", Other),
        // An offer of remedy for damage to a house is still an offer.
        (Some(WhatFound), "The Council offered £200 for the damage to her house.", Offered),
        // A cost quoted and then claimed is the claim.
        (None, "He obtained a quote of £1,340 to rebuild the wall and made a claim to the Council.", Claimed),
    ]);
}

#[test]
fn failings_before_an_offer_are_no_refusal() {
    use PaymentRole::{Offered, Other};
    assert_first_roles(&[
        (None, "The Council accepted there were failings and offered £150, but this did not adequately reflect the impact on Mrs B.", Offered),
        (None, "The Council failed to pay her the £150 it owed.", Other),
    ]);
}

#[test]
fn a_total_in_words_of_a_rate_may_count_half_periods() {
    use PaymentRole::{Agreed, Other};
    assert_roles(
        "The Council has agreed to pay Miss S £150 a month for the time the family spent in unsuitable accommodation, a total of £525, and to reimburse her storage costs of £312.50.",
        "Miss S",
        &[(150.0, Other), (525.0, Agreed), (312.5, Agreed)],
    );
}

#[test]
fn a_person_and_an_unnamed_relative_paid_each_are_two_payments() {
    let p = run_one(
        Some(FinalDecision),
        "It has agreed to refund £1,960 to Mr H’s estate, apologise, and pay Mrs G and her brother £300 each for the distress.",
        Some("Mrs G"),
    );
    assert_eq!(agreed(&p), [1960.0, 300.0, 300.0]);
    assert_eq!(p[1].recipient.as_deref(), Some("Mrs G"));
    assert_eq!(p[2].recipient, None);
    let p = run_one(
        Some(FinalDecision),
        "The Council will pay £250 each to Mr B and his sister.",
        Some("Mr B"),
    );
    assert_eq!(agreed(&p), [250.0, 250.0]);
}

#[test]
fn the_bodys_money_this_decision_adds_to_is_its_offer() {
    use PaymentRole::{Agreed, Offered};
    assert_roles(
        "It has agreed to backdate the allowance and pay Mrs R £400 for her distress in addition to the £250 it paid after the stage three review panel.",
        "Mrs R",
        &[(400.0, Agreed), (250.0, Offered)],
    );
}

#[test]
fn an_offer_a_later_sentence_raises_is_superseded() {
    use PaymentRole::{Accepted, Offered};
    let p = run(
        &[
            (None, "It has since restored the discount, credited her account and paid her £100 for her time and trouble. That is a suitable remedy, so we have completed our investigation."),
            (Some(WhatFound), "At stage one the Council apologised and offered Mrs J £50. She was not satisfied and asked for her complaint to go to stage two. It also increased its payment to £100, which it paid in January 2019."),
        ],
        Some("Mrs J"),
    );
    assert_eq!(role_of(&p, 50.0), [Offered], "{p:?}");
    assert_eq!(role_of(&p, 100.0), [Accepted], "{p:?}");
}

#[test]
fn the_agreed_sum_told_again_in_our_view_or_as_the_offer_made_to_us_is_one_payment() {
    use PaymentRole::{Agreed, Offered};
    let p = run(
        &[
            (None, "The Council has agreed to pay Ms G £750."),
            (Some(WhatFound), "At stage one the Council offered Ms G £200. I consider a payment of £750 more fairly reflects the loss of use of her home."),
        ],
        Some("Ms G"),
    );
    assert_eq!(amounts_and_roles(&p), [(750.0, Agreed), (200.0, Offered)]);
    let p = run(
        &[
            (None, "It has agreed to pay Miss H £250 for her distress."),
            (Some(WhatFound), "When we made enquiries, the Council accepted both points. It offered to apologise and pay Miss H £250."),
        ],
        Some("Miss H"),
    );
    assert_eq!(amounts_and_roles(&p), [(250.0, Agreed)]);
}

#[test]
fn the_sum_a_charge_is_reduced_by_is_the_remedy() {
    use PaymentRole::{Agreed, Other};
    assert_roles(
        "It has agreed to reduce Mr and Mrs Z’s bill to £250, a reduction of £8,150, and pay them £200 for their time and trouble.",
        "Mr and Mrs Z",
        &[(250.0, Other), (8150.0, Agreed), (200.0, Agreed)],
    );
}

#[test]
fn an_offer_to_refund_a_charge_is_an_offer_and_an_item_under_an_agreement_is_agreed() {
    use PaymentRole::{Agreed, Offered};
    assert_first_roles(&[(
        Some(WhatFound),
        "When he complained, the care provider offered to refund half of the top-up fees, £675, which he refused.",
        Offered,
    )]);
    let p = run_one(
        None,
        "To remedy the injustice caused, the care provider has agreed to:\n- refund all the top-up fees paid, £1,350, to the man;\n- pay the man £300 to acknowledge the distress caused.",
        Some("Mr X"),
    );
    assert_eq!(amounts_and_roles(&p), [(1350.0, Agreed), (300.0, Agreed)]);
}

#[test]
fn a_benefit_claim_is_no_claim_for_money() {
    use PaymentRole::{Agreed, Claimed};
    assert_roles(
        "It has agreed to backdate Mr X's housing benefit to the date of his original claim and to pay him £150 for his time and trouble.",
        "Mr X",
        &[(150.0, Agreed)],
    );
    assert_roles(
        "His claim of £2,000 was refused.",
        "Mr X",
        &[(2000.0, Claimed)],
    );
}

#[test]
fn a_cost_the_complainant_bore_and_wants_paid_is_claimed() {
    use PaymentRole::Claimed;
    for text in [
        "The repair cost £486. She made a claim to the Council, which refused it.",
        "Mr J says he was told to stop parking in the zone and has had to rent a space nearby for £75 a month. He wants the Council to pay this.",
        "He paid another builder £3,750 to put it right. He says the Council should have spotted the problem and wants it to pay for the repairs.",
        "A contractor has quoted £7,800 to relay it. The Council passed his claim to its insurers, who rejected it. Mr V wants the Council to pay for the repairs.",
    ] {
        assert_first_roles(&[(Some(Complaint), text, Claimed)]);
    }
}

#[test]
fn what_the_complainant_cannot_pay_or_a_contract_is_worth_is_no_claim() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        (None, "He says the Council did not reply, by which time he could no longer pay the discounted amount of £35.", Other),
        (None, "He says the Council’s main contractor, which holds a grounds maintenance contract worth about £1.2 million a year, passed work to his company.", Other),
        // His own bill the body refuses to pay, and what he values, are claimed.
        (None, "He says the Council has refused to pay his invoice for £3,240 because it says it has no contract with his company.", Claimed),
        (None, "He says the furniture was worth about £2,000.", Claimed),
    ]);
}

#[test]
fn the_bodys_undertaking_told_in_the_story_is_its_offer() {
    use PaymentRole::{Agreed, Offered};
    assert_first_roles(&[
        (
            Some(WhatFound),
            "In its response to the panel, the Council's director said it would pay £250 instead.",
            Offered,
        ),
        (
            Some(FinalDecision),
            "The Council said it would pay Mrs X £250.",
            Agreed,
        ),
    ]);
}

#[test]
fn what_the_body_did_judged_by_its_sum_or_as_already_made_is_accepted() {
    use PaymentRole::Accepted;
    let p = run_one(
        Some(WhatFound),
        "At stage two the Council paid £250 for their distress. We consider the £250 was a suitable remedy for their distress.",
        Some("Mrs V"),
    );
    assert_eq!(amounts_and_roles(&p), [(250.0, Accepted)]);
    assert_first_roles(&[(
        Some(WhatFound),
        "The refund of £210 the Council has already made is a suitable remedy for any lack of clarity, and we could not achieve more.",
        Accepted,
    )]);
}

#[test]
fn the_sum_we_consider_after_an_offer_is_the_payment_then_agreed() {
    use PaymentRole::{Agreed, Offered};
    let p = run(
        &[
            (Some(WhatFound), "It offered Mrs F £50, but we consider £150 better reflects the distress and time and trouble she was caused."),
            (Some(FinalDecision), "The Council has agreed to pay £150 instead."),
        ],
        Some("Mrs F"),
    );
    assert_eq!(amounts_and_roles(&p), [(50.0, Offered), (150.0, Agreed)]);
}

#[test]
fn a_charge_at_a_rate_paid_back_makes_its_total_the_payment() {
    use PaymentRole::{Agreed, Other};
    assert_roles(
        "The ICB has agreed to reimburse the fees of £540 a week for those 12 weeks, a total of £6,480, and pay Mrs B £300 for her distress.",
        "Mrs B",
        &[(540.0, Other), (6480.0, Agreed), (300.0, Agreed)],
    );
    assert_roles(
        "It has agreed to apologise, to waive the charge of £2,600 (four weeks at £650 a week) and to pay Mrs E £150 for her distress.",
        "Mrs E",
        &[(2600.0, Agreed), (650.0, Other), (150.0, Agreed)],
    );
    // A charge at a rate someone is told to pay is still a charge.
    assert_first_roles(&[(
        None,
        "The Council should pay weekly care fees of £900.",
        Other,
    )]);
}

#[test]
fn losses_values_and_sums_asked_for_in_more_words_are_claimed() {
    use PaymentRole::{Claimed, Other};
    assert_first_roles(&[
        (None, "Mr M says his company lost profit of £3,000 a year as a result and wants the Council to compensate him.", Claimed),
        (None, "They say their house has lost £15,000 in value as a result.", Claimed),
        (None, "We do not recommend the £1,000 Mr X asked for.", Claimed),
        (Some(Complaint), "He says the repair cost £640 and the Council’s insurer wrongly rejected his claim.", Claimed),
        // The complainant's own offer to pay is an instalment, not a claim.
        (None, "He says he never received the summons and the Council refused his offer to pay £20 a month.", Other),
    ]);
}

#[test]
fn an_offer_the_body_then_agrees_to_carry_out_is_agreed() {
    use PaymentRole::Agreed;
    assert_roles(
        "The Council had already offered to refund the £540 inspection fee; it has agreed to do so and to pay Mr X £1,000 for his uncertainty and distress.",
        "Mr X",
        &[(540.0, Agreed), (1000.0, Agreed)],
    );
}

#[test]
fn a_sum_the_story_says_was_agreed_fills_a_summary_that_names_none() {
    use PaymentRole::{Agreed, Offered};
    let story = (
        Some(WhatFound),
        "The Council has also agreed to pay Mr T £100 for the time and trouble he was put to.",
    );
    let p = run(
        &[
            (
                None,
                "The Council has agreed to reconsider it and pay Mr T for his time and trouble.",
            ),
            story,
        ],
        Some("Mr T"),
    );
    assert_eq!(amounts_and_roles(&p), [(100.0, Agreed)]);
    // Without such a summary, or told as the body's own complaint process,
    // the story's agreement stays the body's offer.
    let p = run(&[story], Some("Mr T"));
    assert_eq!(amounts_and_roles(&p), [(100.0, Offered)]);
    let p = run(
        &[
            (
                None,
                "The Council has agreed to pay Mr T for his time and trouble.",
            ),
            (
                Some(WhatFound),
                "At stage two the Council has agreed to pay Mr T £100.",
            ),
        ],
        Some("Mr T"),
    );
    assert!(!role_of(&p, 100.0).contains(&Agreed), "{p:?}");
}

#[test]
fn an_item_that_opens_by_paying_the_sum_reads_with_its_lead_in() {
    // Words after the sum naming an allowance, arrears or an earlier offer
    // say what is paid; the item's verb pays it, under its lead-in.
    let action = "Within one month the Council will:\n\
                  - pay Ms K £9,405 in backdated allowance;\n\
                  - pay Ms K the £300 it offered at stage 2, if it has not already done so;\n\
                  - pay Ms K £600 for each of the two terms she missed;\n\
                  - remind officers of the policy.";
    let p = run_one(Some(AgreedAction), action, Some("Ms K"));
    assert_eq!(role_of(&p, 9405.0), [PaymentRole::Agreed], "{p:?}");
    assert_eq!(role_of(&p, 300.0), [PaymentRole::Agreed], "{p:?}");
    // A rate is how a sum is worked out, not the item's payment.
    assert_eq!(role_of(&p, 600.0), [PaymentRole::Other], "{p:?}");
    // Only an item that opens with the verb: the story's sums stay as told.
    assert_first_roles(&[
        (
            Some(WhatFound),
            "Ms K had to pay them £300 in rent arrears.",
            PaymentRole::Claimed,
        ),
        (
            Some(WhatFound),
            "At stage 2 the Council offered to pay Ms K £300.",
            PaymentRole::Offered,
        ),
    ]);
}

#[test]
fn what_she_spent_in_a_clause_of_its_own_and_wants_back_is_claimed() {
    // `pay for taxis` ends its clause: it does not make good what she spent.
    assert_first_roles(&[
        (
            Some(Complaint),
            "Mrs B says she has had to drive C to school or pay for taxis, and she estimates \
             she has spent £1,900 since September. She wants the Council to reimburse her.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "She had to pay for a tutor and has spent £9,000, which she wants the Council to repay.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "He wants the Council to pay off the £2,300 rent arrears he built up while waiting.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "He wants the Council to write off the £2,300 it says he owes.",
            PaymentRole::Claimed,
        ),
    ]);
}

#[test]
fn a_charge_taken_away_with_its_sum_beside_it_is_the_remedy() {
    let p = run_one(
        Some(FinalDecision),
        "The Council has agreed to remove all the interest, £3,948.12, from the estate's \
         account and to pay Mr X £350 for his time and trouble.",
        Some("Mr X"),
    );
    assert_eq!(agreed(&p), [3948.12, 350.0], "{p:?}");
    let p = run_one(
        Some(FinalDecision),
        "The Council will remove the interest (£400) from her account.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), [400.0], "{p:?}");
    // Only a charge: other money withdrawn is not given back.
    let p = run_one(
        Some(FinalDecision),
        "The Council withdrew its offer, £500, in May.",
        Some("Mrs X"),
    );
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn an_offer_made_by_a_neighbour_or_a_grant_scheme_is_no_remedy() {
    assert_roles(
        "He offered £38,000. His neighbour offered £45,000, and the Council accepted the higher offer.",
        "Mr V",
        &[(38_000.0, PaymentRole::Other), (45_000.0, PaymentRole::Other)],
    );
    assert_first_roles(&[
        (
            Some(WhatFound),
            "The Council considered Mrs R for that scheme, which offered up to £1,000 to \
             eligible businesses, but decided she did not qualify.",
            PaymentRole::Other,
        ),
        (
            Some(WhatFound),
            "At stage two the Council offered her £50 for her time and trouble.",
            PaymentRole::Offered,
        ),
    ]);
}

#[test]
fn a_loss_told_after_and_or_by_the_estate_is_claimed() {
    assert_first_roles(&[
        (
            Some(Complaint),
            "Mrs N says she had to give up work to care for him and lost about £2,000 in \
             earnings. She wants the Council to compensate her.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "He says he could not work for nine weeks and lost £3,600 in earnings, which he \
             wants the Council to pay.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "Mrs X says nobody explained the interest and the estate has lost about £4,000.",
            PaymentRole::Claimed,
        ),
        // The body's own payment, told with `and`, is no loss.
        (
            Some(WhatFound),
            "The Council apologised and paid £100.",
            PaymentRole::Other,
        ),
    ]);
}

#[test]
fn a_sum_for_each_call_or_visit_is_a_rate_and_instalments_offered_are_his() {
    let p = run_one(
        Some(FinalDecision),
        "The Council will pay Mr Y £450 in total, made up of £150 for each missed call.",
        Some("Mr Y"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        [(450.0, PaymentRole::Agreed), (150.0, PaymentRole::Other)]
    );
    assert_roles(
        "He has council tax arrears of £1,284.66, and the Council has offered him an \
         arrangement to pay them at £45 a month.",
        "Mr N",
        &[(1_284.66, PaymentRole::Other), (45.0, PaymentRole::Other)],
    );
}

#[test]
fn a_sum_not_yet_given_back_that_the_body_then_agrees_to_give_is_agreed() {
    let told = "But the Council had not refunded the £210 Mrs K paid on the account.";
    let p = run_one(
        None,
        &format!("{told} It has now agreed to do so within one month."),
        Some("Mrs K"),
    );
    assert_eq!(agreed(&p), [210.0], "{p:?}");
    let p = run_one(None, told, Some("Mrs K"));
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn a_refund_made_which_was_the_right_thing_to_do_is_accepted() {
    assert_first_roles(&[
        (
            Some(WhatFound),
            "It has already refunded the £95 permit charge, which was the right thing to do.",
            PaymentRole::Accepted,
        ),
        (
            Some(WhatFound),
            "The Council had already refunded the £96 charged for the missed visits, which \
             was the right thing to do.",
            PaymentRole::Accepted,
        ),
        // Not judged: the body's own payment, for the decision to weigh.
        (
            Some(WhatFound),
            "It has already refunded the £95 permit charge.",
            PaymentRole::Offered,
        ),
    ]);
}

#[test]
fn the_story_tells_the_sum_of_one_of_several_payments_the_summary_agrees() {
    // The summary agrees a refund beside a sum, or a balance before one,
    // without its own sum: the story's agreed sum is that payment.
    let p = run(
        &[
            (
                None,
                "The Council has agreed to pay Ms K £1,950 for the time in unsuitable \
                 accommodation and to refund the storage charges.",
            ),
            (
                Some(WhatFound),
                "The Council has agreed to pay Ms K £1,950. It has also agreed to refund the \
                 £240 she paid in storage charges.",
            ),
        ],
        Some("Ms K"),
    );
    assert_eq!(role_of(&p, 240.0), [PaymentRole::Agreed], "{p:?}");
    let p = run(
        &[
            (
                None,
                "It has agreed to pay her the balance of the allowance and £250 for her distress.",
            ),
            (
                Some(WhatFound),
                "The Council has agreed to pay Miss H the remaining £800 of the allowance.",
            ),
        ],
        Some("Miss H"),
    );
    assert_eq!(role_of(&p, 800.0), [PaymentRole::Agreed], "{p:?}");
    // With every payment's sum in the summary, the story's stays as told.
    let p = run(
        &[
            (None, "It has agreed to pay her £250 for her distress."),
            (
                Some(WhatFound),
                "The Council has agreed to pay Miss H the remaining £800 of the allowance.",
            ),
        ],
        Some("Miss H"),
    );
    assert!(!role_of(&p, 800.0).contains(&PaymentRole::Agreed), "{p:?}");
}

#[test]
fn an_offer_after_what_the_body_should_have_done_is_its_offer() {
    let text = "We will not investigate this complaint. The Council has accepted it should \
                have noticed the missing fire door, apologised and offered £600 towards the \
                cost of putting it right. That is a suitable remedy.";
    let p = run_one(None, text, Some("Mr D"));
    assert_eq!(amounts_and_roles(&p), [(600.0, PaymentRole::Accepted)]);
    // What it should have paid is money owed, not an offer.
    assert_first_role(
        None,
        "It should have paid him £50 at the time.",
        PaymentRole::Other,
    );
}

#[test]
fn money_paid_that_did_not_fully_recognise_the_injustice_was_an_offer() {
    let p = run_one(
        None,
        "The £250 it paid Mrs W at stage two did not fully recognise the injustice. It has \
         agreed to pay a further £600.",
        Some("Mrs W"),
    );
    assert_eq!(
        amounts_and_roles(&p),
        [(250.0, PaymentRole::Offered), (600.0, PaymentRole::Agreed)]
    );
}

#[test]
fn what_she_has_been_paying_and_wants_back_is_claimed() {
    assert_first_roles(&[
        (
            Some(Complaint),
            "Ms Y says she has been paying £85 a month for a storage unit. She wants the \
             Council to reimburse this.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "She has been paying £85 a month for a storage unit.",
            PaymentRole::Other,
        ),
    ]);
}

#[test]
fn a_new_item_of_an_agreed_list_after_an_earlier_offer_is_agreed() {
    let p = run_one(
        None,
        "It has agreed to reduce Mr A's invoice by £1,312, pay him the £200 it offered in its \
         stage 2 complaint response but never paid, and pay a further £150 for the distress \
         caused by its delay.",
        Some("Mr A"),
    );
    assert_eq!(agreed(&p), [1312.0, 200.0, 150.0], "{p:?}");
    // `the award he would have received` tells the earlier sum.
    let p = run_one(
        None,
        "The Council has agreed to pay Mr S £180, the award he would have received for a \
         cooker, and £100 for the distress of being without one.",
        Some("Mr S"),
    );
    assert_eq!(agreed(&p), [180.0, 100.0], "{p:?}");
}

#[test]
fn the_remaining_sum_of_an_allowance_agreed_is_the_payment() {
    let p = run_one(
        Some(FinalDecision),
        "It has agreed to pay Mr Z the remaining £1,150 of his allowance.",
        Some("Mr Z"),
    );
    assert_eq!(agreed(&p), [1150.0], "{p:?}");
}

#[test]
fn a_price_offered_at_a_rate_and_a_maximum_are_other_money() {
    assert_first_roles(&[
        (
            Some(WhatFound),
            "The Council offered her a place on its spare seat scheme at £420 a year.",
            PaymentRole::Other,
        ),
        (
            Some(WhatFound),
            "The grant was already at the maximum of £30,000.",
            PaymentRole::Other,
        ),
    ]);
}

#[test]
fn an_outlay_the_decision_does_not_recommend_repaying_is_claimed() {
    assert_first_roles(&[
        (
            Some(WhatFound),
            "We do not recommend it reimburses the £4,000 Mrs W spent on private tutoring.",
            PaymentRole::Claimed,
        ),
        // A charge it refused to refund, told by the decision, stays other.
        (
            Some(WhatFound),
            "The Council refused to refund the £39 fee.",
            PaymentRole::Other,
        ),
    ]);
}

#[test]
fn outlays_told_by_the_family_a_quote_or_a_loan_and_wanted_back_are_claimed() {
    assert_first_roles(&[
        (
            Some(Complaint),
            "She says the family paid more than £18,000 in top-up fees before her father died. \
             She wants the Council to repay this.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "A surveyor has since quoted £9,500 to put the defects right. They want the \
             Council to pay this.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "He has obtained a quote of £1,350 from a tree surgeon and wants the Council to \
             pay for the work.",
            PaymentRole::Claimed,
        ),
        (
            Some(Complaint),
            "He had to borrow £1,400 from his family.",
            PaymentRole::Claimed,
        ),
    ]);
}

#[test]
fn a_charge_reduced_by_a_sum_some_words_on_is_the_remedy() {
    let p = run_one(
        Some(FinalDecision),
        "The Council has agreed to pay Mr Z £750 and to reduce Mr Z's care charges for June \
         2020 by £212.40.",
        Some("Mr Z"),
    );
    assert_eq!(agreed(&p), [750.0, 212.4], "{p:?}");
}

#[test]
fn money_the_body_paid_judged_by_name_or_as_leaving_no_loss_is_accepted() {
    assert_first_roles(&[
        (
            Some(WhatFound),
            "It has now refunded the £432.18 she was owed, so she is no longer out of pocket.",
            PaymentRole::Accepted,
        ),
        (
            Some(WhatFound),
            "The Council paid Mrs X £500 in May. We consider the £500 an appropriate remedy \
             for her distress.",
            PaymentRole::Accepted,
        ),
    ]);
}

#[test]
fn a_clause_of_what_should_have_been_between_two_agreed_sums_leaves_both_agreed() {
    let p = run_one(
        None,
        "The Council has agreed to pay Ms L £1,000 for the ten months her family stayed in \
         overcrowded accommodation when they should have been in a higher band, and £250 for \
         her time and trouble.",
        Some("Ms L"),
    );
    assert_eq!(agreed(&p), [1000.0, 250.0], "{p:?}");
}

#[test]
fn a_list_timed_from_this_decision_is_its_remedy_even_in_what_i_found() {
    let found = "The Council has agreed that, within one month of this decision, it will:\n\
                 - pay Mrs A the allowance she should have received between January 2018 and \
                 July 2019 at the correct rate of £152.40 a week, totalling £11,734.80;\n\
                 - pay Mrs A £300 for the distress caused; and\n\
                 - review its procedures.";
    let p = run_one(Some(WhatFound), found, Some("Mrs A"));
    assert_eq!(agreed(&p), [11_734.8, 300.0], "{p:?}");
    assert_eq!(role_of(&p, 152.4), [PaymentRole::Other], "{p:?}");
    // A list the story tells of the body's own process stays its offer.
    let story = "At stage two the Council agreed to:\n\
                 - pay Mrs A £300 for the distress caused; and\n\
                 - review its procedures.";
    let p = run_one(Some(WhatFound), story, Some("Mrs A"));
    assert!(agreed(&p).is_empty(), "{p:?}");
}

#[test]
fn a_premium_removed_and_an_outlay_bought_and_wanted_back() {
    let p = run_one(
        Some(FinalDecision),
        "The Council has agreed to remove the premium of £1,926.40 from the council tax \
         account and pay her £150.",
        Some("Mrs X"),
    );
    assert_eq!(agreed(&p), [1926.4, 150.0], "{p:?}");
    assert_first_role(
        Some(Complaint),
        "Mrs G bought Y a bus pass for £780. She wants the Council to refund this.",
        PaymentRole::Claimed,
    );
}

#[test]
fn a_refund_the_next_sentence_finds_puts_the_loss_right_is_accepted() {
    assert_first_roles(&[
        (
            Some(WhatFound),
            "The Council refunded the £1,032.20 he had overpaid. That puts right his \
             financial loss.",
            PaymentRole::Accepted,
        ),
        (
            Some(WhatFound),
            "The Council refunded the £1,032.20 he had overpaid.",
            PaymentRole::Other,
        ),
    ]);
}
