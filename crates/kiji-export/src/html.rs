//! `report.html`: one self-contained page for people.
//!
//! The page has the corpus summary (bar charts of entity types and of the
//! most frequent entities, drawn with CSS), a filter by type and the
//! documents with their entities highlighted, `<mark class="ent ent-ORG"
//! data-type="ORG" title="ORG · SoftBank Group">`. Everything is inline: no
//! script, style sheet or font is fetched when the page is viewed.
//!
//! To stay usable with thousands of documents the page does not contain
//! their HTML. Each document is embedded as JSON, already split into plain
//! and highlighted segments (so the script never has to convert code point
//! offsets to UTF-16), in a `<script type="application/json">`, and the
//! script renders 50 documents a page. The `<body>` tells tests what to
//! expect: `data-total-entities` (all highlighted entities in the report),
//! `data-page1-entities` (those on the first page) and, set by the script,
//! `data-entities` (those rendered on the current page) and `data-js-error`
//! when the script failed.
//!
//! While the run goes on, the documents' JSON is streamed to a scratch file
//! in the output directory; [`HtmlReport::finish`] writes the page around it,
//! so memory does not grow with the corpus.

use crate::files::TempFiles;
use crate::tables::Stats;
use crate::ExportError;
use kiji_core::{Analysis, EntityType};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// File name of the report.
pub(crate) const FILE_NAME: &str = "report.html";

/// Scratch file holding the documents' JSON until the end.
const PART_NAME: &str = "report.html.docs";

/// Documents per page.
pub const PAGE_SIZE: usize = 50;

/// How many entities the "most frequent" chart shows.
const TOP_ENTITIES: usize = 20;

/// The report being written.
#[derive(Debug)]
pub(crate) struct HtmlReport {
    dir: PathBuf,
    /// Final path, for error messages.
    path: PathBuf,
    part: BufWriter<File>,
    part_path: PathBuf,
    docs: usize,
    total_entities: usize,
    page1_entities: usize,
}

/// One document as the page's script reads it.
#[derive(Debug, Serialize)]
struct HtmlDoc<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    lang: &'a str,
    /// Number of highlighted entities.
    n: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    seg: Vec<Seg<'a>>,
}

/// A piece of a document's text: plain, or an entity as
/// `[type, text, canonical, norm]` (empty strings when absent).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Seg<'a> {
    Plain(&'a str),
    Mark(&'static str, &'a str, &'a str, &'a str),
}

/// Splits the text of `a` into plain and entity segments.
///
/// Entities whose byte offsets do not fit the text, or that overlap the one
/// before, are left as plain text rather than failing the whole report; they
/// are not counted, so `n` is exactly the number of marks rendered.
fn segments(a: &Analysis) -> (Vec<Seg<'_>>, usize) {
    let text = a.doc.text.as_str();
    let mut segs = Vec::with_capacity(a.entities.len() * 2 + 1);
    let mut at = 0;
    let mut n = 0;
    for e in &a.entities {
        if e.byte_start < at || e.byte_start >= e.byte_end {
            continue;
        }
        let (Some(before), Some(inner)) = (
            text.get(at..e.byte_start),
            text.get(e.byte_start..e.byte_end),
        ) else {
            continue;
        };
        if !before.is_empty() {
            segs.push(Seg::Plain(before));
        }
        segs.push(Seg::Mark(
            e.ty.as_str(),
            inner,
            e.canonical.as_deref().unwrap_or(""),
            e.norm.as_deref().unwrap_or(""),
        ));
        n += 1;
        at = e.byte_end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        segs.push(Seg::Plain(rest));
    }
    (segs, n)
}

