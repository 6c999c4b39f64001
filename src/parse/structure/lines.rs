//! Raw text -> clean lines: website boilerplate removed, list markers split off.
//!
//! Scraped decision pages carry the site's cookie banner, `Back to top` links,
//! `Print this page`, the logo's alt text and a trailing "decision on behalf
//! of the Ombudsman" signature. None of it is the decision, so it is dropped
//! here, before anything else reads the text. The lines themselves are the
//! layout's, listed in [`lgsco`](super::lgsco).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::structure::lgsco::{FURNITURE, FURNITURE_PREFIXES, SIGNATURE_ENDINGS};

/// One non-empty line of a decision with its list marker taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// Leading spaces before the text or marker (nesting depth hint).
    pub indent: usize,
    /// Whether the line started with a paragraph number, bullet or letter.
    pub marked: bool,
    /// The text with marker and surrounding space removed: a slice of the
    /// decision's text, copied only where hard-wrapped lines are rejoined.
    pub text: Cow<'a, str>,
}

/// Whether a trimmed line is the signature: a short title of words, then one
/// of [`SIGNATURE_ENDINGS`]. Written out rather than as a regex because a
/// Unicode word boundary sends the regex crate to its slowest engine, and
/// this runs on every line.
fn is_signature(trimmed: &str) -> bool {
    let line = trimmed.strip_suffix('.').unwrap_or(trimmed);
    // Every ending ends in `ombudsman` or `ombudsmen`: most lines fail here.
    let last = line.as_bytes().rchunks(9).next().unwrap_or_default();
    if !(last.eq_ignore_ascii_case(b"ombudsman") || last.eq_ignore_ascii_case(b"ombudsmen")) {
        return false;
    }
    SIGNATURE_ENDINGS.iter().any(|ending| {
        let Some(split) = line.len().checked_sub(ending.len()) else {
            return false;
        };
        match (line.get(..split), line.get(split..)) {
            (Some(title), Some(tail)) => {
                tail.eq_ignore_ascii_case(ending) && is_signature_title(title)
            }
            _ => false,
        }
    })
}

/// At most 80 word characters, spaces and `,'’()-`, not ending inside a word.
fn is_signature_title(title: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    title.chars().count() <= 80
        && title.chars().all(|c| word(c) || " ,'’()-".contains(c))
        && !title.chars().next_back().is_some_and(word)
}

/// Paragraph numbers (`1.`), bullets (`-`, `•`, `*`, `–`, `·`, `▪`, `◦`), letters and
/// roman numerals (`a)`, `(a)`, `a.`, `(iv)`), followed by space or end of line.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}[.)]|[-•*–·▪◦]|\(?[a-z]\)|[a-z]\.|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))(?:\s+|$)")
        .expect("valid regex")
});

