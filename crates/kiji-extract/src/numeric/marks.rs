//! The positions where a numeric rule may start, found in one pass over the
//! text and shared by the modules.
//!
//! Every module used to walk every character of the document looking for
//! its own starting points (numerals, English word starts, the kanji that
//! start 昨年 or 今夜). Most characters of a news text are kana and kanji
//! that start nothing, so one pass records the few that matter and each
//! module visits only those, in text order (the order its candidates were
//! proposed in before, which the resolver's tie-breaking may depend on).

use super::number::{is_kanji, NUMBER_WORDS};
use super::text::{FirstWords, Firsts};
use std::sync::OnceLock;

/// A character that may start a numeral ([`super::number::scan`]).
pub const NUMERAL: u8 = 1;
/// A kanji that starts a Japanese date word (昨年, 月曜日, 巳年).
pub const DATE_KANJI: u8 = 2;
/// A character that starts a Japanese time word (今夜, 正午).
pub const TIME_KANJI: u8 = 4;
/// The start of an English word that starts a date phrase (`last week`,
/// `Monday`, `Q1`).
pub const DATE_WORD: u8 = 8;
/// The start of an English word that starts a part of a day (`tonight`,
/// `this morning`, `noon`).
pub const TIME_WORD: u8 = 16;
/// The start of an English word that starts a vague amount of money
/// (`several`, `billions of`).
pub const MONEY_WORD: u8 = 32;
/// The start of an English number word (`two`, `Twelve`, `dozen`).
pub const NUMBER_WORD: u8 = 64;
/// 元, which may start 元年, the first year of an era (令和元年).
pub const GANNEN: u8 = 128;

/// A position of the text and what may start there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the character.
    pub pos: usize,
    /// The kinds ([`NUMERAL`], [`DATE_WORD`], …) that may start there.
    pub kinds: u8,
}

/// The kinds of the non-ASCII characters that start something.
struct Table {
    /// Kinds by code point for the Basic Multilingual Plane (64 KiB): one
    /// load per character, where nearly every character gets 0.
    bmp: Vec<u8>,
    /// (code point, kinds) above the BMP, sorted (none of the word lists
    /// has one today).
    astral: Vec<(u32, u8)>,
}

impl Table {
    fn new(date: &Firsts, time: &Firsts) -> Table {
        let numerals = ('０'..='９')
            .chain([
                '〇', '零', '○', '一', '二', '三', '四', '五', '六', '七', '八', '九',
            ])
            .chain(['十', '百', '千', '万', '億', '兆', '京', '数', '何'])
            .map(|c| (c, NUMERAL));
        let dates = date
            .chars()
            .iter()
            .filter(|c| is_kanji(**c))
            .map(|&c| (c, DATE_KANJI));
        let times = time.chars().iter().map(|&c| (c, TIME_KANJI));
        let gannen = [('元', GANNEN)];
        let mut bmp = vec![0u8; 0x10000];
        let mut astral: Vec<(u32, u8)> = Vec::new();
        // ASCII is classified by the pass itself.
        for (c, kind) in numerals
            .chain(dates)
            .chain(times)
            .chain(gannen)
            .filter(|(c, _)| !c.is_ascii())
        {
            let cp = u32::from(c);
            match bmp.get_mut(cp as usize) {
                Some(k) => *k |= kind,
                None => match astral.iter_mut().find(|e| e.0 == cp) {
                    Some(e) => e.1 |= kind,
                    None => astral.push((cp, kind)),
                },
            }
        }
        astral.sort_unstable();
        Table { bmp, astral }
    }

    /// The kinds of the character with code point `cp`.
    fn kinds(&self, cp: u32) -> u8 {
        match self.bmp.get(cp as usize) {
            Some(&k) => k,
            None => match self.astral.binary_search_by_key(&cp, |e| e.0) {
                Ok(k) => self.astral[k].1,
                Err(_) => 0,
            },
        }
    }

