//! Turning bytes of unknown encoding into text.
//!
//! News dumps in Japanese still come in Shift_JIS, EUC-JP and ISO-2022-JP
//! besides UTF-8 and UTF-16. The detector is small and deterministic:
//!
//! 1. a byte order mark decides (UTF-8, UTF-16 LE/BE);
//! 2. else a forced encoding, when the caller gave one;
//! 3. else 7-bit text with ISO-2022-JP escape sequences is ISO-2022-JP;
//! 4. else valid UTF-8 is UTF-8;
//! 5. else UTF-8 (lossy), Shift_JIS and EUC-JP are each tried and scored by
//!    decoding errors and by how much of the result looks like Japanese; the
//!    best score wins.
//!
//! Invalid sequences become U+FFFD and are counted; decoding never fails.

use encoding_rs::{Encoding, EUC_JP, ISO_2022_JP, SHIFT_JIS, UTF_8};

/// Text decoded from bytes, with what it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte order mark.
    pub text: String,
    /// Name of the encoding the bytes were read as (`UTF-8`, `Shift_JIS`, …).
    pub encoding_name: &'static str,
    /// How many invalid byte sequences were replaced by U+FFFD.
    pub replaced: usize,
}

/// Decodes `bytes`, detecting the encoding unless `forced` is given.
///
/// A byte order mark always wins over `forced`: it is unambiguous, and a
/// forced label is a guess about files that have none. The BOM is not part of
/// the text.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_len..]);
    }
    if let Some(encoding) = forced {
        return decode_as(encoding, bytes);
    }
    // ISO-2022-JP is 7-bit, hence also valid UTF-8: test it first.
    if looks_like_iso_2022_jp(bytes) {
        return decode_as(ISO_2022_JP, bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding_name: UTF_8.name(),
            replaced: 0,
        };
    }
    best_guess(bytes)
}

/// Detects the encoding of `bytes` the way [`decode`] would, without keeping
/// the text. Used to pick one encoding for a whole dump from its first lines.
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if looks_like_iso_2022_jp(bytes) {
        return ISO_2022_JP;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    Encoding::for_label(best_guess(bytes).encoding_name.as_bytes()).unwrap_or(UTF_8)
}

/// Decodes `bytes` as `encoding` (no BOM handling), counting replacements.
pub(crate) fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    if encoding == UTF_8 {
        return decode_utf8_lossy(bytes);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut replaced = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => {
                // Only reached when the capacity estimate overflowed; grow
                // and go on.
                text.reserve(rest.len().saturating_mul(3).max(16));
            }
            encoding_rs::DecoderResult::Malformed(_, _) => {
                replaced += 1;
                text.reserve(3);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    Decoded {
        text,
        encoding_name: encoding.name(),
        replaced,
    }
}

/// UTF-8 with every maximal invalid sequence replaced, as `from_utf8_lossy`
/// does, counting the replacements.
fn decode_utf8_lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            replaced += 1;
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Decoded {
        text,
        encoding_name: UTF_8.name(),
        replaced,
    }
}

/// True for 7-bit bytes that switch to a JIS X 0208 set with `ESC $ B` or
/// `ESC $ @` (or back to ASCII/Roman with `ESC ( B` / `ESC ( J`).
fn looks_like_iso_2022_jp(bytes: &[u8]) -> bool {
    if bytes.iter().any(|&b| b >= 0x80) {
        return false;
    }
    bytes
        .windows(3)
        .any(|w| w[0] == 0x1B && matches!((w[1], w[2]), (b'$', b'B') | (b'$', b'@') | (b'(', b'J')))
}

/// Tries the encodings a Japanese dump plausibly uses and keeps the one whose
/// text scores best.
fn best_guess(bytes: &[u8]) -> Decoded {
    let mut best: Option<(i64, Decoded)> = None;
    // Order matters only for ties: UTF-8 first (a few corrupt bytes in UTF-8
    // text are more common than a legacy file that also decodes as UTF-8),
    // then Shift_JIS (more common than EUC-JP in practice).
    for encoding in [UTF_8, SHIFT_JIS, EUC_JP] {
        let decoded = decode_as(encoding, bytes);
        let score = implausibility(&decoded);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, decoded));
        }
    }
    match best {
        Some((_, decoded)) => decoded,
        None => decode_utf8_lossy(bytes),
    }
}

/// Lower is more plausible: replacements cost most, characters a Japanese or
/// English article rarely contains cost some, kana and common kanji earn.
///
/// Reading EUC-JP as Shift_JIS, for instance, yields few errors but many
/// half-width katakana; reading Shift_JIS as EUC-JP yields errors and rare
/// kanji; reading either as UTF-8 yields an error every few bytes.
fn implausibility(decoded: &Decoded) -> i64 {
    let mut score = decoded.replaced as i64 * 20;
    for c in decoded.text.chars() {
        score += match c {
            '\u{0}'..='\u{7F}' => 0,
            // Hiragana, katakana, CJK punctuation, full-width forms.
            '\u{3000}'..='\u{30FF}' | '\u{FF01}'..='\u{FF5E}' => -2,
            // Common kanji block.
            '\u{4E00}'..='\u{9FFF}' => -1,
            // Half-width katakana: rare in articles, frequent in misreadings.
            '\u{FF61}'..='\u{FF9F}' => 3,
            // Private use, replacement: almost always a misreading.
            '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' => 5,
            // Latin-1 letters, symbols, CJK extension A, …: possible.
            _ => 1,
        };
    }
    score
}

