//! The names a decision gives the body complained about.
//!
//! Most decisions are about a council, but the Ombudsman also decides
//! complaints about care providers and care homes, NHS trusts working with a
//! council, school admission authorities and other authorities. Every rule
//! that needs "the body" as a word writes `{body}`, which
//! [`regex`](crate::parse::text::pattern::regex) fills through [`with_body`], so a decision about a care home is read as one about a
//! council is, and a new name is added here once for every rule.

/// One name of the body, for case-insensitive patterns: `council(s)` (also
/// `county`, `district`, `borough`, `city`, `town` or `parish council`),
/// `(local) authority`, `authorities`, `(care) provider(s)`, `care home`,
/// `trust`, `school`, `agency`, `company`, `organisation(s)`, `partnership`.
/// Not `home` alone or `landlord`, which are as often the complainant's.
pub const BODY: &str = r"(?:(?:county\s+|district\s+|borough\s+|city\s+|town\s+|parish\s+)?councils?|(?:local\s+)?authority|authorities|(?:care\s+)?providers?|care\s+home|trust|school|agency|company|organisations?|partnership)";

/// A body named by its initials or an acronym (`TfL`, `APT`, `GMCA`): two or
/// more capitals in one word, matched case-sensitively even inside a
/// case-insensitive pattern, so `It` and `Mr` are not names.
pub const INITIALS: &str = r"(?-i:[A-Z][A-Za-z]*[A-Z][A-Za-z]*)";

/// Any capitalised word, matched case-sensitively even inside a
/// case-insensitive pattern: the cheap stand-in for a subject where the
/// words around it already say it is the body (`The Council could not
/// evidence that it`, `Trading Standards would not investigate`). It compiles
/// to a few states where [`BODY`] compiles to hundreds.
pub const NAME: &str = r"(?-i:[A-Z])[\w&'’-]*";

/// `pattern` with each `{body}` replaced by [`BODY`], each `{initials}` by
/// [`INITIALS`] and each `{name}` by [`NAME`] (none is regex syntax, so they
/// never stand for themselves).
pub fn with_body(pattern: &str) -> String {
    pattern
        .replace("{body}", BODY)
        .replace("{initials}", INITIALS)
        .replace("{name}", NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::text::pattern::regex;

    #[test]
    fn every_name_of_the_body_is_one_word_of_the_pattern() {
        let re = regex(r"(?i)^the\s+{body}\s+failed$");
        for body in [
            "Council",
            "council",
            "County Council",
            "District Council",
            "Borough Council",
            "City Council",
            "Town Council",
            "parish council",
            "Councils",
            "Authority",
            "local authority",
            "Care Provider",
            "provider",
            "Care Home",
            "Trust",
            "School",
            "Agency",
            "Company",
            "Organisation",
            "Partnership",
        ] {
            assert!(re.is_match(&format!("the {body} failed")), "{body}");
        }
        for other in ["Home", "Landlord", "Panel", "Ombudsman", "Councillor"] {
            assert!(!re.is_match(&format!("the {other} failed")), "{other}");
        }
    }

    #[test]
    fn initials_name_a_body_but_ordinary_capitalised_words_do_not() {
        let re = regex(r"(?i)^{initials}\s+failed$");
        for name in ["TfL", "APT", "GMCA", "NHS"] {
            assert!(re.is_match(&format!("{name} failed")), "{name}");
        }
        for other in ["It", "Mr", "Council", "tfl", "apt"] {
            assert!(!re.is_match(&format!("{other} failed")), "{other}");
        }
    }

    #[test]
    fn only_the_placeholder_is_replaced() {
        assert_eq!(with_body("a{body}b"), format!("a{BODY}b"));
        assert_eq!(with_body(r"body \w{0,2} {bod}"), r"body \w{0,2} {bod}");
    }
}
