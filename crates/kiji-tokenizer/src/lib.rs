//! Tokenisation: lindera with IPADIC for Japanese sentences, Unicode word
//! boundaries (UAX #29) for every other language.
//!
//! The IPADIC system dictionary is compiled from source by this crate's build
//! script and embedded in the binary (see `build.rs`); [`Tokenizer::from_dir`]
//! loads another compiled lindera dictionary instead (UniDic, a NEologd
//! build) and [`build_dictionary`] compiles one from MeCab source.
//!
//! A [`Tokenizer`] is built once and shared; each thread takes a [`Worker`],
//! which reuses lindera's lattice between calls (the fastest way to drive
//! lindera). Dictionary details (base form, reading) are read only when asked
//! for, because reading them costs as much as segmenting.

mod embedded {
    lindera_dictionary::embedded_dictionary!("/lindera-ipadic", EmbeddedIpadicLoader);
}

use std::path::{Path, PathBuf};

use kiji_core::{Lang, OffsetMap, Pos, Sentence, Span, Token, TokenDetails};
use lindera::dictionary::UserDictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::character_definition::CategoryId;
use lindera_dictionary::dictionary::metadata::Metadata;
use lindera_dictionary::viterbi::{Lattice, LatticeOptions, WordId};
use unicode_segmentation::UnicodeSegmentation;

/// The shipped user dictionaries (`dictionaries/user/*.csv`), bundled by the
/// build script.
pub const SHIPPED_USER_DICTIONARY: &str =
    include_str!(concat!(env!("OUT_DIR"), "/user-dictionary.csv"));

/// The metadata lindera's IPADIC uses, for compiling user dictionaries and
/// MeCab sources in the same schema as the embedded dictionary.
const IPADIC_METADATA: &str = include_str!("../ipadic-metadata.json");

/// What can go wrong loading or building a dictionary, or tokenising.
#[derive(Debug, thiserror::Error)]
pub enum TokenizerError {
    /// The embedded dictionary could not be loaded (a broken build).
    #[error("cannot load the embedded IPADIC dictionary: {0}")]
    Embedded(String),
    /// A compiled dictionary folder could not be loaded.
    #[error("cannot load dictionary {path}: {reason}")]
    Load {
        /// The folder given.
        path: PathBuf,
        /// lindera's explanation.
        reason: String,
    },
    /// A user dictionary CSV could not be compiled.
    #[error("cannot load user dictionary {path}: {reason}")]
    UserDictionary {
        /// The file given.
        path: PathBuf,
        /// lindera's explanation.
        reason: String,
    },
    /// Compiling a MeCab source folder failed.
    #[error("cannot build a dictionary from {src} into {out}: {reason}")]
    Build {
        /// Source folder.
        src: PathBuf,
        /// Output folder.
        out: PathBuf,
        /// lindera's explanation.
        reason: String,
    },
    /// lindera failed on a sentence.
    #[error("tokenising failed: {0}")]
    Segment(String),
}

/// Which dictionaries a [`Tokenizer`] uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenizerConfig {
    /// A compiled lindera dictionary folder instead of the embedded IPADIC
    /// (as written by [`build_dictionary`] or lindera's own tools).
    pub dict: Option<PathBuf>,
    /// User dictionary CSV files.
    pub user_dicts: Vec<PathBuf>,
    /// Also load the shipped `dictionaries/user/*.csv`.
    pub shipped_user_dictionary: bool,
}

/// A shared, thread-safe tokenizer. Cheap to clone (the dictionary is shared).
#[derive(Clone)]
pub struct Tokenizer {
    segmenter: Segmenter,
}

impl Tokenizer {
    /// The tokenizer with the embedded IPADIC and the given user dictionaries
    /// (lindera CSV: `surface,pos,reading` rows or full IPADIC rows), and no
    /// shipped user dictionary.
    pub fn embedded(user_dicts: &[PathBuf]) -> Result<Self, TokenizerError> {
        Self::new(&TokenizerConfig {
            user_dicts: user_dicts.to_vec(),
            ..TokenizerConfig::default()
        })
    }

