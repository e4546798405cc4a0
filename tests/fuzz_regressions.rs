//! Replays every input kept under `fuzz/regressions/<target>/` through the
//! same checks the fuzz targets run (`fuzz/src/lib.rs`), so inputs that
//! once crashed stay fixed, on a stable compiler, in every `cargo test`.
//!
//! `random_inputs` (ignored by default) is a small stand-in fuzzer for
//! machines without cargo-fuzz: it mutates the regression inputs and random
//! bytes for `KIJI_FUZZ_SECS` seconds (default 60) per target and saves any
//! input that fails under `fuzz/regressions/<target>/found-*`.
//!
//! ```sh
//! KIJI_FUZZ_SECS=120 cargo test -p kiji --test fuzz_regressions -- --ignored --nocapture
//! ```

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions")
}

/// The inputs kept for `target`, sorted by name.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = regressions().join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .map(|p| {
                    let bytes = std::fs::read(&p).unwrap();
                    (p, bytes)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn every_kept_input_passes_its_target() {
    let mut replayed = 0;
    for (target, check) in checks::TARGETS {
        for (path, bytes) in inputs(target) {
            let result = std::panic::catch_unwind(|| check(&bytes));
            assert!(result.is_ok(), "{target}: {} fails", path.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs found");
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte strings the mutator splices in: what the code under test reacts to.
const DICTIONARY: &[&str] = &[
    "{\"text\":\"",
    "\"}",
    "\n",
    "\r\n",
    "\u{FEFF}",
    "\x1B$B",
    "\x1B(B",
    "。",
    "、",
    ". ",
    "Mr. ",
    "U.S.",
    "「",
    "」",
    "年",
    "月",
    "日",
    "時",
    "分",
    "円",
    "ドル",
    "億",
    "万",
    "兆",
    "％",
    "%",
    "$",
    "¥",
    "〜",
    "-",
    "から",
    "第",
    "令和",
    "昨年",
    "午後",
    "トヨタ",
    "東京",
    "Sony",
    "Inc.",
    "株式会社",
    "イーロン・マスク",
    "1,000",
    "3.5",
    "２０２４",
    "九十九",
    "\u{FFFD}",
    "🎌",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 => data.insert(at, rng.next() as u8),
            1 if !data.is_empty() => {
                let at = at.min(data.len() - 1);
                data[at] = rng.next() as u8;
            }
            2 if !data.is_empty() => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 => {
                let word = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                data.splice(at..at, word.iter().copied());
            }
            _ => {
                // Repeat a slice: long runs find the quadratic paths.
                let end = (at + rng.below(32)).min(data.len());
                let piece = data[at.min(end)..end].to_vec();
                for _ in 0..rng.below(64) {
                    data.splice(at..at, piece.iter().copied());
                }
            }
        }
    }
    data.truncate(64 * 1024);
    data
}

#[test]
#[ignore = "a time-boxed fuzzer; run with --ignored"]
fn random_inputs() {
    let secs: u64 = std::env::var("KIJI_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let only = std::env::var("KIJI_FUZZ_TARGET").ok();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id()));
    let mut failures = Vec::new();
    std::panic::set_hook(Box::new(|_| {}));
    for (target, check) in checks::TARGETS {
        if only.as_deref().is_some_and(|t| t != target) {
            continue;
        }
        let mut pool: Vec<Vec<u8>> = inputs(target).into_iter().map(|(_, b)| b).collect();
        pool.push(Vec::new());
        let deadline = Instant::now() + Duration::from_secs(secs);
        let mut runs = 0u64;
        while Instant::now() < deadline {
            let seed = &pool[rng.below(pool.len())];
            let data = mutate(&mut rng, seed);
            let started = Instant::now();
            let ok = std::panic::catch_unwind(|| check(&data)).is_ok();
            let slow = started.elapsed() > Duration::from_secs(5);
            runs += 1;
            if !ok || slow {
                let name = format!(
                    "found-{}-{:016x}",
                    if ok { "slow" } else { "crash" },
                    rng.next()
                );
                let path = regressions().join(target).join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &data).unwrap();
                failures.push(path);
            } else if pool.len() < 256 && rng.below(16) == 0 {
                pool.push(data);
            }
        }
        eprintln!("{target}: {runs} inputs in {secs} s");
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "failing inputs saved: {failures:?}");
}
