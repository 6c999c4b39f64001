//! A decision page saved from the LGSCO website (by `ombuds fetch`, a
//! browser's "Save as" or `wget`) -> the text layout the parser reads.
//!
//! The decision is inside `<article id="article">` (else `<main>`, else
//! `<body>`): a title `Organisation (YY NNN NNN)`, label/value pairs
//! (elements of class `label` and `value`) for the category, outcome and
//! decision date, then the body. This module writes them out as the text
//! pages have always been read in: the title line, `Label : value` lines,
//! then one line per paragraph, list item or heading. Scripts, styles,
//! navigation, forms and the page's own links (`Back to top`, `Print this
//! page`) are left out. It reads markup only; the words are the parser's.
//! The page's address is its `<link rel="canonical">`, else its
//! `<meta property="og:url">`.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

/// A saved page as text, and the address the page gives for itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The decision in the text layout the parser reads.
    pub text: String,
    /// The page's canonical link or `og:url`, where it has one.
    pub url: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

static CONTAINERS: LazyLock<[Selector; 3]> = LazyLock::new(|| {
    [
        selector("article#article"),
        selector("main"),
        selector("body"),
    ]
});
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("h1, h2, h3"));
static LABEL: LazyLock<Selector> = LazyLock::new(|| selector(".label"));
static VALUE: LazyLock<Selector> = LazyLock::new(|| selector(".value"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:url"]"#));

/// Elements whose content is never decision text.
const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
    "iframe", "svg", "header", "footer", "aside",
];

/// Links the website puts in every decision (compared without case).
const PAGE_LINKS: &[&str] = &["back to top", "print this page"];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ol",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "hr",
    "pre",
    "address",
];

/// Headings that the parser reads as a label when they carry a colon: the
/// older pages head their summary `Summary` where newer ones write
/// `Summary: ...`.
const LABEL_HEADINGS: &[&str] = &["summary"];

/// Reads a saved decision page.
pub fn read_page(html: &str) -> Page {
    let document = Html::parse_document(html);
    let url = document
        .select(&CANONICAL)
        .find_map(|e| attribute(e, "href"))
        .or_else(|| {
            document
                .select(&OG_URL)
                .find_map(|e| attribute(e, "content"))
        });
    let container = CONTAINERS
        .iter()
        .find_map(|s| document.select(s).next())
        .unwrap_or_else(|| document.root_element());
    // The title carries the reference in brackets; a site heading above it does not.
    let title = container
        .select(&TITLE)
        .find(|h| h.text().collect::<String>().trim_end().ends_with(')'))
        .or_else(|| container.select(&TITLE).next());
    let mut lines = Vec::new();
    if let Some(title) = title {
        lines.push(collapsed(&title.text().collect::<String>()));
    }
    let labels = container.select(&LABEL);
    let values = container.select(&VALUE);
    for (label, value) in labels.zip(values) {
        let label = collapsed(&label.text().collect::<String>());
        let label = label.trim_end_matches(':').trim_end();
        let value = collapsed(&value.text().collect::<String>());
        lines.push(format!("{label} : {value}"));
    }
    let skip = |e: &ElementRef| {
        Some(e.id()) == title.map(|t| t.id())
            || e.value()
                .has_class("label", scraper::CaseSensitivity::AsciiCaseInsensitive)
            || e.value()
                .has_class("value", scraper::CaseSensitivity::AsciiCaseInsensitive)
    };
    let mut body = Lines::default();
    body.element(container, &skip);
    body.end_line();
    lines.extend(body.lines);
    let mut text = lines.join("\n");
    text.push('\n');
    Page { text, url }
}

/// A non-empty attribute, trimmed.
fn attribute(e: ElementRef, name: &str) -> Option<String> {
    let value = e.value().attr(name)?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Runs of white space as one space, trimmed.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body's lines, built by walking the tree in document order.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
}

impl Lines {
    fn element(&mut self, element: ElementRef, skip: &dyn Fn(&ElementRef) -> bool) {
        let name = element.value().name();
        if LEFT_OUT.contains(&name) || skip(&element) || is_page_link(element) {
            return;
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.end_line();
        } else if matches!(name, "td" | "th") {
            // Cells of a row read as words apart, not run together.
            self.current.push(' ');
        }
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.current.push_str(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, skip);
                    }
                }
                _ => {}
            }
        }
        if block {
            let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            if heading
                && LABEL_HEADINGS
                    .iter()
                    .any(|h| collapsed(&self.current).eq_ignore_ascii_case(h))
            {
                self.current.push(':');
            }
            self.end_line();
        }
    }

    fn end_line(&mut self) {
        let line = collapsed(&self.current);
        self.current.clear();
        // What is left of a label/value pair taken out (`:`) is not text.
        if !line.is_empty() && line != ":" {
            self.lines.push(line);
        }
    }
}

