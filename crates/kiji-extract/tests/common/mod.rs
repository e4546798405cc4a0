//! What the name tests share: the embedded tokenizer and one run of the
//! analysis steps (language detection, tokenisation, an extractor).

// Each test binary uses some of these helpers only.
#![allow(dead_code)]

use kiji_core::{Entity, OffsetMap, Sentence, Token};
use kiji_extract::names::{EnglishRecognizer, JapaneseRecognizer};
use kiji_extract::{DocContext, Extractor};
use kiji_tokenizer::{Options, Tokenizer};
use std::sync::OnceLock;

/// The tokenizer with the embedded IPADIC, built once per test binary.
pub fn tokenizer() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| Tokenizer::embedded(&[]).expect("embedded dictionary loads"))
}

/// An extractor with the two name recognisers only (no gazetteer).
pub fn names_only() -> Extractor {
    Extractor::with_recognizers(vec![
        Box::new(JapaneseRecognizer::new()),
        Box::new(EnglishRecognizer::new()),
    ])
}

/// A text's offsets, sentences and tokens.
pub struct Analysed<'t> {
    pub offsets: OffsetMap<'t>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// Detects the sentences of `text` and tokenises them, or None when the
/// tokenizer fails.
pub fn analyse<'t>(tok: &Tokenizer, text: &'t str) -> Option<Analysed<'t>> {
    let offsets = OffsetMap::new(text);
    let sentences = kiji_langdetect::analyse(text, &offsets).sentences;
    let mut tokens = Vec::new();
    tok.worker()
        .tokenize(text, &sentences, &offsets, Options::default(), &mut tokens)
        .ok()?;
    Some(Analysed {
        offsets,
        sentences,
        tokens,
    })
}

/// The entities `ex` finds in `text` (resolved and linked), or none when the
/// text cannot be tokenised.
pub fn extract(tok: &Tokenizer, ex: &Extractor, text: &str) -> Vec<Entity> {
    let Some(a) = analyse(tok, text) else {
        return Vec::new();
    };
    ex.extract(&DocContext {
        text,
        sentences: &a.sentences,
        tokens: &a.tokens,
        date: None,
        offsets: &a.offsets,
    })
}
