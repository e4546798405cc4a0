//! Language of one sentence: script rules first, then whatlang's trigrams,
//! then rules for the short and name-heavy sentences whatlang gets wrong.

use crate::utf8::decode_at;
use kiji_core::Lang;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A Latin-script sentence of at most this many words is English unless
/// whatlang is reliable about another language or the sentence has letters
/// English does not use: headlines, bylines and product names in news text
/// are mostly English and whatlang's trigrams have too little to go on.
const SHORT_WORDS: usize = 5;

/// English function words: a short Latin-script sentence with one of them,
/// or with no lowercase word at all (names, headlines), is English when
/// whatlang is unsure. A short sentence of lowercase words none of which is
/// listed is left to whatlang: `Elle avait 84 ans.`
///
/// Words that are also common in other Latin-script languages are left out:
/// `a` (Romance), `in` and `an` (German, Italian), `on` (French), `no`
/// (Spanish, Italian), `was` and `will` (German), `via`.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "or", "to", "at", "by", "for", "with", "from", "is", "are", "were", "be",
    "been", "it", "its", "this", "that", "as", "not", "more", "new", "read", "also", "has", "have",
    "had", "says", "said", "about", "how", "what", "who", "why", "you", "your", "we", "our", "she",
    "they", "his", "their", "up", "out", "into", "over", "after", "than", "but", "can", "all",
    "see", "photo",
];

/// More words that mark a sentence as English, in any case (`The`, `This`
/// and `It` open most English sentences). With [`ENGLISH_WORDS`] they decide
/// plainly English sentences without whatlang. Words that are also common
/// elsewhere are left out: `do`, `me`, `my`, `her`, `he`, `i`, `so`,
/// `most`, `die`, `man`.
const ENGLISH_MARKERS: &[&str] = &[
    "which", "would", "could", "should", "there", "these", "those", "them", "then", "when",
    "where", "while", "such", "some", "other", "only", "because", "between", "through", "without",
    "against", "during", "before", "since", "until", "both", "each", "many", "much", "very",
    "just", "now", "here", "him", "if", "must", "may", "been", "being", "does", "did", "instead",
    "however", "still", "even", "well", "like", "across", "toward", "within",
];

/// How `word` (ASCII letters, any case) stands in the English lists:
/// `(function, marker)`, `function` when its lowercase form is one of
/// [`ENGLISH_WORDS`], `marker` when it is one of those or of
/// [`ENGLISH_MARKERS`]. One hash lookup instead of a hundred comparisons.
fn english_word(word: &str) -> (bool, bool) {
    static TABLE: OnceLock<FxHashMap<&'static str, bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = FxHashMap::default();
        for w in ENGLISH_MARKERS {
            t.insert(*w, false);
        }
        for w in ENGLISH_WORDS {
            t.insert(*w, true);
        }
        t
    });
    let mut buf = [0u8; 8];
    if word.len() > buf.len() {
        return (false, false);
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return (false, false);
    };
    match table.get(lower) {
        Some(&function) => (function, true),
        None => (false, false),
    }
}

/// When whatlang cannot tell two close languages apart it is often the
/// smaller one it names; news text is far more often in the larger one, so
/// an unreliable guess of the first goes to the second.
const SIBLINGS: &[(whatlang::Lang, whatlang::Lang)] = &[
    (whatlang::Lang::Cat, whatlang::Lang::Spa),
    (whatlang::Lang::Ukr, whatlang::Lang::Rus),
    (whatlang::Lang::Bel, whatlang::Lang::Rus),
    (whatlang::Lang::Bul, whatlang::Lang::Rus),
    (whatlang::Lang::Aze, whatlang::Lang::Tur),
    (whatlang::Lang::Nep, whatlang::Lang::Hin),
    (whatlang::Lang::Mar, whatlang::Lang::Hin),
];

/// Whatlang reads at most this many bytes of a sentence: its trigram scores
/// settle long before, and it is the slowest part of detection.
const WHATLANG_PREFIX: usize = 400;

/// Languages whatlang knows but news text is almost never written in; on
/// short English sentences they are its most frequent false positives.
const DENIED: &[whatlang::Lang] = &[
    whatlang::Lang::Epo,
    whatlang::Lang::Lat,
    whatlang::Lang::Aka,
    whatlang::Lang::Sna,
    whatlang::Lang::Zul,
    whatlang::Lang::Tuk,
    whatlang::Lang::Jav,
];

