//! `ombuds parse`: the JSON contract and the gold header values of the samples.

use serde_json::{json, Value};

use crate::common::{corpus, decision_text, Workdir};

/// Header values hand-checked in the project's gold file, copied here.
fn gold() -> Vec<Value> {
    vec![
        json!({"file": "000_23011206abbaafad.txt", "reference": "23 002 683", "organisation": "Barnsley Metropolitan Borough Council", "category": "Children's care services", "subcategory": "Looked after children", "outcome": "Upheld", "decision_date": "2023-10-05", "complainant": "Miss X"}),
        json!({"file": "001_f8ef0f724d4f740d.txt", "reference": "24 012 183", "organisation": "Cornwall Council", "category": null, "subcategory": null, "outcome": null, "decision_date": null, "complainant": "Mr B"}),
        json!({"file": "002_b4fdc07b486f5ef2.txt", "reference": "22 014 796", "organisation": "Knowsley Metropolitan Borough Council", "category": "Children's care services", "subcategory": "Looked after children", "outcome": "Upheld", "decision_date": "2023-08-22", "complainant": "Ms X"}),
        json!({"file": "003_7a15729cfbed10ad.txt", "reference": "23 018 689", "organisation": "London Borough of Barking & Dagenham", "category": "Children's care services", "subcategory": "Other", "outcome": "Upheld", "decision_date": "2024-03-11", "complainant": "Mrs X"}),
        json!({"file": "004_447a811342a9528e.txt", "reference": "20 004 920", "organisation": "Buckinghamshire Council", "category": "Children's care services", "subcategory": "Child protection", "outcome": "Upheld", "decision_date": "2021-02-11", "complainant": "Mr B"}),
    ]
}

#[test]
fn parse_json_gives_gold_header_values_for_every_sample() {
    let wd = Workdir::new();
    let run = wd.run(&["parse", corpus().to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    let records = run.json_lines();
    assert_eq!(records.len(), 5, "{}", run.describe());
    for (record, gold) in records.iter().zip(gold()) {
        assert!(record["source"]
            .as_str()
            .unwrap()
            .ends_with(gold["file"].as_str().unwrap()));
        for key in [
            "reference",
            "organisation",
            "category",
            "subcategory",
            "outcome",
            "decision_date",
            "complainant",
        ] {
            assert_eq!(record[key], gold[key], "{key} of {}", gold["file"]);
        }
    }
}

#[test]
fn parse_json_has_the_contract_keys_and_section_shape() {
    let wd = Workdir::new();
    let file = corpus().join("004_447a811342a9528e.txt");
    let run = wd.run(&["parse", file.to_str().unwrap(), "--format", "jsonl"]);
    let record = &run.json_lines()[0];
    for key in [
        "source",
        "reference",
        "organisation",
        "category",
        "subcategory",
        "outcome",
        "decision_date",
        "complainant",
        "summary",
        "sections",
        "warnings",
    ] {
        assert!(record.get(key).is_some(), "missing key {key}");
    }
    let sections = record["sections"].as_array().unwrap();
    let kinds: Vec<&str> = sections
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"complaint"));
    assert!(
        kinds.contains(&"agreed_action")
            && kinds.contains(&"final_decision")
            && kinds.contains(&"not_investigated")
    );
    let agreed = sections
        .iter()
        .find(|s| s["kind"] == "agreed_action")
        .unwrap();
    assert_eq!(agreed["heading"], "Agreed action");
    let text = agreed["text"].as_str().unwrap();
    assert!(
        text.starts_with("Within one month of my final decision"),
        "numbering removed: {text}"
    );
    assert!(text.contains("\nPay Mr B £400"), "bullet removed: {text}");
    let all = run.stdout();
    for furniture in [
        "Back to top",
        "Print this page",
        "LGO logogram",
        "cookies",
        "on behalf of the Ombudsman",
    ] {
        assert!(
            !all.contains(furniture),
            "boilerplate {furniture:?} left in output"
        );
    }
}

#[test]
fn parse_reports_a_non_decision_and_keeps_the_rest() {
    let wd = Workdir::new();
    wd.write("in/notes.txt", "Shopping list\neggs\nmilk\n");
    wd.write(
        "in/good.txt",
        decision_text(
            "Test Council",
            "21 000 001",
            "Decision : Upheld",
            "Mr A complained.",
            "Mr A complained.",
        ),
    );
    let run = wd.run(&[
        "parse",
        wd.path("in").to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    run.expect_code(3);
    assert_eq!(run.json_lines().len(), 1);
    assert!(
        run.stderr().contains("notes.txt: not a decision"),
        "{}",
        run.describe()
    );
}

#[test]
fn parse_table_is_readable() {
    let wd = Workdir::new();
    let run = wd.run(&[
        "parse",
        corpus().join("001_f8ef0f724d4f740d.txt").to_str().unwrap(),
    ]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(out.starts_with("24 012 183  Cornwall Council"), "{out}");
    assert!(out.contains("Outcome:            -"));
    assert!(out.contains("Analysis [findings]"));
}

#[test]
fn parse_with_a_user_taxonomy_uses_its_kinds_and_bad_files_are_named() {
    let wd = Workdir::new();
    let taxonomy = wd.write(
        "kinds.toml",
        "[[kind]]\nname = \"slow_panel\"\nsignals = [\"delay*\"]\n",
    );
    let file = corpus().join("000_23011206abbaafad.txt");
    let run = wd.run(&[
        "parse",
        file.to_str().unwrap(),
        "--format",
        "jsonl",
        "--taxonomy",
        taxonomy.to_str().unwrap(),
    ]);
    run.expect_code(0);
    let faults = run.json_lines()[0]["faults"].as_array().unwrap().clone();
    assert!(!faults.is_empty(), "{}", run.describe());
    // Findings no kind of the file fits are kept as "other".
    assert!(faults.iter().any(|f| f["kind"] == "slow_panel"));
    assert!(faults
        .iter()
        .all(|f| f["kind"] == "slow_panel" || f["kind"] == "other"));
    let bad = wd.write(
        "bad.toml",
        "[[kind]]\nname = \"Bad Name\"\nsignals = [\"x\"]\n",
    );
    let run = wd.run(&[
        "parse",
        file.to_str().unwrap(),
        "--taxonomy",
        bad.to_str().unwrap(),
    ]);
    run.expect_code(2);
    assert!(run.stderr().contains("bad.toml:2"), "{}", run.describe());
}

#[test]
fn print_taxonomy_writes_a_file_that_taxonomy_reads_back() {
    let wd = Workdir::new();
    let run = wd.run(&["parse", "--print-taxonomy"]);
    run.expect_code(0);
    let toml = run.stdout();
    assert!(toml.contains("[[kind]]") && toml.contains("name = \"delay\""));
    let file = wd.path("faults.toml");
    std::fs::write(&file, &toml).unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let with_file = wd.run(&[
        "parse",
        corpus,
        "--format",
        "jsonl",
        "--taxonomy",
        file.to_str().unwrap(),
    ]);
    with_file.expect_code(0);
    let built_in = wd.run(&["parse", corpus, "--format", "jsonl"]);
    assert_eq!(with_file.stdout(), built_in.stdout());
    // It is an answer on its own, not an option of a parse.
    wd.run(&["parse", corpus, "--print-taxonomy"])
        .expect_code(2);
}
