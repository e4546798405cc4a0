//! DATE: calendar points and periods, absolute or relative, Japanese and
//! English, normalised to ISO 8601 at the precision written
//! (ANNOTATION.md): `2015年` → `2015`, `2024年10月` → `2024-10`,
//! `令和7年` → `2025`, `2026年3月期` → `2026-03`, `2026年7〜9月期` →
//! `2026-07/2026-09`, `2025年度` → `2025`,
//! `2月10日` → nearest to the document date (or `--02-10`), `昨年` →
//! year − 1, `今週` → ISO week, `February 10, 2025`, `in 2015`,
//! `2025-02-10`. Weekdays have a norm only with a date beside them
//! (`月曜日(2月10日)`). Vague words (将来, 最近, recently) are not dates.

use super::calendar::{doc_days, fmt_day, iso_week, month_day, month_offset, ymd};
use super::number::{is_kanji, parse_at, Numeral};
use super::text::{
    char_at, column, match_at, match_before, prev_char, skip_spaces, word_before, word_ends,
    FirstWords, Firsts, Lexicon,
};
use super::{cand, marks, Scan};
use crate::{Candidate, Confidence, DocDate};
use kiji_core::EntityType;
use std::sync::OnceLock;

/// Japanese eras with the year before their first year: the modern ones,
/// then those of the Edo and Sengoku periods, which history articles date
/// by (天正18年 → 1590). Years before 1873 are lunisolar; the Gregorian
/// year of the era year is given, which is off by one only for dates in
/// the last weeks of a year.
const ERAS: &[(&str, i64)] = &[
    ("令和", 2018),
    ("平成", 1988),
    ("昭和", 1925),
    ("大正", 1911),
    ("明治", 1867),
    ("慶応", 1864),
    ("元治", 1863),
    ("文久", 1860),
    ("万延", 1859),
    ("安政", 1853),
    ("嘉永", 1847),
    ("弘化", 1843),
    ("天保", 1829),
    ("文政", 1817),
    ("文化", 1803),
    ("享和", 1800),
    ("寛政", 1788),
    ("天明", 1780),
    ("安永", 1771),
    ("明和", 1763),
    ("宝暦", 1750),
    ("寛延", 1747),
    ("延享", 1743),
    ("寛保", 1740),
    ("元文", 1735),
    ("享保", 1715),
    ("正徳", 1710),
    ("宝永", 1703),
    ("元禄", 1687),
    ("貞享", 1683),
    ("天和", 1680),
    ("延宝", 1672),
    ("寛文", 1660),
    ("万治", 1657),
    ("明暦", 1654),
    ("承応", 1651),
    ("慶安", 1647),
    ("正保", 1643),
    ("寛永", 1623),
    ("元和", 1614),
    ("慶長", 1595),
    ("文禄", 1591),
    ("天正", 1572),
    ("元亀", 1569),
    ("永禄", 1557),
    ("弘治", 1554),
    ("天文", 1531),
    ("享禄", 1527),
    ("大永", 1520),
    ("永正", 1503),
];

/// English month names and abbreviations (index % 12 = month − 1).
pub(crate) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
];

/// Words before a bare four-digit number that make it a year in English.
const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "from",
    "of",
    "until",
    "till",
    "during",
    "before",
    "after",
    "through",
    "to",
    "early",
    "late",
    "mid",
    "around",
    "circa",
    "between",
    "and",
    "or",
    "fiscal",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "for",
    "throughout",
];

/// How a relative word resolves against the document date.
#[derive(Clone, Copy)]
enum Rel {
    Year(i64),
    FiscalYear(i64),
    Month(i64),
    Day(i64),
    Week(i64),
    None,
}

/// Japanese relative dates and named periods.
const JA_REL: &[(&str, Rel)] = &[
    ("昨年", Rel::Year(-1)),
    ("去年", Rel::Year(-1)),
    ("一昨年", Rel::Year(-2)),
    ("今年", Rel::Year(0)),
    ("本年", Rel::Year(0)),
    ("来年", Rel::Year(1)),
    ("再来年", Rel::Year(2)),
    ("今年度", Rel::FiscalYear(0)),
    ("本年度", Rel::FiscalYear(0)),
    ("昨年度", Rel::FiscalYear(-1)),
    ("来年度", Rel::FiscalYear(1)),
    ("先月", Rel::Month(-1)),
    ("今月", Rel::Month(0)),
    ("来月", Rel::Month(1)),
    ("先々月", Rel::Month(-2)),
    ("再来月", Rel::Month(2)),
    ("昨日", Rel::Day(-1)),
    ("今日", Rel::Day(0)),
    ("本日", Rel::Day(0)),
    ("明日", Rel::Day(1)),
    ("一昨日", Rel::Day(-2)),
    ("明後日", Rel::Day(2)),
    ("先週", Rel::Week(-1)),
    ("今週", Rel::Week(0)),
    ("来週", Rel::Week(1)),
    ("先々週", Rel::Week(-2)),
    ("再来週", Rel::Week(2)),
    ("今週末", Rel::None),
    ("先週末", Rel::None),
    ("来週末", Rel::None),
    ("今春", Rel::None),
    ("今夏", Rel::None),
    ("今秋", Rel::None),
    ("今冬", Rel::None),
    ("昨春", Rel::None),
    ("昨夏", Rel::None),
    ("昨秋", Rel::None),
    ("昨冬", Rel::None),
    ("来春", Rel::None),
    ("来夏", Rel::None),
    ("来秋", Rel::None),
    ("来冬", Rel::None),
    ("新年", Rel::None),
    ("年末", Rel::None),
    ("年始", Rel::None),
    ("年初", Rel::None),
    ("年明け", Rel::None),
    ("年末年始", Rel::None),
    ("月末", Rel::None),
    ("月初", Rel::None),
];

/// English relative dates (matched case-insensitively as whole words).
const EN_REL: &[(&str, Rel)] = &[
    ("yesterday", Rel::Day(-1)),
    ("today", Rel::Day(0)),
    ("tomorrow", Rel::Day(1)),
    ("this week", Rel::Week(0)),
    ("last week", Rel::Week(-1)),
    ("next week", Rel::Week(1)),
    ("this month", Rel::Month(0)),
    ("last month", Rel::Month(-1)),
    ("next month", Rel::Month(1)),
    ("this year", Rel::Year(0)),
    ("last year", Rel::Year(-1)),
    ("next year", Rel::Year(1)),
    ("this weekend", Rel::None),
    ("last weekend", Rel::None),
    ("next weekend", Rel::None),
];

