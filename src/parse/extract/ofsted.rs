//! Whether the decision says it will be shared with Ofsted.
//!
//! Children's services decisions say so in one sentence, usually under the
//! Ombudsman's role and powers: "we will share this decision with Ofsted", or
//! "... with the Office for Standards in Education, Children's Services and
//! Skills (Ofsted)". A sentence that says it will not is not a yes.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::text::pattern::{regex, regex_read_through};

use crate::parse::text::sentences::{Block, Literals};

/// A cheap literal test before the sharing pattern runs.
static MENTIONS_OFSTED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)ofsted|office for standards"));

/// [`MENTIONS_OFSTED`] as lowercase words, tested on the lowercased text:
/// the same answer unless the text has `ſ` or `K` (then the regex runs).
static OFSTED_WORDS: LazyLock<Literals> =
    LazyLock::new(|| Literals::new(&["ofsted", "office for standards"]));

static SHARED: LazyLock<Regex> = LazyLock::new(|| {
    regex_read_through(
        r"(?i)\b(?:share|shared|sharing|send|sent|copy|copied|provide|forward|pass)\w*\b.{0,80}?\bdecision\b.{0,120}?\b(?:ofsted|office\s+for\s+standards\s+in\s+education)",
    )
});
static DENIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?:\bnever|{not})\s+(?:\w+\s+)?(?:share|send|copy|provide|forward|pass)")
});

/// Whether any sentence says the decision is shared with Ofsted.
///
/// Most blocks never name Ofsted: one literal test of the lowercased block
/// skips all of their sentences.
pub fn shared_with_ofsted(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| {
        b.mentions(&OFSTED_WORDS)
            && b.sentences().iter().enumerate().any(|(i, s)| {
                b.has_words(i, &OFSTED_WORDS, &MENTIONS_OFSTED) && says_shared(s.text)
            })
    })
}

/// Whether a sentence that mentions Ofsted says the decision is shared with it.
fn says_shared(sentence: &str) -> bool {
    SHARED.is_match(sentence) && !DENIED.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::decision::SectionKind;

    fn shared(text: &str) -> bool {
        shared_with_ofsted(&[Block::new(Some(SectionKind::RoleAndPowers), text)])
    }

    #[test]
    fn both_phrasings() {
        assert!(shared("Under the information sharing agreement between the Local Government and Social Care Ombudsman and the Office for Standards in Education, Children’s Services and Skills (Ofsted), we will share this decision with Ofsted."));
        assert!(shared("Under our information sharing agreement, we will share this decision with the Office for Standards in Education, Children’s Services and Skills (Ofsted)."));
        assert!(shared("We will send a copy of this decision to Ofsted."));
    }

    #[test]
    fn absent_or_denied() {
        assert!(!shared(
            "We will share this decision with the Care Quality Commission."
        ));
        assert!(!shared("We will not share this decision with Ofsted."));
        for short in crate::parse::extract::negation::contracted(
            "We will not share this decision with Ofsted.",
        ) {
            assert!(!shared(&short), "{short}");
        }
        assert!(!shared("Ofsted inspected the school in 2019."));
        assert!(!shared(""));
    }
}
