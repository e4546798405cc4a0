//! Writes kiji's analyses for spreadsheets and people.
//!
//! An [`Exporter`] is created on an existing output directory, receives every
//! [`Analysis`] (and every [`Failure`]) in input order, and on
//! [`Exporter::finish`] writes the corpus-wide tables and `run.json`, then
//! renames every file into place at once:
//!
//! | file | format | contents |
//! |---|---|---|
//! | `documents.jsonl` | jsonl | one line a document, gold-format keys |
//! | `documents.csv` | csv | one row a document |
//! | `mentions.csv` | csv | one row an entity mention |
//! | `entities.csv` | csv | one row per document and entity |
//! | `corpus.csv` | csv | one row per entity over the corpus |
//! | `summary.csv` | csv | counts per type and language |
//! | `kiji.xlsx` | xlsx | the five tables as sheets |
//! | `report.html` | html | self-contained report with highlights |
//! | `errors.jsonl` | always | one line per failed input |
//! | `run.json` | always | the run's manifest and counts |
//!
//! With [`ExportOptions::tsv`] the tables are `.tsv`. Until `finish`, every
//! file exists only under a hidden temporary name (`.mentions.csv.tmp`), so
//! an interrupted run never leaves a complete-looking output behind.
//!
//! ```no_run
//! use kiji_export::{ExportOptions, Exporter, RunManifest};
//! # fn run(analyses: Vec<kiji_core::Analysis>) -> Result<(), kiji_export::ExportError> {
//! let opts = ExportOptions::default(); // jsonl,csv
//! let mut ex = Exporter::create(std::path::Path::new("out"), &opts)?;
//! for a in &analyses {
//!     ex.write(a)?;
//! }
//! let summary = ex.finish(&RunManifest::default())?;
//! eprint!("{}", summary.table());
//! # Ok(()) }
//! ```

mod cell;
mod csvout;
mod files;
mod html;
mod jsonl;
mod tables;
mod time;
mod xlsx;

pub use html::PAGE_SIZE as HTML_PAGE_SIZE;
pub use time::rfc3339;

use csvout::CsvTable;
use files::TempFiles;
use html::HtmlReport;
use kiji_core::{Analysis, EntityType, Failure, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use xlsx::{Sheet, XlsxBook};

/// Something that went wrong while writing; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output directory is missing or not a directory.
    #[error("output directory {} does not exist or is not a directory", path.display())]
    NoDir {
        /// The directory given.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A value could not be serialised as JSON.
    #[error("cannot write JSON to {}: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
    /// The workbook could not be built or saved.
    #[error("cannot write workbook {}: {source}", path.display())]
    Xlsx {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: rust_xlsxwriter::XlsxError,
    },
    /// A finished file could not be moved into place.
    #[error("cannot rename {} to {}: {source}", from.display(), to.display())]
    Rename {
        /// The temporary file.
        from: PathBuf,
        /// The final name.
        to: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `documents.jsonl`.
    Jsonl,
    /// The five tables as CSV (or TSV).
    Csv,
    /// `kiji.xlsx`.
    Xlsx,
    /// `report.html`.
    Html,
}

/// Error for a format name that is none of `jsonl`, `csv`, `xlsx`, `html`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format {0:?} (expected jsonl, csv, xlsx, html or all)")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    /// Parses one format name, case-insensitively (`tsv` means the tables).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(Format::Jsonl),
            "csv" | "tsv" => Ok(Format::Csv),
            "xlsx" | "excel" => Ok(Format::Xlsx),
            "html" => Ok(Format::Html),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Jsonl, Format::Csv, Format::Xlsx, Format::Html];

    /// Parses a comma-separated list (`jsonl,csv`, or `all`), dropping
    /// repeats and keeping the order given.
    pub fn parse_list(list: &str) -> Result<Vec<Format>, UnknownFormat> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let add: Vec<Format> = if name.eq_ignore_ascii_case("all") {
                Format::ALL.to_vec()
            } else {
                vec![name.parse()?]
            };
            for f in add {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        if out.is_empty() {
            return Err(UnknownFormat(list.to_string()));
        }
        Ok(out)
    }

    /// The format's name as the command line spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

/// What to write and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOptions {
    /// Formats to write (default `jsonl,csv`). `errors.jsonl` and `run.json`
    /// are always written.
    pub formats: Vec<Format>,
    /// `--excel`: start each CSV/TSV with a UTF-8 byte order mark.
    pub excel_bom: bool,
    /// `--tsv`: tab-separated `.tsv` tables instead of `.csv`.
    pub tsv: bool,
    /// `--raw-cells`: do not prefix formula-looking text cells with `'`.
    pub raw_cells: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            formats: vec![Format::Jsonl, Format::Csv],
            excel_bom: false,
            tsv: false,
            raw_cells: false,
        }
    }
}

