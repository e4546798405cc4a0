//! `Extractor::extract_parallel` runs the recognisers side by side and must
//! find exactly what `Extractor::extract` finds.

mod common;

use kiji_extract::DocContext;

#[test]
fn recognisers_side_by_side_find_what_they_find_one_after_another() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let text: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed article"))
        .collect();
    let text = text.join("\n\n");
    let ex = kiji_extract::standard_extractor(&[], true).expect("shipped gazetteer");
    let a = common::analyse(common::tokenizer(), &text).expect("tokenises");
    let cx = DocContext {
        text: &text,
        sentences: &a.sentences,
        tokens: &a.tokens,
        date: None,
        offsets: &a.offsets,
    };
    let one_after_another = ex.extract(&cx);
    assert!(one_after_another.len() > 50, "the seeds name many things");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("a pool");
    let side_by_side = pool.install(|| ex.extract_parallel(&cx));
    assert_eq!(side_by_side, one_after_another);
}
