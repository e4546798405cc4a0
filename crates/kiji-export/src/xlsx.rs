//! The `kiji.xlsx` workbook: one sheet per table.
//!
//! Each sheet has a bold, frozen header row, an autofilter over its data and
//! fixed column widths. Counts and offsets are numbers; text is always
//! written with `write_string`, never as a formula, so `=SUM(A1)` in an
//! article is a harmless text cell (no `'` prefix is needed or added).
//!
//! The `mentions` sheet gets three columns the CSV does not have, because a
//! spreadsheet can compute with them: `amount` and `currency` split from a
//! MONEY norm (`97400000000 USD`), and `date`, a real Excel date when a DATE
//! norm is a complete `YYYY-MM-DD`.
//!
//! Sheets are in rust_xlsxwriter's constant-memory mode: rows go to a
//! temporary file as they are written, so memory does not grow with the
//! corpus.

use crate::cell::{is_plain_number, Cell};
use crate::files::TempFiles;
use crate::tables::{self, Stats, TableDef};
use crate::ExportError;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format as XFormat, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// File name of the workbook.
pub(crate) const FILE_NAME: &str = "kiji.xlsx";

/// Excel's last row (0-based).
const MAX_ROW: u32 = 1_048_575;

/// Excel's limit on the length of a cell's text, in UTF-16 units; we count
/// code points, which is never more.
const MAX_CELL_CHARS: usize = 32_767;

/// Extra columns of the `mentions` sheet.
const MENTION_EXTRAS: [&str; 3] = ["amount", "currency", "date"];

/// Sheet indices, in [`tables::ALL`] order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sheet {
    Documents = 0,
    Mentions = 1,
    Entities = 2,
    Corpus = 3,
    Summary = 4,
}

/// The workbook being written.
pub(crate) struct XlsxBook {
    /// Final path, for error messages.
    path: PathBuf,
    /// Where the workbook is saved before the rename.
    tmp: PathBuf,
    book: Workbook,
    /// Next row of each sheet.
    next_row: [u32; 5],
    /// Number of columns of each sheet.
    columns: [u16; 5],
    /// Rows that did not fit in a sheet.
    dropped: u64,
    header: XFormat,
    date: XFormat,
    integer: XFormat,
    decimal: XFormat,
}

impl std::fmt::Debug for XlsxBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxBook")
            .field("path", &self.path)
            .field("next_row", &self.next_row)
            .field("dropped", &self.dropped)
            .finish_non_exhaustive()
    }
}

impl XlsxBook {
    /// Sets up the sheets and their headers; the workbook itself is saved
    /// to `.kiji.xlsx.tmp` in `dir` by [`XlsxBook::finish`].
    pub(crate) fn create(files: &mut TempFiles, dir: &Path) -> Result<XlsxBook, ExportError> {
        let path = dir.join(FILE_NAME);
        let tmp = files.register(dir, FILE_NAME);
        let mut xlsx = XlsxBook {
            path,
            tmp,
            book: Workbook::new(),
            next_row: [0; 5],
            columns: [0; 5],
            dropped: 0,
            header: XFormat::new().set_bold(),
            date: XFormat::new().set_num_format("yyyy-mm-dd"),
            integer: XFormat::new().set_num_format("#,##0"),
            decimal: XFormat::new().set_num_format("#,##0.00"),
        };
        xlsx.set_properties().map_err(|e| xlsx.err(e))?;
        for (i, def) in tables::ALL.iter().enumerate() {
            xlsx.add_sheet(i, def).map_err(|e| xlsx.err(e))?;
        }
        Ok(xlsx)
    }

    fn err(&self, source: XlsxError) -> ExportError {
        ExportError::Xlsx {
            path: self.path.clone(),
            source,
        }
    }

    /// Fixes the document properties. The creation time would otherwise be
    /// the clock's, and identical input must give a byte-identical workbook;
    /// 1980-01-01 is the zip format's own "no date", which the container's
    /// entries carry too.
    fn set_properties(&mut self) -> Result<(), XlsxError> {
        let epoch = ExcelDateTime::from_ymd(1980, 1, 1)?;
        let props = DocProperties::new()
            .set_title("kiji export")
            .set_creation_datetime(&epoch);
        self.book.set_properties(&props);
        Ok(())
    }