/// How a sentence is written, which decides who may revise its language
/// once the document's main language is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    /// Kana present: Japanese.
    Kana,
    /// Hangul present: Korean.
    Hangul,
    /// Han ideographs without kana or hangul: Chinese or Japanese.
    Han,
    /// Latin letters.
    Latin,
    /// Any other script (Cyrillic, Arabic, Devanagari, Thai, …).
    Other,
    /// No letters at all.
    None,
}

/// A detection with what `analyse` needs to revise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Guess {
    /// The language.
    pub lang: Lang,
    /// The script that decided it.
    pub script: Script,
    /// False when the sentence was too short or ambiguous for the guess to
    /// be trusted over the document's context.
    pub confident: bool,
}

/// Letter counts of a sentence by script.
#[derive(Debug, Default)]
struct Counts {
    kana: usize,
    hangul: usize,
    han: usize,
    latin: usize,
    /// Latin letters outside ASCII (é, ß, ł, ş, …).
    latin_marked: usize,
    other: usize,
    latin_words: usize,
    /// Latin words that start with a lowercase letter.
    lowercase_words: usize,
    /// Lowercase Latin words that are English function words.
    english_words: usize,
    /// Latin words, in any case, that are English function words or
    /// markers.
    english_markers: usize,
}

/// CJK and full-width punctuation and symbols (、。「」（）！ and the like):
/// never letters.
fn punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{3004}'
            | '\u{3008}'..='\u{3020}'
            | '\u{FF01}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
    )
}

/// What a character counts as in [`Counts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Kana,
    Hangul,
    Han,
    /// A Latin letter without marks (ASCII or full-width).
    Latin,
    /// A Latin letter outside ASCII (é, ß, ł, ş, …).
    LatinMarked,
    /// A letter of any other script.
    Other,
    /// Not a letter.
    None,
}

/// The class of the character at byte `i` of valid UTF-8, whether it
/// joins a word (`'`, `-`, `’`), and its length. ASCII, most of an English
/// sentence and the spaces and digits of a Japanese one, and kanji led by
/// 0xE5..=0xE9 (U+5000..=U+9FFF) are told by their first byte, without
/// decoding.
fn class_at(bytes: &[u8], i: usize) -> (Class, bool, usize) {
    match bytes[i] {
        b if b.is_ascii_alphabetic() => (Class::Latin, false, 1),
        b if b < 0x80 => (Class::None, matches!(b, b'\'' | b'-'), 1),
        0xE5..=0xE9 => (Class::Han, false, 3),
        _ => {
            let (c, len) = decode_at(bytes, i);
            (classify(c), c == '’', len)
        }
    }
}

/// The class of one character.
fn classify(c: char) -> Class {
    match c {
        // `・` (U+30FB) is used in Chinese too; the rest of the block is Japanese.
        '\u{30FB}' => Class::None,
        '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Class::Kana,
        '\u{FF66}'..='\u{FF9D}' => Class::Kana,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
            Class::Hangul
        }
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '々'
        | '〆' => Class::Han,
        'a'..='z' | 'A'..='Z' => Class::Latin,
        // Latin-1 letters, Latin Extended-A/B and Additional; full-width Latin.
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' if c.is_alphabetic() => Class::LatinMarked,
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Class::Latin,
        // Most of what is left in news text: no need to ask the Unicode
        // tables.
        c if c.is_ascii() || punctuation(c) => Class::None,
        _ if c.is_alphabetic() => Class::Other,
        _ => Class::None,
    }
}

impl Counts {
    /// All the counts of `text`.
    fn of(text: &str) -> Counts {
        Counts::count(text, true)
    }

