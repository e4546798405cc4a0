//! End-to-end: `kiji run` over a folder of broken inputs made by the test
//! itself (issue 6). Bad input never stops the batch, never loses a
//! document, and never reaches a spreadsheet as a formula.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

fn kiji() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kiji"))
}

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiji-broken-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SAMPLE: &str = "トヨタ自動車は東京に本社を置く。2024年3月に1万円の新製品を発表した。";

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// The over-long JSONL line limit used by the corpus runs.
const MAX_LINE: usize = 300;

/// Lines of `dump.jsonl` and what becomes of each: `Some(true)` a
/// document, `Some(false)` an error entry, `None` a blank line (nothing).
fn jsonl_dump() -> (String, Vec<Option<bool>>) {
    let long = format!(r#"{{"id":"long","text":"{}"}}"#, "あ".repeat(MAX_LINE));
    let lines: Vec<(String, Option<bool>)> = vec![
        (format!(r#"{{"id":"j1","text":"{SAMPLE}"}}"#), Some(true)),
        ("   ".into(), None),
        (r#"{"id":"j3","text": "unterminated"#.into(), Some(false)),
        (r#"{"id":"j4","title":"no text here"}"#.into(), Some(false)),
        (r#"{"id":"j5","text":42}"#.into(), Some(false)),
        (long, Some(false)),
        (
            r#"{"id":"=SUM(A1)","title":"=HYPERLINK(\"http://x\")","text":"=SUM(A1) トヨタ自動車は東京に本社を置く。"}"#.into(),
            Some(true),
        ),
        ("[1,2,3]".into(), Some(false)),
        (r#"{"id":"j9","text":"   "}"#.into(), Some(true)),
        ("".into(), None),
        (r#"{"id":"j11","text":"Sony announced a $5 billion deal in Tokyo."}"#.into(), Some(true)),
    ];
    let text = lines
        .iter()
        .map(|(l, _)| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (text, lines.into_iter().map(|(_, k)| k).collect())
}

/// Builds the broken corpus in `dir`; returns (documents expected to be
/// processed, failures expected, (path suffix, line) of each failure that
/// has a line).
struct Expected {
    processed: usize,
    failed: usize,
    jsonl_error_lines: Vec<u64>,
}

fn make_corpus(dir: &Path) -> Expected {
    use encoding_rs::{EUC_JP, ISO_2022_JP, SHIFT_JIS};
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let mut processed = 0;
    let mut failed = 0;

    // Every encoding, with and without BOMs.
    w("enc_utf8.txt", SAMPLE.as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(SAMPLE.as_bytes());
    w("enc_utf8_bom.txt", &bom);
    w("enc_utf16le.txt", &utf16(SAMPLE, false));
    w("enc_utf16be.txt", &utf16(SAMPLE, true));
    w("enc_sjis.txt", &encode(SHIFT_JIS, SAMPLE));
    w("enc_eucjp.txt", &encode(EUC_JP, SAMPLE));
    w("enc_iso2022jp.txt", &encode(ISO_2022_JP, SAMPLE));
    // Invalid bytes: replaced, counted, never a crash.
    let mut bad = SAMPLE.as_bytes().to_vec();
    bad.insert(3, 0xFF);
    bad.push(0xE3);
    w("enc_invalid.txt", &bad);
    processed += 8;

    // Binary files: skipped with an error entry.
    w("bin_png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    w("bin_nul.txt", b"text with a \0 NUL byte");
    w("bin_zip.md", b"PK\x03\x04\x14\0\0\0");
    failed += 3;

    // Empty and whitespace-only documents: a row with zero entities.
    w("empty.txt", b"");
    w("blank.txt", b"  \n\t\r\n   \n");
    processed += 2;

    // Compressed dumps.
    w("comp.txt.gz", &gzip(SAMPLE.as_bytes()));
    w(
        "comp.txt.zst",
        &zstd::encode_all(SAMPLE.as_bytes(), 3).unwrap(),
    );
    let (dump, kinds) = jsonl_dump();
    w("comp_dump.jsonl.gz", &gzip(dump.as_bytes()));
    // A truncated gzip stream: what was read is kept, the rest is an error.
    let gz = gzip(SAMPLE.repeat(50).as_bytes());
    w("comp_truncated.txt.gz", &gz[..gz.len() / 2]);
    processed += 2;
    failed += 1;

    // The JSONL dump, plain.
    w("dump.jsonl", dump.as_bytes());
    let mut jsonl_error_lines = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        match kind {
            Some(true) => processed += 2, // plain and gzipped copies
            Some(false) => {
                failed += 2;
                jsonl_error_lines.push(i as u64 + 1);
            }
            None => {}
        }
    }

    // Broken symlink and a symlink loop.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("does-not-exist.txt"), dir.join("link_broken.txt"))
            .unwrap();
        std::fs::create_dir_all(dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(dir, dir.join("loop/back")).unwrap();
        failed += 2;
        // A fifo would block a reader forever: the walk must pass it by.
        let _ = Command::new("mkfifo").arg(dir.join("fifo.txt")).status();
        // An unreadable file (readable anyway when the tests run as root).
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.join("locked.txt");
        std::fs::write(&locked, SAMPLE).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_ok() {
            processed += 1;
        } else {
            failed += 1;
        }
    }

    // A huge document without a sentence break: a few MB, one line. Its
    // entities are numeric; see `huge_document_full_of_names` for names.
    let huge = huge_text(
        "ここでは2024年3月に1,000億円を投じ、約3.5%の増加で、",
        2_000_000,
    );
    w("huge.txt", huge.as_bytes());
    processed += 1;

    // A file type the walk does not take is not an input at all.
    w("notes.bin", b"\0\0\0");

    Expected {
        processed,
        failed,
        jsonl_error_lines,
    }
}

/// `unit` repeated to at least `bytes` bytes, without a line break.
fn huge_text(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn run(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let output = kiji()
        .arg("run")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(["--quiet", "--max-line-bytes", &MAX_LINE.to_string()])
        .args(extra)
        .output()
        .expect("kiji runs");
    assert!(
        output.status.success(),
        "kiji run failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn json_lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn doc<'a>(docs: &'a [Value], id: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("document {id} in output"))
}

#[test]
fn a_corpus_of_broken_inputs_is_read_whole_and_counts_reconcile() {
    let root = scratch("corpus");
    let input = root.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let expected = make_corpus(&input);
    let out1 = root.join("out1");
    let out2 = root.join("out2");
    run(&[&input], &out1, &["--threads", "1"]);
    run(&[&input], &out2, &["--threads", "2"]);

    // run.json: read = processed + failed, and nothing was lost.
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out1.join("run.json")).unwrap()).unwrap();
    let read = manifest["documents_read"].as_u64().unwrap();
    let processed = manifest["documents_processed"].as_u64().unwrap();
    let failed = manifest["documents_failed"].as_u64().unwrap();
    assert_eq!(read, processed + failed, "{manifest}");
    assert_eq!(processed as usize, expected.processed, "{manifest}");
    assert_eq!(failed as usize, expected.failed, "{manifest}");

    // errors.jsonl: one line per failure, each with a source and a reason.
    let errors = json_lines(&out1.join("errors.jsonl"));
    assert_eq!(errors.len() as u64, failed);
    for e in &errors {
        assert!(e["source"]["path"].is_string(), "{e}");
        assert!(!e["reason"].as_str().unwrap_or("").is_empty(), "{e}");
    }
    let reason_of = |suffix: &str| -> String {
        let hits: Vec<&Value> = errors
            .iter()
            .filter(|e| e["source"]["path"].as_str().unwrap().ends_with(suffix))
            .collect();
        assert_eq!(hits.len(), 1, "one error for {suffix}: {errors:?}");
        hits[0]["reason"].as_str().unwrap().to_owned()
    };
    assert!(reason_of("bin_png.txt").contains("binary"));
    assert!(reason_of("bin_nul.txt").contains("binary"));
    assert!(reason_of("bin_zip.md").contains("binary"));
    assert!(reason_of("link_broken.txt").contains("broken symlink"));
    assert!(reason_of("loop/back").contains("loop"));
    assert!(!reason_of("comp_truncated.txt.gz").is_empty());
    // The JSONL errors carry the right line numbers, in both dumps.
    for dump in ["dump.jsonl", "comp_dump.jsonl.gz"] {
        let lines: Vec<u64> = errors
            .iter()
            .filter(|e| e["source"]["path"].as_str().unwrap().ends_with(dump))
            .map(|e| e["source"]["line"].as_u64().expect("a line number"))
            .collect();
        assert_eq!(lines, expected.jsonl_error_lines, "{dump}");
    }
    let long = errors
        .iter()
        .find(|e| e["source"]["line"] == 6)
        .expect("over-long line reported");
    assert!(
        long["reason"].as_str().unwrap().contains("longer than"),
        "{long}"
    );

    // Every encoding decoded to the same text, and recorded.
    let docs = json_lines(&out1.join("documents.jsonl"));
    for (id, encoding) in [
        ("enc_utf8.txt", "UTF-8"),
        ("enc_utf8_bom.txt", "UTF-8"),
        ("enc_utf16le.txt", "UTF-16LE"),
        ("enc_utf16be.txt", "UTF-16BE"),
        ("enc_sjis.txt", "Shift_JIS"),
        ("enc_eucjp.txt", "EUC-JP"),
        ("enc_iso2022jp.txt", "ISO-2022-JP"),
        ("comp.txt.gz", "UTF-8"),
        ("comp.txt.zst", "UTF-8"),
    ] {
        let d = doc(&docs, id);
        assert_eq!(d["text"], SAMPLE, "{id}");
        assert_eq!(d["encoding"], encoding, "{id}");
        assert_eq!(d["replaced_bytes"].as_u64().unwrap_or(0), 0, "{id}");
        assert!(!d["entities"].as_array().unwrap().is_empty(), "{id}");
    }
    let invalid = doc(&docs, "enc_invalid.txt");
    assert_eq!(invalid["replaced_bytes"], 2);
    assert_eq!(
        invalid["text"]
            .as_str()
            .unwrap()
            .matches('\u{FFFD}')
            .count(),
        2
    );

    // Empty and whitespace-only: a row, zero entities.
    for id in ["empty.txt", "blank.txt", "j9"] {
        let d = doc(&docs, id);
        assert_eq!(d["entities"].as_array().unwrap().len(), 0, "{id}");
    }
    assert_eq!(
        docs.iter().filter(|d| d["id"] == "j9").count(),
        2,
        "blank JSONL text in both dumps"
    );
    let huge = doc(&docs, "huge.txt");
    assert!(huge["text"].as_str().unwrap().len() > 2_000_000);
    assert!(huge["entities"].as_array().unwrap().len() > 1000);

    // JSONL keeps exact text; CSV neutralises formula-looking cells.
    let formula = doc(&docs, "=SUM(A1)");
    assert!(formula["text"]
        .as_str()
        .unwrap()
        .starts_with("=SUM(A1) トヨタ"));
    for table in ["mentions.csv", "documents.csv"] {
        let csv = std::fs::read_to_string(out1.join(table)).unwrap();
        assert!(csv.contains("'=SUM(A1)"), "{table} neutralised");
        assert!(
            !csv.lines().any(|l| l.starts_with("=SUM")),
            "{table}: no row starts with a formula"
        );
    }
    let documents_csv = std::fs::read_to_string(out1.join("documents.csv")).unwrap();
    assert!(documents_csv.contains("'=HYPERLINK"), "title neutralised");

    // Byte-identical output whatever the thread count.
    for f in [
        "documents.jsonl",
        "mentions.csv",
        "documents.csv",
        "entities.csv",
        "corpus.csv",
        "summary.csv",
        "errors.jsonl",
    ] {
        let a = std::fs::read(out1.join(f)).unwrap();
        let b = std::fs::read(out2.join(f)).unwrap();
        assert!(a == b, "{f} differs between 1 and 2 threads");
    }
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn raw_cells_keeps_formula_looking_text() {
    let root = scratch("raw");
    let dump = root.join("d.jsonl");
    std::fs::write(
        &dump,
        r#"{"id":"=SUM(A1)","text":"=SUM(A1) トヨタ自動車は東京に本社を置く。"}
{"id":"+A1","text":"@cmd -2 トヨタ自動車"}
"#,
    )
    .unwrap();
    let safe = root.join("safe");
    let raw = root.join("raw");
    run(&[&dump], &safe, &[]);
    run(&[&dump], &raw, &["--raw-cells"]);
    let mentions = std::fs::read_to_string(raw.join("mentions.csv")).unwrap();
    assert!(mentions.lines().any(|l| l.starts_with("=SUM(A1),")));
    assert!(mentions.lines().any(|l| l.starts_with("+A1,")));
    let mentions = std::fs::read_to_string(safe.join("mentions.csv")).unwrap();
    assert!(mentions.lines().any(|l| l.starts_with("'=SUM(A1),")));
    assert!(mentions.lines().any(|l| l.starts_with("'+A1,")));
    // A plain number cannot run anything and is left as it is (-2, +1).
    // JSONL is exact either way.
    for out in [&safe, &raw] {
        let docs = json_lines(&out.join("documents.jsonl"));
        assert_eq!(docs[0]["id"], "=SUM(A1)");
        assert_eq!(docs[1]["text"], "@cmd -2 トヨタ自動車");
    }
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn a_forced_encoding_is_used_and_recorded() {
    let root = scratch("forced");
    // Two kanji in EUC-JP: short enough that detection could go either way.
    let file = root.join("short.txt");
    std::fs::write(&file, encode(encoding_rs::EUC_JP, "東京")).unwrap();
    let out = root.join("out");
    run(&[&file], &out, &["--encoding", "euc-jp"]);
    let docs = json_lines(&out.join("documents.jsonl"));
    assert_eq!(docs[0]["text"], "東京");
    assert_eq!(docs[0]["encoding"], "EUC-JP");
    // Forcing the wrong one still never fails: it replaces and counts.
    let out = root.join("out-wrong");
    run(&[&file], &out, &["--encoding", "utf-8"]);
    let docs = json_lines(&out.join("documents.jsonl"));
    assert_eq!(docs[0]["encoding"], "UTF-8");
    assert!(docs[0]["replaced_bytes"].as_u64().unwrap() > 0);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn output_folder_rules() {
    let root = scratch("outrules");
    let input = root.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), SAMPLE).unwrap();
    // The output folder is an input.
    let same = kiji()
        .arg("run")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap();
    assert!(!same.status.success());
    assert!(String::from_utf8_lossy(&same.stderr).contains("overlaps"));
    // Even with --force.
    let forced = kiji()
        .arg("run")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .arg("--force")
        .output()
        .unwrap();
    assert!(!forced.status.success());
    assert_eq!(
        std::fs::read_dir(&input).unwrap().count(),
        1,
        "input untouched"
    );
    // A non-empty output folder needs --force, and is left alone without it.
    let out = root.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "x").unwrap();
    let refused = kiji()
        .arg("run")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(!out.join("documents.jsonl").exists());
    run(&[&input], &out, &["--force"]);
    assert!(out.join("documents.jsonl").is_file());
    let _ = std::fs::remove_dir_all(root);
}

/// Ctrl-C: the run stops, exits non-zero and leaves no complete-looking
/// output. The signal is sent once the temporary outputs exist, so the run
/// is known to be under way; the corpus is large enough (thousands of
/// documents) that it cannot finish in the few milliseconds that takes.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let root = scratch("sigint");
    let dump = root.join("big.jsonl");
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            r#"{{"id":"d{i}","text":"{SAMPLE} Sony announced a $5 billion deal in Tokyo on March {}, 2024."}}"#,
            i % 28 + 1
        ));
        text.push('\n');
    }
    std::fs::write(&dump, text).unwrap();
    let out = root.join("out");
    let mut child = kiji()
        .arg("run")
        .arg(&dump)
        .arg("-o")
        .arg(&out)
        .args(["--quiet", "--threads", "1"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let temp = out.join(".documents.jsonl.tmp");
    while !temp.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the run never started writing"
        );
        if child.try_wait().unwrap().is_some() {
            panic!("the run ended before it could be interrupted");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the run did not stop after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !status.success(),
        "interrupted run exits non-zero: {stderr}"
    );
    for f in [
        "documents.jsonl",
        "mentions.csv",
        "documents.csv",
        "errors.jsonl",
        "run.json",
    ] {
        assert!(!out.join(f).exists(), "{f} written by an interrupted run");
    }
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
    let _ = std::fs::remove_dir_all(root);
}

/// A huge document full of names, linked across the whole document: tens
/// of thousands of mentions of a few names (linking was once quadratic in
/// the mentions; 400 kB took 16 s in a debug build).
#[test]
fn huge_document_full_of_names() {
    let root = scratch("huge-names");
    let file = root.join("names.txt");
    std::fs::write(
        &file,
        huge_text("東京のトヨタ自動車とSonyが1,000億円を投じ、", 600_000),
    )
    .unwrap();
    let out = root.join("out");
    run(&[&file], &out, &[]);
    let docs = json_lines(&out.join("documents.jsonl"));
    assert!(docs[0]["entities"].as_array().unwrap().len() > 30_000);
    let _ = std::fs::remove_dir_all(root);
}
