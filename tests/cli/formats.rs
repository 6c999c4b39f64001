//! The output contract every command keeps (docs/output-formats.md): CSV that
//! Python's csv module reads with empty missing values and numeric columns
//! `float()` takes, `csv-excel` after a byte-order mark, a header even when
//! nothing matched, `json` one document and `jsonl` one object a line, no
//! negative zero, and tables that fit `COLUMNS`.

use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

use crate::common::{corpus, decision_text, Run, Workdir};

/// The corpus (every decision with an agreed payment) and two decisions
/// without one: one with a long organisation name and no date, one with no
/// outcome line either.
fn indexed() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "more/a.txt",
        decision_text(
            "Somewhere Very Long Named Metropolitan Borough Council of the North",
            "24 000 001",
            "Decision : Not upheld\n",
            "Mr A complained about the council tax.",
            "Mr A complains the Council did not answer his letters about the council tax.",
        ),
    );
    wd.write(
        "more/b.txt",
        decision_text(
            "Test Council",
            "24 000 002",
            "",
            "Mrs C complained about a council decision.",
            "Mrs C complains the Council decided without asking her.",
        ),
    );
    for dir in [corpus(), wd.path("more")] {
        wd.run(&["ingest", dir.to_str().unwrap()]).expect_code(0);
    }
    wd
}

/// `ombuds ARGS` with extra environment variables.
fn run_with_env(wd: &Workdir, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = Command::cargo_bin("ombuds").expect("binary built");
    cmd.env("OMBUDS_INDEX", wd.index())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .args(args);
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        output: cmd.output().expect("binary runs"),
    }
}

/// What Python's csv module makes of `csv`: per column, how many cells are
/// empty; fails (through python) when a cell of a `numeric` column is neither
/// empty nor read by `float()`, or any cell is the old `-` marker.
fn python_reads(csv: &[u8], numeric: &[&str]) -> Value {
    const SCRIPT: &str = r#"
import csv, io, json, sys
numeric = sys.argv[1:]
rows = list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))
empty = {name: 0 for name in rows[0]} if rows else {}
for row in rows:
    for name, cell in row.items():
        assert cell != "-", (name, row)
        if cell == "":
            empty[name] += 1
        elif name in numeric:
            float(cell)
print(json.dumps({"rows": len(rows), "empty": empty}))
"#;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .args(numeric)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), csv).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "python could not read the CSV: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(csv)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn csv_of_search_stats_and_export_reads_in_python_with_empty_missing_values_and_numbers() {
    let wd = indexed();
    let search = wd.run(&["search", "council", "--format", "csv", "--limit", "100"]);
    search.expect_code(0);
    let read = python_reads(&search.output.stdout, &["score"]);
    assert_eq!(read["rows"], 7, "{}", search.describe());
    assert!(read["empty"]["decision_date"].as_u64() >= Some(2), "{read}");
    assert!(read["empty"]["outcome"].as_u64() >= Some(1), "{read}");

    let stats = wd.run(&[
        "stats",
        "payments",
        "--by",
        "organisation",
        "--format",
        "csv",
    ]);
    stats.expect_code(0);
    let numbers = [
        "n_decisions",
        "n",
        "sum",
        "mean",
        "min",
        "p25",
        "median",
        "p75",
        "p90",
        "max",
        "share_with_payment",
    ];
    let read = python_reads(&stats.output.stdout, &numbers);
    // The two decisions without a payment have no mean, median...: empty cells.
    assert!(
        read["empty"]["mean"].as_u64() >= Some(2),
        "{read}\n{}",
        stats.describe()
    );

    let outcomes = wd.run(&[
        "stats",
        "outcomes",
        "--by",
        "organisation",
        "--format",
        "csv",
    ]);
    outcomes.expect_code(0);
    python_reads(
        &outcomes.output.stdout,
        &[
            "n_decisions",
            "count",
            "share",
            "upheld_rate_with_outcome",
            "upheld_rate_investigated",
        ],
    );

    let export = wd.run(&["export", "--format", "csv"]);
    export.expect_code(0);
    let read = python_reads(
        &export.output.stdout,
        &["agreed_total", "accepted_total", "deadline_days"],
    );
    assert_eq!(read["rows"], 7);
    assert!(read["empty"]["deadline_days"].as_u64() >= Some(2), "{read}");
}

