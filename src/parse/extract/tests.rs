//! The five sample decisions against their hand-annotated expectations, and
//! the whole extractor on short passages and odd input.

use super::*;
use crate::parse::{parse_decision, Finding, PaymentRole, RemedyKind, Section, SectionKind};

struct Expected {
    file: &'static str,
    text: &'static str,
    agreed: &'static [f64],
    not_agreed: &'static [f64],
    finding: Finding,
    remedies: &'static [RemedyKind],
    faults: &'static [&'static str],
    deadline: u32,
    ofsted: bool,
}

use RemedyKind::{Apology, Payment as Pay, ServiceImprovement};

const SAMPLES: &[Expected] = &[
    Expected {
        file: "000",
        text: include_str!("../../../corpus/000_23011206abbaafad.txt"),
        agreed: &[300.0],
        not_agreed: &[200.0, 250.0, 450.0],
        finding: Finding::FaultInjustice,
        remedies: &[Apology, Pay, ServiceImprovement],
        faults: &[
            "delay",
            "failure_to_implement_recommendations",
            "record_keeping",
            "poor_communication",
        ],
        deadline: 28,
        ofsted: true,
    },
    Expected {
        file: "001",
        text: include_str!("../../../corpus/001_f8ef0f724d4f740d.txt"),
        agreed: &[300.0],
        not_agreed: &[],
        finding: Finding::FaultInjustice,
        remedies: &[Pay, ServiceImprovement],
        faults: &["delay", "complaint_handling"],
        deadline: 30,
        ofsted: true,
    },
    Expected {
        file: "002",
        text: include_str!("../../../corpus/002_b4fdc07b486f5ef2.txt"),
        agreed: &[300.0],
        not_agreed: &[],
        finding: Finding::FaultInjustice,
        remedies: &[Pay, ServiceImprovement],
        faults: &["delay", "failure_to_implement_recommendations"],
        deadline: 30,
        ofsted: true,
    },
    Expected {
        file: "003",
        text: include_str!("../../../corpus/003_7a15729cfbed10ad.txt"),
        agreed: &[150.0],
        not_agreed: &[],
        finding: Finding::FaultInjustice,
        remedies: &[Pay, ServiceImprovement],
        faults: &["delay", "failure_to_implement_recommendations"],
        deadline: 30,
        ofsted: true,
    },
    Expected {
        file: "004",
        text: include_str!("../../../corpus/004_447a811342a9528e.txt"),
        agreed: &[400.0],
        not_agreed: &[],
        finding: Finding::FaultInjustice,
        remedies: &[Pay, ServiceImprovement],
        faults: &["complaint_handling"],
        deadline: 30,
        ofsted: false,
    },
];

#[test]
fn samples_match_the_gold_annotations() {
    for want in SAMPLES {
        let d = parse_decision(want.file, want.text).expect("sample parses");
        let mut agreed: Vec<f64> = d.agreed_payments().map(|p| p.amount).collect();
        agreed.sort_by(f64::total_cmp);
        assert_eq!(
            agreed, want.agreed,
            "{}: agreed payments {:#?}",
            want.file, d.payments
        );
        assert_eq!(
            d.agreed_total,
            want.agreed.iter().sum::<f64>(),
            "{}: agreed total",
            want.file
        );
        for amount in want.not_agreed {
            assert!(
                !d.payments
                    .iter()
                    .any(|p| p.amount == *amount && p.role == PaymentRole::Agreed),
                "{}: {amount} must not be agreed",
                want.file
            );
        }
        assert_eq!(d.finding, Some(want.finding), "{}: finding", want.file);
        for r in want.remedies {
            assert!(
                d.remedies.contains(r),
                "{}: remedy {r} missing from {:?}",
                want.file,
                d.remedies
            );
        }
        let kinds: Vec<&str> = d.faults.iter().map(|f| f.kind.as_str()).collect();
        for k in want.faults {
            assert!(
                kinds.contains(k),
                "{}: fault {k} missing from {:#?}",
                want.file,
                d.faults
            );
        }
        assert_eq!(
            d.deadline_days,
            Some(want.deadline),
            "{}: deadline",
            want.file
        );
        assert_eq!(d.shared_with_ofsted, want.ofsted, "{}: ofsted", want.file);
    }
}

fn decision(summary: &str, sections: &[(SectionKind, &str)]) -> Decision {
    decision_with(None, summary, sections)
}

/// [`decision`] for a page whose outcome line is `outcome`.
fn decision_with(
    outcome: Option<&str>,
    summary: &str,
    sections: &[(SectionKind, &str)],
) -> Decision {
    let mut d = parse_decision("t", "Council (23 002 683)\n").expect("title parses");
    d.outcome = outcome.map(str::to_string);
    d.summary = Some(summary.to_string());
    d.complainant = crate::parse::complainant(summary);
    d.sections = sections
        .iter()
        .map(|(kind, text)| Section {
            kind: *kind,
            heading: kind.to_string(),
            text: text.to_string(),
        })
        .collect();
    extract(&mut d, Taxonomy::default_ref());
    d
}

