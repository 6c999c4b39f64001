//! `ombuds values`, filter values checked against the index, and organisation
//! matching, on five decisions written here: three spellings of Norfolk
//! County Council, South Norfolk District Council and Suffolk County Council.

use serde_json::Value;

use crate::common::Workdir;

/// A decision of `org` with a category, an outcome line and a date; every
/// one finds delay.
fn decision(org: &str, reference: &str, category: &str, outcome: &str, date: &str) -> String {
    format!(
        "{org} ({reference})\n\nCategory : {category}\n\nDecision : {outcome}\n\nDecision date : {date}\n\nThe Ombudsman's final decision:\n\nSummary: Mr A complained about delay.\n\nThe complaint\n\n  1. Mr A complained about delay.\n\nMy findings\n\n  1. The Council delayed. This was fault.\n\nAgreed action\n\n  1. Within one month the Council will apologise to Mr A.\n\nFinal decision\n\n  1. I have completed my investigation. I have found fault causing injustice.\n"
    )
}

fn norfolk_set() -> Workdir {
    let wd = Workdir::new();
    let adult = "Adult care services > Assessment and care plan";
    let decisions = [
        (
            "Norfolk County Council",
            "22 000 001",
            adult,
            "Upheld",
            "05 Oct 2022",
        ),
        (
            "Norfolk County Council",
            "23 000 002",
            adult,
            "Not upheld",
            "06 Oct 2023",
        ),
        (
            "norfolk county council.",
            "23 000 003",
            adult,
            "Upheld",
            "07 Oct 2023",
        ),
        (
            "South Norfolk District Council",
            "23 000 004",
            "Planning and development > Enforcement",
            "Upheld",
            "08 Oct 2023",
        ),
        (
            "Suffolk County Council",
            "21 000 005",
            "Education > Special educational needs",
            "Closed after initial enquiries",
            "09 Oct 2021",
        ),
    ];
    for (i, (org, reference, category, outcome, date)) in decisions.into_iter().enumerate() {
        wd.write(
            &format!("set/{i}.txt"),
            decision(org, reference, category, outcome, date),
        );
    }
    wd.run(&["ingest", wd.path("set").to_str().unwrap()])
        .expect_code(0);
    wd
}

fn json(wd: &Workdir, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = wd.run(&all);
    run.expect_code(0);
    run.json()
}

/// `values FIELD` as (value, decisions) pairs.
fn values(wd: &Workdir, field: &str, more: &[&str]) -> Vec<(String, u64)> {
    let mut args = vec!["values", field];
    args.extend_from_slice(more);
    json(wd, &args)["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["decisions"].as_u64().expect("n"),
            )
        })
        .collect()
}

/// `stats outcomes --by FIELD` groups as (key, decisions) pairs.
fn stats_groups(wd: &Workdir, field: &str) -> Vec<(String, u64)> {
    json(wd, &["stats", "outcomes", "--by", field])["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            (
                g["key"][field].as_str().expect("key").to_string(),
                g["n_decisions"].as_u64().expect("n"),
            )
        })
        .collect()
}

fn owned(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(v, n)| (v.to_string(), *n)).collect()
}

#[test]
fn values_lists_each_value_with_the_decisions_stats_counts() {
    let wd = norfolk_set();
    // Three spellings of one body are one row, printed as most decisions
    // spell it; a different body sharing a word stays apart.
    let organisations = owned(&[
        ("Norfolk County Council", 3),
        ("South Norfolk District Council", 1),
        ("Suffolk County Council", 1),
    ]);
    assert_eq!(values(&wd, "organisation", &[]), organisations);
    assert_eq!(stats_groups(&wd, "organisation"), organisations);
    for field in ["category", "subcategory", "outcome"] {
        assert_eq!(values(&wd, field, &[]), stats_groups(&wd, field), "{field}");
    }
    let faults = json(&wd, &["stats", "faults"]);
    let counted: Vec<(String, u64)> = faults["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .map(|c| {
            (
                c["value"].as_str().expect("value").to_string(),
                c["count"].as_u64().expect("n"),
            )
        })
        .collect();
    assert!(counted.contains(&("delay".to_string(), 5)), "{counted:?}");
    assert_eq!(values(&wd, "fault", &[]), counted);
    // A query and filters narrow the set counted.
    assert_eq!(
        values(&wd, "organisation", &["--outcome", "upheld"]),
        owned(&[
            ("Norfolk County Council", 2),
            ("South Norfolk District Council", 1)
        ])
    );
    // Years run in time order, whatever their counts.
    assert_eq!(
        values(&wd, "year", &[]),
        owned(&[("2021", 1), ("2022", 1), ("2023", 3)])
    );
}

