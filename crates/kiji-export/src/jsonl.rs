//! `documents.jsonl` and `errors.jsonl`.
//!
//! A `documents.jsonl` line uses the keys of the gold format (ANNOTATION.md):
//! `id`, `text`, `date` at the top level, and `entities` with `start`, `end`,
//! `type`, `text`, `canonical`, `norm`, so kiji's output can be scored or
//! corrected and fed back as gold. Everything else kiji knows is added
//! beside those keys. Key order is fixed by the struct below, and maps are
//! ordered, so identical input gives byte-identical lines.

use kiji_core::{Analysis, Entity, Failure, Lang, Source};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// One line of `documents.jsonl`, borrowing from the analysis.
#[derive(Debug, Serialize)]
pub(crate) struct DocLine<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    lang: Lang,
    shares: Shares<'a>,
    sentences: usize,
    tokens: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a str>,
    #[serde(skip_serializing_if = "is_zero")]
    replaced_bytes: usize,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    metadata: &'a BTreeMap<String, Value>,
    source: &'a Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// kiji-core's `Entity` serialises in gold shape: offsets, `type`,
    /// `text`, then `canonical`/`norm`/`source` only when present.
    entities: &'a [Entity],
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl<'a> DocLine<'a> {
    /// The line for `a`.
    pub(crate) fn new(a: &'a Analysis) -> Self {
        DocLine {
            id: &a.doc.id,
            text: &a.doc.text,
            date: a.doc.date_str(),
            lang: a.lang,
            shares: Shares(&a.shares),
            sentences: a.sentences.len(),
            tokens: a.token_count,
            encoding: a.doc.encoding.as_deref(),
            replaced_bytes: a.doc.replaced_bytes,
            metadata: &a.doc.metadata,
            source: &a.doc.source,
            error: a.error.as_deref(),
            entities: &a.entities,
        }
    }
}

/// Language shares as a JSON object `{"ja": 0.8333, "en": 0.1667}`, largest
/// first as the analysis orders them, rounded to four decimals.
#[derive(Debug)]
struct Shares<'a>(&'a [kiji_core::LangShare]);

impl Serialize for Shares<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for share in self.0 {
            map.serialize_entry(share.lang.code(), &round4(share.share))?;
        }
        map.end()
    }
}

/// `x` rounded to four decimals.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The `errors.jsonl` record of an analysis that carries an error.
pub(crate) fn failure_of(a: &Analysis) -> Option<Failure> {
    let reason = a.error.as_ref()?;
    Some(Failure {
        source: a.doc.source.clone(),
        id: Some(a.doc.id.clone()),
        reason: reason.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiji_core::{Document, EntityType, LangShare};

    #[test]
    fn a_line_has_gold_keys_in_a_fixed_order() {
        let mut doc = Document::new("seed-003", "OpenAIは974億ドル");
        doc.metadata
            .insert("date".into(), Value::from("2025-02-10"));
        let a = Analysis {
            doc,
            lang: Lang::JA,
            shares: vec![
                LangShare {
                    lang: Lang::JA,
                    share: 5.0 / 6.0,
                },
                LangShare {
                    lang: Lang::EN,
                    share: 1.0 / 6.0,
                },
            ],
            entities: vec![Entity {
                start: 0,
                end: 6,
                byte_start: 0,
                byte_end: 6,
                ty: EntityType::Org,
                text: "OpenAI".into(),
                canonical: Some("OpenAI".into()),
                norm: None,
                source: "gazetteer".into(),
                sentence: 0,
            }],
            ..Default::default()
        };
        let line = serde_json::to_string(&DocLine::new(&a)).unwrap();
        assert_eq!(
            line,
            r#"{"id":"seed-003","text":"OpenAIは974億ドル","date":"2025-02-10","lang":"ja","shares":{"ja":0.8333,"en":0.1667},"sentences":0,"tokens":0,"metadata":{"date":"2025-02-10"},"source":{"path":""},"entities":[{"start":0,"end":6,"byte_start":0,"byte_end":6,"type":"ORG","text":"OpenAI","canonical":"OpenAI","source":"gazetteer"}]}"#
        );
    }
}
