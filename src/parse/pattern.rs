//! Building the extractors' regexes, once each.
//!
//! Decision text is full of `’` and `£`. A Unicode word boundary (`\b`) on
//! non-ASCII text, and Unicode word classes (`\w`) repeated inside bounded
//! gaps (`(?:\w+\s+){0,5}`), push the regex crate off its fast DFA onto its
//! slow engines. Every extractor pattern is therefore built with ASCII word
//! boundaries and ASCII word classes; English decision text loses nothing by it.

use regex::Regex;

/// Compiles a pattern whose `\b` and `\w` are ASCII. Panics only on an invalid
/// pattern, which is a bug caught by the unit tests.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(&ascii_words(pattern)).expect("valid regex")
}

/// `\b` -> `(?-u:\b)`; `\w` -> `[0-9A-Za-z_]` (or its ranges inside a class);
/// other escapes, including an escaped backslash, are left alone.
pub fn ascii_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if !in_class => out.push_str(r"(?-u:\b)"),
                Some('w') if in_class => out.push_str("0-9A-Za-z_"),
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_boundaries_become_ascii() {
        assert_eq!(
            ascii_words(r"\bpay\b \\b \w+ [\w'’]"),
            r"(?-u:\b)pay(?-u:\b) \\b [0-9A-Za-z_]+ [0-9A-Za-z_'’]"
        );
        assert!(regex(r"(?i)\bfault\b").is_match("Miss X’s fault."));
        assert!(!regex(r"\bfault\b").is_match("faults"));
        assert!(regex(r"(?i)\bwelcom\w*\s+(?:[\w'’]+\s+){0,4}?offer")
            .is_match("I welcome the Council’s offer"));
    }
}
