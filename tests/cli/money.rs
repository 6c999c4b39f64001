//! `ombuds parse` on the amounts and dates an adversarial tester found read
//! wrong (issue 15, finding 7): each is written into a decision and the JSON
//! record checked, so the whole path from file to output is covered.

use serde_json::Value;

use crate::common::parse_one as parse;

/// A decision whose agreed action pays each of `amounts` to Mr X, with
/// `date` as its header date.
fn decision(date: &str, amounts: &[&str]) -> String {
    let actions: String = amounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            format!(
                "  {}. The Council will pay Mr X {a} for his distress.\n",
                i + 1
            )
        })
        .collect();
    format!(
        "Test Council (23 002 683)\n\nDecision : Upheld\nDecision date : {date}\n\n\
         Summary: Mr X complained about the Council. The Council has agreed to remedy the injustice.\n\n\
         Agreed action\n\n{actions}\nFinal decision\n\n  1. I have completed my investigation.\n"
    )
}

/// The amounts of the record's payments with `role`.
fn amounts(record: &Value, role: &str) -> Vec<f64> {
    record["payments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["role"] == role)
        .map(|p| p["amount"].as_f64().unwrap())
        .collect()
}

#[test]
fn parse_reads_pence_and_grouped_thousands_exactly() {
    let record = parse(&decision(
        "05 Oct 2023",
        &["£1,250.55", "£1 000", "£2\u{202f}500.05", "£12.5"],
    ));
    assert_eq!(amounts(&record, "agreed"), [1250.55, 1000.0, 2500.05, 12.5]);
    assert_eq!(record["agreed_total"], 4763.1);
}

#[test]
fn parse_does_not_read_three_digit_fractions_as_thousands() {
    // The old code read £1, £1,005 and £300,999.
    let record = parse(&decision(
        "05 Oct 2023",
        &["£0.001", "£1.005", "£300.999", "£300"],
    ));
    assert_eq!(amounts(&record, "agreed"), [300.0]);
    assert!(amounts(&record, "other").is_empty(), "{record}");
}

#[test]
fn parse_keeps_an_implausible_amount_as_other_with_a_warning() {
    let record = parse(&decision(
        "05 Oct 2023",
        &["£1,000,000,000,000,000", "£250"],
    ));
    assert_eq!(amounts(&record, "agreed"), [250.0]);
    assert_eq!(amounts(&record, "other"), [1e15]);
    assert_eq!(record["agreed_total"], 250.0);
    let warnings = record["warnings"].to_string();
    assert!(warnings.contains("read as other"), "{record}");
}

#[test]
fn parse_leaves_an_impossible_decision_date_empty_with_a_warning() {
    for date in ["05 Oct 0000", "5 October 9999", "1 Jan 1900"] {
        let record = parse(&decision(date, &["£300"]));
        assert_eq!(record["decision_date"], Value::Null, "{date}: {record}");
        let warnings = record["warnings"].to_string();
        assert!(
            warnings.contains(&format!("decision date '{date}' is outside the years 1974")),
            "{date}: {record}"
        );
    }
    let record = parse(&decision("05 Oct 2023", &["£300"]));
    assert_eq!(record["decision_date"], "2023-10-05");
}
