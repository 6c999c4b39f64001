//! `ombuds stats` and `ombuds export`: figures asserted from parsed JSON/CSV.

use serde_json::Value;

use crate::common::Workdir;

fn stats_json(wd: &Workdir, args: &[&str]) -> Value {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all);
    run.expect_code(0);
    run.json()
}

/// A decision with the given header lines and agreed-action paragraphs.
fn decision(org: &str, reference: &str, header: &str, summary: &str, actions: &[&str]) -> String {
    let actions: String = actions.iter().map(|a| format!("  1. {a}\n")).collect();
    format!(
        "{org} ({reference})\n\n{header}\n\nThe Ombudsman's final decision:\n\nSummary: {summary}\n\nThe complaint\n\n  1. {summary}\n\nMy findings\n\n  1. The Council delayed. This was fault.\n\nAgreed action\n\n{actions}\nFinal decision\n\n  1. I have completed my investigation. I have found fault causing injustice.\n"
    )
}

/// Four decisions: two payments in one, none in one, no outcome line in one.
fn small_set(wd: &Workdir) {
    wd.write(
        "set/a.txt",
        decision(
            "Alpha Council",
            "21 000 001",
            "Category : Housing > Allocations\n\nDecision : Upheld\n\nDecision date : 05 Oct 2021",
            "Mr A complained about delay.",
            &[
                "Within one month the Council will pay Mr A £200 for distress.",
                "Within one month the Council will pay Mrs B £100 for time and trouble.",
            ],
        ),
    );
    wd.write(
        "set/b.txt",
        decision(
            "Beta Council",
            "22 000 002",
            "Category : Housing > Homelessness\n\nDecision : Upheld\n\nDecision date : 06 Oct 2022",
            "Ms C complained about delay.",
            &["Within one month the Council will pay Ms C £500 for distress."],
        ),
    );
    wd.write("set/c.txt", decision("Alpha Council", "22 000 003", "Category : Housing > Allocations\n\nDecision : Not upheld\n\nDecision date : 07 Oct 2022", "Mr D complained.", &["The Council will apologise to Mr D."]));
    wd.write(
        "set/d.txt",
        decision(
            "Gamma Council",
            "23 000 004",
            "Category : Planning > Enforcement",
            "Mr E complained.",
            &["Within one month the Council will pay Mr E £1,000 for distress."],
        ),
    );
    wd.run(&["ingest", wd.path("set").to_str().unwrap()])
        .expect_code(0);
}

#[test]
fn stats_payments_on_corpus_matches_gold() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let report = stats_json(&wd, &["payments"]);
    assert_eq!(report["n_decisions"], 5);
    assert_eq!(report["per"], "decision");
    let s = &report["stats"];
    assert_eq!(s["n"], 5);
    assert_eq!(s["sum"], 1450.0);
    assert_eq!(s["median"], 300.0);
    assert_eq!(s["min"], 150.0);
    assert_eq!(s["max"], 400.0);
    assert_eq!(s["share_with_payment"], 1.0);
}

#[test]
fn stats_payments_by_category_and_year_regroup_the_same_numbers() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let by_cat = stats_json(&wd, &["payments", "--by", "category"]);
    let groups = by_cat["groups"].as_array().unwrap();
    assert_eq!(groups[0]["key"]["category"], "Children's care services");
    assert_eq!(groups[0]["stats"]["n"], 4);
    assert_eq!(groups[0]["stats"]["sum"], 1150.0);
    assert_eq!(groups[1]["key"]["category"], "(none)");
    assert_eq!(groups[1]["stats"]["sum"], 300.0);
    let by_year = stats_json(&wd, &["payments", "--by", "year"]);
    let total: f64 = by_year["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["stats"]["sum"].as_f64().unwrap())
        .sum();
    assert_eq!(total, 1450.0);
    let y2023 = by_year["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"]["year"] == "2023")
        .unwrap();
    assert_eq!(y2023["n_decisions"], 2);
    assert_eq!(y2023["stats"]["sum"], 600.0);
}

