//! Property tests for `parse_decision`: no input makes it panic, and every
//! decision it returns is internally consistent (totals add up, references
//! and dates are canonical, section text has lost its list markers, and the
//! JSON form reads back to the same record).
//!
//! Two kinds of input: token soup (arbitrary unicode mixed with the pieces
//! the parser looks for: `£`, digits, bullets, headings, header lines) and the
//! five sample decisions in `corpus/` with lines shuffled, deleted,
//! duplicated, typed into and cut off. Case counts keep a debug `cargo test`
//! short; set `PROPTEST_CASES` to run more.

use std::sync::LazyLock;

use ombuds::parse::{iso_text, parse_decision, Decision, ISO_DATE};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use regex::Regex;

/// The sample decisions, as the mutations' starting points.
const SAMPLES: &[&str] = &[
    include_str!("../../corpus/000_23011206abbaafad.txt"),
    include_str!("../../corpus/001_f8ef0f724d4f740d.txt"),
    include_str!("../../corpus/002_b4fdc07b486f5ef2.txt"),
    include_str!("../../corpus/003_7a15729cfbed10ad.txt"),
    include_str!("../../corpus/004_447a811342a9528e.txt"),
];

/// Pieces of text the parser reacts to: money, list markers, headings,
/// header lines, deadline and remedy wording, and a few awkward characters.
/// The amounts stay below the pair that overflows the agreed total (see
/// `props_huge_agreed_amounts_do_not_overflow`) so the default run passes.
/// Grouped by line: money, wording, markers, headings, header, characters.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "£", "£300", "£1,500.50", "£1.2m", "£2.5k", "£ 75", "£9,000,000,000,000",
    "£99999999999999999", "GBP 20", "250 pounds", "five hundred pounds", "between £100 and £300",
    "pay", "paid", "payment of", "a total of", "per week", "Miss X", "Mr and Mrs L", "the Council",
    "apologise", "fault", "injustice", "Ofsted", "within 20 working days",
    "within one month of my final decision",
    "\n", "\n\n", "• ", "- ", "  1. ", "1.", "-", "(a) ", "(iv) ", "b) ",
    "The complaint\n", "Agreed action\n", "My findings\n", "Final decision\n", "What I found\n",
    "Summary:", "Summary: ", "The Ombudsman's final decision:\n", "Back to top\n",
    "decision on behalf of the Ombudsman\n",
    "Category : Planning > Enforcement\n", "Decision : Upheld\n",
    "Decision date : 05 Oct 2023\n", "Decision date : 31 Feb 2023\n",
    ":", ".", ",", " ", "0", "9", "42", "٣", "’", "é", "\u{0}", "\r\n", "\t", "\u{a0}", "\u{200b}",
];

/// A list marker at the start of a line of section text (digits and bullets;
/// the parser's own set of bullet characters).
static LEADING_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[0-9]{1,3}[.)]|[-•*–·▪◦])(?:\s|$)").expect("valid regex"));
/// The parser's list-marker set (`lines.rs`), to see what one strip leaves.
static ANY_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}[.)]|[-•*–·▪◦]|\(?[a-z]\)|[a-z]\.|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))(?:\s+|$)")
        .expect("valid regex")
});
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{2} [0-9]{3} [0-9]{3}[a-z]?$").expect("valid regex"));

/// Generated cases per property: `PROPTEST_CASES` when set, else `default`.
fn config(default: u32) -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            default
        },
        // Found failures become named tests below, not files beside this one.
        failure_persistence: None,
        ..base
    }
}

/// Text a generator types in: a parser fragment, printable unicode, or any string.
fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

/// A title line the header reader accepts, or none.
fn title_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Cornwall Council (24 012 183)\n".to_string()),
        "[0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{3}[A-Za-z]?\n",
        "\\PC{0,20} \\([0-9]{2} [0-9]{3} [0-9]{3}\\)\n",
    ]
}

