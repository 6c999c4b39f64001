//! `stats --by year|quarter|month` and `stats --compare`: rows in time order
//! with empty periods as zero rows, and one set beside the rest with its
//! denominators, on seven decisions written here (2020, 2022, 2023 and one
//! undated; nothing in 2021).

use serde_json::Value;

use crate::common::Workdir;

/// A decision of `org` with a header (outcome, date) and agreed actions.
fn decision(org: &str, reference: &str, header: &str, actions: &[&str]) -> String {
    let actions: String = actions.iter().map(|a| format!("  1. {a}\n")).collect();
    format!(
        "{org} ({reference})\n\n{header}\n\nThe Ombudsman's final decision:\n\nSummary: Mr X complained about the Council.\n\nThe complaint\n\n  1. Mr X complained about the Council.\n\nAgreed action\n\n{actions}\nFinal decision\n\n  1. I have completed my investigation.\n"
    )
}

const NORFOLK: &str = "Norfolk County Council";

/// Organisation, reference, outcome, date and agreed payment.
type Fixture = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u32>,
);

const SET: [Fixture; 7] = [
    (
        NORFOLK,
        "19 000 001",
        "Upheld",
        Some("10 Mar 2020"),
        Some(300),
    ),
    (
        "Suffolk County Council",
        "20 000 002",
        "Not upheld",
        Some("02 Nov 2020"),
        None,
    ),
    (
        NORFOLK,
        "21 000 003",
        "Upheld",
        Some("20 May 2022"),
        Some(500),
    ),
    (
        "Essex County Council",
        "22 000 004",
        "Upheld",
        Some("15 Jan 2023"),
        Some(100),
    ),
    (
        "Essex County Council",
        "23 000 005",
        "Not upheld",
        Some("03 Oct 2023"),
        None,
    ),
    (
        NORFOLK,
        "23 000 006",
        "Closed after initial enquiries",
        Some("25 Oct 2023"),
        None,
    ),
    ("Kent County Council", "23 000 007", "Upheld", None, None),
];

fn indexed() -> Workdir {
    let wd = Workdir::new();
    for (i, (org, reference, outcome, date, paid)) in SET.iter().enumerate() {
        let mut header = format!("Category : Education > School transport\n\nDecision : {outcome}");
        if let Some(date) = date {
            header.push_str(&format!("\n\nDecision date : {date}"));
        }
        let action = match paid {
            Some(p) => format!("Within one month the Council will pay Mr X £{p} for distress."),
            None => "The Council will apologise to Mr X.".to_string(),
        };
        wd.write(
            &format!("set/{i}.txt"),
            decision(org, reference, &header, &[&action]),
        );
    }
    wd.run(&["ingest", wd.path("set").to_str().unwrap()])
        .expect_code(0);
    wd
}

fn stats(wd: &Workdir, args: &[&str]) -> Value {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all);
    run.expect_code(0);
    run.json()
}

/// Each group's value of `field` and its decisions.
fn periods(report: &Value, field: &str) -> Vec<(String, u64)> {
    report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let key = g["key"][field].as_str().expect("key").to_string();
            (key, g["n_decisions"].as_u64().expect("n"))
        })
        .collect()
}

fn owned(rows: &[(&str, u64)]) -> Vec<(String, u64)> {
    rows.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

#[test]
fn stats_by_year_rows_run_in_year_order_with_the_empty_year_as_zero() {
    let wd = indexed();
    let report = stats(&wd, &["outcomes", "--by", "year"]);
    // 2023 has the most decisions, yet the years run in time order; 2021
    // has none and is a zero row; the undated decision comes last.
    assert_eq!(
        periods(&report, "year"),
        owned(&[
            ("2020", 2),
            ("2021", 0),
            ("2022", 1),
            ("2023", 3),
            ("(none)", 1)
        ])
    );

    // The same order in CSV, where 2021 has a row of 0 decisions.
    let run = wd.run(&["stats", "outcomes", "--by", "year", "--format", "csv"]);
    run.expect_code(0);
    let csv = run.csv();
    let (year, n) = (0, 1);
    let mut years: Vec<&str> = csv[1..].iter().map(|r| r[year].as_str()).collect();
    years.dedup();
    assert_eq!(years, ["(all)", "2020", "2021", "2022", "2023", "(none)"]);
    let empty: Vec<&Vec<String>> = csv.iter().filter(|r| r[year] == "2021").collect();
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0][n], "0");
    assert_eq!(
        empty[0][csv[0].iter().position(|h| h == "count").unwrap()],
        "0"
    );

    // Payments: the empty year's figures are missing, not 0.
    let report = stats(&wd, &["payments", "--by", "year"]);
    let groups = report["groups"].as_array().expect("groups");
    let y2021 = &groups[1];
    assert_eq!(y2021["key"]["year"], "2021");
    assert_eq!(y2021["n_decisions"], 0);
    assert_eq!(y2021["stats"]["n"], 0);
    assert!(y2021["stats"]["median"].is_null());
    assert!(y2021["stats"]["share_with_payment"].is_null());
    assert_eq!(groups[2]["stats"]["median"], 500.0);
}

