//! The alias a decision uses for the complainant (`Miss X`, `Mr and Mrs L`).

use std::sync::LazyLock;

use regex::Regex;

static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(Mr and Mrs|Mr & Mrs|Mrs|Mr|Miss|Ms|Mx|Dr)\s+([A-Z])|(Mr and Mrs|Mr & Mrs)\s+([A-Z])\s+and\s+[A-Z])\b")
        .expect("valid regex")
});

/// The first alias of the form title + single capital letter in `text`.
pub fn complainant(text: &str) -> Option<String> {
    let caps = ALIAS.captures(text)?;
    let title = caps
        .get(1)
        .or(caps.get(3))?
        .as_str()
        .replace(" & ", " and ");
    let letter = caps.get(2).or(caps.get(4))?.as_str();
    Some(format!("{title} {letter}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_aliases() {
        assert_eq!(
            complainant("Summary: Miss X complained the Council").as_deref(),
            Some("Miss X")
        );
        assert_eq!(
            complainant("Mr and Mrs L say the Council").as_deref(),
            Some("Mr and Mrs L")
        );
        assert_eq!(
            complainant("Mr & Mrs W complained").as_deref(),
            Some("Mr and Mrs W")
        );
        assert_eq!(
            complainant("The complainant, whom I shall call Mr Y, complains").as_deref(),
            Some("Mr Y")
        );
    }

    #[test]
    fn first_alias_wins() {
        assert_eq!(
            complainant("Ms Z complains on behalf of Mr X that").as_deref(),
            Some("Ms Z")
        );
    }

    #[test]
    fn names_and_absent_aliases_are_not_aliases() {
        assert_eq!(complainant("A woman complains the council refused."), None);
        assert_eq!(complainant("Mr Smith complained."), None);
    }
}
