//! The proof that no prefilter hides a match: every regex listed in
//! `pattern::prefilters!` is run over every sentence of `corpus/`, of the
//! devset pages (when `../shared/devset` is there) and of generated text, and
//! the test fails, naming the pattern and the sentence, wherever the regex
//! matches a sentence that its prefilter ruled out.
//!
//! Some patterns are run on part of a sentence and anchored there (`...$` on
//! the words before an amount, `^...` on those after it). Here each is run
//! unanchored on the whole sentence: every match of the anchored pattern in a
//! part is a match of the unanchored one in the sentence, so the check is at
//! least as strict as the extractors' use. (A word glued to an amount starts a
//! word in the part but not in the sentence; the extractors do not trust the
//! prefilter there, see `payment::glued`.)

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;

use crate::parse::parse_structure;
use crate::parse::text::pattern::{ascii_words, guarded, Prefilter, ALL};
use crate::parse::text::sentences::Block;

/// One guarded regex, unanchored, with its name and prefilter.
struct Guarded {
    name: &'static str,
    regex: Regex,
    needs: Prefilter,
}

static GUARDED: LazyLock<Vec<Guarded>> = LazyLock::new(|| {
    guarded()
        .into_iter()
        .map(|(name, regex, needs)| Guarded {
            name,
            regex: unanchored(regex.as_str()),
            needs,
        })
        .collect()
});

/// `pattern` with its `^` and `$` (outside classes, unescaped) removed.
fn unanchored(pattern: &str) -> Regex {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // `[^` and `[]` start a class; they are not an anchor or its end.
                if let Some(&next @ ('^' | ']')) = chars.peek() {
                    out.push(next);
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '^' | '$' if !in_class => {}
            _ => out.push(c),
        }
    }
    Regex::new(&ascii_words(&out)).expect("an unanchored pattern is still valid")
}

