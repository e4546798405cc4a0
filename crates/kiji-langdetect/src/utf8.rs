//! Decoding of single characters in hot loops.

/// The character that starts at byte `i` of valid UTF-8 and its length,
/// without the checks of `str` slicing (a hot loop runs over every
/// character of every sentence).
#[inline]
pub(crate) fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
    let at = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    let lead = u32::from(bytes[i]);
    let (code, len) = match lead {
        0..=0x7F => (lead, 1),
        0xC0..=0xDF => (((lead & 0x1F) << 6) | at(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) << 12) | (at(1) << 6) | at(2), 3),
        _ => (
            ((lead & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3),
            4,
        ),
    };
    (char::from_u32(code).unwrap_or('\u{FFFD}'), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_agrees_with_str_over_all_of_unicode() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(decode_at(bytes, 0), (c, c.len_utf8()), "U+{:04X}", c as u32);
        }
    }
}