#[test]
fn whole_decision_from_short_passages() {
    let d = decision(
        "Mrs X complained about delay. The Council was at fault for the delay. It has agreed to apologise and pay Mrs X £250.",
        &[
            (SectionKind::WhatFound, "At stage two the Council offered Mrs X £100."),
            (SectionKind::Findings, "The Council took eight months to respond. This was fault."),
            (SectionKind::AgreedAction, "Within one month of my final decision the Council will:\napologise to Mrs X;\npay Mrs X £250 for her distress.\nThe Council will provide us with evidence it has complied."),
            (SectionKind::FinalDecision, "I have found fault causing injustice."),
        ],
    );
    assert_eq!(d.agreed_total, 250.0);
    assert_eq!(d.payments.len(), 2, "{:#?}", d.payments);
    assert_eq!(d.remedies, vec![Apology, Pay, RemedyKind::ProvideEvidence]);
    assert_eq!(d.deadline_days, Some(30));
    assert_eq!(d.finding, Some(Finding::FaultInjustice));
    assert!(d.faults.iter().any(|f| f.kind == "delay"));
    assert!(!d.shared_with_ofsted);
}

#[test]
fn an_older_page_that_lost_its_finding_heading_reads_its_recommendations_as_agreed() {
    let complaint = "The man says the council told the family the respite stays would be free.\n\nThe Ombudsman upheld the complaint, finding fault which caused injustice.\n\nThe council accepted it gave the family wrong information.\n\nTo put things right, the council has agreed to:\n• cancel the invoice and refund the £2,316 the family has already paid towards it;\n• pay the man £250 for the time and trouble he was put to; and\n• remind social workers to check before saying care is free.";
    let d = decision(
        "A man complains the council charged his father for respite care.",
        &[(SectionKind::Complaint, complaint)],
    );
    let roles: Vec<_> = d.payments.iter().map(|p| (p.amount, p.role)).collect();
    assert_eq!(
        roles,
        [(2316.0, PaymentRole::Agreed), (250.0, PaymentRole::Agreed)]
    );
    assert!(
        d.payments.iter().all(|p| p.section == "findings"),
        "{:#?}",
        d.payments
    );
    assert_eq!(d.finding, Some(Finding::FaultInjustice));
    // The same words under the complaint as the complainant's are offers.
    let told = "He says the council has agreed to:\n• refund the £2,316 the family has already paid;\n• pay him £250.";
    let d = decision("A man complains.", &[(SectionKind::Complaint, told)]);
    assert!(
        d.payments.iter().all(|p| p.role != PaymentRole::Agreed),
        "{:#?}",
        d.payments
    );
}

#[test]
fn a_remedy_agreed_with_a_condition_on_one_part_is_a_remedy() {
    let d = decision(
        "There was fault in how the appeal panel reached its decision. The Council has agreed to hold a fresh appeal and, if it is successful, reimburse Mrs X’s reasonable travel costs.",
        &[],
    );
    assert!(d.remedies.contains(&Pay), "{:?}", d.remedies);
    assert!(d.payment_amount_unstated);
    assert_eq!(d.finding, Some(Finding::FaultInjustice));
}

#[test]
fn a_complaint_the_body_settled_takes_its_finding_from_the_outcome_line() {
    let summary = "We will not investigate this complaint about a parking fine. This is because the Council has proposed a fair way forward.";
    let last = [(
        SectionKind::FinalDecision,
        "We will not investigate this complaint.",
    )];
    for (outcome, want) in [
        (None, Finding::NotInvestigated),
        (Some("Upheld"), Finding::FaultInjustice),
        (
            Some("Closed after initial enquiries"),
            Finding::NotInvestigated,
        ),
    ] {
        let d = decision_with(outcome, summary, &last);
        assert_eq!(d.finding, Some(want), "{outcome:?}");
        let disagrees = |w: &Warning| matches!(w, Warning::FindingDisagrees { .. });
        assert!(
            !d.warnings.iter().any(disagrees),
            "{outcome:?}: {:?}",
            d.warnings
        );
    }
}

#[test]
fn absent_case_has_empty_fields() {
    let d = decision(
        "Mr X complained about noise.",
        &[(SectionKind::Complaint, "Mr X complained.")],
    );
    assert!(d.payments.is_empty());
    assert_eq!(d.agreed_total, 0.0);
    assert!(d.remedies.is_empty());
    assert_eq!((d.deadline_days, d.finding), (None, None));
    assert!(d.faults.is_empty());
}

#[test]
fn custom_taxonomy_is_used() {
    let t = Taxonomy::from_toml(
        "[[kind]]\nname = \"slow\"\nsignals = [\"took eight months\"]\n",
        "t.toml",
    )
    .expect("valid");
    let text = "Council (23 002 683)\nSummary: S.\nMy findings\nThe Council took eight months to respond. This was fault.\n";
    let d = crate::parse::parse_decision_with("t", text, &t).expect("parses");
    assert_eq!(
        d.faults.iter().map(|f| f.kind.as_str()).collect::<Vec<_>>(),
        vec!["slow"]
    );
}

