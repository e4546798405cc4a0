//! End-to-end tests: the `kiji` binary on the sample corpus in `seeds/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kiji() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kiji"))
}

/// A fresh, empty output folder for one test.
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiji-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The sample articles (`seeds/*.txt`), in name order.
fn seed_articles() -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    seeds
}

fn run_seeds(out: &Path, extra: &[&str]) {
    let status = kiji()
        .arg("run")
        .arg(repo().join("seeds"))
        .arg("-o")
        .arg(out)
        .args(extra)
        .status()
        .expect("kiji runs");
    assert!(status.success(), "kiji run failed: {status}");
}

fn documents(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("documents.jsonl"))
        .expect("documents.jsonl written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn doc<'a>(docs: &'a [Value], prefix: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"].as_str().is_some_and(|id| id.starts_with(prefix)))
        .unwrap_or_else(|| panic!("document {prefix} in output"))
}

fn has_entity(d: &Value, ty: &str, text: &str) -> bool {
    d["entities"]
        .as_array()
        .is_some_and(|es| es.iter().any(|e| e["type"] == ty && e["text"] == text))
}

#[test]
fn run_on_seeds_writes_the_three_files_and_the_manifest() {
    let out = out_dir("files");
    run_seeds(&out, &[]);
    for f in [
        "documents.jsonl",
        "mentions.csv",
        "documents.csv",
        "errors.jsonl",
        "run.json",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let docs = documents(&out);
    assert_eq!(docs.len(), 4);
    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["documents_read"], 4);
    assert_eq!(run["documents_processed"], 4);
    assert_eq!(run["documents_failed"], 0);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn every_entity_text_is_the_exact_substring_at_its_offsets() {
    let out = out_dir("offsets");
    run_seeds(&out, &[]);
    let mut checked = 0;
    for d in documents(&out) {
        let text = d["text"].as_str().expect("text kept in documents.jsonl");
        let chars: Vec<char> = text.chars().collect();
        for e in d["entities"].as_array().unwrap() {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let (bs, be) = (
                e["byte_start"].as_u64().unwrap() as usize,
                e["byte_end"].as_u64().unwrap() as usize,
            );
            let by_chars: String = chars[s..t].iter().collect();
            assert_eq!(
                by_chars,
                e["text"].as_str().unwrap(),
                "code point offsets of {e}"
            );
            assert_eq!(
                &text[bs..be],
                e["text"].as_str().unwrap(),
                "byte offsets of {e}"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} entities on the seeds");
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn seed_003_finds_openai_and_south_africa() {
    let out = out_dir("seed003");
    run_seeds(&out, &[]);
    let docs = documents(&out);
    let d = doc(&docs, "003_");
    assert!(has_entity(d, "ORG", "OpenAI"), "ORG OpenAI in seed 003");
    assert!(
        has_entity(d, "LOCATION", "南アフリカ"),
        "LOCATION 南アフリカ in seed 003"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn seed_001_has_english_and_japanese_sentences() {
    let output = kiji()
        .args(["detect", "--file"])
        .arg(repo().join("seeds/001_f45b1537b6fd6987.txt"))
        .output()
        .expect("kiji detect runs");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let langs: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    assert!(langs.contains(&"en"), "an English sentence in seed 001");
    assert!(langs.contains(&"ja"), "a Japanese sentence in seed 001");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = out_dir("t1");
    let two = out_dir("t2");
    run_seeds(&one, &["--threads", "1"]);
    run_seeds(&two, &["--threads", "2"]);
    for f in [
        "documents.jsonl",
        "mentions.csv",
        "documents.csv",
        "entities.csv",
        "corpus.csv",
    ] {
        let a = std::fs::read(one.join(f)).unwrap();
        let b = std::fs::read(two.join(f)).unwrap();
        assert!(a == b, "{f} differs between 1 and 2 threads");
    }
    let _ = std::fs::remove_dir_all(one);
    let _ = std::fs::remove_dir_all(two);
}

#[test]
fn one_long_document_is_shared_by_the_threads_with_the_same_output() {
    // Longer than the size from which a document's sentences are tokenised
    // by several threads (256 KiB).
    let seeds = seed_articles();
    let all: Vec<String> = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed article"))
        .collect();
    let all = all.join("\n\n");
    let mut text = String::new();
    while text.len() < 300 * 1024 {
        text.push_str(&all);
        text.push_str("\n\n");
    }
    let dir = out_dir("long");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("long.txt");
    std::fs::write(&input, &text).unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.join(format!("out{threads}"));
        let status = kiji()
            .args(["run", "--quiet", "--threads", threads, "-o"])
            .arg(&out)
            .arg(&input)
            .status()
            .expect("kiji runs");
        assert!(status.success());
        let docs = documents(&out);
        assert_eq!(docs.len(), 1);
        assert!(has_entity(&docs[0], "ORG", "OpenAI"));
        outputs.push(
            ["documents.jsonl", "mentions.csv", "entities.csv"]
                .map(|f| std::fs::read(out.join(f)).unwrap()),
        );
    }
    assert!(outputs[0] == outputs[1], "same output with 1 and 2 threads");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn many_groups_come_out_in_input_order_whatever_the_thread_count() {
    // Far more documents than one group holds, of very different lengths,
    // so that groups finish out of order on several threads.
    let seeds = seed_articles();
    let seed = std::fs::read_to_string(&seeds[0]).expect("a seed article");
    // Short paragraphs keep this quick in a debug build.
    let paragraphs: Vec<&str> = seed
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && p.len() < 400)
        .collect();
    let dir = out_dir("groups");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("dump.jsonl");
    let mut lines = String::new();
    for i in 0..200 {
        let n = 1 + (i * 7) % 5;
        let text: Vec<&str> = (0..n)
            .map(|k| paragraphs[(i + k) % paragraphs.len()])
            .collect();
        let doc = serde_json::json!({"id": format!("doc-{i}"), "text": text.join("\n\n")});
        lines.push_str(&doc.to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "3"] {
        let out = dir.join(format!("out{threads}"));
        let status = kiji()
            .args(["run", "--quiet", "--threads", threads, "-o"])
            .arg(&out)
            .arg(&input)
            .status()
            .expect("kiji runs");
        assert!(status.success());
        let ids: Vec<String> = documents(&out)
            .iter()
            .map(|d| d["id"].as_str().unwrap_or_default().to_string())
            .collect();
        let want: Vec<String> = (0..200).map(|i| format!("doc-{i}")).collect();
        assert_eq!(ids, want, "input order with {threads} threads");
        outputs.push(std::fs::read(out.join("documents.jsonl")).unwrap());
    }
    assert!(
        outputs.windows(2).all(|w| w[0] == w[1]),
        "same output whatever the thread count"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_non_empty_output_folder_needs_force() {
    let out = out_dir("force");
    run_seeds(&out, &[]);
    let status = kiji()
        .arg("run")
        .arg(repo().join("seeds"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!status.status.success());
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one clear line: {stderr}");
    run_seeds(&out, &["--force"]);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn an_output_folder_inside_an_input_is_refused() {
    let input = out_dir("nested-in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "トヨタ自動車は東京に本社を置く。").unwrap();
    let status = kiji()
        .arg("run")
        .arg(&input)
        .arg("-o")
        .arg(input.join("out"))
        .output()
        .unwrap();
    assert!(!status.status.success());
    assert!(String::from_utf8_lossy(&status.stderr).contains("overlaps"));
    let _ = std::fs::remove_dir_all(input);
}

#[test]
fn tokenize_prints_ipadic_tokens() {
    let output = kiji().args(["tokenize", "東京都に住む"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let first: Vec<&str> = stdout.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "東京");
    assert!(first[3].starts_with("名詞,固有名詞,地域"), "{stdout}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    // Far more output than a pipe buffers, so kiji is still writing when
    // the reader goes away (`kiji detect | head -1`).
    let text = "東京で会議が開かれた。The meeting ended.\n".repeat(20_000);
    let mut child = kiji()
        .arg("detect")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("# lang"), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn one_letter_is_no_name_by_its_shape() {
    let out = out_dir("one-letter");
    std::fs::create_dir_all(&out).unwrap();
    let input = out.join("in.txt");
    std::fs::write(&input, "It unveiled the model at its I/O conference.\n").unwrap();
    let status = kiji()
        .args(["run", "-q", "--force", "-o"])
        .arg(out.join("result"))
        .arg(&input)
        .status()
        .expect("kiji runs");
    assert!(status.success());
    let docs = documents(&out.join("result"));
    let entities = docs[0]["entities"].as_array().expect("entities");
    assert!(
        entities
            .iter()
            .all(|e| e["text"].as_str().is_some_and(|t| t.chars().count() > 1)),
        "{entities:?}"
    );
}
