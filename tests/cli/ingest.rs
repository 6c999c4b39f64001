//! `ombuds ingest`: walking, upserts, skipped files, the report.

use crate::common::{corpus, decision_text, Workdir};

#[test]
fn ingest_corpus_indexes_five_and_reports_field_coverage() {
    let wd = Workdir::new();
    let run = wd.run(&["ingest", corpus().to_str().unwrap(), "--json"]);
    run.expect_code(0);
    let report = run.json_lines().remove(0);
    assert_eq!(report["files_seen"], 5);
    assert_eq!(report["decisions_indexed"], 5);
    assert_eq!(report["decisions_in_index"], 5);
    assert_eq!(report["field_coverage"]["outcome"], 4);
    assert_eq!(report["field_coverage"]["organisation"], 5);
    assert!(
        run.stderr().contains("5 decisions indexed"),
        "{}",
        run.describe()
    );
}

#[test]
fn ingest_twice_does_not_duplicate() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["ingest", corpus().to_str().unwrap(), "--json"]);
    run.expect_code(0);
    assert_eq!(run.json_lines()[0]["decisions_in_index"], 5);
    let hits = wd.run(&["search", "", "--limit", "100", "--format", "jsonl"]);
    assert_eq!(hits.json_lines().len(), 5);
}

#[test]
fn ingest_skips_a_non_decision_and_indexes_the_rest() {
    let wd = Workdir::new();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        wd.write(
            &format!("in/{}", path.file_name().unwrap().to_string_lossy()),
            std::fs::read(&path).unwrap(),
        );
    }
    wd.write("in/readme.txt", "These are my downloaded decisions.\n");
    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap(), "--json"]);
    run.expect_code(3);
    let report = run.json_lines().remove(0);
    assert_eq!(report["decisions_in_index"], 5);
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["path"].as_str().unwrap().ends_with("readme.txt"));
    assert_eq!(skipped[0]["kind"], "not_a_decision");
    assert!(
        run.stderr().contains("readme.txt: not a decision"),
        "{}",
        run.describe()
    );
}

#[test]
fn ingest_duplicate_reference_later_file_wins_and_both_paths_are_named() {
    let wd = Workdir::new();
    wd.write(
        "in/a.txt",
        decision_text(
            "Old Council",
            "21 000 001",
            "",
            "Mr A complained.",
            "first version",
        ),
    );
    wd.write(
        "in/b.txt",
        decision_text(
            "New Council",
            "21-000-001",
            "",
            "Mr A complained.",
            "second version",
        ),
    );
    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap(), "--json"]);
    run.expect_code(3);
    let err = run.stderr();
    assert!(
        err.contains("a.txt: same reference 21 000 001 as") && err.contains("b.txt"),
        "{err}"
    );
    let report = run.json_lines().remove(0);
    assert_eq!(report["decisions_indexed"], 1);
    // The replaced file is not counted: coverage is of the one decision kept.
    assert_eq!(report["field_coverage"]["organisation"], 1);
    let shown = wd.run(&["show", "21000001", "--json"]);
    assert_eq!(shown.json_lines()[0]["organisation"], "New Council");
}

#[test]
fn ingest_missing_path_is_reported_by_name() {
    let wd = Workdir::new();
    let run = wd.run(&[
        "ingest",
        corpus().to_str().unwrap(),
        wd.path("nope").to_str().unwrap(),
    ]);
    run.expect_code(3);
    assert!(
        run.stderr().contains("nope: cannot read"),
        "{}",
        run.describe()
    );
}
