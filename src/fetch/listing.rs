//! Reading one page of the website's decision search: the result count
//! ("Your search has N results") and the links to decision pages. Links are
//! recognised by their URL path, `/decisions/<category>/<subcategory>/<yy-nnn-nnn>`
//! (optionally with a letter suffix), not by the markup around them, which
//! changes more often than the website's addresses.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{Html, Selector};

use crate::parse::canonical_reference;

/// The path of a decision page, from an absolute or relative link: the
/// scheme and host (any), the path captured, query and fragment ignored.
static DECISION_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^(?:https?://[^/?\#]+)?
        (
          /?decisions/[a-z0-9-]+/[a-z0-9-]+/
          ([0-9]{2}-[0-9]{3}-[0-9]{3}[a-z]?)
        )
        /?(?:[?\#].*)?$",
    )
    .expect("valid regex")
});

/// The result count, in the page's text with its markup removed.
static RESULT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)your\s+search\s+has\s+([0-9][0-9,]*)\s+results?\b").expect("valid regex")
});

static LINKS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("a[href]").expect("valid selector"));

/// A decision page listed by the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionLink {
    /// The canonical reference read from the URL (`24 011 791`, `24 011 791a`).
    pub reference: String,
    /// The URL path, from the site root (`/decisions/.../24-011-791`).
    pub path: String,
}

impl DecisionLink {
    /// The name the page is saved under: `24-011-791.html`.
    pub fn file_name(&self) -> String {
        format!("{}.html", self.reference.replace(' ', "-"))
    }
}

/// What one results page says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsPage {
    /// The number of results of the whole search (all pages).
    pub count: u64,
    /// The distinct decision links on this page, in page order.
    pub links: Vec<DecisionLink>,
}

/// A results page that is not shaped as expected.
#[derive(Debug, thiserror::Error)]
pub enum ShapeError {
    /// The result count line is missing.
    #[error(
        "no result count on the results page; expected the line \"Your search has N results\""
    )]
    NoResultCount,
}

/// Reads a results page: its result count and its decision links.
pub fn read_results_page(html: &str) -> Result<ResultsPage, ShapeError> {
    let document = Html::parse_document(html);
    let text: String = document.root_element().text().collect();
    let count = RESULT_COUNT
        .captures(&text)
        .and_then(|caps| caps[1].replace(',', "").parse().ok())
        .ok_or(ShapeError::NoResultCount)?;
    let mut seen = HashSet::new();
    let links = document
        .select(&LINKS)
        .filter_map(|a| a.attr("href"))
        .filter_map(decision_link)
        .filter(|link| seen.insert(link.reference.clone()))
        .collect();
    Ok(ResultsPage { count, links })
}

/// The decision a link points to, if its URL has the decision path pattern.
pub fn decision_link(href: &str) -> Option<DecisionLink> {
    let caps = DECISION_PATH.captures(href.trim())?;
    let path = caps[1].trim_start_matches('/');
    Some(DecisionLink {
        reference: canonical_reference(&caps[2])?,
        path: format!("/{path}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_links_absolute_relative_and_with_a_suffix() {
        let link = decision_link("/decisions/adult-care-services/charging/24-011-791").unwrap();
        assert_eq!(link.reference, "24 011 791");
        assert_eq!(
            link.path,
            "/decisions/adult-care-services/charging/24-011-791"
        );
        assert_eq!(link.file_name(), "24-011-791.html");
        let absolute = decision_link(
            "https://www.lgo.org.uk/decisions/housing/allocations/23-004-512a/?x=1#top",
        )
        .unwrap();
        assert_eq!(absolute.reference, "23 004 512a");
        assert_eq!(absolute.path, "/decisions/housing/allocations/23-004-512a");
        assert_eq!(absolute.file_name(), "23-004-512a.html");
        let relative = decision_link("decisions/education/special-educational-needs/22-001-002");
        assert_eq!(
            relative.unwrap().path,
            "/decisions/education/special-educational-needs/22-001-002"
        );
    }

    #[test]
    fn other_links_are_not_decisions() {
        for href in [
            "/decisions/housing",
            "/decisions/housing/allocations",
            "/Decisions/SearchResults?fd=2024-01-01&td=2024-01-31&page=2",
            "/decisions/housing/allocations/24-011-79",
            "/decisions/housing/allocations/24-011-791/print",
            "/news/24-011-791",
            "mailto:x@example.org",
        ] {
            assert_eq!(decision_link(href), None, "{href}");
        }
    }

    #[test]
    fn the_result_count_tolerates_markup_commas_and_one_result() {
        let page = |line: &str| format!("<html><body><p>{line}</p></body></html>");
        let count = |line: &str| read_results_page(&page(line)).unwrap().count;
        assert_eq!(count("Your search has 42 results"), 42);
        assert_eq!(
            count("Your search has <strong>1,234</strong>\n results"),
            1234
        );
        assert_eq!(count("your search has 1 result"), 1);
        assert_eq!(count("Your search has 0 results"), 0);
        assert!(matches!(
            read_results_page(&page("Nothing here")),
            Err(ShapeError::NoResultCount)
        ));
    }

    #[test]
    fn links_are_deduplicated_in_page_order() {
        let html = r#"<p>Your search has 3 results</p>
            <a href="/decisions/a/b/24-000-002">Org (24 000 002)</a>
            <a href="/decisions/a/b/24-000-001">Org (24 000 001)</a>
            <a href="https://www.lgo.org.uk/decisions/a/b/24-000-002">again</a>
            <a href="/decisions/a">a category</a>"#;
        let page = read_results_page(html).unwrap();
        let references: Vec<_> = page.links.iter().map(|l| l.reference.as_str()).collect();
        assert_eq!(references, ["24 000 002", "24 000 001"]);
    }
}
