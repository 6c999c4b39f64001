//! Aligned text tables for people.

use std::io::Write;

/// Writes `rows` under `headers`, each column padded to its widest cell; the
/// last column is never padded (it may be long free text).
pub fn write_table(
    out: &mut impl Write,
    headers: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(visible_width(cell));
        }
    }
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    write_row(out, &header, &widths)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    write_row(out, &rule, &widths)?;
    for row in rows {
        write_row(out, row, &widths)?;
    }
    Ok(())
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

/// Width on screen: characters, not counting ANSI colour sequences.
fn visible_width(cell: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