#[test]
fn csv_excel_is_the_same_csv_after_a_byte_order_mark() {
    let wd = indexed();
    for args in [
        &["search", "council"][..],
        &["stats", "payments", "--by", "organisation"],
        &["export", "--level", "payment"],
    ] {
        let plain = wd.run(&[args, &["--format", "csv"]].concat());
        let excel = wd.run(&[args, &["--format", "csv-excel"]].concat());
        excel.expect_code(0);
        assert_eq!(
            &excel.output.stdout[..3],
            b"\xEF\xBB\xBF",
            "{}",
            excel.describe()
        );
        assert_eq!(
            excel.output.stdout[3..],
            plain.output.stdout[..],
            "{}",
            excel.describe()
        );
    }
    // The byte-order mark alone is not an export of nothing: the header follows.
    let empty = wd.run(&["export", "nosuchword", "--format", "csv-excel"]);
    empty.expect_code(1);
    assert!(empty
        .stdout()
        .trim_start_matches('\u{feff}')
        .starts_with("reference,"));
}

#[test]
fn an_empty_result_still_writes_the_csv_header() {
    let wd = indexed();
    for (args, first) in [
        (&["search", "nosuchword"][..], "reference,decision_date,"),
        (
            &["stats", "outcomes", "nosuchword"],
            "set,n_decisions,outcome,",
        ),
        (
            &["export", "nosuchword", "--level", "fault"],
            "reference,organisation,",
        ),
    ] {
        let run = wd.run(&[args, &["--format", "csv"]].concat());
        run.expect_code(1);
        let rows = run.csv();
        assert_eq!(rows.len(), 1, "{}", run.describe());
        assert!(rows[0].join(",").starts_with(first), "{}", run.describe());
    }
}

#[test]
fn json_is_one_document_and_jsonl_one_object_a_line_in_every_command() {
    let wd = indexed();
    let file = corpus().join("000_23011206abbaafad.txt");
    let file = file.to_str().unwrap();
    for args in [
        &["search", "council"][..],
        &["export", "--level", "payment"],
        &["stats", "outcomes", "--by", "organisation"],
        &["parse", file],
        &["show", "23 002 683"],
    ] {
        let json = wd.run(&[args, &["--format", "json"]].concat());
        json.expect_code(0);
        let document = json.json();
        let lines = wd.run(&[args, &["--format", "jsonl"]].concat());
        lines.expect_code(0);
        let lines = lines.json_lines();
        assert!(lines.iter().all(Value::is_object), "{args:?}");
        match &document {
            // A list is the array of what jsonl writes a line each.
            Value::Array(items) => assert_eq!(items, &lines, "{args:?}"),
            // A stats report is one object; its jsonl is its table's rows.
            Value::Object(report) if args[0] == "stats" => {
                assert_eq!(report["groups"].as_array().map(Vec::len), Some(7));
                assert!(lines.len() > 7, "{args:?}");
            }
            // One decision: the same object either way.
            _ => assert_eq!(lines, std::slice::from_ref(&document), "{args:?}"),
        }
    }
    // --json stays an alias of --format json.
    let alias = wd.run(&["show", "23 002 683", "--json"]);
    assert_eq!(
        alias.stdout(),
        wd.run(&["show", "23 002 683", "--format", "json"]).stdout()
    );
    let ingest = wd.run(&["ingest", wd.path("more").to_str().unwrap(), "--json"]);
    assert_eq!(ingest.expect_code(0).json()["files_seen"], 2);
}

#[test]
fn a_format_a_command_does_not_write_is_refused_by_name() {
    let wd = indexed();
    for args in [
        &["show", "23 002 683", "--format", "csv"][..],
        &["export", "--format", "table"],
        &["ingest", "x", "--format", "jsonl"],
    ] {
        let run = wd.run(args);
        run.expect_code(2);
        assert!(run.stderr().contains("--format"), "{}", run.describe());
    }
}

