//! The writers, end to end, on hand-made analyses.

mod common;

use common::*;
use kiji_core::EntityType;
use kiji_export::{ExportOptions, Exporter, Format, RunManifest, Summary};
use std::path::Path;

/// Runs an export of the three sample documents and the failure.
fn export(dir: &Path, opts: &ExportOptions) -> Summary {
    let mut ex = Exporter::create(dir, opts).unwrap();
    ex.write(&japanese()).unwrap();
    ex.write(&formulas()).unwrap();
    ex.write(&failed()).unwrap();
    ex.write_failure(&failure()).unwrap();
    let manifest = RunManifest {
        version: "0.1.0".into(),
        options: serde_json::json!({"format": "jsonl,csv"}),
        inputs: vec!["seeds/".into()],
        started: "2025-02-10T09:30:00Z".into(),
        finished: "2025-02-10T09:30:02Z".into(),
        threads: 2,
        elapsed_secs: 2.0,
        bytes: 3_000_000,
    };
    ex.finish(&manifest).unwrap()
}

fn all_formats() -> ExportOptions {
    ExportOptions {
        formats: Format::ALL.to_vec(),
        ..ExportOptions::default()
    }
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Records of a CSV/TSV file, header included.
fn records(dir: &Path, name: &str, delimiter: u8) -> Vec<Vec<String>> {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The row whose column `col` is `value`.
fn row<'a>(rows: &'a [Vec<String>], col: usize, value: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[col] == value)
        .unwrap_or_else(|| panic!("no row with {value:?} in column {col}"))
}

#[test]
fn formats_parse_from_the_command_line() {
    assert_eq!(
        Format::parse_list("jsonl,csv").unwrap(),
        vec![Format::Jsonl, Format::Csv]
    );
    assert_eq!(
        Format::parse_list(" HTML , xlsx,html").unwrap(),
        vec![Format::Html, Format::Xlsx]
    );
    assert_eq!(Format::parse_list("all").unwrap(), Format::ALL.to_vec());
    assert!(Format::parse_list("pdf").is_err());
    assert!(Format::parse_list("").is_err());
    assert_eq!(
        ExportOptions::default().formats,
        vec![Format::Jsonl, Format::Csv]
    );
}

#[test]
fn the_default_run_writes_jsonl_csv_errors_and_manifest() {
    let dir = out_dir("default");
    export(&dir, &ExportOptions::default());
    assert_eq!(
        names(&dir),
        [
            "corpus.csv",
            "documents.csv",
            "documents.jsonl",
            "entities.csv",
            "errors.jsonl",
            "mentions.csv",
            "run.json",
            "summary.csv"
        ]
    );
}

#[test]
fn documents_jsonl_is_gold_shaped_and_keeps_exact_text() {
    let dir = out_dir("jsonl");
    export(&dir, &ExportOptions::default());
    let text = read(&dir, "documents.jsonl");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);

    let ja = &lines[0];
    assert_eq!(ja["id"], "seed-ja");
    assert_eq!(ja["text"], JA_TEXT);
    assert_eq!(ja["date"], "2025-02-10");
    assert_eq!(ja["metadata"]["url"], "https://example.com/a?b=1");
    assert_eq!(ja["lang"], "ja");
    assert_eq!(
        ja["shares"],
        serde_json::json!({"ja": 0.6123, "en": 0.3877})
    );
    assert_eq!(ja["sentences"], 2);
    assert_eq!(ja["tokens"], 30);
    assert_eq!(ja["encoding"], "UTF-8");
    assert!(ja.get("error").is_none());
    // Offsets are code points, as in the gold format.
    let chars: Vec<char> = JA_TEXT.chars().collect();
    for e in ja["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
    }
    let money = &ja["entities"][4];
    assert_eq!(money["type"], "MONEY");
    assert_eq!(money["norm"], "97400000000 USD");
    assert!(
        money.get("canonical").is_none(),
        "null canonical is omitted"
    );

    // JSONL is not a spreadsheet: formula-looking text stays exact.
    assert_eq!(lines[1]["id"], "=HYPERLINK(\"x\")");
    assert_eq!(lines[1]["entities"][0]["text"], "=SUM(A1)");
    assert_eq!(lines[2]["error"], "tokenizer failed: out of memory");

    // Key order is fixed: gold keys first.
    assert!(text.starts_with("{\"id\":\"seed-ja\",\"text\":"));
}

