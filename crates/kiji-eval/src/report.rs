//! Rendering a [`Report`]: the stdout table, the JSON file and the change
//! against an earlier JSON file.

use crate::score::{Accuracy, Counts, ErrorExample, Label, ModeScores, Report};
use crate::GoldEntity;
use kiji_core::EntityType;
use serde_json::{json, Map, Value};
use std::fmt::Write;

/// The three modes in report order, with their JSON keys.
const MODES: [&str; 3] = ["strict", "boundary", "partial"];

/// Version of the JSON layout, bumped when a key changes meaning.
pub const JSON_VERSION: u64 = 1;

impl Report {
    fn mode(&self, name: &str) -> &ModeScores {
        match name {
            "boundary" => &self.boundary,
            "partial" => &self.partial,
            _ => &self.strict,
        }
    }

    /// The main table: one row per type (in [`EntityType::ALL`] order) and a
    /// micro row last; gold and predicted counts, strict tp/fp/fn, then P,
    /// R and F1 of each mode. Below it the canonical and norm accuracy and
    /// any missing or extra documents.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let predicted = self.strict.micro.tp + self.strict.micro.fp;
        let _ = writeln!(
            out,
            "{} documents, {} gold entities, {} predicted{}",
            self.documents,
            self.strict.micro.support(),
            predicted,
            if self.ignored_predictions > 0 {
                format!(
                    " ({} more on ignored spans, not scored)",
                    self.ignored_predictions
                )
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            out,
            "{:<24} {:^20}  {:^20}  {:^20}  {:^20}",
            "", "strict counts", "strict", "boundary", "partial"
        );
        let _ = writeln!(
            out,
            "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6}  {}  {}  {}",
            "type",
            "gold",
            "pred",
            "tp",
            "fp",
            "fn",
            prf_header(),
            prf_header(),
            prf_header()
        );
        let rule = "-".repeat(10 + 5 * 7 + 3 * 22);
        let _ = writeln!(out, "{rule}");
        for ty in &self.types {
            let s = self.strict.per_type.get(ty).copied().unwrap_or_default();
            let b = self.boundary.per_type.get(ty).copied().unwrap_or_default();
            let p = self.partial.per_type.get(ty).copied().unwrap_or_default();
            self.row(&mut out, ty.as_str(), &s, &b, &p);
        }
        let _ = writeln!(out, "{rule}");
        self.row(
            &mut out,
            "micro",
            &self.strict.micro,
            &self.boundary.micro,
            &self.partial.micro,
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "canonical accuracy  {}", accuracy(&self.canonical));
        let _ = writeln!(out, "norm accuracy       {}", accuracy(&self.norm));
        if !self.missing_docs.is_empty() {
            let _ = writeln!(
                out,
                "missing from predictions ({}, scored as misses): {}",
                self.missing_docs.len(),
                list(&self.missing_docs)
            );
        }
        if !self.extra_docs.is_empty() {
            let _ = writeln!(
                out,
                "predicted but not in gold ({}, not scored): {}",
                self.extra_docs.len(),
                list(&self.extra_docs)
            );
        }
        out
    }

    fn row(&self, out: &mut String, name: &str, s: &Counts, b: &Counts, p: &Counts) {
        let _ = writeln!(
            out,
            "{:<10} {:>6} {:>6} {:>6} {:>6} {:>6}  {}  {}  {}",
            name,
            s.support(),
            s.tp + s.fp,
            s.tp,
            s.fp,
            s.fn_,
            prf(s),
            prf(b),
            prf(p)
        );
    }

    /// The confusion matrix of types over boundary-matched pairs: rows are
    /// gold types, columns predicted types, `O` the absence of a match.
    pub fn confusion_table(&self) -> String {
        let labels: Vec<Label> = self
            .types
            .iter()
            .map(|t| Some(*t))
            .chain(std::iter::once(None))
            .collect();
        let mut out = String::from("confusion (rows gold, columns predicted; same span)\n");
        let _ = write!(out, "{:<10}", "gold\\pred");
        for l in &labels {
            let _ = write!(out, " {:>8}", label(*l));
        }
        out.push('\n');
        for g in &labels {
            let _ = write!(out, "{:<10}", label(*g));
            for p in &labels {
                let n = self.confusion.get(&(*g, *p)).copied().unwrap_or(0);
                if g.is_none() && p.is_none() {
                    let _ = write!(out, " {:>8}", "");
                } else {
                    let _ = write!(out, " {:>8}", n);
                }
            }
            out.push('\n');
        }
        out
    }

