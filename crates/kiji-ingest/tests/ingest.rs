//! Reading real files: each test builds its inputs in a temporary folder.

use encoding_rs::{Encoding, EUC_JP, ISO_2022_JP, SHIFT_JIS};
use kiji_core::{Document, Failure};
use kiji_ingest::{open, IngestError, IngestOptions, Reader, Record};
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

const ARTICLE: &str = "ソフトバンクグループは2024年3月、東京で新サービスを発表した。";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&path, bytes).expect("write input");
    path
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn read(inputs: &[PathBuf], opts: &IngestOptions) -> Vec<Record> {
    open(inputs, opts).expect("inputs exist").collect()
}

fn read_default(input: &Path) -> Vec<Record> {
    read(&[input.to_owned()], &IngestOptions::default())
}

fn doc(record: &Record) -> &Document {
    match record {
        Record::Doc(doc) => doc,
        Record::Failed(failure) => panic!("expected a document, got {failure:?}"),
    }
}

fn failed(record: &Record) -> &Failure {
    match record {
        Record::Failed(failure) => failure,
        Record::Doc(doc) => panic!("expected a failure, got document {:?}", doc.id),
    }
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn text_files_in_every_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(ARTICLE.as_bytes());
    let cases: [(&str, Vec<u8>, &str); 7] = [
        ("1-utf8.txt", ARTICLE.as_bytes().to_vec(), "UTF-8"),
        ("2-utf8-bom.txt", bom, "UTF-8"),
        ("3-utf16le.txt", utf16(ARTICLE, true), "UTF-16LE"),
        ("4-utf16be.txt", utf16(ARTICLE, false), "UTF-16BE"),
        ("5-sjis.txt", encode(SHIFT_JIS, ARTICLE), "Shift_JIS"),
        ("6-eucjp.txt", encode(EUC_JP, ARTICLE), "EUC-JP"),
        (
            "7-iso2022jp.txt",
            encode(ISO_2022_JP, ARTICLE),
            "ISO-2022-JP",
        ),
    ];
    for (name, bytes, _) in &cases {
        write(dir.path(), name, bytes);
    }
    let records = read_default(dir.path());
    assert_eq!(records.len(), cases.len());
    for (record, (name, _, encoding)) in records.iter().zip(&cases) {
        let doc = doc(record);
        assert_eq!(doc.id, *name);
        assert_eq!(doc.text, ARTICLE, "{name}: BOM stripped, text intact");
        assert_eq!(doc.encoding.as_deref(), Some(*encoding), "{name}");
        assert_eq!(doc.replaced_bytes, 0, "{name}");
    }
}

#[test]
fn invalid_bytes_are_replaced_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFE tail");
    let path = write(dir.path(), "bad.txt", &bytes);
    let records = read_default(&path);
    let doc = doc(&records[0]);
    assert_eq!(doc.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(doc.replaced_bytes, 2);
    assert!(doc.text.starts_with(ARTICLE));
}

#[test]
fn forced_encoding_and_unknown_label() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "a.txt", &encode(EUC_JP, "東京"));
    let opts = IngestOptions {
        encoding: Some("euc-jp".to_owned()),
        ..IngestOptions::default()
    };
    let records = read(std::slice::from_ref(&path), &opts);
    assert_eq!(doc(&records[0]).text, "東京");
    assert_eq!(doc(&records[0]).encoding.as_deref(), Some("EUC-JP"));

    let opts = IngestOptions {
        encoding: Some("klingon".to_owned()),
        ..IngestOptions::default()
    };
    assert!(matches!(
        open(&[path], &opts),
        Err(IngestError::UnknownEncoding { .. })
    ));
}

#[test]
fn crlf_is_kept_only_the_bom_goes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "a.txt", b"\xEF\xBB\xBFline one\r\nline two\r\n");
    let records = read_default(&path);
    assert_eq!(doc(&records[0]).text, "line one\r\nline two\r\n");
}

