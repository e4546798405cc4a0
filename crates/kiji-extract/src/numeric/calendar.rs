//! Calendar arithmetic for normalising dates: proleptic Gregorian days,
//! ISO weeks, and the nearest date to the document date.

use crate::DocDate;

/// True for a Gregorian leap year.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days of month `m` (1–12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `z` days after 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// ISO weekday, Monday = 1 … Sunday = 7.
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// The ISO week of the day `days`, as `YYYY-Www`.
pub fn iso_week(days: i64) -> String {
    let thursday = days - i64::from(weekday(days)) + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
    format!("{ty:04}-W{week:02}")
}

/// The document date as a day number.
pub fn doc_days(d: DocDate) -> i64 {
    days_from_civil(i64::from(d.year), d.month, d.day)
}

/// `YYYY-MM-DD` of a day number.
pub fn fmt_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM` of the month `k` months after the document's.
pub fn month_offset(d: DocDate, k: i64) -> String {
    let idx = i64::from(d.year) * 12 + i64::from(d.month) - 1 + k;
    format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
}

/// Norm of a month (and day) written without a year: the nearest such date
/// to the document date, or `--MM(-DD)` without one. `None` for an
/// impossible date.
pub fn month_day(doc: Option<DocDate>, m: u32, d: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&m) {
        return None;
    }
    if let Some(d) = d {
        // 2月29日 exists in some year; check against a leap year.
        if d == 0 || d > days_in_month(2000, m) {
            return None;
        }
    }
    let Some(doc) = doc else {
        return Some(match d {
            Some(d) => format!("--{m:02}-{d:02}"),
            None => format!("--{m:02}"),
        });
    };
    let y0 = i64::from(doc.year);
    match d {
        Some(d) => {
            let here = doc_days(doc);
            (y0 - 1..=y0 + 1)
                .filter(|y| d <= days_in_month(*y, m))
                .map(|y| days_from_civil(y, m, d))
                .min_by_key(|t| ((t - here).abs(), *t))
                .map(fmt_day)
        }
        None => {
            let here = y0 * 12 + i64::from(doc.month) - 1;
            (y0 - 1..=y0 + 1)
                .map(|y| y * 12 + i64::from(m) - 1)
                .min_by_key(|t| ((t - here).abs(), *t))
                .map(|t| format!("{:04}-{:02}", t.div_euclid(12), t.rem_euclid(12) + 1))
        }
    }
}

/// Norm of a full date; `None` when the day does not exist.
pub fn ymd(y: i64, m: u32, d: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) if d >= 1 && d <= days_in_month(y, m) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{y:04}-{m:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Option<DocDate> {
        DocDate::parse(s)
    }

    #[test]
    fn day_numbers_round_trip() {
        for (y, m, d, days) in [
            (1970, 1, 1, 0),
            (2000, 3, 1, 11017),
            (2025, 2, 10, 20129),
            (1969, 12, 31, -1),
        ] {
            assert_eq!(days_from_civil(y, m, d), days);
            assert_eq!(civil_from_days(days), (y, m, d));
        }
    }

    #[test]
    fn iso_weeks() {
        let cases = [
            ((2025, 2, 10), "2025-W07"),
            ((2025, 2, 3), "2025-W06"),
            ((2024, 12, 30), "2025-W01"),
            ((2021, 1, 3), "2020-W53"),
            ((2026, 1, 1), "2026-W01"),
        ];
        for ((y, m, d), w) in cases {
            assert_eq!(iso_week(days_from_civil(y, m, d)), w);
        }
    }

    #[test]
    fn nearest_dates() {
        type Row<'a> = (Option<DocDate>, u32, Option<u32>, Option<&'a str>);
        let cases: &[Row] = &[
            (doc("2025-01-05"), 12, Some(28), Some("2024-12-28")),
            (doc("2025-02-10"), 2, Some(10), Some("2025-02-10")),
            (doc("2025-12-20"), 1, Some(3), Some("2026-01-03")),
            (doc("2025-06-01"), 12, None, Some("2024-12")),
            (doc("2025-11-03"), 1, None, Some("2026-01")),
            (doc("2025-03-01"), 2, Some(29), Some("2024-02-29")),
            (None, 2, Some(10), Some("--02-10")),
            (None, 12, None, Some("--12")),
            (None, 13, None, None),
            (None, 4, Some(31), None),
        ];
        for (d, m, day, want) in cases {
            assert_eq!(month_day(*d, *m, *day).as_deref(), *want, "{m} {day:?}");
        }
        assert_eq!(ymd(2025, 2, Some(29)), None);
        assert_eq!(ymd(2024, 2, Some(29)).as_deref(), Some("2024-02-29"));
        assert_eq!(
            month_offset(
                DocDate {
                    year: 2025,
                    month: 1,
                    day: 5
                },
                -1
            ),
            "2024-12"
        );
    }
}