#[test]
fn tables_fit_80_columns_when_columns_is_80_and_are_not_cut_when_piped() {
    let wd = indexed();
    let tables: [&[&str]; 6] = [
        &["search", "council", "--limit", "100"],
        &["stats", "payments", "--by", "organisation"],
        &["stats", "outcomes", "--by", "organisation"],
        &["stats", "faults", "--by", "organisation", "--cross"],
        &["stats", "payments", "--histogram"],
        &["show", "23 002 683"],
    ];
    for args in tables {
        let run = run_with_env(&wd, &[("COLUMNS", "80")], args);
        run.expect_code(0);
        for line in run.stdout().lines() {
            assert!(
                line.chars().count() <= 80,
                "{} chars: {line}\n{}",
                line.chars().count(),
                run.describe()
            );
        }
    }
    // Every column has a title, and no column is empty in every row.
    let run = run_with_env(&wd, &[("COLUMNS", "80")], &["stats", "payments"]);
    let header = run.stdout().lines().next().unwrap_or_default().to_string();
    assert!(
        !header.contains("set") && !header.contains("flag"),
        "{}",
        run.describe()
    );
    // Piped with no COLUMNS: nothing is cut.
    let run = wd.run(&["search", "council", "--limit", "100"]);
    assert!(
        run.stdout().lines().any(|l| l.chars().count() > 80),
        "{}",
        run.describe()
    );
    assert!(!run.stdout().contains('…'), "{}", run.describe());
    let cut = run_with_env(
        &wd,
        &[("COLUMNS", "80")],
        &["search", "council", "--limit", "100"],
    );
    assert!(cut.stdout().contains('…'), "{}", cut.describe());
}

#[test]
fn no_output_writes_a_negative_zero() {
    let wd = indexed();
    let negative_zero = regex::Regex::new(r"(^|[^0-9.])-0(\.0+)?([^0-9.]|$)").unwrap();
    for format in ["table", "csv", "json", "jsonl"] {
        for args in [
            &["stats", "payments", "--by", "organisation"][..],
            &["stats", "outcomes", "--by", "organisation"],
            &["search", "council"],
        ] {
            let run = wd.run(&[args, &["--format", format]].concat());
            assert!(!negative_zero.is_match(&run.stdout()), "{}", run.describe());
        }
    }
}

/// The row-shaped commands issue 19 added, each with its numeric columns.
const VALUES_AND_COMPARE: [(&[&str], &[&str]); 3] = [
    (&["values", "organisation"], &["decisions"]),
    (
        &[
            "stats",
            "payments",
            "--by",
            "year",
            "--compare",
            "organisation=Test Council",
        ],
        &[
            "selected_n_decisions",
            "selected_n",
            "selected_median",
            "selected_mean",
            "rest_n_decisions",
            "rest_n",
            "rest_median",
            "rest_mean",
        ],
    ),
    (
        &[
            "stats",
            "outcomes",
            "--by",
            "organisation",
            "--compare",
            "organisation=Test Council",
        ],
        &[
            "selected_n_decisions",
            "selected_count",
            "selected_share",
            "selected_upheld_rate_with_outcome",
            "selected_upheld_rate_investigated",
            "rest_n_decisions",
            "rest_count",
            "rest_share",
            "rest_upheld_rate_with_outcome",
            "rest_upheld_rate_investigated",
        ],
    ),
];

#[test]
fn values_and_stats_compare_csv_reads_in_python_and_csv_excel_adds_only_a_byte_order_mark() {
    let wd = indexed();
    for (args, numeric) in VALUES_AND_COMPARE {
        let csv = wd.run(&[args, &["--format", "csv"]].concat());
        csv.expect_code(0);
        let read = python_reads(&csv.output.stdout, numeric);
        assert!(read["rows"].as_u64() > Some(1), "{}", csv.describe());
        let excel = wd.run(&[args, &["--format", "csv-excel"]].concat());
        excel.expect_code(0);
        assert_eq!(excel.output.stdout[..3], *b"\xEF\xBB\xBF", "{args:?}");
        assert_eq!(excel.output.stdout[3..], csv.output.stdout[..], "{args:?}");
    }
    // Test Council's one decision has no payment and no date: its median is
    // missing in every row, an empty cell, never `-`.
    let (args, numeric) = VALUES_AND_COMPARE[1];
    let run = wd.run(&[args, &["--format", "csv"]].concat());
    let read = python_reads(&run.output.stdout, numeric);
    assert_eq!(read["empty"]["selected_median"], read["rows"], "{read}");
    let rows = run.csv();
    assert_eq!(rows[1][0], "(all)", "{}", run.describe());
    assert_eq!(rows[1][1], "1", "{}", run.describe());
    assert_eq!(rows[1][3], "", "{}", run.describe());
}