/// The words of [`JA_REL`] and [`EN_REL`], for [`match_at`].
static JA_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
static EN_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Japanese weekdays; with or without the trailing 日.
const JA_WEEKDAYS: &[&str] = &[
    "月曜日",
    "火曜日",
    "水曜日",
    "木曜日",
    "金曜日",
    "土曜日",
    "日曜日",
    "月曜",
    "火曜",
    "水曜",
    "木曜",
    "金曜",
    "土曜",
    "日曜",
];

/// English weekdays.
pub(crate) const EN_WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Parts of a month or year that extend a date (2月上旬, 年の初め).
const SUFFIXES: &[&str] = &[
    "上旬",
    "中旬",
    "下旬",
    "初旬",
    "末",
    "初め",
    "初頭",
    "半ば",
    "前半",
    "後半",
    "終わり",
    "頃",
];

/// Twelve earthly branches: 巳年 (the year of the snake).
const ZODIAC: &[char] = &[
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// The era name ending at byte `i`, as (start, year before its first year).
pub fn era_before(text: &str, i: usize) -> Option<(usize, i64)> {
    let head = text.get(..i)?;
    ERAS.iter()
        .find(|(name, _)| head.ends_with(name))
        .map(|&(name, before)| (i - name.len(), before))
}

/// Proposes DATE candidates.
pub fn propose(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    let text = sc.text;
    let mut ds = Vec::new();
    for n in &sc.nums {
        numeral_dates(sc, n, &mut ds);
    }
    words(sc, &mut ds);
    eras_gannen(sc, &mut ds);
    // Settle the dates among themselves, then join the pieces that belong
    // together (weekday and its date, 2月 and 上旬, 巳年 の 新年).
    let mut ds = crate::resolve(ds);
    weekday_norms(text, &mut ds);
    extend_suffixes(text, &mut ds);
    out.extend(merge_no(text, ds));
}

/// The value of a numeral as a year of a date: four digits, an era year,
/// or two digits before 年M月 (25年3月期).
fn year_of(text: &str, n: &Numeral) -> Option<(usize, i64)> {
    let v = i64::from(n.int()?);
    if let Some((s, base)) = era_before(text, n.start) {
        return (1..=99).contains(&v).then_some((s, base + v));
    }
    if (n.plain || n.kanji_only()) && n.chars == 4 && (1000..=2999).contains(&v) {
        return Some((n.start, v));
    }
    None
}

/// Dates that start with (or around) a numeral.
fn numeral_dates(sc: &Scan<'_>, n: &Numeral, out: &mut Vec<Candidate>) {
    let text = sc.text;
    let after = &text[n.end..];
    if n.vague {
        return;
    }
    // 2025年…, 令和7年…, 25年3月…
    if after.starts_with('年') {
        let pos = n.end + '年'.len_utf8();
        if n.plain && text[pos..].starts_with('代') {
            // 1990年代, 90年代: a decade.
            let end = pos + '代'.len_utf8();
            out.push(cand(
                n.start,
                end,
                EntityType::Date,
                None,
                Confidence::Known,
            ));
            return;
        }
        let year = year_of(text, n).or_else(|| {
            // Two-digit years are written before a month: 25年3月期.
            let v = i64::from(n.int()?);
            let m = parse_at(text, pos)?;
            (n.plain && n.chars == 2 && text[m.end..].starts_with('月'))
                .then_some((n.start, 2000 + v))
        });
        if let Some((start, y)) = year {
            let (end, norm) = after_year(text, pos, y);
            out.push(cand(start, end, EntityType::Date, norm, Confidence::Known));
            return;
        }
    }
    if after.starts_with("世紀") && n.int().is_some_and(|v| (1..=30).contains(&v)) {
        let end = n.end + "世紀".len();
        out.push(cand(
            n.start,
            end,
            EntityType::Date,
            None,
            Confidence::Known,
        ));
        return;
    }
    if let Some(c) = iso(text, n).or_else(|| glued_english(text, n)) {
        out.push(c);
        return;
    }
    // 4〜12月, 7〜9月期: a range of months without a year.
    if let Some(first) = n.int().filter(|m| (1..=12).contains(m) && n.plain) {
        if let Some((end, last)) = month_range_end(text, n.end) {
            let norm = month_range_norm(sc.date, first, last);
            out.push(cand(
                n.start,
                end,
                EntityType::Date,
                norm,
                Confidence::Known,
            ));
            return;
        }
    }
    // 2月10日, 12月, 3月期
    if after.starts_with('月') && !after.starts_with("月間") {
        if let Some(m) = n.int().filter(|m| (1..=12).contains(m)) {
            let Some((end, day)) = day_after(text, n.end + '月'.len_utf8(), None, m) else {
                return;
            };
            let (end, norm) = if day.is_none() && text[end..].starts_with('期') {
                (end + '期'.len_utf8(), month_day(sc.date, m, None))
            } else {
                (end, month_day(sc.date, m, day))
            };
            out.push(cand(
                n.start,
                end,
                EntityType::Date,
                norm,
                Confidence::Known,
            ));
            return;
        }
    }
    if let Some(c) = bare_day(sc, n).or_else(|| relative_count(sc, n)) {
        out.push(c);
        return;
    }
    if let Some(c) = past_period(text, n) {
        out.push(c);
        return;
    }
    if let Some(c) = quarter(text, n) {
        out.push(c);
        return;
    }
    english_numeral(sc, n, out);
}

/// What follows `YYYY年`: 度, M月(期), M月D日, 第N四半期, 上半期. Returns the
/// end and the norm.
fn after_year(text: &str, pos: usize, y: i64) -> (usize, Option<String>) {
    let year = format!("{y:04}");
    if text[pos..].starts_with('度') {
        let end = pos + '度'.len_utf8();
        return match period_after(text, end) {
            Some(e) => (e, None),
            None => (end, Some(year)),
        };
    }
    if let Some(m) = parse_at(text, pos).filter(|m| !m.vague) {
        let month = m.int().filter(|v| (1..=12).contains(v));
        // A range of months: 2026年7〜9月期, 2025年4～6月.
        if let (Some(first), Some((end, last))) = (month, month_range_end(text, m.end)) {
            return (end, Some(format!("{year}-{first:02}/{year}-{last:02}")));
        }
        if let (Some(mo), true) = (month, text[m.end..].starts_with('月')) {
            let after_m = m.end + '月'.len_utf8();
            if text[after_m..].starts_with('期') {
                return (after_m + '期'.len_utf8(), ymd(y, mo, None));
            }
            return match day_after(text, after_m, Some(y), mo) {
                Some((end, day)) => (end, ymd(y, mo, day)),
                None => (pos, None),
            };
        }
    }
    if let Some(e) = period_after(text, pos) {
        return (e, None);
    }
    (pos, Some(year))
}

/// The norm of a range of months written without a year: the last month
/// is the nearest such month to the document date and the first the one
/// before it (4〜12月 in February 2026 → `2025-04/2025-12`); `--04/--12`
/// without a document date.
fn month_range_norm(doc: Option<crate::DocDate>, first: u32, last: u32) -> Option<String> {
    let end = month_day(doc, last, None)?;
    let Some((y, _)) = end.split_once('-').filter(|(y, _)| !y.is_empty()) else {
        return Some(format!("--{first:02}/--{last:02}"));
    };
    let y: i64 = y.parse().ok()?;
    let y0 = if first <= last { y } else { y - 1 };
    Some(format!("{y0:04}-{first:02}/{end}"))
}

/// The end of `〜N月` (and a following 期) right after a month's number
/// at `pos`, with N: the second month of a range (7〜9月期).
fn month_range_end(text: &str, pos: usize) -> Option<(usize, u32)> {
    let dash = text[pos..]
        .chars()
        .next()
        .filter(|c| matches!(c, '〜' | '～' | '~'))?;
    let at = pos + dash.len_utf8();
    let n = parse_at(text, at).filter(|n| !n.vague)?;
    let last = n.int().filter(|v| (1..=12).contains(v))?;
    let mut end = n.end + text[n.end..].strip_prefix('月').map(|_| '月'.len_utf8())?;
    if text[end..].starts_with('期') {
        end += '期'.len_utf8();
    }
    Some((end, last))
}

/// 第1四半期, 上半期, 下期 after a year (optionally after の).
fn period_after(text: &str, pos: usize) -> Option<usize> {
    const PERIODS: &[&str] = &["上半期", "下半期", "上期", "下期", "通期", "前半", "後半"];
    let at = if text[pos..].starts_with('の') {
        pos + 'の'.len_utf8()
    } else {
        pos
    };
    if let Some((e, _)) = match_at(text, at, PERIODS, false, false) {
        return Some(e);
    }
    let rest = text[at..].strip_prefix('第')?;
    let q = parse_at(rest, 0)?;
    let v = q.int().filter(|v| (1..=4).contains(v))?;
    let _ = v;
    rest[q.end..]
        .starts_with("四半期")
        .then(|| at + '第'.len_utf8() + q.end + "四半期".len())
}

/// An optional `D日` at `pos` after a month: (end, day). `None` when a
/// day is written that the month does not have (2月30日).
fn day_after(text: &str, pos: usize, y: Option<i64>, m: u32) -> Option<(usize, Option<u32>)> {
    let Some(d) = parse_at(text, pos).filter(|d| !d.vague) else {
        return Some((pos, None));
    };
    if !text[d.end..].starts_with('日') || text[d.end..].starts_with("日間") {
        return Some((pos, None));
    }
    let limit = super::calendar::days_in_month(y.unwrap_or(2000), m);
    let v = d.int().filter(|v| *v >= 1 && *v <= limit)?;
    Some((d.end + '日'.len_utf8(), Some(v)))
}

/// `10日` alone: the nearest 10th to the document date. Not `1日30回`
/// (per day), `3日間`, `3日前`.
fn bare_day(sc: &Scan<'_>, n: &Numeral) -> Option<Candidate> {
    let text = sc.text;
    let rest = text[n.end..].strip_prefix('日')?;
    let v = n.int().filter(|v| (1..=31).contains(v))?;
    if !n.plain
        || matches!(
            char_at(rest, 0),
            Some('間' | '前' | '後' | '目' | '本' | '中' | '米' | '系' | '銀' | '経' | '産')
        )
    {
        return None;
    }
    // Followed by a number: 1日30回 is a rate.
    let next = skip_spaces(rest, 0, 1);
    if char_at(rest, next).is_some_and(|c| super::number::is_numeral_char(c) && c != '日') {
        return None;
    }
    // 3月20日 is read elsewhere; after 先月 or 今月 the day is its own
    // numeral, joined to the month afterwards (merge_no).
    let after_relative_month = JA_REL
        .iter()
        .any(|(w, r)| matches!(r, Rel::Month(_)) && text[..n.start].ends_with(w));
    if prev_char(text, n.start) == Some('第')
        || prev_char(text, n.start) == Some('月') && !after_relative_month
    {
        return None;
    }
    let norm = sc.date.and_then(|doc| {
        let here = doc_days(doc);
        (-1i64..=1)
            .filter_map(|k| {
                let ym = month_offset(doc, k);
                let (y, m) = ym.split_once('-')?;
                let (y, m): (i64, u32) = (y.parse().ok()?, m.parse().ok()?);
                (v <= super::calendar::days_in_month(y, m))
                    .then(|| super::calendar::days_from_civil(y, m, v))
            })
            .min_by_key(|t| ((t - here).abs(), *t))
            .map(fmt_day)
    });
    let end = n.end + '日'.len_utf8();
    Some(cand(n.start, end, EntityType::Date, norm, Confidence::Rule))
}

/// `3年前`, `2カ月後`, `5日前`, `2週間前`: relative to the document date.
fn relative_count(sc: &Scan<'_>, n: &Numeral) -> Option<Candidate> {
    const UNITS: &[&str] = &["年", "カ月", "ヶ月", "か月", "ケ月", "ヵ月", "週間", "日"];
    let text = sc.text;
    let (e, k) = match_at(text, n.end, UNITS, false, false)?;
    let (end, sign) = match char_at(text, e) {
        Some('前') => (e + '前'.len_utf8(), -1i64),
        Some('後') => (e + '後'.len_utf8(), 1),
        _ => return None,
    };
    if text[end..].starts_with('半') {
        return None;
    }
    let k_val = i64::from(n.int()?) * sign;
    let norm = sc.date.map(|doc| match UNITS[k] {
        "年" => format!("{:04}", i64::from(doc.year) + k_val),
        "週間" => iso_week(doc_days(doc) + 7 * k_val),
        "日" => fmt_day(doc_days(doc) + k_val),
        _ => month_offset(doc, k_val),
    });
    Some(cand(
        n.start,
        end,
        EntityType::Date,
        norm,
        Confidence::Known,
    ))
}

/// `過去2週間`, `直近3年`, `ここ数年`: a period ending now, no norm.
fn past_period(text: &str, n: &Numeral) -> Option<Candidate> {
    const HEADS: &[&str] = &["過去", "直近", "ここ", "この"];
    const UNITS: &[&str] = &[
        "年", "年間", "カ月", "ヶ月", "か月", "ケ月", "ヵ月", "週間", "日間", "日",
    ];
    let (start, _) = match_before(text, n.start, HEADS, false)?;
    let (end, _) = match_at(text, n.end, UNITS, false, false)?;
    Some(cand(start, end, EntityType::Date, None, Confidence::Known))
}

/// `第1四半期` (a year before it is taken by [`after_year`]).
fn quarter(text: &str, n: &Numeral) -> Option<Candidate> {
    if prev_char(text, n.start) != Some('第') {
        return None;
    }
    n.int().filter(|v| (1..=4).contains(v))?;
    text[n.end..].starts_with("四半期").then(|| {
        cand(
            n.start - '第'.len_utf8(),
            n.end + "四半期".len(),
            EntityType::Date,
            None,
            Confidence::Known,
        )
    })
}

/// `2025-02-10`, `2025/2/10`, `2025/02`.
fn iso(text: &str, n: &Numeral) -> Option<Candidate> {
    let y = year_digits(n)?;
    let sep = char_at(text, n.end).filter(|c| matches!(c, '-' | '/' | '／'))?;
    let m = parse_at(text, n.end + sep.len_utf8()).filter(|m| m.plain && m.chars <= 2)?;
    let mo = m.int().filter(|v| (1..=12).contains(v))?;
    let mut end = m.end;
    let mut day = None;
    if char_at(text, end) == Some(sep) {
        let d = parse_at(text, end + sep.len_utf8()).filter(|d| d.plain && d.chars <= 2)?;
        day = Some(d.int()?);
        end = d.end;
    } else if sep == '-' {
        // 2015-16, 2010-11シーズン: a range of years, not a month.
        return None;
    }
    if char_at(text, end).is_some_and(|c| {
        c.is_alphanumeric() && !is_kanji(c) && !super::text::is_kana(c) || matches!(c, '-' | '/')
    }) {
        return None;
    }
    let norm = ymd(y, mo, day);
    norm.as_ref()?;
    Some(cand(
        n.start,
        end,
        EntityType::Date,
        norm,
        Confidence::Known,
    ))
}

/// A plain four-digit year 1000–2999.
fn year_digits(n: &Numeral) -> Option<i64> {
    let v = i64::from(n.int()?);
    (n.plain && n.chars == 4 && (1000..=2999).contains(&v)).then_some(v)
}

/// `2025Feb10`, `2025 Feb 10`: year, month abbreviation, day.
fn glued_english(text: &str, n: &Numeral) -> Option<Candidate> {
    let y = year_digits(n)?;
    let at = skip_spaces(text, n.end, 1);
    let (e, k) = match_at(text, at, MONTHS, true, false)?;
    let e = if char_at(text, e) == Some('.') {
        e + 1
    } else {
        e
    };
    let dpos = skip_spaces(text, e, 1);
    let d = parse_at(text, dpos).filter(|d| d.plain && d.chars <= 2)?;
    if !word_ends(text, d.end) {
        return None;
    }
    let norm = ymd(y, (k % 12) as u32 + 1, Some(d.int()?));
    norm.as_ref()?;
    Some(cand(
        n.start,
        d.end,
        EntityType::Date,
        norm,
        Confidence::Known,
    ))
}

/// English forms around a numeral: `10 February 2025`, `in 2015`,
/// `3 years ago`.
fn english_numeral(sc: &Scan<'_>, n: &Numeral, out: &mut Vec<Candidate>) {
    let text = sc.text;
    // the 1990s: a decade.
    if year_digits(n).is_some_and(|y| y % 10 == 0)
        && text[n.end..].starts_with('s')
        && word_ends(text, n.end + 1)
    {
        out.push(cand(
            n.start,
            n.end + 1,
            EntityType::Date,
            None,
            Confidence::Known,
        ));
        return;
    }
    if !n.arabic || !word_ends(text, n.end) {
        return;
    }
    // 10 February (2025)
    let at = skip_spaces(text, n.end, 1);
    if at > n.end && n.plain {
        if let Some(d) = n.int().filter(|d| (1..=31).contains(d)) {
            if let Some((e, k)) = match_at(text, at, &MONTHS[..12], false, true) {
                let m = k as u32 + 1;
                let (end, norm) = match year_after(text, e) {
                    Some((ye, y)) => (ye, ymd(y, m, Some(d))),
                    None => (e, month_day(sc.date, m, Some(d))),
                };
                if norm.is_some() {
                    out.push(cand(
                        n.start,
                        end,
                        EntityType::Date,
                        norm,
                        Confidence::Known,
                    ));
                }
                return;
            }
        }
        // 3 years ago
        const AGO: &[&str] = &[
            "years ago",
            "year ago",
            "months ago",
            "month ago",
            "weeks ago",
            "week ago",
            "days ago",
            "day ago",
        ];
        if let Some((e, k)) = match_at(text, at, AGO, false, true) {
            let v = -i64::from(n.int().unwrap_or(0));
            let norm =
                sc.date
                    .filter(|_| n.int().is_some())
                    .map(|doc| match AGO[k].as_bytes()[0] {
                        b'y' => format!("{:04}", i64::from(doc.year) + v),
                        b'm' => month_offset(doc, v),
                        b'w' => iso_week(doc_days(doc) + 7 * v),
                        _ => fmt_day(doc_days(doc) + v),
                    });
            out.push(cand(n.start, e, EntityType::Date, norm, Confidence::Known));
            return;
        }
    }
    // in 2015, since 2020, mid-2025
    if let Some(y) = year_digits(n).filter(|y| (1900..=2099).contains(y)) {
        let prev = word_before(text, n.start).map(|(_, w)| w.to_ascii_lowercase());
        let spaced = text[..n.start].ends_with(' ') || text[..n.start].ends_with("mid-");
        if spaced && prev.is_some_and(|w| YEAR_PREPS.contains(&w.as_str())) {
            // "fiscal 2025" is a fiscal year, one period like FY2025.
            let start = match word_before(text, n.start) {
                Some((s, w)) if w.eq_ignore_ascii_case("fiscal") => s,
                _ => n.start,
            };
            out.push(cand(
                start,
                n.end,
                EntityType::Date,
                Some(format!("{y:04}")),
                Confidence::Known,
            ));
        }
    }
}

/// `, 2025` or ` 2025` after a month or day: (end, year).
fn year_after(text: &str, pos: usize) -> Option<(usize, i64)> {
    // ", 2025", " 2025" and the tokenised " , 2025".
    let mut at = skip_spaces(text, pos, 1);
    if char_at(text, at) == Some(',') {
        at += 1;
    }
    let at2 = skip_spaces(text, at, 1);
    if at2 == pos {
        return None;
    }
    let y = parse_at(text, at2)?;
    let v = year_digits(&y)?;
    word_ends(text, y.end).then_some((y.end, v))
}

/// The first characters of the Japanese date words (relative dates,
/// weekdays, zodiac years).
pub(super) fn ja_firsts() -> &'static Firsts {
    static JA_FIRSTS: OnceLock<Firsts> = OnceLock::new();
    JA_FIRSTS.get_or_init(|| {
        let zodiac: Vec<String> = ZODIAC.iter().map(|c| c.to_string()).collect();
        let zodiac: Vec<&str> = zodiac.iter().map(String::as_str).collect();
        Firsts::of(&[column(&JA_WORDS, JA_REL), JA_WEEKDAYS, &zodiac])
    })
}

