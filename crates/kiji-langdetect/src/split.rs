//! Sentence segmentation for mixed Japanese and English news text.
//!
//! One forward pass over the text. Look-ahead after a terminator and
//! look-behind before a period are both bounded (or consume what they look
//! at), so the whole pass is linear in the length of the text.

use crate::utf8::decode_at;
use std::ops::Range;

/// A sentence longer than this many characters is cut at the next white space
/// or punctuation, so later stages never see a runaway sentence.
pub(crate) const SOFT_CAP: usize = 1_500;

/// A sentence is cut here, whatever the character, when no white space or
/// punctuation came after [`SOFT_CAP`].
pub const MAX_SENTENCE_CHARS: usize = 2_000;

/// Past this many characters an open bracket stops protecting its content
/// from being split: scraped text often has a `「` or `(` that never closes.
pub(crate) const BRACKET_CAP: usize = 200;

/// How far back (in bytes) the abbreviation check looks for the word before a
/// period. The longest listed abbreviation is far shorter.
const WORD_LOOKBACK: usize = 32;

/// Most characters the look-ahead after a terminator consumes: a run of a
/// million `！` is then split into many sentences, not scanned a million times.
const TAIL_CAP: usize = 16;

/// Abbreviations after which a period does not end a sentence (matched
/// case-sensitively against the word before the period).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Gov", "Sen",
    "Rep", "Rev", "Hon", "Pres", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Inc", "Corp",
    "Co", "Ltd", "Bros", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "vs", "Vs", "v", "cf", "al",
    "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Vol", "vol", "Fig", "fig", "Ph", "pp", "Nos", "Calif", "Ariz", "Mass", "Wis",
];

/// Abbreviations that only hold before a number: `No. 5` but `No. They …`.
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "no", "Art", "art", "p"];

/// Openers of a sentence glued to a title-case heading before it (see
/// `Segmenter::glued_heading_end`); only those never inside a title.
const HEADING_BREAKERS: &[&str] = &["The", "This", "It", "These", "When", "While", "After"];

/// Words that start a new sentence after a dotted acronym: `in the U.S. The
/// company …` ends a sentence, `the U.S. Navy` does not.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "However",
    "Meanwhile",
    "For",
    "His",
    "Her",
    "Their",
    "Our",
    "After",
    "Before",
];

/// Byte ranges of sentences in `text`, in order, non-overlapping, trimmed of
/// surrounding white space, never empty.
///
/// Japanese sentences end after `。！？!?` (with any closing brackets or quotes
/// right after them), English ones after `.!?` followed by white space and a
/// capital, digit or quote; every line break ends a sentence. See the crate
/// documentation for the details.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    split::<true>(text)
}

/// [`split_sentences`], with the fast path over plain characters when
/// `SKIP` (tests compare the two).
fn split<const SKIP: bool>(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut seg = Segmenter::new(text);
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        seg.len += 1;
        // Most characters neither end nor open anything: outside brackets
        // and short of the caps nothing below would look at them. Kanji
        // (led by 0xE4..=0xE9) and kana (0xE3 0x81..=0x83) are told by
        // their first bytes, without decoding.
        let skip = SKIP && seg.depth == 0 && seg.len < SOFT_CAP;
        if skip
            && (matches!(bytes[pos], 0xE4..=0xE9)
                || bytes[pos] == 0xE3 && matches!(bytes.get(pos + 1), Some(0x81..=0x83)))
        {
            pos += 3;
            continue;
        }
        let (c, len) = decode_at(bytes, pos);
        let next = pos + len;
        if skip && !significant(c) {
            pos = next;
            continue;
        }
        if is_line_break(c) {
            push_trimmed(text, seg.start, pos, &mut out);
            seg.restart(next);
            pos = next;
            continue;
        }
        seg.track_bracket(c);
        let end = match c {
            '。' | '｡' | '！' | '？' => seg.cjk_end(c, next),
            '!' | '?' => seg.bang_end(pos, next),
            '.' | '…' => seg.period_end(pos, next),
            ' ' => seg.glued_heading_end(pos),
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, seg.start, end, &mut out);
            seg.restart(end);
            pos = end;
            continue;
        }
        let capped = seg.len >= MAX_SENTENCE_CHARS || (seg.len >= SOFT_CAP && !c.is_alphanumeric());
        if capped {
            push_trimmed(text, seg.start, next, &mut out);
            seg.restart(next);
        }
        pos = next;
    }
    push_trimmed(text, seg.start, text.len(), &mut out);
    out
}

