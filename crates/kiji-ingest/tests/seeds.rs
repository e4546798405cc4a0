//! The sample articles shipped with the repository stay readable.

use kiji_ingest::{open, IngestOptions, Record};
use std::path::PathBuf;

#[test]
fn seeds_folder_gives_four_documents_named_by_file() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let records: Vec<Record> = open(std::slice::from_ref(&seeds), &IngestOptions::default())
        .expect("seeds folder exists")
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds folder is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| match r {
            Record::Doc(doc) => doc.id.as_str(),
            Record::Failed(f) => panic!("seed failed: {f:?}"),
        })
        .collect();
    assert_eq!(ids, names);
    for record in &records {
        if let Record::Doc(doc) = record {
            assert_eq!(doc.encoding.as_deref(), Some("UTF-8"));
            assert_eq!(doc.replaced_bytes, 0);
            assert!(!doc.text.is_empty());
            assert!(!doc.text.starts_with("---"), "front matter removed");
        }
    }
    // The first seed has front matter: its keys become metadata.
    let Record::Doc(first) = &records[0] else {
        unreachable!("checked above")
    };
    assert!(first
        .date_str()
        .is_some_and(|d| d.starts_with("2025-11-03")));
    assert!(first.metadata["tags"].is_array());
    assert!(first.meta_text("title").is_some());
}
