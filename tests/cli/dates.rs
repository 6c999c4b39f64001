//! Decision dates and the `--from`/`--to` filters: every output writes a date
//! as ISO `YYYY-MM-DD` (JSON, JSON Lines, CSV, tables, the stats request),
//! the index gives back the day it was given, and a bad date names its flag.

use serde_json::Value;

use crate::common::Workdir;

/// The reference and decision date of each JSON object, sorted.
fn dated(objects: &[Value]) -> Vec<(String, Value)> {
    let mut pairs: Vec<(String, Value)> = objects
        .iter()
        .map(|o| {
            (
                o["reference"].as_str().unwrap().to_string(),
                o["decision_date"].clone(),
            )
        })
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

#[test]
fn dates_every_output_writes_iso_days() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let expected = vec![
        ("20 004 920".to_string(), Value::from("2021-02-11")),
        ("22 014 796".to_string(), Value::from("2023-08-22")),
        ("23 002 683".to_string(), Value::from("2023-10-05")),
        ("23 018 689".to_string(), Value::from("2024-03-11")),
        ("24 012 183".to_string(), Value::Null),
    ];
    let search = wd.run(&["search", "", "--format", "jsonl"]);
    assert_eq!(dated(&search.expect_code(0).json_lines()), expected);
    let export = wd.run(&["export", "--format", "jsonl"]);
    assert_eq!(dated(&export.expect_code(0).json_lines()), expected);

    let csv = wd.run(&["export", "--format", "csv", "--from", "2023-10-05"]);
    let rows = csv.expect_code(0).csv();
    let column = rows[0].iter().position(|c| c == "decision_date").unwrap();
    let dates: Vec<&str> = rows[1..].iter().map(|r| r[column].as_str()).collect();
    assert_eq!(dates, ["2023-10-05", "2024-03-11"], "{}", csv.describe());

    let show = wd.run(&["show", "23 002 683", "--json"]);
    assert_eq!(show.expect_code(0).json()["decision_date"], "2023-10-05");
    let table = wd.run(&["show", "23 002 683"]);
    assert!(
        table.stdout().lines().any(|l| l.split_whitespace().eq([
            "Decision",
            "date:",
            "2023-10-05"
        ])),
        "{}",
        table.describe()
    );
}

#[test]
fn dates_filters_include_both_ends_and_are_echoed_as_given() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&[
        "stats",
        "outcomes",
        "--from",
        "2023-08-22",
        "--to",
        " 2023-10-05",
        "--format",
        "json",
    ]);
    let report = run.expect_code(0).json();
    assert_eq!(report["n_decisions"], 2, "{}", run.describe());
    let filters = &report["request"]["filters"];
    assert_eq!(
        (&filters["from"], &filters["to"]),
        (&Value::from("2023-08-22"), &Value::from("2023-10-05"))
    );
}

#[test]
fn dates_bad_filter_values_name_the_flag() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    for (args, message) in [
        (
            ["--from", "2023-02-29"],
            "--from: '2023-02-29' is not a valid date (use YYYY-MM-DD)",
        ),
        (
            ["--to", "05/10/2023"],
            "--to: '05/10/2023' is not a valid date (use YYYY-MM-DD)",
        ),
        (
            ["--organisation", "- / -"],
            "--organisation: '- / -' has no words to match",
        ),
    ] {
        let run = wd.run(&["export", args[0], args[1]]);
        run.expect_code(2);
        assert!(run.stderr().contains(message), "{}", run.describe());
    }
}