/// Pushes `start..end` narrowed to its non-white-space part, unless empty.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let trimmed = piece.trim_start_matches(is_space);
    let s = start + (piece.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_space);
    if !trimmed.is_empty() {
        out.push(s..s + trimmed.len());
    }
}

/// White space for trimming: Unicode white space (which includes the
/// ideographic space U+3000) plus the zero-width characters scraped text is
/// littered with.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// True for the characters the splitter acts on outside brackets: line
/// breaks, brackets, terminators and the space before a glued heading.
fn significant(c: char) -> bool {
    is_line_break(c)
        || is_open_bracket(c)
        || is_close_bracket(c)
        || matches!(c, '。' | '｡' | '！' | '？' | '!' | '?' | '.' | '…' | ' ')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '「' | '『' | '（' | '(' | '【' | '〔' | '［' | '[')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, '」' | '』' | '）' | ')' | '】' | '〕' | '］' | ']')
}

/// Characters that stay with the sentence after its terminator.
fn is_closer(c: char) -> bool {
    is_close_bracket(c) || matches!(c, '"' | '\'' | '”' | '’' | '»' | '〟')
}

/// Characters that may open a sentence after `. ` besides capitals and digits.
fn is_opener(c: char) -> bool {
    is_open_bracket(c) || matches!(c, '"' | '\'' | '“' | '‘' | '«' | '〝' | '¿' | '¡')
}

/// Hiragana that continue a sentence after a quotation or exclamation:
/// `「…。」と述べた`, `本当？って`, `「…」は`.
fn is_continuation_kana(c: char) -> bool {
    matches!(
        c,
        'と' | 'っ' | 'は' | 'が' | 'を' | 'に' | 'で' | 'の' | 'や' | 'へ'
    )
}

/// Letters of scripts written without spaces between sentences, after which
/// a terminator needs no following space to end a sentence.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        | '\u{AC00}'..='\u{D7AF}' // hangul syllables
        | '\u{20000}'..='\u{2FFFF}')
}

/// What follows a terminator: the end of the terminator run and closers,
/// the bracket depth left open after them, and whether closers were seen.
struct Tail {
    end: usize,
    depth: u32,
    closers: bool,
}

/// State of the sentence being read.
struct Segmenter<'t> {
    text: &'t str,
    /// Byte offset where the current sentence starts (before trimming).
    start: usize,
    /// Characters read since `start`.
    len: usize,
    /// Open brackets not yet closed.
    depth: u32,
    /// Characters read since the outermost open bracket.
    bracket_len: usize,
}

impl<'t> Segmenter<'t> {
    fn new(text: &'t str) -> Self {
        Segmenter {
            text,
            start: 0,
            len: 0,
            depth: 0,
            bracket_len: 0,
        }
    }

    fn restart(&mut self, at: usize) {
        self.start = at;
        self.len = 0;
        self.depth = 0;
        self.bracket_len = 0;
    }

    fn track_bracket(&mut self, c: char) {
        if is_open_bracket(c) {
            if self.depth == 0 {
                self.bracket_len = 0;
            }
            self.depth = self.depth.saturating_add(1);
        } else if is_close_bracket(c) {
            self.depth = self.depth.saturating_sub(1);
        }
        if self.depth > 0 {
            self.bracket_len += 1;
            if self.bracket_len > BRACKET_CAP {
                // An unbalanced bracket: stop trusting it.
                self.depth = 0;
            }
        }
    }

