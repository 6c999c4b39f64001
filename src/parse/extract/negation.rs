//! How a rule writes "not".
//!
//! Decisions write a negation as a word (`did not find fault`, `will not
//! investigate`) or as a contraction (`didn't find fault`, `won't
//! investigate`, `can’t`), with a straight or a curly apostrophe. Every rule
//! that reads a negation writes `{not}`, which
//! [`regex`](crate::parse::text::pattern::regex) fills through [`with_not`],
//! so that a contracted decision reads as its spelled-out twin. A contraction
//! glues the negation to its verb, so a verb before `{not}` is followed by
//! `\s*`, not `\s+` (`did\s*{not}` is `did not` and `didn't`); `won't` and
//! `can't` are `wo{not}` and `ca{not}`.
//!
//! (`\b(?:not|n't)` cannot do this: there is no word boundary inside `didn't`.)

/// `not` as a word, or the `n't` that ends a contraction.
pub const NOT: &str = r"(?:\bnot|n['’]t)\b";

/// `pattern` with each `{not}` replaced by [`NOT`] (`{not}` is not regex
/// syntax, so it never stands for itself).
pub fn with_not(pattern: &str) -> String {
    pattern.replace("{not}", NOT)
}

/// Negations and their contractions, for [`contracted`].
#[cfg(test)]
const SPELLED: &[(&str, &str)] = &[
    ("will not", "won't"),
    ("cannot", "can't"),
    ("did not", "didn't"),
    ("does not", "doesn't"),
    ("do not", "don't"),
    ("was not", "wasn't"),
    ("is not", "isn't"),
    ("are not", "aren't"),
    ("were not", "weren't"),
    ("has not", "hasn't"),
    ("have not", "haven't"),
    ("should not", "shouldn't"),
    ("could not", "couldn't"),
];

/// The contracted forms of `text` (`did not` -> `didn't`, `will not` ->
/// `won't`, `cannot` -> `can't`), with a straight and with a curly
/// apostrophe, for tests that a contracted decision reads as the original.
/// Panics when `text` has no negation to contract, so that no such test
/// passes by comparing a text with itself.
#[cfg(test)]
pub(crate) fn contracted(text: &str) -> [String; 2] {
    let short = contract_all(text);
    assert_ne!(short, text, "no negation to contract in {text:?}");
    let curly = short.replace('\'', "\u{2019}");
    [short, curly]
}

/// `text` with every negation [`contracted`] knows contracted, with a
/// straight apostrophe (the same text when it has none).
#[cfg(test)]
pub(crate) fn contract_all(text: &str) -> String {
    let mut short = text.to_string();
    for (long, contraction) in SPELLED {
        short = short.replace(long, contraction);
        short = short.replace(&capitalised(long), &capitalised(contraction));
    }
    short
}

#[cfg(test)]
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::pattern::regex;

    #[test]
    fn a_negation_is_a_word_or_a_contraction_with_either_apostrophe() {
        let re = regex(r"(?i)^(?:did|do|was|ca|wo|will|could)\s*{not}\s+find$");
        for said in [
            "did not find",
            "didn't find",
            "didn’t find",
            "Don't find",
            "wasn’t find",
            "can't find",
            "won’t find",
            "will not find",
            "couldn't find",
        ] {
            assert!(re.is_match(said), "{said}");
        }
        for other in [
            "didnot find",
            "did nothing find",
            "did knot find",
            "don find",
        ] {
            assert!(!re.is_match(other), "{other}");
        }
    }

    #[test]
    fn contractions_of_both_apostrophes() {
        assert_eq!(
            contracted("We will not pay. It cannot. Did not."),
            [
                "We won't pay. It can't. Didn't.".to_string(),
                "We won\u{2019}t pay. It can\u{2019}t. Didn\u{2019}t.".to_string()
            ]
        );
    }

    #[test]
    #[should_panic(expected = "no negation")]
    fn a_text_with_nothing_to_contract_is_refused() {
        let _ = contracted("We found fault.");
    }

    #[test]
    fn only_the_placeholder_is_replaced() {
        assert_eq!(with_not("a{not}b"), format!("a{NOT}b"));
        assert_eq!(with_not(r"not \w{0,2} {no}"), r"not \w{0,2} {no}");
    }
}
