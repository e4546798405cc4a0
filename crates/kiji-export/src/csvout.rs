//! CSV and TSV tables.
//!
//! RFC 4180: fields with a delimiter, quote or line break are quoted, quotes
//! doubled, records end in CRLF. With `--excel` the file starts with a UTF-8
//! byte order mark, without which Excel reads UTF-8 as the local code page
//! and shows Japanese as mojibake.

use crate::cell::Cell;
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
    writer: csv::Writer<BufWriter<File>>,
    raw: bool,
    /// Reused for each record so a row does not allocate a vector.
    record: csv::ByteRecord,
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
        let writer = csv::WriterBuilder::new()
            .delimiter(if opts.tsv { b'\t' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        let mut table = CsvTable {
            path,
            writer,
            raw: opts.raw_cells,
            record: csv::ByteRecord::new(),
        };
        table
            .writer
            .write_record(def.headers)
            .map_err(|source| table.err(source))?;
        Ok(table)
    }

    fn err(&self, source: csv::Error) -> ExportError {
        ExportError::Csv {
            path: self.path.clone(),
            source,
        }
    }

    /// Writes one row.
    pub(crate) fn row(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        self.record.clear();
        for cell in row {
            match cell {
                // The commonest cells (offsets, counts) need no String.
                Cell::Int(n) => self.record.push_field(decimal(*n, &mut [0; 20])),
                _ => self.record.push_field(cell.to_csv(self.raw).as_bytes()),
            }
        }
        self.writer
            .write_byte_record(&self.record)
            .map_err(|source| ExportError::Csv {
                path: self.path.clone(),
                source,
            })
    }

    /// Flushes everything to the file and closes it.
    pub(crate) fn finish(self) -> Result<(), ExportError> {
        let path = self.path;
        let mut out = self.writer.into_inner().map_err(|e| ExportError::Io {
            path: path.clone(),
            source: std::io::Error::new(e.error().kind(), e.error().to_string()),
        })?;
        out.flush()
            .map_err(|source| ExportError::Io { path, source })
    }
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
    use super::decimal;

    #[test]
    fn decimals_match_to_string() {
        for n in [0, 7, 10, 99, 12345, u64::MAX] {
            assert_eq!(decimal(n, &mut [0; 20]), n.to_string().as_bytes());
        }
    }
}