/// One change to a sample's lines.
#[derive(Debug, Clone)]
enum Mutation {
    /// Reorder `keys.len()` lines from `at` by sorting them on `keys`.
    Shuffle { at: Index, keys: Vec<u8> },
    /// Remove `len` lines from `at`.
    Delete { at: Index, len: usize },
    /// Copy `len` lines from `from` to before `to`.
    Duplicate { from: Index, len: usize, to: Index },
    /// Put `text` into line `line` before its `at`th character.
    Insert {
        line: Index,
        at: Index,
        text: String,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), prop::collection::vec(any::<u8>(), 2..8))
            .prop_map(|(at, keys)| Mutation::Shuffle { at, keys }),
        1 => (any::<Index>(), 1..6usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<Index>(), 1..4usize, any::<Index>())
            .prop_map(|(from, len, to)| Mutation::Duplicate { from, len, to }),
        2 => (any::<Index>(), any::<Index>(), typed_text())
            .prop_map(|(line, at, text)| Mutation::Insert { line, at, text }),
    ]
}

impl Mutation {
    fn apply(&self, lines: &mut Vec<String>) {
        if lines.is_empty() {
            return;
        }
        match self {
            Mutation::Shuffle { at, keys } => {
                let start = at.index(lines.len());
                let end = (start + keys.len()).min(lines.len());
                let mut window: Vec<(u8, String)> =
                    keys.iter().copied().zip(lines.drain(start..end)).collect();
                window.sort_by_key(|(k, _)| *k);
                lines.splice(start..start, window.into_iter().map(|(_, l)| l));
            }
            Mutation::Delete { at, len } => {
                let start = at.index(lines.len());
                let end = (start + len).min(lines.len());
                lines.drain(start..end);
            }
            Mutation::Duplicate { from, len, to } => {
                let start = from.index(lines.len());
                let copy = lines[start..(start + len).min(lines.len())].to_vec();
                let to = to.index(lines.len() + 1);
                lines.splice(to..to, copy);
            }
            Mutation::Insert { line, at, text } => {
                let n = line.index(lines.len());
                let line = &mut lines[n];
                let chars = line.chars().count();
                let byte = line
                    .char_indices()
                    .nth(at.index(chars + 1))
                    .map_or(line.len(), |(i, _)| i);
                line.insert_str(byte, text);
            }
        }
    }
}

/// A sample with `mutations` applied, cut at the `cut`th character if given.
fn mutated(sample: &str, mutations: &[Mutation], cut: Option<Index>) -> String {
    let mut lines: Vec<String> = sample.lines().map(str::to_string).collect();
    for m in mutations {
        m.apply(&mut lines);
    }
    let mut text = lines.join("\n");
    if let Some(cut) = cut {
        let at = cut.index(text.chars().count() + 1);
        let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
        text.truncate(byte);
    }
    text
}

/// Every invariant a returned `Decision` must hold.
fn check_consistent(d: &Decision, source: &str, input: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&d.source, source);
    prop_assert!(
        REFERENCE.is_match(&d.reference),
        "reference {:?}",
        d.reference
    );
    if let Some(date) = d.decision_date {
        // A `Date` is a real day; what the JSON writes must read back as it.
        let text = iso_text(date);
        let ok = text.len() == 10 && time::Date::parse(&text, ISO_DATE) == Ok(date);
        prop_assert!(ok, "decision_date {:?} is written {:?}", date, text);
    }
    for p in &d.payments {
        prop_assert!(
            p.amount.is_finite() && p.amount >= 0.0,
            "amount {}",
            p.amount
        );
        prop_assert!(!p.sentence.is_empty(), "empty sentence for {:?}", p);
    }
    // The total is summed in whole pence, so for amounts beyond f64's exact
    // pence range (~£9e13) allow the float sum its rounding error too.
    let sum: f64 = d.agreed_payments().map(|p| p.amount).sum();
    let tolerance = 1e-6_f64.max(sum.abs() * 1e-12);
    prop_assert!(
        (d.agreed_total - sum).abs() <= tolerance,
        "agreed_total {} but agreed payments sum to {}",
        d.agreed_total,
        sum
    );
    for s in &d.sections {
        for line in s.text.split('\n') {
            prop_assert!(
                !LEADING_MARKER.is_match(line) || under_stacked_marker(input, line),
                "list marker left in {} section line {:?}",
                s.kind,
                line
            );
        }
    }
    let mut remedies = d.remedies.clone();
    remedies.sort();
    remedies.dedup();
    prop_assert_eq!(remedies.len(), d.remedies.len(), "duplicate remedies");
    if let Some(days) = d.deadline_days {
        prop_assert!(days > 0, "deadline of 0 days");
    }
    let json = serde_json::to_string(d).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Decision =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, d, "JSON round trip changed the decision");
    Ok(())
}

