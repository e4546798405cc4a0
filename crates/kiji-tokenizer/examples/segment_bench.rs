//! Raw lindera segmentation speed on a corpus, the yardstick for `kiji run`.
//!
//! ```text
//! cargo run --release -p kiji-tokenizer --example segment_bench -- CORPUS.jsonl [--no-user-dict] [--direct]
//! ```
//!
//! Reads a JSONL corpus (as written by `scripts/make-corpus`), and segments
//! each document's `text` with one reused lindera worker on one thread, with
//! the same dictionaries `kiji run` uses (embedded IPADIC and the shipped user
//! dictionary). Only segmentation is timed (reading and JSON parsing are
//! not), and only surfaces and word ids are touched (no token details).
//! With `--direct` it segments by the path `kiji run` takes
//! (`Worker::words`: the same lattice, without lindera's token objects).
//! Prints one line: `MB/s docs/s tokens bytes docs seconds`.

use std::io::BufRead;
use std::time::{Duration, Instant};

use kiji_tokenizer::{Tokenizer, TokenizerConfig};

fn main() {
    let mut path = None;
    let mut user_dict = true;
    let mut direct = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--no-user-dict" => user_dict = false,
            "--direct" => direct = true,
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: segment_bench CORPUS.jsonl [--no-user-dict] [--direct]");
        std::process::exit(2);
    };
    let tokenizer = Tokenizer::new(&TokenizerConfig {
        shipped_user_dictionary: user_dict,
        ..TokenizerConfig::default()
    })
    .expect("dictionary loads");
    let mut worker = tokenizer.segmenter().new_worker();
    let mut kiji_worker = tokenizer.worker();

    let file = std::fs::File::open(&path).expect("corpus opens");
    let reader = std::io::BufReader::with_capacity(1 << 20, file);
    let (mut bytes, mut docs, mut tokens, mut unknown) = (0u64, 0u64, 0u64, 0u64);
    let mut busy = Duration::ZERO;
    for line in reader.lines() {
        let line = line.expect("corpus reads");
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line).expect("JSONL line");
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let t0 = Instant::now();
        if direct {
            let words = kiji_worker.words(text);
            tokens += words.len() as u64;
            unknown += words.iter().filter(|w| w.2.is_unknown()).count() as u64;
        } else {
            let toks = worker.segment(text).expect("segments");
            tokens += toks.len() as u64;
            unknown += toks.iter().filter(|t| t.word_id.is_unknown()).count() as u64;
        }
        busy += t0.elapsed();
        bytes += text.len() as u64;
        docs += 1;
    }
    let secs = busy.as_secs_f64();
    println!(
        "{:.2} MB/s {:.0} docs/s {} tokens ({} unknown) {} bytes {} docs {:.3} s",
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs,
        tokens,
        unknown,
        bytes,
        docs,
        secs
    );
}