#[test]
fn the_same_input_gives_byte_identical_files() {
    let (a, b) = (out_dir("det-a"), out_dir("det-b"));
    export(&a, &all_formats());
    export(&b, &all_formats());
    for name in names(&a) {
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn csv_quotes_specials_and_neutralises_formulas_in_text_columns() {
    let dir = out_dir("csv");
    export(&dir, &ExportOptions::default());
    let mentions = records(&dir, "mentions.csv", b',');
    assert_eq!(
        mentions[0],
        [
            "doc_id",
            "start",
            "end",
            "type",
            "text",
            "canonical",
            "norm",
            "sentence",
            "sentence_lang",
            "source"
        ]
    );
    assert_eq!(mentions.len(), 1 + ENTITY_COUNT);

    let sum = row(&mentions, 4, "'=SUM(A1)");
    assert_eq!(sum[0], "'=HYPERLINK(\"x\")");
    assert_eq!(sum[5], "'=SUM(A1)");
    assert_eq!(sum[1], "0", "offsets are plain numbers");
    row(&mentions, 4, "'@cmd");
    row(&mentions, 4, "'-2+3");
    // A plain negative number is not a formula and is left alone.
    let pct = row(&mentions, 4, "-3.5");
    assert_eq!(pct[6], "-3.5");

    let softbank = row(&mentions, 4, "SoftBank");
    assert_eq!(softbank[5], "SoftBank Group");
    assert_eq!(softbank[7], "1");
    assert_eq!(softbank[8], "en");
    assert_eq!(row(&mentions, 4, "孫正義")[8], "ja");

    // Commas, quotes and a line break in a title survive a round trip.
    let docs = records(&dir, "documents.csv", b',');
    assert_eq!(
        docs[0],
        [
            "id",
            "title",
            "date",
            "lang",
            "shares",
            "chars",
            "sentences",
            "tokens",
            "entities",
            "encoding",
            "error"
        ]
    );
    let ja = row(&docs, 0, "seed-ja");
    assert_eq!(ja[1], "孫氏, \"974億ドル\"\n投資");
    assert_eq!(ja[4], "ja:0.61 en:0.39");
    assert_eq!(ja[5], JA_TEXT.chars().count().to_string());
    assert_eq!(ja[8], "7");
    assert_eq!(row(&docs, 0, "'=HYPERLINK(\"x\")")[1], "'@SUM(1)");
    assert_eq!(
        row(&docs, 0, "broken")[10],
        "tokenizer failed: out of memory"
    );

    // RFC 4180 line ends, and no BOM unless asked for.
    let raw = std::fs::read(dir.join("mentions.csv")).unwrap();
    assert!(raw.starts_with(b"doc_id,start"));
    assert!(raw.ends_with(b"\r\n"));
}

#[test]
fn raw_cells_turns_neutralisation_off() {
    let dir = out_dir("raw");
    let opts = ExportOptions {
        raw_cells: true,
        ..ExportOptions::default()
    };
    export(&dir, &opts);
    let mentions = records(&dir, "mentions.csv", b',');
    assert_eq!(row(&mentions, 4, "=SUM(A1)")[0], "=HYPERLINK(\"x\")");
    row(&mentions, 4, "@cmd");
    row(&mentions, 4, "-2+3");
}

#[test]
fn excel_mode_starts_every_table_with_a_bom() {
    let dir = out_dir("bom");
    let opts = ExportOptions {
        excel_bom: true,
        ..ExportOptions::default()
    };
    export(&dir, &opts);
    for name in [
        "mentions.csv",
        "documents.csv",
        "entities.csv",
        "corpus.csv",
        "summary.csv",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{name}");
    }
    // JSON is not for Excel: no BOM there.
    assert!(read(&dir, "documents.jsonl").starts_with('{'));
}

#[test]
fn tsv_mode_writes_tab_separated_tables() {
    let dir = out_dir("tsv");
    let opts = ExportOptions {
        tsv: true,
        ..ExportOptions::default()
    };
    export(&dir, &opts);
    let names = names(&dir);
    assert!(names.contains(&"mentions.tsv".to_string()));
    assert!(!names.iter().any(|n| n.ends_with(".csv")), "{names:?}");
    let text = read(&dir, "mentions.tsv");
    assert!(text.starts_with("doc_id\tstart\tend\ttype\t"));
    let mentions = records(&dir, "mentions.tsv", b'\t');
    assert_eq!(row(&mentions, 4, "974億ドル")[6], "97400000000 USD");
    assert_eq!(row(&mentions, 4, "'=SUM(A1)")[3], "PRODUCT");
}

#[test]
fn entities_and_corpus_group_mentions_by_canonical_name() {
    let dir = out_dir("groups");
    export(&dir, &ExportOptions::default());
    let entities = records(&dir, "entities.csv", b',');
    assert_eq!(
        entities[0],
        [
            "doc_id",
            "canonical",
            "type",
            "mentions",
            "surface_forms",
            "first_start"
        ]
    );
    let sb = row(&entities, 1, "SoftBank Group");
    assert_eq!(sb[0], "seed-ja");
    assert_eq!(sb[3], "2");
    assert_eq!(sb[4], "ソフトバンクグループ|SoftBank");
    assert_eq!(sb[5], "0");
    // Without a canonical the text is the name.
    assert_eq!(row(&entities, 1, "974億ドル")[2], "MONEY");

    let corpus = records(&dir, "corpus.csv", b',');
    assert_eq!(
        corpus[0],
        ["canonical", "type", "documents", "mentions", "languages"]
    );
    // Most mentioned first.
    assert_eq!(corpus[1], ["SoftBank Group", "ORG", "1", "2", "ja|en"]);
    assert_eq!(corpus.len(), 1 + ENTITY_COUNT - 1);

    let summary = records(&dir, "summary.csv", b',');
    assert_eq!(summary[0], ["metric", "key", "count"]);
    assert_eq!(row(&summary, 1, "read")[2], "4");
    assert_eq!(row(&summary, 1, "ORG")[2], "3");
    assert_eq!(row(&summary, 1, "EVENT")[2], "0");
    assert_eq!(row(&summary, 0, "errors")[2], "2");
}

#[test]
fn run_json_counts_reconcile() {
    let dir = out_dir("run");
    let summary = export(&dir, &ExportOptions::default());
    let run: serde_json::Value = serde_json::from_str(&read(&dir, "run.json")).unwrap();
    assert_eq!(run["version"], "0.1.0");
    assert_eq!(run["threads"], 2);
    assert_eq!(run["started"], "2025-02-10T09:30:00Z");
    assert_eq!(run["documents_read"], 4);
    assert_eq!(run["documents_processed"], 2);
    assert_eq!(run["documents_failed"], 2);
    assert_eq!(run["entities"], ENTITY_COUNT);
    assert_eq!(run["entities_by_type"]["ORG"], 3);
    assert_eq!(run["entities_by_type"]["EVENT"], 0);
    assert_eq!(run["entities_by_lang"]["en"], 6);

    // read = processed + failed; failed = lines of errors.jsonl;
    // entities = rows of mentions.csv.
    assert_eq!(
        summary.documents_read,
        summary.documents_processed + summary.documents_failed
    );
    let errors: Vec<serde_json::Value> = read(&dir, "errors.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), summary.documents_failed);
    assert_eq!(errors[0]["id"], "broken");
    assert_eq!(
        errors[0]["source"],
        serde_json::json!({"path": "dump.jsonl", "line": 7})
    );
    assert_eq!(
        errors[1]["reason"],
        "malformed JSON: expected value at column 1"
    );
    assert_eq!(
        records(&dir, "mentions.csv", b',').len() - 1,
        summary.entities
    );
    assert_eq!(
        summary.entities_by_type.values().sum::<usize>(),
        summary.entities
    );
    assert_eq!(summary.entities_by_type[&EntityType::Person], 2);
}

#[test]
fn the_summary_table_lines_up() {
    let dir = out_dir("table");
    let summary = export(&dir, &ExportOptions::default());
    let table = summary.table();
    let line = |label: &str| {
        table
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} in\n{table}"))
            .to_string()
    };
    assert!(line("documents").ends_with(" 4"), "{table}");
    assert!(line("  PERSON").ends_with(" 2"), "{table}");
    assert!(line("languages").ends_with(" en 6, ja 5"), "{table}");
    assert!(line("throughput").ends_with(" 1.50 MB/s"), "{table}");
    // Every line has the same width: labels left, values right.
    let widths: Vec<usize> = table.lines().map(|l| l.chars().count()).collect();
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table}");
}

#[test]
fn nothing_complete_looking_exists_before_finish() {
    let dir = out_dir("atomic");
    let mut ex = Exporter::create(&dir, &all_formats()).unwrap();
    ex.write(&japanese()).unwrap();
    for name in names(&dir) {
        assert!(name.starts_with('.') && name.ends_with(".tmp"), "{name}");
    }
    ex.finish(&RunManifest::default()).unwrap();
    let names = names(&dir);
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    assert!(names.contains(&"kiji.xlsx".to_string()));
    assert!(names.contains(&"report.html".to_string()));
}

#[test]
fn abort_removes_the_temporary_files() {
    let dir = out_dir("abort");
    let mut ex = Exporter::create(&dir, &all_formats()).unwrap();
    ex.write(&japanese()).unwrap();
    assert!(!names(&dir).is_empty());
    ex.abort();
    assert!(names(&dir).is_empty(), "{:?}", names(&dir));
}

#[test]
fn a_missing_output_directory_is_an_error_that_names_it() {
    let dir = out_dir("missing").join("nope");
    let err = Exporter::create(&dir, &ExportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");
}

#[test]
fn rfc3339_timestamps() {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_739_179_800);
    assert_eq!(kiji_export::rfc3339(t), "2025-02-10T09:30:00Z");
}