#[test]
fn front_matter_becomes_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    let markdown = "---\ntitle: \"東京の話\"\ndate: 2025-02-10\nauthor: 山田\ntags:\n  - AI\n  - 投資\nurl: https://example.com/a\npublished: 2025-02-11\n---\n本文です。\n";
    let path = write(dir.path(), "post.md", markdown.as_bytes());
    let records = read_default(&path);
    let doc = doc(&records[0]);
    assert_eq!(doc.text, "本文です。\n");
    assert_eq!(doc.metadata["title"], json!("東京の話"));
    assert_eq!(doc.date_str(), Some("2025-02-10"));
    assert_eq!(doc.metadata["author"], json!("山田"));
    assert_eq!(doc.metadata["tags"], json!(["AI", "投資"]));
    assert_eq!(doc.metadata["url"], json!("https://example.com/a"));

    // Another field can be named as the document date.
    let opts = IngestOptions {
        date_field: Some("published".to_owned()),
        ..IngestOptions::default()
    };
    let records = read(&[path], &opts);
    assert_eq!(records.len(), 1);
    assert_eq!(self::doc(&records[0]).date_str(), Some("2025-02-11"));
}

#[test]
fn jsonl_good_and_bad_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long_text = "x".repeat(300);
    let lines = [
        r#"{"id": "a1", "text": "first", "title": "T", "date": "2024-01-02", "score": 3}"#
            .to_owned(),
        String::new(), // blank: skipped, still a line
        r#"{"text": "no id"}"#.to_owned(),
        r#"{"id": 7, "text": "numeric id"#.to_owned(), // malformed
        r#"{"id": 8, "title": "no text"}"#.to_owned(),
        r#"{"id": 9, "text": ["not", "a", "string"]}"#.to_owned(),
        format!(r#"{{"id": 10, "text": "{long_text}"}}"#),
        r#"[1, 2]"#.to_owned(),
        r#"{"id": 11, "body": "from body"}"#.to_owned(),
        "   ".to_owned(),
        r#"{"id": 12, "text": "  "}"#.to_owned(),
        r#"{"id": "last", "text": "still read"}"#.to_owned(),
    ];
    write(dir.path(), "dump.jsonl", lines.join("\n").as_bytes());
    let opts = IngestOptions {
        max_line_bytes: 200,
        ..IngestOptions::default()
    };
    // Ids fall back to the path relative to the folder given, and the line.
    let records = read(&[dir.path().to_owned()], &opts);
    let summary: Vec<(Option<u64>, String, bool)> = records
        .iter()
        .map(|r| match r {
            Record::Doc(d) => (d.source.line, d.id.clone(), true),
            Record::Failed(f) => (f.source.line, f.id.clone().unwrap_or_default(), false),
        })
        .collect();
    let expect = |line: u64, id: &str, ok: bool| (Some(line), id.to_owned(), ok);
    assert_eq!(
        summary,
        [
            expect(1, "a1", true),
            expect(3, "dump.jsonl:3", true),
            expect(4, "dump.jsonl:4", false),
            expect(5, "8", false),
            expect(6, "9", false),
            expect(7, "dump.jsonl:7", false),
            expect(8, "dump.jsonl:8", false),
            expect(9, "11", true),
            expect(11, "12", true),
            expect(12, "last", true),
        ]
    );
    let first = doc(&records[0]);
    assert_eq!(first.text, "first");
    assert_eq!(first.metadata["title"], json!("T"));
    assert_eq!(first.metadata["score"], json!(3));
    assert_eq!(first.date_str(), Some("2024-01-02"));
    assert!(!first.metadata.contains_key("id"));
    assert!(!first.metadata.contains_key("text"));
    assert!(failed(&records[2]).reason.starts_with("malformed JSON"));
    assert!(failed(&records[3]).reason.contains("no text field"));
    assert!(failed(&records[4]).reason.contains("not a string"));
    assert!(failed(&records[5]).reason.contains("longer than 200 bytes"));
    assert!(failed(&records[6]).reason.contains("not a JSON object"));
    assert_eq!(doc(&records[7]).text, "from body");
    assert_eq!(doc(&records[8]).text, "", "whitespace-only text is empty");
}

