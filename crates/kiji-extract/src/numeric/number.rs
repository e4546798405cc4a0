//! Numerals: arabic (ASCII and full-width, with separators and decimals),
//! kanji (二十五, 三百億, 二〇二五), mixed (97億4000万), vague (数十億, 何兆)
//! and English scale words (3.5 billion, 97.4bn), parsed into an exact
//! decimal.
//!
//! Every operation is checked: an amount too large for `u128` (about 3.4e38)
//! yields no value rather than a panic, so `9999999999999999兆` is still a
//! numeral, only without a value.

use super::text::{char_at, prev_char};

/// An exact non-negative decimal `mant / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec {
    mant: u128,
    scale: u32,
}

impl Dec {
    /// The integer `n`.
    pub fn int(n: u128) -> Dec {
        Dec { mant: n, scale: 0 }
    }

    /// Parses ASCII digits with an optional `.` and fraction (`"123.45"`).
    pub fn parse(s: &str) -> Option<Dec> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut mant: u128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            mant = mant.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
        }
        Some(Dec {
            mant,
            scale: u32::try_from(frac.len()).ok()?,
        })
    }

    /// `self * 10^k`.
    pub fn mul_pow10(self, k: u32) -> Option<Dec> {
        // Use up the fractional digits first so 3.5 × 10^9 stays exact.
        let from_scale = k.min(self.scale);
        let rest = k - from_scale;
        let mant = self.mant.checked_mul(10u128.checked_pow(rest)?)?;
        Some(Dec {
            mant,
            scale: self.scale - from_scale,
        })
    }

    /// `self + other`.
    pub fn plus(self, other: Dec) -> Option<Dec> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mant
            .checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mant
            .checked_mul(10u128.checked_pow(scale - other.scale)?)?;
        Some(Dec {
            mant: a.checked_add(b)?,
            scale,
        })
    }

    /// `self * n`.
    pub fn mul_int(self, n: u128) -> Option<Dec> {
        Some(Dec {
            mant: self.mant.checked_mul(n)?,
            scale: self.scale,
        })
    }

    /// `self / 10^k` (exact: only the scale changes).
    pub fn div_pow10(self, k: u32) -> Option<Dec> {
        Some(Dec {
            mant: self.mant,
            scale: self.scale.checked_add(k)?,
        })
    }

    /// The value as an integer, when it has no fractional part.
    pub fn as_int(self) -> Option<u128> {
        let p = 10u128.checked_pow(self.scale)?;
        self.mant.is_multiple_of(p).then(|| self.mant / p)
    }

    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.mant == 0
    }
}

impl std::fmt::Display for Dec {
    /// Plain decimal: no separators, no exponent, no trailing zeros after
    /// the point (`97400000000`, `154.8`, `0.05`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.mant.to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        let padded = if digits.len() <= scale {
            format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits)
        } else {
            digits
        };
        let (int, frac) = padded.split_at(padded.len() - scale);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            f.write_str(int)
        } else {
            write!(f, "{int}.{frac}")
        }
    }
}

/// A numeral found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The value; `None` when vague (数十億) or too large.
    pub value: Option<Dec>,
    /// Written with 数 or 何 (数十億, 何兆): an amount but no value.
    pub vague: bool,
    /// Contains at least one arabic digit.
    pub arabic: bool,
    /// Arabic digits only, no separator, no decimal point, no multiplier:
    /// the shape of years, days and clock hours.
    pub plain: bool,
    /// Number of characters.
    pub chars: usize,
}

impl Numeral {
    /// The value as a `u32` integer, if it is one.
    pub fn int(&self) -> Option<u32> {
        self.value?.as_int().and_then(|v| u32::try_from(v).ok())
    }

    /// Written only with kanji (一つ, 二十五人), not with arabic digits.
    pub fn kanji_only(&self) -> bool {
        !self.arabic
    }
}

/// Value of an arabic digit, ASCII or full-width.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Value of a kanji digit (〇一二…九, and the variant ○ and 零).
pub fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Power of ten of a small multiplier (十百千).
fn small_mult(c: char) -> Option<u32> {
    match c {
        '十' => Some(1),
        '百' => Some(2),
        '千' => Some(3),
        _ => None,
    }
}