impl ExportOptions {
    fn wants(&self, f: Format) -> bool {
        self.formats.contains(&f)
    }
}

/// What the CLI knows about the run; written to `run.json` with the counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunManifest {
    /// kiji's version.
    pub version: String,
    /// The options the run was started with.
    pub options: serde_json::Value,
    /// Input paths as given.
    pub inputs: Vec<String>,
    /// Start time, RFC 3339 UTC (see [`rfc3339`]).
    pub started: String,
    /// End time, RFC 3339 UTC.
    pub finished: String,
    /// Worker threads.
    pub threads: usize,
    /// Wall-clock seconds.
    pub elapsed_secs: f64,
    /// Input bytes read.
    pub bytes: u64,
}

/// The counts of a finished run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Analyses and failures received: processed + failed.
    pub documents_read: usize,
    /// Analyses without an error.
    pub documents_processed: usize,
    /// Analyses with an error plus failures (the lines of `errors.jsonl`).
    pub documents_failed: usize,
    /// Total entity mentions.
    pub entities: usize,
    /// Mentions per type; all ten types, zeros included.
    pub entities_by_type: BTreeMap<EntityType, usize>,
    /// Mentions per language of the sentence they are in.
    pub entities_by_lang: BTreeMap<Lang, usize>,
    /// Documents per main language.
    pub documents_by_lang: BTreeMap<Lang, usize>,
    /// Input bytes (from the manifest).
    pub bytes: u64,
    /// Wall-clock seconds (from the manifest).
    pub elapsed_secs: f64,
    /// Files written, by name.
    pub outputs: Vec<String>,
}

impl Summary {
    fn new(stats: &tables::Stats, manifest: &RunManifest, outputs: Vec<String>) -> Self {
        let entities_by_type = EntityType::ALL
            .iter()
            .map(|ty| (*ty, stats.by_type.get(ty).copied().unwrap_or(0)))
            .collect();
        Summary {
            documents_read: stats.processed + stats.failed,
            documents_processed: stats.processed,
            documents_failed: stats.failed,
            entities: stats.entities(),
            entities_by_type,
            entities_by_lang: stats.by_lang.clone(),
            documents_by_lang: stats.docs_by_lang.clone(),
            bytes: manifest.bytes,
            elapsed_secs: manifest.elapsed_secs,
            outputs,
        }
    }

    /// Input throughput in MB/s (10⁶ bytes), when time was measured.
    pub fn mb_per_sec(&self) -> Option<f64> {
        (self.elapsed_secs > 0.0).then(|| self.bytes as f64 / 1e6 / self.elapsed_secs)
    }

    /// A small aligned table for the terminal, labels left and values
    /// right:
    ///
    /// ```text
    /// documents            4
    ///   processed          2
    ///   failed             2
    /// entities            11
    ///   PERSON             2
    /// ...
    /// throughput   1.50 MB/s
    /// ```
    pub fn table(&self) -> String {
        let mut rows: Vec<(String, String)> = vec![
            ("documents".into(), self.documents_read.to_string()),
            ("  processed".into(), self.documents_processed.to_string()),
            ("  failed".into(), self.documents_failed.to_string()),
            ("entities".into(), self.entities.to_string()),
        ];
        for (ty, n) in &self.entities_by_type {
            rows.push((format!("  {ty}"), n.to_string()));
        }
        if !self.entities_by_lang.is_empty() {
            let langs = self
                .entities_by_lang
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            rows.push(("languages".into(), langs));
        }
        rows.push(("errors".into(), self.documents_failed.to_string()));
        rows.push(("time".into(), format!("{:.2} s", self.elapsed_secs)));
        rows.push(("input".into(), format!("{:.2} MB", self.bytes as f64 / 1e6)));
        if let Some(rate) = self.mb_per_sec() {
            rows.push(("throughput".into(), format!("{rate:.2} MB/s")));
        }
        let label_w = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        let value_w = rows
            .iter()
            .map(|(_, v)| v.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (label, value) in rows {
            let _ = writeln!(out, "{label:<label_w$}  {value:>value_w$}");
        }
        out
    }
}

/// `run.json`: the manifest and the counts (the manifest already has
/// `bytes` and `elapsed_secs`, so the summary's copies are not repeated).
#[derive(Debug, Serialize)]
struct RunJson<'a> {
    #[serde(flatten)]
    manifest: &'a RunManifest,
    documents_read: usize,
    documents_processed: usize,
    documents_failed: usize,
    entities: usize,
    entities_by_type: &'a BTreeMap<EntityType, usize>,
    entities_by_lang: &'a BTreeMap<Lang, usize>,
    documents_by_lang: &'a BTreeMap<Lang, usize>,
    outputs: &'a [String],
}

