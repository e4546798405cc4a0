//! Entity extraction: recognisers propose, the resolver decides.
//!
//! Each [`Recognizer`] looks at a document (text, sentences, tokens) and
//! proposes [`Candidate`] spans. The [`resolve`] step picks one
//! non-overlapping set (longest and most specific wins; dictionary knowledge
//! beats guesses), and [`link`] gives every entity its canonical name, so a
//! later `マスク` takes the canonical of an earlier `イーロン・マスク`.
//!
//! New recognisers slot in by implementing the trait and being added to
//! [`standard_extractor`].

pub mod compose;
pub mod coordinate;
pub mod gazetteer;
pub mod link;
pub mod names;
pub mod numeric;
pub mod resolve;
pub mod service;

pub use resolve::resolve;

use kiji_core::{Entity, EntityType, OffsetMap, Sentence, Token};
use rayon::prelude::*;

/// A publication date, the anchor for dates written without a year and for
/// relative dates (昨年, this week).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocDate {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl DocDate {
    /// Parses the leading `YYYY-MM-DD` (or `YYYY/MM/DD`, `YYYY年M月D日`) of a
    /// metadata date such as `2025-02-10T09:00:00+09:00`.
    pub fn parse(s: &str) -> Option<DocDate> {
        let nums: Vec<u32> = s
            .trim()
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .take(3)
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let [y, m, d] = nums[..] else { return None };
        if !(1000..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some(DocDate {
            year: y as i32,
            month: m,
            day: d,
        })
    }
}

/// What the recognisers see of one document.
pub struct DocContext<'a> {
    /// The full text; every offset indexes it.
    pub text: &'a str,
    /// Sentences with their languages, in text order.
    pub sentences: &'a [Sentence],
    /// Tokens of all sentences, in text order.
    pub tokens: &'a [Token],
    /// The publication date, when known.
    pub date: Option<DocDate>,
    /// Byte → code point conversion for `text`.
    pub offsets: &'a OffsetMap<'a>,
}

/// How much the resolver trusts a candidate; higher wins a conflict before
/// length is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// A guess from capitalisation or unknown words.
    Guess = 0,
    /// A pattern or morphological rule (suffix, honorific, counter).
    Rule = 1,
    /// A dictionary entry (gazetteer) or a structured expression (money, date).
    Known = 2,
}

/// A proposed entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// Proposed type.
    pub ty: EntityType,
    /// Canonical name, when the recogniser knows it.
    pub canonical: Option<String>,
    /// Normalised value, for MONEY/DATE/TIME/PERCENT.
    pub norm: Option<String>,
    /// Name of the recogniser.
    pub source: &'static str,
    /// How much to trust it.
    pub confidence: Confidence,
}

impl Candidate {
    /// A candidate with no canonical or norm.
    pub fn new(
        byte_start: usize,
        byte_end: usize,
        ty: EntityType,
        source: &'static str,
        confidence: Confidence,
    ) -> Self {
        Candidate {
            byte_start,
            byte_end,
            ty,
            canonical: None,
            norm: None,
            source,
            confidence,
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.byte_end - self.byte_start
    }

    /// True for an empty span (never proposed by a correct recogniser).
    pub fn is_empty(&self) -> bool {
        self.byte_end <= self.byte_start
    }
}

/// Proposes candidate entities for a document.
pub trait Recognizer: Send + Sync {
    /// Short name recorded as the entity's `source`.
    fn name(&self) -> &'static str;
    /// Appends candidates to `out`. Spans must lie on char boundaries of
    /// `cx.text` and must not be empty. A recogniser never reads what the
    /// others proposed: [`Extractor::extract_parallel`] runs them side by
    /// side.
    fn propose(&self, cx: &DocContext<'_>, out: &mut Vec<Candidate>);
}

/// The configured set of recognisers, built once and shared by all threads.
pub struct Extractor {
    recognizers: Vec<Box<dyn Recognizer>>,
    /// Canonical names for linking; `None` links by the text alone.
    gazetteer: Option<std::sync::Arc<gazetteer::Gazetteer>>,
}

impl Extractor {
    /// An extractor with the given recognisers and no gazetteer for linking.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer>>) -> Self {
        Extractor {
            recognizers,
            gazetteer: None,
        }
    }

    /// Uses `gazetteer` to give linked entities their canonical names.
    pub fn linking_with(mut self, gazetteer: std::sync::Arc<gazetteer::Gazetteer>) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Runs every recogniser, resolves and links; entities are returned in
    /// text order, non-overlapping, with exact substrings as `text`.
    pub fn extract(&self, cx: &DocContext<'_>) -> Vec<Entity> {
        let mut candidates = Vec::new();
        for r in &self.recognizers {
            r.propose(cx, &mut candidates);
        }
        self.settle(cx, candidates)
    }

    /// What [`Extractor::extract`] returns, with the recognisers run side by
    /// side on the threads of the current rayon pool: for a very long
    /// document, which would otherwise keep one thread busy. Their
    /// candidates are joined in the recognisers' order, so the result is
    /// the same.
    pub fn extract_parallel(&self, cx: &DocContext<'_>) -> Vec<Entity> {
        let parts: Vec<Vec<Candidate>> = self
            .recognizers
            .par_iter()
            .map(|r| {
                let mut part = Vec::new();
                r.propose(cx, &mut part);
                part
            })
            .collect();
        self.settle(cx, parts.concat())
    }

