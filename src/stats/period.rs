//! Time keys (`--by year`, `quarter`, `month`): a decision's month as a
//! small number, and the periods it falls in as ordinals that sort in time
//! order, so grouping can run rows chronologically and fill the periods
//! between the first and last with zero rows.

use std::num::NonZeroU32;

use time::Date;

/// The month of a decision date: `year * 12 + month` (months numbered from 1,
/// so it is never zero and an `Option<Month>` takes four bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month(NonZeroU32);

impl Month {
    /// The month `date` falls in (`None` for a year before 1: never a
    /// decision date, which the parser keeps within 1974 to next year).
    pub fn of(date: Date) -> Option<Month> {
        let year = u32::try_from(date.year()).ok()?;
        NonZeroU32::new(year * 12 + u32::from(u8::from(date.month()))).map(Month)
    }

    fn year(self) -> u32 {
        (self.0.get() - 1) / 12
    }

    /// Month of the year, 1 to 12.
    fn number(self) -> u32 {
        (self.0.get() - 1) % 12 + 1
    }
}

/// The length of a time key's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// A calendar year (`2023`).
    Year,
    /// A calendar quarter (`2023-Q4`).
    Quarter,
    /// A calendar month (`2023-10`).
    Month,
}

impl Span {
    /// The ordinal of the period `month` falls in: consecutive periods have
    /// consecutive ordinals.
    pub fn ordinal(self, month: Month) -> u32 {
        let (year, number) = (month.year(), month.number());
        match self {
            Span::Year => year,
            Span::Quarter => year * 4 + (number - 1) / 3,
            Span::Month => year * 12 + (number - 1),
        }
    }

    /// The printed name of the period with `ordinal`: `2023`, `2023-Q4` or
    /// `2023-10`.
    pub fn label(self, ordinal: u32) -> String {
        match self {
            Span::Year => format!("{ordinal:04}"),
            Span::Quarter => format!("{:04}-Q{}", ordinal / 4, ordinal % 4 + 1),
            Span::Month => format!("{:04}-{:02}", ordinal / 12, ordinal % 12 + 1),
        }
    }

    /// The ordinal of a printed period name, the inverse of [`Span::label`]
    /// (`None` for anything else, such as the missing-value marker).
    pub fn parse(self, label: &str) -> Option<u32> {
        let (year, rest) = label.split_at_checked(4)?;
        let year: u32 = year.parse().ok()?;
        match (self, rest) {
            (Span::Year, "") => Some(year),
            (Span::Quarter, q) => {
                let q: u32 = q.strip_prefix("-Q")?.parse().ok()?;
                (1..=4).contains(&q).then(|| year * 4 + q - 1)
            }
            (Span::Month, m) => {
                let m = m.strip_prefix('-')?;
                let m: u32 = (m.len() == 2).then(|| m.parse().ok()).flatten()?;
                (1..=12).contains(&m).then(|| year * 12 + m - 1)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month as M;

    fn month(year: i32, m: M) -> Month {
        Month::of(Date::from_calendar_date(year, m, 15).expect("valid date")).expect("month")
    }

    #[test]
    fn periods_have_consecutive_ordinals_across_year_ends() {
        let (dec, jan) = (month(2022, M::December), month(2023, M::January));
        assert_eq!(Span::Year.ordinal(jan), Span::Year.ordinal(dec) + 1);
        assert_eq!(Span::Quarter.ordinal(jan), Span::Quarter.ordinal(dec) + 1);
        assert_eq!(Span::Month.ordinal(jan), Span::Month.ordinal(dec) + 1);
        // Months of one quarter share it.
        let (oct, nov) = (month(2023, M::October), month(2023, M::November));
        assert_eq!(Span::Quarter.ordinal(oct), Span::Quarter.ordinal(nov));
        assert!(month(2023, M::March) < oct);
    }

    #[test]
    fn period_labels_read_back_to_their_ordinals() {
        let oct = month(2023, M::October);
        let cases = [
            (Span::Year, "2023"),
            (Span::Quarter, "2023-Q4"),
            (Span::Month, "2023-10"),
        ];
        for (span, label) in cases {
            assert_eq!(span.label(span.ordinal(oct)), label);
            assert_eq!(span.parse(label), Some(span.ordinal(oct)));
        }
        assert_eq!(
            Span::Month.label(Span::Month.ordinal(month(2020, M::January))),
            "2020-01"
        );
        for (span, bad) in [
            (Span::Year, "(none)"),
            (Span::Quarter, "2023-Q5"),
            (Span::Month, "2023-13"),
            (Span::Month, "2023-1"),
            (Span::Year, "2023-10"),
        ] {
            assert_eq!(span.parse(bad), None, "{bad}");
        }
    }
}