    /// A tokenizer as configured.
    pub fn new(cfg: &TokenizerConfig) -> Result<Self, TokenizerError> {
        let dict = match &cfg.dict {
            Some(dir) => {
                lindera::dictionary::load_fs_dictionary(dir).map_err(|e| TokenizerError::Load {
                    path: dir.to_path_buf(),
                    reason: e.to_string(),
                })?
            }
            None => embedded::load().map_err(|e| TokenizerError::Embedded(e.to_string()))?,
        };
        let shipped = if cfg.shipped_user_dictionary {
            SHIPPED_USER_DICTIONARY
        } else {
            ""
        };
        let user = load_user_dictionaries(&dict.metadata, shipped, &cfg.user_dicts)?;
        Ok(Tokenizer {
            segmenter: Segmenter::new(Mode::Normal, dict, user),
        })
    }

    /// A per-thread worker that reuses its lattice between calls.
    pub fn worker(&self) -> Worker {
        let chars = &self.segmenter.dictionary.character_definition;
        let space = chars.category_id_by_name("SPACE").map(|id| {
            let mut bmp = vec![0u64; 0x10000 / 64].into_boxed_slice();
            for c in (0..=0xFFFF).filter_map(char::from_u32) {
                if chars.lookup_categories(c).contains(&id) {
                    bmp[c as usize / 64] |= 1 << (c as usize % 64);
                }
            }
            SpaceSet { id, bmp }
        });
        Worker {
            inner: self.segmenter.new_worker(),
            lattice: Lattice::default(),
            offsets: Vec::new(),
            words: Vec::new(),
            space,
            pos_cache: Vec::new(),
        }
    }

    /// The lindera segmenter with kiji's dictionaries, for benchmarks that
    /// drive lindera directly (`examples/segment_bench.rs`).
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The dictionary's name (`ipadic` for the embedded one).
    pub fn dictionary_name(&self) -> &str {
        &self.segmenter.dictionary.metadata.name
    }
}