/// Decodes the lines (or rows) of one dump.
///
/// A dump is streamed, so its encoding cannot be detected from the whole
/// file. Lines that are valid UTF-8 are UTF-8; the first line that is not
/// decides the legacy encoding for the rest of the dump, so that short lines
/// are not each guessed anew.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineDecoder {
    /// Encoding every line is decoded as (forced, or a UTF-8 BOM).
    pub forced: Option<&'static Encoding>,
    /// Set when the stream was transcoded to UTF-8 on the way in (UTF-16);
    /// the name reported for its lines.
    pub transcoded_from: Option<&'static Encoding>,
    sticky: Option<&'static Encoding>,
}

impl LineDecoder {
    /// Picks the legacy encoding from `bytes` if none is chosen yet and
    /// `bytes` is not UTF-8. CSV rows call it with the whole row before
    /// decoding its fields one by one.
    pub fn prime(&mut self, bytes: &[u8]) {
        if self.forced.is_none()
            && self.transcoded_from.is_none()
            && self.sticky.is_none()
            && (looks_like_iso_2022_jp(bytes) || std::str::from_utf8(bytes).is_err())
        {
            self.sticky = Some(detect(bytes));
        }
    }

    /// Decodes one line or field.
    pub fn decode(&mut self, bytes: &[u8]) -> Decoded {
        if let Some(encoding) = self.transcoded_from {
            // The transcoder already replaced invalid sequences; U+FFFD is
            // the only trace left of them.
            let decoded = decode_utf8_lossy(bytes);
            let replaced = decoded.text.matches(char::REPLACEMENT_CHARACTER).count();
            return Decoded {
                encoding_name: encoding.name(),
                replaced,
                ..decoded
            };
        }
        if let Some(encoding) = self.forced {
            return decode_as(encoding, bytes);
        }
        if looks_like_iso_2022_jp(bytes) {
            return decode_as(ISO_2022_JP, bytes);
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Decoded {
                text: text.to_owned(),
                encoding_name: UTF_8.name(),
                replaced: 0,
            };
        }
        self.prime(bytes);
        decode_as(self.sticky.unwrap_or(UTF_8), bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "東京都の株式会社サンプルは、2024年3月に新製品を発表した。価格は1万円。";

    fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "sample must be representable");
        bytes.into_owned()
    }

    #[test]
    fn detects_each_japanese_encoding() {
        let cases: [(&'static Encoding, &str); 4] = [
            (UTF_8, "UTF-8"),
            (SHIFT_JIS, "Shift_JIS"),
            (EUC_JP, "EUC-JP"),
            (ISO_2022_JP, "ISO-2022-JP"),
        ];
        for (encoding, name) in cases {
            let decoded = decode(&encoded(encoding, SAMPLE), None);
            assert_eq!(decoded.encoding_name, name, "{name}");
            assert_eq!(decoded.text, SAMPLE, "{name}");
            assert_eq!(decoded.replaced, 0, "{name}");
        }
    }

    #[test]
    fn detects_short_legacy_text() {
        // Two kanji only: the shortest texts are where scoring is hardest.
        for encoding in [SHIFT_JIS, EUC_JP] {
            let decoded = decode(&encoded(encoding, "東京"), None);
            assert_eq!(decoded.text, "東京", "{}", encoding.name());
        }
    }

    #[test]
    fn byte_order_marks_decide_and_are_stripped() {
        let text = "Sora 2と日本";
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice(text.as_bytes());
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for (bytes, name) in [(utf8, "UTF-8"), (le, "UTF-16LE"), (be, "UTF-16BE")] {
            // The BOM wins even over a forced encoding.
            for forced in [None, Some(SHIFT_JIS)] {
                let decoded = decode(&bytes, forced);
                assert_eq!(decoded.encoding_name, name);
                assert_eq!(decoded.text, text);
                assert_eq!(decoded.replaced, 0);
            }
        }
    }

    #[test]
    fn forced_encoding_is_used_without_detection() {
        let bytes = encoded(EUC_JP, SAMPLE);
        let decoded = decode(&bytes, Some(SHIFT_JIS));
        assert_eq!(decoded.encoding_name, "Shift_JIS");
        assert_ne!(decoded.text, SAMPLE);
    }

    #[test]
    fn corrupt_utf8_stays_utf8_and_counts_replacements() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.insert(6, 0xFF);
        bytes.push(0xE3); // truncated sequence at the end
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding_name, "UTF-8");
        assert_eq!(decoded.replaced, 2);
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 2);
    }

    #[test]
    fn genuine_replacement_characters_are_not_counted() {
        let decoded = decode("a\u{FFFD}b".as_bytes(), None);
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn line_decoder_keeps_the_first_legacy_guess() {
        let mut decoder = LineDecoder::default();
        let first = decoder.decode(&encoded(EUC_JP, SAMPLE));
        assert_eq!(
            (first.encoding_name, first.text.as_str()),
            ("EUC-JP", SAMPLE)
        );
        // Pure ASCII lines are UTF-8 whatever the dump's legacy encoding.
        assert_eq!(decoder.decode(b"{}").encoding_name, "UTF-8");
        // A short line is read as the dump's encoding, not guessed again.
        let short = decoder.decode(&encoded(EUC_JP, "東京"));
        assert_eq!(
            (short.encoding_name, short.text.as_str()),
            ("EUC-JP", "東京")
        );
    }

    #[test]
    fn detect_agrees_with_decode() {
        for encoding in [UTF_8, SHIFT_JIS, EUC_JP, ISO_2022_JP] {
            let bytes = encoded(encoding, SAMPLE);
            assert_eq!(detect(&bytes), encoding);
        }
    }
}