    /// Checks, resolves, completes and links the recognisers' candidates.
    fn settle(&self, cx: &DocContext<'_>, mut candidates: Vec<Candidate>) -> Vec<Entity> {
        // A recogniser bug must never produce a span that slices wrongly.
        candidates.retain(|c| {
            !c.is_empty()
                && c.byte_end <= cx.text.len()
                && cx.text.is_char_boundary(c.byte_start)
                && cx.text.is_char_boundary(c.byte_end)
        });
        // A user handle (@SonyGroup), an e-mail address or a URL is an
        // address, not a name, whichever recogniser saw a name in it.
        candidates.retain(|c| !c.ty.is_name() || !in_address(cx.text, c.byte_start, c.byte_end));
        // A file name (NBCNews.gif in a photo credit) names what precedes
        // its extension, whichever recogniser saw it.
        for c in candidates.iter_mut().filter(|c| c.ty.is_name()) {
            let name = names::strip_file_extension(&cx.text[c.byte_start..c.byte_end]);
            c.byte_end = c.byte_start + name.len();
        }
        let chosen = coordinate::fill(cx.text, compose::compose(cx.text, resolve(candidates)));
        let mut entities = to_entities(cx, chosen);
        let lookup = |alias: &str| {
            let g = self.gazetteer.as_ref()?;
            g.lookup(alias).map(|e| (e.canonical.clone(), e.ty))
        };
        link::link(&mut entities, &lookup);
        service::retype(cx.text, &mut entities);
        service::retype_teams(cx.text, &mut entities);
        service::retype_affiliations(cx.text, &mut entities);
        names::retype_quoted(cx.text, &mut entities);
        entities
    }
}

/// The extractor kiji runs: the gazetteer (shipped files unless
/// `builtin` is false, plus `user_gazetteers`), numeric expressions, and the
/// name recognisers.
pub fn standard_extractor(
    user_gazetteers: &[std::path::PathBuf],
    builtin: bool,
) -> Result<Extractor, gazetteer::GazetteerError> {
    let gazetteer = match (builtin, user_gazetteers.is_empty()) {
        (true, true) => gazetteer::Gazetteer::builtin()?,
        (true, false) => {
            let mut g = (*gazetteer::Gazetteer::builtin()?).clone();
            g.add_files(user_gazetteers)?;
            std::sync::Arc::new(g)
        }
        (false, _) => std::sync::Arc::new(gazetteer::Gazetteer::from_files(user_gazetteers)?),
    };
    Ok(Extractor::with_recognizers(vec![
        Box::new(gazetteer::GazetteerRecognizer::new(gazetteer.clone())),
        Box::new(numeric::NumericRecognizer::new()),
        Box::new(names::JapaneseRecognizer::with_gazetteer(gazetteer.clone())),
        Box::new(names::EnglishRecognizer::new()),
    ])
    .linking_with(gazetteer))
}

/// True when `text[start..end]` lies in a run of printable ASCII that is a
/// user handle, an e-mail address or a URL: the run has `@` before the
/// span, `://`, or starts with `www.`.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    // Addresses are short; the bound keeps a long blob without spaces
    // (minified code, base64) from costing a scan per candidate inside it.
    const REACH: usize = 256;
    let bytes = text.as_bytes();
    let printable = |b: u8| b.is_ascii_graphic();
    let mut from = start;
    while from > 0 && start - from < REACH && printable(bytes[from - 1]) {
        from -= 1;
    }
    let mut to = end;
    while to < bytes.len() && to - end < REACH && printable(bytes[to]) {
        to += 1;
    }
    let run = &text[from..to];
    text[from..start].contains('@') || run.contains("://") || run.starts_with("www.")
}

/// Turns resolved candidates into entities with code point offsets and
/// sentence indices.
fn to_entities(cx: &DocContext<'_>, chosen: Vec<Candidate>) -> Vec<Entity> {
    let mut sentence = 0usize;
    chosen
        .into_iter()
        .map(|c| {
            while sentence + 1 < cx.sentences.len()
                && cx.sentences[sentence].span.byte_end <= c.byte_start
            {
                sentence += 1;
            }
            let span = cx.offsets.span(c.byte_start, c.byte_end);
            Entity {
                start: span.start,
                end: span.end,
                byte_start: c.byte_start,
                byte_end: c.byte_end,
                ty: c.ty,
                text: cx.text[c.byte_start..c.byte_end].to_string(),
                canonical: c.canonical,
                norm: c.norm,
                source: c.source.into(),
                sentence: sentence as u32,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_not_names() {
        let t = "RT @SonyGroup : see https://www.sony.com/news or press@Sony.jp , Sony said";
        let at = |w: &str| {
            let s = t.find(w).expect("in text");
            in_address(t, s, s + w.len())
        };
        assert!(at("SonyGroup"));
        assert!(at("www.sony.com"));
        assert!(at("Sony.jp"));
        let s = t.rfind("Sony").expect("in text");
        assert!(!in_address(t, s, s + 4));
        // Japanese text around a URL is not part of it.
        let t = "詳細はhttps://example.com/a、ソニーが発表";
        let s = t.find("ソニー").expect("in text");
        assert!(!in_address(t, s, s + "ソニー".len()));
    }

    #[test]
    fn doc_dates_parse_common_forms() {
        let d = DocDate {
            year: 2025,
            month: 2,
            day: 10,
        };
        assert_eq!(DocDate::parse("2025-02-10"), Some(d));
        assert_eq!(DocDate::parse("2025-02-10T09:00:00+09:00"), Some(d));
        assert_eq!(DocDate::parse("2025/2/10"), Some(d));
        assert_eq!(DocDate::parse("2025年2月10日"), Some(d));
        assert_eq!(DocDate::parse("2025"), None);
        assert_eq!(DocDate::parse("yesterday"), None);
        assert_eq!(DocDate::parse("2025-13-01"), None);
    }
}
