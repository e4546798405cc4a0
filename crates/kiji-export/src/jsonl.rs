//! `documents.jsonl` and `errors.jsonl`.
//!
//! A `documents.jsonl` line uses the keys of the gold format (ANNOTATION.md):
//! `id`, `text`, `date` at the top level, and `entities` with `start`, `end`,
//! `type`, `text`, `canonical`, `norm`, so kiji's output can be scored or
//! corrected and fed back as gold. Everything else kiji knows is added
//! beside those keys. Key order is fixed (by `DocLine`, the specification of
//! the line, and [`push_doc_line`], which writes it), and maps are
//! ordered, so identical input gives byte-identical lines.

use kiji_core::{Analysis, Entity, Failure};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
#[cfg(test)]
use {
    kiji_core::{Lang, Source},
    serde_json::Value,
    std::collections::BTreeMap,
};

/// One line of `documents.jsonl`, borrowing from the analysis.
///
/// The specification of the line: [`push_doc_line`] writes the same bytes
/// without serde, and the tests hold it to this struct's serialisation.
#[cfg(test)]
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

#[cfg(test)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[cfg(test)]
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

/// Appends the `documents.jsonl` line of `a` to `out`, without the newline.
///
/// Produces exactly the bytes `serde_json::to_writer(out, &DocLine::new(a))`
/// would (a test compares the two), but writes the keys as constants and
/// escapes strings with [`push_json_str`]: the line is built for every
/// document by the single writer thread, and serde_json's per-field calls
/// and byte-at-a-time escaping of the whole text were the export stage's
/// largest cost. The nested values that are small or rare (shares,
/// metadata, source) still go through serde_json.
pub(crate) fn push_doc_line(out: &mut Vec<u8>, a: &Analysis) -> serde_json::Result<()> {
    let doc = &a.doc;
    out.extend_from_slice(b"{\"id\":");
    push_json_str(out, &doc.id);
    out.extend_from_slice(b",\"text\":");
    push_json_str(out, &doc.text);
    if let Some(date) = doc.date_str() {
        out.extend_from_slice(b",\"date\":");
        push_json_str(out, date);
    }
    out.extend_from_slice(b",\"lang\":");
    push_json_str(out, a.lang.code());
    out.extend_from_slice(b",\"shares\":");
    serde_json::to_writer(&mut *out, &Shares(&a.shares))?;
    out.extend_from_slice(b",\"sentences\":");
    push_decimal(out, a.sentences.len());
    out.extend_from_slice(b",\"tokens\":");
    push_decimal(out, a.token_count);
    if let Some(encoding) = doc.encoding.as_deref() {
        out.extend_from_slice(b",\"encoding\":");
        push_json_str(out, encoding);
    }
    if doc.replaced_bytes != 0 {
        out.extend_from_slice(b",\"replaced_bytes\":");
        push_decimal(out, doc.replaced_bytes);
    }
    if !doc.metadata.is_empty() {
        out.extend_from_slice(b",\"metadata\":");
        serde_json::to_writer(&mut *out, &doc.metadata)?;
    }
    out.extend_from_slice(b",\"source\":");
    serde_json::to_writer(&mut *out, &doc.source)?;
    if let Some(error) = a.error.as_deref() {
        out.extend_from_slice(b",\"error\":");
        push_json_str(out, error);
    }
    out.extend_from_slice(b",\"entities\":[");
    for (i, e) in a.entities.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_entity(out, e);
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

/// Appends `e` as kiji-core's derived `Serialize` writes it: offsets,
/// `type`, `text`, then `canonical`, `norm` and `source` only when present
/// (`sentence` is never serialised).
fn push_entity(out: &mut Vec<u8>, e: &Entity) {
    out.extend_from_slice(b"{\"start\":");
    push_decimal(out, e.start);
    out.extend_from_slice(b",\"end\":");
    push_decimal(out, e.end);
    out.extend_from_slice(b",\"byte_start\":");
    push_decimal(out, e.byte_start);
    out.extend_from_slice(b",\"byte_end\":");
    push_decimal(out, e.byte_end);
    out.extend_from_slice(b",\"type\":");
    push_json_str(out, e.ty.as_str());
    out.extend_from_slice(b",\"text\":");
    push_json_str(out, &e.text);
    if let Some(canonical) = e.canonical.as_deref() {
        out.extend_from_slice(b",\"canonical\":");
        push_json_str(out, canonical);
    }
    if let Some(norm) = e.norm.as_deref() {
        out.extend_from_slice(b",\"norm\":");
        push_json_str(out, norm);
    }
    if !e.source.is_empty() {
        out.extend_from_slice(b",\"source\":");
        push_json_str(out, &e.source);
    }
    out.push(b'}');
}

/// Appends the decimal digits of `n`.
fn push_decimal(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(crate::csvout::decimal(n as u64, &mut [0; 20]));
}

/// `0x0101…01`: one in every byte of a word.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// `0x8080…80`: the high bit of every byte of a word.
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// True when one of the eight bytes in `w` is one JSON must escape: `"`,
/// `\` or a control character below 0x20.
///
/// Classic word-at-a-time tests ("Bit Twiddling Hacks"): `(x - ONES) & !x &
/// HIGHS` is non-zero exactly when some byte of `x` is zero, and
/// `(w - 0x20·ONES) & !w & HIGHS` exactly when some byte is below 0x20.
/// A borrow can set a flag in a byte above the first hit, never when
/// there is no hit, so the answer for the word as a whole is exact.
fn word_needs_escape(w: u64) -> bool {
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    (control | has_zero(w ^ (ONES * u64::from(b'"'))) | has_zero(w ^ (ONES * u64::from(b'\\'))))
        != 0
}

/// True for a byte JSON must escape.
fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte of `bytes` that JSON must escape.
///
/// Eight bytes are tested at once; only the word with a hit is looked at
/// byte by byte. Article text rarely needs escaping except for its line
/// breaks, so most of it is skipped a word at a time.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let (words, tail) = bytes.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        if word_needs_escape(u64::from_le_bytes(*word)) {
            if let Some(j) = word.iter().position(|&b| byte_needs_escape(b)) {
                return Some(k * 8 + j);
            }
        }
    }
    let j = tail.iter().position(|&b| byte_needs_escape(b))?;
    Some(words.len() * 8 + j)
}