    /// Every character with a kind (for tests).
    #[cfg(test)]
    fn chars(&self) -> Vec<char> {
        let bmp = (0u32..)
            .zip(&self.bmp)
            .filter(|(_, k)| **k != 0)
            .map(|(cp, _)| cp);
        bmp.chain(self.astral.iter().map(|e| e.0))
            .filter_map(char::from_u32)
            .collect()
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::new(super::date::ja_firsts(), super::time::ja_firsts()))
}

/// The first words of the English phrases of each module, tagged with the
/// kind of their mark.
fn words() -> &'static FirstWords {
    static WORDS: OnceLock<FirstWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let numbers: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
        FirstWords::union(&[
            (super::date::en_firsts(), DATE_WORD),
            (super::time::en_firsts(), TIME_WORD),
            (super::money::vague_firsts(), MONEY_WORD),
            (&FirstWords::of(&[&numbers]), NUMBER_WORD),
        ])
    })
}

/// Every position of `text` where something may start, in text order.
pub fn marks(text: &str) -> Vec<Mark> {
    let table = table();
    let words = words();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // An ASCII byte is always a whole character, so the byte before
            // decides whether a word starts here.
            if b.is_ascii_digit() {
                out.push(Mark {
                    pos: i,
                    kinds: NUMERAL,
                });
            } else if b.is_ascii_alphabetic() && !(i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
                // A word starts: one look-up tells which modules want it;
                // most words are wanted by none and leave no mark.
                let rest = bytes.get(i..).unwrap_or_default();
                let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let kinds = words.tags(&rest[..len]);
                if kinds != 0 {
                    out.push(Mark { pos: i, kinds });
                }
                // The other letters of the word start nothing.
                i += len;
                continue;
            }
            i += 1;
            continue;
        }
        // Three-byte characters (kana, kanji, full-width forms: nearly all
        // of a Japanese text) are decoded by hand: one table load each.
        if (0xE0..0xF0).contains(&b) {
            // A run of them is read in this inner loop, without going back
            // through the dispatch on the lead byte for each character.
            let start = i;
            while let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) {
                if !(0xE0..0xF0).contains(&b0) {
                    break;
                }
                // Hiragana and katakana (U+3040..U+30FF: E3 81..83 xx), most
                // of a Japanese text, start nothing: no decoding. (Should a
                // word list ever start with kana,
                // `byte_pass_agrees_with_char_rule` fails.)
                if !(b0 == 0xE3 && (0x81..=0x83).contains(&b1)) {
                    let cp = u16::from(b0 & 0x0F) << 12
                        | u16::from(b1 & 0x3F) << 6
                        | u16::from(b2 & 0x3F);
                    let kinds = table.bmp.get(usize::from(cp)).copied().unwrap_or(0);
                    if kinds != 0 {
                        out.push(Mark { pos: i, kinds });
                    }
                }
                i += 3;
            }
            // Only a text cut inside a character could stop the loop at
            // once; a `str` never is, but the pass must not spin on it.
            if i == start {
                break;
            }
            continue;
        }
        // Two- and four-byte characters are rarer: the standard decoder.
        // The text is valid UTF-8, so `i` is on a lead byte here.
        let len = if b >= 0xF0 { 4 } else { 2 };
        if let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
            let kinds = table.kinds(u32::from(c));
            if kinds != 0 {
                out.push(Mark { pos: i, kinds });
            }
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::number::{english_word, is_numeral_char};
    use crate::numeric::text::{word_at, word_starts};
    use proptest::prelude::*;

    /// The straightforward rules, as the modules wrote them: every
    /// character decoded and asked.
    fn reference(text: &str) -> Vec<Mark> {
        let (date, time) = (
            super::super::date::ja_firsts(),
            super::super::time::ja_firsts(),
        );
        let mut out = Vec::new();
        for (pos, c) in text.char_indices() {
            let mut kinds = 0;
            if is_numeral_char(c) || c == '数' || c == '何' {
                kinds |= NUMERAL;
            }
            if c == '元' {
                kinds |= GANNEN;
            }
            if c.is_ascii_alphabetic() {
                if word_starts(text, pos) {
                    let word = word_at(text, pos).map_or("", |w| w.1);
                    let sets = [
                        (super::super::date::en_firsts(), DATE_WORD),
                        (super::super::time::en_firsts(), TIME_WORD),
                        (super::super::money::vague_firsts(), MONEY_WORD),
                    ];
                    for (set, kind) in sets {
                        if set.at(text, pos) {
                            kinds |= kind;
                        }
                    }
                    if english_word(word).is_some() {
                        kinds |= NUMBER_WORD;
                    }
                }
            } else {
                if is_kanji(c) && date.contains(c) {
                    kinds |= DATE_KANJI;
                }
                if time.contains(c) {
                    kinds |= TIME_KANJI;
                }
            }
            if kinds != 0 {
                out.push(Mark { pos, kinds });
            }
        }
        out
    }

    /// Kinds with the character at each mark, for readable failures.
    fn shown(text: &str, marks: &[Mark]) -> Vec<(char, u8)> {
        marks
            .iter()
            .filter_map(|m| Some((text.get(m.pos..)?.chars().next()?, m.kinds)))
            .collect()
    }

    #[test]
    fn marks_find_starts() {
        let t = "今夜X1 b2c ３月、昨年一昨日の数十億円。Monday 正午〇 two Tonight several Mondays";
        let got = shown(t, &marks(t));
        assert_eq!(got, shown(t, &reference(t)));
        assert!(got.contains(&('今', DATE_KANJI | TIME_KANJI)));
        assert!(got.contains(&('1', NUMERAL)) && got.contains(&('2', NUMERAL)));
        assert!(!got.iter().any(|(c, _)| matches!(c, 'X' | 'b' | 'c')));
        assert!(got.contains(&('M', DATE_WORD)) && got.contains(&('t', NUMBER_WORD)));
        assert!(got.contains(&('T', TIME_WORD)) && got.contains(&('s', MONEY_WORD)));
        assert!(got.contains(&('一', NUMERAL | DATE_KANJI)));
        assert!(got.contains(&('３', NUMERAL)) && got.contains(&('〇', NUMERAL)));
    }

    /// Characters the rules care about, and their neighbours in the
    /// encoding (same lead bytes, same low bits), to mix into random text.
    fn interesting() -> Vec<char> {
        let mut v: Vec<char> = table().chars();
        let near: Vec<char> = v
            .iter()
            .flat_map(|&c| [c as u32 + 1, (c as u32).wrapping_sub(1), c as u32 ^ 0x1000])
            .filter_map(char::from_u32)
            .collect();
        v.extend(near);
        v.extend("aZ09 -.,あンー、。々テ🎌é\u{3000}\u{2FFF}\u{3100}".chars());
        v
    }

    /// English words the rules care about, some in other cases, and others.
    fn english() -> Vec<&'static str> {
        let mut v = vec![
            "two", "Twelve", "DOZEN", "twos", "last", "Last", "Monday", "Mon", "Q", "FY", "Sept",
            "first", "tonight", "this", "noon", "Midnight", "several", "a", "billions", "tens",
            "hundreds", "millions", "of", "the", "A", "x", "forty", "Twenty",
        ];
        v.extend(NUMBER_WORDS.iter().map(|(w, _)| *w));
        v
    }

    proptest! {
        #[test]
        fn byte_pass_agrees_with_char_rule(
            cs in prop::collection::vec(
                prop_oneof![any::<char>(), prop::sample::select(interesting())],
                0..60,
            )
        ) {
            let s: String = cs.into_iter().collect();
            prop_assert_eq!(marks(&s), reference(&s));
        }

        #[test]
        fn word_marks_agree_with_each_module(
            ws in prop::collection::vec(
                (prop::sample::select(english()), prop::sample::select(vec![" ", "", "-", "1", "。", "x"])),
                0..12,
            )
        ) {
            let s: String = ws.into_iter().flat_map(|(w, sep)| [w, sep]).collect();
            prop_assert_eq!(marks(&s), reference(&s));
        }
    }
}