    /// The error examples, one a line: kind, document, gold and predicted
    /// entity, and the text around them.
    pub fn errors_text(&self) -> String {
        let mut out = String::new();
        for e in &self.errors {
            let _ = writeln!(out, "{}", error_line(e));
        }
        out
    }

    /// The report as JSON (layout version [`JSON_VERSION`]); read back by
    /// [`Report::diff_table`].
    pub fn to_json(&self) -> Value {
        let mut root = Map::new();
        root.insert("version".into(), json!(JSON_VERSION));
        root.insert("documents".into(), json!(self.documents));
        root.insert(
            "types".into(),
            json!(self.types.iter().map(|t| t.as_str()).collect::<Vec<_>>()),
        );
        for name in MODES {
            let m = self.mode(name);
            let per_type: Map<String, Value> = m
                .per_type
                .iter()
                .map(|(t, c)| (t.as_str().to_string(), counts_json(c)))
                .collect();
            root.insert(
                name.into(),
                json!({"micro": counts_json(&m.micro), "per_type": per_type}),
            );
        }
        let acc = |all: &Accuracy, per: &std::collections::BTreeMap<EntityType, Accuracy>| {
            let per_type: Map<String, Value> = per
                .iter()
                .map(|(t, a)| (t.as_str().to_string(), accuracy_json(a)))
                .collect();
            let mut v = accuracy_json(all);
            if let Value::Object(o) = &mut v {
                o.insert("per_type".into(), Value::Object(per_type));
            }
            v
        };
        root.insert(
            "canonical".into(),
            acc(&self.canonical, &self.canonical_per_type),
        );
        root.insert("norm".into(), acc(&self.norm, &self.norm_per_type));
        let labels: Vec<Label> = self
            .types
            .iter()
            .map(|t| Some(*t))
            .chain(std::iter::once(None))
            .collect();
        let matrix: Vec<Vec<usize>> = labels
            .iter()
            .map(|g| {
                labels
                    .iter()
                    .map(|p| self.confusion.get(&(*g, *p)).copied().unwrap_or(0))
                    .collect()
            })
            .collect();
        root.insert(
            "confusion".into(),
            json!({
                "labels": labels.iter().map(|l| label(*l)).collect::<Vec<_>>(),
                "rows": "gold",
                "columns": "predicted",
                "matrix": matrix,
            }),
        );
        root.insert(
            "ignored_predictions".into(),
            json!(self.ignored_predictions),
        );
        root.insert("missing_documents".into(), json!(self.missing_docs));
        root.insert("extra_documents".into(), json!(self.extra_docs));
        root.insert(
            "errors".into(),
            Value::Array(self.errors.iter().map(error_json).collect()),
        );
        Value::Object(root)
    }

    /// Every figure beside the same figure of `baseline` (an earlier
    /// [`Report::to_json`]): P, R and F1 of each mode per type and micro,
    /// then canonical and norm accuracy. `=` marks an unchanged figure, `-`
    /// one the baseline lacks.
    pub fn diff_table(&self, baseline: &Value) -> String {
        let mut out = String::from("change against baseline (before → after, difference)\n");
        let old_support = baseline
            .pointer("/strict/micro/support")
            .and_then(Value::as_u64);
        if old_support.is_some_and(|s| s != self.strict.micro.support() as u64) {
            let _ = writeln!(
                out,
                "note: the gold differs: {} gold entities now, {} in the baseline",
                self.strict.micro.support(),
                old_support.unwrap_or(0)
            );
        }
        let _ = writeln!(
            out,
            "{:<9} {:<9} {:^21} {:^21} {:^21}",
            "mode", "type", "P", "R", "F1"
        );
        let mut types: Vec<EntityType> = self.types.clone();
        for ty in EntityType::ALL {
            if baseline
                .pointer(&format!("/strict/per_type/{}", ty.as_str()))
                .is_some()
                && !types.contains(&ty)
            {
                types.push(ty);
            }
        }
        types.sort();
        for name in MODES {
            let m = self.mode(name);
            let rows = types
                .iter()
                .map(|t| (t.as_str(), m.per_type.get(t)))
                .chain(std::iter::once(("micro", Some(&m.micro))));
            for (row, counts) in rows {
                let _ = write!(out, "{name:<9} {row:<9}");
                let base = if row == "micro" {
                    format!("/{name}/micro")
                } else {
                    format!("/{name}/per_type/{row}")
                };
                for (key, now) in [
                    ("precision", counts.map(Counts::precision)),
                    ("recall", counts.map(Counts::recall)),
                    ("f1", counts.map(Counts::f1)),
                ] {
                    let then = baseline
                        .pointer(&format!("{base}/{key}"))
                        .and_then(Value::as_f64);
                    let _ = write!(out, " {}", change(then, now));
                }
                out.push('\n');
            }
        }
        for (name, acc) in [("canonical", &self.canonical), ("norm", &self.norm)] {
            let then = baseline
                .pointer(&format!("/{name}/accuracy"))
                .and_then(Value::as_f64);
            let _ = writeln!(
                out,
                "{:<19} {}",
                format!("{name} accuracy"),
                change(then, Some(acc.accuracy()))
            );
        }
        out
    }
}