    /// After the terminator run and closers starting at `from`: where they
    /// end and the bracket depth left open after them. Every character
    /// consumed here is part of the sentence, so the caller either splits at
    /// the returned offset or resumes scanning right after the terminator;
    /// the run is bounded by what it consumes, keeping the pass linear.
    fn consume_tail(&self, from: usize, run: fn(char) -> bool) -> Tail {
        let mut tail = Tail {
            end: from,
            depth: self.depth,
            closers: false,
        };
        for c in self.text[from..].chars().take(TAIL_CAP) {
            if !tail.closers && run(c) {
            } else if is_closer(c) {
                tail.closers = true;
                if is_close_bracket(c) {
                    tail.depth = tail.depth.saturating_sub(1);
                }
            } else {
                break;
            }
            tail.end += c.len_utf8();
        }
        tail
    }

    /// End of a sentence whose terminator is the full-width `c` (`。！？`).
    fn cjk_end(&self, c: char, next: usize) -> Option<usize> {
        let tail = self.consume_tail(next, |c| {
            matches!(c, '。' | '｡' | '！' | '？' | '!' | '?' | '.' | '．' | '…')
        });
        if tail.depth > 0 {
            return None;
        }
        // `「…。」と述べた`, `すごい！と思った`: a quotation or exclamation
        // inside a sentence. A bare `。` is always final (`。ところが`).
        let quoted = tail.closers || matches!(c, '！' | '？');
        let following = self.text[tail.end..].chars().next();
        if quoted && following.is_some_and(is_continuation_kana) {
            return None;
        }
        Some(tail.end)
    }

    /// End of a sentence whose terminator is a half-width `!` or `?`.
    fn bang_end(&self, pos: usize, next: usize) -> Option<usize> {
        let Tail { end, depth, .. } =
            self.consume_tail(next, |c| matches!(c, '!' | '?' | '！' | '？' | '.'));
        if depth > 0 {
            return None;
        }
        let before = self.text[..pos].chars().next_back();
        if self.word_before(pos).eq_ignore_ascii_case("yahoo") {
            // A brand name, not an exclamation: `Yahoo! Japan`, `Yahoo!ニュース`.
            return None;
        }
        let following = self.text[end..].chars().next();
        match following {
            None => Some(end),
            Some(c) if is_space(c) => self.starts_sentence(end).then_some(end),
            Some(c) if is_cjk(c) => {
                let japanese_before = before.is_some_and(|b| !b.is_ascii_alphanumeric());
                let continues = is_continuation_kana(c);
                (japanese_before && !continues).then_some(end)
            }
            Some(_) => None,
        }
    }

    /// End of a sentence whose terminator is `.` or `…`.
    fn period_end(&self, pos: usize, next: usize) -> Option<usize> {
        let Tail { end, depth, .. } =
            self.consume_tail(next, |c| matches!(c, '.' | '…' | '!' | '?'));
        if depth > 0 {
            return None;
        }
        let single_period = self.text[pos..end]
            .chars()
            .take_while(|c| !is_closer(*c))
            .eq(['.']);
        let following = self.text[end..].chars().next();
        let splits = match following {
            None => true,
            Some(c) if is_space(c) => self.starts_sentence(end),
            // `… Sora 2.論争`: Japanese text right after an English period,
            // unless a particle shows the sentence goes on: `「… great.」と`.
            Some(c) if is_cjk(c) => !is_continuation_kana(c),
            Some(_) => false,
        };
        if !splits {
            return None;
        }
        if single_period && self.is_abbreviation(pos, end) {
            return None;
        }
        Some(end)
    }

