//! Renders the report in headless Chromium through `scripts/html-check`.
//!
//! Runs only where `chromium` is on PATH (CI installs it); elsewhere each
//! test passes with a note on stderr.

mod common;

use common::*;
use kiji_export::{ExportOptions, Exporter, Format, RunManifest};
use std::path::{Path, PathBuf};
use std::process::Command;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/html-check")
}

fn chromium_available() -> bool {
    let found = ["chromium", "chromium-browser"].iter().any(|b| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {b}"))
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !found {
        eprintln!("skipped: chromium is not on PATH (scripts/html-check installs it in CI)");
    }
    found
}

fn run_check(report: &Path, docs: Option<&Path>, out: &Path) -> std::process::Output {
    let mut cmd = Command::new("bash");
    cmd.arg(script()).arg(report);
    cmd.arg(docs.unwrap_or(Path::new("/nonexistent/documents.jsonl")));
    cmd.arg(out);
    cmd.output().unwrap()
}

#[test]
fn chromium_renders_every_entity_of_page_one() {
    if !chromium_available() {
        return;
    }
    let dir = out_dir("chromium");
    let opts = ExportOptions {
        formats: vec![Format::Jsonl, Format::Html],
        ..ExportOptions::default()
    };
    let mut ex = Exporter::create(&dir, &opts).unwrap();
    // More than a page, so the check must count page 1 only.
    for i in 0..55 {
        let a = if i % 2 == 0 { japanese() } else { formulas() };
        ex.write(&a).unwrap();
    }
    ex.write(&failed()).unwrap();
    ex.finish(&RunManifest::default()).unwrap();

    let out = dir.join("check");
    let o = run_check(
        &dir.join("report.html"),
        Some(&dir.join("documents.jsonl")),
        &out,
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // 25 Japanese documents with 7 entities, 25 formula ones with 4.
    assert!(
        stdout.contains("275 highlighted entities on page 1"),
        "{stdout}"
    );
    assert!(out.join("report.png").metadata().unwrap().len() > 0);
    let dom = std::fs::read_to_string(out.join("report.dom.html")).unwrap();
    assert!(dom.contains("title=\"MONEY · 97400000000 USD\""));
}

#[test]
fn a_script_error_fails_the_check() {
    if !chromium_available() {
        return;
    }
    let dir = out_dir("chromium-broken");
    let report = dir.join("report.html");
    std::fs::write(
        &report,
        "<!DOCTYPE html><html><body data-page1-entities=\"0\" data-page-size=\"50\">\
         <script>try { undefinedFunction(); } catch (e) { document.body.dataset.jsError = e.message; }\
         document.body.dataset.entities = \"0\";</script></body></html>",
    )
    .unwrap();
    let o = run_check(&report, None, &dir.join("check"));
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("script error"));
}
