//! Spreadsheet-style gold: which entities each document mentions, without
//! offsets. Scoring compares sets of (document, type, key) per document.
//!
//! The CSV has a header with `doc_id`, `type` and `text` or `canonical`
//! (when both are present, `canonical` is the key: it is what a
//! spreadsheet of "who, which organisation" means). Other columns are
//! ignored. A row with an empty `type` only declares the document, so a
//! document with no entity can be scored. Types go through the label map;
//! a label mapped to `O` is skipped and one mapped to `IGNORE` makes an
//! equal predicted key neither right nor wrong.

use crate::labels::{classify, LabelMap, Target};
use crate::score::{fold, Counts};
use crate::{EvalError, GoldDoc};
use kiji_core::EntityType;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::Path;

/// Which column identifies an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKey {
    /// The surface text.
    Text,
    /// The canonical name; a prediction without one is compared by its text.
    Canonical,
}

/// The gold of one spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetGold {
    /// The column compared.
    pub key: SheetKey,
    /// Document ids in first-seen order.
    pub docs: Vec<String>,
    /// Per document, the folded (type, key) pairs.
    pub entries: HashMap<String, BTreeSet<(EntityType, String)>>,
    /// Per document, folded keys mapped to `IGNORE`.
    pub ignored: HashMap<String, BTreeSet<String>>,
}

/// Set-level scores of a sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetReport {
    /// Documents in the sheet.
    pub documents: usize,
    /// Types reported, in [`EntityType::ALL`] order.
    pub types: Vec<EntityType>,
    /// Per type counts of (document, type, key) triples.
    pub per_type: BTreeMap<EntityType, Counts>,
    /// Sum over types.
    pub micro: Counts,
    /// Sheet documents without predictions (all misses).
    pub missing_docs: Vec<String>,
    /// Predicted documents not in the sheet (not scored).
    pub extra_docs: Vec<String>,
}

/// Reads a CSV sheet (see the module documentation).
pub fn read_sheet_gold(path: &Path, map: Option<&LabelMap>) -> Result<SheetGold, EvalError> {
    let file = std::fs::File::open(path).map_err(|e| EvalError::io(path, e))?;
    parse_sheet_gold(file, path, map)
}

/// [`read_sheet_gold`] on any reader; `path` only names it in errors.
pub fn parse_sheet_gold(
    input: impl std::io::Read,
    path: &Path,
    map: Option<&LabelMap>,
) -> Result<SheetGold, EvalError> {
    let csv_err = |source| EvalError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader.headers().map_err(csv_err)?.clone();
    let col = |name: &str| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    };
    let (Some(doc_col), Some(type_col)) = (col("doc_id"), col("type")) else {
        return Err(EvalError::invalid(
            path,
            1,
            "the header needs doc_id, type and text or canonical columns",
        ));
    };
    let (key, key_col) = match (col("canonical"), col("text")) {
        (Some(c), _) => (SheetKey::Canonical, c),
        (None, Some(t)) => (SheetKey::Text, t),
        (None, None) => {
            return Err(EvalError::invalid(
                path,
                1,
                "the header has neither a text nor a canonical column",
            ))
        }
    };
    let mut sheet = SheetGold {
        key,
        docs: Vec::new(),
        entries: HashMap::new(),
        ignored: HashMap::new(),
    };
    for record in reader.records() {
        let record = record.map_err(csv_err)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let doc = field(doc_col);
        if doc.is_empty() {
            return Err(EvalError::invalid(path, line, "empty doc_id"));
        }
        if !sheet.entries.contains_key(doc) {
            sheet.docs.push(doc.to_string());
            sheet.entries.insert(doc.to_string(), BTreeSet::new());
        }
        let label = field(type_col);
        if label.is_empty() {
            continue;
        }
        let k = fold(field(key_col));
        if k.is_empty() {
            return Err(EvalError::invalid(path, line, "a typed row needs a key"));
        }
        match classify(label, map).map_err(|m| EvalError::invalid(path, line, m))? {
            Target::Type(ty) => {
                if let Some(set) = sheet.entries.get_mut(doc) {
                    set.insert((ty, k));
                }
            }
            Target::Ignore => {
                sheet.ignored.entry(doc.to_string()).or_default().insert(k);
            }
            Target::Drop => {}
        }
    }
    Ok(sheet)
}