    /// End of a title-case heading that scraped text runs into the first
    /// sentence with no terminator or line break between them (`… Creative
    /// and Tech Ecosystem The move reflects …`): at the space `pos`, when a
    /// capitalised sentence opener followed by a lower-case word comes next,
    /// a capitalised word comes before, and every word of four letters or
    /// more since the sentence start is capitalised, four words at least.
    fn glued_heading_end(&self, pos: usize) -> Option<usize> {
        let rest = &self.text[pos + 1..];
        let opener = HEADING_BREAKERS
            .iter()
            .find(|w| rest.starts_with(*w) && rest[w.len()..].starts_with(' '))?;
        let after = rest[opener.len() + 1..].chars().next()?;
        if !after.is_ascii_lowercase() {
            return None;
        }
        let before = self.word_before(pos);
        if before.chars().count() < 2 || !before.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let head = &self.text[self.start..pos];
        let words = head.split_whitespace().count();
        let title_case = head
            .split_whitespace()
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 4)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        (words >= 4 && title_case).then_some(pos)
    }

    /// True when the first non-space character at or after `from` may start
    /// a sentence: a capital, digit, opening quote or a letter of a caseless
    /// script. A line break counts too (it ends the sentence anyway).
    fn starts_sentence(&self, from: usize) -> bool {
        let mut rest = self.text[from..].chars();
        loop {
            match rest.next() {
                None => return true,
                Some(c) if is_line_break(c) => return true,
                Some(c) if is_space(c) => continue,
                Some(c) => {
                    return c.is_uppercase()
                        || c.is_numeric()
                        || is_opener(c)
                        || (c.is_alphabetic() && !c.is_lowercase())
                }
            }
        }
    }

    /// The word right before byte `pos` (back to white space, an opening
    /// bracket or quote, a CJK character, or the start of the sentence), at most
    /// [`WORD_LOOKBACK`] bytes.
    fn word_before(&self, pos: usize) -> &'t str {
        let mut from = pos;
        for c in self.text[self.start..pos].chars().rev() {
            // Japanese runs straight into Latin words: `米国のU.S.`.
            if is_space(c) || is_opener(c) || is_cjk(c) || pos - from >= WORD_LOOKBACK {
                break;
            }
            from -= c.len_utf8();
        }
        &self.text[from..pos]
    }

    /// True when the period at `pos` closes an abbreviation, an initial or a
    /// list number rather than a sentence. `end` is where the sentence would
    /// end.
    fn is_abbreviation(&self, pos: usize, end: usize) -> bool {
        let word = self.word_before(pos);
        if word.is_empty() {
            return false;
        }
        let next_word = next_word(&self.text[end..]);
        if ABBREVIATIONS.contains(&word) {
            return true;
        }
        if NUMBER_ABBREVIATIONS.contains(&word) {
            return next_word.starts_with(|c: char| c.is_ascii_digit());
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                // An initial: `J. K. Rowling`.
                return true;
            }
        }
        if is_dotted_acronym(word) {
            // `U.S.`, `e.g.`, `a.m.`: a sentence ends there only when the next
            // word is one that typically starts a sentence.
            let latin_abbrev = matches!(word, "e.g" | "i.e" | "E.g" | "I.e");
            return latin_abbrev || !SENTENCE_STARTERS.contains(&next_word);
        }
        // `1. First item` at the start of a line: a list number.
        let is_number = word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
        is_number
            && self.text[self.start..pos - word.len()]
                .chars()
                .all(is_space)
    }
}