#[test]
fn amounts_above_the_remedy_ceiling_are_other_with_a_warning() {
    // The old code made the £1,000,000,000,000,000 an agreed payment.
    // (No summary: its warning comes first.)
    let text = "Council (23 002 683)\nAgreed action\nThe Council will pay Mr X £1,000,000,000,000,000 for his distress.\nThe Council will pay Mr X £300 for his time and trouble.\nThe Council will pay Mrs Y £10,000,000 for her loss.\n";
    let d = parse_decision("x", text).unwrap();
    let agreed: Vec<f64> = d.agreed_payments().map(|p| p.amount).collect();
    assert_eq!(agreed, [300.0, 10_000_000.0]);
    assert_eq!(d.agreed_total, 10_000_300.0);
    let huge = d.payments.iter().find(|p| p.amount == 1e15).expect("kept");
    assert_eq!(
        (huge.role, huge.purpose.as_slice()),
        (PaymentRole::Other, [Purpose::Unspecified].as_slice())
    );
    assert_eq!(
        d.warnings[1..].iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["agreed payment of £1000000000000000.00 read as other: above £10000000, the most a remedy plausibly pays"]
    );
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "£",
        "£.",
        "Council (23 002 683)\nSummary: £££ 1,,2 ...(((",
        "Council (23 002 683)\nSummary: é£1ñ. Ünïcödé pay £5 (",
        "Council (23 002 683)\nAgreed action\n:\n:\nPay £",
        "Council (23 002 683)\nSummary: pay £99999999999999999999 and £1.99999999m",
        "Council (23 002 683)\nAgreed action\nPay hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred million million million pounds.",
        "Council (23 002 683)\nAgreed action\nPay £9999999999999999, £9999999999999999, £9999999999999999 and £9999999999999999 a total of £1.\nWithin 999999999999 working days.",
        "Council (23 002 683)\nAgreed action\nPay £5,000,000,000,000,000,000,000,000 and within ninety thousand million working days.",
    ] {
        let _ = parse_decision("x", text);
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn wrap(summary: &str, action: &str) -> String {
        format!("Council (23 002 683)\nSummary: {summary}\nMy findings\n{action}\nAgreed action\n{action}\nFinal decision\n{summary}\n")
    }

    #[test]
    fn absurd_amounts_keep_the_total_equal_to_the_sum() {
        // Found by on_money_like_text: rounding 4e14 through pence added
        // error. The £4e14 is now above the remedy ceiling: kept, as `other`.
        let d = parse_decision("p", &wrap("", "£5£400000000000002pounds")).unwrap();
        let total: f64 = d.agreed_payments().map(|p| p.amount).sum();
        assert!(d
            .payments
            .iter()
            .any(|p| p.amount > 1e14 && p.role == PaymentRole::Other));
        assert!(
            (total - d.agreed_total).abs() < 0.01,
            "{total} vs {}",
            d.agreed_total
        );
    }

    proptest! {
        #[test]
        fn on_arbitrary_text(summary in "\\PC{0,300}", action in "\\PC{0,300}") {
            let _ = parse_decision("p", &wrap(&summary, &action));
            let _ = parse_decision("p", &summary);
        }

        #[test]
        fn on_money_like_text(
            summary in "[£Â€™0-9 .,;:()a-zA-Z'’\n-]{0,300}",
            action in "(Pay|pay Mr X|£|offered|total of|between|per week|within|working days|months|fault|This was fault|[0-9]{1,20}|[.,:() \n]|five|hundred|million|pounds|him|her|each|Mr and Mrs Y|Â|’){0,60}",
        ) {
            let d = parse_decision("p", &wrap(&summary, &action));
            prop_assert!(d.is_ok());
            if let Ok(d) = d {
                let total: f64 = d.agreed_payments().map(|p| p.amount).sum();
                prop_assert!((total - d.agreed_total).abs() < 0.01);
            }
        }
    }
}

#[test]
fn a_goodwill_offer_beside_no_fault_is_an_offer_not_a_remedy() {
    let summary = "Mr X complained the Council's crew damaged his bin. The Council has offered to replace the bin and to pay £50 as a goodwill gesture, although it does not accept fault. We found no fault by the Council, so we have not made any recommendations.";
    let d = decision_with(Some("Not upheld"), summary, &[]);
    assert_eq!(d.finding, Some(Finding::NoFault));
    let roles: Vec<_> = d.payments.iter().map(|p| (p.amount, p.role)).collect();
    assert_eq!(roles, vec![(50.0, PaymentRole::Offered)]);
    assert_eq!(d.accepted_total, 0.0);
    // Judged sufficient in its own sentence, it stays accepted.
    let summary = "We found no fault by the Council. The Council’s offer of £50 was a suitable remedy for the inconvenience.";
    let d = decision_with(Some("Not upheld"), summary, &[]);
    let roles: Vec<_> = d.payments.iter().map(|p| (p.amount, p.role)).collect();
    assert_eq!(roles, vec![(50.0, PaymentRole::Accepted)]);
}
