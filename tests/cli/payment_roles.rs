//! `ombuds parse` on the five payment roles, rates and `accepted_total`
//! (issue 18): decisions written like real ones, read through the real
//! binary, and the JSON record checked key by key.

use serde_json::Value;

use crate::common::parse_one as parse;

/// A decision with `summary`, then `body` as its complaint section and
/// `action` as its agreed action (left out when empty).
fn decision(summary: &str, body: &str, action: &str) -> String {
    let action = if action.is_empty() {
        String::new()
    } else {
        format!("Agreed action\n\n  1. {action}\n\n")
    };
    format!(
        "Test Council (23 004 517)\n\nDecision : Upheld\nDecision date : 05 Oct 2023\n\n\
         Summary: {summary}\n\nThe complaint\n\n  1. {body}\n\n{action}\
         Final decision\n\n  1. I have completed my investigation.\n"
    )
}

/// `(amount, role, period)` of every payment in the record, in order.
fn payments(record: &Value) -> Vec<(f64, String, Value)> {
    record["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .map(|p| {
            (
                p["amount"].as_f64().expect("amount"),
                p["role"].as_str().expect("role").to_string(),
                p["period"].clone(),
            )
        })
        .collect()
}

#[test]
fn parse_names_claimed_accepted_and_other_amounts() {
    let record = parse(&decision(
        "Mr X complained about his parking permit. The Council has apologised and refunded him £60. We are satisfied this is a suitable remedy.",
        "Mr X wants the Council to pay him £500 for his stress. He says he had to pay £45 for a taxi. The permit fee is £120.",
        "",
    ));
    assert_eq!(
        payments(&record),
        vec![
            (60.0, "accepted".to_string(), Value::Null),
            (500.0, "claimed".to_string(), Value::Null),
            (45.0, "claimed".to_string(), Value::Null),
            (120.0, "other".to_string(), Value::Null),
        ],
        "{record}"
    );
    assert_eq!(record["agreed_total"], 0.0);
    assert_eq!(record["accepted_total"], 60.0);
}

#[test]
fn parse_keeps_an_agreed_rate_out_of_the_agreed_total() {
    let record = parse(&decision(
        "Mrs Y complained about her care. The Council has agreed to remedy the injustice.",
        "Mrs Y complained the Council stopped her support.",
        "The Council will pay Mrs Y £50 a month until it completes her review, and pay her £200 for her distress.",
    ));
    assert_eq!(
        payments(&record),
        vec![
            (50.0, "agreed".to_string(), Value::from("month")),
            (200.0, "agreed".to_string(), Value::Null),
        ],
        "{record}"
    );
    assert_eq!(record["agreed_total"], 200.0);
    assert_eq!(record["accepted_total"], 0.0);
}
