//! Renders a decision's content in one of the page layouts seen in scraped
//! decisions: header lines or none, blank-line or single-newline separation,
//! `  1.` / `- ` paragraph markers, `•` or nested `      1.` lists, `Back to top`
//! links, the cookie banner at the end or at the start, a table of contents.

use std::fmt::Write as _;

use crate::compose::{Block, Content};

/// The page layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Header lines, blank-line separation, numbered paragraphs, `Back to top`,
    /// cookie banner at the end (most published pages).
    Standard,
    /// As standard, but the page starts with the cookie banner.
    CookieFirst,
    /// As standard, with a table of contents before the title.
    Contents,
    /// Header lines and numbered paragraphs, single newlines, no furniture.
    Compact,
    /// No header lines, single newlines, `- ` for every paragraph (corpus/001).
    Plain,
    /// Older anonymised page: the title line is only the reference.
    ReferenceOnly,
}

impl Layout {
    /// Name recorded in truth.jsonl.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Standard => "standard",
            Layout::CookieFirst => "cookie_first",
            Layout::Contents => "contents",
            Layout::Compact => "compact",
            Layout::Plain => "plain",
            Layout::ReferenceOnly => "reference_only",
        }
    }

    /// Whether the page prints `Category :`, `Decision :` and `Decision date :`.
    pub fn has_header_lines(self) -> bool {
        self != Layout::Plain
    }

    /// Whether the title line names the organisation.
    pub fn has_organisation(self) -> bool {
        self != Layout::ReferenceOnly
    }

    fn spaced(self) -> bool {
        !matches!(self, Layout::Compact | Layout::Plain)
    }
}

/// How nested lists are marked in one decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// `    • item`
    Bullet,
    /// `      1. item`
    Nested,
}

/// The title and header values to print.
pub struct Header<'a> {
    pub organisation: &'a str,
    pub reference: &'a str,
    pub category: &'a str,
    pub subcategory: &'a str,
    pub outcome: &'a str,
    pub date: &'a str,
    /// `Ombudsmen` for joint health decisions.
    pub ombudsman: &'a str,
}

const COOKIES: &str = "Review your privacy settings\n\nRequired cookies\n\nThese cookies enable the website to function properly. You can only disable these by changing your browser preferences, but this will affect how the website performs.\n\nView required cookies\n\nAnalytical cookies\n\nGoogle Analytics cookies help us improve the performance of the website by understanding how visitors use the site.\nWe recommend you set these 'ON'.\n\nView analytical cookies\n\nIn using Google Analytics, we do not collect or store personal information that could identify you (for example your name or address). We do not allow Google to use or share our analytics data. Google has developed a tool to help you opt out of Google Analytics cookies.\n\nPrivacy settings";

/// The whole page text.
pub fn render(layout: Layout, list: ListStyle, h: &Header, c: &Content, signature: &str) -> String {
    let mut out = String::with_capacity(c.summary.len() * 8 + 16_384);
    let gap = if layout.spaced() { "\n\n" } else { "\n" };
    match layout {
        Layout::CookieFirst => {
            out.push_str("Privacy settings\n\nLGO logogram\n\n");
            out.push_str(COOKIES.trim_end_matches("Privacy settings").trim_end());
            out.push_str("\n\n");
        }
        Layout::Contents => {
            out.push_str("Contents\n\n");
            for s in c.sections.iter().take(8) {
                let _ = writeln!(out, "- {}", s.heading);
            }
            out.push('\n');
        }
        _ => {}
    }
    if layout.has_organisation() {
        let _ = write!(out, "{} ({})", h.organisation, h.reference);
    } else {
        out.push_str(h.reference);
    }
    out.push_str(gap);
    if layout.has_header_lines() {
        let _ = write!(
            out,
            "Category : {} > {}{gap}Decision : {}{gap}Decision date : {}{gap}",
            h.category, h.subcategory, h.outcome, h.date
        );
    }
    let _ = write!(
        out,
        "The {}'s final decision:{gap}Summary: {}{gap}",
        h.ombudsman, c.summary
    );
    for (i, section) in c.sections.iter().enumerate() {
        if i > 0 && layout.spaced() {
            out.push_str("Back to top\n\n");
        }
        out.push_str(section.heading);
        out.push_str(gap);
        let mut number = 0;
        for block in &section.blocks {
            match block {
                Block::Sub(text) => {
                    if layout.spaced() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    out.push_str(text);
                    out.push_str(gap);
                }
                Block::Para(text) => {
                    number += 1;
                    paragraph(&mut out, layout, number, text);
                }
                Block::List(intro, items) => {
                    number += 1;
                    paragraph(&mut out, layout, number, intro);
                    for (j, item) in items.iter().enumerate() {
                        match (layout, list) {
                            (Layout::Plain, _) => {
                                let _ = writeln!(out, "- {item}");
                            }
                            (_, ListStyle::Bullet) => {
                                let _ = writeln!(out, "    • {item}");
                            }
                            (_, ListStyle::Nested) => {
                                let _ = writeln!(out, "      {}. {item}", j + 1);
                            }
                        }
                    }
                }
            }
        }
        if layout.spaced() {
            out.push('\n');
        }
    }
    if layout.spaced() {
        out.push_str("Back to top\n\n");
        out.push_str(signature);
        if layout == Layout::CookieFirst {
            out.push_str("\n\nPrint this page\n");
        } else {
            out.push_str("\n\nPrint this page\n\nLGO logogram\n\n");
            out.push_str(COOKIES);
        }
    } else {
        out.push_str(signature);
        out.push('\n');
        out.push_str(&signature.replace('’', "'"));
    }
    out
}

fn paragraph(out: &mut String, layout: Layout, number: usize, text: &str) {
    if layout == Layout::Plain {
        let _ = writeln!(out, "- {text}");
    } else {
        let _ = writeln!(out, "  {number}. {text}");
    }
}
