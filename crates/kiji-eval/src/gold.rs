//! Reading gold files and kiji predictions (both JSONL, one document a line).

use crate::labels::{classify, LabelMap, Target};
use crate::EvalError;
use kiji_core::{Entity, EntityType};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// One document of a gold file, or kiji's predictions for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// Identifier; predictions are matched to gold by it.
    pub id: String,
    /// The annotated text (empty for predictions that leave it out).
    pub text: String,
    /// Publication date, for resolving relative dates.
    pub date: Option<String>,
    /// The entities, in file order.
    pub entities: Vec<GoldEntity>,
    /// Spans that are neither rewarded nor penalised (wikigold's MISC,
    /// labels mapped to `IGNORE`).
    pub ignored: Vec<IgnoredSpan>,
}

/// An annotated (or predicted) entity. Offsets are in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The type, after the label map.
    pub ty: EntityType,
    /// The covered text (may be empty in predictions).
    pub text: String,
    /// Canonical name, for name types.
    pub canonical: Option<String>,
    /// Normalised value, for MONEY/DATE/TIME/PERCENT.
    pub norm: Option<String>,
}

/// A span excluded from scoring. It has no kiji type: its label, if any, is
/// kept for reports only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredSpan {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// The original label (`MISC`, `CARDINAL`, …) when known.
    pub label: Option<String>,
}

impl GoldEntity {
    /// The gold form of a pipeline entity.
    pub fn from_entity(e: &Entity) -> GoldEntity {
        GoldEntity {
            start: e.start,
            end: e.end,
            ty: e.ty,
            text: e.text.clone(),
            canonical: e.canonical.clone(),
            norm: e.norm.clone(),
        }
    }

    /// True when the two spans share at least one character.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

#[derive(Deserialize)]
struct RawDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    #[serde(default)]
    entities: Option<Vec<RawEntity>>,
    #[serde(default)]
    ignored: Option<Vec<RawEntity>>,
}

#[derive(Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    ty: Option<String>,
    text: Option<String>,
    canonical: Option<String>,
    norm: Option<String>,
    orig_type: Option<String>,
}

/// Reads a gold JSONL file: `id`, `text`, optional `date`, `entities` with
/// `start`, `end`, `type`, `text` and optional `canonical` and `norm`, and
/// optional `ignored` spans. Labels go through `map` first (see
/// [`LabelMap`]); an unknown label is an error naming the line.
///
/// Every span must lie inside the text and, when the entity has a `text`,
/// cover exactly that text: a gold file that fails this is broken, and
/// scoring it would give misleading figures.
pub fn read_gold(path: &Path, map: Option<&LabelMap>) -> Result<Vec<GoldDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    parse_gold(&text, path, map)
}

/// [`read_gold`] on text already read; `path` only names it in errors.
pub fn parse_gold(
    text: &str,
    path: &Path,
    map: Option<&LabelMap>,
) -> Result<Vec<GoldDoc>, EvalError> {
    parse_jsonl(text, path, Some(map))
}

/// Reads kiji's `documents.jsonl` (or any file of the gold shape) as
/// predictions. Extra keys are ignored, `text` may be absent, and spans are
/// not checked against the text: a wrong prediction is scored, not refused.
pub fn read_predictions(path: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    parse_predictions(&text, path)
}

/// [`read_predictions`] on text already read.
pub fn parse_predictions(text: &str, path: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    parse_jsonl(text, path, None)
}

// `gold` is `Some(map)` for gold files, `None` for predictions.
fn parse_jsonl(
    text: &str,
    path: &Path,
    gold: Option<Option<&LabelMap>>,
) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: lineno,
            source,
        })?;
        let bad = |m: String| EvalError::invalid(path, lineno, m);
        let id = match raw.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => return Err(bad(format!("id must be a string, found {other}"))),
            None => return Err(bad("document has no id".into())),
        };
        if !seen.insert(id.clone()) {
            return Err(bad(format!("document id {id:?} appears twice")));
        }
        let doc_text = match (raw.text, gold.is_some()) {
            (Some(t), _) => t,
            (None, false) => String::new(),
            (None, true) => return Err(bad(format!("gold document {id:?} has no text"))),
        };
        let chars: Vec<char> = if gold.is_some() {
            doc_text.chars().collect()
        } else {
            Vec::new()
        };
        let mut doc = GoldDoc {
            id,
            text: String::new(),
            date: raw.date,
            entities: Vec::new(),
            ignored: Vec::new(),
        };
        for (k, e) in raw.entities.unwrap_or_default().into_iter().enumerate() {
            // Gold spans must cover something; predictions are only checked for order.
            if (gold.is_some() && e.start >= e.end) || e.start > e.end {
                return Err(bad(format!(
                    "entity {k}: empty or reversed span {}..{}",
                    e.start, e.end
                )));
            }
            let label =
                e.ty.as_deref()
                    .ok_or_else(|| bad(format!("entity {k} has no type")))?;
            let target = match gold {
                Some(map) => classify(label, map).map_err(|m| bad(format!("entity {k}: {m}")))?,
                None => label
                    .parse::<EntityType>()
                    .map(Target::Type)
                    .map_err(|m| bad(format!("entity {k}: {m}")))?,
            };
            let covered = if gold.is_some() {
                covered_text(&chars, e.start, e.end, e.text.as_deref())
                    .map_err(|m| bad(format!("entity {k}: {m}")))?
            } else {
                e.text.unwrap_or_default()
            };
            match target {
                Target::Type(ty) => doc.entities.push(GoldEntity {
                    start: e.start,
                    end: e.end,
                    ty,
                    text: covered,
                    canonical: e.canonical,
                    norm: e.norm,
                }),
                Target::Ignore => doc.ignored.push(IgnoredSpan {
                    start: e.start,
                    end: e.end,
                    text: covered,
                    label: Some(label.to_string()),
                }),
                Target::Drop => {}
            }
        }
        for (k, e) in raw.ignored.unwrap_or_default().into_iter().enumerate() {
            let covered = if gold.is_some() {
                covered_text(&chars, e.start, e.end, e.text.as_deref())
                    .map_err(|m| bad(format!("ignored span {k}: {m}")))?
            } else {
                e.text.unwrap_or_default()
            };
            doc.ignored.push(IgnoredSpan {
                start: e.start,
                end: e.end,
                text: covered,
                label: e.orig_type.or(e.ty),
            });
        }
        doc.text = doc_text;
        docs.push(doc);
    }
    Ok(docs)
}

