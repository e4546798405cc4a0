//! Sentence segmentation and language detection for kiji.
//!
//! [`split_sentences`] cuts a text into sentences: Japanese ones after
//! `。！？` (keeping `「…。」` quotations whole), English ones after `.!?`
//! followed by a capital (not after `Mr.`, `U.S.`, `3.5` or `J. K.`), and
//! every line break ends one. Sentences are capped at
//! [`MAX_SENTENCE_CHARS`] characters, and the pass is linear in the input.
//!
//! [`detect_sentence`] tells one sentence's language: kana means Japanese,
//! hangul Korean, Han alone Chinese; other text goes to whatlang, with short
//! Latin-script sentences (headlines, names) defaulting to English.
//!
//! [`analyse`] does both for a document, then revises what context can tell
//! better than one sentence: Han-only sentences of a document with more
//! Japanese than Chinese are Japanese, and short Latin-script sentences follow
//! the document's confidently detected Latin-script language (English when
//! there is none and the document is written in another script).

mod detect;
mod split;
mod utf8;

pub use detect::detect_sentence;
pub use split::{split_sentences, MAX_SENTENCE_CHARS};

use detect::{guess, Guess, Script};
use kiji_core::{Lang, LangShare, OffsetMap, Sentence, Span};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// The sentences of a document with their languages, and the document's
/// languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// Sentences in text order, each with its language (`und` for lines
    /// without letters).
    pub sentences: Vec<Sentence>,
    /// The main language: the one with the largest share, `und` when no
    /// sentence has a known language.
    pub lang: Lang,
    /// Share of each language by characters of sentences with a known
    /// language, largest first; the shares sum to 1 (or the list is empty).
    pub shares: Vec<LangShare>,
}

/// Splits `text` into sentences, detects each sentence's language, the
/// document's main language and the shares of languages by characters.
///
/// `offsets` must be the map of `text`; sentence spans carry both byte and
/// code point offsets.
pub fn analyse(text: &str, offsets: &OffsetMap) -> Detected {
    let (sentences, guesses) = split_sentences(text)
        .into_iter()
        .map(|range| detect_one(text, offsets, range))
        .unzip();
    revise(sentences, guesses)
}

/// What [`analyse`] returns, with the sentences' languages detected on the
/// threads of the current rayon pool: for a very long document. Splitting
/// and the document-wide revision stay on the calling thread.
pub fn analyse_parallel(text: &str, offsets: &OffsetMap) -> Detected {
    let (sentences, guesses) = split_sentences(text)
        .into_par_iter()
        .map(|range| detect_one(text, offsets, range))
        .unzip();
    revise(sentences, guesses)
}

/// The sentence at `range` of `text` with its language, alone.
fn detect_one(text: &str, offsets: &OffsetMap, range: Range<usize>) -> (Sentence, Guess) {
    let slice = &text[range.clone()];
    let g = guess(slice);
    // The end is counted from the start rather than looked up:
    // `OffsetMap::char_offset(text.len())` is wrong when the length is a
    // multiple of its stride, and counting costs no more.
    let start = offsets.char_offset(range.start);
    let span = Span {
        start,
        end: start + slice.chars().count(),
        byte_start: range.start,
        byte_end: range.end,
    };
    (Sentence { span, lang: g.lang }, g)
}

/// Revises the sentences' languages by what the document tells (see the
/// crate doc), and computes its main language and shares.
fn revise(mut sentences: Vec<Sentence>, guesses: Vec<Guess>) -> Detected {
    let first = shares(&sentences);
    let share_of = |lang: Lang| {
        first
            .iter()
            .find(|s| s.lang == lang)
            .map_or(0.0, |s| s.share)
    };
    // Han-only sentences (headings, names) of a document with more Japanese
    // than Chinese are Japanese.
    let han_is_japanese = share_of(Lang::JA) > 0.0 && share_of(Lang::JA) >= share_of(Lang::ZH);
    // Short Latin-script sentences follow the document's confidently
    // detected Latin-script language; in a document written in another
    // script (a Japanese article quoting names and titles) they are English.
    let main = first.first().map_or(Lang::UND, |s| s.lang);
    let main_is_latin = sentences
        .iter()
        .zip(&guesses)
        .any(|(s, g)| s.lang == main && g.script == Script::Latin);
    let latin = dominant(&sentences, &guesses, Script::Latin)
        .or_else(|| (!main.is_und() && !main_is_latin).then_some(Lang::EN));
    for (sentence, g) in sentences.iter_mut().zip(&guesses) {
        if g.confident {
            continue;
        }
        match g.script {
            Script::Han if han_is_japanese => sentence.lang = Lang::JA,
            Script::Latin => {
                if let Some(lang) = latin {
                    sentence.lang = lang;
                }
            }
            _ => {}
        }
    }
    let shares = shares(&sentences);
    let lang = shares.first().map_or(Lang::UND, |s| s.lang);
    Detected {
        sentences,
        lang,
        shares,
    }
}

