//! The overall finding against the outcome line: a decision whose text and
//! header disagree keeps both and carries a warning saying so, in `parse`
//! output and in the index, without `ingest` reporting it as a reading problem.

use serde_json::Value;

use crate::common::{decision_text, Workdir};

/// The warning a decision gets when its finding is not one its outcome allows.
const DISAGREES: &str = "disagrees with the outcome line";

/// A decision with `outcome` as its outcome line (none when empty) and `summary`.
fn decision(reference: &str, outcome: &str, summary: &str) -> String {
    let header = match outcome {
        "" => String::new(),
        o => format!("Decision : {o}\n"),
    };
    decision_text(
        "Test Council",
        reference,
        &header,
        summary,
        "Mr A complains about the Council's handling of his application.",
    )
}

/// `parse --format json` on one file written from `text`: its one record.
fn parse_one(wd: &Workdir, name: &str, text: &str) -> Value {
    let file = wd.write(name, text);
    let run = wd.run(&["parse", file.to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    let mut records = run.json_lines();
    assert_eq!(records.len(), 1, "{}", run.describe());
    records.remove(0)
}

fn warnings(record: &Value) -> Vec<&str> {
    record["warnings"]
        .as_array()
        .expect("warnings is an array")
        .iter()
        .map(|w| w.as_str().expect("a warning is a string"))
        .collect()
}

#[test]
fn parse_keeps_a_finding_that_disagrees_with_the_outcome_line_and_warns() {
    let wd = Workdir::new();
    let record = parse_one(
        &wd,
        "upheld.txt",
        &decision(
            "23 000 101",
            "Upheld",
            "We do not find the Council at fault.",
        ),
    );
    assert_eq!(record["outcome"], "Upheld");
    assert_eq!(record["finding"], "no_fault");
    assert!(
        warnings(&record).contains(&"finding (no_fault) disagrees with the outcome line (Upheld)"),
        "{record}"
    );
}

#[test]
fn parse_gives_no_warning_where_finding_and_outcome_agree() {
    let wd = Workdir::new();
    let cases = [
        (
            "Not upheld",
            "We are satisfied the Council acted without fault when it refused the grant.",
            "no_fault",
        ),
        (
            "Not upheld",
            "We found fault, but it did not cause Mr A an injustice.",
            "fault_no_injustice",
        ),
        (
            "Closed after initial enquiries",
            "We will not exercise discretion to investigate this complaint, which is late.",
            "not_investigated",
        ),
        (
            "Upheld",
            "The Ombudsman finds no fault in the appeal, but some fault in how the Council wrote to Mr A.",
            "fault_no_injustice",
        ),
        // With no outcome line the finding is the only outcome: nothing to disagree with.
        ("", "We do not uphold Mr A's complaint.", "no_fault"),
    ];
    for (i, (outcome, summary, finding)) in cases.into_iter().enumerate() {
        let reference = format!("23 000 2{i:02}");
        let record = parse_one(
            &wd,
            &format!("case{i}.txt"),
            &decision(&reference, outcome, summary),
        );
        assert_eq!(record["finding"], finding, "{summary}");
        assert!(
            !warnings(&record).iter().any(|w| w.contains(DISAGREES)),
            "{record}"
        );
    }
}

#[test]
fn ingest_indexes_the_disagreement_without_reporting_it() {
    let wd = Workdir::new();
    wd.write(
        "in/closed.txt",
        decision(
            "23 000 301",
            "Closed after initial enquiries",
            "We found fault by the Council which caused Mr A injustice.",
        ),
    );
    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap()]);
    run.expect_code(0);
    assert!(!run.stderr().contains(DISAGREES), "{}", run.describe());
    let show = wd.run(&["show", "23 000 301", "--json"]);
    show.expect_code(0);
    let record = show.json();
    assert_eq!(record["finding"], "fault_injustice");
    assert!(
        warnings(&record).contains(
            &"finding (fault_injustice) disagrees with the outcome line (Closed after initial enquiries)"
        ),
        "{record}"
    );
}
