//! Making untrusted text safe for each place we write it. Decision text,
//! organisation names and file names come from files anyone can write, so
//! before they reach a terminal, a spreadsheet, an HTML page or an SVG chart
//! whatever that medium would act on is shown, neutralised or dropped:
//!
//! - terminal: control characters (C0, DEL, C1, so every escape sequence's
//!   ESC) are shown as `\u{1b}`-style escapes instead of being obeyed;
//! - CSV: a text cell a spreadsheet would evaluate as a formula gets a `'`
//!   in front (OWASP's CSV-injection rule);
//! - HTML: `&`, `<`, `>`, `"` and `'` become entities;
//! - charts: control characters are dropped (XML 1.0 forbids most of them).

use std::borrow::Cow;

/// Text for one terminal line (a table cell, a file name, a field value):
/// every control character, newline and tab included, is shown escaped, so
/// text can neither drive the terminal nor forge or misalign lines.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    escape_controls(text, |_| false)
}

/// Text for a terminal block that may span lines (a section, an error
/// message): newlines and tabs are kept, every other control character is
/// shown escaped.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    escape_controls(text, |c| c == '\n' || c == '\t')
}

fn escape_controls(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CSV text cell a spreadsheet will not evaluate: one starting with `=`,
/// `+`, `-`, `@`, tab or carriage return gets a leading `'` (Excel, LibreOffice
/// and Google Sheets show the rest as text). Only for text: a number written
/// as a number (`-0.5` in an amount column) is data and left alone.
pub fn csv_text(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Text escaped for HTML element content or a quoted attribute.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a chart label: control characters and the two non-characters
/// XML forbids are dropped. The SVG backend escapes `<`, `&` and quotes
/// itself, so they are left for it (escaping here would show `&amp;lt;`).
pub fn plot_text(text: &str) -> String {
    text.chars()
        .filter(|&c| !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_line_shows_escape_sequences_and_newlines_instead_of_obeying_them() {
        assert_eq!(terminal_line("plain £ text"), "plain £ text");
        assert_eq!(terminal_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            terminal_line("x\u{1b}]0;title\u{7}y"),
            "x\\u{1b}]0;title\\u{7}y"
        );
        assert_eq!(
            terminal_line("one\ntwo\tthree\r"),
            "one\\u{a}two\\u{9}three\\u{d}"
        );
        // DEL and the C1 CSI, which some terminals obey like ESC [.
        assert_eq!(terminal_line("\u{7f}\u{9b}6n"), "\\u{7f}\\u{9b}6n");
        assert!(matches!(terminal_line("no controls"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_text_keeps_lines_and_tabs_but_not_other_controls() {
        assert_eq!(terminal_text("a\n\tb"), "a\n\tb");
        assert_eq!(terminal_text("a\r\nb\u{1b}[6n"), "a\\u{d}\nb\\u{1b}[6n");
    }

    #[test]
    fn csv_text_prefixes_what_a_spreadsheet_would_evaluate() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(csv_text(formula), format!("'{formula}"), "{formula:?}");
        }
        assert_eq!(csv_text("Barnsley Council"), "Barnsley Council");
        assert_eq!(csv_text("a=b"), "a=b");
        assert_eq!(csv_text(""), "");
    }

    #[test]
    fn html_text_escapes_markup() {
        assert_eq!(
            html_text("<script>alert('x')</script> & <img onerror=\"y\">"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img onerror=&quot;y&quot;&gt;"
        );
        assert_eq!(html_text("£300 paid"), "£300 paid");
    }

    #[test]
    fn plot_text_drops_what_xml_forbids() {
        assert_eq!(plot_text("A\u{1}B\u{1b}[1mC\u{fffe}"), "AB[1mC");
        assert_eq!(plot_text("Smith & <Sons>"), "Smith & <Sons>");
    }
}
