//! Numeric expressions: MONEY, PERCENT, QUANTITY, DATE and TIME, in Japanese
//! and English, with their normalised values (ANNOTATION.md).
//!
//! One pass over the text marks where a rule may start ([`marks`]): the
//! characters of numerals, the kanji and English words that start a date
//! or time word. The numerals are read at their marks ([`number::scan`]);
//! each type's module then looks at what is written around every numeral (a
//! currency, a counter, 年月日, 時分) and, at its marks, at the words that
//! need no numeral (昨年, Monday, 今夜). The resolver picks among overlapping proposals, so the
//! modules may propose freely: `5年間` (QUANTITY) beats `5年` by length,
//! `2015年` is proposed as DATE only.
//!
//! Qualifiers (約, 以上, about, over) are never inside a span, because a
//! span starts at the numeral (or its currency symbol) and ends at its unit.
//!
//! Ranges: `3〜5%`, `1億〜2億ドル`, `10-20 seconds` — a numeral without a
//! unit, a dash or wave dash, then a full expression — become one entity
//! over the whole range, without a norm (no single value is written).

mod calendar;
mod date;
mod marks;
mod money;
mod number;
mod percent;
mod quantity;
mod text;
mod time;

pub use number::Dec;

/// English month names (with abbreviations) and weekdays: words other
/// modules must not take for names.
pub(crate) const EN_CALENDAR: [&[&str]; 2] = [date::MONTHS, date::EN_WEEKDAYS];

/// True for an English month name, its abbreviation or a weekday.
pub(crate) fn calendar_word(w: &str) -> bool {
    EN_CALENDAR.iter().any(|list| list.contains(&w))
}

use crate::{Candidate, Confidence, DocContext, DocDate, Recognizer};
use kiji_core::EntityType;
use number::Numeral;

/// Name recorded as the `source` of the entities.
const NAME: &str = "numeric";

/// What every module sees: the text, its numerals, the positions where a
/// rule may start and the document date.
pub(crate) struct Scan<'a> {
    text: &'a str,
    nums: Vec<Numeral>,
    marks: Vec<marks::Mark>,
    date: Option<DocDate>,
}

/// A candidate of this recogniser.
pub(crate) fn cand(
    start: usize,
    end: usize,
    ty: EntityType,
    norm: Option<String>,
    confidence: Confidence,
) -> Candidate {
    let mut c = Candidate::new(start, end, ty, NAME, confidence);
    c.norm = norm;
    c
}

/// Recognises MONEY, PERCENT, QUANTITY, DATE and TIME expressions.
#[derive(Debug, Default, Clone, Copy)]
pub struct NumericRecognizer;

impl NumericRecognizer {
    /// A recogniser (it holds no state: the word lists are constants).
    pub fn new() -> Self {
        NumericRecognizer
    }

    /// The candidates for `text` with document date `date`, before
    /// resolution; the same as [`Recognizer::propose`] without a context.
    pub fn candidates(&self, text: &str, date: Option<DocDate>) -> Vec<Candidate> {
        // One pass finds where rules may start; the modules visit only
        // those positions instead of every character again.
        let marks = marks::marks(text);
        let sc = Scan {
            text,
            nums: number::scan_marks(text, &marks),
            marks,
            date,
        };
        let mut out = Vec::new();
        money::propose(&sc, &mut out);
        percent::propose(&sc, &mut out);
        quantity::propose(&sc, &mut out);
        date::propose(&sc, &mut out);
        time::propose(&sc, &mut out);
        ranges(&sc, &mut out);
        out.retain(|c| {
            !c.is_empty()
                && text.is_char_boundary(c.byte_start)
                && text.is_char_boundary(c.byte_end)
        });
        out
    }
}

impl Recognizer for NumericRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn propose(&self, cx: &DocContext<'_>, out: &mut Vec<Candidate>) {
        out.extend(self.candidates(cx.text, cx.date));
    }
}

/// Adds one candidate over each range `A〜B<unit>` (see the module doc).
fn ranges(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    const DASHES: &[&str] = &["〜", "～", "~", "–", "—", "-", "−", "から"];
    let mut extra = Vec::new();
    for c in out.iter() {
        if !matches!(
            c.ty,
            EntityType::Money | EntityType::Percent | EntityType::Quantity
        ) {
            continue;
        }
        // The second half must start with its numeral.
        let Ok(k) = sc.nums.binary_search_by_key(&c.byte_start, |n| n.start) else {
            continue;
        };
        let Some((dash, _)) = text::match_before(sc.text, c.byte_start, DASHES, false) else {
            continue;
        };
        let Some(first) = k.checked_sub(1).map(|p| &sc.nums[p]) else {
            continue;
        };
        // Same kind of numeral on both sides (not 2015-2020 or 第1-3).
        if first.end == dash && first.arabic == sc.nums[k].arabic {
            extra.push(cand(first.start, c.byte_end, c.ty, None, c.confidence));
        }
    }
    out.extend(extra);
}

#[cfg(test)]
mod seeds;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A table row: a text and the (text, norm) of the entities expected.
    pub type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

    /// Runs the recogniser and the resolver on `text` and compares the
    /// entities of `types` with `want` as (text, norm) in text order.
    pub fn run(
        text: &str,
        date: Option<DocDate>,
        types: &[EntityType],
        want: &[(&str, Option<&str>)],
    ) {
        let got: Vec<(String, Option<String>)> =
            crate::resolve(NumericRecognizer::new().candidates(text, date))
                .into_iter()
                .filter(|c| types.contains(&c.ty))
                .map(|c| (text[c.byte_start..c.byte_end].to_string(), c.norm))
                .collect();
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(t, n)| (t.to_string(), n.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    /// All entities of any type, as (text, type).
    fn all(text: &str) -> Vec<(String, EntityType)> {
        crate::resolve(NumericRecognizer::new().candidates(text, None))
            .into_iter()
            .map(|c| (text[c.byte_start..c.byte_end].to_string(), c.ty))
            .collect()
    }

    #[test]
    fn ranges_are_one_entity_without_norm() {
        use EntityType::*;
        let cases: &[(&str, &[(&str, EntityType)])] = &[
            ("3〜5%の上昇", &[("3〜5%", Percent)]),
            ("1億〜2億ドル", &[("1億〜2億ドル", Money)]),
            ("10-20 seconds", &[("10-20 seconds", Quantity)]),
            ("3%〜5%", &[("3%", Percent), ("5%", Percent)]),
            ("2015-2020年", &[("2020年", Date)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, EntityType)> =
                want.iter().map(|(t, ty)| (t.to_string(), *ty)).collect();
            assert_eq!(all(text), want, "{text}");
        }
    }

    #[test]
    fn no_panic_and_char_boundaries_on_odd_input() {
        let texts = [
            "",
            "9999999999999999兆",
            "9999999999999999999999999999999999999999999999999兆円",
            "数",
            "何",
            "$",
            "１，",
            "3.",
            "12月32日",
            "99:99",
            "令和",
            "第",
            "🎌2025年🎌",
        ];
        for t in texts {
            for c in NumericRecognizer::new().candidates(t, DocDate::parse("2025-01-05")) {
                assert!(t.is_char_boundary(c.byte_start) && t.is_char_boundary(c.byte_end));
                assert!(c.byte_start < c.byte_end);
            }
        }
    }
}