#[test]
fn stats_by_quarter_and_month_fill_every_period_between_first_and_last() {
    let wd = indexed();
    let quarters = periods(&stats(&wd, &["outcomes", "--by", "quarter"]), "quarter");
    // 2020-Q1 to 2023-Q4: 16 quarters, then the undated decision.
    assert_eq!(quarters.len(), 17);
    let shown: Vec<(String, u64)> = quarters.iter().filter(|q| q.1 > 0).cloned().collect();
    assert_eq!(
        shown,
        owned(&[
            ("2020-Q1", 1),
            ("2020-Q4", 1),
            ("2022-Q2", 1),
            ("2023-Q1", 1),
            ("2023-Q4", 2),
            ("(none)", 1)
        ])
    );
    assert_eq!(quarters[1], ("2020-Q2".to_string(), 0));

    let months = periods(&stats(&wd, &["outcomes", "--by", "month"]), "month");
    // March 2020 to October 2023 is 44 months.
    assert_eq!(months.len(), 44 + 1);
    assert_eq!(months[0], ("2020-03".to_string(), 1));
    assert_eq!(months[43], ("2023-10".to_string(), 2));
    let labels: Vec<&str> = months.iter().map(|m| m.0.as_str()).collect();
    let mut sorted = labels[..44].to_vec();
    sorted.sort_unstable();
    assert_eq!(labels[..44], sorted[..]);

    // A second key keeps its own order (decisions, then name) in a period.
    let report = stats(&wd, &["outcomes", "--by", "year,outcome"]);
    let rows: Vec<(String, String)> = report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let text = |k: &str| g["key"][k].as_str().unwrap_or("").to_string();
            (text("year"), text("outcome"))
        })
        .collect();
    let pair = |y: &str, o: &str| (y.to_string(), o.to_string());
    assert_eq!(
        rows[..4],
        [
            pair("2020", "Not upheld"),
            pair("2020", "Upheld"),
            pair("2021", ""),
            pair("2022", "Upheld")
        ]
    );
}

