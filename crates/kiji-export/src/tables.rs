//! The tables every tabular format shares: their columns and how a document
//! becomes rows, plus the corpus-wide counts behind `corpus`, `summary` and
//! `run.json`.
//!
//! CSV, TSV and XLSX all take their rows from here, so the sheets of the
//! workbook and the CSV files always agree.

use crate::cell::Cell;
use kiji_core::{Analysis, Entity, EntityType, Lang};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A table's file stem (`mentions` → `mentions.csv`, sheet `mentions`),
/// header and column widths for the workbook.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableDef {
    /// File stem and sheet name.
    pub name: &'static str,
    /// Column names.
    pub headers: &'static [&'static str],
    /// Column widths in the workbook, in characters.
    pub widths: &'static [f64],
}

/// One row per entity mention.
pub(crate) const MENTIONS: TableDef = TableDef {
    name: "mentions",
    headers: &[
        "doc_id",
        "start",
        "end",
        "type",
        "text",
        "canonical",
        "norm",
        "sentence",
        "sentence_lang",
        "source",
    ],
    widths: &[24.0, 8.0, 8.0, 11.0, 30.0, 30.0, 20.0, 9.0, 13.0, 12.0],
};

/// One row per document.
pub(crate) const DOCUMENTS: TableDef = TableDef {
    name: "documents",
    headers: &[
        "id",
        "title",
        "date",
        "lang",
        "shares",
        "chars",
        "sentences",
        "tokens",
        "entities",
        "encoding",
        "error",
    ],
    widths: &[24.0, 50.0, 12.0, 6.0, 18.0, 9.0, 10.0, 9.0, 9.0, 11.0, 40.0],
};

/// One row per document and entity (canonical name, or text without one).
pub(crate) const ENTITIES: TableDef = TableDef {
    name: "entities",
    headers: &[
        "doc_id",
        "canonical",
        "type",
        "mentions",
        "surface_forms",
        "first_start",
    ],
    widths: &[24.0, 30.0, 11.0, 10.0, 40.0, 11.0],
};

/// One row per entity over the whole corpus.
pub(crate) const CORPUS: TableDef = TableDef {
    name: "corpus",
    headers: &["canonical", "type", "documents", "mentions", "languages"],
    widths: &[30.0, 11.0, 11.0, 10.0, 12.0],
};

/// Counts per type and language.
pub(crate) const SUMMARY: TableDef = TableDef {
    name: "summary",
    headers: &["metric", "key", "count"],
    widths: &[20.0, 12.0, 10.0],
};

/// All tables in the order the workbook shows them.
pub(crate) const ALL: [TableDef; 5] = [DOCUMENTS, MENTIONS, ENTITIES, CORPUS, SUMMARY];

/// A row of cells.
pub(crate) type Row<'a> = Vec<Cell<'a>>;

/// The language of the sentence an entity is in, or the document's when the
/// sentence index is out of range; borrowed from the analysis, so its code
/// can fill a cell without an owned copy.
fn sentence_lang<'a>(a: &'a Analysis, e: &Entity) -> &'a Lang {
    a.sentences
        .get(e.sentence as usize)
        .map_or(&a.lang, |s| &s.lang)
}

/// The name an entity is grouped under: its canonical, else its text.
pub(crate) fn entity_key(e: &Entity) -> &str {
    e.canonical.as_deref().unwrap_or(&e.text)
}

/// Language shares as `ja:0.83 en:0.17`, in the analysis' order.
pub(crate) fn shares_text(a: &Analysis) -> String {
    a.shares
        .iter()
        .map(|s| format!("{}:{:.2}", s.lang, s.share))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `mentions` rows of a document. Arrays rather than [`Row`]s: the
/// rows of every mention are built on the writer thread, and an array needs
/// no allocation.
pub(crate) fn mention_rows(a: &Analysis) -> impl Iterator<Item = [Cell<'_>; 10]> {
    a.entities.iter().map(move |e| {
        [
            Cell::text(&a.doc.id),
            Cell::int(e.start),
            Cell::int(e.end),
            Cell::text(e.ty.as_str()),
            Cell::text(&e.text),
            Cell::opt_text(e.canonical.as_deref()),
            Cell::opt_text(e.norm.as_deref()),
            Cell::Int(u64::from(e.sentence)),
            Cell::text(sentence_lang(a, e).code()),
            Cell::text(&e.source),
        ]
    })
}

/// The `documents` row of a document.
pub(crate) fn document_row(a: &Analysis) -> Row<'_> {
    let opt_owned = |s: Option<String>| s.map_or(Cell::Empty, |s| Cell::Text(Cow::Owned(s)));
    vec![
        Cell::text(&a.doc.id),
        opt_owned(a.doc.meta_text("title")),
        opt_owned(a.doc.meta_text("date")),
        Cell::text(a.lang.code()),
        Cell::Text(Cow::Owned(shares_text(a))),
        Cell::int(a.char_count()),
        Cell::int(a.sentences.len()),
        Cell::int(a.token_count),
        Cell::int(a.entities.len()),
        Cell::opt_text(a.doc.encoding.as_deref()),
        Cell::opt_text(a.error.as_deref()),
    ]
}