/// Makes JSON safe inside `<script>`: `</script>` or `<!--` in an article
/// must not end the element, and U+2028/U+2029 are line breaks to older
/// JavaScript parsers. The characters can only occur inside JSON strings,
/// where the `\u` escapes mean the same.
pub(crate) fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl HtmlReport {
    /// Opens the scratch file for the documents.
    pub(crate) fn create(files: &mut TempFiles, dir: &Path) -> Result<HtmlReport, ExportError> {
        let part = files.scratch(dir, PART_NAME)?;
        Ok(HtmlReport {
            dir: dir.to_path_buf(),
            path: dir.join(FILE_NAME),
            part,
            part_path: TempFiles::temp_path(dir, PART_NAME),
            docs: 0,
            total_entities: 0,
            page1_entities: 0,
        })
    }

    fn io(&self, path: &Path) -> impl FnOnce(io::Error) -> ExportError {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    }

    /// Adds a document.
    pub(crate) fn add(&mut self, a: &Analysis) -> Result<(), ExportError> {
        let (seg, n) = segments(a);
        let doc = HtmlDoc {
            id: &a.doc.id,
            title: a.doc.meta_text("title"),
            date: a.doc.meta_text("date"),
            lang: a.lang.code(),
            n,
            error: a.error.as_deref(),
            seg,
        };
        let json = serde_json::to_string(&doc).map_err(|source| ExportError::Json {
            path: self.path.clone(),
            source,
        })?;
        let sep: &[u8] = if self.docs == 0 { b"\n" } else { b",\n" };
        let err = self.io(&self.part_path);
        self.part
            .write_all(sep)
            .and_then(|()| self.part.write_all(script_json(&json).as_bytes()))
            .map_err(err)?;
        if self.docs < PAGE_SIZE {
            self.page1_entities += n;
        }
        self.docs += 1;
        self.total_entities += n;
        Ok(())
    }

    /// Writes the page under its temporary name.
    pub(crate) fn finish(self, files: &mut TempFiles, stats: &Stats) -> Result<(), ExportError> {
        let HtmlReport {
            dir,
            path,
            part,
            part_path,
            docs,
            total_entities,
            page1_entities,
        } = self;
        let to_part = |source| ExportError::Io {
            path: part_path.clone(),
            source,
        };
        part.into_inner()
            .map_err(|e| to_part(io::Error::new(e.error().kind(), e.error().to_string())))?
            .flush()
            .map_err(to_part)?;
        let mut out = files.create(&dir, FILE_NAME)?;
        let to_out = |source| ExportError::Io {
            path: path.clone(),
            source,
        };
        let head = page_head(stats, docs, total_entities, page1_entities);
        out.write_all(head.as_bytes()).map_err(to_out)?;
        let mut part = BufReader::new(File::open(&part_path).map_err(to_part)?);
        io::copy(&mut part, &mut out).map_err(to_out)?;
        out.write_all(PAGE_TAIL.as_bytes()).map_err(to_out)?;
        out.flush().map_err(to_out)
    }
}

/// CSS colour of each type.
fn colour(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "#f8b4b4",
        EntityType::Org => "#a9c8ff",
        EntityType::Location => "#a8e6b0",
        EntityType::Product => "#ffd08a",
        EntityType::Event => "#d9b3ff",
        EntityType::Date => "#f5e58a",
        EntityType::Time => "#9fe3e3",
        EntityType::Money => "#c6e89a",
        EntityType::Percent => "#ffb3dc",
        EntityType::Quantity => "#d0d0d0",
    }
}

/// A horizontal bar chart row.
fn bar(label: &str, class: &str, n: usize, max: usize) -> String {
    let pct = if max == 0 {
        0.0
    } else {
        n as f64 * 100.0 / max as f64
    };
    format!(
        "<div class=\"bar-row\"><span class=\"bar-label\">{}</span><span class=\"bar-track\"><span class=\"bar {}\" style=\"width:{:.1}%\"></span></span><span class=\"bar-n\">{}</span></div>\n",
        escape(label),
        class,
        pct,
        n
    )
}

/// Everything before the documents' JSON.
fn page_head(stats: &Stats, docs: usize, total: usize, page1: usize) -> String {
    let mut css = String::from(PAGE_CSS);
    for ty in EntityType::ALL {
        let (t, c) = (ty.as_str(), colour(ty));
        css.push_str(&format!(
            ".ent-{t},.bar-{t},.sw-{t}{{background:{c}}}\nbody.hide-{t} mark.ent-{t}{{background:none;border-color:transparent}}\n"
        ));
    }
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>kiji report</title>\n<style>\n");
    h.push_str(&css);
    h.push_str("</style>\n</head>\n");
    h.push_str(&format!(
        "<body data-documents=\"{docs}\" data-total-entities=\"{total}\" data-page1-entities=\"{page1}\" data-page-size=\"{PAGE_SIZE}\">\n"
    ));
    h.push_str("<header><h1>kiji report</h1>\n<p class=\"figures\">");
    h.push_str(&format!(
        "<span><b>{}</b> documents</span> <span><b>{}</b> processed</span> <span><b>{}</b> failed</span> <span><b>{}</b> entities</span>",
        stats.processed + stats.failed,
        stats.processed,
        stats.failed,
        stats.entities()
    ));
    h.push_str("</p></header>\n<section class=\"charts\">\n<div class=\"chart\" id=\"chart-types\"><h2>Entities by type</h2>\n");
    let max_type = stats.by_type.values().copied().max().unwrap_or(0);
    for ty in EntityType::ALL {
        let n = stats.by_type.get(&ty).copied().unwrap_or(0);
        h.push_str(&bar(ty.as_str(), &format!("bar-{ty}"), n, max_type));
    }
    h.push_str("</div>\n<div class=\"chart\" id=\"chart-top\"><h2>Most frequent entities</h2>\n");
    let top = stats.corpus_sorted();
    let max_top = top.first().map_or(0, |t| t.2.mentions);
    for (name, ty, entry) in top.into_iter().take(TOP_ENTITIES) {
        h.push_str(&bar(
            &format!("{name} ({ty})"),
            &format!("bar-{ty}"),
            entry.mentions,
            max_top,
        ));
    }
    h.push_str("</div>\n</section>\n<nav class=\"controls\">\n<fieldset id=\"filters\"><legend>Show types</legend>\n");
    for ty in EntityType::ALL {
        h.push_str(&format!(
            "<label><input type=\"checkbox\" data-filter=\"{ty}\" checked> <span class=\"sw sw-{ty}\"></span>{ty}</label>\n"
        ));
    }
    h.push_str("</fieldset>\n<div class=\"pager\"><button type=\"button\" id=\"prev\">&larr; Previous</button> <span id=\"page\"></span> <button type=\"button\" id=\"next\">Next &rarr;</button></div>\n</nav>\n");
    h.push_str("<noscript><p>The documents are shown by a script; enable JavaScript to see them.</p></noscript>\n");
    h.push_str("<main id=\"docs\"></main>\n<script type=\"application/json\" id=\"kiji-data\">[");
    h
}

