//! TIME: clock times and parts of a day. `午前10時` → `10:00`,
//! `午後3時30分` → `15:30`, `15時`, `10時半` → `10:30`, `15:30`, `正午` →
//! `12:00`, `10 a.m.`, `3:30 p.m.` → `15:30`, `noon`; deictic parts of a
//! day (`今夜`, `今朝`, `tonight`, `this morning`) without a norm. Not
//! `3時間` (a duration) nor `一時的` (temporarily).

use super::number::{parse_at, Numeral};
use super::text::{char_at, match_at, match_before, skip_spaces, word_ends, FirstWords, Firsts};
use super::{cand, marks, Scan};
use crate::{Candidate, Confidence};
use kiji_core::EntityType;
use std::sync::OnceLock;

/// Japanese parts of a day that point at one (今夜 = tonight).
const JA_PARTS: &[&str] = &[
    "今夜", "今朝", "昨夜", "今晩", "昨晩", "明朝", "今夕", "今宵", "同夜",
];

/// English parts of a day (case-insensitive, whole words).
const EN_PARTS: &[&str] = &[
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "last night",
    "tomorrow morning",
    "tomorrow night",
    "yesterday morning",
    "yesterday afternoon",
    "yesterday evening",
];

/// The first characters of the Japanese parts of a day.
pub(super) fn ja_firsts() -> &'static Firsts {
    static JA_FIRSTS: OnceLock<Firsts> = OnceLock::new();
    JA_FIRSTS.get_or_init(|| Firsts::of(&[JA_PARTS, &["正午"]]))
}

/// The first words of the English parts of a day.
pub(super) fn en_firsts() -> &'static FirstWords {
    static EN_FIRST: OnceLock<FirstWords> = OnceLock::new();
    EN_FIRST.get_or_init(|| FirstWords::of(&[EN_PARTS, &["noon", "midnight"]]))
}

/// Proposes TIME candidates.
pub fn propose(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    let text = sc.text;
    for n in &sc.nums {
        if let Some(c) = japanese(text, n)
            .or_else(|| colon(text, n))
            .or_else(|| meridiem(text, n))
        {
            out.push(c);
        }
    }
    // Only the words in `en_firsts()` and the characters in `ja_firsts()`
    // can start a part of a day.
    for m in &sc.marks {
        let i = m.pos;
        if m.kinds & marks::TIME_WORD != 0 {
            if let Some((e, _)) = match_at(text, i, EN_PARTS, true, true) {
                out.push(cand(i, e, EntityType::Time, None, Confidence::Known));
            } else if let Some((e, k)) = match_at(text, i, &["noon", "midnight"], true, true) {
                let norm = if k == 0 { "12:00" } else { "00:00" };
                out.push(cand(
                    i,
                    e,
                    EntityType::Time,
                    Some(norm.into()),
                    Confidence::Known,
                ));
            }
        } else if m.kinds & marks::TIME_KANJI == 0 {
            continue;
        } else if let Some((e, _)) = match_at(text, i, JA_PARTS, false, false) {
            out.push(cand(i, e, EntityType::Time, None, Confidence::Known));
        } else if text[i..].starts_with("正午") {
            out.push(cand(
                i,
                i + "正午".len(),
                EntityType::Time,
                Some("12:00".into()),
                Confidence::Known,
            ));
        }
    }
}

fn hhmm(h: u32, m: u32) -> Option<String> {
    (h <= 24 && m <= 59).then(|| format!("{h:02}:{m:02}"))
}

/// `午前10時`, `午後3時30分`, `15時`, `10時半`.
fn japanese(text: &str, n: &Numeral) -> Option<Candidate> {
    if !text[n.end..].starts_with('時') {
        return None;
    }
    let after = n.end + '時'.len_utf8();
    // 3時間 (a duration), 時点 (a point in), 時期, 時代.
    if matches!(char_at(text, after), Some('間' | '点' | '期' | '代' | '差')) {
        return None;
    }
    let prefix = match_before(text, n.start, &["午前", "午後"], false);
    if n.kanji_only() && prefix.is_none() {
        // 一時的, 同時: only 午後三時 is a clock in kanji.
        return None;
    }
    if !n.plain && n.arabic {
        return None;
    }
    let mut h = n.int()?;
    let mut end = after;
    let mut m = 0;
    if text[end..].starts_with('半') {
        m = 30;
        end += '半'.len_utf8();
    } else if let Some(mn) = parse_at(text, end).filter(|x| !x.vague) {
        if text[mn.end..].starts_with('分') && !text[mn.end..].starts_with("分間") {
            m = mn.int().filter(|v| *v <= 59)?;
            end = mn.end + '分'.len_utf8();
        }
    }
    let start = match prefix {
        Some((s, 0)) => {
            if h > 12 {
                return None;
            }
            if h == 12 {
                h = 0;
            }
            s
        }
        Some((s, _)) => {
            if h > 12 {
                return None;
            }
            if h < 12 {
                h += 12;
            }
            s
        }
        None => n.start,
    };
    let norm = hhmm(h, m);
    norm.as_ref()?;
    Some(cand(start, end, EntityType::Time, norm, Confidence::Known))
}