/// Whether a trimmed line is website furniture rather than decision text.
/// Runs on every line, so the cheap checks come first.
pub fn is_furniture(trimmed: &str) -> bool {
    // The first byte first: comparing whole lines and prefixes costs on
    // every line, and the first byte rules out almost all of them.
    let first = first_folded(trimmed);
    if trimmed.len() <= 40
        && FURNITURE
            .iter()
            .any(|f| first == f.bytes().next() && reads_as(trimmed, f))
    {
        return true;
    }
    let starts_with = |p: &str| {
        first == p.bytes().next()
            && trimmed
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if FURNITURE_PREFIXES.iter().any(|p| starts_with(p)) {
        return true;
    }
    is_signature(trimmed)
}

/// Whether `line` reads as `lower` (lowercase ASCII) but for case and a
/// curly apostrophe: what comparing `line.to_lowercase().replace('’', "'")`
/// with `lower` says, without allocating, as this runs on every short line
/// (furniture here, headings in `sections`).
pub fn reads_as(line: &str, lower: &str) -> bool {
    let mut want = lower.bytes();
    for c in line.chars() {
        match folded(c) {
            Some(b) if want.next() == Some(b) => {}
            _ => return false,
        }
    }
    want.next().is_none()
}

/// The first byte `line` must read as for [`reads_as`] to say yes to any
/// text (`None`: to none), to skip most candidates without comparing them.
pub fn first_folded(line: &str) -> Option<u8> {
    line.chars().next().and_then(folded)
}

/// A character as [`reads_as`] compares it: ASCII lowercased, `’` as `'`;
/// `None` for anything else, which reads as nothing.
fn folded(c: char) -> Option<u8> {
    let c = match c {
        '’' => '\'',
        // The Kelvin sign lowercases to an ASCII `k`.
        '\u{212A}' => 'k',
        c => c.to_ascii_lowercase(),
    };
    c.is_ascii().then_some(c as u8)
}

/// Takes every list marker off the front of a line (`1. • Text` and
/// `1. (a) Text` both give `Text`); says whether there was one.
fn strip_markers(trimmed: &str) -> (bool, &str) {
    let mut body = trimmed;
    let mut marked = false;
    // Each pass removes at least one character, so this ends.
    loop {
        let found = if may_have_marker(body) {
            marker_end(body)
        } else {
            None
        };
        match found {
            Some(end) => {
                body = body[end..].trim();
                marked = true;
            }
            None => break,
        }
    }
    (marked, body)
}

/// The roman numerals [`MARKER`] takes as list markers.
const ROMANS: &[&[u8]] = &[
    b"i", b"ii", b"iii", b"iv", b"v", b"vi", b"vii", b"viii", b"ix", b"x",
];

/// Where the list marker [`MARKER`] finds at the start of a trimmed line
/// ends (before the white space after it), read byte by byte: the regex
/// search cost more than the rest of line cleaning, and most lines are
/// numbered paragraphs. Only called where [`may_have_marker`] says yes. Where the regex's Unicode `\d` could read a digit
/// this does not, the regex decides.
fn marker_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // A marker never holds white space, so only one end can be followed by
    // it: the first candidate that is, is where the regex's marker ends.
    let spaced = |end: usize| {
        text.get(end..)
            .is_some_and(|rest| rest.chars().next().is_none_or(char::is_whitespace))
    };
    let first = text.chars().next()?;
    if matches!(first, '-' | '•' | '*' | '–' | '·' | '▪' | '◦') {
        return spaced(first.len_utf8()).then_some(first.len_utf8());
    }
    if first.is_ascii_digit() {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        return match bytes.get(digits) {
            Some(b'.' | b')') if digits <= 3 => spaced(digits + 1).then_some(digits + 1),
            Some(b) if !b.is_ascii() && digits < 3 => {
                MARKER.find(text).map(|m| m.as_str().trim_end().len())
            }
            _ => None,
        };
    }
    // `(a)`, `a)`, `a.`, `(iv)`, `iv)`: letters up to a `)` (or one and a `.`).
    let open = usize::from(first == '(');
    let letters = bytes[open..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    if letters == 0 {
        return None;
    }
    let close = open + letters;
    let candidates = [
        (letters == 1 && bytes.get(close) == Some(&b')')).then_some(close + 1),
        (open == 0 && letters == 1 && bytes.get(close) == Some(&b'.')).then_some(close + 1),
        (bytes.get(close) == Some(&b')') && ROMANS.contains(&&bytes[open..close]))
            .then_some(close + 1),
    ];
    candidates.into_iter().flatten().find(|&end| spaced(end))
}

/// Whether a line could start with a list marker (saves a regex search on
/// the many lines that plainly do not).
fn may_have_marker(trimmed: &str) -> bool {
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some(c), _)
            if c.is_ascii_digit() || matches!(c, '-' | '•' | '*' | '–' | '·' | '▪' | '◦' | '(') =>
        {
            true
        }
        (Some(c), Some(next)) if c.is_ascii_lowercase() => {
            matches!(next, '.' | ')' | 'i' | 'v' | 'x')
        }
        _ => false,
    }
}

/// The pieces of `text` between `\n`s, as `str::split('\n')` gives them,
/// found with the memchr crate's vectorised search (the standard library's
/// is several times slower, and every decision is split this way twice).
pub fn split_newlines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |end| {
            let end = end.unwrap_or(text.len());
            // `\n` is ASCII, so both ends are character boundaries.
            let piece = &text[start..end];
            start = end + 1;
            piece
        })
}

/// Splits text into clean lines: furniture dropped, markers split off, a bare
/// marker joined to the line after it, and hard-wrapped lines rejoined.
pub fn clean_lines(text: &str) -> Vec<Line<'_>> {
    // About one line per 64 bytes of decision text (blank lines included):
    // sized once instead of regrown; a wrong guess costs only a regrowth.
    let mut lines: Vec<Line> = Vec::with_capacity(text.len() / 64 + 1);
    let mut pending_marker: Option<usize> = None;
    // `trim_end` also drops the `\r` of a `\r\n` line ending.
    for raw in split_newlines(text) {
        let raw = raw.trim_end();
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || is_furniture(trimmed) {
            continue;
        }
        let indent = raw.len() - trimmed.len();
        let (marked, body) = strip_markers(trimmed);
        if body.is_empty() {
            // A marker alone on its line: its text is on the next line.
            pending_marker = Some(indent);
            continue;
        }
        if let Some(marker_indent) = pending_marker.take() {
            lines.push(Line {
                indent: marker_indent,
                marked: true,
                text: Cow::Borrowed(body),
            });
            continue;
        }
        if !marked && continues_previous(lines.last(), body) {
            let prev = lines.last_mut().expect("checked by continues_previous");
            let joined = prev.text.to_mut();
            joined.push(' ');
            joined.push_str(body);
            continue;
        }
        lines.push(Line {
            indent,
            marked,
            text: Cow::Borrowed(body),
        });
    }
    lines
}

