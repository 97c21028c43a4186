//! Calendar dates as day numbers, so that periods can be cut and compared cheaply.

use std::fmt;

/// A date of the proleptic Gregorian calendar, stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(pub i32);

impl Date {
    /// The earliest date entrust handles (0001-01-01).
    pub const MIN: Date = Date(-719_162);
    /// The latest date entrust handles (9999-12-31).
    pub const MAX: Date = Date(2_932_896);

    /// The date of a year, month and day, if it exists.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + i32::try_from(doy).ok()?;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
        let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    /// Parses `YYYY-MM-DD`; `None` if malformed or not a real date.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let y = i32::try_from(num(0..4)?).ok()?;
        Date::from_ymd(y, num(5..7)?, num(8..10)?)
    }

    /// What is wrong with a text that [`Date::parse`] refuses (`None` if it is a date).
    pub fn problem(s: &str) -> Option<DateProblem> {
        if Date::parse(s).is_some() {
            return None;
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str| -> Option<u32> {
            if p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let (Some(y), Some(m), Some(d)) = (
            parts.first().and_then(|p| num(p)),
            parts.get(1).and_then(|p| num(p)),
            parts.get(2).and_then(|p| num(p)),
        ) else {
            return Some(DateProblem::Form);
        };
        let well_formed = parts.len() == 3 && s.len() == 10 && (1..=9999).contains(&y);
        if !well_formed {
            return Some(DateProblem::Form);
        }
        if !(1..=12).contains(&m) {
            return Some(DateProblem::Month(m));
        }
        let last = days_in_month(i32::try_from(y).unwrap_or(1), m);
        Some(DateProblem::Day {
            day: d,
            year: y,
            month: m,
            last,
        })
    }

    /// The day after (saturating at [`Date::MAX`]).
    pub fn succ(self) -> Date {
        Date((self.0 + 1).min(Date::MAX.0))
    }

    /// The day before (saturating at [`Date::MIN`]).
    pub fn pred(self) -> Date {
        Date((self.0 - 1).max(Date::MIN.0))
    }
}

/// What is wrong with a text that is not a date (see [`Date::problem`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not of the form YYYY-MM-DD.
    Form,
    /// A month out of 1..=12.
    Month(u32),
    /// A day the month does not have.
    Day {
        /// The day written.
        day: u32,
        /// The year.
        year: u32,
        /// The month.
        month: u32,
        /// The month's last day in that year.
        last: u32,
    },
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_part_out_of_range() {
        assert_eq!(Date::problem("2024-02-29"), None);
        assert_eq!(Date::problem("2024-13-01"), Some(DateProblem::Month(13)));
        assert_eq!(Date::problem("2024-00-10"), Some(DateProblem::Month(0)));
        assert_eq!(
            Date::problem("2023-02-29"),
            Some(DateProblem::Day {
                day: 29,
                year: 2023,
                month: 2,
                last: 28
            })
        );
        for form in [
            "24-1-1",
            "2024/01/01",
            "2024-1-01",
            "",
            "0000-01-01",
            "２０２４-01-01",
        ] {
            assert_eq!(Date::problem(form), Some(DateProblem::Form), "{form}");
        }
    }

    #[test]
    fn round_trips() {
        for s in [
            "1970-01-01",
            "2011-09-30",
            "2020-02-29",
            "2023-09-15",
            "0001-01-01",
            "9999-12-31",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert_eq!(
            Date::parse("2023-09-15").unwrap().pred().to_string(),
            "2023-09-14"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2023-02-30",
            "2021-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-1-10",
            "20230110",
            "２０２３-01-01",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
    }
}