/// Dates written with words: 昨年, 今週, 月曜日, 巳年, yesterday, this week,
/// Monday, February 10, 2025, Q1 2025, FY2025, the 1990s.
fn words(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    let text = sc.text;
    static LEXICONS: OnceLock<[Lexicon; 2]> = OnceLock::new();
    let [ja, weekdays] = LEXICONS.get_or_init(|| {
        [
            Lexicon::new(column(&JA_WORDS, JA_REL), false),
            Lexicon::new(JA_WEEKDAYS, false),
        ]
    });
    // Only the first words of English date phrases and the kanji that
    // start a Japanese date word (is_kanji and in `ja_firsts()`) can start
    // a date word.
    for m in &sc.marks {
        if m.kinds & marks::DATE_WORD != 0 {
            english_word_date(sc, m.pos, out);
            continue;
        }
        if m.kinds & marks::DATE_KANJI == 0 {
            continue;
        }
        let i = m.pos;
        let Some(c) = char_at(text, i) else {
            continue;
        };
        if let Some((e, k)) = ja.find(text, i, false) {
            // 新年会 is a party, 今日的 an adjective.
            let party = JA_REL[k].0 == "新年" && text[e..].starts_with('会');
            if !party && !text[e..].starts_with('的') {
                let norm = sc.date.and_then(|d| resolve_rel(JA_REL[k].1, d));
                out.push(cand(i, e, EntityType::Date, norm, Confidence::Known));
            }
        }
        if let Some((e, _)) = weekdays.find(text, i, false) {
            out.push(cand(i, e, EntityType::Date, None, Confidence::Known));
        }
        if ZODIAC.contains(&c) && text[i + c.len_utf8()..].starts_with('年') {
            let ok_before = !prev_char(text, i).is_some_and(is_kanji);
            if ok_before {
                let end = i + c.len_utf8() + '年'.len_utf8();
                out.push(cand(i, end, EntityType::Date, None, Confidence::Known));
            }
        }
    }
}

