//! The header block: title line, `Category :`, `Decision :`, `Decision date :`.

use time::macros::format_description;

use super::lines::Line;
use super::reference::canonical_reference;

/// How many lines from the top the title line may be found in.
const TITLE_WINDOW: usize = 12;

/// The fields read from the title and header lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Canonical reference.
    pub reference: String,
    /// Organisation as printed, where the title line names one.
    pub organisation: Option<String>,
    /// Category top level.
    pub category: Option<String>,
    /// Sub-category.
    pub subcategory: Option<String>,
    /// Outcome as printed.
    pub outcome: Option<String>,
    /// ISO decision date.
    pub decision_date: Option<String>,
    /// Problems met while reading the header.
    pub warnings: Vec<String>,
}

/// Finds the title line among the first lines and returns its index, the
/// canonical reference and the organisation (if printed).
pub fn title(lines: &[Line]) -> Option<(usize, String, Option<String>)> {
    lines
        .iter()
        .take(TITLE_WINDOW)
        .enumerate()
        .find_map(|(i, line)| {
            if let Some(reference) = canonical_reference(&line.text) {
                return Some((i, reference, None));
            }
            let (organisation, reference) = split_title(&line.text)?;
            let organisation = organisation.trim().trim_end_matches(['-', '–']).trim();
            let organisation = (!organisation.is_empty()).then(|| organisation.to_string());
            Some((i, reference, organisation))
        })
}

/// `Organisation - (23 002 683)` split into the text before the reference
/// (without the spaces and one dash before the bracket) and the canonical
/// reference; `None` unless the line ends with a bracketed reference.
fn split_title(line: &str) -> Option<(&str, String)> {
    let inside = line.trim_end().strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let reference = canonical_reference(&inside[open + 1..])?;
    let before = inside[..open].trim_end();
    let before = before.strip_suffix(['-', '–']).unwrap_or(before).trim_end();
    Some((before, reference))
}

/// Reads the header lines that follow the title; returns the header and the
/// index of the first line after the header block.
pub fn header_fields(lines: &[Line], after_title: usize, header: &mut Header) -> usize {
    let mut next = after_title;
    for (i, line) in lines.iter().enumerate().skip(after_title).take(6) {
        let text = line.text.as_str();
        let filled = |v: &&str| !v.is_empty();
        if let Some(value) = labelled(text, "decision date").filter(filled) {
            header.decision_date = iso_date(value);
            if header.decision_date.is_none() {
                header
                    .warnings
                    .push(format!("unreadable decision date '{}'", value.trim()));
            }
        } else if let Some(value) = labelled(text, "category") {
            let (top, sub) = split_category(value);
            header.category = top;
            header.subcategory = sub;
        } else if let Some(value) = labelled(text, "decision").filter(filled) {
            header.outcome = Some(value.trim().to_string());
        } else {
            break;
        }
        next = i + 1;
    }
    next
}

/// The value of a `Label : value` line whose label is `label` (any case),
/// with white space allowed around the colon; `""` when nothing follows it.
fn labelled<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let head = text.get(..label.len())?;
    if !head.eq_ignore_ascii_case(label) {
        return None;
    }
    let rest = text[label.len()..].trim_start().strip_prefix(':')?;
    Some(rest.trim_start())
}

/// `Top > Sub` into its two parts; either may be absent.
fn split_category(value: &str) -> (Option<String>, Option<String>) {
    let non_empty = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    match value.split_once('>') {
        Some((top, sub)) => (non_empty(top), non_empty(sub)),
        None => (non_empty(value), None),
    }
}

/// `05 Oct 2023` or `5 October 2023` as `2023-10-05`; `None` if not a real date.
pub fn iso_date(text: &str) -> Option<String> {
    let short =
        format_description!("[day padding:none] [month repr:short case_sensitive:false] [year]");
    let long =
        format_description!("[day padding:none] [month repr:long case_sensitive:false] [year]");
    let text = text.trim();
    let date = time::Date::parse(text, short)
        .or_else(|_| time::Date::parse(text, long))
        .ok()?;
    let iso = format_description!("[year]-[month]-[day]");
    date.format(iso).ok()
}

