//! `ombuds show`: one decision by reference in any written form.

use crate::common::{corpus, Workdir};

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
    let corpus = corpus();
    let parsed = wd.run(&["parse", corpus.to_str().unwrap(), "--format", "jsonl"]);
    parsed.expect_code(0);
    let records = parsed.json_lines();
    assert_eq!(records.len(), 5);
    for record in &records {
        let reference = record["reference"].as_str().unwrap();
        let run = wd.run(&["show", reference, "--json"]);
        run.expect_code(0);
        let shown = run.json_lines();
        // Every key and value, `source` included: ingest and parse were
        // given the same path, and the index stores the record whole.
        assert_eq!(
            shown.as_slice(),
            std::slice::from_ref(record),
            "{}",
            run.describe()
        );
    }
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