/// A hard-wrapped paragraph: the previous line is long and stops mid-sentence,
/// and this one starts in lower case, with `£` or a digit, or with a capital
/// after a word no sentence or heading ends on (`the`, `to`, `Mrs`, `pay`: see
/// [`JOINING_WORDS`]). After a comma only a line in lower case runs on. Short
/// lines are headings or list items, and a line after one is never joined to
/// it; nor is a line opening with `(`, such as the citation under a list.
fn continues_previous(prev: Option<&Line<'_>>, body: &str) -> bool {
    let Some(prev) = prev else { return false };
    if prev.text.len() < 40 {
        return false;
    }
    let Some(first) = body.chars().next() else {
        return false;
    };
    if prev.text.ends_with(',') {
        // `to apologise,` / `pay a financial remedy`: a clause runs on.
        return first.is_lowercase();
    }
    let ends_open = !prev
        .text
        .ends_with(['.', ':', ';', '!', '?', '"', '”', ')']);
    if !ends_open {
        return false;
    }
    first.is_lowercase()
        || first == '£'
        || first.is_ascii_digit()
        || (first.is_uppercase() && ends_on_joining_word(&prev.text))
}

/// Words a sentence or heading does not end on, so a line ending on one
/// runs on into the next: articles, prepositions, conjunctions, titles
/// before a name, auxiliaries and the verbs of paying before an amount.
const JOINING_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "of",
    "and",
    "or",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "that",
    "this",
    "its",
    "her",
    "his",
    "their",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "mx",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "should",
    "not",
    "as",
    "than",
    "which",
    "who",
    "pay",
    "paid",
    "paying",
    "refund",
    "reimburse",
];

