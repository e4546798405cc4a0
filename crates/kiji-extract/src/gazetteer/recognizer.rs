//! The gazetteer as a [`Recognizer`].

use super::{Gazetteer, GazetteerError};
use crate::{Candidate, Confidence, DocContext, Recognizer};
use std::sync::Arc;

/// Proposes every gazetteer match as a [`Confidence::Known`] candidate with
/// its canonical name set.
#[derive(Debug, Clone)]
pub struct GazetteerRecognizer {
    gazetteer: Arc<Gazetteer>,
}

impl GazetteerRecognizer {
    /// A recogniser over `gazetteer` (shared, not copied).
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        GazetteerRecognizer { gazetteer }
    }

    /// A recogniser over the shipped dictionaries.
    pub fn builtin() -> Result<Self, GazetteerError> {
        Ok(GazetteerRecognizer::new(Gazetteer::builtin()?))
    }

    /// The dictionary, for linking names found by other recognisers.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }
}

impl Recognizer for GazetteerRecognizer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn propose(&self, cx: &DocContext<'_>, out: &mut Vec<Candidate>) {
        for m in self.gazetteer.find(cx.text, cx.tokens) {
            let mut c = Candidate::new(
                m.byte_start,
                m.byte_end,
                m.entry.ty,
                self.name(),
                Confidence::Known,
            );
            c.canonical = Some(m.entry.canonical.clone());
            out.push(c);
        }
    }
}
