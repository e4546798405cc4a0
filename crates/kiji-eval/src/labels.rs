//! Label maps: how the labels of other annotation schemes become kiji's ten
//! entity types.
//!
//! A map file has one mapping a line, either `FROM=TO` or `FROM<TAB>TO`;
//! blank lines and lines starting with `#` are skipped. `TO` is one of the
//! ten types (`PERSON`, `ORG`, …; `LOC`, `PER` and `ORGANIZATION` are
//! accepted too), `O` to drop the span as if it were not annotated, or
//! `IGNORE` to keep it as an ignored span: a prediction overlapping it is
//! neither rewarded nor penalised. Labels compare case-insensitively.
//!
//! Labels not in the map are read as kiji types, so a gold file already in
//! kiji's labels scores the same with or without a map.

use crate::EvalError;
use kiji_core::EntityType;
use std::collections::BTreeMap;
use std::path::Path;

/// What a label becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// One of kiji's types.
    Type(EntityType),
    /// Not an entity: the span is removed from the gold.
    Drop,
    /// Unscorable: the span joins the document's ignored spans.
    Ignore,
}

/// A mapping from foreign labels to [`Target`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMap {
    name: String,
    entries: BTreeMap<String, Target>,
}

/// Names of the built-in maps, for `--map NAME`.
pub const PRESETS: [&str; 3] = ["irex", "ontonotes", "stockmark"];

impl LabelMap {
    /// The built-in map called `name`, if there is one.
    ///
    /// * `irex`: IREX (Japanese): PERSON, ORGANIZATION, LOCATION, ARTIFACT →
    ///   PRODUCT, DATE, TIME, MONEY, PERCENT; `OPTIONAL` (spans IREX marks
    ///   as undecidable) is ignored.
    /// * `ontonotes`: OntoNotes 5: PERSON, ORG, GPE/LOC/FAC → LOCATION,
    ///   PRODUCT, EVENT, LAW → EVENT (ANNOTATION.md counts laws as events),
    ///   DATE, TIME, MONEY, PERCENT, QUANTITY. CARDINAL and NORP are
    ///   ignored: a bare number is no entity for kiji but may sit inside a
    ///   kiji QUANTITY ("19 organizations"), and NORP mixes demonyms (no
    ///   entity) with political and religious groups (arguably ORG).
    ///   WORK_OF_ART is ignored because books and songs are neither
    ///   products nor events in ANNOTATION.md, yet a title may be a product
    ///   name. ORDINAL and LANGUAGE are dropped: never an entity for kiji.
    /// * `stockmark`: the Stockmark Wikipedia NER labels: 人名 → PERSON;
    ///   法人名, 政治的組織名, その他の組織名 → ORG; 地名, 施設名 → LOCATION;
    ///   製品名 → PRODUCT; イベント名 → EVENT.
    pub fn preset(name: &str) -> Option<LabelMap> {
        use EntityType::*;
        let pairs: &[(&str, Target)] = match name.to_ascii_lowercase().as_str() {
            "irex" => &[
                ("PERSON", Target::Type(Person)),
                ("ORGANIZATION", Target::Type(Org)),
                ("LOCATION", Target::Type(Location)),
                ("ARTIFACT", Target::Type(Product)),
                ("DATE", Target::Type(Date)),
                ("TIME", Target::Type(Time)),
                ("MONEY", Target::Type(Money)),
                ("PERCENT", Target::Type(Percent)),
                ("OPTIONAL", Target::Ignore),
            ],
            "ontonotes" => &[
                ("PERSON", Target::Type(Person)),
                ("ORG", Target::Type(Org)),
                ("GPE", Target::Type(Location)),
                ("LOC", Target::Type(Location)),
                ("FAC", Target::Type(Location)),
                ("PRODUCT", Target::Type(Product)),
                ("EVENT", Target::Type(Event)),
                ("LAW", Target::Type(Event)),
                ("DATE", Target::Type(Date)),
                ("TIME", Target::Type(Time)),
                ("MONEY", Target::Type(Money)),
                ("PERCENT", Target::Type(Percent)),
                ("QUANTITY", Target::Type(Quantity)),
                ("CARDINAL", Target::Ignore),
                ("NORP", Target::Ignore),
                ("WORK_OF_ART", Target::Ignore),
                ("ORDINAL", Target::Drop),
                ("LANGUAGE", Target::Drop),
            ],
            "stockmark" => &[
                ("人名", Target::Type(Person)),
                ("法人名", Target::Type(Org)),
                ("政治的組織名", Target::Type(Org)),
                ("その他の組織名", Target::Type(Org)),
                ("地名", Target::Type(Location)),
                ("施設名", Target::Type(Location)),
                ("製品名", Target::Type(Product)),
                ("イベント名", Target::Type(Event)),
            ],
            _ => return None,
        };
        Some(LabelMap {
            name: name.to_ascii_lowercase(),
            entries: pairs.iter().map(|&(k, t)| (key(k), t)).collect(),
        })
    }

