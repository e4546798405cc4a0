//! Character folding for dictionary matching, with a map back to the
//! original byte offsets.
//!
//! News text writes the same name in several ways: `ＯｐｅｎＡＩ` (full-width),
//! `ｿﾆｰ` (half-width katakana), `イーロン＝マスク`, `New　York` (ideographic
//! space), `Côte d’Ivoire`. Aliases and text are folded with the same
//! function, so one alias matches every variant, and the map sends a match in
//! the folded text back to the exact original substring.
//!
//! Folding rules, applied in one pass:
//!
//! * full-width ASCII (U+FF01–U+FF5E) → ASCII; ideographic and other wide
//!   spaces → one ASCII space, and runs of horizontal spaces collapse to one;
//! * half-width katakana → full-width, a following voiced / semi-voiced mark
//!   (`ﾞ`, `ﾟ`, or the combining U+3099 / U+309A) composes (`ｿﾞ` → `ゾ`);
//! * Latin letters → lower case (the case rule of the matcher decides later
//!   whether a case-insensitive match is accepted);
//! * middle dots `･`, `·`, `‧` → `・`; `=`, `＝`, `゠` right after katakana →
//!   `・` (both separate the parts of a foreign name);
//! * dashes and minus signs (U+2010–U+2015, U+2212, U+FE63) → `-`;
//! * curly apostrophes → `'`.
//!
//! Line breaks are kept as they are, so a name never matches across lines.

/// Half-width katakana block U+FF61–U+FF9F, full-width equivalents in order.
const HALF_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー',
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '\u{309B}',
    '\u{309C}',
];

/// The text after folding and a map from its character boundaries back to
/// the original byte offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    /// Folded text.
    pub text: String,
    /// `(folded, original)` byte offsets where the two stop moving in step:
    /// the first entry is `(0, 0)`, and a new one starts wherever folding
    /// changed a character's length or dropped characters. In between, the
    /// original offset is the folded one plus the last entry's difference.
    /// Most characters fold to themselves, so this stays short where a
    /// table of every byte would cost four bytes per byte of text.
    ///
    /// The original offset of a folded character is that of the character
    /// it came from; characters dropped by folding (extra spaces, composed
    /// marks) belong to the character before them, so the original end of a
    /// match ending at folded byte `e` is the start of the next character
    /// folded, or the original length.
    shifts: Vec<(u32, u32)>,
}

impl Folded {
    /// Original byte range of the folded byte range `start..end`, both on
    /// character boundaries of the folded text.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin(start), self.origin(end))
    }

    fn origin(&self, folded: usize) -> usize {
        let k = self
            .shifts
            .partition_point(|&(f, _)| f as usize <= folded)
            .saturating_sub(1);
        self.shifts
            .get(k)
            .map_or(folded, |&(f, o)| o as usize + (folded - f as usize))
    }
}

/// True for katakana letters and the prolonged sound mark (not `・`).
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

/// True for letters and digits of Latin script, the characters a Latin
/// alias must not touch on either side.
pub(crate) fn is_latin_word(c: char) -> bool {
    // `_` joins words in identifiers and handles (`Queen_UK`). The range
    // before the Unicode table: most neighbours are kana or kanji.
    c.is_ascii_alphanumeric()
        || c == '_'
        || (('\u{00C0}'..'\u{0250}').contains(&c) && c.is_alphabetic())
}

/// Voiced (`semi == false`) or semi-voiced form of a katakana letter.
fn voiced(base: char, semi: bool) -> Option<char> {
    let b = base as u32;
    let v = if semi {
        matches!(b, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB).then_some(b + 2)?
    } else if b == 0x30A6 {
        0x30F4 // ウ → ヴ
    } else if (0x30AB..=0x30C1).contains(&b) && b % 2 == 1
        || matches!(
            b,
            0x30C4 | 0x30C6 | 0x30C8 | 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB
        )
    {
        b + 1
    } else {
        return None;
    };
    char::from_u32(v)
}

/// Folds `text` for matching, keeping the offset map.
///
/// Texts of 2 GiB or more cannot be mapped with 32-bit offsets (lower-casing
/// may make the folded text up to half as long again); they fold to an
/// empty result (no match) rather than to wrong offsets.
pub(crate) fn fold(text: &str) -> Folded {
    if text.len() >= (u32::MAX / 2) as usize {
        return Folded::default();
    }
    let mut folded = String::with_capacity(text.len());
    let mut shifts = vec![(0, 0)];
    // `original - folded` since the last shift. Offsets fit in u32 (above).
    let mut delta: i64 = 0;
    let mut mark = |shifts: &mut Vec<(u32, u32)>, folded: usize, at: usize| {
        if at as i64 != folded as i64 + delta {
            shifts.push((folded as u32, at as u32));
            delta = at as i64 - folded as i64;
        }
    };
    fold_into(text, Runs::Copied, &mut folded, |len, at| {
        mark(&mut shifts, len, at)
    });
    mark(&mut shifts, folded.len(), text.len());
    Folded {
        text: folded,
        shifts,
    }
}

