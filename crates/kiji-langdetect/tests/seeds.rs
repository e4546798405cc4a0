//! Language detection on the sample articles in `seeds/`.

use kiji_core::{Lang, OffsetMap};
use kiji_langdetect::analyse;
use std::path::PathBuf;

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            )
        })
        .collect()
}

/// Seeds 000, 002 and 003 are Japanese articles. Seed 001 alternates English
/// paragraphs with Japanese translations; by characters (the measure of
/// shares) English is about 70% of it, so its main language is English.
#[test]
fn main_language_of_each_seed() {
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seeds found");
    for (name, text) in &seeds {
        let detected = analyse(text, &OffsetMap::new(text));
        let shares: Vec<String> = detected
            .shares
            .iter()
            .map(|s| format!("{}={:.3}", s.lang, s.share))
            .collect();
        println!(
            "{name}: {} sentences, {}",
            detected.sentences.len(),
            shares.join(" ")
        );
        let want = if name.starts_with("001_") {
            Lang::EN
        } else {
            Lang::JA
        };
        assert_eq!(detected.lang, want, "{name}");
        if want == Lang::JA {
            assert!(detected.shares[0].share > 0.9, "{name}: {shares:?}");
        }
    }
}

#[test]
fn the_bilingual_seed_has_english_and_japanese_sentences() {
    let seeds = seeds();
    let Some((name, text)) = seeds.iter().find(|(name, _)| name.starts_with("001_")) else {
        panic!("seed 001 not found");
    };
    let detected = analyse(text, &OffsetMap::new(text));
    let of = |lang: Lang| {
        detected
            .sentences
            .iter()
            .filter(|s| s.lang == lang)
            .map(|s| s.span.slice(text))
            .collect::<Vec<_>>()
    };
    let (en, ja) = (of(Lang::EN), of(Lang::JA));
    assert!(en.len() >= 10, "{name}: English sentences {en:#?}");
    assert!(ja.len() >= 10, "{name}: Japanese sentences {ja:#?}");
    // No sentence of this file is in a third language.
    for s in &detected.sentences {
        assert!(
            [Lang::EN, Lang::JA, Lang::UND].contains(&s.lang),
            "{name}: {} for {:?}",
            s.lang,
            s.span.slice(text)
        );
    }
    // English sentences are written in Latin letters, Japanese ones contain kana or Han.
    assert!(en
        .iter()
        .all(|s| s.is_ascii() || !s.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c))));
    assert!(ja.iter().all(|s| s.chars().any(|c| c > '\u{3000}')));
    let share_of = |lang: Lang| {
        detected
            .shares
            .iter()
            .find(|s| s.lang == lang)
            .map_or(0.0, |s| s.share)
    };
    assert!(
        share_of(Lang::EN) > 0.25 && share_of(Lang::JA) > 0.25,
        "{:?}",
        detected.shares
    );
}