#[test]
fn jsonl_fields_can_be_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = r#"{"uid": "u1", "article": "本文", "text": 1, "published": "2025-01-01"}"#;
    let path = write(dir.path(), "d.ndjson", line.as_bytes());
    let opts = IngestOptions {
        text_field: Some("article".to_owned()),
        id_field: Some("uid".to_owned()),
        date_field: Some("published".to_owned()),
        ..IngestOptions::default()
    };
    let records = read(&[path], &opts);
    let doc = doc(&records[0]);
    assert_eq!((doc.id.as_str(), doc.text.as_str()), ("u1", "本文"));
    assert_eq!(doc.date_str(), Some("2025-01-01"));
    assert_eq!(doc.metadata["text"], json!(1));
}

#[test]
fn jsonl_in_legacy_encodings_and_utf16() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dump = format!(
        "{{\"id\": 1, \"text\": \"{ARTICLE}\"}}\n{{\"id\": 2, \"text\": \"ascii only\"}}\n{{\"id\": 3, \"text\": \"東京\"}}\n"
    );
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("sjis.jsonl", encode(SHIFT_JIS, &dump), "Shift_JIS"),
        ("euc.jsonl", encode(EUC_JP, &dump), "EUC-JP"),
        ("le.jsonl", utf16(&dump, true), "UTF-16LE"),
        ("be.jsonl", utf16(&dump, false), "UTF-16BE"),
    ];
    for (name, bytes, encoding) in cases {
        let path = write(dir.path(), name, &bytes);
        let records = read_default(&path);
        let texts: Vec<&str> = records.iter().map(|r| doc(r).text.as_str()).collect();
        assert_eq!(texts, [ARTICLE, "ascii only", "東京"], "{name}");
        assert_eq!(doc(&records[0]).encoding.as_deref(), Some(encoding));
        assert_eq!(doc(&records[2]).source.line, Some(3));
    }
}

#[test]
fn csv_and_tsv_dumps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = "id,title,text,date\n\
               a,First,\"multi\nline, with comma\",2024-05-01\n\
               b,Short row\n\
               ,No id,third,\n";
    let path = write(dir.path(), "d.csv", csv.as_bytes());
    let records = read_default(&path);
    assert_eq!(records.len(), 3);
    let first = doc(&records[0]);
    assert_eq!(first.id, "a");
    assert_eq!(first.text, "multi\nline, with comma");
    assert_eq!(first.metadata["title"], json!("First"));
    assert_eq!(first.date_str(), Some("2024-05-01"));
    assert_eq!(first.source.line, Some(2));
    let short = failed(&records[1]);
    assert_eq!(short.source.line, Some(4));
    assert!(short.reason.contains("2 fields"), "{}", short.reason);
    let third = doc(&records[2]);
    // For a file named directly, the path as given, and the line.
    assert_eq!(third.id, format!("{}:5", path.display()));
    assert_eq!(third.text, "third");
    assert!(
        !third.metadata.contains_key("date"),
        "empty cells are absent"
    );

    let tsv = encode(SHIFT_JIS, &format!("body\tsource\n{ARTICLE}\t共同通信\n"));
    let path = write(dir.path(), "d.tsv", &tsv);
    let records = read_default(&path);
    let doc = doc(&records[0]);
    assert_eq!(doc.text, ARTICLE);
    assert_eq!(doc.metadata["source"], json!("共同通信"));
    assert_eq!(doc.encoding.as_deref(), Some("Shift_JIS"));

    let path = write(dir.path(), "none.csv", b"title,url\nx,y\n");
    let records = read_default(&path);
    assert_eq!(records.len(), 1);
    assert!(failed(&records[0]).reason.contains("no text column"));
}