fn prf_header() -> String {
    format!("{:>6} {:>6} {:>6}", "P", "R", "F1")
}

fn prf(c: &Counts) -> String {
    format!("{:>6.3} {:>6.3} {:>6.3}", c.precision(), c.recall(), c.f1())
}

fn accuracy(a: &Accuracy) -> String {
    format!("{:.3}  ({}/{})", a.accuracy(), a.correct, a.n)
}

fn list(ids: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut s = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        let _ = write!(s, ", … ({} more)", ids.len() - SHOWN);
    }
    s
}

/// `O` for no entity, the type label otherwise.
fn label(l: Label) -> &'static str {
    l.map_or("O", EntityType::as_str)
}

fn change(then: Option<f64>, now: Option<f64>) -> String {
    match (then, now) {
        (Some(a), Some(b)) if (a - b).abs() < 5e-7 => format!("{a:.3} → {b:.3} {:>7}", "="),
        (Some(a), Some(b)) => format!("{a:.3} → {b:.3} {:>+7.3}", b - a),
        (None, Some(b)) => format!("{:>5} → {b:.3} {:>7}", "-", ""),
        (Some(a), None) => format!("{a:.3} → {:>5} {:>7}", "-", ""),
        (None, None) => format!("{:21}", ""),
    }
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn_,
        "support": c.support(),
        "predicted": c.tp + c.fp,
        "precision": c.precision(),
        "recall": c.recall(),
        "f1": c.f1(),
    })
}

fn accuracy_json(a: &Accuracy) -> Value {
    json!({"n": a.n, "correct": a.correct, "accuracy": a.accuracy()})
}

fn entity_json(e: &GoldEntity) -> Value {
    let mut v = json!({"start": e.start, "end": e.end, "type": e.ty.as_str(), "text": e.text});
    if let Value::Object(o) = &mut v {
        if let Some(c) = &e.canonical {
            o.insert("canonical".into(), json!(c));
        }
        if let Some(n) = &e.norm {
            o.insert("norm".into(), json!(n));
        }
    }
    v
}

fn error_json(e: &ErrorExample) -> Value {
    json!({
        "kind": e.kind.as_str(),
        "doc": e.doc,
        "gold": e.gold.as_ref().map(entity_json),
        "pred": e.pred.as_ref().map(entity_json),
        "context": e.context,
    })
}

fn describe(e: &GoldEntity) -> String {
    let mut s = format!("{} {}..{}", e.ty, e.start, e.end);
    if !e.text.is_empty() {
        let _ = write!(s, " {:?}", e.text);
    }
    if let Some(c) = &e.canonical {
        let _ = write!(s, " canonical={c:?}");
    }
    if let Some(n) = &e.norm {
        let _ = write!(s, " norm={n:?}");
    }
    s
}

fn error_line(e: &ErrorExample) -> String {
    let mut s = format!("{:<9} {}", e.kind.as_str(), e.doc);
    if let Some(g) = &e.gold {
        let _ = write!(s, "  gold {}", describe(g));
    }
    if let Some(p) = &e.pred {
        let _ = write!(s, "  pred {}", describe(p));
    }
    let _ = write!(s, "  | {}", e.context);
    s
}
