//! `kiji eval` end to end: files in, table out, JSON written, baseline
//! compared, threshold checked.

use clap::Parser;
use kiji_core::{Entity, EntityType};
use kiji_eval::cli::{run_to, EvalArgs};
use kiji_eval::GoldDoc;
use std::path::PathBuf;

#[derive(Parser)]
struct Cmd {
    #[command(flatten)]
    eval: EvalArgs,
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiji-eval-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const GOLD: &str = concat!(
    r#"{"id":"a","text":"OpenAI raised 974億ドル in Tokyo.","date":"2025-02-10","entities":[{"start":0,"end":6,"type":"ORG","text":"OpenAI","canonical":"OpenAI"},{"start":14,"end":20,"type":"MONEY","text":"974億ドル","norm":"97400000000 USD"},{"start":24,"end":29,"type":"LOCATION","text":"Tokyo","canonical":"Tokyo"}]}"#,
    "\n",
    r#"{"id":"b","text":"Nothing to see.","entities":[]}"#,
    "\n"
);

/// A stand-in for the pipeline: finds "OpenAI" and calls "Tokyo" an ORG.
fn fake_pipeline(doc: &GoldDoc) -> Vec<Entity> {
    let mut out = Vec::new();
    for (needle, ty, canonical) in [
        ("OpenAI", EntityType::Org, "OpenAI"),
        ("Tokyo", EntityType::Org, "Tokyo"),
    ] {
        if let Some(byte) = doc.text.find(needle) {
            let start = doc.text[..byte].chars().count();
            out.push(Entity {
                start,
                end: start + needle.chars().count(),
                byte_start: byte,
                byte_end: byte + needle.len(),
                ty,
                text: needle.into(),
                canonical: Some(canonical.into()),
                norm: None,
                source: "test".into(),
                sentence: 0,
            });
        }
    }
    out
}

fn args(list: &[&str]) -> EvalArgs {
    Cmd::try_parse_from(std::iter::once("eval").chain(list.iter().copied()))
        .unwrap()
        .eval
}

#[test]
fn runs_the_pipeline_prints_a_table_and_writes_json() {
    let dir = scratch("pipeline");
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, GOLD).unwrap();
    let json = dir.join("out/report.json");
    let a = args(&[
        gold.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--errors",
        "2",
        "--fail-under",
        "0.5",
    ]);
    let mut dates = Vec::new();
    let mut predict = |d: &GoldDoc| {
        dates.push(d.date.clone());
        fake_pipeline(d)
    };
    let mut out = Vec::new();
    let passed = run_to(&a, &mut predict, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    // strict: tp 1 (OpenAI), fp 1 (Tokyo as ORG), fn 2 → F1 2/(2+1+2) = 0.4.
    assert!(!passed, "{text}");
    assert_eq!(dates, vec![Some("2025-02-10".to_string()), None]);
    let micro = text.lines().find(|l| l.starts_with("micro")).unwrap();
    let fields: Vec<&str> = micro.split_whitespace().collect();
    assert_eq!(&fields[..6], &["micro", "3", "2", "1", "1", "2"], "{text}");
    assert_eq!(fields[6..9], ["0.500", "0.333", "0.400"], "{text}");
    // Rows follow EntityType::ALL: ORG, LOCATION, MONEY, then micro.
    let order: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| ["ORG", "LOCATION", "MONEY", "micro"].contains(w))
        .take(4)
        .collect();
    assert_eq!(order, ["ORG", "LOCATION", "MONEY", "micro"]);
    assert!(text.contains("TYPE      a  gold LOCATION 24..29"), "{text}");
    assert!(text.contains("FAIL"), "{text}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["strict"]["micro"]["tp"], 1);
    assert_eq!(v["boundary"]["micro"]["tp"], 2);
    assert_eq!(v["canonical"]["n"], 1);
    assert_eq!(v["pred"], "pipeline");

    // The same run against itself as a baseline shows no change.
    let b = args(&[gold.to_str().unwrap(), "--baseline", json.to_str().unwrap()]);
    let mut out = Vec::new();
    assert!(run_to(&b, &mut fake_pipeline, &mut out).unwrap());
    let text = String::from_utf8(out).unwrap();
    let diff = text.split("change against baseline").nth(1).unwrap();
    assert!(
        diff.lines()
            .skip(2)
            .all(|l| l.trim().is_empty() || l.contains('=')),
        "{diff}"
    );
}

#[test]
fn baseline_diff_shows_the_change() {
    let dir = scratch("baseline");
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, GOLD).unwrap();
    let json = dir.join("before.json");
    let a = args(&[gold.to_str().unwrap(), "--json", json.to_str().unwrap()]);
    run_to(&a, &mut |_| Vec::new(), &mut Vec::new()).unwrap();
    let b = args(&[gold.to_str().unwrap(), "--baseline", json.to_str().unwrap()]);
    let mut out = Vec::new();
    run_to(&b, &mut fake_pipeline, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("strict    micro"))
        .unwrap();
    // F1 went from 0 to 0.4.
    assert!(row.contains("0.000 → 0.400  +0.400"), "{row}");
}

#[test]
fn reads_predictions_and_sheets_from_files() {
    let dir = scratch("files");
    let pred = dir.join("documents.jsonl");
    std::fs::write(
        &pred,
        r#"{"id":"a","entities":[{"start":0,"end":6,"type":"ORG","text":"OpenAI"}]}"#,
    )
    .unwrap();
    let sheet = dir.join("sheet.csv");
    std::fs::write(&sheet, "doc_id,type,text\na,ORG,openai\na,LOCATION,Tokyo\n").unwrap();
    let a = args(&[
        sheet.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--fail-under",
        "0.6",
    ]);
    let mut never =
        |_: &GoldDoc| -> Vec<Entity> { panic!("the pipeline must not run with --pred") };
    let mut out = Vec::new();
    // tp 1, fp 0, fn 1 → F1 2/3 ≥ 0.6.
    assert!(run_to(&a, &mut never, &mut out).unwrap());
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("micro F1 0.667 >= --fail-under 0.600: pass"),
        "{text}"
    );

    let no_pred = args(&[sheet.to_str().unwrap()]);
    let err = run_to(&no_pred, &mut never, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("--pred"), "{err}");
}

#[test]
fn rejects_bad_options() {
    assert!(Cmd::try_parse_from(["eval", "g.jsonl", "--types", "PERSON,THING"]).is_err());
    let a = args(&["g.jsonl", "--types", "person,LOC"]);
    assert_eq!(
        a.types,
        Some(vec![EntityType::Person, EntityType::Location])
    );
    let a = args(&["g.jsonl", "--fail-under", "85"]);
    let err = run_to(&a, &mut |_| Vec::new(), &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("between 0 and 1"));
    let a = args(&["g.jsonl", "--map", "no-such-map"]);
    let err = run_to(&a, &mut |_| Vec::new(), &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("irex, ontonotes, stockmark"));
}
