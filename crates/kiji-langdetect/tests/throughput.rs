//! Throughput of `analyse` on the seeds repeated to about 20 MB.
//!
//! Ignored by default (it is a measurement, and slow unoptimised):
//! `cargo test -p kiji-langdetect --release --test throughput -- --ignored --nocapture`

use kiji_core::OffsetMap;
use kiji_langdetect::{analyse, detect_sentence, split_sentences};
use std::path::PathBuf;
use std::time::Instant;

const TARGET_BYTES: usize = 20 * 1024 * 1024;

fn corpus() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    let mut one = String::new();
    for p in &seeds {
        one.push_str(
            &std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        );
        one.push('\n');
    }
    assert!(!one.is_empty(), "no seeds in {}", dir.display());
    one.repeat(TARGET_BYTES / one.len() + 1)
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / secs
}

#[test]
#[ignore = "measurement; run in release mode"]
fn analyse_throughput() {
    let text = corpus();
    let t = Instant::now();
    let ranges = split_sentences(&text);
    let split_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let offsets = OffsetMap::new(&text);
    let detected = analyse(&text, &offsets);
    let secs = t.elapsed().as_secs_f64();

    assert_eq!(detected.sentences.len(), ranges.len());
    println!(
        "{:.1} MB, {} sentences: split {:.1} MB/s, analyse {:.1} MB/s ({:.2} s), main {}",
        text.len() as f64 / (1024.0 * 1024.0),
        ranges.len(),
        mb_per_s(text.len(), split_secs),
        mb_per_s(text.len(), secs),
        secs,
        detected.lang
    );
}

#[test]
#[ignore = "measurement; run in release mode"]
fn detect_throughput_by_script() {
    let text = corpus();
    let (mut cjk, mut other) = (Vec::new(), Vec::new());
    for r in split_sentences(&text) {
        let s = &text[r];
        if s.chars().any(|c| c >= '\u{3040}') {
            cjk.push(s);
        } else {
            other.push(s);
        }
    }
    for (name, group) in [("with CJK", &cjk), ("without CJK", &other)] {
        let bytes: usize = group.iter().map(|s| s.len()).sum();
        let t = Instant::now();
        let known = group
            .iter()
            .filter(|s| !detect_sentence(s).is_und())
            .count();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{name}: {} sentences ({known} with a language), {:.1} MB, {:.1} MB/s",
            group.len(),
            bytes as f64 / (1024.0 * 1024.0),
            mb_per_s(bytes, secs)
        );
    }
}

#[test]
#[ignore = "measurement; run in release mode"]
fn split_is_linear_on_pathological_input() {
    // Long runs of what the splitter looks ahead or behind from.
    let cases = [
        ("periods", ". ".repeat(TARGET_BYTES / 2)),
        ("terminators", "！".repeat(TARGET_BYTES / 3)),
        ("open brackets", "「。".repeat(TARGET_BYTES / 6)),
        ("spaces", format!("a.{}", " ".repeat(TARGET_BYTES))),
        ("no break", "x".repeat(TARGET_BYTES)),
    ];
    for (name, text) in &cases {
        let t = Instant::now();
        let n = split_sentences(text).len();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{name}: {n} sentences, {:.1} MB/s",
            mb_per_s(text.len(), secs)
        );
        assert!(secs < 10.0, "{name} took {secs:.1} s");
    }
}