/// An entity of one document with its mentions gathered.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocEntity<'a> {
    /// Canonical name, or text when there is none.
    pub key: &'a str,
    /// Type.
    pub ty: EntityType,
    /// Number of mentions.
    pub mentions: usize,
    /// Distinct surface forms in order of first appearance.
    pub forms: Vec<&'a str>,
    /// Code point offset of the first mention.
    pub first_start: usize,
}

/// Groups a document's entities by (canonical or text, type), in order of
/// first appearance.
pub(crate) fn group_entities(a: &Analysis) -> Vec<DocEntity<'_>> {
    let mut groups: Vec<DocEntity<'_>> = Vec::new();
    let mut index: FxHashMap<(&str, EntityType), usize> = FxHashMap::default();
    for e in &a.entities {
        let key = entity_key(e);
        match index.get(&(key, e.ty)) {
            Some(&i) => {
                let g = &mut groups[i];
                g.mentions += 1;
                g.first_start = g.first_start.min(e.start);
                if !g.forms.contains(&e.text.as_str()) {
                    g.forms.push(&e.text);
                }
            }
            None => {
                index.insert((key, e.ty), groups.len());
                groups.push(DocEntity {
                    key,
                    ty: e.ty,
                    mentions: 1,
                    forms: vec![&e.text],
                    first_start: e.start,
                });
            }
        }
    }
    groups
}

/// The `entities` rows of a document, as arrays like [`mention_rows`].
pub(crate) fn entity_rows<'a>(a: &'a Analysis) -> impl Iterator<Item = [Cell<'a>; 6]> {
    group_entities(a).into_iter().map(move |g| {
        [
            Cell::text(&a.doc.id),
            Cell::text(g.key),
            Cell::text(g.ty.as_str()),
            Cell::int(g.mentions),
            Cell::Text(Cow::Owned(g.forms.join("|"))),
            Cell::int(g.first_start),
        ]
    })
}

/// Corpus-wide figures for one entity.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CorpusEntry {
    /// Documents it appears in.
    pub documents: usize,
    /// Mentions over all documents.
    pub mentions: usize,
    /// Sentence languages it was seen in, in order of first sighting.
    pub langs: Vec<Lang>,
    /// Index of the last document counted, so each counts once.
    last_doc: usize,
}

/// Counts over the whole run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stats {
    /// Analyses written without an error.
    pub processed: usize,
    /// Analyses with an error plus failures.
    pub failed: usize,
    /// Mentions per type.
    pub by_type: BTreeMap<EntityType, usize>,
    /// Mentions per sentence language.
    pub by_lang: BTreeMap<Lang, usize>,
    /// Documents per main language.
    pub docs_by_lang: BTreeMap<Lang, usize>,
    /// Per type, then name: documents, mentions, languages. Keyed in two
    /// levels so a mention of a name already counted is found by `&str`,
    /// without an owned copy of the name.
    pub corpus: FxHashMap<EntityType, FxHashMap<String, CorpusEntry>>,
    /// Number of analyses seen, the index of the next one plus one.
    docs_seen: usize,
}

impl Stats {
    /// Counts one analysis.
    pub(crate) fn add(&mut self, a: &Analysis) {
        self.docs_seen += 1;
        let doc = self.docs_seen;
        if a.error.is_some() {
            self.failed += 1;
        } else {
            self.processed += 1;
        }
        *self.docs_by_lang.entry(a.lang).or_default() += 1;
        for e in &a.entities {
            let lang = *sentence_lang(a, e);
            *self.by_type.entry(e.ty).or_default() += 1;
            *self.by_lang.entry(lang).or_default() += 1;
            let names = self.corpus.entry(e.ty).or_default();
            let key = entity_key(e);
            let entry = match names.get_mut(key) {
                Some(entry) => entry,
                None => names.entry(key.to_string()).or_default(),
            };
            entry.mentions += 1;
            if entry.last_doc != doc {
                entry.last_doc = doc;
                entry.documents += 1;
            }
            if !entry.langs.contains(&lang) {
                entry.langs.push(lang);
            }
        }
    }

    /// Counts an input that produced no analysis.
    pub(crate) fn add_failure(&mut self) {
        self.failed += 1;
    }

    /// Total mentions.
    pub(crate) fn entities(&self) -> usize {
        self.by_type.values().sum()
    }