/// The writers of one run. See the [crate documentation](crate).
#[derive(Debug)]
pub struct Exporter {
    dir: PathBuf,
    jsonl: Option<BufWriter<File>>,
    errors: BufWriter<File>,
    mentions: Option<CsvTable>,
    documents: Option<CsvTable>,
    entities: Option<CsvTable>,
    xlsx: Option<XlsxBook>,
    html: Option<HtmlReport>,
    opts: ExportOptions,
    stats: tables::Stats,
    /// The `documents.jsonl` line being built, reused for every document so
    /// a line costs one write and no allocation.
    line: Vec<u8>,
    /// Declared last so the writers above are closed before their
    /// temporary files are removed on drop.
    files: TempFiles,
}

/// Serialises `value` as one JSON line.
fn write_json_line<T: Serialize>(
    out: &mut BufWriter<File>,
    path: PathBuf,
    value: &T,
) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, value).map_err(|source| ExportError::Json {
        path: path.clone(),
        source,
    })?;
    out.write_all(b"\n")
        .map_err(|source| ExportError::Io { path, source })
}

/// Flushes a buffered file and closes it.
fn close(out: BufWriter<File>, path: PathBuf) -> Result<(), ExportError> {
    let file = out.into_inner().map_err(|e| ExportError::Io {
        path: path.clone(),
        source: std::io::Error::new(e.error().kind(), e.error().to_string()),
    })?;
    file.sync_all()
        .map_err(|source| ExportError::Io { path, source })
}

const DOCUMENTS_JSONL: &str = "documents.jsonl";
const ERRORS_JSONL: &str = "errors.jsonl";
const RUN_JSON: &str = "run.json";

impl Exporter {
    /// Opens the temporary files of the chosen formats in `dir`, which must
    /// exist (the CLI decides whether it may be non-empty).
    pub fn create(dir: &Path, opts: &ExportOptions) -> Result<Exporter, ExportError> {
        if !dir.is_dir() {
            return Err(ExportError::NoDir {
                path: dir.to_path_buf(),
            });
        }
        let mut files = TempFiles::default();
        let jsonl = match opts.wants(Format::Jsonl) {
            true => Some(files.create(dir, DOCUMENTS_JSONL)?),
            false => None,
        };
        let (mut mentions, mut documents, mut entities) = (None, None, None);
        if opts.wants(Format::Csv) {
            documents = Some(CsvTable::create(&mut files, dir, &tables::DOCUMENTS, opts)?);
            mentions = Some(CsvTable::create(&mut files, dir, &tables::MENTIONS, opts)?);
            entities = Some(CsvTable::create(&mut files, dir, &tables::ENTITIES, opts)?);
        }
        let xlsx = match opts.wants(Format::Xlsx) {
            true => Some(XlsxBook::create(&mut files, dir)?),
            false => None,
        };
        let html = match opts.wants(Format::Html) {
            true => Some(HtmlReport::create(&mut files, dir)?),
            false => None,
        };
        let errors = files.create(dir, ERRORS_JSONL)?;
        Ok(Exporter {
            dir: dir.to_path_buf(),
            jsonl,
            errors,
            mentions,
            documents,
            entities,
            xlsx,
            html,
            opts: opts.clone(),
            stats: tables::Stats::default(),
            line: Vec::new(),
            files,
        })
    }