/// `15:30`, `9:05:10`, `3:30 p.m.`.
fn colon(text: &str, n: &Numeral) -> Option<Candidate> {
    if !n.plain || n.chars > 2 {
        return None;
    }
    let sep = char_at(text, n.end).filter(|c| matches!(c, ':' | '：'))?;
    let mm = parse_at(text, n.end + sep.len_utf8()).filter(|x| x.plain && x.chars == 2)?;
    let mut end = mm.end;
    // Seconds are dropped from the norm, not from the span.
    if char_at(text, end) == Some(sep) {
        if let Some(ss) = parse_at(text, end + sep.len_utf8()).filter(|x| x.plain && x.chars == 2) {
            end = ss.end;
        }
    }
    if char_at(text, end).is_some_and(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    let mut h = n.int()?;
    let m = mm.int()?;
    if let Some((e, pm)) = ampm(text, end) {
        h = to_24(h, pm)?;
        end = e;
    }
    let norm = hhmm(h, m);
    norm.as_ref()?;
    Some(cand(
        n.start,
        end,
        EntityType::Time,
        norm,
        Confidence::Known,
    ))
}

/// `10 a.m.`, `10am`, `3 PM`.
fn meridiem(text: &str, n: &Numeral) -> Option<Candidate> {
    if !n.plain || n.chars > 2 {
        return None;
    }
    let (end, pm) = ampm(text, n.end)?;
    let h = to_24(n.int()?, pm)?;
    Some(cand(
        n.start,
        end,
        EntityType::Time,
        hhmm(h, 0),
        Confidence::Known,
    ))
}

/// An a.m./p.m. marker at `i` (after at most one space): (end, is p.m.).
fn ampm(text: &str, i: usize) -> Option<(usize, bool)> {
    const MARKS: &[&str] = &["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."];
    let at = skip_spaces(text, i, 1);
    let (e, k) = match_at(text, at, MARKS, false, false)?;
    // "a.m." ends in a dot; "am" must end the word.
    if !MARKS[k].ends_with('.') && !word_ends(text, e) {
        return None;
    }
    Some((e, MARKS[k].starts_with(['p', 'P'])))
}

fn to_24(h: u32, pm: bool) -> Option<u32> {
    match (h, pm) {
        (1..=11, false) => Some(h),
        (12, false) => Some(0),
        (1..=11, true) => Some(h + 12),
        (12, true) => Some(12),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, Case};
    use kiji_core::EntityType::Time;

    #[test]
    fn time_spans_and_norms() {
        let cases: &[Case] = &[
            ("午前10時に", &[("午前10時", Some("10:00"))]),
            ("午後3時30分", &[("午後3時30分", Some("15:30"))]),
            ("午後3時", &[("午後3時", Some("15:00"))]),
            ("午前0時", &[("午前0時", Some("00:00"))]),
            ("午前12時", &[("午前12時", Some("00:00"))]),
            ("午後12時", &[("午後12時", Some("12:00"))]),
            ("午後三時", &[("午後三時", Some("15:00"))]),
            ("15時", &[("15時", Some("15:00"))]),
            ("10時半", &[("10時半", Some("10:30"))]),
            ("１５時３０分", &[("１５時３０分", Some("15:30"))]),
            ("正午", &[("正午", Some("12:00"))]),
            ("15:30に", &[("15:30", Some("15:30"))]),
            ("9:05:10", &[("9:05:10", Some("09:05"))]),
            ("10 a.m.", &[("10 a.m.", Some("10:00"))]),
            ("3:30 p.m.", &[("3:30 p.m.", Some("15:30"))]),
            ("10am", &[("10am", Some("10:00"))]),
            ("12 PM", &[("12 PM", Some("12:00"))]),
            ("at noon", &[("noon", Some("12:00"))]),
            ("今夜", &[("今夜", None)]),
            ("今朝の", &[("今朝", None)]),
            ("tonight", &[("tonight", None)]),
            ("this morning", &[("this morning", None)]),
            ("3時間", &[]),
            ("一時的に", &[]),
            ("同時に", &[]),
            ("25時", &[]),
            ("3:1の比率", &[]),
            ("朝食", &[]),
            ("深夜番組", &[]),
            ("I am 10 am", &[("10 am", Some("10:00"))]),
            ("13 pm", &[]),
            ("2 amps", &[]),
        ];
        for (text, want) in cases {
            run(text, None, &[Time], want);
        }
    }
}