/// Letters separated by single periods: `U.S`, `e.g`, `Ph.D`.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// The first word of `rest` after white space, without trailing punctuation,
/// at most [`WORD_LOOKBACK`] bytes (longer words are no sentence starters).
fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start_matches(is_space);
    let mut end = 0;
    for c in rest.chars() {
        if !c.is_alphanumeric() || end >= WORD_LOOKBACK {
            break;
        }
        end += c.len_utf8();
    }
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Skipping plain characters changes nothing, in and out of
        /// brackets and past the caps (long runs of one piece).
        #[test]
        fn the_fast_path_splits_as_the_full_rules_do(
            parts in proptest::collection::vec(
                (
                    proptest::sample::select(&[
                        "。", "！", "？", "!", "?", ". ", ".", "…", "「", "」", "（", "）", "(",
                        ")", "\"", " ", "\u{3000}", "\n", "\u{2028}", "A", "a", "1", "あ", "漢",
                        "U.S.", "Mr.", "The", "と", "、",
                    ][..]),
                    proptest::prop_oneof![9 => proptest::strategy::Just(1usize), 1 => 1usize..900],
                ),
                0..60,
            )
        ) {
            let text: String = parts.iter().map(|(p, n)| p.repeat(*n)).collect();
            proptest::prop_assert_eq!(split::<true>(&text), split::<false>(&text));
        }
    }

    fn pieces(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_like_a_reader() {
        let cases: &[(&str, &[&str])] = &[
            // Degenerate input.
            ("", &[]),
            ("   \n\t\u{3000} \r\n", &[]),
            ("no terminator at all", &["no terminator at all"]),
            // A title-case heading glued to the first sentence of scraped text.
            (
                "Concerns Rise Over Sora Model and Its Impact on Creative Ecosystem The move reflects a stance.",
                &[
                    "Concerns Rise Over Sora Model and Its Impact on Creative Ecosystem",
                    "The move reflects a stance.",
                ],
            ),
            // Not in running text, nor before a capitalised title.
            (
                "The company said The move was bad.",
                &["The company said The move was bad."],
            ),
            (
                "Markets Rally After Fed Meets The Press Again",
                &["Markets Rally After Fed Meets The Press Again"],
            ),
            ("  padded.  ", &["padded."]),
            // Japanese terminators, full and half width, and runs of them.
            ("晴れ。雨。", &["晴れ。", "雨。"]),
            ("本当！？嘘でしょ。", &["本当！？", "嘘でしょ。"]),
            ("すごい!次は?", &["すごい!", "次は?"]),
            ("終わり｡次", &["終わり｡", "次"]),
            ("以上です。。。次へ", &["以上です。。。", "次へ"]),
            // Quotations stay whole; a closing quote stays with its sentence.
            (
                "彼は「行く。待って。」と言った。次。",
                &["彼は「行く。待って。」と言った。", "次。"],
            ),
            (
                "「行きます。」彼は言った。",
                &["「行きます。」", "彼は言った。"],
            ),
            (
                "『本。』（注。）終わり。",
                &["『本。』", "（注。）", "終わり。"],
            ),
            ("（詳細は後述。）を参照。", &["（詳細は後述。）を参照。"]),
            ("すごい！と思った。", &["すごい！と思った。"]),
            ("した。ところが", &["した。", "ところが"]),
            ("本当？って聞いた。", &["本当？って聞いた。"]),
            // Line breaks end sentences, single or blank.
            ("見出し\n本文です。", &["見出し", "本文です。"]),
            ("Headline\n\nBody text", &["Headline", "Body text"]),
            ("（開いたまま\n閉じない", &["（開いたまま", "閉じない"]),
            ("a\r\nb", &["a", "b"]),
            // English terminators need a following capital, digit or quote.
            (
                "It rained. Then it stopped! Why? Nobody knows.",
                &["It rained.", "Then it stopped!", "Why?", "Nobody knows."],
            ),
            (
                "Sales rose. 2025 was good.",
                &["Sales rose.", "2025 was good."],
            ),
            (
                "He left. \"Goodbye,\" she said.",
                &["He left.", "\"Goodbye,\" she said."],
            ),
            ("\"I am done.\" He left.", &["\"I am done.\"", "He left."]),
            ("(He left.) Then", &["(He left.)", "Then"]),
            ("e.g. this one. no split", &["e.g. this one. no split"]),
            // Abbreviations, decimals, initials.
            ("Mr. Smith met Dr. Jones.", &["Mr. Smith met Dr. Jones."]),
            (
                "Apple Inc. and Sony Corp. agreed.",
                &["Apple Inc. and Sony Corp. agreed."],
            ),
            ("It grew 3.5 percent.", &["It grew 3.5 percent."]),
            ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
            ("On Jan. 5 it opened.", &["On Jan. 5 it opened."]),
            ("He ranked No. 1 again.", &["He ranked No. 1 again."]),
            ("He said no. They left.", &["He said no.", "They left."]),
            ("The U.S. Navy sailed.", &["The U.S. Navy sailed."]),
            (
                "It is made in the U.S. The price is high.",
                &["It is made in the U.S.", "The price is high."],
            ),
            ("Apples vs. oranges.", &["Apples vs. oranges."]),
            ("Use tools, i.e. Rust.", &["Use tools, i.e. Rust."]),
            // Ellipses: mid-sentence before lowercase, final before a capital.
            ("Well... maybe not.", &["Well... maybe not."]),
            ("Wait... What happened?", &["Wait...", "What happened?"]),
            ("Wait… What?", &["Wait…", "What?"]),
            // URLs and file names do not split.
            (
                "See https://example.com/a.b?c=d for more.",
                &["See https://example.com/a.b?c=d for more."],
            ),
            ("Node.js and Vue.js grew.", &["Node.js and Vue.js grew."]),
            // A list number at the start of a line is not a sentence.
            ("1. First item", &["1. First item"]),
            (
                "Apple Inc.は発表した。次。",
                &["Apple Inc.は発表した。", "次。"],
            ),
            ("米国のU.S. Steelは", &["米国のU.S. Steelは"]),
            // Brand names with exclamation marks.
            ("Yahoo! Japan said so.", &["Yahoo! Japan said so."]),
            ("Yahoo!ニュースによると", &["Yahoo!ニュースによると"]),
            // Mixed scripts.
            (
                "OpenAIは発表した。It is new.",
                &["OpenAIは発表した。", "It is new."],
            ),
            ("It is new.日本語です。", &["It is new.", "日本語です。"]),
            (
                "CEOのSam Altman氏は「Sora 2 is great.」と述べた。",
                &["CEOのSam Altman氏は「Sora 2 is great.」と述べた。"],
            ),
            (
                "Sora 2は、アニメを作成。.次",
                &["Sora 2は、アニメを作成。.", "次"],
            ),
            // Full-width space between sentences is trimmed.
            ("一。\u{3000}二。", &["一。", "二。"]),
        ];
        for (text, want) in cases {
            assert_eq!(&pieces(text), want, "{text:?}");
        }
    }

    #[test]
    fn an_unclosed_bracket_stops_protecting_after_its_cap() {
        let long = "あ".repeat(BRACKET_CAP + 10);
        let text = format!("「{long}。次の文。");
        assert_eq!(pieces(&text), [format!("「{long}。").as_str(), "次の文。"]);
        // Within the cap the bracket holds.
        let text = "「短い。」と。次。";
        assert_eq!(pieces(text), ["「短い。」と。", "次。"]);
    }

    #[test]
    fn unbroken_input_is_capped() {
        let cases = [
            "x".repeat(10_000),
            "漢".repeat(10_000),
            "word ".repeat(5_000),
            "「".repeat(10_000),
            "！".repeat(10_000),
        ];
        for text in &cases {
            let ranges = split_sentences(text);
            assert!(ranges.len() > 1, "{:?}…", &text[..8]);
            for r in &ranges {
                let n = text[r.clone()].chars().count();
                assert!(n <= MAX_SENTENCE_CHARS, "{n} chars");
            }
        }
        // At white space after the soft cap when there is some.
        let text = "word ".repeat(5_000);
        for r in split_sentences(&text) {
            assert!(text[r].ends_with("word"));
        }
    }

    #[test]
    fn dotted_acronyms() {
        let cases = [
            ("U.S", true),
            ("e.g", true),
            ("Ph.D", true),
            ("Node.js", false),
            ("3.5", false),
        ];
        for (word, want) in cases {
            assert_eq!(is_dotted_acronym(word), want, "{word}");
        }
    }
}