/// Quarters and halves of a year, in words.
const QUARTERS: &[&str] = &[
    "first quarter",
    "second quarter",
    "third quarter",
    "fourth quarter",
    "first half",
    "second half",
];

/// The first words of the English date phrases: every branch of
/// [`english_word_date`] starts with one of them.
pub(super) fn en_firsts() -> &'static FirstWords {
    static FIRST: OnceLock<FirstWords> = OnceLock::new();
    FIRST.get_or_init(|| {
        let en = column(&EN_WORDS, EN_REL);
        FirstWords::of(&[en, EN_WEEKDAYS, MONTHS, &["Sept", "Q", "FY"], QUARTERS])
    })
}

/// English word dates starting at byte `i` (a word start that is one of
/// [`en_firsts`]: a [`marks::DATE_WORD`] mark).
fn english_word_date(sc: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) {
    let text = sc.text;
    let en = column(&EN_WORDS, EN_REL);
    if let Some((e, k)) = match_at(text, i, en, true, true) {
        let norm = sc.date.and_then(|d| resolve_rel(EN_REL[k].1, d));
        out.push(cand(i, e, EntityType::Date, norm, Confidence::Known));
        return;
    }
    if let Some((e, _)) = match_at(text, i, EN_WEEKDAYS, false, true) {
        // "last Monday", "next Friday": one date, no norm.
        let start = match word_before(text, i) {
            Some((s, "last" | "next" | "this" | "Last" | "Next" | "This")) => s,
            _ => i,
        };
        out.push(cand(start, e, EntityType::Date, None, Confidence::Known));
        return;
    }
    // "Sept." is September's usual abbreviation in news style, beside "Sep".
    const SEPT: usize = 20;
    let month = match_at(text, i, &["Sept"], false, true)
        .map(|(e, _)| (e, SEPT))
        .or_else(|| match_at(text, i, MONTHS, false, true));
    if let Some((e, k)) = month {
        let m = (k % 12) as u32 + 1;
        let abbr = k >= 12;
        let e = if abbr && char_at(text, e) == Some('.') {
            e + 1
        } else {
            e
        };
        // February 10(, 2025)
        let at = skip_spaces(text, e, 1);
        if at > e {
            if let Some(d) = parse_at(text, at).filter(|d| d.plain && d.chars <= 2) {
                let mut dend = d.end;
                if let Some((oe, _)) = match_at(text, dend, &["st", "nd", "rd", "th"], false, true)
                {
                    dend = oe;
                }
                if word_ends(text, dend) && d.int().is_some_and(|v| (1..=31).contains(&v)) {
                    let day = d.int();
                    let (end, norm) = match year_after(text, dend) {
                        Some((ye, y)) => (ye, ymd(y, m, day)),
                        None => (dend, month_day(sc.date, m, day)),
                    };
                    if norm.is_some() {
                        out.push(cand(i, end, EntityType::Date, norm, Confidence::Known));
                    }
                    return;
                }
            }
        }
        // October 2024
        if let Some((ye, y)) = year_after(text, e) {
            out.push(cand(
                i,
                ye,
                EntityType::Date,
                ymd(y, m, None),
                Confidence::Known,
            ));
            return;
        }
        // "last July", "next March": the month before or after the
        // document date, one date with its word.
        if let Some((s, w)) =
            word_before(text, i).filter(|(_, w)| matches!(*w, "last" | "next" | "Last" | "Next"))
        {
            let next = w.eq_ignore_ascii_case("next");
            let norm = sc.date.map(|doc| {
                let (y, dm) = (i64::from(doc.year), doc.month);
                let y = match (next, m > dm, m < dm) {
                    (false, _, true) | (true, true, _) => y,
                    (false, _, false) => y - 1,
                    (true, false, _) => y + 1,
                };
                format!("{y:04}-{m:02}")
            });
            out.push(cand(s, e, EntityType::Date, norm, Confidence::Known));
            return;
        }
        // A month alone: full names only, and not the verb "may".
        if !abbr && m != 5 {
            out.push(cand(
                i,
                e,
                EntityType::Date,
                month_day(sc.date, m, None),
                Confidence::Rule,
            ));
        }
        return;
    }
    // Q1 2025, Q3
    let bytes = text.as_bytes();
    if bytes[i] == b'Q'
        && bytes.get(i + 1).is_some_and(|b| (b'1'..=b'4').contains(b))
        && word_ends(text, i + 2)
    {
        let end = year_after(text, i + 2).map_or(i + 2, |(e, _)| e);
        out.push(cand(i, end, EntityType::Date, None, Confidence::Known));
        return;
    }
    // FY2025, FY 2025, FY25
    if text[i..].starts_with("FY") {
        let at = skip_spaces(text, i + 2, 1);
        if let Some(y) = parse_at(text, at).filter(|y| y.plain && word_ends(text, y.end)) {
            let v = y.int().map(i64::from);
            let year = match (y.chars, v) {
                (4, Some(v)) if (1900..=2099).contains(&v) => Some(v),
                (2, Some(v)) => Some(2000 + v),
                _ => None,
            };
            if let Some(year) = year {
                out.push(cand(
                    i,
                    y.end,
                    EntityType::Date,
                    Some(format!("{year:04}")),
                    Confidence::Known,
                ));
            }
        }
        return;
    }
    // (the) 1990s is handled as a numeral; "the first quarter (of 2025)"
    if let Some((e, _)) = match_at(text, i, QUARTERS, true, true) {
        let end = match match_at(text, skip_spaces(text, e, 1), &["of"], false, true) {
            Some((oe, _)) => year_after(text, oe).map_or(e, |(ye, _)| ye),
            None => year_after(text, e).map_or(e, |(ye, _)| ye),
        };
        out.push(cand(i, end, EntityType::Date, None, Confidence::Known));
    }
}

