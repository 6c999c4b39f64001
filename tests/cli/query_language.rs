//! `ombuds search` and its query language as researchers type it (issue 19):
//! every form of a word, exact phrases, prefixes, exclusions alone, the empty query, syntax errors
//! that say where, the count of matches, and amounts written as people write
//! them. Three decisions: one says "delayed", one "delays", one neither.

use std::collections::BTreeSet;

use crate::common::{decision_text, Workdir};

const DELAYED: &str = "24 000 001";
const DELAYS: &str = "24 000 002";
const NEITHER: &str = "24 000 003";

/// A decision by `org` agreeing to pay `pounds`, whose body says `body`.
fn decision(org: &str, reference: &str, pounds: &str, body: &str) -> String {
    let text = decision_text(
        org,
        reference,
        "Decision : Upheld\nDecision date : 05 Oct 2024",
        "Mr X complained about the Council. The Council has agreed to remedy the injustice.",
        body,
    );
    text.replace(
        "Final decision\n",
        &format!(
            "Agreed action\n\n  1. The Council will pay Mr X {pounds} for his distress.\n\nFinal decision\n"
        ),
    )
}

/// A work dir whose index holds the three decisions.
fn indexed() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "d/1.txt",
        decision(
            "Alpha Council",
            DELAYED,
            "£1,000",
            "The Council delayed the assessment of Mr X's needs.",
        ),
    );
    wd.write(
        "d/2.txt",
        decision(
            "Beta Council",
            DELAYS,
            "£250",
            "There were delays in the review of the care plan.",
        ),
    );
    wd.write(
        "d/3.txt",
        decision(
            "Gamma Council",
            NEITHER,
            "£5,000",
            "The Council failed to respond to letters about the placement.",
        ),
    );
    let dir = wd.path("d");
    wd.run(&["ingest", dir.to_str().unwrap()]).expect_code(0);
    wd
}

/// The references `search ARGS --format json` finds, after checking its
/// exit code.
fn found(wd: &Workdir, args: &[&str]) -> BTreeSet<String> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "jsonl"]);
    let run = wd.run(&all);
    if run.code() == 1 {
        assert!(run.stdout().is_empty(), "{}", run.describe());
        return BTreeSet::new();
    }
    run.expect_code(0);
    run.json_lines()
        .iter()
        .map(|hit| hit["reference"].as_str().unwrap().to_string())
        .collect()
}

fn set(references: &[&str]) -> BTreeSet<String> {
    references.iter().map(|r| r.to_string()).collect()
}

#[test]
fn search_finds_every_form_of_a_word() {
    let wd = indexed();
    assert_eq!(found(&wd, &["delays"]), set(&[DELAYED, DELAYS]));
    assert_eq!(found(&wd, &["delayed"]), set(&[DELAYED, DELAYS]));
    assert_eq!(found(&wd, &["delay"]), set(&[DELAYED, DELAYS]));
    // In the text and summary only: a name matches as written.
    assert_eq!(found(&wd, &["text:delays"]), set(&[DELAYED, DELAYS]));
    assert_eq!(
        found(&wd, &["summary:complain"]),
        set(&[DELAYED, DELAYS, NEITHER])
    );
    assert_eq!(found(&wd, &["organisation:councils"]), set(&[]));
    assert_eq!(found(&wd, &["zebras"]), set(&[]));
}

#[test]
fn search_quoted_phrase_matches_the_words_as_written() {
    let wd = indexed();
    assert_eq!(found(&wd, &["\"delayed the assessment\""]), set(&[DELAYED]));
    assert_eq!(found(&wd, &["\"delays the assessment\""]), set(&[]));
    // A quoted single word is exact too.
    assert_eq!(found(&wd, &["\"delays\""]), set(&[DELAYS]));
}

#[test]
fn search_highlights_the_word_as_written() {
    let wd = indexed();
    let run = wd.run(&["search", "delays", "--format", "jsonl"]);
    run.expect_code(0);
    let snippets: Vec<String> = run
        .json_lines()
        .iter()
        .map(|hit| hit["snippet"].as_str().unwrap().to_string())
        .collect();
    assert!(
        snippets.iter().any(|s| s.contains("<b>delayed</b>")),
        "{snippets:?}"
    );
    assert!(
        snippets.iter().any(|s| s.contains("<b>delays</b>")),
        "{snippets:?}"
    );
}

#[test]
fn search_prefix_finds_every_word_starting_with_it() {
    let wd = indexed();
    assert_eq!(found(&wd, &["delay*"]), set(&[DELAYED, DELAYS]));
    assert_eq!(found(&wd, &["plac*"]), set(&[NEITHER]));
    // A stem cut inside the prefix: "assessment" is indexed as `assess`.
    assert_eq!(found(&wd, &["assessmen*"]), set(&[DELAYED]));
    assert_eq!(found(&wd, &["organisation:gam*"]), set(&[NEITHER]));
    assert_eq!(found(&wd, &["zzz*"]), set(&[]));
}