/// Scores predictions against a sheet: per document, the set of predicted
/// (type, key) pairs against the gold set. Repeated mentions count once.
/// With `types`, both sides keep only those types.
pub fn score_sheet(
    sheet: &SheetGold,
    pred: &[GoldDoc],
    types: Option<&[EntityType]>,
) -> SheetReport {
    let wanted = |ty: EntityType| types.is_none_or(|ts| ts.contains(&ty));
    let by_id: HashMap<&str, &GoldDoc> = pred.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut report = SheetReport {
        documents: sheet.docs.len(),
        ..SheetReport::default()
    };
    let no_ignored = BTreeSet::new();
    for id in &sheet.docs {
        let gold: BTreeSet<&(EntityType, String)> = sheet
            .entries
            .get(id)
            .into_iter()
            .flatten()
            .filter(|(t, _)| wanted(*t))
            .collect();
        let ignored = sheet.ignored.get(id).unwrap_or(&no_ignored);
        let predicted: BTreeSet<(EntityType, String)> = match by_id.get(id.as_str()) {
            Some(d) => d
                .entities
                .iter()
                .filter(|e| wanted(e.ty))
                .map(|e| {
                    let k = match (sheet.key, &e.canonical) {
                        (SheetKey::Canonical, Some(c)) => c.as_str(),
                        _ => e.text.as_str(),
                    };
                    (e.ty, fold(k))
                })
                .filter(|(t, k)| !ignored.contains(k) || gold.contains(&(*t, k.clone())))
                .collect(),
            None => {
                report.missing_docs.push(id.clone());
                BTreeSet::new()
            }
        };
        for (ty, k) in &predicted {
            let c = report.per_type.entry(*ty).or_default();
            if gold.contains(&(*ty, k.clone())) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for (ty, k) in gold {
            if !predicted.contains(&(*ty, k.clone())) {
                report.per_type.entry(*ty).or_default().fn_ += 1;
            }
        }
    }
    let in_sheet: BTreeSet<&str> = sheet.docs.iter().map(String::as_str).collect();
    report.extra_docs = pred
        .iter()
        .filter(|d| !in_sheet.contains(d.id.as_str()))
        .map(|d| d.id.clone())
        .collect();
    report.types = EntityType::ALL
        .into_iter()
        .filter(|t| match types {
            Some(ts) => ts.contains(t),
            None => report.per_type.contains_key(t),
        })
        .collect();
    for t in &report.types {
        report.per_type.entry(*t).or_default();
    }
    report.per_type.retain(|t, _| wanted(*t));
    for c in report.per_type.values() {
        report.micro.tp += c.tp;
        report.micro.fp += c.fp;
        report.micro.fn_ += c.fn_;
    }
    report
}

impl SheetReport {
    /// Micro-averaged F1, the figure `--fail-under` checks.
    pub fn micro_f1(&self) -> f64 {
        self.micro.f1()
    }

    /// Aligned table: one row per type, micro last.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} documents, {} gold (document, type, key) entries, {} predicted\n",
            self.documents,
            self.micro.support(),
            self.micro.tp + self.micro.fp
        );
        let _ = writeln!(
            out,
            "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}",
            "type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"
        );
        let rule = "-".repeat(10 + 5 * 7 + 21);
        let _ = writeln!(out, "{rule}");
        let row = |out: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                out,
                "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6.3} {:>6.3} {:>6.3}",
                name,
                c.support(),
                c.tp + c.fp,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        for t in &self.types {
            row(
                &mut out,
                t.as_str(),
                &self.per_type.get(t).copied().unwrap_or_default(),
            );
        }
        let _ = writeln!(out, "{rule}");
        row(&mut out, "micro", &self.micro);
        if !self.missing_docs.is_empty() {
            let _ = writeln!(
                out,
                "missing from predictions ({}): {}",
                self.missing_docs.len(),
                self.missing_docs.join(", ")
            );
        }
        if !self.extra_docs.is_empty() {
            let _ = writeln!(
                out,
                "predicted but not in the sheet ({}, not scored)",
                self.extra_docs.len()
            );
        }
        out
    }

    /// The report as JSON, with the counts layout of [`crate::Report::to_json`].
    pub fn to_json(&self) -> Value {
        let c = |c: &Counts| {
            json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "support": c.support(),
                   "precision": c.precision(), "recall": c.recall(), "f1": c.f1()})
        };
        let per_type: Map<String, Value> = self
            .per_type
            .iter()
            .map(|(t, n)| (t.as_str().to_string(), c(n)))
            .collect();
        json!({
            "version": crate::JSON_VERSION,
            "sheet": true,
            "documents": self.documents,
            "types": self.types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            "set": {"micro": c(&self.micro), "per_type": per_type},
            "missing_documents": self.missing_docs,
            "extra_documents": self.extra_docs,
        })
    }
}