/// Folds an alias; the same rules as [`fold`] without the offset map.
pub(crate) fn fold_key(alias: &str) -> String {
    let mut s = String::with_capacity(alias.len());
    fold_into(alias.trim(), Runs::Copied, &mut s, |_, _| {});
    s
}

/// The folding loop: appends the folded `text` to `out`, calling
/// `mark(folded offset, original byte offset)` where every piece of output
/// starts. A piece is either one folded character or a run of characters
/// that fold to one of the same length (most of any text: kana, kanji, ASCII
/// words and the single spaces between them), copied whole with its ASCII
/// capitals lowered, whose bytes stand where the original's do from the
/// offset on.
fn fold_into(text: &str, runs: Runs, out: &mut String, mut mark: impl FnMut(usize, usize)) {
    let mut prev: Option<char> = None;
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < text.len() {
        let end = match runs {
            Runs::Copied => plain_run(text, i),
            Runs::CharByChar => i,
        };
        if end > i {
            mark(out.len(), i);
            let from = out.len();
            out.push_str(&text[i..end]);
            out[from..].make_ascii_lowercase();
            prev = text[i..end].chars().next_back();
            i = end;
            continue;
        }
        let at = i;
        let mut chars = text[i..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        i += c.len_utf8();
        let mut c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{FF61}'..='\u{FF9F}' => HALF_KANA[(c as u32 - 0xFF61) as usize],
            _ => c,
        };
        // Voiced marks after a kana compose with it; the mark's bytes stay
        // mapped to the base letter.
        if is_katakana(c) {
            if let Some(m) = chars.next() {
                if let Some(v) = voicing(m).and_then(|semi| voiced(c, semi)) {
                    i += m.len_utf8();
                    c = v;
                }
            }
        }
        let c = match c {
            ' '
            | '\t'
            | '\u{00A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => {
                if prev == Some(' ') {
                    continue;
                }
                ' '
            }
            '\u{00B7}' | '\u{2027}' | '\u{30FB}' => '・',
            '=' | '\u{30A0}' if prev.is_some_and(is_katakana) => '・',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
            c if c.is_uppercase() => {
                // Lower-casing may give several characters (İ → i̇); all map
                // to the same original character.
                for l in c.to_lowercase() {
                    mark(out.len(), at);
                    out.push_str(l.encode_utf8(&mut buf));
                }
                prev = Some(c);
                continue;
            }
            c => c,
        };
        mark(out.len(), at);
        out.push_str(c.encode_utf8(&mut buf));
        prev = Some(c);
    }
}

/// Whether [`fold_into`] copies runs of unchanged characters whole (what
/// the program does) or folds every character by the rules (the
/// specification the tests hold the first to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Runs {
    Copied,
    #[cfg_attr(not(test), allow(dead_code))]
    CharByChar,
}

/// `Some(semi)` for a (semi-)voiced sound mark that composes with the
/// katakana before it, half-width or combining.
fn voicing(mark: char) -> Option<bool> {
    match mark {
        '\u{FF9E}' | '\u{3099}' => Some(false),
        '\u{FF9F}' | '\u{309A}' => Some(true),
        _ => None,
    }
}