    /// Reads a map file (`FROM=TO` or `FROM<TAB>TO` lines).
    pub fn from_file(path: &Path) -> Result<LabelMap, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
        LabelMap::parse(&text, path)
    }

    /// Parses the text of a map file; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<LabelMap, EvalError> {
        let mut entries = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (from, to) = line
                .split_once('\t')
                .or_else(|| line.split_once('='))
                .ok_or_else(|| {
                    EvalError::invalid(
                        path,
                        i + 1,
                        format!("expected FROM=TO or FROM<TAB>TO, found {line:?}"),
                    )
                })?;
            let (from, to) = (from.trim(), to.trim());
            if from.is_empty() {
                return Err(EvalError::invalid(
                    path,
                    i + 1,
                    "empty label before the separator",
                ));
            }
            let target = parse_target(to).map_err(|m| EvalError::invalid(path, i + 1, m))?;
            entries.insert(key(from), target);
        }
        Ok(LabelMap {
            name: path.display().to_string(),
            entries,
        })
    }

    /// A preset when `spec` names one, otherwise the map file at `spec`.
    pub fn resolve(spec: &str) -> Result<LabelMap, EvalError> {
        if let Some(map) = LabelMap::preset(spec) {
            return Ok(map);
        }
        let path = Path::new(spec);
        if !path.exists() {
            return Err(EvalError::Usage(format!(
                "--map {spec:?} is neither a built-in map ({}) nor an existing file",
                PRESETS.join(", ")
            )));
        }
        LabelMap::from_file(path)
    }

    /// The preset name or the file the map came from.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What `label` maps to, if the map mentions it.
    pub fn get(&self, label: &str) -> Option<Target> {
        self.entries.get(&key(label)).copied()
    }
}

/// How a gold label is read: through the map first, then as a kiji type.
/// The error message names the label.
pub fn classify(label: &str, map: Option<&LabelMap>) -> Result<Target, String> {
    if let Some(t) = map.and_then(|m| m.get(label)) {
        return Ok(t);
    }
    label
        .parse::<EntityType>()
        .map(Target::Type)
        .map_err(|e| match map {
            Some(m) => format!("{e}; the label map {} does not mention it either", m.name()),
            None => format!("{e}; pass --map to translate other label sets"),
        })
}

fn parse_target(to: &str) -> Result<Target, String> {
    match to.to_ascii_uppercase().as_str() {
        "O" | "" => Ok(Target::Drop),
        "IGNORE" => Ok(Target::Ignore),
        _ => to
            .parse::<EntityType>()
            .map(Target::Type)
            .map_err(|e| format!("{e}, O or IGNORE")),
    }
}

// ASCII case folding only: Japanese labels have no case.
fn key(label: &str) -> String {
    label.trim().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_translate_foreign_labels() {
        let irex = LabelMap::preset("irex").unwrap();
        assert_eq!(
            irex.get("ARTIFACT"),
            Some(Target::Type(EntityType::Product))
        );
        assert_eq!(
            irex.get("organization"),
            Some(Target::Type(EntityType::Org))
        );
        let onto = LabelMap::preset("OntoNotes").unwrap();
        assert_eq!(onto.get("GPE"), Some(Target::Type(EntityType::Location)));
        assert_eq!(onto.get("FAC"), Some(Target::Type(EntityType::Location)));
        assert_eq!(onto.get("CARDINAL"), Some(Target::Ignore));
        assert_eq!(onto.get("ORDINAL"), Some(Target::Drop));
        let sm = LabelMap::preset("stockmark").unwrap();
        assert_eq!(sm.get("施設名"), Some(Target::Type(EntityType::Location)));
        assert_eq!(sm.get("政治的組織名"), Some(Target::Type(EntityType::Org)));
        assert!(LabelMap::preset("conll2003").is_none());
    }

    #[test]
    fn file_accepts_equals_and_tabs_and_skips_comments() {
        let text = "# corpus X\nPER=PERSON\nMISC\tIGNORE\n\nNUM = O\nCORP\tORG\n";
        let map = LabelMap::parse(text, Path::new("x.map")).unwrap();
        assert_eq!(map.get("per"), Some(Target::Type(EntityType::Person)));
        assert_eq!(map.get("MISC"), Some(Target::Ignore));
        assert_eq!(map.get("NUM"), Some(Target::Drop));
        assert_eq!(map.get("CORP"), Some(Target::Type(EntityType::Org)));
    }

    #[test]
    fn file_errors_name_the_line() {
        let err = LabelMap::parse("PER=PERSON\nMISC=THING\n", Path::new("x.map")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.map:2:"), "{msg}");
        assert!(msg.contains("THING"), "{msg}");
        let err = LabelMap::parse("no separator\n", Path::new("x.map")).unwrap_err();
        assert!(err.to_string().starts_with("x.map:1:"));
    }

    #[test]
    fn classify_falls_back_to_kiji_types() {
        let sm = LabelMap::preset("stockmark").unwrap();
        assert_eq!(
            classify("人名", Some(&sm)),
            Ok(Target::Type(EntityType::Person))
        );
        assert_eq!(
            classify("ORG", Some(&sm)),
            Ok(Target::Type(EntityType::Org))
        );
        assert_eq!(
            classify("LOC", None),
            Ok(Target::Type(EntityType::Location))
        );
        assert!(classify("人名", None).is_err());
        assert!(classify("MISC", Some(&sm))
            .unwrap_err()
            .contains("stockmark"));
    }

    #[test]
    fn resolve_rejects_unknown_names() {
        let err = LabelMap::resolve("/nonexistent/ne.map").unwrap_err();
        assert!(err.to_string().contains("irex, ontonotes, stockmark"));
    }
}