/// Merges user dictionary CSVs into one lindera user dictionary.
///
/// lindera takes a single user dictionary, so several files are concatenated
/// (each is CSV without a header, so concatenation is well defined).
fn load_user_dictionaries(
    metadata: &Metadata,
    shipped: &str,
    paths: &[PathBuf],
) -> Result<Option<UserDictionary>, TokenizerError> {
    let mut texts = vec![(PathBuf::from("dictionaries/user"), shipped.to_string())];
    for path in paths {
        let bytes = std::fs::read(path).map_err(|e| TokenizerError::UserDictionary {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        texts.push((path.clone(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    let mut csv = Vec::new();
    for (_, text) in &texts {
        for line in text.lines() {
            // `#` comments and blank lines keep the files reviewable.
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            csv.extend_from_slice(trimmed.as_bytes());
            csv.push(b'\n');
        }
    }
    if csv.is_empty() {
        return Ok(None);
    }
    let builder = DictionaryBuilder::new(metadata.clone());
    let dict = builder
        .build_user_dict_from_reader(csv.as_slice())
        .map_err(|e| TokenizerError::UserDictionary {
            path: texts
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(p, _)| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
            reason: e.to_string(),
        })?;
    Ok(Some(dict))
}

/// Compiles a MeCab-format source folder (`*.csv`, `matrix.def`, `char.def`,
/// `unk.def`; UTF-8) into a lindera dictionary folder loadable with
/// [`Tokenizer::from_dir`]. `metadata` is lindera's `metadata.json` for the
/// dictionary; `None` uses IPADIC's.
pub fn build_dictionary(
    src: &Path,
    out: &Path,
    metadata: Option<&Path>,
) -> Result<(), TokenizerError> {
    let err = |reason: String| TokenizerError::Build {
        src: src.to_path_buf(),
        out: out.to_path_buf(),
        reason,
    };
    let json = match metadata {
        Some(p) => std::fs::read_to_string(p).map_err(|e| err(format!("{}: {e}", p.display())))?,
        None => IPADIC_METADATA.to_string(),
    };
    let metadata: Metadata =
        serde_json::from_str(&json).map_err(|e| err(format!("metadata: {e}")))?;
    DictionaryBuilder::new(metadata)
        .build_dictionary(src, out)
        .map_err(|e| err(e.to_string()))
}

/// What to read besides surface and part of speech.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Fill [`Token::details`] (all dictionary fields, base form, reading).
    pub details: bool,
}

/// A per-thread tokenizer.
pub struct Worker {
    inner: lindera::worker::SegmentWorker,
    /// The lattice and backtrace buffer for [`Worker::segment_words`].
    lattice: Lattice,
    offsets: Vec<(usize, WordId)>,
    /// The tokens of the sentence being segmented: byte range in the
    /// sentence and word.
    words: Vec<(usize, usize, WordId)>,
    /// Which characters are white space to the dictionary (the tokens
    /// lindera drops).
    space: Option<SpaceSet>,
    /// The [`Pos`] of system dictionary words by word id, filled as words are
    /// met: reading a word's fields validates and splits its whole details
    /// record, which cost as much as a third of segmenting. At most one byte
    /// per IPADIC word (under 400 KB).
    pos_cache: Vec<Option<Pos>>,
}

impl Worker {
    /// Tokenises every sentence of `text`, appending tokens to `out` in text
    /// order. Japanese sentences go through lindera; the others are split on
    /// Unicode word boundaries.
    pub fn tokenize(
        &mut self,
        text: &str,
        sentences: &[Sentence],
        offsets: &OffsetMap<'_>,
        opts: Options,
        out: &mut Vec<Token>,
    ) -> Result<(), TokenizerError> {
        self.tokenize_from(text, sentences, 0, offsets, opts, out)
    }

    /// Like [`Worker::tokenize`], for a run of a document's sentences whose
    /// first is sentence number `first` of the document: tokens carry the
    /// document's sentence numbers. Tokenising consecutive runs and
    /// concatenating the tokens gives what one call over all the sentences
    /// gives, which lets threads share a very long document.
    pub fn tokenize_from(
        &mut self,
        text: &str,
        sentences: &[Sentence],
        first: usize,
        offsets: &OffsetMap<'_>,
        opts: Options,
        out: &mut Vec<Token>,
    ) -> Result<(), TokenizerError> {
        for (i, s) in sentences.iter().enumerate() {
            let index = (first + i) as u32;
            let base = s.span.byte_start;
            let sentence_text = &text[base..s.span.byte_end];
            let chars = CharCursor::new(sentence_text, base, offsets.char_offset(base));
            if s.lang == Lang::JA {
                self.japanese(sentence_text, index, chars, opts, out)?;
            } else {
                words(sentence_text, index, chars, out);
            }
        }
        Ok(())
    }

    fn japanese(
        &mut self,
        sentence: &str,
        index: u32,
        mut chars: CharCursor<'_>,
        opts: Options,
        out: &mut Vec<Token>,
    ) -> Result<(), TokenizerError> {
        let mut details = Vec::new();
        if !opts.details && self.inner.segmenter().space_penalty_config().is_none() {
            self.segment_words(sentence);
        } else {
            let tokens = self
                .inner
                .segment(sentence)
                .map_err(|e| TokenizerError::Segment(e.to_string()))?;
            self.words.clear();
            for mut t in tokens {
                self.words.push((t.byte_start, t.byte_end, t.word_id));
                if opts.details {
                    let fields: Vec<String> = t.details_iter().map(str::to_owned).collect();
                    details.push(Box::new(details_of(&fields)));
                }
            }
        }
        let seg = self.inner.segmenter();
        let mut details = details.into_iter();
        for &(start, end, word_id) in &self.words {
            out.push(Token {
                span: chars.span(start, end),
                pos: cached_pos(&mut self.pos_cache, seg, word_id),
                sentence: index,
                details: details.next(),
            });
        }
        Ok(())
    }

    /// The tokens of Japanese `text` as lindera segments it (byte range and
    /// word of each, in order), by the path [`Worker::tokenize`] takes;
    /// `segment_bench --direct` times it.
    pub fn words(&mut self, text: &str) -> &[(usize, usize, WordId)] {
        self.segment_words(text);
        &self.words
    }

    /// Segments `sentence` as `SegmentWorker::segment` does, into
    /// `self.words` (byte range and word of each token, in order), without
    /// building lindera's tokens: their surfaces, positions and dictionary
    /// references are rebuilt here from offsets anyway, and making them
    /// cost a tenth of segmenting. Like lindera, the text is cut after line
    /// breaks, tabs, `。` and `、` (each piece is one lattice), and tokens
    /// of white space only are dropped.
    ///
    /// Used only without a space penalty (a feature of Korean
    /// dictionaries), whose table lindera keeps to itself.
    fn segment_words(&mut self, sentence: &str) {
        let seg = self.inner.segmenter();
        let dict = &seg.dictionary;
        let user = seg.user_dictionary.as_ref().map(|u| &u.dict);
        let mut options = LatticeOptions::new(&seg.mode);
        options.max_grouping_len = seg.max_grouping_len;
        options.unknown_word_ladder = seg.unknown_word_ladder;
        self.words.clear();
        let mut start = 0;
        while start < sentence.len() {
            let end = piece_end(sentence, start);
            let text = &sentence[start..end];
            self.lattice.set_text_with_options(
                &dict.prefix_dictionary,
                &user,
                &dict.character_definition,
                &dict.unknown_dictionary,
                &dict.connection_cost_matrix,
                text,
                &options,
            );
            self.lattice.tokens_offset_into(&mut self.offsets);
            for (i, &(s, word_id)) in self.offsets.iter().enumerate() {
                let e = self.offsets.get(i + 1).map_or(text.len(), |next| next.0);
                let blank = !seg.keep_whitespace
                    && self
                        .space
                        .as_ref()
                        .is_some_and(|space| text[s..e].chars().all(|c| space.contains(c, dict)));
                if !blank {
                    self.words.push((start + s, start + e, word_id));
                }
            }
            start = end;
        }
    }
}

/// The characters of a dictionary's `SPACE` category: a bitmap over the
/// Basic Multilingual Plane, asked of the first character of every token
/// (a category lookup each cost more than the rest of the token's
/// bookkeeping), and the category itself for the planes above.
struct SpaceSet {
    id: CategoryId,
    bmp: Box<[u64]>,
}

impl SpaceSet {
    /// True when `c` is in the category.
    fn contains(&self, c: char, dict: &lindera_dictionary::dictionary::Dictionary) -> bool {
        match self.bmp.get(c as usize / 64) {
            Some(bits) => bits & (1 << (c as usize % 64)) != 0,
            None => dict
                .character_definition
                .lookup_categories(c)
                .contains(&self.id),
        }
    }
}

/// Where the lattice piece that starts at `start` ends: after the next line
/// break, tab, `。` or `、`, else at the end, as lindera cuts its input
/// (within one of kiji's sentences, which are far shorter than lindera's
/// forced cut at 32 KiB). `。` and `、` are E3 80 82 and E3 80 81: the
/// search is for their middle byte, rare elsewhere in Japanese text, where
/// lindera tests the last byte of every character.
fn piece_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut from = start;
    while let Some(k) = memchr::memchr3(b'\n', b'\t', 0x80, &bytes[from..]) {
        let i = from + k;
        if bytes[i] != 0x80 {
            return i + 1;
        }
        if i > 0 && bytes[i - 1] == 0xE3 && matches!(bytes.get(i + 1), Some(0x81 | 0x82)) {
            return i + 2;
        }
        from = i + 1;
    }
    bytes.len()
}

/// The [`Pos`] of a word, from the cache for system words.
fn cached_pos(cache: &mut Vec<Option<Pos>>, seg: &Segmenter, word_id: WordId) -> Pos {
    if word_id.is_unknown() {
        Pos::Unknown
    } else if word_id.is_system() {
        let id = word_id.id() as usize;
        if id >= cache.len() {
            cache.resize(id + 1, None);
        }
        *cache[id].get_or_insert_with(|| pos_of_word(seg, word_id))
    } else {
        pos_of_word(seg, word_id)
    }
}

/// Code point offsets of increasing byte offsets within one sentence, each
/// counted from the previous one: tokens arrive in text order, so this counts
/// every byte once instead of up to 256 per lookup in the [`OffsetMap`].
struct CharCursor<'s> {
    sentence: &'s [u8],
    /// Byte offset of the sentence in the document.
    base: usize,
    /// Code point offset of the sentence in the document.
    base_char: usize,
    /// Last position asked for, relative to the sentence, and its code point
    /// offset in the document.
    byte: usize,
    char: usize,
}

impl<'s> CharCursor<'s> {
    fn new(sentence: &'s str, base: usize, base_char: usize) -> Self {
        CharCursor {
            sentence: sentence.as_bytes(),
            base,
            base_char,
            byte: 0,
            char: base_char,
        }
    }

    /// Code point offset in the document of `byte` (relative to the sentence).
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Out of order (not expected): count again from the sentence start.
            self.byte = 0;
            self.char = self.base_char;
        }
        self.char += count_chars(&self.sentence[self.byte..byte]);
        self.byte = byte;
        self.char
    }

    /// The document span of `start..end` (bytes relative to the sentence).
    fn span(&mut self, start: usize, end: usize) -> Span {
        Span {
            start: self.at(start),
            end: self.at(end),
            byte_start: self.base + start,
            byte_end: self.base + end,
        }
    }
}

/// Number of code points in UTF-8 bytes that start and end on char boundaries.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Reads only the four part-of-speech fields of a known word: much cheaper
/// than materialising all details.
fn pos_of_word(seg: &Segmenter, word_id: WordId) -> Pos {
    let id = word_id.id() as usize;
    let mut f: [&str; 4] = ["*"; 4];
    if word_id.is_system() {
        for (slot, v) in f.iter_mut().zip(seg.dictionary.word_details_iter(id)) {
            *slot = v;
        }
    } else if let Some(user) = &seg.user_dictionary {
        for (slot, v) in f.iter_mut().zip(user.word_details_iter(id)) {
            *slot = v;
        }
    }
    ipadic_pos(&f)
}

/// Maps IPADIC's 品詞 and 品詞細分類 fields to a coarse [`Pos`].
pub fn ipadic_pos(f: &[&str; 4]) -> Pos {
    match (f[0], f[1], f[2], f[3]) {
        ("名詞", "固有名詞", "人名", "姓") => Pos::PersonSurname,
        ("名詞", "固有名詞", "人名", "名") => Pos::PersonGiven,
        ("名詞", "固有名詞", "人名", _) => Pos::PersonName,
        ("名詞", "固有名詞", "組織", _) => Pos::Organization,
        ("名詞", "固有名詞", "地域", "国") => Pos::Country,
        ("名詞", "固有名詞", "地域", _) => Pos::Place,
        ("名詞", "固有名詞", _, _) => Pos::ProperNoun,
        ("名詞", "数", _, _) => Pos::Number,
        ("名詞", "接尾", _, _) => Pos::NounSuffix,
        ("名詞", "形容動詞語幹", _, _) => Pos::Adjective,
        ("名詞", _, _, _) => Pos::Noun,
        ("接頭詞", _, _, _) => Pos::Prefix,
        ("動詞", _, _, _) => Pos::Verb,
        ("形容詞", _, _, _) => Pos::Adjective,
        ("副詞" | "連体詞" | "接続詞" | "感動詞", _, _, _) => Pos::Adverb,
        ("助詞", _, _, _) => Pos::Particle,
        ("助動詞", _, _, _) => Pos::AuxVerb,
        ("記号", _, _, _) => Pos::Symbol,
        ("UNK", _, _, _) => Pos::Unknown,
        _ => Pos::Other,
    }
}

/// Builds [`TokenDetails`] from IPADIC's fields (POS ×4, conjugation ×2,
/// base form, reading, pronunciation).
fn details_of(fields: &[String]) -> TokenDetails {
    let field = |i: usize| fields.get(i).filter(|v| v.as_str() != "*").cloned();
    TokenDetails {
        pos: fields.iter().take(4).cloned().collect(),
        base_form: field(6),
        reading: field(7),
    }
}

/// Splits a non-Japanese sentence on Unicode word boundaries, keeping words
/// and punctuation, dropping white space.
fn words(sentence: &str, index: u32, mut chars: CharCursor<'_>, out: &mut Vec<Token>) {
    if sentence.is_ascii() {
        let mut start = 0;
        while start < sentence.len() {
            let end = ascii_word_end(sentence.as_bytes(), start);
            push_word(sentence, start, end, index, &mut chars, out);
            start = end;
        }
        return;
    }
    for (start, w) in sentence.split_word_bound_indices() {
        push_word(sentence, start, start + w.len(), index, &mut chars, out);
    }
}

/// The word class of an ASCII byte under Unicode's word boundary rules
/// (UAX #29); the classes ASCII does not have are left out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Letter,
    Numeric,
    /// `:`, between letters only.
    MidLetter,
    /// `.` and `'`, between letters or between digits.
    MidNumLet,
    /// `,` and `;`, between digits only.
    MidNum,
    /// `_`, joining anything wordlike.
    ExtendNumLet,
    /// The space (U+0020), kept with the spaces next to it.
    Space,
    Cr,
    Lf,
    /// Vertical tab and form feed: line breaks that never pair with CR.
    Newline,
    Other,
}

