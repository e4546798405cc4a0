//! Names written together are alike: an unrecognised word between two names
//! of one type in a list (横山大観、菊池契月、安田靫彦; マドリード、サラゴサ、
//! バルセロナ) is a name of that type too, and so is a new name written
//! before its old one (X（旧Twitter）, Meta (formerly Facebook)) or after
//! it (Twitter(現X)), with its later mentions (Xに改名).
//!
//! Japanese writing lists names with 、 or ・; a word between two
//! separators of the same kind, with a name of one type on either side, is
//! taken as a third name when its shape allows (two to six kanji, or a
//! katakana word) and it is no common word. The rule reads only resolved
//! entities, so it never overrides what a recogniser decided.

use std::collections::BTreeSet;

use kiji_core::EntityType;
use rustc_hash::FxHashSet as HashSet;

use crate::names::lists;
use crate::{Candidate, Confidence};

/// The recorded source of names found by this rule.
const SOURCE: &str = "list";

/// Adds the unrecognised names of lists to `resolved` (in text order,
/// non-overlapping); the result is still in text order and non-overlapping.
pub fn fill(text: &str, resolved: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(resolved.len());
    // Names found as the new name of a renamed company or service.
    let mut renames: Vec<Candidate> = Vec::new();
    for c in resolved {
        if let Some(prev) = out.last() {
            if prev.ty == c.ty
                && matches!(
                    c.ty,
                    EntityType::Person | EntityType::Location | EntityType::Org
                )
                && prev.byte_end < c.byte_start
            {
                let gap_start = prev.byte_end;
                for (s, e) in listed_between(&text[gap_start..c.byte_start]) {
                    out.push(Candidate::new(
                        gap_start + s,
                        gap_start + e,
                        c.ty,
                        SOURCE,
                        Confidence::Guess,
                    ));
                }
            }
        }
        if let Some(renamed) = renamed_before(text, &c, out.last().map_or(0, |p| p.byte_end)) {
            renames.push(renamed.clone());
            out.push(renamed);
        }
        let after = renamed_after(text, &c);
        out.push(c);
        if let Some(renamed) = after {
            renames.push(renamed);
        }
    }
    if renames.is_empty() {
        return out;
    }
    // Once a document has said a name is the new one (Twitter(現X)), its
    // later mentions of that name (Xに改名, Xの時価総額) are the same.
    // Spans are asked through an index, not by a scan of the lists: a long
    // document can say the same rename hundreds of times and hold tens of
    // thousands of entities, and a scan per mention made this quadratic.
    let mut taken = Spans::default();
    for o in &out {
        taken.insert(o.byte_start, o.byte_end);
    }
    let mut renamed_spans = Spans::default();
    for r in &renames {
        renamed_spans.insert(r.byte_start, r.byte_end);
    }
    // A name said again adds nothing: its first search took every free
    // mention.
    let mut searched = HashSet::default();
    for r in &renames {
        let name = &text[r.byte_start..r.byte_end];
        if !searched.insert(name) {
            continue;
        }
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            let apart = !before.is_some_and(|ch| ch.is_alphanumeric())
                && !after.is_some_and(|ch| {
                    ch.is_ascii_alphanumeric()
                        || crate::names::is_kanji(ch)
                        || crate::names::is_katakana(ch)
                });
            if apart && taken.free(at, end) && renamed_spans.free(at, end) {
                let mut again = r.clone();
                again.byte_start = at;
                again.byte_end = end;
                taken.insert(at, end);
                out.push(again);
            }
        }
    }
    // The new names written after their old ones, where nothing else was
    // found (the ones written before are in `out` already).
    let missing: Vec<Candidate> = renames
        .into_iter()
        .filter(|r| taken.free(r.byte_start, r.byte_end))
        .collect();
    out.extend(missing);
    out.sort_by_key(|c| c.byte_start);
    out
}

/// Byte spans, possibly overlapping, asked whether any overlaps a range.
#[derive(Debug, Default)]
struct Spans {
    /// `(start, end)` of each span.
    spans: BTreeSet<(usize, usize)>,
    /// The length of the longest span: a span that overlaps `at..end`
    /// starts within this of `at`, which bounds the part of the set read.
    longest: usize,
}

impl Spans {
    fn insert(&mut self, start: usize, end: usize) {
        self.spans.insert((start, end));
        self.longest = self.longest.max(end.saturating_sub(start));
    }

    /// True when no span overlaps `at..end` (touching is no overlap).
    fn free(&self, at: usize, end: usize) -> bool {
        self.spans
            .range((at.saturating_sub(self.longest), 0)..(end, 0))
            .all(|&(_, e)| e <= at)
    }
}

