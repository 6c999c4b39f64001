//! Aligned text tables for people, fitted to the terminal.
//!
//! Every column has a title. A column empty in every row is left out. Given a
//! width, the table is made to fit it: the widest text column is narrowed
//! first (a cut cell ends in `…`), down to [`MIN_TEXT`] characters; if that is
//! not enough, columns are left out from the right (never the first) and
//! their titles returned, so the caller can say so on stderr. Numbers are
//! never cut. Widths count characters, not bytes, and not colour sequences.

use std::io::Write;

use super::Kind;

/// The narrowest a text column is cut to before columns are left out.
pub const MIN_TEXT: usize = 10;

/// Writes `rows` under `titles`, each column padded to its widest cell; the
/// last column is never padded (it may be long free text). No fitting.
pub fn write_table(
    out: &mut impl Write,
    titles: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let kinds = vec![Kind::Text; titles.len()];
    write_fitted(out, titles, &kinds, rows, None).map(|_| ())
}

/// Writes `rows` under `titles` fitted to `width` (none: as wide as the
/// cells), as the module doc says; gives back the titles of the columns
/// left out for want of room.
pub fn write_fitted(
    out: &mut impl Write,
    titles: &[&str],
    kinds: &[Kind],
    rows: &[Vec<String>],
    width: Option<usize>,
) -> std::io::Result<Vec<String>> {
    // Columns with something in them, in order.
    let mut shown: Vec<usize> = (0..titles.len())
        .filter(|&i| rows.iter().any(|r| !cell(r, i).is_empty()))
        .collect();
    let natural = |i: usize| {
        rows.iter()
            .map(|r| visible_width(cell(r, i)))
            .chain([titles[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = (0..titles.len()).map(natural).collect();
    let mut left_out = Vec::new();
    if let Some(width) = width {
        let total = |shown: &[usize], widths: &[usize]| {
            shown.iter().map(|&i| widths[i]).sum::<usize>() + 2 * shown.len().saturating_sub(1)
        };
        while total(&shown, &widths) > width {
            let widest_text = shown
                .iter()
                .copied()
                .filter(|&i| kinds.get(i) != Some(&Kind::Number))
                .filter(|&i| widths[i] > MIN_TEXT.max(titles[i].chars().count()))
                .max_by_key(|&i| (widths[i], i));
            match widest_text {
                Some(i) => {
                    // Cut to fit, but no narrower than the next widest text
                    // column, which then takes its turn.
                    let floor = MIN_TEXT.max(titles[i].chars().count());
                    let next = shown
                        .iter()
                        .filter(|&&j| j != i && kinds.get(j) != Some(&Kind::Number))
                        .map(|&j| widths[j])
                        .max()
                        .unwrap_or(0)
                        .min(widths[i] - 1);
                    let excess = total(&shown, &widths) - width;
                    widths[i] = widths[i].saturating_sub(excess).max(floor).max(next);
                }
                None if shown.len() > 1 => {
                    let gone = shown.pop().unwrap_or_default();
                    left_out.push(titles[gone].to_string());
                }
                None => break,
            }
        }
    }
    let pick = |cells: &dyn Fn(usize) -> String| -> Vec<String> {
        shown.iter().map(|&i| cells(i)).collect()
    };
    let shown_widths: Vec<usize> = shown.iter().map(|&i| widths[i]).collect();
    write_row(out, &pick(&|i| titles[i].to_string()), &shown_widths)?;
    write_row(out, &pick(&|i| "─".repeat(widths[i])), &shown_widths)?;
    for row in rows {
        write_row(
            out,
            &pick(&|i| truncated(cell(row, i), widths[i])),
            &shown_widths,
        )?;
    }
    Ok(left_out)
}

/// The width `rows` under `titles` take uncut (columns empty in every row
/// left out, as [`write_fitted`] does).
pub fn natural_width(titles: &[&str], rows: &[Vec<String>]) -> usize {
    let widths: Vec<usize> = (0..titles.len())
        .filter(|&i| rows.iter().any(|r| !cell(r, i).is_empty()))
        .map(|i| {
            rows.iter()
                .map(|r| visible_width(cell(r, i)))
                .chain([titles[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

fn write_row(out: &mut impl Write, cells: &[String], widths: &[usize]) -> std::io::Result<()> {
    let last = cells.len().saturating_sub(1);
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        line.push_str(cell);
        if i < last {
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(visible_width(cell));
            line.push_str(&" ".repeat(pad + 2));
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// The line telling stderr which columns a table left out to fit `width`,
/// if any were.
pub fn left_out_note(left_out: &[String], width: Option<usize>) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = left_out.iter().map(String::as_str).collect();
    names.reverse();
    Some(format!(
        "note: left out to fit {} columns: {} (a wider terminal, COLUMNS=200, or --format csv shows them)",
        width.unwrap_or_default(),
        names.join(", ")
    ))
}

/// The cell of `row` in column `i` ("" past its end).
fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map(String::as_str).unwrap_or("")
}

/// `cell` cut to `width` visible characters, ending in `…` when cut; colour
/// sequences are kept whole and a colour left open is closed.
pub fn truncated(cell: &str, width: usize) -> String {
    if visible_width(cell) <= width {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len());
    let (mut seen, mut in_escape, mut coloured) = (0, false, false);
    for c in cell.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => {
                in_escape = true;
                coloured = true;
                out.push(c);
            }
            (true, 'm') => {
                in_escape = false;
                out.push(c);
            }
            (true, _) => out.push(c),
            (false, _) if seen + 1 < width => {
                seen += 1;
                out.push(c);
            }
            (false, _) => break,
        }
    }
    if width > 0 {
        out.push('…');
    }
    if coloured {
        out.push_str("\u{1b}[0m");
    }
    out
}

/// Width on screen: characters, not counting ANSI colour sequences.
pub fn visible_width(cell: &str) -> usize {
    let mut width = 0;
    let mut in_escape = false;
    for c in cell.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => width += 1,
        }
    }
    width
}

/// `text` broken into lines of at most `width` characters after `indent`
/// (words longer than a line are cut), each line indented; with no width,
/// `text` indented as it is. For prose (`show`).
pub fn wrapped(text: &str, indent: &str, width: Option<usize>) -> Vec<String> {
    let room = width.map(|w| w.saturating_sub(indent.chars().count()).max(20));
    let Some(room) = room else {
        return vec![format!("{indent}{text}")];
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let gap = usize::from(line_len > 0);
            if line_len + gap + word.len() <= room {
                if gap == 1 {
                    line.push(' ');
                }
                line.extend(word.iter());
                line_len += gap + word.len();
                word.clear();
            } else if line_len > 0 {
                lines.push(format!("{indent}{line}"));
                line.clear();
                line_len = 0;
            } else {
                let rest = word.split_off(room);
                lines.push(format!("{indent}{}", word.iter().collect::<String>()));
                word = rest;
            }
        }
    }
    if line_len > 0 || lines.is_empty() {
        lines.push(format!("{indent}{line}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(
        titles: &[&str],
        kinds: &[Kind],
        rows: &[Vec<String>],
        width: Option<usize>,
    ) -> (String, Vec<String>) {
        let mut out = Vec::new();
        let left_out = write_fitted(&mut out, titles, kinds, rows, width).unwrap();
        (String::from_utf8(out).unwrap(), left_out)
    }

    #[test]
    fn columns_align_and_colour_does_not_count() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["a".into(), "x".into()],
            vec!["\u{1b}[1mbbb\u{1b}[0m".into(), "y".into()],
        ];
        write_table(&mut out, &["h", "last"], &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "h    last");
        assert_eq!(lines[2], "a    x");
        assert!(lines[3].ends_with("bbb\u{1b}[0m  y"));
    }

    #[test]
    fn a_column_empty_in_every_row_is_left_out() {
        let rows = vec![vec!["a".into(), String::new(), "1".into()]];
        let (text, left_out) = table(&["key", "flag", "n"], &[Kind::Text; 3], &rows, None);
        assert_eq!(text.lines().next(), Some("key  n"));
        assert_eq!(natural_width(&["key", "flag", "n"], &rows), "key  n".len());
        assert!(left_out.is_empty());
    }

    #[test]
    fn the_widest_text_column_is_cut_with_an_ellipsis_to_fit_the_width() {
        let long = "word ".repeat(40);
        let rows = vec![
            vec![
                "23 000 001".into(),
                "Some Council".into(),
                long.trim().into(),
                "1.500".into(),
            ],
            vec![
                "23 000 002".into(),
                "Ünïcödé Borough Council".into(),
                "short".into(),
                "-0.5".into(),
            ],
        ];
        let kinds = [Kind::Text, Kind::Text, Kind::Text, Kind::Number];
        let (text, left_out) = table(
            &["reference", "organisation", "snippet", "score"],
            &kinds,
            &rows,
            Some(60),
        );
        assert!(left_out.is_empty());
        for line in text.lines() {
            assert!(
                line.chars().count() <= 60,
                "{line:?} is {} wide",
                line.chars().count()
            );
        }
        assert!(text.contains('…'), "{text}");
        // Numbers are never cut.
        assert!(text.contains("1.500") && text.contains("-0.5"), "{text}");
    }

    #[test]
    fn columns_are_left_out_from_the_right_when_cutting_text_is_not_enough() {
        let rows = vec![(0..12)
            .map(|i| format!("{}", 1000.5 * i as f64))
            .collect::<Vec<_>>()];
        let titles: Vec<String> = (0..12).map(|i| format!("col{i}")).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let (text, left_out) = table(&titles, &[Kind::Number; 12], &rows, Some(40));
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert_eq!(left_out.first().map(String::as_str), Some("col11"));
        assert!(text.starts_with("col0"), "{text}");
    }

    #[test]
    fn truncated_keeps_colour_whole_and_closes_it() {
        assert_eq!(truncated("abcdef", 4), "abc…");
        assert_eq!(truncated("abc", 4), "abc");
        let cut = truncated("a\u{1b}[1;31mbcdef\u{1b}[0m", 4);
        assert_eq!(cut, "a\u{1b}[1;31mbc…\u{1b}[0m");
        assert_eq!(visible_width(&cut), 4);
    }

    #[test]
    fn wrapped_breaks_prose_at_spaces_within_the_width() {
        let text = "The council delayed the assessment and did not tell Mrs X why.";
        let lines = wrapped(text, "  ", Some(24));
        assert!(lines.iter().all(|l| l.chars().count() <= 24), "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with("  ")));
        assert_eq!(
            lines
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            text
        );
        assert_eq!(wrapped(text, "  ", None), vec![format!("  {text}")]);
        // A word longer than the line is cut, not left overflowing.
        let long = "x".repeat(50);
        assert!(wrapped(&long, "", Some(20))
            .iter()
            .all(|l| l.chars().count() <= 20));
    }
}
