//! Payment roles in `stats payments --role` and `export --role`, and the
//! caveats `stats payments` states: decisions that agree a payment without
//! its amount, and texts that look truncated. The fixtures use only the roles
//! today's extractor gives (agreed, offered, other); accepted and claimed are
//! covered by unit tests over hand-built decisions in `stats/`.

use serde_json::{json, Value};

use crate::common::Workdir;

/// A decision of the Charging category with its summary, one agreed action
/// and, unless `cut_off`, a final decision section.
fn decision(org: &str, reference: &str, summary: &str, action: &str, cut_off: bool) -> String {
    let end = if cut_off {
        ""
    } else {
        "\nFinal decision\n\n  1. I have completed my investigation. I have found fault causing injustice.\n"
    };
    format!(
        "{org} ({reference})\n\nCategory : Adult care services > Charging\n\nDecision : Upheld\n\nDecision date : 05 Oct 2023\n\nThe Ombudsman's final decision:\n\nSummary: {summary}\n\nThe complaint\n\n  1. {summary}\n\nMy findings\n\n  1. The Council delayed. This was fault.\n\nAgreed action\n\n  1. {action}\n{end}"
    )
}

/// Four decisions: £300 agreed; £200 agreed after a refused £50 offer; fees
/// to be refunded with no amount (and a £900 fee, `other`); a truncated text
/// whose agreed £400 survives.
fn role_set(wd: &Workdir) {
    let files = [
        (
            "a",
            decision("Alpha Council", "23 000 001", "Mr A complained about delay.", "Within one month the Council will pay Mr A £300 for distress.", false),
        ),
        (
            "b",
            decision("Beta Council", "23 000 002", "Ms B complained about delay. In its complaint response the Council offered Ms B £50, which she refused.", "Within one month the Council will pay Ms B £200 for distress.", false),
        ),
        (
            "c",
            decision("Gamma Council", "23 000 003", "Mr C complained about care charges. The care home's fees were £900.", "Within one month the Council will refund the fees Mr C paid for the respite care.", false),
        ),
        (
            "d",
            decision("Delta Council", "23 000 004", "Mrs D complained about delay.", "Within one month the Council will pay Mrs D £400 for distress and", true),
        ),
    ];
    for (name, text) in files {
        wd.write(&format!("set/{name}.txt"), text);
    }
    wd.run(&["ingest", wd.path("set").to_str().unwrap()])
        .expect_code(0);
}

fn stats_json(wd: &Workdir, args: &[&str]) -> Value {
    let mut all = vec!["stats", "payments"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all);
    run.expect_code(0);
    run.json()
}

#[test]
fn stats_payments_role_picks_the_payments_counted_and_echoes_them() {
    let wd = Workdir::new();
    role_set(&wd);
    let agreed = stats_json(&wd, &[]);
    assert_eq!(agreed["roles"], json!(["agreed"]));
    assert_eq!(agreed["request"]["roles"], json!(["agreed"]));
    assert_eq!(agreed["stats"]["n"], 3);
    assert_eq!(agreed["stats"]["sum"], 900.0);
    assert_eq!(agreed["stats"]["median"], 300.0);
    assert_eq!(agreed["stats"]["share_with_payment"], 0.75);
    assert_eq!(stats_json(&wd, &["--role", "agreed"]), agreed);

    // The refused offer joins Beta's total; the order given does not matter.
    let with_offers = stats_json(&wd, &["--role", "offered,agreed"]);
    assert_eq!(with_offers["roles"], json!(["agreed", "offered"]));
    assert_eq!(with_offers["stats"]["n"], 3);
    assert_eq!(with_offers["stats"]["sum"], 950.0);
    assert_eq!(with_offers["stats"]["min"], 250.0);
    let per_payment = stats_json(&wd, &["--role", "agreed,offered", "--per", "payment"]);
    assert_eq!(per_payment["stats"]["n"], 4);
    assert_eq!(per_payment["stats"]["min"], 50.0);

    // The fee is `other`: counted only when asked for.
    let other = stats_json(&wd, &["--role", "other"]);
    assert_eq!(other["stats"]["n"], 1);
    assert_eq!(other["stats"]["sum"], 900.0);
    assert!(other["notes"][0]
        .as_str()
        .unwrap()
        .contains("whose role is other;"));
}

