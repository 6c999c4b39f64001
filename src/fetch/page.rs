//! Checking that a downloaded page is the decision its link promised: its
//! title must carry the reference read from the URL. The title is the first
//! heading inside `<article id="article">` (the decision's container on
//! every layout the website has used), or the article's first line when it
//! has no heading; on a page without that article, the first `<h1>`, else
//! the `<title>`. The page is otherwise saved as it came: reading it is the
//! parser's job.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use crate::parse::canonical_reference;

/// A reference written in a title, `24 011 791` or `24-011-791a`.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{2}[\s-]?[0-9]{3}[\s-]?[0-9]{3}[A-Za-z]?)\b").expect("valid regex")
});

static ARTICLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("article#article").expect("valid selector"));
static ARTICLE_HEADING: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("h1, h2, h3").expect("valid selector"));
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid selector"));
static TITLE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("title").expect("valid selector"));

/// A page that is not the decision expected.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// No title, or no reference in it.
    #[error(
        "page has no decision reference: expected \"{expected}\" in its title, found {title:?}"
    )]
    NoReference {
        /// The reference the link promised.
        expected: String,
        /// The title read (empty when there was none).
        title: String,
    },
    /// The title names another decision.
    #[error("page is decision {found}, not {expected} as its URL says")]
    OtherReference {
        /// The reference the link promised.
        expected: String,
        /// The reference in the title.
        found: String,
    },
}

/// Checks that the page's title carries `reference` (canonical form).
pub fn check_decision_page(html: &str, reference: &str) -> Result<(), PageError> {
    let document = Html::parse_document(html);
    let title = title(&document);
    let found: Vec<String> = REFERENCE
        .find_iter(&title)
        .filter_map(|m| canonical_reference(m.as_str()))
        .collect();
    // A title may leave off the suffix letter the URL carries (`24 011 791`
    // for `24-011-791a`): the digits are what identify the case.
    let digits = reference.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if found.iter().any(|f| f == reference || f == digits) {
        return Ok(());
    }
    match found.into_iter().next() {
        Some(found) => Err(PageError::OtherReference {
            expected: reference.to_string(),
            found,
        }),
        None => Err(PageError::NoReference {
            expected: reference.to_string(),
            title: title.chars().take(200).collect(),
        }),
    }
}

/// The page's title text, whitespace collapsed (see the module doc).
fn title(document: &Html) -> String {
    let text = match document.select(&ARTICLE).next() {
        Some(article) => match article.select(&ARTICLE_HEADING).next() {
            Some(heading) => text_of(heading),
            None => article
                .text()
                .map(str::trim)
                .find(|t| !t.is_empty())
                .unwrap_or_default()
                .to_string(),
        },
        None => document
            .select(&H1)
            .next()
            .or_else(|| document.select(&TITLE).next())
            .map(text_of)
            .unwrap_or_default(),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_is_read_from_the_article_heading() {
        let html = r#"<html><head><title>Decision | LGSCO</title></head><body>
            <h1>Decisions</h1>
            <article id="article"><h1>Kent County Council
              (24 011 791)</h1><p>The complaint</p></article></body></html>"#;
        assert_eq!(check_decision_page(html, "24 011 791"), Ok(()));
        assert!(matches!(
            check_decision_page(html, "24 011 792"),
            Err(PageError::OtherReference { found, .. }) if found == "24 011 791"
        ));
    }

    #[test]
    fn without_the_article_the_h1_or_title_is_read() {
        let h1 = "<html><body><h1>Org (16-001-002)</h1></body></html>";
        assert_eq!(check_decision_page(h1, "16 001 002"), Ok(()));
        let title = "<html><head><title>Org (16 001 002A)</title></head></html>";
        assert_eq!(check_decision_page(title, "16 001 002a"), Ok(()));
        assert_eq!(
            check_decision_page(title, "16 001 002"),
            Err(PageError::OtherReference {
                expected: "16 001 002".into(),
                found: "16 001 002a".into()
            })
        );
    }

    #[test]
    fn a_title_may_leave_off_the_suffix_letter() {
        let html = r#"<article id="article"><h1>Org (24 011 791)</h1></article>"#;
        assert_eq!(check_decision_page(html, "24 011 791a"), Ok(()));
    }

    #[test]
    fn a_reference_only_in_the_body_does_not_count() {
        let html = r#"<html><head><title>Page not found</title></head><body>
            <article id="article"><h1>Sorry, this page has moved</h1>
            <p>See decision 24 011 791.</p></article></body></html>"#;
        let error = check_decision_page(html, "24 011 791").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("page has no decision reference"),
            "{error}"
        );
        assert!(
            error.to_string().contains("Sorry, this page has moved"),
            "{error}"
        );
    }

    #[test]
    fn an_article_without_a_heading_gives_its_first_line() {
        let html = r#"<article id="article">
            <p><strong>Org (24 000 123)</strong></p><p>Summary</p></article>"#;
        assert_eq!(check_decision_page(html, "24 000 123"), Ok(()));
    }
}