#[test]
fn values_and_stats_compare_write_json_as_one_document_and_jsonl_as_the_csv_rows() {
    let wd = indexed();
    for (args, numeric) in VALUES_AND_COMPARE {
        let json = wd.run(&[args, &["--format", "json"]].concat());
        json.expect_code(0);
        let document = json.json();
        let csv = wd.run(&[args, &["--format", "csv"]].concat()).csv();
        let lines = wd.run(&[args, &["--format", "jsonl"]].concat());
        lines.expect_code(0);
        let lines = lines.json_lines();
        // One object a line, one line per CSV row, keyed by the CSV header.
        assert_eq!(lines.len(), csv.len() - 1, "{args:?}");
        for (line, row) in lines.iter().zip(&csv[1..]) {
            let keys: Vec<&String> = line.as_object().expect("an object").keys().collect();
            let mut header: Vec<&String> = csv[0].iter().collect();
            header.sort();
            let mut keys = keys;
            keys.sort();
            assert_eq!(keys, header, "{args:?}");
            for (name, cell) in csv[0].iter().zip(row) {
                // Missing is null; a number column's value a number.
                if cell.is_empty() {
                    assert!(line[name].is_null(), "{name} in {line}");
                } else if numeric.contains(&name.as_str()) {
                    assert!(line[name].is_number(), "{name} in {line}");
                } else {
                    assert_eq!(line[name].as_str(), Some(cell.as_str()), "{line}");
                }
            }
        }
        if args[0] == "values" {
            assert_eq!(document["field"], "organisation");
            let decisions: u64 = lines.iter().filter_map(|l| l["decisions"].as_u64()).sum();
            assert!(decisions >= document["total_decisions"].as_u64().unwrap());
        } else {
            // Both reports and what picked the selected side.
            assert_eq!(document["compare"]["label"], "organisation=Test Council");
            assert_eq!(document["selected"]["n_decisions"], 1);
            assert_eq!(document["rest"]["n_decisions"], 6);
        }
    }
}

#[test]
fn values_and_stats_compare_tables_fit_80_columns_and_write_no_negative_zero() {
    let wd = indexed();
    let negative_zero = regex::Regex::new(r"(^|[^0-9.])-0(\.0+)?([^0-9.]|$)").unwrap();
    for (args, _) in VALUES_AND_COMPARE {
        let run = run_with_env(&wd, &[("COLUMNS", "80")], args);
        run.expect_code(0);
        assert!(run.stdout().lines().count() > 2, "{}", run.describe());
        for line in run.stdout().lines() {
            assert!(
                line.chars().count() <= 80,
                "{} chars: {line}\n{}",
                line.chars().count(),
                run.describe()
            );
        }
        for format in ["table", "csv", "json", "jsonl"] {
            let run = wd.run(&[args, &["--format", format]].concat());
            assert!(!negative_zero.is_match(&run.stdout()), "{}", run.describe());
        }
    }
    // Narrower still: the long organisation name is cut with an ellipsis.
    let run = run_with_env(&wd, &[("COLUMNS", "30")], &["values", "organisation"]);
    assert!(run.stdout().lines().all(|l| l.chars().count() <= 30));
    assert!(run.stdout().contains('…'), "{}", run.describe());
    // Piped without COLUMNS, nothing is cut.
    let run = wd.run(&["values", "organisation"]);
    assert!(run.stdout().contains("of the North"), "{}", run.describe());
}