/// Whether `line` ends on one of [`JOINING_WORDS`] (any case).
fn ends_on_joining_word(line: &str) -> bool {
    // The text after the last character that is not a letter or digit: empty
    // when the line ends on punctuation.
    let last = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    JOINING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(lines: &'a [Line<'_>]) -> Vec<&'a str> {
        lines.iter().map(|l| l.text.as_ref()).collect()
    }

    #[test]
    fn furniture_is_dropped() {
        let text =
            "Privacy settings\n\nLGO logogram\nReview your privacy settings\nRequired cookies\n\
            These cookies enable the website to function properly. You can only...\n\
            We recommend you set these 'ON'.\nCouncil (23 002 683)\nBack to top\nPrint this page\n\
            Investigator's decision on behalf of the Ombudsman\n\
            Investigator’s final decision on behalf of the Ombudsman\n";
        assert_eq!(texts(&clean_lines(text)), vec!["Council (23 002 683)"]);
    }

    #[test]
    fn numbered_paragraphs_and_bullets_lose_their_markers() {
        let text = "  1. First para.\n    • A bullet.\n- Dash bullet.\n      2. Nested.\n(a) Letter.\nb) Other.\n";
        let lines = clean_lines(text);
        assert_eq!(
            texts(&lines),
            vec![
                "First para.",
                "A bullet.",
                "Dash bullet.",
                "Nested.",
                "Letter.",
                "Other."
            ]
        );
        assert!(lines.iter().all(|l| l.marked));
        assert_eq!(lines[0].indent, 2);
    }

    #[test]
    fn stacked_markers_all_go() {
        let lines = clean_lines("1. • Mr B complained.\n  2. (a) The Council delayed.\n");
        assert_eq!(
            texts(&lines),
            vec!["Mr B complained.", "The Council delayed."]
        );
    }

    #[test]
    fn bare_marker_joins_next_line() {
        let lines = clean_lines(
            "1. She said the Council:\n-\nwrongly refused transport;\n-\ndid not assess.\n",
        );
        assert_eq!(
            texts(&lines),
            vec![
                "She said the Council:",
                "wrongly refused transport;",
                "did not assess."
            ]
        );
        assert!(lines[1].marked);
    }

    #[test]
    fn hard_wrapped_lines_are_rejoined() {
        let lines = clean_lines(
            "In March 2023 the Council did not send the\nminutes to her.\nThe next paragraph.\n",
        );
        assert_eq!(
            texts(&lines),
            vec![
                "In March 2023 the Council did not send the minutes to her.",
                "The next paragraph."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_before_a_capital_an_amount_or_a_number_are_rejoined() {
        let lines = clean_lines(
            "Within one month of my final decision the Council should pay\n£300 to Mrs X for her distress and apologise to\nMrs X for the delay it caused in\n2023 when it considered the\nCouncil's own report.\nThe Council has accepted our recommendation to apologise,\npay a financial remedy to Mr X and review its procedures.\nThe next paragraph.\n",
        );
        assert_eq!(
            texts(&lines),
            vec![
                "Within one month of my final decision the Council should pay £300 to Mrs X for her distress and apologise to Mrs X for the delay it caused in 2023 when it considered the Council's own report.",
                "The Council has accepted our recommendation to apologise, pay a financial remedy to Mr X and review its procedures.",
                "The next paragraph."
            ]
        );
    }

    #[test]
    fn a_line_ending_on_a_full_word_before_a_capital_is_not_joined() {
        let text = "How I considered this complaint and what I have done about it\nI spoke to Mrs X.\nWe asked the Council for its records but it sent the wrong file\nThe Council later apologised.\nany injustice is not significant enough to justify our involvement, or\n(Local Government Act 1974, section 24A(6))\n";
        assert_eq!(
            texts(&clean_lines(text)),
            vec![
                "How I considered this complaint and what I have done about it",
                "I spoke to Mrs X.",
                "We asked the Council for its records but it sent the wrong file",
                "The Council later apologised.",
                "any injustice is not significant enough to justify our involvement, or",
                "(Local Government Act 1974, section 24A(6))"
            ]
        );
    }

    #[test]
    fn furniture_checks_do_not_cut_inside_a_character() {
        let line = "2. If we are satisfied with an organisation’s actions or proposed actions";
        assert!(!is_furniture(line));
        assert!(!is_furniture("These cookies enable the website’s"));
    }

    #[test]
    fn furniture_matches_whatever_the_case_and_apostrophe() {
        for line in [
            "BACK TO TOP",
            "Print This Page",
            "We recommend you set these ’ON’.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Back to top of page",
            "Back to to",
            "Bäck to top",
            "Print this",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn split_newlines_is_split_on_newline() {
        for text in ["", "\n", "a", "a\nb", "a\n\nb\n", "£1\r\n’x\n"] {
            assert_eq!(
                split_newlines(text).collect::<Vec<_>>(),
                text.split('\n').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn signature_lines_and_their_lookalikes() {
        for line in [
            "Final decision on behalf of the Ombudsman",
            "Investigator’s decision on behalf of the Ombudsman.",
            "Assistant Ombudsman (Adult Care) - decision on behalf of the Local Government and Social Care Ombudsman",
            "DECISION ON BEHALF OF THE OMBUDSMEN",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Redecision on behalf of the Ombudsman",
            "The decision on behalf of the Ombudsman was sent; she replied.",
            "Decision on behalf of the Ombudsman is due",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
        let long_title = format!("{} decision on behalf of the Ombudsman", "word ".repeat(17));
        assert!(!is_furniture(&long_title));
    }

    /// Where the marker regex says a marker ends: `strip_markers` trims what
    /// follows, so the white space it takes does not count.
    fn marker_end_by_regex(text: &str) -> Option<usize> {
        MARKER.find(text).map(|m| m.as_str().trim_end().len())
    }

    #[test]
    fn marker_end_agrees_with_the_marker_regex() {
        let lines = [
            "1. Text",
            "12) Text",
            "123. Text",
            "1234. Text",
            "1.5 million",
            "1.",
            "7)",
            "1.\u{a0}Nbsp",
            "1\u{663}. Arabic-Indic digit",
            "1’",
            "- Dash",
            "-Dash",
            "• Bullet",
            "–",
            "▪\tTab",
            "◦ x",
            "(a) Text",
            "(a)Text",
            "a) Text",
            "a. Text",
            "a.Text",
            "(iv) Text",
            "iv) Text",
            "(xi) Text",
            "xi) Text",
            "(viii)",
            "viii.",
            "i. Text",
            "i) Text",
            "ab) Text",
            "(ab) Text",
            "(a. Text",
            "(A) Text",
            "A. Text",
            "(",
            "a",
            "(i",
            "ii)) Text",
            "x)\u{3000}Ideographic space",
        ];
        for line in lines {
            assert_eq!(marker_end(line), marker_end_by_regex(line), "{line:?}");
        }
        for file in std::fs::read_dir("corpus").expect("corpus/") {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
            for line in text.lines().map(str::trim).filter(|l| may_have_marker(l)) {
                assert_eq!(marker_end(line), marker_end_by_regex(line), "{line:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn marker_end_agrees_on_any_line(line in r"[(]?[0-9\x{663}a-z•–-]{0,4}[.)]{0,2}[ \x{a0}a-z]{0,3}") {
            proptest::prop_assume!(may_have_marker(&line));
            proptest::prop_assert_eq!(marker_end(&line), marker_end_by_regex(&line));
        }
    }

    #[test]
    fn plain_sentences_are_not_markers() {
        let lines = clean_lines("A woman complains.\nI found fault.\n");
        assert_eq!(texts(&lines), vec!["A woman complains.", "I found fault."]);
        assert!(lines.iter().all(|l| !l.marked));
    }
}