#[test]
fn stats_compare_puts_the_selection_beside_the_rest_with_denominators() {
    let wd = indexed();
    let run = wd.run(&[
        "stats",
        "outcomes",
        "--compare",
        "organisation=\"Norfolk County Council\"",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    let csv = run.csv();
    let col = |name: &str| {
        csv[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {:?}", csv[0]))
    };
    let row = |outcome: &str| {
        csv.iter()
            .find(|r| r[col("outcome")] == outcome)
            .unwrap_or_else(|| panic!("no row for {outcome}"))
    };
    // Norfolk: 3 decisions (2 upheld, 1 closed after initial enquiries);
    // the rest: 4 (2 upheld, 2 not upheld).
    let upheld = row("Upheld");
    assert_eq!(upheld[col("selected_n_decisions")], "3");
    assert_eq!(upheld[col("selected_count")], "2");
    assert_eq!(upheld[col("selected_share")], "0.667");
    assert_eq!(upheld[col("rest_n_decisions")], "4");
    assert_eq!(upheld[col("rest_count")], "2");
    assert_eq!(upheld[col("rest_share")], "0.500");
    // Upheld rate: 2 of 3 with an outcome, 2 of 2 investigated for
    // Norfolk; 2 of 4 both ways for the rest.
    assert_eq!(upheld[col("selected_upheld_rate_with_outcome")], "0.667");
    assert_eq!(upheld[col("selected_upheld_rate_investigated")], "1.000");
    assert_eq!(upheld[col("rest_upheld_rate_investigated")], "0.500");
    // A value only one side has is 0 on the other, with its denominator.
    let not_upheld = row("Not upheld");
    assert_eq!(not_upheld[col("selected_count")], "0");
    assert_eq!(not_upheld[col("selected_n_decisions")], "3");
    assert_eq!(not_upheld[col("rest_count")], "2");
    assert!(
        run.stderr().contains(
            "selected = organisation=\"Norfolk County Council\" (3 decisions); rest = the other 4"
        ),
        "{}",
        run.describe()
    );

    // Payments, as JSON: both sides and their denominators.
    let report = stats(
        &wd,
        &[
            "payments",
            "--compare",
            "organisation=Norfolk County Council",
        ],
    );
    assert_eq!(report["compare"]["filters"]["organisation"], NORFOLK);
    let (selected, rest) = (&report["selected"], &report["rest"]);
    assert_eq!(selected["n_decisions"], 3);
    assert_eq!(selected["stats"]["n"], 2);
    assert_eq!(selected["stats"]["median"], 400.0);
    assert_eq!(selected["stats"]["mean"], 400.0);
    assert_eq!(rest["n_decisions"], 4);
    assert_eq!(rest["stats"]["n"], 1);
    assert_eq!(rest["stats"]["median"], 100.0);
}

#[test]
fn stats_compare_by_year_and_with_a_query_split_each_period() {
    let wd = indexed();
    let run = wd.run(&[
        "stats",
        "payments",
        "--by",
        "year",
        "--compare",
        "organisation=Norfolk County Council",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    let csv = run.csv();
    assert_eq!(
        csv[0],
        [
            "year",
            "selected_n_decisions",
            "selected_n",
            "selected_median",
            "selected_mean",
            "rest_n_decisions",
            "rest_n",
            "rest_median",
            "rest_mean"
        ]
    );
    let years: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(years, ["(all)", "2020", "2021", "2022", "2023", "(none)"]);
    // 2020: Norfolk paid £300 in its one decision; Suffolk's had nothing,
    // so no median or mean: empty cells, as every CSV leaves a missing value.
    assert_eq!(
        csv[2][1..],
        ["1", "1", "300.00", "300.00", "1", "0", "", ""]
    );

    // A query selects too: decisions with an agreed total of £300 or more.
    let report = stats(&wd, &["outcomes", "--compare", "agreed_total:[300 TO *]"]);
    assert_eq!(report["selected"]["n_decisions"], 2);
    assert_eq!(report["rest"]["n_decisions"], 5);
    // --compare with nothing to compare is refused, naming the flag.
    let run = wd.run(&["stats", "outcomes", "--compare", "fault="]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("--compare: 'fault=' has no value"),
        "{}",
        run.describe()
    );
    // A field no decision has that value for is refused with the closest ones,
    // as the filter flag of the same name is.
    let run = wd.run(&["stats", "outcomes", "--compare", "organisation=Norfolk"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("--compare") && run.stderr().contains("did you mean"),
        "{}",
        run.describe()
    );
}

/// The text of every `<text>` element of an SVG.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_string())
        })
        .collect()
}

#[test]
fn stats_plot_by_year_draws_one_line_per_outcome_with_a_legend_and_whole_counts() {
    let wd = indexed();
    let plot = wd.path("outcomes.svg");
    wd.run(&[
        "stats",
        "outcomes",
        "--by",
        "year",
        "--plot",
        plot.to_str().unwrap(),
    ])
    .expect_code(0);
    let texts = svg_texts(&std::fs::read_to_string(&plot).expect("chart written"));
    // One series per outcome, named in the legend.
    for outcome in ["Upheld", "Not upheld", "Closed after initial enquiries"] {
        assert!(texts.iter().any(|t| t == outcome), "{outcome}: {texts:?}");
    }
    // Axis titles name what they show; the empty year is on the axis.
    for title in ["year", "decisions", "2021"] {
        assert!(texts.iter().any(|t| t == title), "{title}: {texts:?}");
    }
    assert!(!texts.iter().any(|t| t == "group"), "{texts:?}");
    // Count ticks are whole numbers.
    let ticks: Vec<&String> = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.len() <= 3)
        .collect();
    assert!(!ticks.is_empty(), "{texts:?}");
    assert!(ticks.iter().all(|t| t.parse::<u32>().is_ok()), "{ticks:?}");

    // Bars by a category key: its name titles the axis, ticks stay whole.
    let plot = wd.path("orgs.svg");
    wd.run(&[
        "stats",
        "outcomes",
        "--by",
        "organisation",
        "--plot",
        plot.to_str().unwrap(),
    ])
    .expect_code(0);
    let texts = svg_texts(&std::fs::read_to_string(&plot).expect("chart written"));
    assert!(texts.iter().any(|t| t == "organisation"), "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains('.') && t.starts_with(char::is_numeric)),
        "{texts:?}"
    );
}
