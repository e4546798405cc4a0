//! Spreadsheet gold: sets of (document, type, key) compared per document.

use kiji_core::EntityType::{self, *};
use kiji_eval::{parse_sheet_gold, score_sheet, GoldDoc, GoldEntity, LabelMap, SheetKey};
use std::path::Path;

fn ent(ty: EntityType, text: &str, canonical: Option<&str>) -> GoldEntity {
    GoldEntity {
        start: 0,
        end: 0,
        ty,
        text: text.into(),
        canonical: canonical.map(String::from),
        norm: None,
    }
}

fn pred(id: &str, entities: Vec<GoldEntity>) -> GoldDoc {
    GoldDoc {
        id: id.into(),
        entities,
        ..GoldDoc::default()
    }
}

#[test]
fn text_keys_fold_case_and_space_and_count_repeats_once() {
    let csv = "doc_id,type,text\n\
               a,ORG,OpenAI\n\
               a,PERSON,Sam  Altman\n\
               b,LOCATION,Japan\n\
               c,,\n";
    let sheet = parse_sheet_gold(csv.as_bytes(), Path::new("s.csv"), None).unwrap();
    assert_eq!(sheet.key, SheetKey::Text);
    assert_eq!(sheet.docs, vec!["a", "b", "c"]);
    let preds = vec![
        // "openai" twice: one tp. "sam altman": tp after folding.
        pred(
            "a",
            vec![
                ent(Org, "openai", None),
                ent(Org, "OpenAI", None),
                ent(Person, "sam altman", None),
            ],
        ),
        // Japan predicted as ORG: one fp (ORG) and one fn (LOCATION).
        pred("b", vec![ent(Org, "Japan", None)]),
        // c declared with no entity: a prediction there is a false positive.
        pred("c", vec![ent(Product, "ChatGPT", None)]),
    ];
    let r = score_sheet(&sheet, &preds, None);
    // tp 2, fp 2, fn 1 → P 0.5, R 2/3, F1 4/7.
    assert_eq!((r.micro.tp, r.micro.fp, r.micro.fn_), (2, 2, 1));
    assert_eq!(r.micro.precision(), 0.5);
    assert!((r.micro.f1() - 4.0 / 7.0).abs() < 1e-9);
    assert_eq!(r.types, vec![Person, Org, Location, Product]);
    assert_eq!((r.per_type[&Org].tp, r.per_type[&Org].fp), (1, 1));
    assert!(r.table().contains("micro"));
}

#[test]
fn canonical_keys_fall_back_to_text_and_types_filter() {
    let csv = "doc_id,type,canonical,note\n\
               a,ORG,SoftBank Group,x\n\
               a,PERSON,Masayoshi Son,\n\
               a,DATE,2025,\n";
    let sheet = parse_sheet_gold(csv.as_bytes(), Path::new("s.csv"), None).unwrap();
    assert_eq!(sheet.key, SheetKey::Canonical);
    let preds = vec![pred(
        "a",
        vec![
            ent(Org, "ソフトバンクグループ", Some("SoftBank Group")),
            // No canonical: compared by its text.
            ent(Person, "Masayoshi Son", None),
            ent(Date, "2024年", None),
        ],
    )];
    let r = score_sheet(&sheet, &preds, Some(&[Person, Org]));
    // DATE filtered out on both sides: tp 2, fp 0, fn 0.
    assert_eq!((r.micro.tp, r.micro.fp, r.micro.fn_), (2, 0, 0));
    assert_eq!(r.types, vec![Person, Org]);
}

#[test]
fn missing_documents_and_mapped_labels() {
    let csv = "doc_id,type,text\na,人名,孫正義\nb,地名,東京\nb,OPTIONAL,首都圏\n";
    assert!(parse_sheet_gold(csv.as_bytes(), Path::new("s.csv"), None)
        .unwrap_err()
        .to_string()
        .starts_with("s.csv:2:"));
    let map = LabelMap::parse(
        "人名=PERSON\n地名=LOCATION\nOPTIONAL=IGNORE\n",
        Path::new("m"),
    )
    .unwrap();
    let sheet = parse_sheet_gold(csv.as_bytes(), Path::new("s.csv"), Some(&map)).unwrap();
    // Only b is predicted; 首都圏 is ignored, so predicting it costs nothing.
    let preds = vec![pred(
        "b",
        vec![ent(Location, "東京", None), ent(Location, "首都圏", None)],
    )];
    let r = score_sheet(&sheet, &preds, None);
    // tp 1 (東京), fp 0, fn 1 (孫正義 of the missing a) → P 1, R 0.5.
    assert_eq!((r.micro.tp, r.micro.fp, r.micro.fn_), (1, 0, 1));
    assert_eq!(r.micro.recall(), 0.5);
    assert_eq!(r.missing_docs, vec!["a".to_string()]);
}

#[test]
fn header_must_name_the_columns() {
    let err = parse_sheet_gold("id,label,text\n".as_bytes(), Path::new("s.csv"), None).unwrap_err();
    assert!(err.to_string().contains("doc_id"), "{err}");
}
