//! Name recognisers: PERSON, ORG, LOCATION, PRODUCT and EVENT from the
//! shape of the text, without a dictionary of entities.
//!
//! * [`JapaneseRecognizer`] (`ja-morph`) reads IPADIC's proper-noun tags,
//!   katakana and Latin runs, honorifics and titles (氏, 社長), and
//!   organisation, place, facility and event suffixes (協会, 県, 駅, 大会).
//! * [`EnglishRecognizer`] (`en-caps`) reads capitalised word runs, titles
//!   (Mr., CEO), organisation and place suffixes (Inc., University, River),
//!   given names and context words ("in", "said", "-based").
//!
//! Both propose [`Confidence::Rule`](crate::Confidence::Rule) candidates when
//! a cue says what the name is and [`Confidence::Guess`](crate::Confidence::Guess)
//! when only its shape does; the gazetteer's `Known` candidates win over
//! both in the resolver.

mod en;
mod ja;
pub mod lists;

pub use en::EnglishRecognizer;
pub(crate) use ja::retype_quoted;
pub(crate) use ja::vocabulary as ja_vocabulary;
pub use ja::JapaneseRecognizer;

use crate::{Candidate, Confidence};
use kiji_core::{EntityType, Token};
use rustc_hash::FxHashMap as HashMap;

/// True for katakana letters and the long-vowel mark (full and half width).
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | 'ヽ' | 'ヾ' | '\u{FF66}'..='\u{FF9F}')
}

/// True for CJK ideographs and the iteration mark 々.
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆' | 'ヶ')
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII,
/// kana and kanji (most characters of a name).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_kanji(c)
        || matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// True for ASCII and full-width Latin letters and digits.
pub fn is_latin_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９')
}

/// True for the marks that join the parts of a katakana name
/// (サム・アルトマン, ジャン＝ポール).
pub fn is_kana_joiner(c: char) -> bool {
    matches!(c, '・' | '＝' | '=' | '･' | '゠')
}

/// True when `s` is non-empty and made only of katakana.
pub fn all_katakana(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_katakana)
}

/// Splits `tokens` (all of a document, in text order) into per-sentence
/// slices, calling `f(sentence_index, slice)` for each non-empty one.
pub(crate) fn for_each_sentence<'a>(tokens: &'a [Token], mut f: impl FnMut(usize, &'a [Token])) {
    let mut start = 0;
    while start < tokens.len() {
        let s = tokens[start].sentence;
        let mut end = start + 1;
        while end < tokens.len() && tokens[end].sentence == s {
            end += 1;
        }
        f(s as usize, &tokens[start..end]);
        start = end;
    }
}

/// The parts of a name, split on spaces and ・/＝, lazily.
fn split_parts(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || is_kana_joiner(c))
        .filter(|p| !p.is_empty())
}

