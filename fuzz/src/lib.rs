//! The checks behind each fuzz target, shared with the regression test
//! (`tests/fuzz_regressions.rs` includes this file), so a crashing input
//! kept under `fuzz/regressions/<target>/` is replayed on stable by
//! `cargo test`.
//!
//! Every function takes arbitrary bytes and panics only on a bug: a crash in
//! the code under test, or a broken invariant (a span outside the text or
//! off a character boundary, overlapping entities, a lost input).

use std::io::Cursor;
use std::sync::OnceLock;

use kiji::pipeline::{Pipeline, PipelineConfig};
use kiji_core::{Document, OffsetMap, Span};
use kiji_extract::numeric::NumericRecognizer;
use kiji_extract::DocDate;
use kiji_ingest::{IngestOptions, Reader, Record};

/// A fuzz target: a name and the function that runs one input.
pub type Target = (&'static str, fn(&[u8]));

/// The fuzz targets, by name (also the folders under `fuzz/regressions/`).
pub const TARGETS: [Target; 4] = [
    ("ingest", ingest),
    ("segment", segment),
    ("numeric", numeric),
    ("pipeline", pipeline),
];

/// Text from arbitrary bytes: valid UTF-8 as is, else lossily.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// `s` lies inside `text`, on character boundaries, with code point
/// offsets that agree with its byte offsets.
fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.byte_start <= s.byte_end && s.byte_end <= text.len(),
        "{what}: {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
        "{what}: {s:?} not on character boundaries"
    );
    assert_eq!(
        s.start,
        text[..s.byte_start].chars().count(),
        "{what}: {s:?} start"
    );
    assert_eq!(
        s.end - s.start,
        text[s.byte_start..s.byte_end].chars().count(),
        "{what}: {s:?} length"
    );
}