/// Power of ten of a large multiplier (万億兆京).
pub fn big_mult(c: char) -> Option<u32> {
    match c {
        '万' => Some(4),
        '億' => Some(8),
        '兆' => Some(12),
        '京' => Some(16),
        _ => None,
    }
}

/// True for a character that can be part of a numeral.
pub fn is_numeral_char(c: char) -> bool {
    arabic_digit(c).is_some()
        || kanji_digit(c).is_some()
        || small_mult(c).is_some()
        || big_mult(c).is_some()
}

/// True for a CJK ideograph (kanji).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// Kanji that may stand right before a kanji numeral: qualifiers and
/// distributives (約三百人, 計五社, 各一名), not the first half of a word
/// (統一, 唯一, 同一).
const KANJI_BEFORE_NUMERAL: &[char] = &['約', '計', '各', '毎', '全', '総', '残', '僅', '数'];

/// Records an overflow and continues with zero, so the extent of a numeral
/// too large to evaluate is still found.
fn checked(v: Option<Dec>, overflow: &mut bool) -> Dec {
    v.unwrap_or_else(|| {
        *overflow = true;
        Dec::int(0)
    })
}

/// Reads an arabic run at `i`: digits, `,` or `，` followed by exactly three
/// digits, and an optional decimal part. Returns (end, value, plain): the
/// value is what [`Dec::parse`] gives for the digits with their `.`, read
/// as they come (no string is built for each numeral); `None` on overflow.
fn arabic_run(text: &str, i: usize) -> Option<(usize, Option<Dec>, bool)> {
    let mut value = Some(Dec::int(0));
    let mut digits = false;
    let mut j = i;
    let mut plain = true;
    let mut seen_point = false;
    while let Some(c) = char_at(text, j) {
        if let Some(d) = arabic_digit(c) {
            value = value.and_then(|v| {
                Some(Dec {
                    mant: v.mant.checked_mul(10)?.checked_add(u128::from(d))?,
                    scale: if seen_point {
                        v.scale.checked_add(1)?
                    } else {
                        v.scale
                    },
                })
            });
            digits = true;
            j += c.len_utf8();
            continue;
        }
        let next = j + c.len_utf8();
        if matches!(c, ',' | '，') && !seen_point && digits {
            // A thousands separator is followed by exactly three digits.
            let mut k = next;
            let mut n = 0;
            while let Some(d) = char_at(text, k).filter(|d| arabic_digit(*d).is_some()) {
                n += 1;
                k += d.len_utf8();
            }
            if n == 3 {
                plain = false;
                j = next;
                continue;
            }
            break;
        }
        if matches!(c, '.' | '．') && !seen_point && digits {
            if char_at(text, next).and_then(arabic_digit).is_some() {
                seen_point = true;
                plain = false;
                j = next;
                continue;
            }
            break;
        }
        break;
    }
    digits.then_some((j, value, plain))
}

/// True when a numeral may start at byte `i`: it is not glued to a word
/// (`A100`, `Web3`, `COVID-19`) or to the end of another numeral.
pub fn can_start(text: &str, i: usize) -> bool {
    let Some(c) = char_at(text, i) else {
        return false;
    };
    let Some(p) = prev_char(text, i) else {
        return true;
    };
    if arabic_digit(c).is_some() {
        if p.is_alphanumeric() && !is_kanji(p) && !super::text::is_kana(p) {
            // Glued to a Latin word or digit: a model name or version.
            return false;
        }
        if matches!(p, '-' | '_' | '.' | '．' | ',' | '/') {
            let before = prev_char(text, i - p.len_utf8());
            let digit_before = before.is_some_and(|b| b.is_ascii_digit());
            let letter_before = before.is_some_and(|b| b.is_ascii_alphabetic());
            // 1/2 and 1.2.3: the tail of a fraction or a version.
            if letter_before || (matches!(p, '.' | '/') && digit_before) {
                return false;
            }
        }
        return true;
    }
    // A kanji numeral: not the tail of a kanji word (統一, 唯一), but
    // 午後三時 and 第三四半期 are clocks and ordinals.
    let head = &text[..i];
    if head.ends_with("午前") || head.ends_with("午後") || head.ends_with('第') {
        return true;
    }
    !(is_numeral_char(p) || (is_kanji(p) && !KANJI_BEFORE_NUMERAL.contains(&p)))
}

