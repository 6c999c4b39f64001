//! Case references: `23 002 683`, `23-002-683`, `23002683`, `17 002 402b`
//! (the shape is the layout's, from [`lgsco`](super::lgsco)) in one canonical
//! form.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::structure::lgsco::{REFERENCE_BYTES, REFERENCE_PATTERN};

/// The layout's reference shape, four groups: the three numbers and the suffix.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(REFERENCE_PATTERN).expect("valid regex"));

/// The canonical form `YY NNN NNN` (with a lowercase suffix letter where
/// present) of a reference written with spaces, hyphens or nothing between
/// the groups; `None` when the text is not a reference.
pub fn canonical_reference(text: &str) -> Option<String> {
    let text = text.trim();
    // A length a reference can have, starting with a digit: a cheap test
    // before the regex.
    if !REFERENCE_BYTES.contains(&text.len()) || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let caps = REFERENCE.captures(text)?;
    let mut out = format!("{} {} {}", &caps[1], &caps[2], &caps[3]);
    if let Some(suffix) = caps.get(4) {
        out.push_str(&suffix.as_str().to_lowercase());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_written_forms_are_canonicalised() {
        assert_eq!(
            canonical_reference("23 002 683").as_deref(),
            Some("23 002 683")
        );
        assert_eq!(
            canonical_reference("23-002-683").as_deref(),
            Some("23 002 683")
        );
        assert_eq!(
            canonical_reference("23002683").as_deref(),
            Some("23 002 683")
        );
        assert_eq!(
            canonical_reference(" 17 002 402B ").as_deref(),
            Some("17 002 402b")
        );
    }

    #[test]
    fn non_references_are_rejected() {
        assert_eq!(canonical_reference("2300268"), None);
        assert_eq!(canonical_reference("23 002 6833"), None);
        assert_eq!(canonical_reference("Council"), None);
        assert_eq!(canonical_reference(""), None);
    }
}