fn word_class(b: u8) -> WordClass {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => WordClass::Letter,
        b'0'..=b'9' => WordClass::Numeric,
        b':' => WordClass::MidLetter,
        b'.' | b'\'' => WordClass::MidNumLet,
        b',' | b';' => WordClass::MidNum,
        b'_' => WordClass::ExtendNumLet,
        b' ' => WordClass::Space,
        b'\r' => WordClass::Cr,
        b'\n' => WordClass::Lf,
        0x0B | 0x0C => WordClass::Newline,
        _ => WordClass::Other,
    }
}

/// The end of the word-boundary segment of ASCII `text` that starts at
/// `start`: what `split_word_bound_indices` gives, by the rules that can
/// apply to ASCII (a segment per word, number, run of spaces, CR LF or
/// other character), without its Unicode tables.
fn ascii_word_end(text: &[u8], start: usize) -> usize {
    use WordClass::*;
    let class = |i: usize| text.get(i).map_or(Other, |&b| word_class(b));
    let first = class(start);
    match first {
        Cr if class(start + 1) == Lf => return start + 2,
        Space => {
            let mut end = start + 1;
            while class(end) == Space {
                end += 1;
            }
            return end;
        }
        Letter | Numeric | ExtendNumLet => {}
        _ => return start + 1,
    }
    let mut prev = first;
    let mut i = start + 1;
    while i < text.len() {
        let next = class(i);
        match next {
            Letter | Numeric | ExtendNumLet => {
                prev = next;
                i += 1;
            }
            MidLetter | MidNumLet | MidNum => {
                let after = class(i + 1);
                let letters = prev == Letter && after == Letter && next != MidNum;
                let digits = prev == Numeric && after == Numeric && next != MidLetter;
                if !(letters || digits) {
                    break;
                }
                prev = after;
                i += 2;
            }
            _ => break,
        }
    }
    i
}

