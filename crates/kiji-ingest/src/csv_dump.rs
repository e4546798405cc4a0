//! CSV and TSV dumps: a header row, then one article per row.

use crate::decode::LineDecoder;
use crate::input::{Started, Stream};
use crate::{copy_date, empty_if_blank, failure, Record, Settings};
use kiji_core::{Document, Source};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Sets up reading the rows of a CSV (`delimiter` `,`) or TSV (`\t`) stream.
///
/// A header without a text column makes one failure for the whole file: no
/// row of it could be an article.
pub(crate) fn records(
    stream: Stream,
    delimiter: u8,
    mut decoder: LineDecoder,
    settings: &Arc<Settings>,
    path: String,
    id_prefix: String,
) -> Started {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(stream);
    let header = match reader.byte_headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            let reason = format!("cannot read CSV header: {e}");
            return Started::One(failure(&path, Some(1), Some(id_prefix), reason));
        }
    };
    if header.iter().all(|field| field.is_empty()) {
        // An empty file: no header, no rows, nothing to report.
        return Started::Many(Box::new(std::iter::empty()));
    }
    decoder.prime(header.as_slice());
    let columns: Vec<String> = header
        .iter()
        .map(|field| decoder.decode(field).text.trim().to_owned())
        .collect();
    let position = |name: &str| columns.iter().position(|c| c == name);
    let Some(text_column) = settings.text_fields.iter().find_map(|f| position(f)) else {
        let reason = format!("no text column ({})", settings.text_fields.join(", "));
        return Started::One(failure(&path, Some(1), Some(id_prefix), reason));
    };
    let id_column = position(&settings.id_field);
    Started::Many(Box::new(Rows {
        reader,
        decoder,
        settings: Arc::clone(settings),
        columns,
        text_column,
        id_column,
        path,
        id_prefix,
        row: csv::ByteRecord::new(),
        done: false,
    }))
}

/// The rows of one CSV stream, read lazily.
struct Rows {
    reader: csv::Reader<Stream>,
    decoder: LineDecoder,
    settings: Arc<Settings>,
    columns: Vec<String>,
    text_column: usize,
    id_column: Option<usize>,
    path: String,
    id_prefix: String,
    row: csv::ByteRecord,
    done: bool,
}

impl Rows {
    /// The document of the row in `self.row`, which starts on `line`.
    fn document(&mut self, line: u64) -> Record {
        self.decoder.prime(self.row.as_slice());
        let mut text = None;
        let mut id = None;
        let mut metadata = BTreeMap::new();
        for (i, field) in self.row.iter().enumerate() {
            let decoded = self.decoder.decode(field);
            if i == self.text_column {
                text = Some(decoded);
            } else if Some(i) == self.id_column && !decoded.text.is_empty() {
                id = Some(decoded.text);
            } else if !decoded.text.is_empty() {
                // Empty cells are absent values, as in a spreadsheet.
                let name = self.columns.get(i).cloned().unwrap_or_default();
                metadata.insert(name, Value::String(decoded.text));
            }
        }
        let id = id.unwrap_or_else(|| format!("{}:{}", self.id_prefix, line));
        // Rows have as many fields as the header (the reader is not
        // flexible), so the text column is always there.
        let Some(text) = text else {
            return failure(&self.path, Some(line), Some(id), "row has no text column");
        };
        copy_date(&mut metadata, &self.settings);
        Record::Doc(Document {
            id,
            text: empty_if_blank(text.text),
            metadata,
            source: Source {
                path: self.path.clone(),
                line: Some(line),
            },
            encoding: Some(text.encoding_name.to_owned()),
            replaced_bytes: text.replaced,
        })
    }
}

impl Iterator for Rows {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.row) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let line = self.row.position().map_or(0, |p| p.line());
                Some(self.document(line))
            }
            Err(e) => {
                let line = e.position().map(|p| p.line());
                let reason = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("row has {len} fields, header has {expected_len}")
                    }
                    csv::ErrorKind::Io(_) => {
                        // The stream is broken: read no further.
                        self.done = true;
                        format!("read error: {e}")
                    }
                    _ => {
                        // No other error is known to leave the reader at
                        // the next row; stop rather than risk a loop.
                        self.done = true;
                        format!("malformed row: {e}")
                    }
                };
                let id = line.map(|l| format!("{}:{}", self.id_prefix, l));
                Some(failure(&self.path, line, id, reason))
            }
        }
    }
}