/// The language with the most characters among the confidently detected
/// sentences of `script`, if any.
fn dominant(sentences: &[Sentence], guesses: &[Guess], script: Script) -> Option<Lang> {
    let mut chars: HashMap<Lang, usize> = HashMap::new();
    for (s, g) in sentences.iter().zip(guesses) {
        if g.confident && g.script == script && !g.lang.is_und() {
            *chars.entry(g.lang).or_default() += s.span.len();
        }
    }
    // Ties go to the smaller code so the result does not depend on hashing.
    chars
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(lang, _)| lang)
}

/// Shares by characters of sentences with a known language, largest first
/// (ties by code, for determinism).
fn shares(sentences: &[Sentence]) -> Vec<LangShare> {
    let mut chars: HashMap<Lang, usize> = HashMap::new();
    for s in sentences.iter().filter(|s| !s.lang.is_und()) {
        *chars.entry(s.lang).or_default() += s.span.len();
    }
    let total: usize = chars.values().sum();
    if total == 0 {
        return Vec::new();
    }
    let mut counted: Vec<(Lang, usize)> = chars.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counted
        .into_iter()
        .map(|(lang, n)| LangShare {
            lang,
            share: n as f64 / total as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(text: &str) -> (Vec<(String, &str)>, Detected) {
        let detected = analyse(text, &OffsetMap::new(text));
        let langs = detected
            .sentences
            .iter()
            .map(|s| (s.lang.to_string(), s.span.slice(text)))
            .collect();
        (langs, detected)
    }

    #[test]
    fn context_revises_unsure_sentences() {
        let cases: &[(&str, &[&str], &str)] = &[
            // A Han-only heading in a Japanese article is Japanese.
            (
                "日本経済新聞\n東京都は新しい計画を発表しました。詳しくは後で説明します。",
                &["ja", "ja", "ja"],
                "ja",
            ),
            // The same heading alone is Chinese.
            ("日本経済新聞", &["zh"], "zh"),
            // In a Chinese article it stays Chinese.
            (
                "国务院\n中国人民银行宣布下调存款准备金率，以支持实体经济发展。",
                &["zh", "zh"],
                "zh",
            ),
            // Short Latin lines in a Japanese article are English.
            (
                "layout: post\nソニーは新製品を発表しました。発売は来月の予定です。",
                &["en", "ja", "ja"],
                "ja",
            ),
            // Short lines of a French article follow its French.
            (
                "Paris, jeudi\nLe gouvernement a annoncé de nouvelles mesures pour soutenir l'économie du pays.",
                &["fr", "fr"],
                "fr",
            ),
            // Lines without letters have no language and no share.
            ("2025-11-03\n★★★\nThe company said on Monday that sales rose.", &["und", "und", "en"], "en"),
            ("12:00", &["und"], "und"),
            ("", &[], "und"),
        ];
        for (text, want, main) in cases {
            let (got, detected) = langs(text);
            let got_langs: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
            assert_eq!(&got_langs, want, "{text:?}: {got:?}");
            assert_eq!(detected.lang.code(), *main, "{text:?}");
        }
    }

    #[test]
    fn spans_count_code_points_to_the_end_of_any_text() {
        // 256 bytes: the length is a multiple of the offset map's stride.
        let cases = [
            "é".repeat(128),
            format!("{}。", "あ".repeat(84)),
            "a".repeat(256),
        ];
        for text in &cases {
            let (_, detected) = langs(text);
            let last = detected.sentences.last().map(|s| s.span);
            assert_eq!(last.map(|s| s.end), Some(text.chars().count()), "{text}");
            assert_eq!(last.map(|s| s.byte_end), Some(text.len()), "{text}");
        }
    }

    #[test]
    fn sentences_detected_side_by_side_are_detected_alike() {
        let text = [
            "日本経済新聞\nソニーは新製品を発表しました。",
            "layout: post\nThe company said on Monday that sales rose.",
            "Le gouvernement a annoncé de nouvelles mesures pour soutenir l'économie du pays.",
            "国务院\n2025-11-03\n★★★",
        ]
        .join("\n")
        .repeat(50);
        let offsets = OffsetMap::new(&text);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        let parallel = pool.install(|| analyse_parallel(&text, &offsets));
        assert_eq!(parallel, analyse(&text, &offsets));
        // (国务院 is Japanese here: the document is mostly Japanese.)
        for lang in ["ja", "en", "fr", "und"] {
            assert!(parallel.sentences.iter().any(|s| s.lang.code() == lang));
        }
    }

    #[test]
    fn shares_are_by_characters_of_known_sentences() {
        let text = "これは日本語の文です。\nThis is English.\n12345";
        let (_, detected) = langs(text);
        let ja = "これは日本語の文です。".chars().count() as f64;
        let en = "This is English.".chars().count() as f64;
        assert_eq!(detected.shares.len(), 2);
        assert_eq!(detected.shares[0].lang, Lang::EN);
        assert!((detected.shares[0].share - en / (ja + en)).abs() < 1e-12);
        assert_eq!(detected.shares[1].lang, Lang::JA);
        assert!((detected.shares[1].share - ja / (ja + en)).abs() < 1e-12);
    }
}
