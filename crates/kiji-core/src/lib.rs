//! Core types shared by every stage of the kiji pipeline.
//!
//! The data flow is `ingest → segment → detect → tokenize → extract → resolve
//! → export`; each arrow hands over one of the types defined here:
//!
//! * [`Document`]: one article as read by ingest, with its metadata.
//! * [`Sentence`]: a span of the document with its detected [`Lang`].
//! * [`Token`]: a word of a sentence with part of speech ([`Pos`]).
//! * [`Entity`]: a typed mention ([`EntityType`]) with canonical name and
//!   normalised value.
//! * [`Analysis`]: everything the pipeline found for one document.
//!
//! Every span carries both code point offsets (what users and the gold format
//! speak in) and byte offsets (what Rust slices with); [`OffsetMap`] converts
//! between them in O(1) amortised time.

mod lang;
mod offsets;

pub use lang::Lang;
pub use offsets::{Checkpoints, OffsetMap};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A half-open range of the original text, in code points and in bytes.
///
/// `start..end` are Unicode scalar value (code point) offsets, as in Python
/// slicing; `byte_start..byte_end` index the UTF-8 string directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
}

impl Span {
    /// The slice of `text` this span covers.
    ///
    /// # Panics
    /// When the byte offsets are not on character boundaries of `text`; spans
    /// made by [`OffsetMap::span`] over the same text always are.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no character.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.byte_start < other.byte_end && other.byte_start < self.byte_end
    }
}

/// Where a document came from, for error reports and ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Path of the file (or `-` for standard input).
    pub path: String,
    /// 1-based line number inside a JSONL/CSV dump.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// One article as read by ingest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: relative path for files, id field or line number for dumps.
    pub id: String,
    /// The text to analyse (front matter removed). All offsets index this string.
    pub text: String,
    /// Other fields: `title`, `date`, `url`, `author`, `tags`, ….
    pub metadata: BTreeMap<String, serde_json::Value>,
    /// Where it was read from.
    pub source: Source,
    /// Encoding the bytes were decoded from (`UTF-8`, `Shift_JIS`, …).
    pub encoding: Option<String>,
    /// Number of invalid byte sequences replaced by U+FFFD while decoding.
    pub replaced_bytes: usize,
}

impl Document {
    /// A document with only an id and text, as tests and `eval` build them.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// The publication date from metadata (`date` key), as written.
    pub fn date_str(&self) -> Option<&str> {
        self.metadata.get("date").and_then(|v| v.as_str())
    }

    /// The metadata value under `key` rendered as plain text.
    pub fn meta_text(&self, key: &str) -> Option<String> {
        match self.metadata.get(key)? {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(items) => Some(
                items
                    .iter()
                    .map(|v| match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            other => Some(other.to_string()),
        }
    }
}

/// A sentence: a span with its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The characters of the sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Detected language.
    pub lang: Lang,
}

/// Coarse part of speech, enough for the recognisers.
///
/// Japanese tokens take it from the IPADIC tags (品詞, 品詞細分類); other
/// tokens from their characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pos {
    /// 名詞,固有名詞,人名,姓
    PersonSurname,
    /// 名詞,固有名詞,人名,名
    PersonGiven,
    /// 名詞,固有名詞,人名,一般
    PersonName,
    /// 名詞,固有名詞,組織
    Organization,
    /// 名詞,固有名詞,地域,国
    Country,
    /// 名詞,固有名詞,地域,一般
    Place,
    /// 名詞,固有名詞,一般
    ProperNoun,
    /// 名詞,数 or a run of digits
    Number,
    /// 名詞,接尾 (suffix nouns: 社, 氏, 県, 円, …)
    NounSuffix,
    /// other 名詞
    Noun,
    /// 接頭詞
    Prefix,
    /// 動詞
    Verb,
    /// 形容詞, 形容動詞語幹
    Adjective,
    /// 副詞, 連体詞, 接続詞, 感動詞
    Adverb,
    /// 助詞
    Particle,
    /// 助動詞
    AuxVerb,
    /// 記号, punctuation
    Symbol,
    /// A word of a non-Japanese sentence (letters, digits or both).
    Word,
    /// A word the dictionary did not know (未知語).
    Unknown,
    /// Anything else.
    Other,
}

impl Pos {
    /// True for the proper-noun classes.
    pub fn is_proper(self) -> bool {
        matches!(
            self,
            Pos::PersonSurname
                | Pos::PersonGiven
                | Pos::PersonName
                | Pos::Organization
                | Pos::Country
                | Pos::Place
                | Pos::ProperNoun
        )
    }

    /// True for every noun class, proper or common.
    pub fn is_noun(self) -> bool {
        self.is_proper()
            || matches!(
                self,
                Pos::Number | Pos::NounSuffix | Pos::Noun | Pos::Unknown
            )
    }
}