/// Parses the longest numeral starting at byte `i` (no boundary check: see
/// [`can_start`]).
pub fn parse_at(text: &str, i: usize) -> Option<Numeral> {
    let mut j = i;
    let mut vague = false;
    let mut arabic = false;
    let mut plain = true;
    let mut overflow = false;
    let mut total = Dec::int(0);
    let mut section = Dec::int(0);
    let mut pending: Option<Dec> = None;
    let mut last_arabic = false;
    let mut last_big = u32::MAX;
    let mut any = false;
    let mut chars = 0usize;
    // 数 / 何 open a vague numeral: 数十億, 何兆, 数% (数 alone).
    if let Some(c @ ('数' | '何')) = char_at(text, i) {
        let next = char_at(text, i + c.len_utf8());
        let scaled = next.is_some_and(|n| small_mult(n).is_some() || big_mult(n).is_some());
        // 数 alone is a vague numeral before a counter (数社, 数%); 何 alone
        // asks a question (何人), so only 何兆 / 何百 count.
        if c == '何' && !scaled {
            return None;
        }
        vague = true;
        any = true;
        j += c.len_utf8();
        chars += 1;
    }
    while let Some(c) = char_at(text, j) {
        if arabic_digit(c).is_some() {
            if pending.is_some() || last_arabic {
                break;
            }
            let Some((end, v, p)) = arabic_run(text, j) else {
                break;
            };
            plain &= p;
            arabic = true;
            last_arabic = true;
            pending = Some(checked(v, &mut overflow));
            chars += text[j..end].chars().count();
            j = end;
            any = true;
            continue;
        }
        if let Some(d) = kanji_digit(c) {
            if last_arabic {
                break;
            }
            let base = pending.unwrap_or(Dec::int(0));
            let v = base
                .mul_int(10)
                .and_then(|b| b.plus(Dec::int(u128::from(d))));
            pending = Some(checked(v, &mut overflow));
        } else if c == '数' && any {
            // 十数人, 数百: a vague digit inside a numeral.
            vague = true;
            pending = Some(Dec::int(1));
        } else if let Some(k) = small_mult(c) {
            let unit = pending.take().unwrap_or(Dec::int(1));
            let v = unit.mul_pow10(k).and_then(|v| section.plus(v));
            section = checked(v, &mut overflow);
            plain = false;
        } else if let Some(k) = big_mult(c) {
            // 万億兆 need something to multiply and must decrease (億…万).
            if (!any && pending.is_none()) || k >= last_big {
                break;
            }
            let group = match pending.take() {
                Some(p) => section.plus(p),
                None => Some(section),
            };
            if group.is_some_and(|g| g.is_zero()) && !vague {
                break;
            }
            let v = group
                .and_then(|g| g.mul_pow10(k))
                .and_then(|g| total.plus(g));
            total = checked(v, &mut overflow);
            section = Dec::int(0);
            last_big = k;
            plain = false;
        } else {
            break;
        }
        last_arabic = false;
        any = true;
        chars += 1;
        j += c.len_utf8();
    }
    if !any || j == i {
        return None;
    }
    let value = total
        .plus(section)
        .and_then(|v| v.plus(pending.unwrap_or(Dec::int(0))));
    let value = if vague || overflow { None } else { value };
    Some(Numeral {
        start: i,
        end: j,
        value,
        vague,
        arabic,
        plain: plain && arabic,
        chars,
    })
}

/// Every numeral of the text that starts on a boundary, in text order.
#[cfg(test)]
pub fn scan(text: &str) -> Vec<Numeral> {
    scan_marks(text, &super::marks::marks(text))
}

