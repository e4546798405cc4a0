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
//! better than one sentence: Han-only sentences of a Japanese document are
//! Japanese, and short Latin-script sentences follow the document's
//! confidently detected Latin-script language.

mod detect;
mod split;

pub use detect::detect_sentence;
pub use split::{split_sentences, MAX_SENTENCE_CHARS};

use detect::{guess, Guess, Script};
use kiji_core::{Lang, LangShare, OffsetMap, Sentence};
use std::collections::HashMap;

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
    let ranges = split_sentences(text);
    let mut sentences = Vec::with_capacity(ranges.len());
    let mut guesses = Vec::with_capacity(ranges.len());
    for range in ranges {
        let g = guess(&text[range.clone()]);
        guesses.push(g);
        sentences.push(Sentence {
            span: offsets.span(range.start, range.end),
            lang: g.lang,
        });
    }
    let first = shares(&sentences);
    let main = first.first().map_or(Lang::UND, |s| s.lang);
    let latin = dominant(&sentences, &guesses, Script::Latin);
    for (sentence, g) in sentences.iter_mut().zip(&guesses) {
        if g.confident {
            continue;
        }
        match g.script {
            Script::Han if main == Lang::JA => sentence.lang = Lang::JA,
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
