//! Reads article dumps into [`kiji_core::Document`]s.
//!
//! Inputs are files, folders (walked recursively in sorted order) and
//! standard input (`-`). A text or Markdown file is one article; a JSONL or
//! CSV dump holds one article per line or row. Compressed files (`.gz`,
//! `.zst`) are read transparently, and legacy Japanese encodings are detected
//! (see [`decode`]).
//!
//! Reading never loses an input: every file, line or row yields a
//! [`Record`], either a document or a [`Failure`] saying where and why.
//! Reading is lazy and streaming: dumps are read a line at a time, so memory
//! stays bounded by the largest article, not the largest dump.
//!
//! Ids and sources:
//!
//! * a file found in a folder has the id of its path relative to that folder
//!   (`2024/03/a.md`); a file named directly has the path as given;
//! * a JSONL line or CSV row has the value of the id field (strings as they
//!   are, numbers rendered) or else `<file id>:<line>`;
//! * line numbers are 1-based physical lines, as an editor shows them; blank
//!   JSONL lines are skipped but still counted, so numbers always point at
//!   the right line; a CSV row's number is the line it starts on.
//!
//! Text keeps its line endings and offsets: only a byte order mark and YAML
//! front matter are removed (front matter becomes metadata).
//!
//! ```no_run
//! use kiji_ingest::{open, IngestOptions, Record};
//! use std::path::PathBuf;
//!
//! let reader = open(&[PathBuf::from("articles/")], &IngestOptions::default())?;
//! for record in reader {
//!     match record {
//!         Record::Doc(doc) => println!("{}: {} chars", doc.id, doc.text.chars().count()),
//!         Record::Failed(failure) => eprintln!("{}: {}", failure.source.path, failure.reason),
//!     }
//! }
//! # Ok::<(), kiji_ingest::IngestError>(())
//! ```

mod csv_dump;
mod decode;
mod frontmatter;
mod input;
mod jsonl;
mod text;

pub use decode::{decode, Decoded};

use kiji_core::{Document, Failure, Source};
use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// JSONL/CSV field holding the article text; by default the first
    /// present of `text`, `body`, `content`.
    pub text_field: Option<String>,
    /// JSONL/CSV field holding the document id; by default `id`. Records
    /// without one get `<path>:<line>`.
    pub id_field: Option<String>,
    /// Field copied into `metadata["date"]` (the document date, which
    /// relative dates are resolved against); by default `date`.
    pub date_field: Option<String>,
    /// An encoding label (`shift_jis`, `euc-jp`, …) that overrides detection
    /// for files without a byte order mark.
    pub encoding: Option<String>,
    /// Longest JSONL line read, in bytes; longer lines become failures.
    pub max_line_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            text_field: None,
            id_field: None,
            date_field: None,
            encoding: None,
            max_line_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What reading one input produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// An article.
    Doc(Document),
    /// An input that could not be read as an article.
    Failed(Failure),
}

/// Errors that stop reading before it starts.
///
/// Everything that goes wrong once reading has started (an unreadable file,
/// a malformed line) is a [`Record::Failed`] instead, so one bad input never
/// hides the others.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A path named on the command line does not exist.
    #[error("input {path} not found: {source}")]
    NotFound {
        /// The path as given.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// The forced encoding label is not one encoding_rs knows.
    #[error("unknown encoding label {label:?} (try utf-8, shift_jis, euc-jp, iso-2022-jp)")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
}

/// Options resolved once for all inputs.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub text_fields: Vec<String>,
    pub id_field: String,
    pub date_field: String,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub max_line_bytes: usize,
}

/// Field names tried, in order, when no text field is given.
const DEFAULT_TEXT_FIELDS: [&str; 3] = ["text", "body", "content"];

impl Settings {
    fn new(opts: &IngestOptions) -> Result<Settings, IngestError> {
        let encoding = match &opts.encoding {
            None => None,
            Some(label) => Some(
                encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                    IngestError::UnknownEncoding {
                        label: label.clone(),
                    }
                })?,
            ),
        };
        Ok(Settings {
            text_fields: match &opts.text_field {
                Some(field) => vec![field.clone()],
                None => DEFAULT_TEXT_FIELDS.iter().map(|s| s.to_string()).collect(),
            },
            id_field: opts.id_field.clone().unwrap_or_else(|| "id".to_owned()),
            date_field: opts.date_field.clone().unwrap_or_else(|| "date".to_owned()),
            encoding,
            max_line_bytes: opts.max_line_bytes.max(1),
        })
    }
}

