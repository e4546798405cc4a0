//! Hand-made analyses and scratch directories shared by the tests.

#![allow(dead_code)]

use kiji_core::{
    Analysis, Document, Entity, EntityType, Failure, Lang, LangShare, OffsetMap, Sentence, Source,
};
use std::path::PathBuf;

/// A fresh, empty directory for one test.
pub fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("kiji-export-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Names in `dir`, sorted.
pub fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The `n`-th (0-based) occurrence of `needle` in `text` as an entity.
pub fn ent(
    text: &str,
    needle: &str,
    n: usize,
    ty: EntityType,
    canonical: Option<&str>,
    norm: Option<&str>,
    sentence: u32,
) -> Entity {
    let byte_start = text
        .match_indices(needle)
        .nth(n)
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let span = OffsetMap::new(text).span(byte_start, byte_start + needle.len());
    Entity {
        start: span.start,
        end: span.end,
        byte_start: span.byte_start,
        byte_end: span.byte_end,
        ty,
        text: needle.to_string(),
        canonical: canonical.map(Into::into),
        norm: norm.map(Into::into),
        source: "test".into(),
        sentence,
    }
}

/// Sentences at the given byte boundaries with their languages.
fn sentences(text: &str, parts: &[(&str, Lang)]) -> Vec<Sentence> {
    let map = OffsetMap::new(text);
    parts
        .iter()
        .map(|(s, lang)| {
            let b = text.find(s).unwrap();
            Sentence {
                span: map.span(b, b + s.len()),
                lang: *lang,
            }
        })
        .collect()
}

pub const JA_TEXT: &str = "ソフトバンクグループの孫正義氏は2025年2月10日、OpenAIに974億ドルを投資すると発表した。\nSoftBank said \"yes, we will\", and shares rose 12.5%.";

/// A mixed Japanese/English article with a title full of CSV specials.
pub fn japanese() -> Analysis {
    let t = JA_TEXT;
    let mut doc = Document::new("seed-ja", t);
    doc.metadata
        .insert("title".into(), "孫氏, \"974億ドル\"\n投資".into());
    doc.metadata.insert("date".into(), "2025-02-10".into());
    doc.metadata
        .insert("url".into(), "https://example.com/a?b=1".into());
    doc.source = Source {
        path: "seeds/ja.txt".into(),
        line: None,
    };
    doc.encoding = Some("UTF-8".into());
    Analysis {
        sentences: sentences(
            t,
            &[
                ("ソフトバンクグループの孫正義氏は2025年2月10日、OpenAIに974億ドルを投資すると発表した。", Lang::JA),
                ("SoftBank said \"yes, we will\", and shares rose 12.5%.", Lang::EN),
            ],
        ),
        lang: Lang::JA,
        shares: vec![
            LangShare { lang: Lang::JA, share: 0.61234 },
            LangShare { lang: Lang::EN, share: 0.38766 },
        ],
        token_count: 30,
        entities: vec![
            ent(t, "ソフトバンクグループ", 0, EntityType::Org, Some("SoftBank Group"), None, 0),
            ent(t, "孫正義", 0, EntityType::Person, Some("Masayoshi Son"), None, 0),
            ent(t, "2025年2月10日", 0, EntityType::Date, None, Some("2025-02-10"), 0),
            ent(t, "OpenAI", 0, EntityType::Org, Some("OpenAI"), None, 0),
            ent(t, "974億ドル", 0, EntityType::Money, None, Some("97400000000 USD"), 0),
            ent(t, "SoftBank", 0, EntityType::Org, Some("SoftBank Group"), None, 1),
            ent(t, "12.5%", 0, EntityType::Percent, None, Some("12.5"), 1),
        ],
        doc,
        error: None,
    }
}

pub const FORMULA_TEXT: &str =
    "=SUM(A1) was typed by @cmd, then -2+3 and a drop of -3.5 points </script>\u{2028}.";

/// An English article whose entities look like spreadsheet formulas.
pub fn formulas() -> Analysis {
    let t = FORMULA_TEXT;
    let mut doc = Document::new("=HYPERLINK(\"x\")", t);
    doc.metadata.insert("title".into(), "@SUM(1)".into());
    Analysis {
        sentences: sentences(t, &[(t, Lang::EN)]),
        lang: Lang::EN,
        shares: vec![LangShare {
            lang: Lang::EN,
            share: 1.0,
        }],
        token_count: 17,
        entities: vec![
            ent(
                t,
                "=SUM(A1)",
                0,
                EntityType::Product,
                Some("=SUM(A1)"),
                None,
                0,
            ),
            ent(t, "@cmd", 0, EntityType::Person, None, None, 0),
            ent(t, "-2+3", 0, EntityType::Quantity, None, None, 0),
            ent(t, "-3.5", 0, EntityType::Percent, None, Some("-3.5"), 0),
        ],
        doc,
        error: None,
    }
}

/// A document whose processing failed.
pub fn failed() -> Analysis {
    let mut doc = Document::new("broken", "途中で失敗した文書");
    doc.source = Source {
        path: "dump.jsonl".into(),
        line: Some(7),
    };
    Analysis {
        doc,
        error: Some("tokenizer failed: out of memory".into()),
        ..Default::default()
    }
}

/// An input that produced no analysis.
pub fn failure() -> Failure {
    Failure {
        source: Source {
            path: "dump.jsonl".into(),
            line: Some(9),
        },
        id: None,
        reason: "malformed JSON: expected value at column 1".into(),
    }
}

/// Entities in [`japanese`], [`formulas`] and [`failed`].
pub const ENTITY_COUNT: usize = 11;
