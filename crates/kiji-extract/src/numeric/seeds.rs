//! Measures the recogniser on the annotated seed articles
//! (`shared/gold/seeds.gold.jsonl`, beside the repository): strict
//! precision, recall and F1 per numeric type, and norm accuracy. Skipped
//! when the gold file is absent.

use super::NumericRecognizer;
use crate::{DocContext, DocDate, Extractor, Recognizer};
use kiji_core::{EntityType, Lang, OffsetMap, Sentence};
use std::collections::BTreeMap;
use std::path::PathBuf;

const TYPES: [EntityType; 5] = [
    EntityType::Money,
    EntityType::Percent,
    EntityType::Quantity,
    EntityType::Date,
    EntityType::Time,
];

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn gold_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold/seeds.gold.jsonl")
}

#[test]
fn seeds_numeric_figures() {
    let Ok(data) = std::fs::read_to_string(gold_path()) else {
        eprintln!("seeds gold absent: skipped");
        return;
    };
    let extractor = Extractor::with_recognizers(vec![
        Box::new(NumericRecognizer::new()) as Box<dyn Recognizer>
    ]);
    let mut counts: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let (mut norm_ok, mut norm_all) = (0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let text = doc["text"].as_str().unwrap_or_default();
        let offsets = OffsetMap::new(text);
        let sentences = [Sentence {
            span: offsets.span(0, text.len()),
            lang: Lang::UND,
        }];
        let cx = DocContext {
            text,
            sentences: &sentences,
            tokens: &[],
            date: doc["date"].as_str().and_then(DocDate::parse),
            offsets: &offsets,
        };
        let predicted = extractor.extract(&cx);
        let mut gold: Vec<(usize, usize, EntityType, Option<String>, String)> = Vec::new();
        for e in doc["entities"].as_array().into_iter().flatten() {
            let Ok(ty) = e["type"].as_str().unwrap_or_default().parse::<EntityType>() else {
                continue;
            };
            if !TYPES.contains(&ty) {
                continue;
            }
            let key = (
                e["start"].as_u64().unwrap_or(0) as usize,
                e["end"].as_u64().unwrap_or(0) as usize,
                ty,
                e["norm"].as_str().map(str::to_string),
                e["text"].as_str().unwrap_or_default().to_string(),
            );
            if !gold
                .iter()
                .any(|g| (g.0, g.1, g.2) == (key.0, key.1, key.2))
            {
                gold.push(key);
            }
        }
        let id = doc["id"].as_str().unwrap_or("?");
        for p in &predicted {
            let hit = gold
                .iter()
                .find(|g| (g.0, g.1, g.2) == (p.start, p.end, p.ty));
            let c = counts.entry(p.ty).or_default();
            match hit {
                Some(g) => {
                    c.tp += 1;
                    if let Some(gn) = &g.3 {
                        norm_all += 1;
                        if p.norm.as_ref() == Some(gn) {
                            norm_ok += 1;
                        } else {
                            eprintln!("{id} NORM {} {:?} want {gn}", p.text, p.norm);
                        }
                    }
                }
                None => {
                    c.fp += 1;
                    eprintln!("{id} FP {} {} {:?}", p.ty, p.text, p.norm);
                }
            }
        }
        for g in &gold {
            if !predicted
                .iter()
                .any(|p| (p.start, p.end, p.ty) == (g.0, g.1, g.2))
            {
                counts.entry(g.2).or_default().fn_ += 1;
                eprintln!("{id} FN {} {}", g.2, g.4);
            }
        }
    }
    let mut f1s = Vec::new();
    for ty in TYPES {
        let c = counts.get(&ty).map_or((0, 0, 0), |c| (c.tp, c.fp, c.fn_));
        let p = c.0 as f64 / (c.0 + c.1).max(1) as f64;
        let r = c.0 as f64 / (c.0 + c.2).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        eprintln!(
            "{ty:<9} tp {:>3} fp {:>3} fn {:>3}  P {p:.3} R {r:.3} F1 {f:.3}",
            c.0, c.1, c.2
        );
        if c.0 + c.2 > 0 {
            f1s.push((ty, f));
        }
    }
    let acc = norm_ok as f64 / norm_all.max(1) as f64;
    eprintln!("norm accuracy {norm_ok}/{norm_all} = {acc:.3}");
    // Floors a little below the figures reached, so a regression fails.
    for (ty, f) in f1s {
        assert!(f >= 0.90, "{ty} strict F1 {f:.3} below floor");
    }
    assert!(acc >= 0.95, "norm accuracy {acc:.3} below floor");
}

/// Prints what the recogniser finds in every text of the JSONL file named
/// by `KIJI_NUMERIC_DUMP`, for reading by eye (`--ignored --nocapture`).
#[test]
#[ignore]
fn dump_numeric_entities() {
    let Some(path) = std::env::var_os("KIJI_NUMERIC_DUMP") else {
        return;
    };
    let data = std::fs::read_to_string(path).unwrap_or_default();
    let r = NumericRecognizer::new();
    for line in data.lines() {
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = doc["text"].as_str().unwrap_or_default();
        for c in crate::resolve(r.candidates(text, None)) {
            let lo = text.floor_char_boundary(c.byte_start.saturating_sub(24));
            let hi = text.ceil_char_boundary((c.byte_end + 24).min(text.len()));
            println!(
                "{:<8} {:<22} {:<16} | {}",
                c.ty.as_str(),
                &text[c.byte_start..c.byte_end],
                c.norm.unwrap_or_default(),
                text[lo..hi].replace('\n', " ")
            );
        }
    }
}