#[test]
fn stats_payments_notes_count_unstated_amounts_and_truncated_texts() {
    let wd = Workdir::new();
    role_set(&wd);
    let report = stats_json(&wd, &[]);
    assert_eq!(report["n_payment_amount_unstated"], 1);
    assert_eq!(report["n_truncated"], 1);
    let notes: Vec<&str> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes[0].starts_with("n counts decisions with a payment whose role is agreed;"),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.starts_with("1 of 4 decisions have an agreed payment with no stated amount")), "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("1 of 4 decisions have a text that looks truncated")),
        "{notes:?}"
    );

    // The table's notes, on stderr, say the same and name the roles.
    let run = wd.run(&["stats", "payments", "--role", "agreed,offered"]);
    run.expect_code(0);
    let stderr = run.stderr();
    assert!(
        stderr.contains("note: n counts decisions with a payment whose role is agreed or offered;"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: 1 of 4 decisions have an agreed payment with no stated amount"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: 1 of 4 decisions have a text that looks truncated"),
        "{stderr}"
    );

    // Both flags are fields a query can name, so the caveat can be followed up.
    let unstated = stats_json(&wd, &["payment_amount_unstated:true"]);
    assert_eq!(unstated["n_decisions"], 1);
    assert_eq!(unstated["n_payment_amount_unstated"], 1);
    let truncated = stats_json(&wd, &["truncated:true"]);
    assert_eq!(truncated["n_decisions"], 1);
    assert_eq!(truncated["stats"]["sum"], 400.0);
}

#[test]
fn stats_role_unknown_or_misplaced_exits_2_naming_the_flag() {
    let wd = Workdir::new();
    role_set(&wd);
    for args in [
        &["stats", "payments", "--role", "bogus"][..],
        &["stats", "payments", "--role", "agreed,"],
    ] {
        let run = wd.run(args);
        run.expect_code(2);
        let stderr = run.stderr();
        assert!(stderr.contains("--role: '"), "{}", run.describe());
        assert!(
            stderr.contains("(roles: agreed, accepted, offered, claimed, other, or all)"),
            "{}",
            run.describe()
        );
    }
    let run = wd.run(&["stats", "outcomes", "--role", "agreed"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("--role only applies to `stats payments`"),
        "{}",
        run.describe()
    );
}

#[test]
fn export_role_keeps_the_payment_rows_of_those_roles() {
    let wd = Workdir::new();
    role_set(&wd);
    let rows = |args: &[&str]| {
        let mut all = vec!["export", "--level", "payment", "--format", "jsonl"];
        all.extend_from_slice(args);
        let run = wd.run(&all);
        run.expect_code(0);
        run.json_lines()
    };
    // Agreed rows only by default, as in stats payments; `all` for every role.
    let agreed = rows(&[]);
    assert!(agreed.len() == 3 && agreed.iter().all(|r| r["role"] == "agreed"));
    let every = rows(&["--role", "all"]);
    let roles: Vec<(&str, f64)> = every
        .iter()
        .map(|r| (r["role"].as_str().unwrap(), r["amount"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [
            ("agreed", 300.0),
            ("offered", 50.0),
            ("agreed", 200.0),
            ("other", 900.0),
            ("agreed", 400.0)
        ]
    );
    // A lump sum has no period.
    assert!(every.iter().all(|r| r["period"].is_null()));
    let offered = rows(&["--role", "offered"]);
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0]["reference"], "23 000 002");
    assert_eq!(offered[0]["amount"], 50.0);
    let keys: Vec<&str> = offered[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "reference",
            "organisation",
            "category",
            "subcategory",
            "decision_date",
            "url",
            "amount",
            "role",
            "period",
            "purpose",
            "recipient",
            "section",
            "sentence"
        ]
    );
    assert_eq!(rows(&["--role", "agreed,offered"]).len(), 4);

    let run = wd.run(&["export", "--role", "agreed"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("--role selects payment rows: use it with --level payment"),
        "{}",
        run.describe()
    );
    let run = wd.run(&["export", "--level", "payment", "--role", "agreeed"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("--role: 'agreeed' is not a payment role"),
        "{}",
        run.describe()
    );
}

#[test]
fn export_decision_rows_carry_accepted_total_and_the_caveats() {
    let wd = Workdir::new();
    role_set(&wd);
    let run = wd.run(&["export", "--format", "csv"]);
    run.expect_code(0);
    let rows = run.csv();
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
    };
    // Right after agreed_total, and the caveats after remedies.
    assert_eq!(col("accepted_total"), col("agreed_total") + 1);
    assert_eq!(col("payment_amount_unstated"), col("remedies") + 1);
    assert_eq!(col("truncated"), col("remedies") + 2);
    let by_reference = |reference: &str| {
        rows.iter()
            .find(|r| r[col("reference")] == reference)
            .unwrap_or_else(|| panic!("no row {reference}"))
    };
    let gamma = by_reference("23 000 003");
    assert_eq!(gamma[col("agreed_total")], "0.0");
    assert_eq!(gamma[col("accepted_total")], "0.0");
    assert_eq!(gamma[col("remedies")], "payment");
    assert_eq!(gamma[col("payment_amount_unstated")], "true");
    assert_eq!(gamma[col("truncated")], "false");
    let delta = by_reference("23 000 004");
    assert_eq!(delta[col("agreed_total")], "400.0");
    assert_eq!(delta[col("payment_amount_unstated")], "false");
    assert_eq!(delta[col("truncated")], "true");
}