/// Pushes `sentence[start..end]` as a token unless it is white space.
fn push_word(
    sentence: &str,
    start: usize,
    end: usize,
    index: u32,
    chars: &mut CharCursor<'_>,
    out: &mut Vec<Token>,
) {
    let w = &sentence[start..end];
    let Some(first) = w.chars().next() else {
        return;
    };
    if first.is_whitespace() {
        return;
    }
    let pos = if w
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && first.is_ascii_digit()
    {
        Pos::Number
    } else if w.chars().any(char::is_alphanumeric) {
        Pos::Word
    } else {
        Pos::Symbol
    };
    out.push(Token {
        span: chars.span(start, end),
        pos,
        sentence: index,
        details: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// The tokenizer the pipeline uses: IPADIC and the shipped user
    /// dictionary.
    fn shipped() -> &'static Tokenizer {
        static TOK: OnceLock<Tokenizer> = OnceLock::new();
        TOK.get_or_init(|| {
            Tokenizer::new(&TokenizerConfig {
                shipped_user_dictionary: true,
                ..TokenizerConfig::default()
            })
            .expect("dictionaries load")
        })
    }

    /// Pieces of Japanese news text, with the white space, tabs, line
    /// breaks and commas lindera cuts or drops, and characters whose UTF-8
    /// holds the bytes the cut looks for (一 is E4 B8 80, ぁ E3 81 81).
    const PARTS: &[&str] = &[
        "東京",
        "ソニー",
        "は",
        "、",
        "。",
        " ",
        "\u{3000}",
        "\t",
        "\n",
        "\u{A0}",
        "Apple",
        "2025年",
        "ジェフ・ベゾス",
        "一",
        "ぁ",
        "氏",
        "が発表した",
        "ｱｲ",
        "é",
        "〜",
        "「",
        "」",
        "OpenAI",
    ];

    #[test]
    fn the_space_set_is_the_dictionary_space_category() {
        let tok = shipped();
        let dict = &tok.segmenter.dictionary;
        let space = tok.worker().space.expect("IPADIC has a SPACE category");
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let category = dict
                .character_definition
                .lookup_categories(c)
                .contains(&space.id);
            assert_eq!(space.contains(c, dict), category, "U+{:04X}", c as u32);
        }
    }

    proptest! {
        /// The ASCII word splitter cuts where Unicode's rules (as
        /// unicode-segmentation applies them) do.
        #[test]
        fn ascii_words_split_as_unicode_says(
            parts in prop::collection::vec(prop::sample::select(&[
                "a", "Zb", "7", "0", ".", "'", ":", ",", ";", "_", " ", "  ", "\t", "\r", "\n", "\r\n",
                "\u{0B}", "-", "\"", "$", "%", "(", "U.S.", "3.5", "1,000", "don't", "a:b", "x_1",
            ][..]), 0..24)
        ) {
            let text = parts.concat();
            let unicode: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            let mut ascii = Vec::new();
            let mut start = 0;
            while start < text.len() {
                ascii.push(start);
                start = ascii_word_end(text.as_bytes(), start);
            }
            prop_assert_eq!(ascii, unicode);
        }

        /// Driving the lattice directly gives lindera's tokens exactly.
        #[test]
        fn lattice_words_are_lindera_tokens(parts in prop::collection::vec(prop::sample::select(PARTS), 0..30)) {
            let text = parts.concat();
            let mut w = shipped().worker();
            w.segment_words(&text);
            let direct = w.words.clone();
            let tokens = w.inner.segment(&text).expect("segments");
            let lindera: Vec<_> = tokens.iter().map(|t| (t.byte_start, t.byte_end, t.word_id)).collect();
            prop_assert_eq!(direct, lindera);
        }

        /// The cut finds what a test of every byte, as lindera makes it,
        /// finds.
        #[test]
        fn pieces_end_where_lindera_cuts(parts in prop::collection::vec(prop::sample::select(PARTS), 0..30), at in 0usize..30) {
            let text = parts.concat();
            let start = parts.iter().take(at).map(|p| p.len()).sum::<usize>().min(text.len());
            let bytes = text.as_bytes();
            let mut end = bytes.len();
            for i in start..bytes.len() {
                let b = bytes[i];
                let ideographic = i + 1 >= 3 && matches!(&bytes[i - 2..=i], [0xE3, 0x80, 0x81 | 0x82]);
                if b == b'\n' || b == b'\t' || ideographic {
                    end = i + 1;
                    break;
                }
            }
            prop_assert_eq!(piece_end(&text, start), end);
        }
    }

    fn sentence(text: &str, lang: Lang) -> Vec<Sentence> {
        let m = OffsetMap::new(text);
        vec![Sentence {
            span: m.span(0, text.len()),
            lang,
        }]
    }

    fn tokens(text: &str, lang: Lang, details: bool) -> Vec<Token> {
        let tok = Tokenizer::embedded(&[]).expect("embedded dictionary loads");
        tokens_with(&tok, text, lang, details)
    }

    /// `text` as one sentence of `lang`, tokenised by `tok`.
    fn tokens_with(tok: &Tokenizer, text: &str, lang: Lang, details: bool) -> Vec<Token> {
        let m = OffsetMap::new(text);
        let mut out = Vec::new();
        tok.worker()
            .tokenize(
                text,
                &sentence(text, lang),
                &m,
                Options { details },
                &mut out,
            )
            .expect("tokenises");
        out
    }

    fn surfaces<'t>(text: &'t str, toks: &[Token]) -> Vec<&'t str> {
        toks.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn japanese_is_segmented_with_ipadic() {
        let text = "東京都に住む。";
        let toks = tokens(text, Lang::JA, false);
        assert_eq!(surfaces(text, &toks), ["東京", "都", "に", "住む", "。"]);
        assert_eq!(toks[0].pos, Pos::Place);
        assert_eq!(toks[2].pos, Pos::Particle);
    }

    #[test]
    fn proper_nouns_get_their_classes() {
        let cases = [
            ("日本", Pos::Country),
            ("田中", Pos::PersonSurname),
            ("大阪", Pos::Place),
        ];
        for (word, want) in cases {
            let toks = tokens(word, Lang::JA, false);
            assert_eq!(toks.len(), 1, "{word}");
            assert_eq!(toks[0].pos, want, "{word}");
        }
    }

    #[test]
    fn details_give_base_form_and_reading_on_request() {
        let text = "走った";
        let toks = tokens(text, Lang::JA, true);
        let d = toks[0].details.as_ref().expect("details requested");
        assert_eq!(d.pos[0], "動詞");
        assert_eq!(d.base_form.as_deref(), Some("走る"));
        assert_eq!(d.reading.as_deref(), Some("ハシッ"));
        assert!(tokens(text, Lang::JA, false)[0].details.is_none());
    }

    #[test]
    fn katakana_names_joined_by_nakaguro_stay_whole() {
        let text = "ジェフ・ベゾス氏";
        let toks = tokens(text, Lang::JA, false);
        assert_eq!(surfaces(text, &toks)[0], "ジェフ・ベゾス");
    }

    #[test]
    fn english_is_split_on_word_boundaries() {
        let text = "OpenAI's CEO said $3.5 billion.";
        let toks = tokens(text, Lang::EN, false);
        assert_eq!(
            surfaces(text, &toks),
            ["OpenAI's", "CEO", "said", "$", "3.5", "billion", "."]
        );
        assert_eq!(toks[4].pos, Pos::Number);
        assert_eq!(toks[0].pos, Pos::Word);
    }

    #[test]
    fn offsets_index_the_document_not_the_sentence() {
        let text = "Hello.日本語の文。";
        let m = OffsetMap::new(text);
        let ja_start = text.find('日').unwrap();
        let sentences = [
            Sentence {
                span: m.span(0, ja_start),
                lang: Lang::EN,
            },
            Sentence {
                span: m.span(ja_start, text.len()),
                lang: Lang::JA,
            },
        ];
        let tok = Tokenizer::embedded(&[]).unwrap();
        let mut out = Vec::new();
        tok.worker()
            .tokenize(text, &sentences, &m, Options::default(), &mut out)
            .unwrap();
        let nihongo = out
            .iter()
            .find(|t| t.span.slice(text) == "日本語")
            .expect("日本語 token");
        assert_eq!(
            nihongo.span,
            Span {
                start: 6,
                end: 9,
                byte_start: ja_start,
                byte_end: ja_start + 9
            }
        );
        assert_eq!(nihongo.sentence, 1);
        for t in &out {
            assert_eq!(
                t.span.slice(text),
                &text[t.span.byte_start..t.span.byte_end]
            );
        }
    }

    #[test]
    fn runs_of_sentences_tokenise_as_the_whole_document_does() {
        let text =
            "Sony said so.ソニーは東京で発表した。Apple Inc. followed.ジェフ・ベゾス氏も来た。";
        let m = OffsetMap::new(text);
        let cuts = [
            0,
            text.find('ソ').unwrap(),
            text.find('A').unwrap(),
            text.find('ジ').unwrap(),
            text.len(),
        ];
        let langs = [Lang::EN, Lang::JA, Lang::EN, Lang::JA];
        let sentences: Vec<Sentence> = cuts
            .windows(2)
            .zip(langs)
            .map(|(w, lang)| Sentence {
                span: m.span(w[0], w[1]),
                lang,
            })
            .collect();
        let mut whole = Vec::new();
        shipped()
            .worker()
            .tokenize(text, &sentences, &m, Options::default(), &mut whole)
            .unwrap();
        // Two workers, as two threads would have, each given a run.
        let mut runs = Vec::new();
        shipped()
            .worker()
            .tokenize_from(text, &sentences[..1], 0, &m, Options::default(), &mut runs)
            .unwrap();
        shipped()
            .worker()
            .tokenize_from(text, &sentences[1..], 1, &m, Options::default(), &mut runs)
            .unwrap();
        assert_eq!(runs, whole);
        assert_eq!(whole.last().map(|t| t.sentence), Some(3));
    }

    #[test]
    fn user_dictionary_joins_new_names() {
        let dir = std::env::temp_dir().join(format!("kiji-userdict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("user.csv");
        std::fs::write(
            &path,
            "# new AI company\nストックマーク,カスタム名詞,ストックマーク\n",
        )
        .unwrap();
        let tok = Tokenizer::embedded(&[path]).unwrap();
        let text = "ストックマーク社";
        let out = tokens_with(&tok, text, Lang::JA, false);
        assert_eq!(out[0].span.slice(text), "ストックマーク");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn shipped_user_dictionary_loads() {
        let tok = Tokenizer::new(&TokenizerConfig {
            shipped_user_dictionary: true,
            ..TokenizerConfig::default()
        });
        assert!(tok.is_ok(), "{:?}", tok.err());
    }

    #[test]
    fn shipped_words_keep_modern_loanwords_whole_and_common() {
        let tok = Tokenizer::new(&TokenizerConfig {
            shipped_user_dictionary: true,
            ..TokenizerConfig::default()
        })
        .unwrap();
        // IPADIC alone splits these into parts it tags as names (クラ|ウド,
        // ユニ|コーン) or does not know them at all (スマホ).
        let text = "クラウドとスマホとユニコーンとエヌビディア";
        let out = tokens_with(&tok, text, Lang::JA, false);
        let words: Vec<(&str, Pos)> = out.iter().map(|t| (t.span.slice(text), t.pos)).collect();
        assert_eq!(
            words,
            [
                ("クラウド", Pos::Noun),
                ("と", Pos::Particle),
                ("スマホ", Pos::Noun),
                ("と", Pos::Particle),
                ("ユニコーン", Pos::Noun),
                ("と", Pos::Particle),
                ("エヌビディア", Pos::Organization),
            ]
        );
    }

    #[test]
    fn missing_user_dictionary_is_a_clear_error() {
        let err = Tokenizer::embedded(&[PathBuf::from("/no/such/user.csv")])
            .err()
            .unwrap();
        assert!(err.to_string().contains("/no/such/user.csv"), "{err}");
    }
}