/// `令和元年`: the first year of an era is written 元 (found at the
/// [`marks::GANNEN`] marks).
fn eras_gannen(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    let starts = sc.marks.iter().filter(|m| m.kinds & marks::GANNEN != 0);
    for i in starts.map(|m| m.pos) {
        if !sc.text.get(i..).is_some_and(|t| t.starts_with("元年")) {
            continue;
        }
        if let Some((s, base)) = era_before(sc.text, i) {
            let pos = i + "元年".len();
            let (end, norm) = after_year(sc.text, pos, base + 1);
            out.push(cand(s, end, EntityType::Date, norm, Confidence::Known));
        }
    }
}

/// The norm of a relative date against the document date.
fn resolve_rel(r: Rel, d: DocDate) -> Option<String> {
    let y = i64::from(d.year);
    Some(match r {
        Rel::Year(k) => format!("{:04}", y + k),
        // The Japanese fiscal year starts in April.
        Rel::FiscalYear(k) => format!("{:04}", if d.month >= 4 { y } else { y - 1 } + k),
        Rel::Month(k) => month_offset(d, k),
        Rel::Day(k) => fmt_day(doc_days(d) + k),
        Rel::Week(k) => iso_week(doc_days(d) + 7 * k),
        Rel::None => return None,
    })
}