#[test]
fn stats_payments_csv_has_the_same_numbers() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["stats", "payments", "--format", "csv"]);
    let rows = run.csv();
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][col("n")], "5");
    assert_eq!(rows[1][col("sum")], "1450.00");
    assert_eq!(rows[1][col("median")], "300.00");
}

#[test]
fn stats_per_payment_purpose_histogram_and_folding_on_a_small_set() {
    let wd = Workdir::new();
    small_set(&wd);
    let per_decision = stats_json(&wd, &["payments"]);
    assert_eq!(per_decision["n_decisions"], 4);
    assert_eq!(per_decision["stats"]["n"], 3);
    assert_eq!(per_decision["stats"]["sum"], 1800.0);
    assert_eq!(per_decision["stats"]["share_with_payment"], 0.75);
    let per_payment = stats_json(&wd, &["payments", "--per", "payment"]);
    assert_eq!(per_payment["stats"]["n"], 4);
    assert_eq!(per_payment["stats"]["median"], 350.0);
    let purpose = stats_json(&wd, &["payments", "--purpose"]);
    let groups = purpose["groups"].as_array().unwrap();
    let distress = groups
        .iter()
        .find(|g| g["key"]["purpose"] == "distress")
        .unwrap();
    assert_eq!(distress["stats"]["n"], 3);
    assert_eq!(distress["stats"]["sum"], 1700.0);
    let hist = stats_json(&wd, &["payments", "--per", "payment", "--histogram"]);
    let counts: Vec<u64> = hist["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, vec![0, 2, 0, 1, 1, 0]);
    let folded = stats_json(
        &wd,
        &["payments", "--by", "organisation", "--min-count", "2"],
    );
    let groups = folded["groups"].as_array().unwrap();
    assert_eq!(groups[0]["key"]["organisation"], "Alpha Council");
    let other = groups.last().unwrap();
    assert_eq!(
        (other["other"].as_bool(), other["folded_groups"].as_u64()),
        (Some(true), Some(2))
    );
}

#[test]
fn equal_payments_in_one_decision_are_two_payments() {
    // Two payments of the same amount and purpose: the index holds them as
    // two values, and statistics must not merge them into one.
    let wd = Workdir::new();
    wd.write(
        "set/a.txt",
        decision(
            "Alpha Council",
            "21 000 001",
            "Decision : Upheld",
            "Mr and Mrs A complained about delay.",
            &[
                "Within one month the Council will pay Mr A £150 for distress.",
                "Within one month the Council will pay Mrs A £150 for distress.",
            ],
        ),
    );
    wd.run(&["ingest", wd.path("set").to_str().unwrap()])
        .expect_code(0);
    let per_payment = stats_json(&wd, &["payments", "--per", "payment"]);
    assert_eq!(per_payment["stats"]["n"], 2);
    assert_eq!(per_payment["stats"]["sum"], 300.0);
    let purpose = stats_json(&wd, &["payments", "--purpose"]);
    assert_eq!(purpose["groups"][0]["key"]["purpose"], "distress");
    assert_eq!(purpose["groups"][0]["stats"]["n"], 2);
}

#[test]
fn stats_outcomes_count_missing_and_state_denominators() {
    let wd = Workdir::new();
    small_set(&wd);
    let report = stats_json(&wd, &["outcomes"]);
    let counts = report["counts"].as_array().unwrap();
    let count = |v: &str| {
        counts
            .iter()
            .find(|c| c["value"] == v)
            .map(|c| c["count"].as_u64().unwrap())
    };
    assert_eq!(count("Upheld"), Some(2));
    assert_eq!(count("Not upheld"), Some(1));
    assert_eq!(count("(no outcome line)"), Some(1));
    assert_eq!(
        report["upheld_rate"]["of_decisions_with_outcome"]["denominator"],
        3
    );
    assert_eq!(report["upheld_rate"]["of_investigated"]["upheld"], 2);
    let inferred = stats_json(&wd, &["outcomes", "--infer"]);
    let counts = inferred["counts"].as_array().unwrap();
    assert!(
        counts.iter().any(|c| c["value"] == "Upheld (inferred)"),
        "{inferred}"
    );
    assert_eq!(
        inferred["upheld_rate"]["of_decisions_with_outcome"]["denominator"],
        4
    );
}

#[test]
fn stats_faults_and_remedies_with_cross_table() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let faults = stats_json(&wd, &["faults"]);
    let delay = faults["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "delay")
        .unwrap()
        .clone();
    assert_eq!(delay["count"], 4);
    let remedies = stats_json(&wd, &["remedies", "--cross"]);
    let payment = remedies["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "payment")
        .unwrap()
        .clone();
    assert_eq!(payment["count"], 5);
    let cell = remedies["cross"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fault"] == "delay" && c["remedy"] == "payment")
        .unwrap()
        .clone();
    assert_eq!(cell["count"], 4);
    let by = stats_json(&wd, &["remedies", "--by", "year", "--top", "1"]);
    assert_eq!(
        by["groups"].as_array().unwrap().len(),
        2,
        "top group plus (other)"
    );
}

#[test]
fn stats_plot_writes_svg_and_png_with_title() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let svg = wd.path("p.svg");
    wd.run(&[
        "stats",
        "payments",
        "--histogram",
        "--plot",
        svg.to_str().unwrap(),
    ])
    .expect_code(0);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"));
    assert!(
        text.contains("Agreed payments — all decisions (n=5 of 5 decisions)"),
        "{}",
        &text[..600.min(text.len())]
    );
    let png = wd.path("p.png");
    wd.run(&[
        "stats",
        "outcomes",
        "--category",
        "Children's care services",
        "--plot",
        png.to_str().unwrap(),
    ])
    .expect_code(0);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let bad = wd.run(&[
        "stats",
        "payments",
        "--plot",
        wd.path("p.gif").to_str().unwrap(),
    ]);
    bad.expect_code(2);
    assert!(bad.stderr().contains("--plot"));
}

#[test]
fn stats_rejects_flags_that_do_not_apply() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let run = wd.run(&["stats", "outcomes", "--histogram"]);
    run.expect_code(2);
    assert!(run
        .stderr()
        .contains("--histogram only applies to `stats payments`"));
    let run = wd.run(&["stats", "payments", "--by", "colour"]);
    run.expect_code(2);
    assert!(run.stderr().contains("colour"));
}

#[test]
fn stats_help_teaches_with_examples() {
    let run = Workdir::new().run(&["stats", "--help"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains("Examples:")
            && run
                .stdout()
                .contains("ombuds stats outcomes --by organisation")
    );
}

#[test]
fn export_levels_as_csv_and_jsonl() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let rows = wd.run(&["export", "--format", "csv"]).csv();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0][0], "reference");
    let payments = wd
        .run(&[
            "export", "--level", "payment", "--format", "jsonl", "--role", "all",
        ])
        .json_lines();
    assert!(payments.iter().any(|p| p["role"] != "agreed"));
    let agreed: f64 = payments
        .iter()
        .filter(|p| p["role"] == "agreed")
        .map(|p| p["amount"].as_f64().unwrap())
        .sum();
    assert_eq!(agreed, 1450.0);
    assert!(payments
        .iter()
        .all(|p| p["sentence"].as_str().is_some_and(|s| s.contains('£'))));
    let faults = wd
        .run(&[
            "export",
            "--level",
            "fault",
            "--format",
            "csv",
            "--category",
            "Children's care services",
        ])
        .csv();
    assert_eq!(
        faults[0],
        vec![
            "reference",
            "organisation",
            "category",
            "subcategory",
            "decision_date",
            "url",
            "kind",
            "sentence"
        ]
    );
    assert!(faults.len() > 4);
}