/// [`scan`] visiting only the characters that may start a numeral (the
/// [`NUMERAL`](super::marks::NUMERAL) marks of the text).
/// Linear: scanning resumes after each numeral.
pub fn scan_marks(text: &str, marks: &[super::marks::Mark]) -> Vec<Numeral> {
    let mut out = Vec::new();
    // Marks before `i` are inside a numeral or a glued run already read.
    let mut i = 0;
    for m in marks
        .iter()
        .filter(|m| m.kinds & super::marks::NUMERAL != 0)
    {
        if m.pos < i {
            continue;
        }
        i = m.pos;
        let Some(c) = char_at(text, i) else { break };
        if can_start(text, i) {
            if let Some(n) = parse_at(text, i) {
                i = n.end;
                out.push(n);
                continue;
            }
        }
        // Skip the whole run so a glued tail (A100 → 00) is not read.
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(text, j).filter(|d| arabic_digit(*d).is_some()) {
            j += d.len_utf8();
        }
        i = j;
    }
    out
}

/// An English scale word after a number at byte `i` (optionally after one
/// space): `thousand`, `million`, `billion`, `trillion`, and when `short` is
/// set the abbreviations `k`, `m`, `mn`, `bn`, `b`, `tn` glued to the number.
/// Returns (end, power of ten).
pub fn english_scale(text: &str, i: usize, short: bool) -> Option<(usize, u32)> {
    const LONG: &[(&str, u32)] = &[
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
    ];
    const SHORT: &[(&str, u32)] = &[
        ("bn", 9),
        ("mn", 6),
        ("tn", 12),
        ("trn", 12),
        ("mln", 6),
        ("k", 3),
        ("K", 3),
        ("m", 6),
        ("M", 6),
        ("b", 9),
        ("B", 9),
    ];
    let rest = &text[i..];
    let spaced = rest.strip_prefix(' ').map(|r| (r, 1));
    for (r, off) in [Some((rest, 0)), spaced].into_iter().flatten() {
        for (w, p) in LONG {
            if r.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) {
                let end = i + off + w.len();
                if super::text::word_ends(text, end) {
                    return Some((end, *p));
                }
            }
        }
    }
    if short {
        for (w, p) in SHORT {
            if rest.starts_with(w) {
                let end = i + w.len();
                if super::text::word_ends(text, end) {
                    return Some((end, *p));
                }
            }
        }
    }
    None
}

/// English number words and their values.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

