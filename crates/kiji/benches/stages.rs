//! Criterion benches, one per stage, on a fixed document (the seed
//! `seeds/003_*.txt`, mixed Japanese and English), so a regression in one
//! stage shows on its own:
//!
//! ```text
//! cargo bench -p kiji --bench stages              # all stages
//! cargo bench -p kiji --bench stages -- tokenize  # one
//! ```
//!
//! Stages: sentence split + language detection, tokenisation, each
//! recogniser (gazetteer, numeric, Japanese names, English names), the
//! resolver, the whole extractor (recognisers + resolver + linking), the
//! export of one analysis (JSONL and CSV), and the whole pipeline. The
//! dictionaries and the gazetteer are built once, outside the timing.

use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kiji::pipeline::{Pipeline, PipelineConfig};
use kiji_core::{Document, OffsetMap};
use kiji_export::{ExportOptions, Exporter};
use kiji_extract::gazetteer::{Gazetteer, GazetteerRecognizer};
use kiji_extract::names::{EnglishRecognizer, JapaneseRecognizer};
use kiji_extract::numeric::NumericRecognizer;
use kiji_extract::{Candidate, DocContext, DocDate, Recognizer};
use kiji_tokenizer::{Options, Tokenizer, TokenizerConfig};

/// The fixed document: the first seed whose name starts with `003_`.
fn seed() -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("003_"))
        })
        .collect();
    paths.sort();
    let path = paths.first().expect("seeds/003_*.txt");
    let text = std::fs::read_to_string(path).expect("seed reads");
    let id = path.file_name().unwrap().to_string_lossy().into_owned();
    (id, text)
}

fn stages(c: &mut Criterion) {
    let (id, text) = seed();
    let text = text.as_str();
    let offsets = OffsetMap::new(text);
    let date = DocDate::parse("2025-02-12");

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(text.len() as u64));

    g.bench_function("detect", |b| {
        b.iter(|| kiji_langdetect::analyse(black_box(text), &offsets))
    });
    let detected = kiji_langdetect::analyse(text, &offsets);

    let tokenizer = Tokenizer::new(&TokenizerConfig {
        shipped_user_dictionary: true,
        ..TokenizerConfig::default()
    })
    .expect("dictionary loads");
    let mut worker = tokenizer.worker();
    let mut tokens = Vec::new();
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            tokens.clear();
            worker
                .tokenize(
                    black_box(text),
                    &detected.sentences,
                    &offsets,
                    Options::default(),
                    &mut tokens,
                )
                .unwrap();
            tokens.len()
        })
    });
    g.bench_function("tokenize_details", |b| {
        b.iter(|| {
            tokens.clear();
            worker
                .tokenize(
                    black_box(text),
                    &detected.sentences,
                    &offsets,
                    Options { details: true },
                    &mut tokens,
                )
                .unwrap();
            tokens.len()
        })
    });
    tokens.clear();
    worker
        .tokenize(
            text,
            &detected.sentences,
            &offsets,
            Options::default(),
            &mut tokens,
        )
        .unwrap();

    let cx = DocContext {
        text,
        sentences: &detected.sentences,
        tokens: &tokens,
        date,
        offsets: &offsets,
    };
    let gazetteer = Gazetteer::builtin().expect("gazetteer builds");
    let recognizers: Vec<(&str, Box<dyn Recognizer>)> = vec![
        (
            "recognise_gazetteer",
            Box::new(GazetteerRecognizer::new(gazetteer.clone())),
        ),
        ("recognise_numeric", Box::new(NumericRecognizer::new())),
        ("recognise_ja_names", Box::new(JapaneseRecognizer::new())),
        ("recognise_en_names", Box::new(EnglishRecognizer::new())),
    ];
    let mut candidates: Vec<Candidate> = Vec::new();
    for (name, r) in &recognizers {
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                r.propose(black_box(&cx), &mut out);
                out
            })
        });
        r.propose(&cx, &mut candidates);
    }
    g.bench_function("resolve", |b| {
        b.iter(|| kiji_extract::resolve(black_box(candidates.clone())))
    });

    let extractor = kiji_extract::standard_extractor(&[], true).expect("extractor builds");
    g.bench_function("extract_all", |b| {
        b.iter(|| extractor.extract(black_box(&cx)))
    });

    let pipeline = Pipeline::new(&PipelineConfig::default()).expect("pipeline builds");
    let mut st = pipeline.thread_state();
    let doc = Document::new(id, text);
    g.bench_function("pipeline", |b| {
        b.iter(|| pipeline.analyse(&mut st, black_box(doc.clone())))
    });

    let analysis = pipeline.analyse(&mut st, doc.clone());
    let dir = std::env::temp_dir().join(format!("kiji-bench-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut exporter = Exporter::create(&dir, &ExportOptions::default()).expect("exporter");
    g.bench_function("export", |b| {
        b.iter(|| exporter.write(black_box(&analysis)).unwrap())
    });
    exporter.abort();
    let _ = std::fs::remove_dir_all(&dir);
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