    /// Writes one document. An analysis with an `error` is written like any
    /// other (with its `error` field) and also gets a line in
    /// `errors.jsonl`; do not call [`Exporter::write_failure`] for it too.
    pub fn write(&mut self, a: &Analysis) -> Result<(), ExportError> {
        if let Some(out) = &mut self.jsonl {
            self.line.clear();
            jsonl::push_doc_line(&mut self.line, a).map_err(|source| ExportError::Json {
                path: self.dir.join(DOCUMENTS_JSONL),
                source,
            })?;
            self.line.push(b'\n');
            out.write_all(&self.line)
                .map_err(|source| ExportError::Io {
                    path: self.dir.join(DOCUMENTS_JSONL),
                    source,
                })?;
        }
        if let Some(t) = &mut self.documents {
            t.row(&tables::document_row(a))?;
        }
        if let Some(t) = &mut self.mentions {
            for row in tables::mention_rows(a) {
                t.row(&row)?;
            }
        }
        if let Some(t) = &mut self.entities {
            for row in tables::entity_rows(a) {
                t.row(&row)?;
            }
        }
        if let Some(x) = &mut self.xlsx {
            x.row(Sheet::Documents, &tables::document_row(a))?;
            for (row, e) in tables::mention_rows(a).zip(&a.entities) {
                x.mention(row, e.norm.as_deref(), e.ty)?;
            }
            for row in tables::entity_rows(a) {
                x.row(Sheet::Entities, &row)?;
            }
        }
        if let Some(h) = &mut self.html {
            h.add(a)?;
        }
        if let Some(f) = jsonl::failure_of(a) {
            write_json_line(&mut self.errors, self.dir.join(ERRORS_JSONL), &f)?;
        }
        self.stats.add(a);
        Ok(())
    }

    /// Records an input that produced no analysis (unreadable file,
    /// malformed line) in `errors.jsonl`.
    pub fn write_failure(&mut self, f: &Failure) -> Result<(), ExportError> {
        write_json_line(&mut self.errors, self.dir.join(ERRORS_JSONL), f)?;
        self.stats.add_failure();
        Ok(())
    }

    /// Writes the corpus-wide tables, the workbook, the report and
    /// `run.json`, then renames every file into place.
    pub fn finish(self, manifest: &RunManifest) -> Result<Summary, ExportError> {
        let Exporter {
            dir,
            jsonl,
            errors,
            mentions,
            documents,
            entities,
            xlsx,
            html,
            opts,
            stats,
            line: _,
            mut files,
        } = self;
        if let Some(out) = jsonl {
            close(out, dir.join(DOCUMENTS_JSONL))?;
        }
        close(errors, dir.join(ERRORS_JSONL))?;
        for t in [documents, mentions, entities].into_iter().flatten() {
            t.finish()?;
        }
        if opts.wants(Format::Csv) {
            let mut corpus = CsvTable::create(&mut files, &dir, &tables::CORPUS, &opts)?;
            for row in stats.corpus_rows() {
                corpus.row(&row)?;
            }
            corpus.finish()?;
            let mut summary = CsvTable::create(&mut files, &dir, &tables::SUMMARY, &opts)?;
            for row in stats.summary_rows() {
                summary.row(&row)?;
            }
            summary.finish()?;
        }
        if let Some(x) = xlsx {
            x.finish(&stats)?;
        }
        if let Some(h) = html {
            h.finish(&mut files, &stats)?;
        }
        let mut outputs = files.outputs();
        outputs.push(RUN_JSON.to_string());
        let summary = Summary::new(&stats, manifest, outputs);
        let mut run = files.create(&dir, RUN_JSON)?;
        let run_path = dir.join(RUN_JSON);
        let run_json = RunJson {
            manifest,
            documents_read: summary.documents_read,
            documents_processed: summary.documents_processed,
            documents_failed: summary.documents_failed,
            entities: summary.entities,
            entities_by_type: &summary.entities_by_type,
            entities_by_lang: &summary.entities_by_lang,
            documents_by_lang: &summary.documents_by_lang,
            outputs: &summary.outputs,
        };
        serde_json::to_writer_pretty(&mut run, &run_json).map_err(|source| ExportError::Json {
            path: run_path.clone(),
            source,
        })?;
        run.write_all(b"\n").map_err(|source| ExportError::Io {
            path: run_path.clone(),
            source,
        })?;
        close(run, run_path)?;
        files.commit()?;
        Ok(summary)
    }

    /// Stops without writing anything: closes and removes every temporary
    /// file (for Ctrl-C). Dropping an exporter does the same.
    pub fn abort(self) {
        drop(self);
    }
}
