//! `ombuds show`: one decision by reference in any written form.

use crate::common::Workdir;

#[test]
fn show_accepts_every_reference_form() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    for form in ["23 002 683", "23-002-683", "23002683"] {
        let run = wd.run(&["show", form]);
        run.expect_code(0);
        let out = run.stdout();
        assert!(
            out.starts_with("23 002 683  Barnsley Metropolitan Borough Council"),
            "{out}"
        );
        assert!(out.contains("Agreed action [agreed_action]"));
    }
}

#[test]
fn show_json_is_the_parse_record() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["show", "20-004-920", "--json"]);
    let record = &run.json_lines()[0];
    assert_eq!(record["organisation"], "Buckinghamshire Council");
    assert!(record["sections"].as_array().unwrap().len() >= 5);
}

#[test]
fn show_unknown_and_malformed_references() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["show", "99 999 999"]);
    run.expect_code(1);
    assert!(run.stderr().contains("no decision 99 999 999"));
    let run = wd.run(&["show", "Barnsley"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("'Barnsley' is not a case reference"),
        "{}",
        run.describe()
    );
}