/// Appends `s` as a JSON string, quotes included, escaped byte for byte as
/// serde_json escapes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
/// bytes below 0x20 as `\u00xx` with lowercase hex digits, everything else
/// (DEL, `/`, non-ASCII) copied as it is. Runs without an escape are copied
/// in one go.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(b'"');
    let mut rest = s.as_bytes();
    while let Some(i) = first_escape(rest) {
        out.extend_from_slice(&rest[..i]);
        let b = rest[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\x08' => out.extend_from_slice(b"\\b"),
            b'\x0c' => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiji_core::{Document, EntityType, LangShare};
    use proptest::prelude::*;

    /// Strings rich in what escaping must get right: quotes, backslashes,
    /// every control character, DEL, `/`, commas, line breaks, non-ASCII,
    /// and runs long enough to cross the eight-byte words.
    fn tricky_string() -> impl Strategy<Value = String> {
        let ch = prop_oneof![
            3 => prop::char::range('\u{0}', '\u{7f}'),
            1 => prop::sample::select(vec!['"', '\\', '/', ',', '\n', '\r', '\t', 'は', '€', '😀']),
            1 => any::<char>(),
        ];
        prop::collection::vec(ch, 0..40).prop_map(|cs| cs.into_iter().collect())
    }

    fn json_str(s: &str) -> String {
        let mut out = Vec::new();
        push_json_str(&mut out, s);
        String::from_utf8(out).expect("the escaper keeps UTF-8 intact")
    }

    #[test]
    fn escaping_matches_serde_json_for_every_byte() {
        for b in 0u8..0x80 {
            let s = format!("ab{}cdefghijk{}", b as char, b as char);
            assert_eq!(
                json_str(&s),
                serde_json::to_string(&s).unwrap(),
                "byte {b:#x}"
            );
        }
    }

    proptest! {
        #[test]
        fn escaping_matches_serde_json(s in tricky_string()) {
            prop_assert_eq!(json_str(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn hand_written_lines_match_the_serialised_struct(
            id in tricky_string(),
            text in tricky_string(),
            ent_text in tricky_string(),
            canonical in proptest::option::of(tricky_string()),
            norm in proptest::option::of(tricky_string()),
            source in prop::sample::select(vec!["", "gazetteer", "numeric"]),
            error in proptest::option::of(tricky_string()),
            encoding in proptest::option::of(tricky_string()),
            title in proptest::option::of(tricky_string()),
            replaced_bytes in 0usize..3,
            line in proptest::option::of(0u64..100),
        ) {
            let mut doc = Document::new(&id, &text);
            doc.encoding = encoding;
            doc.replaced_bytes = replaced_bytes;
            doc.source = Source { path: text.clone(), line };
            if let Some(title) = title {
                doc.metadata.insert("title".into(), Value::from(title));
                doc.metadata.insert("date".into(), Value::from("2025-02-10"));
            }
            let entity = |ty| Entity {
                start: 3,
                end: 12_345,
                byte_start: 0,
                byte_end: usize::MAX,
                ty,
                text: ent_text.clone(),
                canonical: canonical.clone(),
                norm: norm.clone(),
                source: source.into(),
                sentence: 7,
            };
            let a = Analysis {
                doc,
                lang: Lang::EN,
                shares: vec![LangShare { lang: Lang::EN, share: 0.123456 }],
                entities: EntityType::ALL.iter().map(|&ty| entity(ty)).collect(),
                token_count: 42,
                error,
                ..Default::default()
            };
            let mut line = Vec::new();
            push_doc_line(&mut line, &a).unwrap();
            prop_assert_eq!(
                String::from_utf8(line).unwrap(),
                serde_json::to_string(&DocLine::new(&a)).unwrap()
            );
        }
    }

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
