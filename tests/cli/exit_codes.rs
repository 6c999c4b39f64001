//! Exit codes the other files leave uncovered: `stats` that selects nothing
//! exits 1 for every statistic (search, show and export have theirs in their
//! own files), a bad filter value exits 2 naming the flag in every command
//! that takes filters, and `parse` of nothing is a success, not a failure.

use crate::common::{decision_text, Workdir};

#[test]
fn stats_nothing_selected_exits_1_with_an_empty_report() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    for what in ["payments", "outcomes", "faults", "remedies"] {
        let run = wd.run(&["stats", what, "xylophone", "--format", "json"]);
        run.expect_code(1);
        let report = run.json();
        assert_eq!(report["what"], what, "{}", run.describe());
        assert_eq!(report["n_decisions"], 0, "{}", run.describe());
    }
    // A filter that selects nothing is the same as a query that does.
    let run = wd.run(&["stats", "outcomes", "--from", "2099-01-01"]);
    run.expect_code(1);
    // And a selection that finds something is a success.
    wd.run(&["stats", "outcomes"]).expect_code(0);
}

#[test]
fn filters_bad_date_exits_2_naming_the_flag() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    for command in [
        vec!["search", "delay"],
        vec!["stats", "payments"],
        vec!["export"],
    ] {
        for flag in ["--from", "--to"] {
            let mut args = command.clone();
            args.extend([flag, "2023/01/01"]);
            let run = wd.run(&args);
            run.expect_code(2);
            assert!(
                run.stderr().contains(&format!("{flag}: '2023/01/01'")),
                "{}",
                run.describe()
            );
            assert!(run.stdout().is_empty(), "{}", run.describe());
        }
    }
}

#[test]
fn parse_empty_or_clean_folder_exits_0() {
    let wd = Workdir::new();
    std::fs::create_dir_all(wd.path("empty")).unwrap();
    let run = wd.run(&[
        "parse",
        wd.path("empty").to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    run.expect_code(0);
    assert!(run.stdout().is_empty(), "{}", run.describe());
    wd.write(
        "one/a.txt",
        decision_text(
            "Cornwall Council",
            "24 012 183",
            "Decision : Upheld\n",
            "Mr B complained about delay.",
            "Mr B complained that the Council delayed.",
        ),
    );
    let run = wd.run(&[
        "parse",
        wd.path("one").to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    run.expect_code(0);
    let records = run.json_lines();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["reference"], "24 012 183");
    assert_eq!(records[0]["outcome"], "Upheld");
}
