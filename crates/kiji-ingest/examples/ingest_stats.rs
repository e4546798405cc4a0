//! Reads inputs and prints what ingest made of them: documents, failures,
//! characters, bytes and throughput. For measuring, e.g.
//! `cargo run --release -p kiji-ingest --example ingest_stats -- dump.jsonl`.

use kiji_ingest::{open, IngestOptions, Record};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        return Err("usage: ingest_stats PATH...".into());
    }
    let started = Instant::now();
    let reader = open(&inputs, &IngestOptions::default())?;
    let total = reader.total_bytes();
    let progress = reader.progress();
    let (mut docs, mut failures, mut chars, mut replaced) = (0u64, 0u64, 0u64, 0u64);
    for record in reader {
        match record {
            Record::Doc(doc) => {
                docs += 1;
                chars += doc.text.chars().count() as u64;
                replaced += doc.replaced_bytes as u64;
            }
            Record::Failed(failure) => {
                failures += 1;
                if failures <= 5 {
                    eprintln!("{failure:?}");
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let bytes = progress.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "documents {docs}, failures {failures}, characters {chars}, replaced {replaced}, \
         bytes {bytes} of {total:?}, {seconds:.2} s, {:.1} MB/s",
        bytes as f64 / seconds / 1e6
    );
    Ok(())
}
