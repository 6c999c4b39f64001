//! The header block: the title line (`Organisation (reference)`), then
//! `Label : value` lines for the category, outcome and decision date. The
//! labels, date formats and how far down to look are the layout's, from
//! [`lgsco`](super::lgsco).

use std::ops::RangeInclusive;

use crate::parse::structure::lgsco::{
    CATEGORY_LABEL, CATEGORY_SEPARATOR, DATE_FORMATS, DATE_LABEL, FIRST_DECISION_YEAR,
    HEADER_LINES, OUTCOME_LABEL, TITLE_WINDOW,
};
use crate::parse::structure::lines::Line;
use crate::parse::structure::reference::canonical_reference;
use crate::parse::warning::Warning;

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
    /// Decision date.
    pub decision_date: Option<time::Date>,
    /// Problems met while reading the header.
    pub warnings: Vec<Warning>,
}

/// Finds the title line among the first lines and returns its index, the
/// canonical reference and the organisation (if printed).
pub fn title(lines: &[Line<'_>]) -> Option<(usize, String, Option<String>)> {
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

/// The three header labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Date,
    Category,
    Outcome,
}

/// The label a line starts with and the value after its colon (`""` when
/// the value is not on this line). The date label is tried first, as it
/// starts with the outcome's.
fn header_label(text: &str) -> Option<(Label, &str)> {
    [
        (Label::Date, DATE_LABEL),
        (Label::Category, CATEGORY_LABEL),
        (Label::Outcome, OUTCOME_LABEL),
    ]
    .into_iter()
    .find_map(|(label, name)| labelled(text, name).map(|value| (label, value)))
}

/// Reads the header lines that follow the title; returns the header and the
/// index of the first line after the header block.
///
/// A value is on its label's line (`Decision : Upheld`) or, as scrapers
/// that keep a page's elements apart write it, on the lines below a bare
/// label (`Category :` / `Adult care services` / `>` / `Transition`).
pub fn header_fields(lines: &[Line<'_>], after_title: usize, header: &mut Header) -> usize {
    let mut next = after_title;
    for _ in 0..HEADER_LINES {
        let Some((label, inline)) = lines.get(next).and_then(|l| header_label(&l.text)) else {
            break;
        };
        let (value, used) = if inline.is_empty() {
            value_below(lines, next + 1, label)
        } else {
            (inline.to_string(), 1)
        };
        match label {
            // An empty category line is still the category line.
            Label::Category => {
                let (top, sub) = split_category(&value);
                header.category = top;
                header.subcategory = sub;
            }
            _ if value.is_empty() => break,
            Label::Date => {
                header.decision_date = match decision_date(&value, decision_years()) {
                    Ok(date) => Some(date),
                    Err(problem) => {
                        header.warnings.push(Warning::DecisionDate(problem));
                        None
                    }
                };
            }
            Label::Outcome => header.outcome = Some(value.trim().to_string()),
        }
        next += used;
    }
    next
}

/// The longest a value line below a bare label can be: header values are
/// short, and a body line after an empty label must not be taken for one.
const VALUE_LINE_BYTES: usize = 80;

/// The value of a bare label from the lines starting at `from`, and how many
/// lines (the label's included) it took. A category runs on over lines that
/// start or follow a `>`; the others take one line. A line that is itself a
/// label, ends with `:` (a heading or the decision marker) or is long is
/// never a value.
fn value_below(lines: &[Line<'_>], from: usize, label: Label) -> (String, usize) {
    let is_value = |line: &Line<'_>| {
        let text = line.text.trim();
        !text.is_empty()
            && text.len() <= VALUE_LINE_BYTES
            && !text.ends_with(':')
            && header_label(text).is_none()
    };
    let mut value = String::new();
    let mut used = 1;
    for line in lines[from.min(lines.len())..].iter().take(HEADER_LINES) {
        let text = line.text.trim();
        let continues = value.is_empty()
            || (label == Label::Category
                && (text.starts_with(CATEGORY_SEPARATOR) || value.ends_with(CATEGORY_SEPARATOR)));
        if !continues || !is_value(line) {
            break;
        }
        if !value.is_empty() {
            value.push(' ');
        }
        value.push_str(text);
        used += 1;
    }
    (value, used)
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
    match value.split_once(CATEGORY_SEPARATOR) {
        Some((top, sub)) => (non_empty(top), non_empty(sub)),
        None => (non_empty(value), None),
    }
}

/// The years a decision date can fall in: from [`FIRST_DECISION_YEAR`] to
/// next year (a page dated a little ahead by a clock or time zone is kept;
/// `9999` is not).
pub fn decision_years() -> RangeInclusive<i32> {
    FIRST_DECISION_YEAR..=time::OffsetDateTime::now_utc().year() + 1
}

/// Why a header date was left empty; the message is the decision's warning.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    /// Not a day in either header form, or not a real day (`31 Feb 2023`).
    #[error("unreadable decision date '{0}'")]
    Unreadable(String),
    /// A real day in a year no decision can carry (`05 Oct 0000`).
    #[error("decision date '{text}' is outside the years {first} to {last}")]
    OutOfRange {
        /// The date as printed.
        text: String,
        /// The first year accepted.
        first: i32,
        /// The last year accepted.
        last: i32,
    },
}

/// The day a date written by a scraper names: ISO `2023-10-05` or as a
/// header prints it (`05 Oct 2023`), if it is a real day in a year a
/// decision can carry.
pub fn any_date(text: &str) -> Result<time::Date, DateProblem> {
    match time::Date::parse(text.trim(), crate::parse::ISO_DATE) {
        Ok(date) if decision_years().contains(&date.year()) => Ok(date),
        Ok(_) => Err(DateProblem::OutOfRange {
            text: text.trim().to_string(),
            first: *decision_years().start(),
            last: *decision_years().end(),
        }),
        Err(_) => decision_date(text, decision_years()),
    }
}

/// The day a header date (`05 Oct 2023`, `5 October 2023`) names, if it is
/// a real day in one of `years`.
fn decision_date(text: &str, years: RangeInclusive<i32>) -> Result<time::Date, DateProblem> {
    let text = text.trim();
    let date = DATE_FORMATS
        .iter()
        .find_map(|format| time::Date::parse(text, format).ok())
        .ok_or_else(|| DateProblem::Unreadable(text.to_string()))?;
    if !years.contains(&date.year()) {
        return Err(DateProblem::OutOfRange {
            text: text.to_string(),
            first: *years.start(),
            last: *years.end(),
        });
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::structure::lines::clean_lines;
    use time::macros::date;

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
        assert_eq!(h.decision_date, Some(date!(2023 - 10 - 05)));
    }

    #[test]
    fn absent_header_lines_stay_none() {
        let lines = clean_lines("Cornwall Council (24 012 183)\nThe Ombudsman's final decision:\n");
        let mut h = Header::default();
        assert_eq!(header_fields(&lines, 1, &mut h), 1);
        assert_eq!((h.category, h.outcome, h.decision_date), (None, None, None));
    }

    /// The years the date tests accept, fixed so they do not age.
    const YEARS: RangeInclusive<i32> = FIRST_DECISION_YEAR..=2026;

    #[test]
    fn dates_short_long_and_invalid() {
        let day = Ok(date!(2023 - 10 - 05));
        assert_eq!(decision_date("05 Oct 2023", YEARS), day);
        assert_eq!(decision_date(" 5 October 2023 ", YEARS), day);
        for text in ["31 Feb 2023", "soon", "2023-10-05"] {
            assert_eq!(
                decision_date(text, YEARS),
                Err(DateProblem::Unreadable(text.to_string()))
            );
        }
    }

    #[test]
    fn dates_outside_the_years_of_decisions_are_refused() {
        // The old code accepted all of these.
        for text in ["05 Oct 0000", "5 October 9999", "31 Dec 1973", "1 Jan 2027"] {
            assert!(
                matches!(
                    decision_date(text, YEARS),
                    Err(DateProblem::OutOfRange { .. })
                ),
                "{text}"
            );
        }
        assert_eq!(
            decision_date("1 Jan 1974", YEARS),
            Ok(date!(1974 - 01 - 01))
        );
        assert_eq!(
            decision_date("31 Dec 2026", YEARS),
            Ok(date!(2026 - 12 - 31))
        );
        // Not real days, or not a four-digit year: unreadable, as before.
        for text in [
            "29 Feb 2023",
            "31 Apr 2024",
            "0 Jan 2023",
            "5 Oct 23",
            "5 Oct 20233",
        ] {
            assert_eq!(
                decision_date(text, YEARS),
                Err(DateProblem::Unreadable(text.to_string())),
                "{text}"
            );
        }
        assert_eq!(
            decision_date("29 Feb 2024", YEARS),
            Ok(date!(2024 - 02 - 29))
        );
        assert!(decision_years().contains(&2025) && !decision_years().contains(&9999));
    }

    #[test]
    fn an_out_of_range_header_date_is_left_empty_with_a_warning() {
        let lines = clean_lines("T (23 002 683)\nDecision date : 05 Oct 9999\n");
        let mut h = Header::default();
        assert_eq!(header_fields(&lines, 1, &mut h), 2);
        assert_eq!(h.decision_date, None);
        let last = decision_years().end().to_string();
        assert_eq!(
            h.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [format!(
                "decision date '05 Oct 9999' is outside the years 1974 to {last}"
            )]
        );
    }

    proptest::proptest! {
        #[test]
        fn header_dates_read_back_in_range_and_are_refused_outside(
            year in proptest::prop_oneof![YEARS, 0i32..=9999],
            month in 1u8..=12,
            day in 1u8..=31,
            long in proptest::bool::ANY,
            padded in proptest::bool::ANY,
        ) {
            let month = time::Month::try_from(month).expect("1 to 12");
            let Ok(date) = time::Date::from_calendar_date(year, month, day) else {
                return Ok(());
            };
            let name = format!("{month}");
            let name = if long { name.as_str() } else { &name[..3] };
            let text = if padded {
                format!("{day:02} {name} {year:04}")
            } else {
                format!("{day} {name} {year:04}")
            };
            let read = decision_date(&text, YEARS);
            if YEARS.contains(&year) {
                proptest::prop_assert_eq!(read, Ok(date));
            } else {
                let refused = matches!(read, Err(DateProblem::OutOfRange { .. }));
                proptest::prop_assert!(refused, "{:?}", text);
            }
        }
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
        assert_eq!(h.decision_date, Some(date!(2023 - 10 - 05)));
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
    fn values_on_the_lines_below_their_labels_are_read() {
        let text = "T (16 000 780)\nCategory :\nAdult care services\n>\nTransition from childrens services\nDecision :\nUpheld\nDecision date :\n14 Feb 2017\nSummary: Mr X complained.\n";
        let lines = clean_lines(text);
        let mut h = Header::default();
        let next = header_fields(&lines, 1, &mut h);
        assert_eq!(lines[next].text, "Summary: Mr X complained.");
        assert_eq!(h.category.as_deref(), Some("Adult care services"));
        assert_eq!(
            h.subcategory.as_deref(),
            Some("Transition from childrens services")
        );
        assert_eq!(h.outcome.as_deref(), Some("Upheld"));
        assert_eq!(h.decision_date, Some(date!(2017 - 02 - 14)));
        // `Top >` / `Sub` and `Top` / `> Sub` join the same way.
        for split in ["Housing >\nAllocations", "Housing\n> Allocations"] {
            let text = format!("T (16 000 780)\nCategory :\n{split}\n");
            let lines = clean_lines(&text);
            let mut h = Header::default();
            assert_eq!(header_fields(&lines, 1, &mut h), 4);
            assert_eq!(h.subcategory.as_deref(), Some("Allocations"), "{split:?}");
        }
    }

    #[test]
    fn a_bare_label_never_takes_a_heading_or_the_next_label_as_its_value() {
        let lines = clean_lines("T (16 000 780)\nCategory :\nDecision :\nThe Ombudsman's final decision:\nDecision date :\n");
        let mut h = Header::default();
        assert_eq!(header_fields(&lines, 1, &mut h), 2);
        assert_eq!((h.category, h.outcome), (None, None));
    }

    #[test]
    fn category_without_sub() {
        assert_eq!(split_category("Planning"), (Some("Planning".into()), None));
    }
}