/// Value of an English number word (one … twenty, thirty … ninety, dozen),
/// in any case.
pub fn english_word(w: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan as first written: every character of the text asked
    /// whether a numeral starts there.
    fn scan_every_char(text: &str) -> Vec<Numeral> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = char_at(text, i) else { break };
            let starts = is_numeral_char(c) || c == '数' || c == '何';
            if starts && can_start(text, i) {
                if let Some(n) = parse_at(text, i) {
                    i = n.end;
                    out.push(n);
                    continue;
                }
            }
            if starts {
                let mut j = i + c.len_utf8();
                while let Some(d) = char_at(text, j).filter(|d| arabic_digit(*d).is_some()) {
                    j += d.len_utf8();
                }
                i = j;
                continue;
            }
            i += c.len_utf8();
        }
        out
    }

    proptest! {
        #[test]
        fn arabic_values_are_those_of_their_digits(
            s in "[0-9０-９]{1,45}([,，.．][0-9０-９]{0,4}){0,3}"
        ) {
            if let Some(n) = parse_at(&s, 0) {
                // The digits and the point of the numeral, as ASCII.
                let plain: String = s[n.start..n.end]
                    .chars()
                    .filter_map(|c| match c {
                        '.' | '．' => Some('.'),
                        _ => arabic_digit(c).and_then(|d| char::from_digit(d, 10)),
                    })
                    .collect();
                prop_assert_eq!(n.value, Dec::parse(&plain), "{}", s);
            }
        }

        #[test]
        fn scan_on_marks_agrees_with_every_char(
            s in "[0-9０-９a-zA-Z,.，．\\-_/ 〇○零一二三四五六七八九十百千万億兆京数何年月日円人統約午前後第あア]{0,40}"
        ) {
            prop_assert_eq!(scan(&s), scan_every_char(&s));
        }
    }

    fn val(s: &str) -> Option<String> {
        parse_at(s, 0).and_then(|n| n.value).map(|v| v.to_string())
    }

    #[test]
    fn numerals_parse_to_exact_values() {
        let cases: &[(&str, Option<&str>)] = &[
            ("0", Some("0")),
            ("42", Some("42")),
            ("1,000", Some("1000")),
            ("1，000，000", Some("1000000")),
            ("3.5", Some("3.5")),
            ("３．５", Some("3.5")),
            ("１２３", Some("123")),
            ("0.50", Some("0.5")),
            ("97億4000万", Some("9740000000")),
            ("974億", Some("97400000000")),
            ("1兆", Some("1000000000000")),
            ("1,000億", Some("100000000000")),
            ("3.5億", Some("350000000")),
            ("三百億", Some("30000000000")),
            ("二十五", Some("25")),
            ("十", Some("10")),
            ("百二十", Some("120")),
            ("千五百", Some("1500")),
            ("二〇二五", Some("2025")),
            ("一", Some("1")),
            ("3千", Some("3000")),
            ("1万2000", Some("12000")),
            ("二千二十五", Some("2025")),
            ("1億2345万6789", Some("123456789")),
            ("数十億", None),
            ("何兆", None),
            ("十数", None),
            ("9999999999999999兆", Some("9999999999999999000000000000")),
            ("9999999999999999999999999999999999999999", None),
            ("99999999999999999999999999999京", None),
        ];
        for (s, want) in cases {
            assert_eq!(val(s).as_deref(), *want, "{s}");
        }
    }

    #[test]
    fn numeral_extent_stops_at_the_right_place() {
        let cases: &[(&str, &str)] = &[
            ("1,00", "1"),
            ("1,000円", "1,000"),
            ("3.5%", "3.5"),
            ("3.", "3"),
            ("万が一", ""),
            ("億万長者", ""),
            ("数えきれない", "数"),
            ("10万人", "10万"),
            ("5000億ドル", "5000億"),
            ("2万億", "2万"),
            ("4000万ドル", "4000万"),
            ("1日30回", "1"),
        ];
        for (s, want) in cases {
            let got = parse_at(s, 0).map(|n| &s[n.start..n.end]).unwrap_or("");
            assert_eq!(got, *want, "{s}");
        }
    }

    #[test]
    fn glued_numbers_are_not_numerals() {
        let cases: &[(&str, &[&str])] = &[
            ("COVID-19 cases", &[]),
            ("A100 and H100", &[]),
            ("Web3 era", &[]),
            ("19 organizations", &["19"]),
            ("統一された", &[]),
            ("約三百人", &["三百"]),
            ("版は2.0から", &["2.0"]),
            ("2025-02-10", &["2025", "02", "10"]),
            ("v1.2", &[]),
            ("8VC", &["8"]),
            ("午後3時", &["3"]),
        ];
        for (s, want) in cases {
            let got: Vec<&str> = scan(s).iter().map(|n| &s[n.start..n.end]).collect();
            assert_eq!(&got, want, "{s}");
        }
    }

    #[test]
    fn decimals_format_without_trailing_zeros() {
        let cases: &[(Dec, &str)] = &[
            (
                Dec::parse("97.4").and_then(|d| d.mul_pow10(9)).unwrap(),
                "97400000000",
            ),
            (Dec::parse("3.50").unwrap(), "3.5"),
            (Dec::parse("0.05").unwrap(), "0.05"),
            (
                Dec::int(154).plus(Dec::parse("0.80").unwrap()).unwrap(),
                "154.8",
            ),
            (Dec::int(8).div_pow10(2).unwrap(), "0.08"),
            (Dec::int(0), "0"),
        ];
        for (d, want) in cases {
            assert_eq!(d.to_string(), *want);
        }
    }

    #[test]
    fn english_scales() {
        let cases: &[(&str, bool, Option<u32>)] = &[
            (" billion dollars", false, Some(9)),
            ("bn", true, Some(9)),
            ("bn", false, None),
            (" Million", false, Some(6)),
            ("m in", true, Some(6)),
            ("mph", true, None),
            (" billions", false, None),
            ("k", true, Some(3)),
        ];
        for (s, short, want) in cases {
            assert_eq!(english_scale(s, 0, *short).map(|x| x.1), *want, "{s}");
        }
    }
}