    /// Corpus entries by mentions (most first), then name, then type.
    pub(crate) fn corpus_sorted(&self) -> Vec<(&str, EntityType, &CorpusEntry)> {
        let mut rows: Vec<_> = self
            .corpus
            .iter()
            .flat_map(|(ty, names)| {
                names
                    .iter()
                    .map(move |(name, entry)| (name.as_str(), *ty, entry))
            })
            .collect();
        rows.sort_by(|a, b| {
            b.2.mentions
                .cmp(&a.2.mentions)
                .then_with(|| a.0.cmp(b.0))
                .then_with(|| a.1.cmp(&b.1))
        });
        rows
    }

    /// The `corpus` rows.
    pub(crate) fn corpus_rows(&self) -> Vec<Row<'_>> {
        self.corpus_sorted()
            .into_iter()
            .map(|(name, ty, entry)| {
                let langs = entry
                    .langs
                    .iter()
                    .map(Lang::code)
                    .collect::<Vec<_>>()
                    .join("|");
                vec![
                    Cell::text(name),
                    Cell::text(ty.as_str()),
                    Cell::int(entry.documents),
                    Cell::int(entry.mentions),
                    Cell::Text(Cow::Owned(langs)),
                ]
            })
            .collect()
    }

    /// The `summary` rows: documents, mentions per type (all ten, zeros
    /// included, so the table's shape does not depend on the data),
    /// mentions per sentence language, documents per language, errors.
    pub(crate) fn summary_rows(&self) -> Vec<Row<'static>> {
        let row = |metric: &'static str, key: String, n: usize| {
            vec![
                Cell::text(metric),
                Cell::Text(Cow::Owned(key)),
                Cell::int(n),
            ]
        };
        let mut rows = vec![
            row("documents", "read".into(), self.processed + self.failed),
            row("documents", "processed".into(), self.processed),
            row("documents", "failed".into(), self.failed),
            row("entities", "total".into(), self.entities()),
        ];
        for ty in EntityType::ALL {
            let n = self.by_type.get(&ty).copied().unwrap_or(0);
            rows.push(row("entities_by_type", ty.as_str().into(), n));
        }
        for (lang, n) in &self.by_lang {
            rows.push(row("entities_by_lang", lang.code().into(), *n));
        }
        for (lang, n) in &self.docs_by_lang {
            rows.push(row("documents_by_lang", lang.code().into(), *n));
        }
        rows.push(row("errors", String::new(), self.failed));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiji_core::{Document, Sentence, Span};

    fn ent(
        start: usize,
        text: &str,
        ty: EntityType,
        canonical: Option<&str>,
        sentence: u32,
    ) -> Entity {
        Entity {
            start,
            end: start + text.chars().count(),
            byte_start: 0,
            byte_end: 0,
            ty,
            text: text.into(),
            canonical: canonical.map(Into::into),
            norm: None,
            source: "".into(),
            sentence,
        }
    }

    fn analysis() -> Analysis {
        let span = Span {
            start: 0,
            end: 1,
            byte_start: 0,
            byte_end: 1,
        };
        Analysis {
            doc: Document::new("d1", "…"),
            sentences: vec![
                Sentence {
                    span,
                    lang: Lang::JA,
                },
                Sentence {
                    span,
                    lang: Lang::EN,
                },
            ],
            lang: Lang::JA,
            entities: vec![
                ent(
                    0,
                    "ソフトバンク",
                    EntityType::Org,
                    Some("SoftBank Group"),
                    0,
                ),
                ent(10, "SoftBank", EntityType::Org, Some("SoftBank Group"), 1),
                ent(
                    20,
                    "ソフトバンク",
                    EntityType::Org,
                    Some("SoftBank Group"),
                    0,
                ),
                ent(30, "10回", EntityType::Quantity, None, 0),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_document_groups_mentions_by_canonical() {
        let a = analysis();
        let groups = group_entities(&a);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].key, "SoftBank Group");
        assert_eq!(groups[0].mentions, 3);
        assert_eq!(groups[0].forms, vec!["ソフトバンク", "SoftBank"]);
        assert_eq!(groups[1].key, "10回");
        assert_eq!(groups[1].first_start, 30);
    }

    #[test]
    fn the_corpus_counts_documents_once_and_collects_languages() {
        let mut stats = Stats::default();
        stats.add(&analysis());
        stats.add(&analysis());
        let rows = stats.corpus_sorted();
        assert_eq!(rows[0].0, "SoftBank Group");
        assert_eq!(rows[0].2.documents, 2);
        assert_eq!(rows[0].2.mentions, 6);
        assert_eq!(rows[0].2.langs, vec![Lang::JA, Lang::EN]);
        assert_eq!(stats.by_lang[&Lang::EN], 2);
        assert_eq!(stats.entities(), 8);
    }
}