/// The end of the run of characters from `start` that [`fold_into`] may
/// copy whole: ASCII other than tabs, a space after another space or at the
/// start, and `=` not after ASCII (it becomes ・ after katakana); CJK
/// punctuation, kana and kanji other than the ideographic space, the middle
/// dots and a character a voiced mark follows. Capitals are in (they fold
/// to a letter of the same length, lowered by the copy). Must agree with
/// the rules above; the `fast_path_agrees_with_the_rules` test checks it.
fn plain_run(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // Inside the run the previous character folded to itself, so it
            // is the `prev` of the rules.
            let plain = match b {
                b'\t' => false,
                b' ' => i > start && bytes[i - 1] != b' ',
                b'=' => i > start && bytes[i - 1] < 0x80,
                _ => true,
            };
            if !plain {
                break;
            }
            i += 1;
            continue;
        }
        // U+3000..=U+9FFF are three bytes, led by 0xE3..=0xE9; after 0xE3
        // (U+3000..=U+3FFF: punctuation, kana) they are all kanji, plain.
        if (0xE4..=0xE9).contains(&b) {
            i += 3;
            continue;
        }
        if b != 0xE3 {
            break;
        }
        // U+3000 (ideographic space), U+30A0 (゠) and U+30FB (・) fold to
        // other characters. Decoding by hand: most Japanese text is kana.
        let second = match bytes.get(i + 1..i + 3) {
            None | Some([0x80, 0x80] | [0x82, 0xA0] | [0x83, 0xBB]) => break,
            Some(tail) => tail[0],
        };
        // A voiced mark may compose with a katakana letter before it (the
        // rules decide). Punctuation and most hiragana (U+3000..=U+307F,
        // second byte 0x80 or 0x81) never compose, and are much of Japanese
        // text; katakana starts at U+30A1 (second byte 0x82).
        if second >= 0x82
            && matches!(
                bytes.get(i + 3..i + 6),
                Some([0xE3, 0x82, 0x99 | 0x9A] | [0xEF, 0xBE, 0x9E | 0x9F])
            )
        {
            break;
        }
        i += 3;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_variants_to_one_key() {
        let cases = [
            ("ＯｐｅｎＡＩ", "openai"),
            ("ｿﾆｰ", "ソニー"),
            ("ｿﾞﾝﾋﾞ", "ゾンビ"),
            ("ﾊﾟﾘ", "パリ"),
            ("ｳﾞｨﾄﾝ", "ヴィトン"),
            ("カ\u{3099}", "ガ"),
            ("イーロン＝マスク", "イーロン・マスク"),
            ("イーロン=マスク", "イーロン・マスク"),
            ("イーロン･マスク", "イーロン・マスク"),
            ("a=b", "a=b"),
            ("New　York", "new york"),
            ("New   York", "new york"),
            ("Côte d’Ivoire", "côte d'ivoire"),
            ("Guinea‐Bissau", "guinea-bissau"),
            ("ＵＳＡ", "usa"),
            ("東京都", "東京都"),
            ("ﾞ", "\u{309B}"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_key(input), want, "input {input:?}");
            assert_eq!(fold(input).text, want, "input {input:?}");
        }
    }

    #[test]
    fn offsets_map_back_to_original_characters() {
        // (text, folded needle, original substring it must map to)
        let cases = [
            ("社長はｿﾆｰの", "ソニー", "ｿﾆｰ"),
            ("xｿﾞﾝﾋﾞy", "ゾンビ", "ｿﾞﾝﾋﾞ"),
            ("in ＯｐｅｎＡＩ's", "openai", "ＯｐｅｎＡＩ"),
            ("New  York City", "new york", "New  York"),
            ("Élysée Palace", "élysée", "Élysée"),
            ("米国と日本", "日本", "日本"),
        ];
        for (text, needle, want) in cases {
            let f = fold(text);
            let at = f
                .text
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} in {text}"));
            let (s, e) = f.original(at, at + needle.len());
            assert_eq!(&text[s..e], want, "text {text:?}");
        }
    }

    /// The folding rules one character at a time, with a table of every
    /// folded byte's original offset: the specification the run-copying
    /// [`fold`] must agree with.
    fn reference_fold(text: &str) -> (String, Vec<usize>) {
        let (mut out, mut marks) = (String::new(), Vec::new());
        fold_into(text, Runs::CharByChar, &mut out, |len, at| {
            marks.push((len, at))
        });
        // Every byte of a piece comes from the piece's original offset.
        let mut starts = Vec::with_capacity(out.len() + 1);
        for (k, &(len, at)) in marks.iter().enumerate() {
            let next = marks.get(k + 1).map_or(out.len(), |m| m.0);
            starts.extend(std::iter::repeat_n(at, next - len));
        }
        starts.push(text.len());
        (out, starts)
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_the_rules(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", " ", "  ", "\t", "\n", "=", "-", "7", ".", "ｿ", "ﾞ", "ﾟ", "ﾊ", "ｰ",
                "カ", "\u{3099}", "\u{309A}", "ハ", "゠", "・", "･", "ー", "日本", "の", "、",
                "É", "é", "İ", "　", "‐", "’", "Ｏ", "ａ", "\u{00A0}", "가", "😀", "ㇰ",
            ]), 0..24)
        ) {
            let text: String = parts.concat();
            let (want, starts) = reference_fold(&text);
            let got = fold(&text);
            proptest::prop_assert_eq!(&got.text, &want);
            proptest::prop_assert_eq!(fold_key(&text), fold_key_reference(&text));
            for (i, &at) in starts.iter().enumerate() {
                if want.is_char_boundary(i) {
                    proptest::prop_assert_eq!(got.original(i, i).0, at, "folded byte {}", i);
                }
            }
        }
    }

    fn fold_key_reference(alias: &str) -> String {
        reference_fold(alias.trim()).0
    }

    #[test]
    fn char_classes() {
        for (c, kata, latin) in [
            ('ア', true, false),
            ('ー', true, false),
            ('・', false, false),
            ('a', false, true),
            ('é', false, true),
            ('7', false, true),
            ('_', false, true),
            ('日', false, false),
            ('\'', false, false),
        ] {
            assert_eq!(is_katakana(c), kata, "{c}");
            assert_eq!(is_latin_word(c), latin, "{c}");
        }
    }
}