const PAGE_CSS: &str = r#"body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#222;line-height:1.6}
h1{margin:.2rem 0}h2{font-size:1.05rem;margin:.4rem 0}
.figures span{margin-right:1.2rem}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.chart{flex:1 1 420px}
.bar-row{display:flex;align-items:center;gap:.5rem;font-size:.85rem}
.bar-label{flex:0 0 14rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:right}
.bar-track{flex:1;background:#f2f2f2;height:.9rem}.bar{display:block;height:100%}
.bar-n{flex:0 0 3.5rem;font-variant-numeric:tabular-nums}
.controls{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.4rem 0;z-index:1}
fieldset{border:1px solid #ddd;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.85rem}
.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.25rem;vertical-align:middle}
.pager{margin-top:.4rem}
.doc{border-bottom:1px solid #eee;padding:.6rem 0}.doc h3{margin:.2rem 0;font-size:1rem}
.meta{color:#666;font-size:.8rem;margin:0}.error{color:#b00020}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark.ent{border-bottom:2px solid rgba(0,0,0,.25);border-radius:2px;padding:0 1px;color:inherit;cursor:help}
"#;

/// Everything after the documents' JSON.
const PAGE_TAIL: &str = r#"]</script>
<script>
(function () {
  "use strict";
  var body = document.body;
  function fail(e) { body.dataset.jsError = String((e && e.message) || e); }
  window.addEventListener("error", function (ev) { fail(ev.message || "error"); });
  try {
    var docs = JSON.parse(document.getElementById("kiji-data").textContent);
    var size = parseInt(body.dataset.pageSize, 10) || 50;
    var pages = Math.max(1, Math.ceil(docs.length / size));
    var page = 0;
    var list = document.getElementById("docs");
    var prev = document.getElementById("prev");
    var next = document.getElementById("next");
    var label = document.getElementById("page");
    var el = function (tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) { e.className = cls; }
      if (text !== undefined && text !== null) { e.textContent = text; }
      return e;
    };
    var render = function () {
      list.textContent = "";
      var marks = 0;
      var end = Math.min(docs.length, (page + 1) * size);
      for (var i = page * size; i < end; i++) {
        var d = docs[i];
        var art = el("article", "doc");
        art.id = "doc-" + i;
        art.appendChild(el("h3", null, d.title || d.id));
        art.appendChild(el("p", "meta", [d.id, d.date, d.lang, d.n + " entities"].filter(Boolean).join(" · ")));
        if (d.error) { art.appendChild(el("p", "error", d.error)); }
        var text = el("div", "text");
        for (var j = 0; j < d.seg.length; j++) {
          var s = d.seg[j];
          if (typeof s === "string") { text.appendChild(document.createTextNode(s)); continue; }
          var m = el("mark", "ent ent-" + s[0], s[1]);
          m.dataset.type = s[0];
          if (s[2]) { m.dataset.canonical = s[2]; }
          if (s[3]) { m.dataset.norm = s[3]; }
          m.title = [s[0], s[2], s[3]].filter(Boolean).join(" · ");
          text.appendChild(m);
          marks++;
        }
        art.appendChild(text);
        list.appendChild(art);
      }
      body.dataset.entities = String(marks);
      body.dataset.page = String(page + 1);
      label.textContent = "Page " + (page + 1) + " / " + pages + " (" + docs.length + " documents)";
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    };
    prev.addEventListener("click", function () { if (page > 0) { page--; render(); window.scrollTo(0, 0); } });
    next.addEventListener("click", function () { if (page < pages - 1) { page++; render(); window.scrollTo(0, 0); } });
    var boxes = document.querySelectorAll("input[data-filter]");
    for (var k = 0; k < boxes.length; k++) {
      boxes[k].addEventListener("change", function (ev) {
        body.classList.toggle("hide-" + ev.target.dataset.filter, !ev.target.checked);
      });
    }
    render();
  } catch (e) {
    fail(e);
  }
})();
</script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_the_script_element() {
        let s = script_json(r#"{"t":"</script><!-- a&b \u{2028}"}"#);
        assert!(!s.contains('<'));
        assert_eq!(
            script_json("\"</script>\u{2028}\""),
            "\"\\u003c/script\\u003e\\u2028\""
        );
    }

    #[test]
    fn html_escaping() {
        assert_eq!(
            escape(r#"<b>"A&B"</b>'"#),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;"
        );
    }
}