#[test]
fn gzip_and_zstd_are_read_transparently() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonl = format!("{{\"id\": \"z\", \"text\": \"{ARTICLE}\"}}\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(ARTICLE.as_bytes()).expect("in memory");
    write(dir.path(), "a.txt.gz", &gz.finish().expect("in memory"));
    let zst = zstd::encode_all(jsonl.as_bytes(), 3).expect("in memory");
    write(dir.path(), "b.jsonl.zst", &zst);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&encode(SHIFT_JIS, ARTICLE))
        .expect("in memory");
    write(dir.path(), "c.md.gz", &gz.finish().expect("in memory"));
    write(dir.path(), "d.txt.gz", b"not gzip at all");

    let records = read_default(dir.path());
    assert_eq!(doc(&records[0]).id, "a.txt.gz");
    assert_eq!(doc(&records[0]).text, ARTICLE);
    assert_eq!(doc(&records[1]).id, "z");
    assert_eq!(doc(&records[1]).text, ARTICLE);
    assert_eq!(doc(&records[2]).encoding.as_deref(), Some("Shift_JIS"));
    assert_eq!(doc(&records[2]).text, ARTICLE);
    assert_eq!(failed(&records[3]).id.as_deref(), Some("d.txt.gz"));
}

#[test]
fn binary_empty_and_blank_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a-image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(dir.path(), "b-nul.md", b"text\0more");
    write(dir.path(), "c-empty.txt", b"");
    write(dir.path(), "d-blank.txt", b"  \n\t\n");
    write(dir.path(), "e-binary.jsonl", b"{\"text\": \"a\0\"}");
    let records = read_default(dir.path());
    assert_eq!(records.len(), 5);
    for i in [0, 1, 4] {
        assert_eq!(failed(&records[i]).reason, "binary file skipped");
    }
    for i in [2, 3] {
        assert_eq!(doc(&records[i]).text, "");
    }
}

#[test]
fn folders_walk_in_sorted_order_taking_article_files_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "b.txt",
        "a/z.md",
        "a/b/c.markdown",
        "a.txt",
        "c/d.jsonl",
        "image.png",
        "notes",
        "x.csv.gz",
    ] {
        let bytes: &[u8] = match name {
            "c/d.jsonl" => b"{\"text\": \"j\"}\n",
            "x.csv.gz" => continue,
            _ => b"t",
        };
        write(dir.path(), name, bytes);
    }
    let records = read_default(dir.path());
    let ids: Vec<&str> = records.iter().map(|r| doc(r).id.as_str()).collect();
    // Each folder's entries by name: `a` sorts before `a.txt`.
    assert_eq!(
        ids,
        ["a/b/c.markdown", "a/z.md", "a.txt", "b.txt", "c/d.jsonl:1"]
    );
}

#[test]
fn a_file_named_explicitly_is_read_whatever_its_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "article.html", b"<p>hello</p>");
    let records = read_default(&path);
    let doc = doc(&records[0]);
    assert_eq!(doc.id, path.to_string_lossy());
    assert_eq!(doc.source.path, path.to_string_lossy());
    assert_eq!(doc.text, "<p>hello</p>");
}

#[test]
fn missing_top_level_input_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope");
    assert!(matches!(
        open(&[missing], &IngestOptions::default()),
        Err(IngestError::NotFound { .. })
    ));
}

#[cfg(unix)]
#[test]
fn broken_symlinks_and_loops_are_reported_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", b"a");
    symlink(
        dir.path().join("missing.txt"),
        dir.path().join("b-broken.txt"),
    )
    .expect("symlink");
    std::fs::create_dir(dir.path().join("c")).expect("mkdir");
    symlink(dir.path(), dir.path().join("c/loop")).expect("symlink");
    write(dir.path(), "d.txt", b"d");
    let records = read_default(dir.path());
    assert_eq!(records.len(), 4, "{records:?}");
    assert_eq!(doc(&records[0]).id, "a.txt");
    assert_eq!(failed(&records[1]).reason, "broken symlink");
    assert_eq!(failed(&records[1]).id.as_deref(), Some("b-broken.txt"));
    assert!(failed(&records[2]).reason.starts_with("symlink loop"));
    assert_eq!(failed(&records[2]).id.as_deref(), Some("c/loop"));
    assert_eq!(doc(&records[3]).id, "d.txt");
}