    /// The counts of `text`; the English word counts only when `words` is
    /// true (they cost a word lookup per Latin word, and only Latin-script
    /// sentences need them).
    ///
    /// Without `words` the count stops as soon as the sentence is certain
    /// to be Japanese ([`Counts::certainly_japanese`]), which is about
    /// halfway through most Japanese sentences; the counts are then
    /// partial, but no more is asked of them.
    fn count(text: &str, words: bool) -> Counts {
        let mut n = Counts::default();
        let mut in_latin_word = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (class, joiner, len) = class_at(bytes, i);
            let latin = matches!(class, Class::Latin | Class::LatinMarked);
            match class {
                Class::Kana | Class::Han => {
                    if class == Class::Kana {
                        n.kana += 1;
                    } else {
                        n.han += 1;
                    }
                    if !words && n.certainly_japanese(bytes.len() - i - len) {
                        return n;
                    }
                }
                Class::Hangul => n.hangul += 1,
                Class::Latin => n.latin += 1,
                Class::LatinMarked => {
                    n.latin += 1;
                    n.latin_marked += 1;
                }
                Class::Other => n.other += 1,
                Class::None => {}
            }
            // Apostrophes and hyphens keep a word together: `don't`, `e-mail`.
            if latin && !in_latin_word {
                n.latin_words += 1;
                if words {
                    n.count_word(&text[i..]);
                }
            }
            in_latin_word = latin || (in_latin_word && joiner);
            i += len;
        }
        n
    }

    /// Counts the Latin word at the start of `rest` as an English marker
    /// and as a lowercase (English) word, as it is.
    fn count_word(&mut self, rest: &str) {
        let word = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let (function, marker) = english_word(word);
        if marker {
            self.english_markers += 1;
        }
        if rest.chars().next().is_some_and(char::is_lowercase) {
            self.lowercase_words += 1;
            // As written: `iPhone` is not `iphone`.
            if function && !word.bytes().any(|b| b.is_ascii_uppercase()) {
                self.english_words += 1;
            }
        }
    }

    /// True when the sentence is plainly English: unaccented, with at least
    /// two English function words or markers making up a fifth of its
    /// words. Such sentences skip whatlang, which is a hundred times slower
    /// than the script rules and would only agree.
    fn plainly_english(&self) -> bool {
        self.latin_marked == 0
            && self.other == 0
            && self.english_markers >= 2
            && self.english_markers * 5 >= self.latin_words
    }

    /// True when a short sentence reads as English: it has an English
    /// function word, or only capitalised words (names, headline case).
    fn looks_english(&self) -> bool {
        self.english_words > 0 || self.lowercase_words == 0
    }

    /// True when CJK letters are more than a token share of the letters
    /// and so decide the language. Japanese counts one letter per
    /// word-ish unit where English needs several, hence the comparison
    /// with Latin words.
    fn cjk_decides(&self) -> bool {
        self.cjk() > 0 && self.cjk() * 2 >= self.latin_words
    }

    /// True when the sentence has kana and CJK will decide it whatever the
    /// `rest` bytes not yet counted hold: they can add at most one Latin
    /// word per two bytes (a letter and a separator).
    fn certainly_japanese(&self, rest: usize) -> bool {
        self.kana > 0 && self.cjk() * 2 >= self.latin_words + rest.div_ceil(2)
    }

    fn cjk(&self) -> usize {
        self.kana + self.hangul + self.han
    }

    fn letters(&self) -> usize {
        self.cjk() + self.latin + self.other
    }
}

/// Context-free detection of one sentence's language (ISO 639-1, `und` when
/// it has no letters or no language could be told).
pub fn detect_sentence(sentence: &str) -> Lang {
    guess(sentence).lang
}

/// The language of one sentence with the script that decided it.
pub(crate) fn guess(sentence: &str) -> Guess {
    // Word counts first left out: most sentences are decided by script.
    let n = Counts::count(sentence, false);
    if n.letters() == 0 {
        return Guess {
            lang: Lang::UND,
            script: Script::None,
            confident: true,
        };
    }
    // An English sentence quoting a Japanese word (`kawaii (かわいい) means
    // cute`) is still English: CJK only decides when it is more than a token
    // share of the letters.
    if n.cjk_decides() {
        let (lang, script) = if n.kana > 0 {
            (Lang::JA, Script::Kana)
        } else if n.hangul > 0 {
            (Lang::KO, Script::Hangul)
        } else {
            (Lang::ZH, Script::Han)
        };
        return Guess {
            lang,
            script,
            // A Han-only sentence may well be Japanese (headlines, names).
            confident: script != Script::Han,
        };
    }
    let n = Counts::of(sentence);
    let script = if n.latin >= n.other {
        Script::Latin
    } else {
        Script::Other
    };
    if script == Script::Latin && n.plainly_english() {
        return Guess {
            lang: Lang::EN,
            script,
            confident: true,
        };
    }
    let detector = whatlang::Detector::with_denylist(DENIED.to_vec());
    let info = detector.detect(prefix(sentence, WHATLANG_PREFIX));
    let reliable = info.as_ref().is_some_and(whatlang::Info::is_reliable);
    let lang = info.map_or(Lang::UND, |i| {
        let mut lang = i.lang();
        if !reliable {
            if let Some(&(_, major)) = SIBLINGS.iter().find(|(minor, _)| *minor == lang) {
                lang = major;
            }
        }
        Lang::from_code(iso639_1(lang))
    });
    if script == Script::Latin {
        let short = n.latin_words <= SHORT_WORDS;
        let plain_ascii = n.latin_marked == 0;
        let default_en = short && plain_ascii && !reliable && n.looks_english();
        if lang.is_und() || (default_en && lang != Lang::EN) {
            return Guess {
                lang: Lang::EN,
                script,
                confident: false,
            };
        }
        return Guess {
            lang,
            script,
            confident: reliable && !short,
        };
    }
    Guess {
        lang,
        script,
        confident: reliable,
    }
}