/// Bytes → records, through standard-input sniffing (JSONL or text) or a
/// file of a kind chosen by the first byte (text, JSONL, CSV, TSV, gzip,
/// zstd). The first byte also picks a forced encoding and a line limit.
///
/// Checks: reading ends, every JSONL line that is not blank yields exactly
/// one record, a text input exactly one, and no document is whitespace only.
pub fn ingest(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let encoding = match mode & 0x7 {
        1 => Some("shift_jis"),
        2 => Some("euc-jp"),
        3 => Some("iso-2022-jp"),
        4 => Some("utf-16le"),
        5 => Some("utf-16be"),
        _ => None,
    };
    let opts = IngestOptions {
        encoding: encoding.map(str::to_owned),
        max_line_bytes: 16 << ((mode >> 3) & 0x3),
        ..IngestOptions::default()
    };
    let records: Vec<Record> = if mode >> 5 == 0 {
        let reader =
            Reader::from_reader("-", Cursor::new(body.to_vec()), &opts).expect("known encodings");
        reader.collect()
    } else {
        let ext =
            ["txt", "jsonl", "csv", "tsv", "txt.gz", "jsonl.zst", "md"][usize::from(mode >> 5) - 1];
        let dir = std::env::temp_dir().join(format!("kiji-fuzz-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        let path = dir.join(format!("input.{ext}"));
        std::fs::write(&path, body).expect("temporary file");
        let records = kiji_ingest::open(std::slice::from_ref(&path), &opts)
            .expect("the file exists")
            .collect();
        let _ = std::fs::remove_file(path);
        records
    };
    for r in &records {
        if let Record::Doc(d) = r {
            assert!(
                d.text.is_empty() || !d.text.trim().is_empty(),
                "whitespace-only text kept"
            );
        }
    }
    if mode >> 5 != 0 {
        return;
    }
    // Standard input is JSONL when its first 8 KiB start (after a UTF-8
    // BOM and white space) with `{`; lines are split on raw `\n` bytes
    // whatever the encoding, except UTF-16, which is transcoded first.
    let prefix = &body[..body.len().min(8 * 1024)];
    let prefix = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    let jsonl = prefix.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let utf16 = body.starts_with(b"\xFF\xFE")
        || body.starts_with(b"\xFE\xFF")
        || matches!(mode & 0x7, 4 | 5);
    if !jsonl {
        assert_eq!(records.len(), 1, "a text input is one record");
        return;
    }
    let binary = records.len() == 1
        && matches!(&records[0], Record::Failed(f) if f.reason.contains("binary"));
    if utf16 || binary {
        return;
    }
    let unbommed = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let lines = unbommed
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(records.len(), lines, "one record per non-blank line");
}

/// Bytes → text → sentences and languages.
///
/// Checks: sentence ranges are in order, disjoint, not empty, on character
/// boundaries; the analysis' spans agree with them; shares sum to 1.
pub fn segment(data: &[u8]) {
    let text = text(data);
    let ranges = kiji_langdetect::split_sentences(&text);
    let mut prev = 0;
    for r in &ranges {
        assert!(
            r.start >= prev && r.start < r.end && r.end <= text.len(),
            "{r:?}"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(
            text[r.clone()].chars().count() <= kiji_langdetect::MAX_SENTENCE_CHARS,
            "sentence over the cap"
        );
        prev = r.end;
    }
    let offsets = OffsetMap::new(&text);
    let detected = kiji_langdetect::analyse(&text, &offsets);
    assert_eq!(detected.sentences.len(), ranges.len());
    for (s, r) in detected.sentences.iter().zip(&ranges) {
        check_span(&text, s.span, "sentence");
        assert_eq!(s.span.byte_start..s.span.byte_end, r.clone());
    }
    if !detected.shares.is_empty() {
        let sum: f64 = detected.shares.iter().map(|s| s.share).sum();
        assert!((sum - 1.0).abs() < 1e-6, "shares sum to {sum}");
    }
}

/// Bytes → the numeric recogniser and the resolver. The first byte, when it
/// is `0x01`, gives the text a document date.
///
/// Checks: candidates are non-empty, inside the text and on character
/// boundaries; the resolved set is ordered and disjoint.
pub fn numeric(data: &[u8]) {
    let (date, data) = match data.split_first() {
        Some((1, rest)) => (DocDate::parse("2025-02-10"), rest),
        _ => (None, data),
    };
    let text = text(data);
    let candidates = NumericRecognizer::new().candidates(&text, date);
    for c in &candidates {
        assert!(
            c.byte_start < c.byte_end && c.byte_end <= text.len(),
            "{c:?}"
        );
        assert!(text.is_char_boundary(c.byte_start) && text.is_char_boundary(c.byte_end));
    }
    let mut prev = 0;
    for c in kiji_extract::resolve(candidates) {
        assert!(c.byte_start >= prev, "resolved candidates overlap");
        prev = c.byte_end;
    }
}

/// The pipeline, built once per process.
fn shared_pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineConfig::default()).expect("pipeline builds"))
}

/// Bytes → one document through the whole pipeline. The first byte, when
/// it is `0x01`, gives the document a date.
///
/// Checks: no error, every entity exactly its substring at its offsets, in
/// order and disjoint; sentence spans valid.
pub fn pipeline(data: &[u8]) {
    let (date, data) = match data.split_first() {
        Some((1, rest)) => (Some("2025-02-10"), rest),
        _ => (None, data),
    };
    let text = text(data);
    let p = shared_pipeline();
    let mut st = p.thread_state();
    let mut doc = Document::new("fuzz", text.clone());
    if let Some(d) = date {
        doc.metadata.insert("date".into(), d.into());
    }
    let a = p.analyse(&mut st, doc);
    assert_eq!(a.error, None);
    for s in &a.sentences {
        check_span(&text, s.span, "sentence");
    }
    let mut prev = 0;
    for e in &a.entities {
        check_span(&text, e.span(), "entity");
        assert!(e.byte_start < e.byte_end, "empty entity {e:?}");
        assert_eq!(&text[e.byte_start..e.byte_end], e.text, "entity text");
        assert!(e.byte_start >= prev, "entities overlap at {e:?}");
        prev = e.byte_end;
    }
}
