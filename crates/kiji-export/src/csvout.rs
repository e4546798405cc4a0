//! CSV and TSV tables.
//!
//! RFC 4180: fields with a delimiter, quote or line break are quoted, quotes
//! doubled, records end in CRLF. With `--excel` the file starts with a UTF-8
//! byte order mark, without which Excel reads UTF-8 as the local code page
//! and shows Japanese as mojibake.
//!
//! The bytes are those of the `csv` crate's writer with its defaults
//! (`QuoteStyle::Necessary`, doubled quotes) and a CRLF terminator; the
//! tests hold [`push_field`] to that writer on arbitrary strings. Rows are
//! written here instead because every document's rows go through the
//! single writer thread, and the crate's per-field bookkeeping cost about
//! 2,000 instructions a row.

use crate::cell::{format_number, needs_quote, Cell};
use crate::files::TempFiles;
use crate::tables::TableDef;
use crate::{ExportError, ExportOptions};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// UTF-8 encoding of U+FEFF.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One table being written as CSV or TSV.
#[derive(Debug)]
pub(crate) struct CsvTable {
    /// Final path, for error messages.
    path: PathBuf,
    out: BufWriter<File>,
    /// `,` or a tab.
    delimiter: u8,
    raw: bool,
    /// The record being built, reused so a row costs one write and no
    /// allocation.
    line: Vec<u8>,
}

impl CsvTable {
    /// File name of `def` under `opts` (`mentions.csv` or `mentions.tsv`).
    pub(crate) fn file_name(def: &TableDef, opts: &ExportOptions) -> String {
        format!("{}.{}", def.name, if opts.tsv { "tsv" } else { "csv" })
    }

    /// Creates the temporary file and writes the BOM (if asked) and header.
    pub(crate) fn create(
        files: &mut TempFiles,
        dir: &Path,
        def: &TableDef,
        opts: &ExportOptions,
    ) -> Result<CsvTable, ExportError> {
        let name = Self::file_name(def, opts);
        let path = dir.join(&name);
        let mut out = files.create(dir, &name)?;
        if opts.excel_bom {
            out.write_all(BOM).map_err(|source| ExportError::Io {
                path: path.clone(),
                source,
            })?;
        }
        let mut table = CsvTable {
            path,
            out,
            delimiter: if opts.tsv { b'\t' } else { b',' },
            raw: opts.raw_cells,
            line: Vec::new(),
        };
        // Header names are written as they are, never neutralised.
        table.line.clear();
        for (i, name) in def.headers.iter().enumerate() {
            if i > 0 {
                table.line.push(table.delimiter);
            }
            push_field(&mut table.line, table.delimiter, "", name.as_bytes());
        }
        table.end_record(def.headers.len())?;
        Ok(table)
    }

    /// Writes one row.
    pub(crate) fn row(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        let line = &mut self.line;
        let delimiter = self.delimiter;
        line.clear();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push(delimiter);
            }
            match cell {
                // Digits never need quotes.
                Cell::Int(n) => line.extend_from_slice(decimal(*n, &mut [0; 20])),
                Cell::Text(s) => {
                    // The `'` that neutralises a formula is written in front
                    // of the text instead of allocating the prefixed copy.
                    let prefix = if !self.raw && needs_quote(s) { "'" } else { "" };
                    push_field(line, delimiter, prefix, s.as_bytes());
                }
                Cell::Empty => {}
                Cell::Num(x) => push_field(line, delimiter, "", format_number(*x).as_bytes()),
                Cell::Date { .. } => {
                    push_field(line, delimiter, "", cell.to_csv(self.raw).as_bytes())
                }
            }
        }
        self.end_record(row.len())
    }

    /// Ends the record in `line` and writes it.
    fn end_record(&mut self, fields: usize) -> Result<(), ExportError> {
        // Like the csv crate: a record of one empty field is written as
        // `""`, or it would read back as an empty line, not a record.
        if fields == 1 && self.line.is_empty() {
            self.line.extend_from_slice(b"\"\"");
        }
        self.line.extend_from_slice(b"\r\n");
        self.out
            .write_all(&self.line)
            .map_err(|source| ExportError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Flushes everything to the file and closes it.
    pub(crate) fn finish(mut self) -> Result<(), ExportError> {
        let path = self.path;
        self.out
            .flush()
            .map_err(|source| ExportError::Io { path, source })
    }
}

/// Appends `prefix` and `field` as one CSV field: quoted when `field`
/// holds the delimiter, a quote, CR or LF (the csv crate's
/// `QuoteStyle::Necessary`), with every quote doubled. `prefix` is `""` or
/// `'`, which never needs quoting itself.
///
/// One scan decides the quoting; inside quotes, the runs between quotes are
/// copied whole.
pub(crate) fn push_field(line: &mut Vec<u8>, delimiter: u8, prefix: &str, field: &[u8]) {
    let special = |b: &u8| matches!(*b, b'"' | b'\r' | b'\n') || *b == delimiter;
    if !field.iter().any(special) {
        // The prefix is almost always empty: skip the call for it.
        if !prefix.is_empty() {
            line.extend_from_slice(prefix.as_bytes());
        }
        line.extend_from_slice(field);
        return;
    }
    line.push(b'"');
    line.extend_from_slice(prefix.as_bytes());
    let mut runs = field.split(|&b| b == b'"');
    if let Some(first) = runs.next() {
        line.extend_from_slice(first);
    }
    for run in runs {
        line.extend_from_slice(b"\"\"");
        line.extend_from_slice(run);
    }
    line.push(b'"');
}

/// The decimal digits of `n`, written at the end of `buf`.
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, push_field};
    use proptest::prelude::*;

    #[test]
    fn decimals_match_to_string() {
        for n in [0, 7, 10, 99, 12345, u64::MAX] {
            assert_eq!(decimal(n, &mut [0; 20]), n.to_string().as_bytes());
        }
    }

    /// The record the csv crate writes for `fields`, configured as the
    /// tables were before they were written by hand.
    fn csv_crate(fields: &[String], delimiter: u8) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(fields).unwrap();
        w.into_inner().unwrap()
    }

    fn by_hand(fields: &[String], delimiter: u8) -> Vec<u8> {
        let mut line = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                line.push(delimiter);
            }
            push_field(&mut line, delimiter, "", f.as_bytes());
        }
        if fields.len() == 1 && line.is_empty() {
            line.extend_from_slice(b"\"\"");
        }
        line.extend_from_slice(b"\r\n");
        line
    }

    fn tricky_field() -> impl Strategy<Value = String> {
        let ch = prop_oneof![
            3 => prop::char::range('\u{0}', '\u{7f}'),
            2 => prop::sample::select(vec!['"', ',', '\t', '\n', '\r', '\'', '=', 'は', '😀']),
            1 => any::<char>(),
        ];
        prop::collection::vec(ch, 0..24).prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn records_match_the_csv_crate(
            fields in prop::collection::vec(tricky_field(), 1..6),
            tsv in any::<bool>(),
        ) {
            let delimiter = if tsv { b'\t' } else { b',' };
            let (ours, theirs) = (by_hand(&fields, delimiter), csv_crate(&fields, delimiter));
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }

    #[test]
    fn a_prefix_goes_inside_the_quotes() {
        let mut line = Vec::new();
        push_field(&mut line, b',', "'", b"=A1,\"x\"");
        assert_eq!(line, b"\"'=A1,\"\"x\"\"\"");
    }
}
