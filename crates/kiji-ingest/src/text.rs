//! Text and Markdown articles: one file, one document.

use crate::{copy_date, decode, empty_if_blank, frontmatter, Record, Settings};
use kiji_core::{Document, Source};
use std::collections::BTreeMap;

/// The document a whole text file makes: decoded, BOM and front matter
/// removed (the front matter becomes metadata).
pub(crate) fn document(bytes: &[u8], path: String, id: String, settings: &Settings) -> Record {
    let decoded = decode(bytes, settings.encoding);
    let mut text = decoded.text;
    let mut metadata = BTreeMap::new();
    if let Some((fields, body_start)) = frontmatter::split(&text) {
        metadata = fields;
        text.drain(..body_start);
    }
    copy_date(&mut metadata, settings);
    Record::Doc(Document {
        id,
        text: empty_if_blank(text),
        metadata,
        source: Source { path, line: None },
        encoding: Some(decoded.encoding_name.to_owned()),
        replaced_bytes: decoded.replaced,
    })
}