/// A weekday beside a parenthesised date (月曜日(2月10日), 2月10日(月曜日),
/// Monday, Feb. 10) takes that date's norm.
fn weekday_norms(text: &str, ds: &mut [Candidate]) {
    let is_weekday = |c: &Candidate| {
        let s = &text[c.byte_start..c.byte_end];
        JA_WEEKDAYS.contains(&s) || EN_WEEKDAYS.contains(&s)
    };
    for k in 0..ds.len() {
        if !is_weekday(&ds[k]) || ds[k].norm.is_some() {
            continue;
        }
        let (ws, we) = (ds[k].byte_start, ds[k].byte_end);
        let gap_ok = |g: &str| matches!(g.trim(), "(" | "（" | "," | "、" | ")" | "）" | "");
        let next = ds
            .get(k + 1)
            .filter(|d| gap_ok(&text[we..d.byte_start]) && d.byte_start - we <= 4);
        let prev = k
            .checked_sub(1)
            .and_then(|p| ds.get(p))
            .filter(|d| gap_ok(&text[d.byte_end..ws]) && ws - d.byte_end <= 4);
        // Only a date at day precision names the day of the weekday.
        let day = |n: &String| n.len() == 10 || (n.len() == 7 && n.starts_with("--"));
        let norm = next
            .and_then(|d| d.norm.clone())
            .filter(day)
            .or_else(|| prev.and_then(|d| d.norm.clone()).filter(day));
        ds[k].norm = norm;
    }
}