/// Dictionary details of a token, read only when a stage asks for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenDetails {
    /// Part-of-speech fields as the dictionary writes them (`名詞,固有名詞,組織,*`).
    pub pos: Vec<String>,
    /// Dictionary (base) form, when known.
    pub base_form: Option<String>,
    /// Reading in katakana, when known.
    pub reading: Option<String>,
}

/// A token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is; the surface is `span.slice(text)`.
    pub span: Span,
    /// Coarse part of speech.
    pub pos: Pos,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// Full dictionary details, present when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<TokenDetails>>,
}

/// The ten entity types of ANNOTATION.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// Named individuals.
    Person,
    /// Companies, agencies, associations, media, universities, teams.
    Org,
    /// Countries, regions, cities, places, facilities.
    Location,
    /// Products, services, models, software, chips, platforms.
    Product,
    /// Named events, projects, programmes, conferences, laws.
    Event,
    /// Calendar points and periods.
    Date,
    /// Clock times and parts of a day.
    Time,
    /// Amounts with a currency.
    Money,
    /// Percentages and ratios.
    Percent,
    /// Numbers with a unit or counter; durations.
    Quantity,
}

impl EntityType {
    /// All types in a fixed order (used for tables).
    pub const ALL: [EntityType; 10] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Location,
        EntityType::Product,
        EntityType::Event,
        EntityType::Date,
        EntityType::Time,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Quantity,
    ];

    /// The label as written in gold files (`PERSON`, `ORG`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Location => "LOCATION",
            EntityType::Product => "PRODUCT",
            EntityType::Event => "EVENT",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Money => "MONEY",
            EntityType::Percent => "PERCENT",
            EntityType::Quantity => "QUANTITY",
        }
    }

    /// True for the name types, which carry a `canonical`.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            EntityType::Person
                | EntityType::Org
                | EntityType::Location
                | EntityType::Product
                | EntityType::Event
        )
    }

    /// True for the types with a `norm` (MONEY, DATE, TIME, PERCENT).
    pub fn has_norm(self) -> bool {
        matches!(
            self,
            EntityType::Money | EntityType::Date | EntityType::Time | EntityType::Percent
        )
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a label that is none of the ten types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity type {0:?} (expected one of PERSON, ORG, LOCATION, PRODUCT, EVENT, DATE, TIME, MONEY, PERCENT, QUANTITY)")]
pub struct UnknownEntityType(pub String);

impl std::str::FromStr for EntityType {
    type Err = UnknownEntityType;

    /// Parses a label, case-insensitively; `LOC` and `PER` are accepted too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Org,
            "LOCATION" | "LOC" => EntityType::Location,
            "PRODUCT" => EntityType::Product,
            "EVENT" => EntityType::Event,
            "DATE" => EntityType::Date,
            "TIME" => EntityType::Time,
            "MONEY" => EntityType::Money,
            "PERCENT" => EntityType::Percent,
            "QUANTITY" => EntityType::Quantity,
            _ => return Err(UnknownEntityType(s.to_string())),
        };
        Ok(t)
    }
}

/// A typed mention in a document, in the gold format's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// Byte offset of the first character.
    pub byte_start: usize,
    /// Byte offset one past the last character.
    pub byte_end: usize,
    /// The type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// Exactly the substring of the document at the offsets.
    pub text: String,
    /// One name per real-world entity (name types only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Normalised value (MONEY, DATE, TIME, PERCENT), absent when too vague.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    /// Which recogniser proposed it (`gazetteer`, `ja-morph`, `numeric`, …):
    /// one of a few static names, so no allocation per entity.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub source: std::borrow::Cow<'static, str>,
    /// Index of the sentence it is in.
    #[serde(default, skip_serializing)]
    pub sentence: u32,
}

impl Entity {
    /// The entity's span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            byte_start: self.byte_start,
            byte_end: self.byte_end,
        }
    }
}

/// Share of one language in a document, by characters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LangShare {
    /// The language.
    pub lang: Lang,
    /// Fraction of the document's sentence characters, 0..=1.
    pub share: f64,
}

/// Everything the pipeline found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The input document.
    pub doc: Document,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Main language of the document.
    pub lang: Lang,
    /// Languages by share, largest first.
    pub shares: Vec<LangShare>,
    /// Number of tokens.
    pub token_count: usize,
    /// Entities in text order, non-overlapping.
    pub entities: Vec<Entity>,
    /// Why the document could not be processed, if it could not.
    pub error: Option<String>,
}

impl Analysis {
    /// Number of code points in the text.
    pub fn char_count(&self) -> usize {
        self.doc.text.chars().count()
    }
}

/// An input that could not be turned into an analysis: a file that could not
/// be read, a malformed JSONL line, a binary file, a document whose
/// processing failed. Every one is reported (`errors.jsonl`), none is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Where the input came from (file and line).
    pub source: Source,
    /// The document id, when one could be determined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Why it failed, in one line.
    pub reason: String,
}