fn covered_text(
    chars: &[char],
    start: usize,
    end: usize,
    claimed: Option<&str>,
) -> Result<String, String> {
    if start > end || end > chars.len() {
        return Err(format!(
            "span {start}..{end} lies outside the text ({} code points)",
            chars.len()
        ));
    }
    let covered: String = chars[start..end].iter().collect();
    match claimed {
        Some(c) if c != covered => Err(format!(
            "span {start}..{end} covers {covered:?} but the entity's text is {c:?}"
        )),
        _ => Ok(covered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("g.jsonl")
    }

    #[test]
    fn reads_entities_ignored_spans_and_dates() {
        let line = r#"{"id":"d1","text":"Sam Altman of OpenAI met Red Men.","date":"2025-02-10","entities":[{"start":0,"end":10,"type":"PERSON","text":"Sam Altman","canonical":"Sam Altman"},{"start":14,"end":20,"type":"ORG","text":"OpenAI","orig_type":"法人名"}],"ignored":[{"start":25,"end":32,"text":"Red Men","orig_type":"MISC"}]}"#;
        let docs = parse_gold(line, p(), None).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.date.as_deref(), Some("2025-02-10"));
        assert_eq!(d.entities[0].canonical.as_deref(), Some("Sam Altman"));
        assert_eq!(d.entities[1].ty, EntityType::Org);
        assert_eq!(d.ignored[0].label.as_deref(), Some("MISC"));
        assert_eq!(d.ignored[0].text, "Red Men");
    }

    #[test]
    fn offsets_are_code_points() {
        let line = r#"{"id":"j","text":"米国のOpenAIが","entities":[{"start":3,"end":9,"type":"ORG","text":"OpenAI"}]}"#;
        let docs = parse_gold(line, p(), None).unwrap();
        assert_eq!(docs[0].entities[0].text, "OpenAI");
        let wrong = r#"{"id":"j","text":"米国のOpenAIが","entities":[{"start":9,"end":15,"type":"ORG","text":"OpenAI"}]}"#;
        let err = parse_gold(wrong, p(), None).unwrap_err().to_string();
        assert!(err.contains("outside the text"), "{err}");
    }

    #[test]
    fn unknown_labels_name_the_line_unless_mapped() {
        let text = "{\"id\":\"a\",\"text\":\"x\",\"entities\":[]}\n{\"id\":\"b\",\"text\":\"Tokyo\",\"entities\":[{\"start\":0,\"end\":5,\"type\":\"地名\"}]}\n";
        let err = parse_gold(text, p(), None).unwrap_err().to_string();
        assert!(
            err.starts_with("g.jsonl:2:") && err.contains("地名"),
            "{err}"
        );
        let sm = LabelMap::preset("stockmark").unwrap();
        let docs = parse_gold(text, p(), Some(&sm)).unwrap();
        assert_eq!(docs[1].entities[0].ty, EntityType::Location);
    }

    #[test]
    fn mapped_labels_drop_or_ignore() {
        let map = LabelMap::parse("MISC=IGNORE\nNUM=O\n", Path::new("m")).unwrap();
        let line = r#"{"id":"a","text":"3 Red Men","entities":[{"start":0,"end":1,"type":"NUM"},{"start":2,"end":9,"type":"MISC"}]}"#;
        let docs = parse_gold(line, p(), Some(&map)).unwrap();
        assert!(docs[0].entities.is_empty());
        assert_eq!(docs[0].ignored.len(), 1);
        assert_eq!(docs[0].ignored[0].text, "Red Men");
    }

    #[test]
    fn gold_text_must_match_span() {
        let line = r#"{"id":"a","text":"OpenAI","entities":[{"start":0,"end":4,"type":"ORG","text":"OpenAI"}]}"#;
        let err = parse_gold(line, p(), None).unwrap_err().to_string();
        assert!(err.contains("covers \"Open\""), "{err}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let text = "{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"a\",\"text\":\"\"}\n";
        let err = parse_gold(text, p(), None).unwrap_err().to_string();
        assert!(
            err.starts_with("g.jsonl:2:") && err.contains("twice"),
            "{err}"
        );
    }

    #[test]
    fn predictions_need_no_text_and_ignore_extra_keys() {
        let line = r#"{"id":7,"lang":"ja","entities":[{"start":0,"end":3,"byte_start":0,"byte_end":9,"type":"LOCATION","text":"東京都","source":"gazetteer","canonical":"Tokyo"}]}"#;
        let docs = parse_predictions(line, p()).unwrap();
        assert_eq!(docs[0].id, "7");
        assert_eq!(docs[0].text, "");
        assert_eq!(docs[0].entities[0].canonical.as_deref(), Some("Tokyo"));
        let bad = r#"{"id":"x","entities":[{"start":0,"end":3,"type":"THING"}]}"#;
        assert!(parse_predictions(bad, p()).is_err());
    }
}
