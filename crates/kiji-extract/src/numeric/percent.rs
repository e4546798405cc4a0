//! PERCENT: `12.5%`, `３０％`, `30パーセント`, `50 percent`, `5 per cent`,
//! and the Japanese tenths `3割` (30), `2割5分` (25), `1割2分5厘` (12.5).
//! The norm is the number alone. Percentage points (`ポイント`,
//! `percentage points`) are QUANTITY, see [`super::quantity`].

use super::number::{parse_at, Dec, Numeral};
use super::text::{match_at, skip_spaces};
use super::{cand, Scan};
use crate::{Candidate, Confidence};
use kiji_core::EntityType;

/// Signs written right after the number.
const GLUED: &[&str] = &["%", "％", "パーセント", "パーセンテージ"];
/// English words after a space (or glued `pct`).
const WORDS: &[&str] = &["percent", "per cent", "pct", "per-cent"];

/// Proposes PERCENT candidates.
pub fn propose(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    for n in &sc.nums {
        if let Some(c) = percent_sign(sc.text, n).or_else(|| wari(sc.text, n)) {
            out.push(c);
        }
    }
}

fn percent_sign(text: &str, n: &Numeral) -> Option<Candidate> {
    let end = if let Some((e, _)) = match_at(text, n.end, GLUED, false, false) {
        e
    } else {
        let at = skip_spaces(text, n.end, 1);
        match_at(text, at, WORDS, true, true)?.0
    };
    let norm = n.value.map(|v| v.to_string());
    Some(cand(
        n.start,
        end,
        EntityType::Percent,
        norm,
        Confidence::Known,
    ))
}

/// `3割`, `2割5分`, `1割2分5厘`: tenths, hundredths, thousandths.
fn wari(text: &str, n: &Numeral) -> Option<Candidate> {
    if !text[n.end..].starts_with('割') {
        return None;
    }
    // 割 after a numeral; 割合, 割引 and 割安 still mean tenths except 割合.
    let mut end = n.end + '割'.len_utf8();
    if text[end..].starts_with('合') {
        return None;
    }
    let tenths = n.value.filter(|v| v.as_int().is_some_and(|i| i <= 10));
    if tenths.is_none() && !n.vague {
        return None;
    }
    let mut value = tenths.and_then(|v| v.mul_int(10));
    for (unit, shift) in [('分', 0u32), ('厘', 1)] {
        let Some(m) = parse_at(text, end) else { break };
        let digit = m.int().filter(|d| *d <= 9);
        if !text[m.end..].starts_with(unit) || digit.is_none() {
            break;
        }
        let add = digit
            .map(|d| Dec::int(u128::from(d)))
            .and_then(|d| d.div_pow10(shift));
        value = value.zip(add).and_then(|(v, a)| v.plus(a));
        end = m.end + unit.len_utf8();
    }
    let norm = if n.vague {
        None
    } else {
        value.map(|v| v.to_string())
    };
    Some(cand(
        n.start,
        end,
        EntityType::Percent,
        norm,
        Confidence::Known,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, Case};
    use kiji_core::EntityType::Percent;

    #[test]
    fn percent_spans_and_norms() {
        let cases: &[Case] = &[
            ("12.5%増加", &[("12.5%", Some("12.5"))]),
            ("３０％", &[("３０％", Some("30"))]),
            ("３．５％", &[("３．５％", Some("3.5"))]),
            ("30パーセント", &[("30パーセント", Some("30"))]),
            ("rose 50 percent", &[("50 percent", Some("50"))]),
            ("5 per cent", &[("5 per cent", Some("5"))]),
            ("up 5%.", &[("5%", Some("5"))]),
            ("約3割が", &[("3割", Some("30"))]),
            ("2割5分", &[("2割5分", Some("25"))]),
            ("1割2分5厘", &[("1割2分5厘", Some("12.5"))]),
            ("三割", &[("三割", Some("30"))]),
            ("10割", &[("10割", Some("100"))]),
            ("数%", &[("数%", None)]),
            ("数割", &[("数割", None)]),
            ("0.05%", &[("0.05%", Some("0.05"))]),
            ("100%子会社", &[("100%", Some("100"))]),
            ("3割合", &[]),
            ("20割", &[]),
            ("5ポイント", &[]),
            ("5 percentage points", &[]),
            ("50 percentile", &[]),
            ("3 pct", &[("3 pct", Some("3"))]),
        ];
        for (text, want) in cases {
            run(text, None, &[Percent], want);
        }
    }
}
