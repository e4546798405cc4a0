//! Accuracy of the name recognisers on the shared gold files.
//!
//! Runs language detection, tokenisation, the name recognisers (alone, then
//! with the gazetteer and the numeric recogniser), resolution and linking
//! over `stockmark-ja-dev.jsonl` (Japanese Wikipedia) and
//! `wikigold-en-dev.jsonl` (English), and prints strict per-type precision,
//! recall and F1 for the name types the file annotates. Predictions that
//! overlap a wikigold `ignored` span (MISC) are dropped. Skipped when the
//! gold files are absent.
//!
//! `cargo test -p kiji-extract --release -- --ignored names_eval --nocapture`

use kiji_core::EntityType;
use kiji_extract::{standard_extractor, Extractor};
use kiji_tokenizer::Tokenizer;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

mod common;

/// A gold document: text, entities as (start, end, type) in code points,
/// and ignored spans.
struct Gold {
    text: String,
    entities: Vec<(usize, usize, EntityType)>,
    ignored: Vec<(usize, usize)>,
}

fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold")
}

fn read_gold(name: &str) -> Option<Vec<Gold>> {
    let text = std::fs::read_to_string(gold_dir().join(name)).ok()?;
    let mut docs: Vec<(Option<u64>, Gold)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let span = |e: &serde_json::Value| -> Option<(usize, usize)> {
            Some((e["start"].as_u64()? as usize, e["end"].as_u64()? as usize))
        };
        let entities: Vec<(usize, usize, EntityType)> = v["entities"]
            .as_array()?
            .iter()
            .filter_map(|e| {
                let (s, t) = span(e)?;
                Some((s, t, e["type"].as_str()?.parse().ok()?))
            })
            .collect();
        let ignored: Vec<(usize, usize)> = v
            .get("ignored")
            .and_then(|i| i.as_array())
            .map(|a| a.iter().filter_map(span).collect())
            .unwrap_or_default();
        let text = v["text"].as_str()?.to_string();
        // Sentences of one source document (wikigold's `doc`) are analysed
        // together, as articles are, so names can be linked across them.
        let doc = v.get("doc").and_then(|d| d.as_u64());
        if let (Some(d), Some((last_doc, last))) = (doc, docs.last_mut()) {
            if *last_doc == Some(d) {
                let shift = last.text.chars().count() + 1;
                last.text.push('\n');
                last.text.push_str(&text);
                last.entities.extend(
                    entities
                        .into_iter()
                        .map(|(s, t, ty): (usize, usize, EntityType)| (s + shift, t + shift, ty)),
                );
                last.ignored.extend(
                    ignored
                        .into_iter()
                        .map(|(s, t): (usize, usize)| (s + shift, t + shift)),
                );
                continue;
            }
        }
        docs.push((
            doc,
            Gold {
                text,
                entities,
                ignored,
            },
        ));
    }
    Some(docs.into_iter().map(|(_, g)| g).collect())
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn prf(c: &Counts) -> (f64, f64, f64) {
    let p = if c.tp + c.fp == 0 {
        0.0
    } else {
        c.tp as f64 / (c.tp + c.fp) as f64
    };
    let r = if c.tp + c.fn_ == 0 {
        0.0
    } else {
        c.tp as f64 / (c.tp + c.fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Scores one file; returns micro F1.
fn score(
    name: &str,
    docs: &[Gold],
    types: &[EntityType],
    tok: &Tokenizer,
    ex: &Extractor,
    label: &str,
) -> f64 {
    let mut per: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs {
        let predicted: HashSet<(usize, usize, EntityType)> = common::extract(tok, ex, &d.text)
            .into_iter()
            .filter(|e| types.contains(&e.ty))
            .filter(|e| !d.ignored.iter().any(|&(s, t)| e.start < t && s < e.end))
            .map(|e| (e.start, e.end, e.ty))
            .collect();
        let gold: HashSet<(usize, usize, EntityType)> = d
            .entities
            .iter()
            .copied()
            .filter(|e| types.contains(&e.2))
            .collect();
        let chars: Vec<char> = d.text.chars().collect();
        let show = |&(s, t, ty): &(usize, usize, EntityType)| {
            format!(
                "{}:{}",
                ty,
                chars[s.min(chars.len())..t.min(chars.len())]
                    .iter()
                    .collect::<String>()
            )
        };
        for p in &predicted {
            let c = per.entry(p.2).or_default();
            if gold.contains(p) {
                c.tp += 1;
            } else {
                c.fp += 1;
                errors.push(format!("FP {}", show(p)));
            }
        }
        for g in gold.difference(&predicted) {
            per.entry(g.2).or_default().fn_ += 1;
            // Why it was missed: another type on the same span, an
            // overlapping span, or nothing at all.
            let why = if predicted.iter().any(|p| p.0 == g.0 && p.1 == g.1) {
                "type"
            } else if predicted.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                "boundary"
            } else {
                "missed"
            };
            *kinds.entry(format!("{} {why}", g.2)).or_insert(0usize) += 1;
            let near: Vec<String> = predicted
                .iter()
                .filter(|p| p.0 < g.1 && g.0 < p.1)
                .map(show)
                .collect();
            errors.push(format!("FN {why} {} <- {}", show(g), near.join(" ")));
        }
    }
    let mut total = Counts::default();
    println!("\n== {name} [{label}] strict");
    for ty in types {
        let c = per.remove(ty).unwrap_or_default();
        let (p, r, f) = prf(&c);
        println!(
            "{:<9} P {:.3} R {:.3} F1 {:.3}  (tp {} fp {} fn {})",
            ty.as_str(),
            p,
            r,
            f,
            c.tp,
            c.fp,
            c.fn_
        );
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
    }
    let (p, r, f) = prf(&total);
    println!("{:<9} P {:.3} R {:.3} F1 {:.3}", "micro", p, r, f);
    println!("misses: {kinds:?}");
    if std::env::var_os("NAMES_EVAL_ERRORS").is_some() {
        for e in errors.iter().take(400) {
            println!("  {e}");
        }
    }
    f
}

#[test]
#[ignore = "slow: run with --release -- --ignored names_eval --nocapture"]
fn names_eval() {
    let (Some(ja), Some(en)) = (
        read_gold("stockmark-ja-dev.jsonl"),
        read_gold("wikigold-en-dev.jsonl"),
    ) else {
        eprintln!("gold files absent; skipped");
        return;
    };
    let user: Vec<PathBuf> = std::fs::read_dir(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries/user"),
    )
    .map(|rd| {
        rd.filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect()
    })
    .unwrap_or_default();
    let tok = Tokenizer::embedded(&user).expect("tokenizer with user dictionaries");
    let names_only = common::names_only();
    let ja_types = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Location,
        EntityType::Product,
        EntityType::Event,
    ];
    let en_types = [EntityType::Person, EntityType::Org, EntityType::Location];
    let f_ja = score(
        "stockmark-ja-dev",
        &ja,
        &ja_types,
        &tok,
        &names_only,
        "names",
    );
    let f_en = score(
        "wikigold-en-dev",
        &en,
        &en_types,
        &tok,
        &names_only,
        "names",
    );

    let seeds = read_gold("seeds.gold.jsonl").unwrap_or_default();
    score("seeds", &seeds, &ja_types, &tok, &names_only, "names");
    if let Ok(full) = standard_extractor(&[], true) {
        score("stockmark-ja-dev", &ja, &ja_types, &tok, &full, "standard");
        score("wikigold-en-dev", &en, &en_types, &tok, &full, "standard");
        score("seeds", &seeds, &ja_types, &tok, &full, "standard");
    }
    println!("\nnames-only micro F1: ja {f_ja:.3}, en {f_en:.3}");
}
