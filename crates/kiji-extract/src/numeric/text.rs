//! Small text helpers on byte offsets, all O(1) or O(length of the match).

use std::sync::OnceLock;

/// The character starting at byte `i`, if `i` is a boundary inside the text.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`.
pub fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Hiragana or katakana (including the prolonged sound mark).
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// True when no ASCII letter or digit follows byte `i` (an English word
/// ends there).
pub fn word_ends(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// True when no ASCII letter or digit precedes byte `i`.
pub fn word_starts(text: &str, i: usize) -> bool {
    !prev_char(text, i).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Byte offset after horizontal white space at `i` (at most `max` chars).
pub fn skip_spaces(text: &str, i: usize, max: usize) -> usize {
    let mut j = i;
    for _ in 0..max {
        match char_at(text, j) {
            Some(c @ (' ' | '\u{00A0}' | '\u{3000}' | '\t')) => j += c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// Byte offset before horizontal white space ending at `i`.
pub fn skip_spaces_back(text: &str, i: usize, max: usize) -> usize {
    let mut j = i;
    for _ in 0..max {
        match prev_char(text, j) {
            Some(c @ (' ' | '\u{00A0}' | '\u{3000}' | '\t')) => j -= c.len_utf8(),
            _ => break,
        }
    }
    j
}

/// The first column of a static table (`("今年", Rel::Year(0))`, …),
/// collected once into `cell`: the word list [`match_at`] takes.
pub fn column<T>(
    cell: &'static OnceLock<Vec<&'static str>>,
    table: &'static [(&'static str, T)],
) -> &'static [&'static str] {
    cell.get_or_init(|| table.iter().map(|row| row.0).collect())
}

/// The first characters of some word lists: the characters where a scan
/// must call [`match_at`] (the marks of a text, `marks.rs`, are found with
/// them in one pass).
#[derive(Debug, Clone)]
pub struct Firsts {
    chars: Vec<char>,
}

impl Firsts {
    /// The first characters of all words of `lists`.
    pub fn of(lists: &[&[&str]]) -> Firsts {
        let mut chars: Vec<char> = lists
            .iter()
            .flat_map(|l| l.iter().filter_map(|w| w.chars().next()))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        Firsts { chars }
    }

    /// The first characters, sorted.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// True when some word starts with `c`.
    #[cfg(test)]
    pub fn contains(&self, c: char) -> bool {
        self.chars.binary_search(&c).is_ok()
    }
}

/// The first English words of some phrase lists, in any case: an English
/// word that none of the phrases starts with needs no [`match_at`] over each
/// list (most words of a text are not date or time words).
#[derive(Debug, Clone)]
pub struct FirstWords {
    /// The words of up to [`PACKED`] letters as [`pack`]ed keys, each with
    /// the tags of the sets it belongs to (see [`FirstWords::union`]; a set
    /// of its own has the tag 1), sorted by key.
    packed: Vec<(u64, u8)>,
    /// Longer words, in lower case, with their tags (none of the lists has
    /// one today).
    long: Vec<(Vec<u8>, u8)>,
}

/// The most letters a [`pack`]ed key holds.
const PACKED: usize = 12;

/// The letters of `word` (ASCII letters only), five bits each in any case
/// (`b & 0x1F` is 1 for `a` and `A`, … 26 for `z` and `Z`): one integer
/// comparison instead of a lower-cased copy and a string comparison, and no
/// two words of up to [`PACKED`] letters share a key.
fn pack(word: &[u8]) -> Option<u64> {
    if word.len() > PACKED {
        return None;
    }
    Some(word.iter().fold(0, |k, &b| k << 5 | u64::from(b & 0x1F)))
}

impl FirstWords {
    /// The first words (their ASCII letters up to the first other
    /// character) of every phrase of `lists`.
    pub fn of(lists: &[&[&str]]) -> FirstWords {
        FirstWords::tagged(lists.iter().flat_map(|l| l.iter()).map(|w| {
            let first = w
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .map(|b| b.to_ascii_lowercase())
                .collect();
            (first, 1)
        }))
    }

    /// The words of several sets in one, each word tagged with the union of
    /// the tags of the sets that hold it: one look-up answers for all sets.
    pub fn union(sets: &[(&FirstWords, u8)]) -> FirstWords {
        FirstWords::tagged(
            sets.iter()
                .flat_map(|(set, tag)| set.words().into_iter().map(move |w| (w, *tag))),
        )
    }

    /// Every word, in lower case.
    fn words(&self) -> Vec<Vec<u8>> {
        let unpack = |mut k: u64| {
            let mut w = Vec::new();
            while k != 0 {
                // 0x60 | n is the lower-case letter n (1 = a).
                w.push(0x60 | (k & 0x1F) as u8);
                k >>= 5;
            }
            w.reverse();
            w
        };
        let packed = self.packed.iter().map(|(k, _)| unpack(*k));
        packed
            .chain(self.long.iter().map(|(w, _)| w.clone()))
            .collect()
    }

    fn tagged(words: impl Iterator<Item = (Vec<u8>, u8)>) -> FirstWords {
        let mut packed: Vec<(u64, u8)> = Vec::new();
        let mut long: Vec<(Vec<u8>, u8)> = Vec::new();
        for (w, tag) in words.filter(|(w, _)| !w.is_empty()) {
            match pack(&w) {
                Some(k) => packed.push((k, tag)),
                None => long.push((w, tag)),
            }
        }
        FirstWords {
            packed: merge_tags(packed),
            long: merge_tags(long),
        }
    }

    /// True when the ASCII letters at byte `i`, in any case, are one of the
    /// first words: a phrase of the lists may start at `i`.
    #[cfg(test)]
    pub fn at(&self, text: &str, i: usize) -> bool {
        let rest = text.as_bytes().get(i..).unwrap_or_default();
        let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        self.tags(&rest[..len]) != 0
    }

    /// The tags of `word` (ASCII letters only), in any case; 0 when it is
    /// none of the first words.
    pub fn tags(&self, word: &[u8]) -> u8 {
        let found = match pack(word) {
            Some(k) => self
                .packed
                .binary_search_by_key(&k, |e| e.0)
                .map(|p| self.packed[p].1),
            None => self
                .long
                .binary_search_by(|(w, _)| cmp_ignore_case(w, word))
                .map(|p| self.long[p].1),
        };
        found.unwrap_or(0)
    }
}

/// Sorts by key, one entry per key with the union of its tags.
fn merge_tags<K: Ord>(mut all: Vec<(K, u8)>) -> Vec<(K, u8)> {
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, u8)> = Vec::with_capacity(all.len());
    for (k, tag) in all {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 |= tag,
            _ => out.push((k, tag)),
        }
    }
    out
}

