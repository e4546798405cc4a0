//! The shared gold files score 1.0 against themselves and recall 0 against
//! nothing. The files live outside the repository
//! (`../shared/gold` beside it); each test says so and passes when absent.

use kiji_core::EntityType::*;
use kiji_eval::{read_gold, score, EvalOptions, GoldDoc, LabelMap};
use std::path::PathBuf;

fn gold_path(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/gold")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} is absent; test skipped", p.display());
        None
    }
}

fn check_self_and_empty(gold: &[GoldDoc], opts: &EvalOptions) {
    assert!(!gold.is_empty());
    let r = score(gold, gold, opts);
    assert!(r.strict.micro.support() > 0);
    for mode in [&r.strict, &r.boundary, &r.partial] {
        assert_eq!(mode.micro.f1(), 1.0);
        for (ty, c) in &mode.per_type {
            assert!(c.support() == 0 || c.f1() == 1.0, "{ty}: {c:?}");
        }
    }
    assert!(r.canonical.n == 0 || r.canonical.accuracy() == 1.0);
    assert!(r.norm.n == 0 || r.norm.accuracy() == 1.0);
    assert!(r.missing_docs.is_empty() && r.extra_docs.is_empty());

    let nothing: Vec<GoldDoc> = gold
        .iter()
        .map(|d| GoldDoc {
            id: d.id.clone(),
            ..GoldDoc::default()
        })
        .collect();
    let r = score(gold, &nothing, opts);
    assert_eq!(r.strict.micro.recall(), 0.0);
    assert_eq!(r.strict.micro.fn_, r.strict.micro.support());
}

#[test]
fn seeds_score_one_against_themselves() {
    let Some(p) = gold_path("seeds.gold.jsonl") else {
        return;
    };
    let gold = read_gold(&p, None).unwrap();
    check_self_and_empty(&gold, &EvalOptions::default());
    let r = score(&gold, &gold, &EvalOptions::default());
    assert!(
        r.canonical.n > 0 && r.norm.n > 0,
        "seeds carry canonicals and norms"
    );
}

#[test]
fn stockmark_scores_one_against_itself_with_and_without_the_map() {
    let Some(p) = gold_path("stockmark-ja-dev.jsonl") else {
        return;
    };
    let opts = EvalOptions {
        types: Some(vec![Person, Org, Location, Product, Event]),
        errors: 0,
    };
    let plain = read_gold(&p, None).unwrap();
    check_self_and_empty(&plain, &opts);
    let map = LabelMap::preset("stockmark").unwrap();
    assert_eq!(read_gold(&p, Some(&map)).unwrap(), plain);
}

#[test]
fn wikigold_keeps_its_ignored_spans() {
    let Some(p) = gold_path("wikigold-en-dev.jsonl") else {
        return;
    };
    let gold = read_gold(&p, None).unwrap();
    assert!(gold.iter().any(|d| !d.ignored.is_empty()));
    check_self_and_empty(
        &gold,
        &EvalOptions {
            types: Some(vec![Person, Org, Location]),
            errors: 0,
        },
    );
}