/// Whether an element is one of the website's own links ([`PAGE_LINKS`]).
fn is_page_link(element: ElementRef) -> bool {
    element.value().name() == "a" && {
        let text = collapsed(&element.text().collect::<String>());
        PAGE_LINKS.iter().any(|l| text.eq_ignore_ascii_case(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = r##"<!DOCTYPE html><html><head>
<link rel="canonical" href="https://www.lgo.org.uk/decisions/adult-care-services/charging/24-011-791">
<meta property="og:url" content="https://example.test/other">
<script>var tracking = "Summary: not this";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a><a href="/decisions">Decisions</a></nav>
<div class="cookie-banner"><form><button>Accept cookies</button></form></div>
<article id="article">
  <h1>Test Council (24 011 791)</h1>
  <div><span class="label">Category</span> : <span class="value">Adult care services &gt; Charging</span><br>
  <span class="label">Decision</span> : <span class="value">Upheld</span><br>
  <span class="label">Decision date :</span> <span class="value">15 Jan 2024</span></div>
  <p>The Ombudsman's final decision:</p>
  <p><strong>Summary:</strong> Mrs X complained about
     her charges.</p>
  <h2>The complaint</h2>
  <ol><li>Mrs X complained.</li><li>She paid &pound;300.</li></ol>
  <p><a href="#top">Back to top</a> <a href="javascript:window.print()">Print this page</a></p>
</article>
<footer>Contact us</footer>
</body></html>"##;

    #[test]
    fn a_current_page_becomes_the_text_layout() {
        let page = read_page(CURRENT);
        assert_eq!(
            page.text,
            "Test Council (24 011 791)\nCategory : Adult care services > Charging\nDecision : Upheld\nDecision date : 15 Jan 2024\nThe Ombudsman's final decision:\nSummary: Mrs X complained about her charges.\nThe complaint\nMrs X complained.\nShe paid £300.\n"
        );
        assert_eq!(
            page.url.as_deref(),
            Some("https://www.lgo.org.uk/decisions/adult-care-services/charging/24-011-791")
        );
    }

    #[test]
    fn og_url_is_the_fallback_and_no_address_is_none() {
        let og = r#"<html><head><meta property="og:url" content=" https://x.test/d/1 "></head><body><h1>C (24 011 791)</h1></body></html>"#;
        assert_eq!(read_page(og).url.as_deref(), Some("https://x.test/d/1"));
        let none = "<html><body><h1>C (24 011 791)</h1><p>Text.</p></body></html>";
        let page = read_page(none);
        assert_eq!(page.url, None);
        assert_eq!(page.text, "C (24 011 791)\nText.\n");
    }

    #[test]
    fn scripts_navigation_and_forms_outside_or_inside_the_main_are_left_out() {
        let html = r#"<html><body><nav>Menu</nav><main><script>alert("x")</script>
<h1>C (24 011 791)</h1><form><input value="Search">Search decisions</form>
<p>Kept <noscript>no</noscript>text.</p><table><tr><td>£300</td><td>distress</td></tr></table>
</main><aside>Related</aside></body></html>"#;
        assert_eq!(
            read_page(html).text,
            "C (24 011 791)\nKept text.\n£300 distress\n"
        );
    }

    #[test]
    fn an_older_page_keeps_its_summary_heading_as_the_label() {
        let html = r#"<html><body><article id="article"><h1>C (17 001 234)</h1>
<p><span class="label">Category :</span> <span class="value">Housing &gt; Allocations</span></p>
<h3>Summary</h3><p>Ms Y complained.</p><h3>Finding</h3><p>No fault.</p>
<p>Ombudsman satisfied with council's response: 11 September 2017</p></article></body></html>"#;
        assert_eq!(
            read_page(html).text,
            "C (17 001 234)\nCategory : Housing > Allocations\nSummary:\nMs Y complained.\nFinding\nNo fault.\nOmbudsman satisfied with council's response: 11 September 2017\n"
        );
    }
}