/// The longest prefix of `text` of at most `max` bytes ending on a char
/// boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of a whatlang language; `und` for those without one.
pub(crate) fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as W;
    match lang {
        W::Epo => "eo",
        W::Eng => "en",
        W::Rus => "ru",
        W::Cmn => "zh",
        W::Spa => "es",
        W::Por => "pt",
        W::Ita => "it",
        W::Ben => "bn",
        W::Fra => "fr",
        W::Deu => "de",
        W::Ukr => "uk",
        W::Kat => "ka",
        W::Ara => "ar",
        W::Hin => "hi",
        W::Jpn => "ja",
        W::Heb => "he",
        W::Yid => "yi",
        W::Pol => "pl",
        W::Amh => "am",
        W::Jav => "jv",
        W::Kor => "ko",
        W::Nob => "nb",
        W::Dan => "da",
        W::Swe => "sv",
        W::Fin => "fi",
        W::Tur => "tr",
        W::Nld => "nl",
        W::Hun => "hu",
        W::Ces => "cs",
        W::Ell => "el",
        W::Bul => "bg",
        W::Bel => "be",
        W::Mar => "mr",
        W::Kan => "kn",
        W::Ron => "ro",
        W::Slv => "sl",
        W::Hrv => "hr",
        W::Srp => "sr",
        W::Mkd => "mk",
        W::Lit => "lt",
        W::Lav => "lv",
        W::Est => "et",
        W::Tam => "ta",
        W::Vie => "vi",
        W::Urd => "ur",
        W::Tha => "th",
        W::Guj => "gu",
        W::Uzb => "uz",
        W::Pan => "pa",
        W::Aze => "az",
        W::Ind => "id",
        W::Tel => "te",
        W::Pes => "fa",
        W::Mal => "ml",
        W::Ori => "or",
        W::Mya => "my",
        W::Nep => "ne",
        W::Sin => "si",
        W::Khm => "km",
        W::Tuk => "tk",
        W::Aka => "ak",
        W::Zul => "zu",
        W::Sna => "sn",
        W::Afr => "af",
        W::Lat => "la",
        W::Slk => "sk",
        W::Cat => "ca",
        W::Tgl => "tl",
        W::Hye => "hy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_never_a_letter() {
        let all = (0..=0x10FFFF).filter_map(char::from_u32);
        for c in all.filter(|&c| punctuation(c)) {
            assert!(!c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
        assert!(punctuation('、') && punctuation('」') && punctuation('！'));
        assert!(!punctuation('々') && !punctuation('〇'));
    }

    #[test]
    fn classes_by_first_byte_agree_with_classify_over_all_of_unicode() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let joiner = matches!(c, '\'' | '-' | '’');
            assert_eq!(
                class_at(bytes, 0),
                (classify(c), joiner, c.len_utf8()),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn english_words_are_looked_up_in_any_case() {
        let linear = |w: &str| {
            let lower = w.to_ascii_lowercase();
            let function = ENGLISH_WORDS.contains(&lower.as_str());
            (
                function,
                function || ENGLISH_MARKERS.contains(&lower.as_str()),
            )
        };
        let words = ENGLISH_WORDS.iter().chain(ENGLISH_MARKERS);
        for w in words
            .copied()
            .chain(["The", "WHICH", "Tokyo", "a", "in", "theory", ""])
        {
            assert_eq!(english_word(w), linear(w), "{w}");
        }
    }

    /// Stopping the script count early never changes the verdict: over
    /// every string of up to six parts, the sentence is Japanese by the
    /// partial counts exactly when it is by the full ones, and otherwise
    /// the counts are complete. Kana then one-letter words is the case the
    /// bound is tight for.
    #[test]
    fn an_early_stop_keeps_the_verdict() {
        const PARTS: [&str; 8] = ["あ", "漢", "한", "a ", "ab", "é", "'", " "];
        let japanese = |n: &Counts| n.cjk_decides() && n.kana > 0;
        let scripts = |n: &Counts| {
            (
                n.kana,
                n.hangul,
                n.han,
                n.latin,
                n.latin_marked,
                n.other,
                n.latin_words,
            )
        };
        let mut strings = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| PARTS.iter().map(move |p| format!("{s}{p}")))
                .collect();
            for s in &longer {
                let (full, part) = (Counts::count(s, true), Counts::count(s, false));
                assert_eq!(japanese(&full), japanese(&part), "{s:?}");
                if !japanese(&full) {
                    assert_eq!(scripts(&full), scripts(&part), "{s:?}");
                }
            }
            strings = longer;
        }
    }

    #[test]
    fn every_whatlang_language_has_a_two_letter_code() {
        for &lang in whatlang::Lang::all() {
            let code = iso639_1(lang);
            assert_eq!(code.len(), 2, "{lang:?}");
            assert_eq!(Lang::from_code(code).code(), code, "{lang:?}");
        }
    }

    #[test]
    fn sentences_in_their_languages() {
        let cases = [
            ("日本の出版社が声明を発表した。", "ja"),
            ("ソニー", "ja"),
            ("OpenAIは新しいモデルを公開しました。", "ja"),
            ("東京都知事選挙", "zh"),
            ("中国人民银行宣布下调存款准备金率。", "zh"),
            ("삼성전자는 새로운 스마트폰을 발표했다.", "ko"),
            ("The company announced a new model on Tuesday.", "en"),
            ("Sora 2", "en"),
            ("Tokyo, Japan", "en"),
            ("Read more", "en"),
            (
                "Le gouvernement a annoncé de nouvelles mesures pour l'économie.",
                "fr",
            ),
            (
                "Die Regierung hat neue Maßnahmen für die Wirtschaft angekündigt.",
                "de",
            ),
            (
                "El gobierno anunció nuevas medidas para la economía del país.",
                "es",
            ),
            (
                "Het is een mooie dag en de zon schijnt over het hele land.",
                "nl",
            ),
            (
                "Dit is het resultaat van de verkiezingen in het land.",
                "nl",
            ),
            (
                "The results of the survey were published by the ministry on Friday.",
                "en",
            ),
            (
                "Правительство объявило о новых мерах поддержки экономики.",
                "ru",
            ),
            ("บริษัทประกาศเปิดตัวผลิตภัณฑ์ใหม่ในวันนี้", "th"),
            ("सरकार ने अर्थव्यवस्था के लिए नए उपायों की घोषणा की।", "hi"),
            ("أعلنت الحكومة عن إجراءات جديدة لدعم الاقتصاد.", "ar"),
            (
                "The word kawaii (かわいい) is used across the world to mean cute.",
                "en",
            ),
            ("2025-10-09 12:00", "und"),
            ("★☆★ 100% ★☆★", "und"),
            ("", "und"),
        ];
        for (text, want) in cases {
            assert_eq!(detect_sentence(text).code(), want, "{text}");
        }
    }

    #[test]
    fn english_markers_decide_without_whatlang() {
        let plain = |s: &str| Counts::of(s).plainly_english();
        // Capitalised openers count: `This`, `It`, `The`.
        assert!(plain("This, they argue, violates creative rights."));
        assert!(plain(
            "It creates animations and visuals from text prompts."
        ));
        // One marker in many words is not enough; whatlang decides.
        assert!(!plain("The results look almost real."));
        // Accented letters or words other languages share are no evidence.
        assert!(!plain(
            "Die Regierung hat neue Maßnahmen für die Wirtschaft angekündigt."
        ));
        assert!(!plain(
            "Dit is het resultaat van de verkiezingen in het land."
        ));
        assert!(!plain("Ma sono molto contento di questa giornata con te."));
        assert!(!plain("Si tu veux, je peux venir demain avec mon frère."));
    }

    #[test]
    fn han_only_sentences_are_not_confident() {
        let g = guess("東京都知事選挙");
        assert_eq!(g.script, Script::Han);
        assert!(!g.confident);
        assert!(guess("日本の出版社が声明を発表した。").confident);
    }
}