/// A `YYYY-MM-DD` date, checked to be a real day, returned as given.
pub fn iso_date_checked(text: &str) -> Option<String> {
    let format = format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(text.trim(), format).ok()?;
    date.format(format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::clean_lines;

    /// The title regex `split_title` replaced, kept to check they agree.
    fn split_title_by_regex(line: &str) -> Option<(String, String)> {
        let title = regex::Regex::new(
            r"^(.*?)\s*[-–]?\s*\(\s*([0-9]{2}[\s-]?[0-9]{3}[\s-]?[0-9]{3}[A-Za-z]?)\s*\)\s*$",
        )
        .unwrap();
        let caps = title.captures(line)?;
        Some((caps[1].to_string(), canonical_reference(&caps[2])?))
    }

    #[test]
    fn split_title_agrees_with_the_title_regex() {
        let lines = [
            "Barnsley Council (23 002 683)",
            "Council - - (23-002-683) ",
            "Council –(23002683b)",
            "Foo (Bar) ( 17 002 402B )",
            "Council ((23 002 683))",
            "Council (23 002 683) )",
            "(23 002 683)",
            "Eggs (12)",
            "Council (23\u{a0}002\u{a0}683)",
            "Council\u{2003}-\u{2003}(23 002 683)",
        ];
        for line in lines {
            let ours = split_title(line).map(|(o, r)| (o.to_string(), r));
            assert_eq!(ours, split_title_by_regex(line), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_title_agrees_on_any_line(line in r"[A-Za-z \x{a0}\x{2003}–()-]{0,12}\(?[ 0-9-]{0,14}[bB]?\)?[ )]{0,2}") {
            let ours = split_title(&line).map(|(o, r)| (o.to_string(), r));
            proptest::prop_assert_eq!(ours, split_title_by_regex(&line));
        }
    }

    #[test]
    fn title_with_organisation() {
        let lines = clean_lines("Barnsley Metropolitan Borough Council (23 002 683)\n");
        let (i, reference, org) = title(&lines).unwrap();
        assert_eq!(
            (i, reference.as_str(), org.as_deref()),
            (
                0,
                "23 002 683",
                Some("Barnsley Metropolitan Borough Council")
            )
        );
    }

    #[test]
    fn title_with_only_a_reference_and_suffix() {
        let lines = clean_lines("16 003 210\n");
        assert_eq!(title(&lines).unwrap().2, None);
        let lines =
            clean_lines("Sheffield Teaching Hospitals NHS Foundation Trust (17 002 402b)\n");
        assert_eq!(title(&lines).unwrap().1, "17 002 402b");
    }

    #[test]
    fn no_title_line() {
        assert_eq!(title(&clean_lines("Shopping list\nEggs (12)\n")), None);
    }

    #[test]
    fn header_lines_in_any_order() {
        let lines = clean_lines("T (23 002 683)\nCategory : Children's care services > Looked after children\n\nDecision : Upheld\nDecision date : 05 Oct 2023\nThe Ombudsman's final decision:\n");
        let mut h = Header::default();
        let next = header_fields(&lines, 1, &mut h);
        assert_eq!(next, 4);
        assert_eq!(h.category.as_deref(), Some("Children's care services"));
        assert_eq!(h.subcategory.as_deref(), Some("Looked after children"));
        assert_eq!(h.outcome.as_deref(), Some("Upheld"));
        assert_eq!(h.decision_date.as_deref(), Some("2023-10-05"));
    }

    #[test]
    fn absent_header_lines_stay_none() {
        let lines = clean_lines("Cornwall Council (24 012 183)\nThe Ombudsman's final decision:\n");
        let mut h = Header::default();
        assert_eq!(header_fields(&lines, 1, &mut h), 1);
        assert_eq!((h.category, h.outcome, h.decision_date), (None, None, None));
    }

    #[test]
    fn dates_short_long_and_invalid() {
        assert_eq!(iso_date("05 Oct 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(iso_date("5 October 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(iso_date("31 Feb 2023"), None);
        assert_eq!(iso_date("soon"), None);
        assert_eq!(
            iso_date_checked("2023-02-28").as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(iso_date_checked("2023-13-45"), None);
    }

    #[test]
    fn header_labels_need_their_colon_and_a_value() {
        let read = |text: &str| {
            let mut h = Header::default();
            let next = header_fields(
                &clean_lines(&format!("T (23 002 683)\n{text}\n")),
                1,
                &mut h,
            );
            (next, h)
        };
        let (next, h) = read("DECISION DATE:5 October 2023\ndecision\t:  Not upheld");
        assert_eq!(next, 3);
        assert_eq!(h.decision_date.as_deref(), Some("2023-10-05"));
        assert_eq!(h.outcome.as_deref(), Some("Not upheld"));
        // No colon, or an empty date or outcome: not a header line.
        for line in [
            "Decision date 5 October 2023",
            "Decision date :",
            "Decision :",
            "Decisions : Upheld",
        ] {
            assert_eq!(read(line).0, 1, "{line}");
        }
        // An empty category is still the category line.
        let (next, h) = read("Category :");
        assert_eq!((next, h.category), (2, None));
    }

    #[test]
    fn category_without_sub() {
        assert_eq!(split_category("Planning"), (Some("Planning".into()), None));
    }
}