/// 2月上旬, 3月末, 新年の初め: a date with a part of itself after it keeps
/// its norm (precision as written at the month).
fn extend_suffixes(text: &str, ds: &mut [Candidate]) {
    for k in 0..ds.len() {
        let end = ds[k].byte_end;
        let limit = ds.get(k + 1).map_or(text.len(), |d| d.byte_start);
        let at = if text[end..].starts_with('の') {
            end + 'の'.len_utf8()
        } else {
            end
        };
        if let Some((e, _)) = match_at(text, at, SUFFIXES, false, false) {
            if e <= limit && !(at > end && text[at..].starts_with('末')) {
                ds[k].byte_end = e;
            }
        }
    }
}

/// Joins dates linked by の into one (巳年の新年の初め, 2025年の春), and a
/// relative year written right before a month (昨年12月, 来年4月1日), as
/// 2024年10月 is one date. The norm survives only as a year followed by a
/// month written without one.
fn merge_no(text: &str, ds: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(ds.len());
    for d in ds {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.byte_end..d.byte_start];
            let first = &text[last.byte_start..last.byte_end];
            let second = &text[d.byte_start..d.byte_end];
            let relative =
                |unit: fn(&Rel) -> bool| JA_REL.iter().any(|(w, r)| unit(r) && *w == first);
            let relative_year = relative(|r| matches!(r, Rel::Year(_)));
            let relative_month = relative(|r| matches!(r, Rel::Month(_)));
            let month = second.contains('月');
            let day = !month && second.ends_with('日');
            if (gap == "の" || gap.is_empty() && (relative_year && month || relative_month && day))
                && japanese(text, last)
                && japanese(text, &d)
            {
                // A year, then a month or day written without one: the
                // second took its year from the document, the first gives it.
                let yearless = !text[d.byte_start..d.byte_end].contains('年');
                let norm = match (&last.norm, &d.norm) {
                    // 先月 and a day of that month: 2025-02 and -20.
                    (Some(ym), Some(ymd)) if relative_month && ym.len() == 7 && ymd.len() == 10 => {
                        day_in_month(ym, &ymd[8..]).then(|| format!("{ym}{}", &ymd[7..]))
                    }
                    (Some(y), Some(md)) if y.len() == 4 && yearless && md.starts_with("--") => {
                        Some(format!("{y}{}", &md[1..]))
                    }
                    (Some(y), Some(md))
                        if y.len() == 4 && yearless && md.len() >= 7 && !md.contains('W') =>
                    {
                        Some(format!("{y}{}", &md[4..]))
                    }
                    _ => None,
                };
                last.byte_end = d.byte_end;
                last.norm = norm;
                last.confidence = last.confidence.max(d.confidence);
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// True when day `dd` exists in month `yyyy-mm` (先月31日 in March does not).
fn day_in_month(ym: &str, dd: &str) -> bool {
    let parts = ym
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i64>().ok()?, m.parse::<u32>().ok()?)));
    match (parts, dd.parse::<u32>()) {
        (Some((y, m)), Ok(d)) => d >= 1 && d <= super::calendar::days_in_month(y, m),
        _ => false,
    }
}