/// True for a character of a new name: Latin letters, digits and joiners
/// in a Latin name, katakana in a katakana one.
fn name_char(latin: bool, ch: char) -> bool {
    if latin {
        ch.is_ascii_alphanumeric() || ch == '-' || ch == '.'
    } else {
        crate::names::is_katakana(ch)
    }
}

/// The new name at `start..end`, of the old entity `c`'s type and with its
/// canonical: one company or service under two names.
fn renamed(c: &Candidate, start: usize, end: usize) -> Candidate {
    let mut renamed = Candidate::new(start, end, c.ty, SOURCE, Confidence::Rule);
    renamed.canonical = c.canonical.clone();
    renamed
}

/// The new name written right after the entity `c` as `(現 new)` or
/// `(now new)`: Twitter(現X), of `c`'s type and with its canonical name.
fn renamed_after(text: &str, c: &Candidate) -> Option<Candidate> {
    if !matches!(c.ty, EntityType::Org | EntityType::Product) {
        return None;
    }
    let rest = text.get(c.byte_end..)?;
    let (marker, rest) = ["（現", "(現", " (now ", "(now "]
        .iter()
        .find_map(|m| rest.strip_prefix(m).map(|r| (m.len(), r)))?;
    let first = rest.chars().next()?;
    let latin = first.is_ascii_uppercase();
    if !(latin || crate::names::is_katakana(first)) {
        return None;
    }
    let len = rest
        .char_indices()
        .find(|&(_, ch)| !name_char(latin, ch))
        .map_or(rest.len(), |(i, _)| i);
    if !rest[len..].starts_with([')', '）']) {
        return None;
    }
    let start = c.byte_end + marker;
    Some(renamed(c, start, start + len))
}

/// The name written right before `(旧 old)` or `(formerly old)` when `old`
/// is the entity `c`: a Latin or katakana word after `floor` (the end of
/// the entity before), of `c`'s type and with its canonical name.
fn renamed_before(text: &str, c: &Candidate, floor: usize) -> Option<Candidate> {
    if !matches!(c.ty, EntityType::Org | EntityType::Product) {
        return None;
    }
    let head = text.get(..c.byte_start)?;
    let head = ["（旧", "(旧", "（旧・", "(formerly ", "（元"]
        .iter()
        .find_map(|m| head.strip_suffix(m))?;
    let head = head.strip_suffix(' ').unwrap_or(head);
    let latin = head.ends_with(|ch: char| ch.is_ascii_alphanumeric());
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| name_char(latin, ch))
        .last()
        .map(|(i, _)| i)?;
    let name = &head[start..];
    // A Latin name starts with a capital (not "the one (formerly X)").
    let starts_name = name
        .chars()
        .next()
        .is_some_and(|ch| !latin || ch.is_ascii_uppercase());
    (start >= floor && starts_name && !lists::en_not_names().contains(name))
        .then(|| renamed(c, start, head.len()))
}

/// The items (byte ranges) of `gap` when it is `sep item sep item … sep`
/// with one separator (、 or ・) throughout and every item shaped like a
/// name; none otherwise.
fn listed_between(gap: &str) -> Vec<(usize, usize)> {
    let Some(sep) = gap.chars().next().filter(|c| matches!(c, '、' | '・')) else {
        return Vec::new();
    };
    if !gap.ends_with(sep) || gap.len() <= 2 * sep.len_utf8() {
        return Vec::new();
    }
    let inner = &gap[sep.len_utf8()..gap.len() - sep.len_utf8()];
    let mut items = Vec::new();
    let mut at = sep.len_utf8();
    for item in inner.split(sep) {
        if !name_shaped(item) {
            return Vec::new();
        }
        items.push((at, at + item.len()));
        at += item.len() + sep.len_utf8();
    }
    // Lists are short; a long run of words is more likely prose.
    if items.len() > 3 {
        return Vec::new();
    }
    items
}

