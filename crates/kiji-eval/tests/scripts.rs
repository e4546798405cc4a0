//! The helper scripts under `scripts/` on tiny inputs. They need python3
//! (and bash for eval-all); each test says so and passes when absent.

use kiji_core::EntityType::*;
use kiji_eval::parse_gold;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts")
        .join(name)
}

fn have(program: &str) -> bool {
    let ok = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("note: {program} not found; test skipped");
    }
    ok
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kiji-eval-scripts-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `script args` with `input` on stdin and returns stdout.
fn run(name: &str, args: &[&str], input: &str) -> String {
    let mut child = Command::new("python3")
        .arg(script(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn convert_conll_joins_tokens_and_reads_iob2_iob1_and_io() {
    if !have("python3") {
        return;
    }
    let conll = "-DOCSTART- -X- O O\n\nEU B-ORG\nrejects O\nGerman B-MISC\ncall O\n\n\
                 Peter B-PER\nBlackburn I-PER\nvisited O\n東京 B-LOC\n\n\
                 -DOCSTART- -X- O O\n\nNew I-LOC\nYork I-LOC\nLondon B-LOC\n";
    let out = run("convert-conll", &["--map", "conll"], conll);
    let gold = parse_gold(&out, Path::new("converted"), None).unwrap();
    assert_eq!(gold.len(), 3);
    assert_eq!(gold[0].text, "EU rejects German call");
    assert_eq!(gold[0].ignored[0].text, "German");
    let e = &gold[1].entities;
    assert_eq!(
        (e[0].start, e[0].end, e[0].ty, e[0].text.as_str()),
        (0, 15, Person, "Peter Blackburn")
    );
    // Code point offsets: 東京 is two characters at 24.
    assert_eq!((e[1].start, e[1].end, e[1].ty), (24, 26, Location));
    let spans: Vec<&str> = gold[2].entities.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(spans, ["New York", "London"]);

    // One document per -DOCSTART-, sentences on separate lines.
    let out = run(
        "convert-conll",
        &["--group", "document", "--map", "conll"],
        conll,
    );
    let gold = parse_gold(&out, Path::new("converted"), None).unwrap();
    assert_eq!(gold.len(), 2);
    assert_eq!(
        gold[0].text,
        "EU rejects German call\nPeter Blackburn visited 東京"
    );
    assert_eq!(gold[0].entities[1].start, 23);
}

#[test]
fn convert_spacy_reads_records_tuples_and_jsonl() {
    if !have("python3") {
        return;
    }
    let dir = scratch("spacy");
    let map = dir.join("onto.map");
    std::fs::write(&map, "GPE=LOCATION\nCARDINAL=IGNORE\nORDINAL=O\n").unwrap();
    let tuples = r#"[["Apple is in Cupertino", {"entities": [[0, 5, "ORG"], [12, 21, "GPE"]]}]]"#;
    let out = run("convert-spacy", &["--map", map.to_str().unwrap()], tuples);
    let gold = parse_gold(&out, Path::new("converted"), None).unwrap();
    assert_eq!(gold[0].id, "spacy-00001");
    assert_eq!(gold[0].entities[1].ty, Location);

    let jsonl = concat!(
        r#"{"id":"x","date":"2025-01-01","text":"東京のソニー","label":[[3,6,"ORG"],[0,2,"GPE"]]}"#,
        "\n",
        r#"{"text":"first 3 cars","spans":[{"start":0,"end":5,"label":"ORDINAL"},{"start":6,"end":7,"label":"CARDINAL"}]}"#,
        "\n"
    );
    let out = run("convert-spacy", &["--map", map.to_str().unwrap()], jsonl);
    let gold = parse_gold(&out, Path::new("converted"), None).unwrap();
    assert_eq!(gold[0].id, "x");
    assert_eq!(gold[0].date.as_deref(), Some("2025-01-01"));
    let texts: Vec<&str> = gold[0].entities.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["東京", "ソニー"], "sorted by offset");
    assert!(gold[1].entities.is_empty());
    assert_eq!(gold[1].ignored[0].text, "3");
}

#[test]
fn eval_all_runs_each_present_set_and_summarises() {
    if !have("python3") || !have("bash") {
        return;
    }
    let dir = scratch("eval-all");
    let gold_dir = dir.join("gold");
    std::fs::create_dir_all(&gold_dir).unwrap();
    std::fs::write(gold_dir.join("wikigold-en-dev.jsonl"), "").unwrap();
    // A stand-in for kiji that records its arguments and writes a report.
    let fake = dir.join("kiji");
    std::fs::write(
        &fake,
        "#!/usr/bin/env bash\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n\
         while [[ $# -gt 0 ]]; do [[ $1 == --json ]] && { json=$2; shift; }; shift; done\n\
         echo '{\"strict\":{\"micro\":{\"precision\":0.5,\"recall\":0.25,\"f1\":0.3333}},\
         \"canonical\":{\"n\":4,\"correct\":3,\"accuracy\":0.75},\"norm\":{\"n\":0,\"correct\":0,\"accuracy\":0}}' > \"$json\"\n",
    )
    .unwrap();
    let status = Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
    assert!(status.success());
    let out_dir = dir.join("out");
    let out = Command::new("bash")
        .arg(script("eval-all"))
        .args(["--kiji", fake.to_str().unwrap()])
        .args(["--gold-dir", gold_dir.to_str().unwrap()])
        .args(["--out", out_dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let calls = std::fs::read_to_string(dir.join("calls")).unwrap();
    assert_eq!(
        calls.lines().count(),
        1,
        "only the present set runs: {calls}"
    );
    assert!(calls.contains("--types PERSON,ORG,LOCATION"), "{calls}");
    let row = stdout
        .lines()
        .find(|l| l.starts_with("wikigold-en-dev"))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells,
        [
            "wikigold-en-dev",
            "0.500",
            "0.250",
            "0.333",
            "0.750",
            "(3/4)",
            "-"
        ]
    );
}
