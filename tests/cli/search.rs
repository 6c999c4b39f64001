//! `ombuds search`: queries, filters, formats and errors.

use crate::common::Workdir;

fn refs(run: &crate::common::Run) -> Vec<String> {
    let mut refs: Vec<String> = run
        .json_lines()
        .iter()
        .map(|h| h["reference"].as_str().unwrap().to_string())
        .collect();
    refs.sort();
    refs
}

#[test]
fn search_phrase_query_matches_only_the_phrase() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&[
        "search",
        "\"database of Investigating Officers\"",
        "--format",
        "jsonl",
    ]);
    run.expect_code(0);
    assert_eq!(refs(&run), vec!["23 018 689"]);
    let snippet = run.json_lines()[0]["snippet"].as_str().unwrap().to_string();
    assert!(snippet.contains("<b>database</b>"), "{snippet}");
}

#[test]
fn search_filtered_by_category_and_dates() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&[
        "search",
        "council",
        "--subcategory",
        "looked after children",
        "--format",
        "jsonl",
    ]);
    assert_eq!(refs(&run), vec!["22 014 796", "23 002 683"]);
    let run = wd.run(&[
        "search",
        "",
        "--from",
        "2023-09-01",
        "--to",
        "2024-12-31",
        "--format",
        "jsonl",
    ]);
    assert_eq!(refs(&run), vec!["23 002 683", "23 018 689"]);
    let run = wd.run(&[
        "search",
        "category:\"Children's care services\" AND outcome:upheld",
        "--format",
        "jsonl",
    ]);
    assert_eq!(refs(&run).len(), 4);
    let run = wd.run(&[
        "search",
        "",
        "--organisation-words",
        "cornwall",
        "--format",
        "jsonl",
    ]);
    assert_eq!(refs(&run), vec!["24 012 183"]);
}

#[test]
fn search_sorted_by_date_newest_first_as_csv() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["search", "council", "--sort", "date", "--format", "csv"]);
    let rows = run.csv();
    assert_eq!(
        rows[0][..4],
        ["reference", "decision_date", "organisation", "outcome"]
    );
    let dates: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        dates,
        vec!["2024-03-11", "2023-10-05", "2023-08-22", "2021-02-11", ""]
    );
}

#[test]
fn search_syntax_error_is_one_clear_line() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["search", "stage AND"]);
    run.expect_code(2);
    assert!(run.stderr().contains("syntax error"), "{}", run.describe());
    assert_eq!(run.stderr().lines().count(), 1);
    assert!(!run.stderr().contains("panicked"));
    let run = wd.run(&["search", "colour:red"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("unknown field 'colour'"),
        "{}",
        run.describe()
    );
}

#[test]
fn search_bad_flag_values_name_the_flag() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["search", "x", "--from", "2023-13-45"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("--from: '2023-13-45'"),
        "{}",
        run.describe()
    );
    let run = wd.run(&["search", "x", "--limit", "lots"]);
    run.expect_code(2);
    assert!(run.stderr().contains("--limit"), "{}", run.describe());
}

#[test]
fn search_without_index_says_run_ingest_first() {
    let wd = Workdir::new();
    let run = wd.run(&["search", "delay"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("no index at") && run.stderr().contains("ombuds ingest"),
        "{}",
        run.describe()
    );
}

#[test]
fn search_no_match_exits_1() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["search", "xylophone", "--format", "jsonl"]);
    run.expect_code(1);
    assert!(run.stdout().is_empty());
}

#[test]
fn search_bad_values_inside_the_query_name_the_field() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let cases = [
        ("agreed_total:>=abc", "needs a number"),
        ("year:20x3", "whole-number field"),
        ("decision_date:[2023 TO 2024]", "dates in queries"),
    ];
    for (query, expected) in cases {
        let run = wd.run(&["search", query]);
        run.expect_code(2);
        assert!(run.stderr().contains(expected), "{}", run.describe());
        assert_eq!(run.stderr().lines().count(), 1, "{}", run.describe());
    }
    let run = wd.run(&["search", "agreed_total:>=350", "--format", "jsonl"]);
    assert_eq!(run.json_lines()[0]["reference"], "20 004 920");
}

#[test]
fn decisions_without_payments_have_a_zero_total_that_range_queries_find() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let text = crate::common::decision_text(
        "Testshire County Council",
        "24 000 111",
        "Decision : Not upheld",
        "Mr B complained about a planning decision. I found no fault.",
        "Mr B says the Council ignored his objection.",
    );
    let file = wd.write("nopay/24000111.txt", text);
    wd.run(&["ingest", file.to_str().unwrap()]).expect_code(0);
    let run = wd.run(&["search", "agreed_total:[0 TO 0]", "--format", "jsonl"]);
    run.expect_code(0);
    assert_eq!(refs(&run), vec!["24 000 111"]);
    // The corpus decisions all have agreed payments, so they are not in that range.
    let run = wd.run(&["search", "agreed_total:[0 TO 1000000]", "--format", "jsonl"]);
    assert_eq!(refs(&run).len(), 6);
    let run = wd.run(&["show", "24 000 111", "--json"]);
    assert_eq!(run.json()["agreed_total"].to_string(), "0.0");
}
