//! Asking whether a pattern matches each of many prefixes of one text
//! (`text[..len]` for growing `len`), in time linear in the text.
//!
//! Some readings ask, at each match of one pattern, whether another matches
//! the words before it (`is there a "should be" before this "within 28
//! days"?`). Searching each prefix afresh costs time quadratic in the text,
//! which a sentence repeating the phrase turns into minutes. Instead the text
//! is searched once for the earliest end of any match; a prefix then matches
//! when that end lies inside it, or when a match ends exactly at the prefix's
//! end, which a search anchored at the end answers by reading backwards only
//! as far as such a match could reach.

use regex::Regex;

use crate::parse::text::pattern::regex;

/// A pattern, and the same pattern anchored at the end of the text.
pub struct PrefixPattern {
    whole: Regex,
    at_end: Regex,
}

impl PrefixPattern {
    /// Compiles `pattern` with [`regex()`] (ASCII word boundaries), twice.
    pub fn new(pattern: &str) -> Self {
        PrefixPattern {
            whole: regex(pattern),
            at_end: regex(&format!("(?:{pattern})$")),
        }
    }

    /// The prefixes of `text`, ready to be asked about.
    pub fn prefixes<'p, 't>(&'p self, text: &'t str) -> Prefixes<'p, 't> {
        Prefixes {
            pattern: self,
            text,
            // The regex crate's forward search in "earliest" mode stops at the
            // first position where some match ends, which is the smallest end
            // of any match (`prefix_answers_are_the_prefix_searches` checks it).
            first_end: self.whole.shortest_match(text),
        }
    }
}

/// The prefixes of one text, for one [`PrefixPattern`].
pub struct Prefixes<'p, 't> {
    pattern: &'p PrefixPattern,
    text: &'t str,
    first_end: Option<usize>,
}

impl Prefixes<'_, '_> {
    /// Whether the pattern matches `text[..len]` (`len` a character boundary),
    /// as `regex.is_match(&text[..len])` would say.
    ///
    /// A match ending before `len` sees the same characters around it in the
    /// prefix as in the text, so it is one of the text's matches; one ending
    /// exactly at `len` may see the end of the prefix where the text goes on
    /// (`\b`), so it is looked for with the end-anchored pattern.
    pub fn matches(&self, len: usize) -> bool {
        let Some(prefix) = self.text.get(..len) else {
            return false;
        };
        self.first_end.is_some_and(|end| end < len) || self.pattern.at_end.is_match(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATTERNS: &[&str] = &[
        r"(?i)\b(?:remind\w*|ensur\w*|statutory|timescales?|should be|required to)\b",
        r"(?i)^(?:if|unless|when)\b|\b(?:may|might|could|if)\b",
        r"(?i)(?:\b(?:no|never)|{not})\s+(?:[\w'’]+\s+){0,3}?(?:at\s+)?fault\b|{not}\s+(?:enough|sufficient)\s+evidence",
    ];

    fn check(text: &str) {
        for pattern in PATTERNS {
            let p = PrefixPattern::new(pattern);
            let re = regex(pattern);
            let prefixes = p.prefixes(text);
            for len in (0..=text.len()).filter(|&l| text.is_char_boundary(l)) {
                assert_eq!(
                    prefixes.matches(len),
                    re.is_match(&text[..len]),
                    "{pattern} on {:?}",
                    &text[..len]
                );
            }
        }
    }

    #[test]
    fn prefix_answers_are_the_prefix_searches() {
        for text in [
            "",
            "Ensure it is done within 28 days",
            "reminders within 28 days; timescale",
            "timescales within 28 days",
            "It should be paid. If not, not at faulty fault",
            "not enough evidence of fault and not no fault",
            "may’s might couldn't",
        ] {
            check(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn prefix_answers_match_on_any_text(
            words in proptest::collection::vec(
                "(if|may|not|no|at|fault|faulty|enough|evidence|should|be|remind|ensure|timescale|timescales|within|28|days|n't|’|;| |  |\\.|X|é)",
                0..24,
            )
        ) {
            check(&words.join(""));
            check(&words.join(" "));
        }
    }
}
