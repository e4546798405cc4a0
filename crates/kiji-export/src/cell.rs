//! Table cells and spreadsheet safety.
//!
//! Spreadsheet programs treat a cell that starts with `=`, `+`, `-` or `@` as
//! a formula (OWASP "CSV injection"); a leading tab or carriage return can
//! hide such a start. Article text is untrusted, so text cells that start
//! like that are prefixed with `'`, which Excel and LibreOffice show as a
//! plain-text marker. Numbers are never touched: a numeric column holds
//! [`Cell::Int`] or [`Cell::Num`], and a text value that is a plain decimal
//! number (`-3.5`) is left as it is because it cannot run anything.

use std::borrow::Cow;

/// One value of a table row, typed so each writer can store it properly
/// (a number as a number in XLSX, text as text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Free text; subject to formula neutralisation in CSV/TSV.
    Text(Cow<'a, str>),
    /// A count or an offset.
    Int(u64),
    /// A decimal number (amounts).
    Num(f64),
    /// A calendar date (XLSX only; CSV writes it as `YYYY-MM-DD`).
    Date { year: u16, month: u8, day: u8 },
    /// No value.
    Empty,
}

impl<'a> Cell<'a> {
    /// A text cell borrowing `s`.
    pub(crate) fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    /// A text cell, or an empty one when there is no value.
    pub(crate) fn opt_text(s: Option<&'a str>) -> Cell<'a> {
        s.map_or(Cell::Empty, Cell::text)
    }

    /// A count or offset.
    pub(crate) fn int(n: usize) -> Cell<'a> {
        Cell::Int(n as u64)
    }

    /// The cell as CSV text, neutralised unless `raw`.
    pub(crate) fn to_csv(&self, raw: bool) -> Cow<'_, str> {
        match self {
            Cell::Text(s) if raw => Cow::Borrowed(s.as_ref()),
            Cell::Text(s) => neutralise(s),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Num(x) => Cow::Owned(format_number(*x)),
            Cell::Date { year, month, day } => Cow::Owned(format!("{year:04}-{month:02}-{day:02}")),
            Cell::Empty => Cow::Borrowed(""),
        }
    }
}

/// Prefixes `'` to text that a spreadsheet would read as a formula.
///
/// ```text
/// =SUM(A1) → '=SUM(A1)    @cmd → '@cmd    -2+3 → '-2+3    -3.5 → -3.5
/// ```
pub(crate) fn neutralise(s: &str) -> Cow<'_, str> {
    if needs_quote(s) {
        let mut out = String::with_capacity(s.len() + 1);
        out.push('\'');
        out.push_str(s);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// True when `s` starts with a formula trigger and is not a plain number.
pub(crate) fn needs_quote(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) && !is_plain_number(s)
}

/// True for `[+-]digits[.digits]`: a number that cannot be a formula.
///
/// Deliberately narrower than `f64::from_str`, which also accepts `inf`,
/// `NaN` and exponents that a spreadsheet would not read the same way.
pub(crate) fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(all_digits)
}

/// Formats a number without a trailing `.0` and without exponent notation,
/// so `97400000000` stays `97400000000`.
pub(crate) fn format_number(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_are_quoted() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("+81 3"), "'+81 3");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("--02-10"), "'--02-10");
    }

    #[test]
    fn ordinary_text_and_numbers_are_kept() {
        assert_eq!(neutralise("ソフトバンク"), "ソフトバンク");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise("-3.5"), "-3.5");
        assert_eq!(neutralise("+12"), "+12");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn plain_numbers_only() {
        assert!(is_plain_number("12.5"));
        assert!(is_plain_number("-3"));
        assert!(!is_plain_number("-"));
        assert!(!is_plain_number("1."));
        assert!(!is_plain_number("-inf"));
        assert!(!is_plain_number("1e5"));
        assert!(!is_plain_number("-2+3"));
    }

    #[test]
    fn raw_cells_keep_text() {
        assert_eq!(Cell::text("=1+1").to_csv(true), "=1+1");
        assert_eq!(Cell::text("=1+1").to_csv(false), "'=1+1");
        assert_eq!(Cell::Num(97400000000.0).to_csv(false), "97400000000");
        assert_eq!(Cell::Num(0.5).to_csv(false), "0.5");
        assert_eq!(
            Cell::Date {
                year: 2025,
                month: 2,
                day: 10
            }
            .to_csv(false),
            "2025-02-10"
        );
    }
}
