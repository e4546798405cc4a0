//! The workbook read back as Excel would see it, and the HTML report.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use kiji_export::{ExportOptions, Exporter, Format, RunManifest};
use std::path::Path;

fn export(dir: &Path, formats: &[Format]) {
    let opts = ExportOptions {
        formats: formats.to_vec(),
        ..ExportOptions::default()
    };
    let mut ex = Exporter::create(dir, &opts).unwrap();
    ex.write(&japanese()).unwrap();
    ex.write(&formulas()).unwrap();
    ex.write(&failed()).unwrap();
    ex.write_failure(&failure()).unwrap();
    ex.finish(&RunManifest::default()).unwrap();
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => panic!("expected a string cell, got {other:?}"),
    }
}

#[test]
fn the_workbook_has_typed_cells_on_five_sheets() {
    let dir = out_dir("xlsx");
    export(&dir, &[Format::Xlsx]);
    let names = names(&dir);
    assert!(
        !names.iter().any(|n| n.ends_with(".csv")),
        "xlsx alone: {names:?}"
    );
    let mut book: Xlsx<_> = open_workbook(dir.join("kiji.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["documents", "mentions", "entities", "corpus", "summary"]
    );

    let mentions = book.worksheet_range("mentions").unwrap();
    let header: Vec<String> = mentions.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(
        header,
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
            "source",
            "amount",
            "currency",
            "date"
        ]
    );
    let rows: Vec<&[Data]> = mentions.rows().skip(1).collect();
    assert_eq!(rows.len(), ENTITY_COUNT);
    let by_text = |t: &str| {
        *rows
            .iter()
            .find(|r| r[4] == Data::String(t.into()))
            .unwrap_or_else(|| panic!("no mention {t:?}"))
    };

    let money = by_text("974億ドル");
    assert_eq!(
        money[10],
        Data::Float(97_400_000_000.0),
        "amount is a number"
    );
    assert_eq!(money[11], Data::String("USD".into()));
    assert!(matches!(money[1], Data::Float(_)), "offsets are numbers");

    let date = by_text("2025年2月10日");
    match &date[12] {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            // 2025-02-10 is day 45698 of Excel's 1900 calendar.
            assert_eq!(d.as_f64(), 45698.0);
        }
        other => panic!("expected a date, got {other:?}"),
    }

    // Formula-looking text is a plain string cell, not a formula, and not
    // prefixed: a text cell is already safe.
    let formula = by_text("=SUM(A1)");
    assert_eq!(formula[0], Data::String("=HYPERLINK(\"x\")".into()));
    assert!(book
        .worksheet_formula("mentions")
        .unwrap()
        .used_cells()
        .next()
        .is_none());
    assert_eq!(by_text("-3.5")[6], Data::String("-3.5".into()));

    let docs = book.worksheet_range("documents").unwrap();
    let ja = docs.rows().nth(1).unwrap();
    assert_eq!(ja[1], Data::String("孫氏, \"974億ドル\"\n投資".into()));
    assert_eq!(ja[8], Data::Float(7.0));

    let corpus = book.worksheet_range("corpus").unwrap();
    let top: Vec<String> = corpus
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(top, ["SoftBank Group", "ORG", "1", "2", "ja|en"]);

    let summary = book.worksheet_range("summary").unwrap();
    assert!(summary
        .rows()
        .any(|r| r[0] == Data::String("errors".into()) && r[2] == Data::Float(2.0)));
}

#[test]
fn the_workbook_freezes_and_filters_its_headers() {
    let dir = out_dir("xlsx-xml");
    export(&dir, &[Format::Xlsx]);
    // calamine does not read panes or filters, so look at the sheet's XML;
    // the container is deflated, and `unzip` is on every Debian machine.
    let out = std::process::Command::new("unzip")
        .arg("-p")
        .arg(dir.join("kiji.xlsx"))
        .arg("xl/worksheets/sheet2.xml")
        .output();
    let xml = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        _ => {
            eprintln!("skipped: `unzip` is not available to read the sheet XML");
            return;
        }
    };
    assert!(xml.contains("state=\"frozen\""), "frozen header row");
    // Header plus 11 mentions, 13 columns.
    assert!(
        xml.contains("<autoFilter ref=\"A1:M12\""),
        "autofilter: {xml}"
    );
}

#[test]
fn the_report_is_one_self_contained_file() {
    let dir = out_dir("html");
    export(&dir, &[Format::Html]);
    assert_eq!(names(&dir), ["errors.jsonl", "report.html", "run.json"]);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();

    // Nothing is fetched at view time.
    for attr in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "href='http",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(attr), "{attr} in report");
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("data-total-entities=\"11\""));
    assert!(html.contains("data-page1-entities=\"11\""));
    assert!(html.contains("data-page-size=\"50\""));

    // Article text cannot end the data script or break the JavaScript.
    let data_start = html.find("id=\"kiji-data\">").unwrap();
    let data_end = data_start + html[data_start..].find("</script>").unwrap();
    let data = &html[data_start + "id=\"kiji-data\">".len()..data_end];
    assert!(!data.contains('<') && !data.contains('\u{2028}'));
    let docs: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 3);
    // Segments rebuild the text exactly; entities carry type, canonical, norm.
    let seg = docs[0]["seg"].as_array().unwrap();
    let rebuilt: String = seg
        .iter()
        .map(|s| {
            s.as_str()
                .map_or_else(|| s[1].as_str().unwrap().to_string(), String::from)
        })
        .collect();
    assert_eq!(rebuilt, JA_TEXT);
    assert!(seg.contains(&serde_json::json!([
        "MONEY",
        "974億ドル",
        "",
        "97400000000 USD"
    ])));
    assert!(seg.contains(&serde_json::json!([
        "PERSON",
        "孫正義",
        "Masayoshi Son",
        ""
    ])));
    assert_eq!(
        docs[1]["seg"][0],
        serde_json::json!(["PRODUCT", "=SUM(A1)", "=SUM(A1)", ""])
    );

    // Charts, filters and mark styles for every type.
    assert!(html.contains("id=\"chart-types\"") && html.contains("id=\"chart-top\""));
    assert!(html.contains("SoftBank Group (ORG)"));
    for ty in [
        "PERSON", "ORG", "LOCATION", "PRODUCT", "EVENT", "DATE", "TIME", "MONEY", "PERCENT",
        "QUANTITY",
    ] {
        assert!(
            html.contains(&format!("data-filter=\"{ty}\"")),
            "{ty} filter"
        );
        assert!(html.contains(&format!("mark.ent-{ty}")), "{ty} style");
    }
    assert!(html.contains("\"mark\", \"ent ent-\""));
    assert!(html.contains("dataset.jsError"));
}

#[test]
fn the_report_counts_only_the_first_page() {
    let dir = out_dir("html-pages");
    let opts = ExportOptions {
        formats: vec![Format::Html],
        ..ExportOptions::default()
    };
    let mut ex = Exporter::create(&dir, &opts).unwrap();
    for _ in 0..60 {
        ex.write(&japanese()).unwrap();
    }
    ex.finish(&RunManifest::default()).unwrap();
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("data-total-entities=\"420\""));
    assert!(html.contains("data-page1-entities=\"350\""));
    assert!(html.contains("data-documents=\"60\""));
}