    fn add_sheet(&mut self, index: usize, def: &TableDef) -> Result<(), XlsxError> {
        let mut headers: Vec<&str> = def.headers.to_vec();
        let mut widths: Vec<f64> = def.widths.to_vec();
        if index == Sheet::Mentions as usize {
            headers.extend(MENTION_EXTRAS);
            widths.extend([16.0, 10.0, 12.0]);
        }
        let sheet = self.book.add_worksheet_with_constant_memory()?;
        sheet.set_name(def.name)?;
        sheet.set_freeze_panes(1, 0)?;
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        for (col, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *h, &self.header)?;
        }
        self.columns[index] = headers.len() as u16;
        self.next_row[index] = 1;
        Ok(())
    }

    /// Appends a row to `sheet`; rows past Excel's limit are counted and
    /// dropped (the CSV files keep them).
    pub(crate) fn row(&mut self, sheet: Sheet, row: &[Cell<'_>]) -> Result<(), ExportError> {
        let index = sheet as usize;
        let r = self.next_row[index];
        if r > MAX_ROW {
            self.dropped += 1;
            return Ok(());
        }
        self.next_row[index] += 1;
        let formats = [&self.date, &self.integer, &self.decimal];
        let ws = self
            .book
            .worksheet_from_index(index)
            .map_err(|source| ExportError::Xlsx {
                path: self.path.clone(),
                source,
            })?;
        for (col, cell) in row.iter().enumerate() {
            write_cell(ws, r, col as u16, cell, formats).map_err(|source| ExportError::Xlsx {
                path: self.path.clone(),
                source,
            })?;
        }
        Ok(())
    }

    /// Appends the `mentions` row of an entity with its amount, currency
    /// and date columns.
    pub(crate) fn mention(
        &mut self,
        mention: [Cell<'_>; 10],
        norm: Option<&str>,
        ty: kiji_core::EntityType,
    ) -> Result<(), ExportError> {
        use kiji_core::EntityType;
        let mut row = Vec::with_capacity(mention.len() + 3);
        row.extend(mention);
        let money = norm
            .filter(|_| ty == EntityType::Money)
            .and_then(parse_money);
        let date = norm.filter(|_| ty == EntityType::Date).and_then(parse_ymd);
        match money {
            Some((amount, currency)) => {
                row.push(Cell::Num(amount));
                row.push(Cell::Text(Cow::Owned(currency.to_string())));
            }
            None => row.extend([Cell::Empty, Cell::Empty]),
        }
        row.push(date.map_or(Cell::Empty, |(year, month, day)| Cell::Date {
            year,
            month,
            day,
        }));
        self.row(Sheet::Mentions, &row)
    }

    /// Writes the corpus and summary sheets, sets the autofilters and saves
    /// the workbook under its temporary name.
    pub(crate) fn finish(mut self, stats: &Stats) -> Result<(), ExportError> {
        for row in stats.corpus_rows() {
            self.row(Sheet::Corpus, &row)?;
        }
        for row in stats.summary_rows() {
            self.row(Sheet::Summary, &row)?;
        }
        if self.dropped > 0 {
            let note = vec![
                Cell::text("xlsx_rows_dropped"),
                Cell::text("over Excel's row limit; see the CSV files"),
                Cell::Int(self.dropped),
            ];
            self.row(Sheet::Summary, &note)?;
        }
        self.save().map_err(|e| self.err(e))
    }

    fn save(&mut self) -> Result<(), XlsxError> {
        for index in 0..tables::ALL.len() {
            let last_row = self.next_row[index].saturating_sub(1).min(MAX_ROW);
            let last_col = self.columns[index].saturating_sub(1);
            self.book
                .worksheet_from_index(index)?
                .autofilter(0, 0, last_row, last_col)?;
        }
        self.book.save(&self.tmp)
    }
}

/// Writes one cell with the type it has: text as a string, counts and
/// amounts as numbers, dates as dates.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell<'_>,
    [date, integer, decimal]: [&XFormat; 3],
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => {
            ws.write_string(row, col, truncate(s))?;
        }
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Num(x) if x.fract() == 0.0 => {
            ws.write_number_with_format(row, col, *x, integer)?;
        }
        Cell::Num(x) => {
            ws.write_number_with_format(row, col, *x, decimal)?;
        }
        Cell::Date { year, month, day } => {
            // A day that does not exist (2025-02-30) or lies before Excel's
            // epoch leaves the cell empty; the norm column has the text.
            if let Ok(d) = ExcelDateTime::from_ymd(*year, *month, *day) {
                ws.write_datetime_with_format(row, col, &d, date)?;
            }
        }
        Cell::Empty => {}
    }
    Ok(())
}

/// `s` cut to the longest prefix Excel accepts in a cell.
fn truncate(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

/// Amount and currency of a MONEY norm (`97400000000 USD`).
pub(crate) fn parse_money(norm: &str) -> Option<(f64, &str)> {
    let (amount, currency) = norm.split_once(' ')?;
    let currency_ok = currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase());
    if !currency_ok || !is_plain_number(amount) {
        return None;
    }
    let x: f64 = amount.parse().ok()?;
    x.is_finite().then_some((x, currency))
}

/// Year, month and day of a complete ISO date (`2025-02-10`).
pub(crate) fn parse_ymd(norm: &str) -> Option<(u16, u8, u8)> {
    let b = norm.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    Some((
        norm[0..4].parse().ok()?,
        norm[5..7].parse().ok()?,
        norm[8..10].parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_norms_split_into_amount_and_currency() {
        assert_eq!(parse_money("97400000000 USD"), Some((97400000000.0, "USD")));
        assert_eq!(parse_money("4.5 JPY"), Some((4.5, "JPY")));
        assert_eq!(parse_money("many USD"), None);
        assert_eq!(parse_money("4 dollars"), None);
        assert_eq!(parse_money("4"), None);
    }

    #[test]
    fn only_complete_dates_become_dates() {
        assert_eq!(parse_ymd("2025-02-10"), Some((2025, 2, 10)));
        assert_eq!(parse_ymd("2024-10"), None);
        assert_eq!(parse_ymd("--02-10"), None);
        assert_eq!(parse_ymd("2025-W06"), None);
        assert_eq!(parse_ymd("２０２５-02-10"), None);
    }

    #[test]
    fn long_text_is_cut_at_excels_limit() {
        let long = "記".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(truncate(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(truncate("short"), "short");
    }
}