/// Opens `inputs` for reading; `-` is standard input.
///
/// Folders are listed here (names and sizes only, so that
/// [`Reader::total_bytes`] is known up front); no file is read until the
/// reader is iterated.
///
/// # Errors
/// When a top-level path does not exist, or the forced encoding label is
/// unknown.
pub fn open(inputs: &[PathBuf], opts: &IngestOptions) -> Result<Reader, IngestError> {
    let settings = Settings::new(opts)?;
    let mut entries = VecDeque::new();
    for path in inputs {
        input::expand(path, &mut entries)?;
    }
    Ok(Reader::with_entries(entries, settings))
}

/// Streams the [`Record`]s of a set of inputs, in input order.
pub struct Reader {
    entries: VecDeque<input::Entry>,
    settings: Arc<Settings>,
    current: Option<Box<dyn Iterator<Item = Record> + Send>>,
    total: Option<u64>,
    progress: Arc<AtomicU64>,
    /// Bytes of the inputs finished so far; progress is reset to it after
    /// each input, whatever part of it was actually read.
    finished_bytes: u64,
    current_size: u64,
}

impl Reader {
    fn with_entries(entries: VecDeque<input::Entry>, settings: Settings) -> Reader {
        let total = entries
            .iter()
            .try_fold(0u64, |sum, e| e.size().map(|s| sum.saturating_add(s)));
        Reader {
            entries,
            settings: Arc::new(settings),
            current: None,
            total,
            progress: Arc::new(AtomicU64::new(0)),
            finished_bytes: 0,
            current_size: 0,
        }
    }

    /// Reads one stream as standard input is read: JSONL when its first
    /// non-blank byte is `{`, else one text document with id `name`.
    ///
    /// # Errors
    /// When the forced encoding label is unknown.
    pub fn from_reader<R: Read + Send + 'static>(
        name: &str,
        reader: R,
        opts: &IngestOptions,
    ) -> Result<Reader, IngestError> {
        let settings = Settings::new(opts)?;
        let entry = input::Entry::Stream {
            name: name.to_owned(),
            reader: Box::new(reader),
        };
        Ok(Reader::with_entries(VecDeque::from([entry]), settings))
    }

    /// Total size of the inputs in bytes (compressed size for compressed
    /// files), or `None` when standard input is among them.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }

    /// Bytes consumed so far, shared so a progress bar can poll it from
    /// another thread.
    pub fn progress(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.progress)
    }

    fn finish_entry(&mut self) {
        self.finished_bytes = self.finished_bytes.saturating_add(self.current_size);
        self.current_size = 0;
        self.progress.store(self.finished_bytes, Ordering::Relaxed);
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(current) = self.current.as_mut() {
                if let Some(record) = current.next() {
                    return Some(record);
                }
                self.current = None;
                self.finish_entry();
            }
            let entry = self.entries.pop_front()?;
            self.current_size = entry.size().unwrap_or(0);
            match input::start(entry, &self.settings, &self.progress) {
                input::Started::One(record) => {
                    self.finish_entry();
                    return Some(record);
                }
                input::Started::Many(records) => self.current = Some(records),
            }
        }
    }
}

/// A failure at `path` (and `line`), with the id the input would have had.
pub(crate) fn failure(
    path: &str,
    line: Option<u64>,
    id: Option<String>,
    reason: impl Into<String>,
) -> Record {
    Record::Failed(Failure {
        source: Source {
            path: path.to_owned(),
            line,
        },
        id,
        reason: reason.into(),
    })
}

/// Renders a path for ids and sources: `/` separators on every platform,
/// so ids are the same wherever a dump is read.
pub(crate) fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Whitespace-only articles count as empty, so later stages need only test
/// `text.is_empty()`.
pub(crate) fn empty_if_blank(text: String) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        text
    }
}

/// Copies the configured date field into `metadata["date"]`, the key later
/// stages read the document date from.
pub(crate) fn copy_date(
    metadata: &mut std::collections::BTreeMap<String, serde_json::Value>,
    settings: &Settings,
) {
    if settings.date_field != "date" {
        if let Some(value) = metadata.get(&settings.date_field).cloned() {
            metadata.insert("date".to_owned(), value);
        }
    }
}
