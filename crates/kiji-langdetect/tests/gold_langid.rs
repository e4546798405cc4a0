//! Accuracy of `detect_sentence` on the shared language identification set.
//!
//! The set lives outside the repository (`shared/gold/langid-dev.jsonl`);
//! the test prints a note and passes when it is absent, so a checkout without
//! it still builds and tests.

use kiji_langdetect::detect_sentence;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The accuracy this crate reaches on the set (98.88%), less a small margin so that a
/// regression fails the test but an unrelated dependency patch does not.
const ACCURACY_FLOOR: f64 = 0.98;

#[derive(serde::Deserialize)]
struct Record {
    id: String,
    text: String,
    lang: String,
}

fn gold_dir() -> PathBuf {
    match std::env::var_os("KIJI_GOLD_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold"),
    }
}

/// ISO 639-3 labels of the set as the ISO 639-1 codes kiji speaks.
fn iso639_1(label: &str) -> Option<&'static str> {
    Some(match label {
        "eng" => "en",
        "jpn" => "ja",
        "cmn" | "zho" => "zh",
        "kor" => "ko",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "rus" => "ru",
        "pol" => "pl",
        "tur" => "tr",
        "ara" => "ar",
        "hin" => "hi",
        "ind" => "id",
        "tha" => "th",
        _ => return None,
    })
}

#[test]
fn accuracy_on_langid_dev() {
    let path = gold_dir().join("langid-dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found; accuracy not measured", path.display());
        return;
    };
    let mut total = 0usize;
    let mut correct = 0usize;
    // gold → (detected → count)
    let mut confusion: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut errors = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        let want = iso639_1(&record.lang).unwrap_or_else(|| {
            panic!(
                "{}:{}: unknown label {}",
                path.display(),
                n + 1,
                record.lang
            )
        });
        let got = detect_sentence(&record.text);
        total += 1;
        if got.code() == want {
            correct += 1;
        } else {
            errors.push(format!("{} {want}→{got}: {}", record.id, record.text));
        }
        *confusion
            .entry(want)
            .or_default()
            .entry(got.code().to_string())
            .or_default() += 1;
    }
    assert!(total > 0, "{} has no records", path.display());
    let accuracy = correct as f64 / total as f64;
    println!("langid-dev: {correct}/{total} = {:.2}%", accuracy * 100.0);
    for (gold, got) in &confusion {
        let hits = got.get(*gold).copied().unwrap_or(0);
        let n: usize = got.values().sum();
        let misses: Vec<String> = got
            .iter()
            .filter(|(lang, _)| lang.as_str() != *gold)
            .map(|(lang, c)| format!("{lang}:{c}"))
            .collect();
        println!("  {gold}: {hits}/{n}  {}", misses.join(" "));
    }
    for e in &errors {
        println!("  miss {e}");
    }
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "accuracy {accuracy:.4} below {ACCURACY_FLOOR}"
    );
}