/// Makes one-word mentions agree with the multiword names of the same
/// document: a single word guessed from its shape alone takes the type of a
/// multiword name it is part of (the last part of a PERSON, Citrone after
/// Luca Citrone; a word of an ORG, Bruins after Boston Bruins), and a
/// sentence-initial word set aside in `pending` is proposed when it is such
/// a part. Parts are split on spaces and ・/＝.
pub(crate) fn harmonise(
    text: &str,
    cands: &mut Vec<Candidate>,
    pending: &[(usize, usize)],
    source: &'static str,
) {
    // Word → type; a word claimed by two types is ambiguous (None).
    let mut parts: HashMap<&str, Option<EntityType>> = HashMap::default();
    // The parts of one multiword name, reused from name to name.
    let mut words: Vec<&str> = Vec::new();
    for c in cands.iter() {
        // Only a PERSON's or an ORG's parts are claimed; the others need
        // not be split.
        if !matches!(c.ty, EntityType::Person | EntityType::Org) {
            continue;
        }
        let Some(s) = text.get(c.byte_start..c.byte_end) else {
            continue;
        };
        words.clear();
        words.extend(split_parts(s));
        if words.len() < 2 {
            continue;
        }
        let claimed: &[&str] = match c.ty {
            EntityType::Person => &words[words.len() - 1..],
            _ => &words[..],
        };
        for w in claimed {
            if w.chars().count() < 3 || lists::en_org_suffixes().contains(w) || ja::vocabulary(w) {
                continue;
            }
            let slot = parts.entry(w).or_insert(Some(c.ty));
            if *slot != Some(c.ty) {
                *slot = None;
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    let single = |s: &str| {
        let mut parts = split_parts(s);
        parts.next().is_some() && parts.next().is_none()
    };
    for c in cands.iter_mut() {
        if c.confidence != Confidence::Guess {
            continue;
        }
        let Some(s) = text.get(c.byte_start..c.byte_end) else {
            continue;
        };
        if let (true, Some(Some(ty))) = (single(s), parts.get(s)) {
            c.ty = *ty;
            c.confidence = Confidence::Rule;
        }
    }
    for &(a, b) in pending {
        if let Some(Some(ty)) = text.get(a..b).and_then(|s| parts.get(s)) {
            cands.push(Candidate::new(a, b, *ty, source, Confidence::Rule));
        }
    }
}

/// `s` without a trailing file extension such as `.gif` or `.pdf`.
pub(crate) fn strip_file_extension(s: &str) -> &str {
    const EXTENSIONS: &[&str] = &[
        ".gif", ".jpg", ".jpeg", ".png", ".webp", ".svg", ".pdf", ".html", ".htm", ".mp4",
    ];
    // Asked of every candidate: without a dot four or five bytes from the
    // end (where every extension's dot falls) there is nothing to strip.
    let b = s.as_bytes();
    let dot_at = |back: usize| b.len() > back && b[b.len() - back] == b'.';
    if !dot_at(4) && !dot_at(5) {
        return s;
    }
    for ext in EXTENSIONS {
        if s.len() > ext.len() {
            let cut = s.len() - ext.len();
            if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(ext) {
                return &s[..cut];
            }
        }
    }
    s
}

/// Types a run of Latin words by its shape alone (a cue next to it, such as
/// 社 or 氏, is the caller's business): suffixes say ORG, a leading given
/// name says PERSON, version numbers and mixed case say PRODUCT, short
/// acronyms say ORG; anything else is a guessed ORG.
pub fn type_latin_run(run: &str) -> (EntityType, Confidence) {
    let words: Vec<&str> = run.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return (EntityType::Org, Confidence::Guess);
    };
    let last_trim = last.trim_end_matches('.');
    if words.len() > 1
        && (lists::en_org_suffixes().contains(last) || lists::en_org_suffixes().contains(last_trim))
    {
        return (EntityType::Org, Confidence::Rule);
    }
    if words.len() >= 2
        && words.len() <= 3
        && lists::given_names().contains(first.to_ascii_lowercase().as_str())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        return (EntityType::Person, Confidence::Rule);
    }
    // A version number (Sora 2, DALL-E 3, GPT-4o, R1) marks a product.
    let versioned = words.len() > 1 && last.chars().next().is_some_and(|c| c.is_ascii_digit())
        || words.iter().any(|w| {
            let letters = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
            letters > 0 && digits > 0 && (w.contains('-') || digits <= 3)
        });
    if versioned {
        return (EntityType::Product, Confidence::Guess);
    }
    // iPhone, eBay-like words start lower case with a capital inside.
    if first.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && first.chars().any(|c| c.is_ascii_uppercase())
    {
        return (EntityType::Product, Confidence::Guess);
    }
    (EntityType::Org, Confidence::Guess)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn file_extensions_are_stripped_in_any_case() {
        for (name, stripped) in [
            ("photo.JPG", "photo"),
            ("report.pdf", "report"),
            ("index.html", "index"),
            ("画像.jpeg", "画像"),
            ("Node.js", "Node.js"),
            (".png", ".png"),
            ("OpenAI", "OpenAI"),
            ("Sora 2", "Sora 2"),
        ] {
            assert_eq!(strip_file_extension(name), stripped, "{name}");
        }
    }

    proptest::proptest! {
        /// The dot check in front of the list changes no answer.
        #[test]
        fn the_dot_check_only_skips_names_without_an_extension(
            stem in "[a-zA-Z画.]{0,6}",
            ext in proptest::sample::select(&["", ".gif", ".JPEG", ".webp", ".htm", ".Html", ".mp4", ".x", ".txt"][..]),
        ) {
            let name = format!("{stem}{ext}");
            let full = [".gif", ".jpg", ".jpeg", ".png", ".webp", ".svg", ".pdf", ".html", ".htm", ".mp4"]
                .iter()
                .find_map(|e| {
                    let cut = name.len().checked_sub(e.len()).filter(|&c| c > 0)?;
                    (name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(e)).then(|| &name[..cut])
                })
                .unwrap_or(&name);
            proptest::prop_assert_eq!(strip_file_extension(&name), full);
        }
    }

    #[test]
    fn fast_alphanumeric_agrees_with_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn latin_runs_typed_by_shape() {
        let cases = [
            ("Stability AI", Org),
            ("Apple Inc.", Org),
            ("Sora 2", Product),
            ("DALL-E 3", Product),
            ("GPT-4o", Product),
            ("DeepSeek R1", Product),
            ("iPhone", Product),
            ("Sam Altman", Person),
            ("Elon Musk", Person),
            ("NASA", Org),
            ("OpenAI", Org),
            ("BMW JAPAN", Org),
        ];
        for (run, want) in cases {
            assert_eq!(type_latin_run(run).0, want, "{run}");
        }
    }

    #[test]
    fn character_classes() {
        assert!(all_katakana("アルトマン"));
        assert!(all_katakana("ジェンスン"));
        assert!(!all_katakana("アルトマン氏"));
        assert!(!all_katakana(""));
        assert!(is_kanji('孫') && is_kanji('々'));
        assert!(is_latin_alnum('Ａ') && is_latin_alnum('7') && !is_latin_alnum('・'));
        assert!(is_kana_joiner('・') && is_kana_joiner('＝'));
    }
}