/// Every sentence of `text` that some regex matches though its prefilter said
/// no, as `pattern: sentence` lines; `what` names the text.
fn hidden_matches(text: &str, what: &str) -> Vec<String> {
    let mut blocks = vec![Block::new(None, text)];
    let structured = parse_structure(what, text).ok();
    if let Some(d) = &structured {
        blocks.extend(d.summary.as_deref().map(|s| Block::new(None, s)));
        blocks.extend(d.sections.iter().map(|s| Block::new(Some(s.kind), &s.text)));
    }
    let mut found = Vec::new();
    for b in &blocks {
        for (i, s) in b.sentences().iter().enumerate() {
            for g in GUARDED.iter() {
                // Extractors ask the block (`has_any`) or the sentence (`has`).
                let said_no = !b.has_any(g.needs) || !b.has(i, g.needs);
                if said_no && g.regex.is_match(s.text) {
                    found.push(format!(
                        "{what}: {} matches {:?} but its prefilter {:?} said no",
                        g.name,
                        s.text,
                        g.needs.needs()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_prefilter_guards_a_listed_regex() {
    let listed = guarded();
    for p in ALL {
        assert!(
            listed.iter().any(|(_, _, n)| n.bit() == p.bit()),
            "prefilter {:?} guards no regex in `prefilters!`",
            p.needs()
        );
    }
}

#[test]
fn unanchoring_keeps_classes_and_escapes() {
    let re = unanchored(r"(?i)^[^.;£]{0,3}?\$x[$^]\bby\s+$|^a");
    assert_eq!(re.as_str(), r"(?i)[^.;£]{0,3}?\$x[$^](?-u:\b)by\s+|a");
}

#[test]
fn no_prefilter_hides_a_match_in_the_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files = 0;
    let mut hidden = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus/ is readable") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a corpus file is UTF-8");
            hidden.extend(hidden_matches(&text, &path.display().to_string()));
            files += 1;
        }
    }
    assert!(files >= 5, "only {files} corpus files");
    assert!(hidden.is_empty(), "{}", hidden.join("\n"));
}

#[test]
fn no_prefilter_hides_a_match_in_the_devset() {
    let Some(pages) = crate::parse::testing::devset_texts() else {
        return;
    };
    let mut hidden = Vec::new();
    let mut read = 0;
    for (n, text) in pages.iter().enumerate() {
        hidden.extend(hidden_matches(text, &format!("devset line {}", n + 1)));
        // The same page with its negations contracted (`did not` -> `didn't`).
        let short = crate::parse::extract::negation::contract_all(text);
        for (short, how) in [(short.replace('\'', "’"), "curly"), (short, "straight")] {
            hidden.extend(hidden_matches(
                &short,
                &format!("devset line {}, contracted ({how})", n + 1),
            ));
        }
        read += 1;
    }
    assert!(read > 400, "only {read} devset pages");
    assert!(hidden.is_empty(), "{}", hidden.join("\n"));
}

/// Words and phrases the guarded regexes look for, or that sit near them.
const FRAGMENTS: &[&str] = &[
    "we found delay",
    "we have found that there was avoidable delay",
    "the Ombudsman found fault",
    "uphold the complaint",
    "decided to uphold",
    "The Council failed to",
    "It took too long",
    "Council has accepted",
    "caused her injustice",
    "led to an injustice",
    "remedy the injustice",
    "injustice was caused",
    "no significant injustice",
    "did not cause injustice",
    "injustice is not",
    "will not investigate",
    "cannot investigate",
    "discontinued",
    "close the complaint",
    "closing our investigation",
    "outside our jurisdiction",
    "outside the Ombudsman’s remit",
    "premature",
    "ended my investigation",
    "not start an investigation into Mr X’s complaint",
    "no fault",
    "not at fault",
    "found no fault",
    "no maladministration",
    "not uphold",
    "no evidence of fault",
    "acted reasonably",
    "was entitled to",
    "agreed to pay",
    "agrees to apologise",
    "the Council will apologise",
    "it should refund",
    "make a payment",
    "to remedy this injustice",
    "suitable remedy for",
    "is a satisfactory remedy",
    "the Council has agreed",
    "We recommend",
    "recommend that the Council",
    "undertook",
    "should have",
    "would have",
    "if",
    "within one month",
    "within 28 days of my final decision",
    "10 working days",
    "a year",
    "say sorry",
    "pay",
    "pays",
    "payment",
    "refund",
    "reimburse",
    "compensate",
    "write off",
    "waive",
    "financial redress",
    "remind staff",
    "training",
    "guidance to its staff",
    "issue new guidance",
    "service improvements",
    "action plan",
    "prevent this happening again",
    "review its policy",
    "update its procedures",
    "complete the assessment",
    "carry out a review",
    "finalise",
    "arrange a review panel",
    "respond to the complaint",
    "consider her complaint",
    "issue a response",
    "reconsider",
    "re-assess",
    "fresh decision",
    "decide again",
    "make the decision again",
    "review the decision",
    "evidence it has complied",
    "provide us",
    "send us evidence",
    "confirm to us",
    "demonstrate that it has",
    "evidence of compliance",
    "is appropriate",
    "would be in line with",
    "will be sufficient",
    "a total of",
    "totalling",
    "in all",
    "combined",
    "at stage two",
    "in response to the complaint",
    "during the complaints process",
    "after adjudication",
    "refunded",
    "backdated",
    "back-date",
    "credit",
    "by",
    "going to",
    "propose",
    "accepted our recommendation",
    "for her distress",
    "injury to feelings",
    "avoidable harm",
    "time and trouble",
    "time, trouble",
    "time and effort",
    "trouble she was put to",
    "frustration",
    "uncertainty",
    "inconvenience",
    "loss of education",
    "lost opportunity",
    "missed two sessions",
    "lack of support",
    "without suitable education",
    "educational provision",
    "per month of missed",
    "out of pocket",
    "overpaid",
    "legal costs",
    "to cover the costs",
    "loss of income",
    "costs he paid",
    "decorating",
    "arrears",
    "symbolic",
    "token",
    "goodwill",
    "good will",
    "gesture",
    "in recognition of",
    "to acknowledge",
    "to reflect",
    "because of",
    "given",
    "due to",
    "as a result of",
    "and to reimburse",
    "; refund",
    ", also pay",
    "reduced the bill by",
    "reducing the charge by",
    "£300",
    "£1,250.50",
    "Mr X",
    "Miss X’s",
    "the Council",
    "the care provider",
    "didn't",
    "won’t",
    "can't",
    "wasn’t",
    "don't",
    "haven't",
    "shouldn’t",
    "that",
    "of",
    "and",
];

/// Ways a fragment may be spelled in a decision, or in a hostile file.
fn variant(fragment: &str, how: u8) -> String {
    match how {
        0 => fragment.to_string(),
        1 => fragment.to_uppercase(),
        2 => {
            let mut c = fragment.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        3 => fragment.replace('\'', "’"),
        4 => fragment.replace('s', "ſ"),
        5 => fragment.replace('k', "\u{212A}"),
        6 => format!("é{fragment}"),
        7 => format!("re{fragment}"),
        8 => format!("{fragment}s"),
        9 => fragment.replace(' ', "\u{a0}"),
        10 => fragment.replace(' ', "\n"),
        _ => fragment.replace(' ', "  "),
    }
}

/// Every prefilter word, alone, and every phrase.
fn pool() -> Vec<&'static str> {
    let words = ALL.iter().flat_map(|p| p.needs().iter().copied());
    words.chain(FRAGMENTS.iter().copied()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn no_prefilter_hides_a_match_in_generated_text(
        parts in prop::collection::vec(
            (any::<prop::sample::Index>(), 0u8..12, prop::sample::select(
                &[" ", " ", " ", ", ", ". ", "; ", "\n", "’", "-", " (", ") ", "_", "0"][..]
            )),
            1..14,
        )
    ) {
        let pool = pool();
        let text: String = parts
            .iter()
            .map(|(i, how, sep)| variant(pool[i.index(pool.len())], *how) + sep)
            .collect();
        let hidden = hidden_matches(&text, "generated text");
        prop_assert!(hidden.is_empty(), "{}", hidden.join("\n"));
    }
}