/// Compares a lower-case word with `word` in any case.
fn cmp_ignore_case(lower: &[u8], word: &[u8]) -> std::cmp::Ordering {
    lower
        .iter()
        .copied()
        .cmp(word.iter().map(u8::to_ascii_lowercase))
}

/// The longest of `words` found at byte `i`, as (end, index). `ci` compares
/// ASCII case-insensitively; `whole` requires an English word boundary after.
pub fn match_at(
    text: &str,
    i: usize,
    words: &[&str],
    ci: bool,
    whole: bool,
) -> Option<(usize, usize)> {
    let rest = text.get(i..)?;
    let mut best: Option<(usize, usize)> = None;
    for (k, w) in words.iter().enumerate() {
        if let Some(end) = word_hit(text, i, rest, w, ci, whole) {
            if best.is_none_or(|(e, _)| end > e) {
                best = Some((end, k));
            }
        }
    }
    best
}

/// The end of `w` when it is found at byte `i` (`rest` is the text from
/// `i`), under the rules of [`match_at`].
#[inline]
fn word_hit(text: &str, i: usize, rest: &str, w: &str, ci: bool, whole: bool) -> Option<usize> {
    let rb = rest.as_bytes();
    // Most words fail on their first byte (on the second for kana and
    // kanji, which share lead bytes); checking them inline saves a
    // comparison call per word at every position of a scan.
    let wb = w.as_bytes();
    if wb.len() > rb.len() {
        return None;
    }
    if let Some(&f) = wb.first() {
        if f != rb[0] && !(ci && f.eq_ignore_ascii_case(&rb[0])) {
            return None;
        }
        if !f.is_ascii() && wb.len() > 1 && wb[1] != rb[1] {
            return None;
        }
    }
    let hit = if ci {
        rest.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
    } else {
        rest.starts_with(w)
    };
    let end = i + w.len();
    (hit && (!whole || word_ends(text, end))).then_some(end)
}

/// A word list indexed by its first characters: [`Lexicon::find`] answers
/// as [`match_at`] over the whole list but tries only the words that start
/// with the character at the position (long lists such as the counters are
/// asked after every numeral, and nearly all of their words fail there).
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: &'static [&'static str],
    ci: bool,
    /// (first character, ASCII-lower-cased when `ci`; index of the word),
    /// sorted: the words of one first character in list order.
    firsts: Vec<(char, usize)>,
    /// Indices of empty words, which are found everywhere.
    empty: Vec<usize>,
}