/// True for a word shaped like a Japanese name: two to six kanji, or three
/// to twelve katakana, and not a common word.
fn name_shaped(w: &str) -> bool {
    let n = w.chars().count();
    let kanji = (2..=6).contains(&n) && w.chars().all(crate::names::is_kanji);
    let katakana = (3..=12).contains(&n) && w.chars().all(crate::names::is_katakana);
    (kanji || katakana) && !lists::ja_generic().contains(w) && !crate::names::ja_vocabulary(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiji_core::EntityType::*;

    fn c(text: &str, word: &str, ty: EntityType) -> Candidate {
        let s = text.find(word).expect("word in text");
        Candidate::new(s, s + word.len(), ty, "test", Confidence::Rule)
    }

    fn names(text: &str, resolved: Vec<Candidate>) -> Vec<String> {
        fill(text, resolved)
            .iter()
            .map(|c| format!("{}:{}", c.ty, &text[c.byte_start..c.byte_end]))
            .collect()
    }

    #[test]
    fn a_word_between_two_people_in_a_list_is_a_person() {
        let t = "横山大観、菊池契月、安田靫彦が描いた。";
        let got = names(t, vec![c(t, "横山大観", Person), c(t, "安田靫彦", Person)]);
        assert_eq!(
            got,
            ["PERSON:横山大観", "PERSON:菊池契月", "PERSON:安田靫彦"]
        );
    }

    #[test]
    fn names_listed_with_middle_dots_or_commas() {
        let t = "毛沢東・周恩来・劉少奇・朱徳・陳雲の像。";
        let got = names(
            t,
            vec![
                c(t, "毛沢東", Person),
                c(t, "周恩来", Person),
                c(t, "劉少奇", Person),
                c(t, "朱徳", Person),
            ],
        );
        // 陳雲 ends the list: no name on its far side, so nothing is added.
        assert_eq!(got.len(), 4);
        let t = "マドリード、サラゴサ、バルセロナを結ぶ。";
        let got = names(
            t,
            vec![c(t, "マドリード", Location), c(t, "バルセロナ", Location)],
        );
        assert_eq!(
            got,
            [
                "LOCATION:マドリード",
                "LOCATION:サラゴサ",
                "LOCATION:バルセロナ"
            ]
        );
    }

    #[test]
    fn a_new_name_before_its_old_one_takes_its_type() {
        let t = "X（旧Twitter）に投稿した。";
        assert_eq!(
            names(t, vec![c(t, "Twitter", Product)]),
            ["PRODUCT:X", "PRODUCT:Twitter"]
        );
        let t = "Meta (formerly Facebook) said so.";
        assert_eq!(
            names(t, vec![c(t, "Facebook", Org)]),
            ["ORG:Meta", "ORG:Facebook"]
        );
        // Already an entity, or a lower-case word: nothing added.
        let t = "Meta (formerly Facebook) said so.";
        assert_eq!(
            names(t, vec![c(t, "Meta", Org), c(t, "Facebook", Org)]),
            ["ORG:Meta", "ORG:Facebook"]
        );
        let t = "the one (formerly Facebook) said so.";
        assert_eq!(names(t, vec![c(t, "Facebook", Org)]), ["ORG:Facebook"]);
    }

    #[test]
    fn a_new_name_after_its_old_one_and_its_later_mentions() {
        // Already found by a recogniser: kept as it is, not doubled.
        let t = "Facebook (now Meta) grew.";
        assert_eq!(
            names(t, vec![c(t, "Facebook", Org), c(t, "Meta", Org)]),
            ["ORG:Facebook", "ORG:Meta"]
        );
        let t = "Twitter(現X)を買収し、Xに改名した。X線は別。";
        let got = names(t, vec![c(t, "Twitter", Product)]);
        assert_eq!(got, ["PRODUCT:Twitter", "PRODUCT:X", "PRODUCT:X"]);
        let t = "Facebook (now Meta) grew.";
        assert_eq!(
            names(t, vec![c(t, "Facebook", Org)]),
            ["ORG:Facebook", "ORG:Meta"]
        );
    }

    #[test]
    fn a_rename_said_in_every_paragraph_of_a_long_document() {
        let para = "Twitter(現X)を買収し、Xに改名した。X線は別。";
        let t = para.repeat(300);
        let resolved = t
            .match_indices("Twitter")
            .map(|(s, w)| Candidate::new(s, s + w.len(), Product, "test", Confidence::Rule))
            .collect();
        let got = names(&t, resolved);
        let once = ["PRODUCT:Twitter", "PRODUCT:X", "PRODUCT:X"];
        assert_eq!(got.len(), 3 * 300);
        for three in got.chunks(3) {
            assert_eq!(three, once);
        }
    }

    #[test]
    fn spans_overlap_as_ranges_do() {
        let mut s = Spans::default();
        s.insert(10, 20);
        s.insert(30, 31);
        assert!(s.free(0, 10) && s.free(20, 30) && s.free(31, 40));
        assert!(!s.free(19, 21) && !s.free(0, 11) && !s.free(12, 13) && !s.free(25, 35));
        // A long span is found from far away.
        s.insert(100, 1000);
        assert!(!s.free(900, 901));
    }

    #[test]
    fn names_of_different_types_or_prose_between_add_nothing() {
        let t = "東京、大阪、トヨタが並ぶ。";
        assert_eq!(
            names(t, vec![c(t, "東京", Location), c(t, "トヨタ", Org)]).len(),
            2
        );
        let t = "東京、そして大阪。";
        assert_eq!(
            names(t, vec![c(t, "東京", Location), c(t, "大阪", Location)]).len(),
            2
        );
        // Mixed separators are not one list.
        let t = "東京、京都・大阪。";
        assert_eq!(
            names(t, vec![c(t, "東京", Location), c(t, "大阪", Location)]).len(),
            2
        );
    }
}