#[test]
fn streams_read_as_text_or_jsonl() {
    let text = Reader::from_reader("-", &b"# A title\nbody"[..], &IngestOptions::default())
        .expect("default options");
    let records: Vec<Record> = text.collect();
    assert_eq!(records.len(), 1);
    assert_eq!(doc(&records[0]).id, "-");
    assert_eq!(doc(&records[0]).text, "# A title\nbody");

    let dump = b"\n{\"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n";
    let records: Vec<Record> = Reader::from_reader("-", &dump[..], &IngestOptions::default())
        .expect("default options")
        .collect();
    let ids: Vec<&str> = records.iter().map(|r| doc(r).id.as_str()).collect();
    assert_eq!(ids, ["-:2", "b"]);
}

/// Gives one good line, then fails: reading must be lazy (the first record
/// comes before the failure is met) and the failure reported, not raised.
struct FailsAfterFirstLine(bool);

impl Read for FailsAfterFirstLine {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if std::mem::replace(&mut self.0, true) {
            return Err(std::io::Error::other("disk on fire"));
        }
        let line = b"{\"text\": \"ok\"}\n";
        buf[..line.len()].copy_from_slice(line);
        Ok(line.len())
    }
}

#[test]
fn read_errors_mid_dump_become_failures() {
    let mut reader = Reader::from_reader(
        "feed",
        FailsAfterFirstLine(false),
        &IngestOptions::default(),
    )
    .expect("default options");
    // The prefix sniffing already met the error; what was read still counts.
    let first = reader.next().expect("a record");
    let all: Vec<Record> = std::iter::once(first).chain(reader).collect();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(doc(&all[0]).text, "ok");
    let failure = failed(&all[1]);
    assert_eq!(failure.source.line, Some(2));
    assert!(failure.reason.contains("disk on fire"));
}

#[test]
fn progress_reaches_total_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(
        dir.path(),
        "b.jsonl",
        b"{\"text\": \"x\"}\n{\"text\": \"y\"}\n",
    );
    write(dir.path(), "c.txt", b"\0binary");
    let reader = open(&[dir.path().to_owned()], &IngestOptions::default()).expect("exists");
    let total = reader.total_bytes().expect("files only");
    assert_eq!(total, (ARTICLE.len() + 28 + 7) as u64);
    let progress = reader.progress();
    assert_eq!(reader.count(), 4);
    assert_eq!(progress.load(Ordering::Relaxed), total);

    let stdin = open(&[PathBuf::from("-")], &IngestOptions::default()).expect("stdin");
    assert_eq!(stdin.total_bytes(), None);
}

#[test]
fn reader_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Reader>();
    assert_send::<Record>();
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_failures() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "a.txt", b"secret");
    write(dir.path(), "b.txt", b"b");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions are not enforced, nothing to test.
        return;
    }
    let records = read_default(dir.path());
    assert!(failed(&records[0]).reason.starts_with("cannot open"));
    assert_eq!(doc(&records[1]).id, "b.txt");
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_still_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    // "記事.txt" in Shift_JIS, as an old archive might name it.
    let mut name = encode(SHIFT_JIS, "記事");
    name.extend_from_slice(b".txt");
    let path = dir.path().join(std::ffi::OsStr::from_bytes(&name));
    std::fs::write(&path, "本文").expect("write input");
    let records = read_default(dir.path());
    let doc = doc(&records[0]);
    assert_eq!(doc.text, "本文");
    assert!(doc.id.ends_with(".txt"));
}
