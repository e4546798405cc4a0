//! Byte ↔ code point offset conversion.

use crate::Span;

/// How many bytes lie between two checkpoints of the map. Every entity's
/// span counts up to this many bytes twice, so it is short; the table
/// costs 4 bytes per stride.
const STRIDE: usize = 64;

/// Converts byte offsets of one text to code point offsets.
///
/// Stores the code point count at every 64th byte, so a lookup counts at most
/// 64 bytes: linear memory (6% of the text) and constant time per lookup,
/// whatever the length of the text. Pure ASCII text needs no table at all.
#[derive(Debug, Clone)]
pub struct OffsetMap<'t> {
    text: &'t str,
    /// `checkpoints[i]` = number of chars in `text[..i * STRIDE]`, where
    /// `i * STRIDE` is rounded down to a char boundary by counting only
    /// leading bytes.
    checkpoints: Vec<u32>,
    /// Number of chars in the whole text.
    total: usize,
    ascii: bool,
}

/// An [`OffsetMap`] without its text: see [`OffsetMap::into_checkpoints`].
#[derive(Debug, Clone)]
pub struct Checkpoints {
    checkpoints: Vec<u32>,
    total: usize,
    ascii: bool,
}

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text`.
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        let mut total = text.len();
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let mut count: u32 = 0;
            for (i, chunk) in text.as_bytes().chunks(STRIDE).enumerate() {
                debug_assert_eq!(checkpoints.len(), i);
                checkpoints.push(count);
                // A char starts at every byte that is not a continuation byte.
                count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
            }
            total = count as usize;
        }
        OffsetMap {
            text,
            checkpoints,
            total,
            ascii,
        }
    }

    /// The map without the text it borrows, to keep while the text is
    /// moved (the pipeline tokenises a group of documents, then extracts
    /// from them) and to rebuild the map with [`OffsetMap::with_checkpoints`]
    /// instead of counting the text again.
    pub fn into_checkpoints(self) -> Checkpoints {
        Checkpoints {
            checkpoints: self.checkpoints,
            total: self.total,
            ascii: self.ascii,
        }
    }

    /// The map of `text` from the checkpoints of an earlier map of the same
    /// text ([`OffsetMap::into_checkpoints`]).
    pub fn with_checkpoints(text: &'t str, c: Checkpoints) -> Self {
        debug_assert!(c.ascii || c.checkpoints.len() == text.len().div_ceil(STRIDE));
        OffsetMap {
            text,
            checkpoints: c.checkpoints,
            total: c.total,
            ascii: c.ascii,
        }
    }

    /// The text the map was built for.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Code point offset of the byte offset `byte` (which must be a char
    /// boundary or the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let byte = byte.min(self.text.len());
        // The end of a text whose length is a multiple of the stride has no
        // checkpoint of its own.
        if byte == self.text.len() {
            return self.total;
        }
        let idx = byte / STRIDE;
        let base = self.checkpoints.get(idx).copied().unwrap_or(0) as usize;
        let from = idx * STRIDE;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }

    /// A span from byte offsets.
    pub fn span(&self, byte_start: usize, byte_end: usize) -> Span {
        Span {
            start: self.char_offset(byte_start),
            end: self.char_offset(byte_end),
            byte_start,
            byte_end,
        }
    }

    /// Byte offset of the code point offset `ch` (slow: linear in the text;
    /// used when reading gold files, not on the hot path).
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        if self.ascii {
            return (ch <= self.text.len()).then_some(ch);
        }
        let mut it = self.text.char_indices().map(|(b, _)| b);
        if ch == self.total {
            return Some(self.text.len());
        }
        it.nth(ch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_bytes() {
        let m = OffsetMap::new("hello world");
        assert_eq!(m.char_offset(6), 6);
        assert_eq!(m.span(6, 11).slice("hello world"), "world");
    }

    #[test]
    fn japanese_offsets_count_code_points() {
        let text = "日本のOpenAIは";
        let m = OffsetMap::new(text);
        let b = text.find("OpenAI").unwrap();
        let span = m.span(b, b + 6);
        assert_eq!(span.start, 3);
        assert_eq!(span.end, 9);
        assert_eq!(span.slice(text), "OpenAI");
        assert_eq!(m.byte_offset(3), Some(b));
        assert_eq!(m.byte_offset(text.chars().count()), Some(text.len()));
    }

    #[test]
    fn long_mixed_text_agrees_with_naive_count() {
        let text = "漢字とascii、絵文字🎌も。".repeat(200);
        let m = OffsetMap::new(&text);
        for (b, _) in text.char_indices().step_by(7) {
            assert_eq!(m.char_offset(b), text[..b].chars().count());
        }
        assert_eq!(m.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn a_map_rebuilt_from_its_checkpoints_answers_the_same() {
        let text = "漢字とascii、絵文字🎌も。".repeat(20);
        let fresh = OffsetMap::new(&text);
        let rebuilt = OffsetMap::with_checkpoints(&text, OffsetMap::new(&text).into_checkpoints());
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(rebuilt.char_offset(b), fresh.char_offset(b));
        }
    }

    #[test]
    fn end_of_text_on_a_stride_boundary() {
        // 'あ' is 3 bytes and 'a' 1: 85 × 3 + 1 = 256 bytes.
        let text = format!("{}a", "あ".repeat(85));
        assert_eq!(text.len(), 256);
        let m = OffsetMap::new(&text);
        assert_eq!(m.char_offset(256), 86);
        assert_eq!(m.span(0, 256).end, 86);
    }
}
