//! Prints the sentences of the files given as arguments, one a line, with
//! their languages, then each file's main language and shares.
//!
//! `cargo run -p kiji-langdetect --example sentences -- seeds/*.txt`

use kiji_core::OffsetMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let detected = kiji_langdetect::analyse(&text, &OffsetMap::new(&text));
        println!("== {path}");
        for s in &detected.sentences {
            println!("{}\t{}\t{}", s.lang, s.span.start, s.span.slice(&text));
        }
        let shares: Vec<String> = detected
            .shares
            .iter()
            .map(|s| format!("{}={:.3}", s.lang, s.share))
            .collect();
        println!("main {} ({})", detected.lang, shares.join(" "));
    }
    status
}