/// Whether some input line is `line` (or its start) behind a second list
/// marker, as in `1. • Text`: the parser strips one marker per line, so
/// the inner one stays (see `props_stacked_markers_are_all_removed`).
fn under_stacked_marker(input: &str, line: &str) -> bool {
    input.lines().any(|raw| {
        let raw = raw.trim();
        ANY_MARKER.find(raw).is_some_and(|m| {
            let inner = raw[m.end()..].trim();
            !inner.is_empty() && line.starts_with(inner)
        })
    })
}

/// Parses `text` and checks the record when there is one. With
/// `must_parse` (the text starts with a title line the reader accepts), a
/// refusal fails the case: otherwise a parser that refused everything would
/// pass every property without checking anything.
fn parse_and_check(text: &str, must_parse: bool) -> Result<(), TestCaseError> {
    match parse_decision("prop.txt", text) {
        Ok(d) => check_consistent(&d, "prop.txt", text),
        Err(e) => {
            prop_assert!(!e.0.is_empty(), "empty NotADecision reason");
            prop_assert!(!must_parse, "refused a text with a title line: {}", e.0);
            Ok(())
        }
    }
}

/// Whether `text` still opens with `sample`'s title line, untouched. A
/// decision is refused only when no title line is found near the top, and a
/// title line (it ends with `)`) never has the next line joined onto it, so
/// such a text must parse whatever the mutations did to the rest.
fn keeps_title(sample: &str, text: &str) -> bool {
    sample.lines().next() == text.lines().next()
}

#[test]
fn props_samples_are_consistent() {
    for sample in SAMPLES {
        let d = parse_decision("prop.txt", sample).expect("a sample is a decision");
        check_consistent(&d, "prop.txt", "").unwrap();
    }
}

/// Section text promises "numbering and bullets removed", but only the first
/// of two stacked markers goes.
#[test]
fn props_stacked_markers_are_all_removed() {
    let text = "Cornwall Council (24 012 183)\nThe complaint\n1. • Mr B complained.\n";
    let d = parse_decision("prop.txt", text).expect("a decision");
    assert_eq!(d.sections[0].text, "Mr B complained.");
}

/// Two agreed amounts whose pence overflow i64 when summed.
#[test]
fn props_huge_agreed_amounts_do_not_overflow() {
    let text = "Cornwall Council (24 012 183)\nAgreed action\n\
        1. The Council will pay Mr B £90000000000000000 for his distress.\n\
        2. The Council will pay Mr B £90000000000000000 for his time and trouble.\n";
    let d = parse_decision("prop.txt", text).expect("a decision");
    check_consistent(&d, "prop.txt", text).unwrap();
}

/// `\d` in the reference regexes is Unicode-aware, so other scripts' digits
/// become a "canonical" reference that never matches a search for `23 002 683`.
#[test]
fn props_reference_digits_are_ascii() {
    let text = "Cornwall Council (٢٣ ٠٠٢ ٦٨٣)\nThe complaint\nMr B complained.\n";
    // Not a case reference at all, so not a decision (rather than one with
    // a reference nobody can search for).
    let refused = parse_decision("prop.txt", text).expect_err("no ASCII reference");
    assert!(refused.0.contains("no title line"), "{}", refused.0);
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn props_arbitrary_text_never_panics(text in any::<String>()) {
        parse_and_check(&text, false)?;
    }

    #[test]
    fn props_token_soup_is_consistent(
        title in title_line(),
        tokens in prop::collection::vec(typed_text(), 0..60),
    ) {
        // The fixed title line is one the reader accepts; the generated
        // ones may not be (a generated organisation can end in anything).
        let must_parse = title == "Cornwall Council (24 012 183)\n";
        parse_and_check(&format!("{title}{}", tokens.concat()), must_parse)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn props_mutated_samples_are_consistent(
        sample in proptest::sample::select(SAMPLES),
        mutations in prop::collection::vec(mutation(), 1..8),
        cut in proptest::option::weighted(0.2, any::<Index>()),
    ) {
        let text = mutated(sample, &mutations, cut);
        parse_and_check(&text, keeps_title(sample, &text))?;
    }
}