#[test]
fn search_refuses_a_prefix_too_short_to_mean_anything() {
    let wd = indexed();
    let run = wd.run(&["search", "de*"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("the prefix 'de*' needs at least 3 letters before the *"),
        "{}",
        run.describe()
    );
}

#[test]
fn search_exclusions_alone_mean_every_decision_except_those() {
    let wd = indexed();
    assert_eq!(found(&wd, &["-delay"]), set(&[NEITHER]));
    assert_eq!(found(&wd, &["NOT delay"]), set(&[NEITHER]));
    assert_eq!(found(&wd, &["-delay*"]), set(&[NEITHER]));
    assert_eq!(found(&wd, &["-delay -placement"]), set(&[]));
    assert_eq!(found(&wd, &["council -(delay OR review)"]), set(&[NEITHER]));
}

#[test]
fn search_empty_or_missing_query_lists_every_decision() {
    let wd = indexed();
    let all = set(&[DELAYED, DELAYS, NEITHER]);
    assert_eq!(found(&wd, &[""]), all);
    assert_eq!(found(&wd, &[]), all);
    assert_eq!(
        found(&wd, &["--min-amount", "1k"]),
        set(&[DELAYED, NEITHER])
    );
}

#[test]
fn search_apostrophe_in_a_word_is_not_a_quote() {
    let wd = indexed();
    assert_eq!(found(&wd, &["X's needs"]), set(&[DELAYED]));
}

#[test]
fn search_syntax_error_says_what_is_wrong_and_where() {
    let wd = indexed();
    let run = wd.run(&["search", "\"time and trouble"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains(
            "unbalanced quote: the \" at character 1 is never closed (\"time and trouble)"
        ),
        "{}",
        run.describe()
    );
    let run = wd.run(&["search", "delay OR (care"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("unbalanced parenthesis: the ( at character 10 is never closed"),
        "{}",
        run.describe()
    );
}

#[test]
fn search_prints_the_count_on_stderr_in_every_format() {
    let wd = indexed();
    let run = wd.run(&["search", "council", "--limit", "2"]);
    run.expect_code(0);
    assert_eq!(run.stderr().trim(), "2 of 3 shown; --limit for more");
    for format in ["table", "csv", "json"] {
        let run = wd.run(&["search", "delays", "--format", format]);
        run.expect_code(0);
        assert_eq!(run.stderr().trim(), "2 decisions", "{}", run.describe());
        assert!(!run.stdout().contains("2 decisions"), "{}", run.describe());
    }
    let run = wd.run(&["search", "placement"]);
    run.expect_code(0);
    assert_eq!(run.stderr().trim(), "1 decision");
}

#[test]
fn search_count_prints_only_the_number() {
    let wd = indexed();
    let run = wd.run(&["search", "delays", "--count"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "2\n");
    let run = wd.run(&["search", "--count", "--max-amount", "£1,000"]);
    run.expect_code(0);
    assert_eq!(run.stdout(), "2\n");
    let run = wd.run(&["search", "zebra", "--count"]);
    run.expect_code(1);
    assert_eq!(run.stdout(), "0\n");
}

#[test]
fn search_amounts_read_as_people_write_them() {
    let wd = indexed();
    let plain = found(&wd, &["", "--min-amount", "1000"]);
    assert_eq!(plain, set(&[DELAYED, NEITHER]));
    for written in ["£1,000", "1k", "1,000", "£1000.00", "1.0K"] {
        assert_eq!(
            found(&wd, &["", "--min-amount", written]),
            plain,
            "{written}"
        );
    }
    assert_eq!(
        found(&wd, &["", "--min-amount", "£250", "--max-amount", "2.5k"]),
        set(&[DELAYED, DELAYS])
    );
    assert_eq!(found(&wd, &["", "--max-amount", "£249.99"]), set(&[]));
}

#[test]
fn search_bad_amount_names_the_flag_and_the_forms() {
    let wd = indexed();
    for (flag, bad) in [
        ("--min-amount", "£1,00"),
        ("--max-amount", "-5"),
        ("--max-amount", "lots"),
    ] {
        let run = wd.run(&["search", "", flag, bad]);
        run.expect_code(2);
        let message = format!(
            "{flag}: '{bad}' is not an amount of pounds (write it as 500, £500, 1,000, 1k, 2.5k or £1,234.50)"
        );
        assert!(run.stderr().contains(&message), "{}", run.describe());
    }
}