impl Lexicon {
    /// The index of `words`; `ci` as for [`match_at`].
    pub fn new(words: &'static [&'static str], ci: bool) -> Lexicon {
        let mut firsts = Vec::new();
        let mut empty = Vec::new();
        for (k, w) in words.iter().enumerate() {
            match w.chars().next() {
                Some(c) if ci => firsts.push((c.to_ascii_lowercase(), k)),
                Some(c) => firsts.push((c, k)),
                None => empty.push(k),
            }
        }
        firsts.sort_unstable();
        Lexicon {
            words,
            ci,
            firsts,
            empty,
        }
    }

    /// The same as `match_at(text, i, words, ci, whole)`.
    pub fn find(&self, text: &str, i: usize, whole: bool) -> Option<(usize, usize)> {
        let rest = text.get(i..)?;
        let mut best: Option<(usize, usize)> = None;
        // An empty word ends at `i`, before any other: trying them first
        // keeps the longest-then-first rule of `match_at`.
        for &k in &self.empty {
            if best.is_none() && word_hit(text, i, rest, self.words[k], self.ci, whole).is_some() {
                best = Some((i, k));
            }
        }
        let Some(c) = rest.chars().next() else {
            return best;
        };
        let key = if self.ci { c.to_ascii_lowercase() } else { c };
        let from = self.firsts.partition_point(|e| e.0 < key);
        for &(first, k) in &self.firsts[from..] {
            if first != key {
                break;
            }
            if let Some(end) = word_hit(text, i, rest, self.words[k], self.ci, whole) {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, k));
                }
            }
        }
        best
    }
}

/// The one of `words` that ends exactly at byte `i`, as (start, index),
/// longest first.
pub fn match_before(text: &str, i: usize, words: &[&str], ci: bool) -> Option<(usize, usize)> {
    let head = text.get(..i)?;
    let last = head.as_bytes().last();
    let mut best: Option<(usize, usize)> = None;
    for (k, w) in words.iter().enumerate() {
        // Most words fail on their last byte: checked inline before the
        // boundary test and the comparison.
        if let (Some(&lw), Some(&lh)) = (w.as_bytes().last(), last) {
            if lw != lh && !(ci && lw.eq_ignore_ascii_case(&lh)) {
                continue;
            }
        }
        if head.len() < w.len() || !head.is_char_boundary(head.len() - w.len()) {
            continue;
        }
        let tail = &head[head.len() - w.len()..];
        let hit = if ci {
            tail.eq_ignore_ascii_case(w)
        } else {
            tail == *w
        };
        if hit && best.is_none_or(|(s, _)| i - w.len() < s) {
            best = Some((i - w.len(), k));
        }
    }
    best
}

/// The ASCII word (letters only) ending at byte `i` after skipping spaces
/// back, as (start, word).
pub fn word_before(text: &str, i: usize) -> Option<(usize, &str)> {
    let end = skip_spaces_back(text, i, 2);
    let head = text.get(..end)?;
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map(|(b, _)| b)?;
    Some((start, &head[start..]))
}