/// True when a date is written in Japanese (has no ASCII letter).
fn japanese(text: &str, c: &Candidate) -> bool {
    !text[c.byte_start..c.byte_end]
        .bytes()
        .any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, Case};
    use crate::DocDate;
    use kiji_core::EntityType::Date;

    #[test]
    fn dates_without_document_date() {
        let cases: &[Case] = &[
            ("2015年に設立", &[("2015年", Some("2015"))]),
            ("2024年10月に", &[("2024年10月", Some("2024-10"))]),
            ("2025年2月10日", &[("2025年2月10日", Some("2025-02-10"))]),
            (
                "２０２５年２月１０日",
                &[("２０２５年２月１０日", Some("2025-02-10"))],
            ),
            ("二〇二五年", &[("二〇二五年", Some("2025"))]),
            ("12月3日(現地時間)", &[("12月3日", Some("--12-03"))]),
            ("12月に", &[("12月", Some("--12"))]),
            (
                "月曜日(2月10日)に",
                &[("月曜日", Some("--02-10")), ("2月10日", Some("--02-10"))],
            ),
            (
                "2月10日(月曜日)",
                &[("2月10日", Some("--02-10")), ("月曜日", Some("--02-10"))],
            ),
            ("月曜日に発表", &[("月曜日", None)]),
            ("令和7年", &[("令和7年", Some("2025"))]),
            ("平成30年4月", &[("平成30年4月", Some("2018-04"))]),
            // Edo and Sengoku eras in history articles.
            ("天正18年の小田原征伐", &[("天正18年", Some("1590"))]),
            ("慶長5年9月15日", &[("慶長5年9月15日", Some("1600-09-15"))]),
            ("令和元年", &[("令和元年", Some("2019"))]),
            ("2026年3月期", &[("2026年3月期", Some("2026-03"))]),
            ("25年3月期", &[("25年3月期", Some("2025-03"))]),
            // A range of months is one period, an ISO interval.
            (
                "2026年7〜9月期の純利益",
                &[("2026年7〜9月期", Some("2026-07/2026-09"))],
            ),
            (
                "2025年4～6月に",
                &[("2025年4～6月", Some("2025-04/2025-06"))],
            ),
            ("2025年度", &[("2025年度", Some("2025"))]),
            ("2025年度第1四半期", &[("2025年度第1四半期", None)]),
            ("第1四半期", &[("第1四半期", None)]),
            ("1985年生まれ", &[("1985年", Some("1985"))]),
            ("2025-02-10", &[("2025-02-10", Some("2025-02-10"))]),
            ("2025/2/10", &[("2025/2/10", Some("2025-02-10"))]),
            ("2025/02", &[("2025/02", Some("2025-02"))]),
            ("2015-2020", &[]),
            ("muaX 2025Feb10.gif", &[("2025Feb10", Some("2025-02-10"))]),
            ("1日30回まで", &[]),
            ("2月30日", &[]),
            ("1990年代", &[("1990年代", None)]),
            ("21世紀", &[("21世紀", None)]),
            ("過去2週間で", &[("過去2週間", None)]),
            ("巳年の新年の初めに", &[("巳年の新年の初め", None)]),
            ("新年の2つの", &[("新年", None)]),
            ("新年会", &[]),
            ("2月上旬", &[("2月上旬", Some("--02"))]),
            ("将来、最近、現在、当初、今後、近年", &[]),
            ("昨年", &[("昨年", None)]),
            ("昨年12月", &[("昨年12月", None)]),
            ("in 2015", &[("2015", Some("2015"))]),
            ("since 1999,", &[("1999", Some("1999"))]),
            ("Windows 2000 is", &[]),
            ("2015 people", &[]),
            (
                "February 10, 2025",
                &[("February 10, 2025", Some("2025-02-10"))],
            ),
            ("Feb. 10, 2025", &[("Feb. 10, 2025", Some("2025-02-10"))]),
            (
                "on Sept. 10, 2025",
                &[("Sept. 10, 2025", Some("2025-09-10"))],
            ),
            ("Sep 3 2025", &[("Sep 3 2025", Some("2025-09-03"))]),
            (
                "10 February 2025",
                &[("10 February 2025", Some("2025-02-10"))],
            ),
            ("October 2024", &[("October 2024", Some("2024-10"))]),
            ("on March 3rd", &[("March 3rd", Some("--03-03"))]),
            ("you may go", &[]),
            ("May 2025", &[("May 2025", Some("2025-05"))]),
            ("this week,", &[("this week", None)]),
            ("Q1 2025", &[("Q1 2025", None)]),
            ("FY2025", &[("FY2025", Some("2025"))]),
            ("In fiscal 2025, it grew", &[("fiscal 2025", Some("2025"))]),
            ("on Monday", &[("Monday", None)]),
            (
                "Monday, Feb. 10, 2025",
                &[
                    ("Monday", Some("2025-02-10")),
                    ("Feb. 10, 2025", Some("2025-02-10")),
                ],
            ),
            ("last Friday", &[("last Friday", None)]),
            ("3年前", &[("3年前", None)]),
            ("2010-11シーズン", &[]),
            ("集計2日目", &[]),
            ("March 2 , 2007", &[("March 2 , 2007", Some("2007-03-02"))]),
            ("the early 1990s", &[("1990s", None)]),
        ];
        for (text, want) in cases {
            run(text, None, &[Date], want);
        }
    }

    #[test]
    fn dates_resolved_against_document_date() {
        let doc = DocDate::parse("2025-01-05");
        let cases: &[Case] = &[
            ("12月28日", &[("12月28日", Some("2024-12-28"))]),
            ("1月10日", &[("1月10日", Some("2025-01-10"))]),
            ("12月", &[("12月", Some("2024-12"))]),
            ("4〜12月の売上", &[("4〜12月", Some("2024-04/2024-12"))]),
            ("11〜2月", &[("11〜2月", Some("2024-11/2025-02"))]),
            ("昨年", &[("昨年", Some("2024"))]),
            ("去年", &[("去年", Some("2024"))]),
            ("一昨年", &[("一昨年", Some("2023"))]),
            ("今年", &[("今年", Some("2025"))]),
            ("来年", &[("来年", Some("2026"))]),
            ("今年度", &[("今年度", Some("2024"))]),
            ("先月", &[("先月", Some("2024-12"))]),
            ("signed last July", &[("last July", Some("2024-07"))]),
            ("due next March", &[("next March", Some("2025-03"))]),
            ("due next January", &[("next January", Some("2026-01"))]),
            ("since last December", &[("last December", Some("2024-12"))]),
            ("来月", &[("来月", Some("2025-02"))]),
            ("昨日", &[("昨日", Some("2025-01-04"))]),
            ("本日", &[("本日", Some("2025-01-05"))]),
            ("明日", &[("明日", Some("2025-01-06"))]),
            ("今週", &[("今週", Some("2025-W01"))]),
            ("先週", &[("先週", Some("2024-W52"))]),
            ("来週", &[("来週", Some("2025-W02"))]),
            ("this week", &[("this week", Some("2025-W01"))]),
            ("last year", &[("last year", Some("2024"))]),
            ("yesterday", &[("yesterday", Some("2025-01-04"))]),
            ("Tomorrow", &[("Tomorrow", Some("2025-01-06"))]),
            ("next month", &[("next month", Some("2025-02"))]),
            ("3年前", &[("3年前", Some("2022"))]),
            ("2カ月後", &[("2カ月後", Some("2025-03"))]),
            ("10日に", &[("10日", Some("2025-01-10"))]),
            ("30日に", &[("30日", Some("2024-12-30"))]),
            ("3 years ago", &[("3 years ago", Some("2022"))]),
            ("昨年の12月", &[("昨年の12月", Some("2024-12"))]),
            // A relative year written right before its month is one date.
            ("昨年12月に", &[("昨年12月", Some("2024-12"))]),
            ("来年4月1日から", &[("来年4月1日", Some("2026-04-01"))]),
            (
                "今年度3月",
                &[("今年度", Some("2024")), ("3月", Some("2025-03"))],
            ),
            // So is a relative month and its day.
            ("先月20日に", &[("先月20日", Some("2024-12-20"))]),
            ("来月3日まで", &[("来月3日", Some("2025-02-03"))]),
            ("来月31日", &[("来月31日", None)]),
            ("2024年の12月", &[("2024年の12月", Some("2024-12"))]),
            ("February 10", &[("February 10", Some("2025-02-10"))]),
            ("in December", &[("December", Some("2024-12"))]),
        ];
        for (text, want) in cases {
            run(text, doc, &[Date], want);
        }
    }
}