#[test]
fn values_json_csv_and_table_carry_the_same_rows() {
    let wd = norfolk_set();
    let doc = json(&wd, &["values", "category", "--limit", "1"]);
    assert_eq!(
        doc,
        serde_json::json!({
            "field": "category",
            "values": [{"value": "Adult care services", "decisions": 3}],
            "missing_decisions": 0,
            "total_decisions": 5
        })
    );
    let run = wd.run(&["values", "outcome", "--format", "csv"]);
    run.expect_code(0);
    assert_eq!(
        run.csv(),
        [
            vec!["value", "decisions"],
            vec!["Upheld", "3"],
            vec!["Closed after initial enquiries", "1"],
            vec!["Not upheld", "1"],
        ]
    );
    let run = wd.run(&["values", "outcome"]);
    run.expect_code(0);
    let table = run.stdout();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("value") && lines[0].ends_with("decisions"));
    assert!(
        lines[2].starts_with("Upheld") && lines[2].ends_with(" 3"),
        "{table}"
    );
    // Nothing matching: exit 1, the document still written.
    let run = wd.run(&[
        "values",
        "outcome",
        "no-such-word-anywhere",
        "--format",
        "json",
    ]);
    run.expect_code(1);
    assert_eq!(run.json()["total_decisions"], 0);
}

#[test]
fn values_a_misspelt_filter_value_exits_2_naming_the_closest_values() {
    let wd = norfolk_set();
    for command in [
        &["search"][..],
        &["stats", "outcomes"],
        &["export"],
        &["values", "year"],
    ] {
        let mut args = command.to_vec();
        args.extend(["--category", "Adult social care"]);
        let run = wd.run(&args);
        run.expect_code(2);
        assert!(
            run.stderr().contains(
                "--category: no decision in the index has category 'Adult social care'; did you mean: Adult care services (3)"
            ),
            "{}",
            run.describe()
        );
        assert!(run.stdout().is_empty(), "{}", run.describe());
    }
    let run = wd.run(&["stats", "outcomes", "--fault", "delays"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains(
            "--fault: no decision in the index has fault 'delays'; did you mean: delay (5)?"
        ),
        "{}",
        run.describe()
    );
    let run = wd.run(&["search", "--outcome", "partly upheld"]);
    run.expect_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("--outcome: no decision in the index has outcome 'partly upheld'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Upheld (3)") && stderr.contains("Not upheld (1)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`ombuds values outcome` lists them all"),
        "{stderr}"
    );
    // Values held are accepted as before, whatever their case.
    wd.run(&[
        "search",
        "--category",
        "ADULT CARE SERVICES",
        "--outcome",
        "not upheld",
        "--fault",
        "Delay",
    ])
    .expect_code(0);
}

#[test]
fn values_organisation_matches_the_whole_name_and_words_on_request() {
    let wd = norfolk_set();
    let count = |args: &[&str]| -> String {
        let mut all = vec!["search", "--count"];
        all.extend_from_slice(args);
        let run = wd.run(&all);
        run.expect_code(0);
        run.stdout().trim().to_string()
    };
    for name in [
        "Norfolk County Council",
        "norfolk  county-council",
        "The Norfolk County Council.",
    ] {
        assert_eq!(count(&["--organisation", name]), "3", "{name}");
    }
    assert_eq!(count(&["--organisation-words", "norfolk"]), "4");
    assert_eq!(count(&["--organisation-words", "county council"]), "4");
    // A name no decision has: the bodies whose names share its words, and
    // the words flag.
    let run = wd.run(&["search", "--organisation", "norfolk"]);
    run.expect_code(2);
    let stderr = run.stderr();
    assert!(
        stderr.contains("--organisation: no organisation in the index is named 'norfolk'; did you mean: Norfolk County Council (3), South Norfolk District Council (1)?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--organisation-words 'norfolk'"),
        "{stderr}"
    );
    assert!(!stderr.contains("Suffolk"), "{stderr}");
    // Stats and values agree on the exact body.
    let stats = json(
        &wd,
        &[
            "stats",
            "outcomes",
            "--organisation",
            "norfolk county council",
        ],
    );
    assert_eq!(stats["n_decisions"], 3);
    assert_eq!(
        values(
            &wd,
            "outcome",
            &["--organisation", "NORFOLK COUNTY COUNCIL"]
        ),
        owned(&[("Upheld", 2), ("Not upheld", 1)])
    );
}

#[test]
fn values_help_lists_every_enumerable_kind() {
    let wd = Workdir::new();
    for command in ["search", "stats", "export", "values"] {
        let run = wd.run(&[command, "--help"]);
        run.expect_code(0);
        let help = run.stdout();
        for word in [
            "ombuds values FIELD",
            "--organisation-words",
            "Closed after initial enquiries",
            "poor_communication",
            "service_improvement",
            "time_and_trouble",
            "fault_no_injustice",
            "claimed",
        ] {
            assert!(help.contains(word), "{command} --help lacks {word}");
        }
    }
}