/// The ASCII word (letters, inner `-` and `'`) starting at byte `i`, as
/// (end, word).
pub fn word_at(text: &str, i: usize) -> Option<(usize, &str)> {
    let rest = text.get(i..)?;
    let len = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map(|(b, c)| b + c.len_utf8())?;
    Some((i + len, &rest[..len]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words sharing first characters, cases, prefixes and lead bytes.
    const POOL: &[&str] = &[
        "",
        "ドル",
        "米ドル",
        "ド",
        "円",
        "円高",
        "人",
        "人民元",
        "USD",
        "usd",
        "Us",
        "U",
        "dollars",
        "dollar",
        "Dollar",
        "回",
        "回線",
        "月曜日",
        "月",
        "ヶ月",
        "カ月",
        "é",
        "e",
        "x",
    ];

    /// `match_before` as first written, without the last-byte filter.
    fn match_before_plain(
        text: &str,
        i: usize,
        words: &[&str],
        ci: bool,
    ) -> Option<(usize, usize)> {
        let head = text.get(..i)?;
        let mut best: Option<(usize, usize)> = None;
        for (k, w) in words.iter().enumerate() {
            if head.len() < w.len() || !head.is_char_boundary(head.len() - w.len()) {
                continue;
            }
            let tail = &head[head.len() - w.len()..];
            let hit = if ci {
                tail.eq_ignore_ascii_case(w)
            } else {
                tail == *w
            };
            if hit && best.is_none_or(|(s, _)| i - w.len() < s) {
                best = Some((i - w.len(), k));
            }
        }
        best
    }

    proptest! {
        #[test]
        fn match_before_agrees_with_the_plain_rule(
            picks in prop::collection::vec(0..POOL.len(), 0..12),
            parts in prop::collection::vec(
                prop_oneof![prop::sample::select(POOL.to_vec()), prop::sample::select(vec![" ", "a", "1", "本", "ー", "$", "US"])],
                0..8,
            ),
            ci in any::<bool>(),
        ) {
            let words: Vec<&str> = picks.iter().map(|&k| POOL[k]).collect();
            let text: String = parts.concat();
            for i in 0..=text.len() + 1 {
                prop_assert_eq!(match_before(&text, i, &words, ci), match_before_plain(&text, i, &words, ci), "at {}", i);
            }
        }

        #[test]
        fn first_words_agree_with_a_plain_set(
            list in prop::collection::vec("[abqrABQR]{1,14}( [a-c]{1,3})?", 0..8),
            probe in "[abqrABQR]{0,15}",
            tail in "[ 1.a-z]?",
        ) {
            let list: Vec<&str> = list.iter().map(String::as_str).collect();
            let set = FirstWords::of(&[&list]);
            let text = format!("{probe}{tail}");
            let word: String = text.chars().take_while(char::is_ascii_alphabetic).collect();
            let plain = list.iter().any(|w| {
                let first: String = w.chars().take_while(char::is_ascii_alphabetic).collect();
                first.eq_ignore_ascii_case(&word)
            });
            prop_assert_eq!(set.at(&text, 0), plain && !word.is_empty());
            let both = FirstWords::union(&[(&set, 2), (&FirstWords::of(&[&["cab"]]), 4)]);
            let want = u8::from(plain && !word.is_empty()) * 2 + u8::from(word.eq_ignore_ascii_case("cab")) * 4;
            prop_assert_eq!(both.tags(word.as_bytes()), want);
        }

        #[test]
        fn lexicon_agrees_with_match_at(
            picks in prop::collection::vec(0..POOL.len(), 0..12),
            parts in prop::collection::vec(
                prop_oneof![prop::sample::select(POOL.to_vec()), prop::sample::select(vec![" ", "a", "1", "本", "ー"])],
                0..8,
            ),
            ci in any::<bool>(),
            whole in any::<bool>(),
        ) {
            let words: &'static [&'static str] =
                Box::leak(picks.iter().map(|&k| POOL[k]).collect::<Vec<_>>().into_boxed_slice());
            let text: String = parts.concat();
            let lex = Lexicon::new(words, ci);
            for i in 0..=text.len() + 1 {
                prop_assert_eq!(lex.find(&text, i, whole), match_at(&text, i, words, ci, whole), "at {}", i);
            }
        }
    }

    #[test]
    fn helpers_find_words_and_boundaries() {
        let t = "in 2015年 foo";
        assert_eq!(word_before(t, 3), Some((0, "in")));
        assert_eq!(word_at(t, 11), Some((14, "foo")));
        assert_eq!(
            match_at("米ドル", 0, &["ドル", "米ドル"], false, false),
            Some(("米ドル".len(), 1))
        );
        assert_eq!(match_at("dollarsX", 0, &["dollars"], true, true), None);
        assert_eq!(
            match_before("約100", "約".len(), &["約", "およそ"], false),
            Some((0, 0))
        );
        let w = FirstWords::of(&[&["this week", "Monday"], &["Q", "FY"]]);
        assert!(w.at("This week", 0) && w.at("on MONDAY", 3) && w.at("Q1", 0) && w.at("FY2025", 0));
        assert!(!w.at("thistle", 0) && !w.at("week", 0) && !w.at("FYI", 0));
        // Too long to pack: 13 letters differing only in a bit a key of 12
        // letters would lose.
        let long = FirstWords::of(&[&["abbbbbbbbbbbb"]]);
        assert!(long.at("ABBBBBBBBBBBB", 0) && !long.at("qbbbbbbbbbbbb", 0));
        let f = Firsts::of(&[&["今夜", "正午"], &["明朝"]]);
        assert!(f.contains('今') && f.contains('正') && f.contains('明'));
        assert!(!f.contains('夜'));
        assert!(word_ends("5 GW", 1));
        assert!(!word_ends("5GW", 1));
        assert_eq!(prev_char("日本", 3), Some('日'));
        assert_eq!(char_at("日本", 1), None);
        assert_eq!(skip_spaces("a  b", 1, 5), 3);
    }
}
