//! Names in Japanese sentences, from IPADIC tags and the shape of the text.
//!
//! Tokens are first merged into *pieces*: a katakana run (with ・/＝ inside),
//! a Latin run (with spaces, hyphens and version numbers inside) or a single
//! other token. Consecutive nominal pieces form a *chunk* (a compound noun,
//! ended by particles, punctuation and verbs). Inside a chunk the rules look
//! for a title after a name (氏, 社長), a suffix after a name (協会, 県, 駅,
//! 大会), a head before one (株式会社), and otherwise type each name piece
//! on its own (IPADIC's tags, unknown words, the Latin run's shape).

use super::lists::{
    self, JA_EVENT_SUFFIXES, JA_FACILITY_SUFFIXES, JA_ORG_PREFIXES, JA_ORG_SUFFIXES,
    JA_PLACE_SUFFIXES, JA_PRODUCT_SUFFIXES,
};
use super::{
    all_katakana, for_each_sentence, harmonise, is_kana_joiner, is_kanji, is_katakana,
    is_latin_alnum, type_latin_run,
};
use crate::gazetteer::Gazetteer;
use crate::{Candidate, Confidence, DocContext, Recognizer};
use kiji_core::{EntityType, Lang, Pos, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

/// The gazetteer's type for a word, as the rules consult it.
type Known<'a> = &'a dyn Fn(&str) -> Option<EntityType>;

/// The recogniser's name, recorded as the entities' `source`.
const SOURCE: &str = "ja-morph";

/// Names in Japanese sentences (see the module documentation).
#[derive(Debug, Default, Clone)]
pub struct JapaneseRecognizer {
    /// Known names, consulted for the parts of a katakana name joined by ・
    /// (シカゴ in シカゴ・ホワイトソックス), which lindera often keeps as
    /// one unknown token.
    known: Option<Arc<Gazetteer>>,
}

impl JapaneseRecognizer {
    /// The recogniser; its word lists are built on first use and shared.
    pub fn new() -> Self {
        JapaneseRecognizer { known: None }
    }

    /// The recogniser, reading the parts of joined katakana names in
    /// `gazetteer`: a known place first makes a team or a company
    /// (ダラス・テキサンズ), not a person.
    pub fn with_gazetteer(gazetteer: Arc<Gazetteer>) -> Self {
        JapaneseRecognizer {
            known: Some(gazetteer),
        }
    }

    /// The type the gazetteer gives `word`, if any.
    fn known_type(&self, word: &str) -> Option<EntityType> {
        self.known.as_ref()?.lookup(word).map(|e| e.ty)
    }
}

impl Recognizer for JapaneseRecognizer {
    fn name(&self) -> &'static str {
        SOURCE
    }

    fn propose(&self, cx: &DocContext<'_>, out: &mut Vec<Candidate>) {
        let mut pieces = Vec::new();
        let mut mine = Vec::new();
        let mut pending = Vec::new();
        let known = |w: &str| self.known_type(w);
        let mut speech = Vec::new();
        // One buffer for the per-chunk flags, reused by every chunk of the
        // document instead of allocated for each.
        let mut person_end = Vec::new();
        for_each_sentence(cx.tokens, |si, toks| {
            if cx.sentences.get(si).is_some_and(|s| s.lang == Lang::JA) {
                pieces.clear();
                make_pieces(cx.text, toks, &mut pieces);
                sentence(
                    cx.text,
                    &pieces,
                    &known,
                    &mut person_end,
                    &mut mine,
                    &mut pending,
                );
                if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
                    let range = first.span.byte_start..last.span.byte_end;
                    quoted_titles(cx.text, range.clone(), &mut mine, &mut speech);
                    numbered_roads(cx.text, range, &mut mine);
                }
            }
        });
        // A guess that is a whole quotation of speech is the speech. (A set:
        // a long document quotes thousands of times.)
        let speech: HashSet<(usize, usize)> = speech.into_iter().collect();
        mine.retain(|c| {
            c.confidence != Confidence::Guess || !speech.contains(&(c.byte_start, c.byte_end))
        });
        harmonise(cx.text, &mut mine, &pending, SOURCE);
        repeat_names(cx.text, &mut mine, &pending);
        for c in &mut mine {
            c.byte_end += numbered_tail(cx.text, c.byte_end, c.ty);
        }
        out.append(&mut mine);
    }
}

/// Proposes the words set aside in `pending` that the document names
/// elsewhere by a rule, with the same type: ミライテック after
/// AIスタートアップのミライテック. A word named with two types is left.
fn repeat_names(text: &str, cands: &mut Vec<Candidate>, pending: &[(usize, usize)]) {
    let mut named: HashMap<&str, Option<EntityType>> = HashMap::default();
    for c in cands
        .iter()
        .filter(|c| c.confidence >= Confidence::Rule && c.ty.is_name())
    {
        let Some(s) = text.get(c.byte_start..c.byte_end) else {
            continue;
        };
        let slot = named.entry(s).or_insert(Some(c.ty));
        if *slot != Some(c.ty) {
            *slot = None;
        }
    }
    if named.is_empty() {
        return;
    }
    // Spans already proposed, by start, with the furthest end so far: a
    // word overlaps one iff some span starting before its end reaches past
    // its start, an O(log n) test. Pending words do not overlap each other.
    let mut taken: Vec<(usize, usize)> = cands.iter().map(|c| (c.byte_start, c.byte_end)).collect();
    taken.sort_unstable();
    let mut furthest = Vec::with_capacity(taken.len());
    for &(_, end) in &taken {
        furthest.push(furthest.last().map_or(end, |&f: &usize| f.max(end)));
    }
    let overlaps = |s: usize, e: usize| {
        let i = taken.partition_point(|&(start, _)| start < e);
        i > 0 && furthest[i - 1] > s
    };
    for &(s, e) in pending {
        let Some(Some(ty)) = text.get(s..e).and_then(|w| named.get(w)) else {
            continue;
        };
        if overlaps(s, e) {
            continue;
        }
        cands.push(Candidate::new(s, e, *ty, SOURCE, Confidence::Guess));
    }
}

/// Length in bytes of a number written onto the end of a name that
/// belongs to it: a monarch's or pope's ordinal (ルイ15世, ヨハネ・パウロ
/// 2世) or an event's year (ニコニコ闘会議2016); 0 when there is none.
fn numbered_tail(text: &str, end: usize, ty: EntityType) -> usize {
    let Some(rest) = text.get(end..) else {
        return 0;
    };
    let digits = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .map_or(rest.len(), |(i, _)| i);
    if digits == 0 {
        return 0;
    }
    let after = &rest[digits..];
    match ty {
        EntityType::Person if after.starts_with('世') => digits + '世'.len_utf8(),
        EntityType::Event
            if rest[..digits].chars().count() == 4 && !after.starts_with(['年', '月', '日']) =>
        {
            // A season: 1982-83, 2019/20.
            let season = after
                .strip_prefix(['-', '–', '/'])
                .map(|s| s.bytes().take_while(u8::is_ascii_digit).count())
                .filter(|&n| n == 2 || n == 4)
                .map_or(0, |n| n + 1);
            let tail = &after[season..];
            if tail.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                0
            } else {
                digits + season
            }
        }
        _ => 0,
    }
}

/// English function words as katakana writes them inside joined phrases
/// and titles; names of people do not contain them (トゥ and ジ are left
/// out: ミン・トゥ is a Burmese name).
const KANA_FUNCTION_WORDS: &[&str] = &[
    "ツー",
    "トゥー",
    "オブ",
    "アンド",
    "ザ",
    "フォー",
    "ウィズ",
    "フロム",
];

/// Kinds of public road numbered in Japan (国道2号線, 県道45号).
const ROAD_KINDS: &[&str] = &["国道", "県道", "都道", "府道", "道道", "市道", "州道"];

/// Numbered roads: a road kind, a number and 号, with 線 or バイパス when
/// written (国道2号線, 県道12号): places, whatever counter the number has.
fn numbered_roads(text: &str, sentence: std::ops::Range<usize>, out: &mut Vec<Candidate>) {
    // One scan for 号 spares most sentences the seven searches below.
    let Some(s) = text.get(sentence.clone()).filter(|s| s.contains('号')) else {
        return;
    };
    for kind in ROAD_KINDS {
        let mut from = 0;
        while let Some(at) = s[from..].find(kind).map(|i| from + i) {
            from = at + kind.len();
            let rest = &s[from..];
            let digits = rest
                .char_indices()
                .find(|&(_, c)| {
                    !(c.is_ascii_digit()
                        || ('０'..='９').contains(&c)
                        || "一二三四五六七八九十百".contains(c))
                })
                .map_or(rest.len(), |(i, _)| i);
            if digits == 0 || !rest[digits..].starts_with('号') {
                continue;
            }
            let mut end = from + digits + '号'.len_utf8();
            for tail in ["線", "バイパス"] {
                if s[end..].starts_with(tail) {
                    end += tail.len();
                    break;
                }
            }
            out.push(Candidate::new(
                sentence.start + at,
                sentence.start + end,
                EntityType::Location,
                SOURCE,
                Confidence::Rule,
            ));
            from = end;
        }
    }
}

/// Kinds of work a title in 「」 follows (アルバム「…」, 特別展「…」).
const WORK_NOUNS: &[&str] = &[
    "アルバム",
    "シングル",
    "楽曲",
    "曲",
    "歌",
    "主題歌",
    "替え歌",
    "映画",
    "ドラマ",
    "番組",
    "アニメ",
    "漫画",
    "マンガ",
    "小説",
    "雑誌",
    "誌",
    "著書",
    "大著",
    "作品",
    "続編",
    "作",
    "展",
    "ゲーム",
    "ソフト",
    "写真集",
    "詩集",
    "戯曲",
    "舞台",
    "絵本",
    "シリーズ",
    "連載",
];

/// The type a noun of a kind ending `before` gives the name in 「」 after
/// it (see [`KIND_NOUNS`]).
fn kind_before(before: &str) -> Option<EntityType> {
    KIND_NOUNS
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .map(|&(_, ty)| ty)
}

/// Retypes names written in 「」 right after a noun of their kind, whatever
/// found them: the noun outranks what a dictionary says of the bare name
/// (空母「遼寧」 is a ship, not the province).
pub(crate) fn retype_quoted(text: &str, entities: &mut [kiji_core::Entity]) {
    for e in entities.iter_mut().filter(|e| e.ty.is_name()) {
        let (Some(before), Some(after)) = (text.get(..e.byte_start), text.get(e.byte_end..)) else {
            continue;
        };
        let Some(before) = before.strip_suffix('「') else {
            continue;
        };
        if !after.starts_with('」') {
            continue;
        }
        if let Some(ty) = kind_before(before).filter(|&ty| ty != e.ty) {
            e.ty = ty;
            e.canonical = Some(e.text.clone());
        }
    }
}

/// Words for a kind of company that name one after の: スタートアップの
/// X, 半導体大手のX, 子会社のX.
const COMPANY_KINDS: &[&str] = &[
    "スタートアップ",
    "企業",
    "メーカー",
    "大手",
    "子会社",
    "親会社",
    "新興",
    "ベンチャー",
    "運営会社",
    "ファンド",
];

/// Nouns of a kind of thing that, right before a name in 「」, give its
/// type: 軽自動車「ラッコ」, スタートアップ「Merge Labs」, プロジェクト
/// 「スターゲイト」.
const KIND_NOUNS: &[(&str, EntityType)] = &[
    ("企業", EntityType::Org),
    ("会社", EntityType::Org),
    ("スタートアップ", EntityType::Org),
    ("メーカー", EntityType::Org),
    ("ブランド", EntityType::Org),
    ("バンド", EntityType::Org),
    ("ユニット", EntityType::Org),
    ("グループ", EntityType::Org),
    ("球団", EntityType::Org),
    ("団体", EntityType::Org),
    ("自動車", EntityType::Product),
    ("新車", EntityType::Product),
    ("新型車", EntityType::Product),
    ("スマートフォン", EntityType::Product),
    ("スマホ", EntityType::Product),
    ("端末", EntityType::Product),
    ("ゲーム機", EntityType::Product),
    ("アプリ", EntityType::Product),
    ("サービス", EntityType::Product),
    ("プラン", EntityType::Product),
    ("モデル", EntityType::Product),
    ("チップ", EntityType::Product),
    ("プロセッサー", EntityType::Product),
    ("ロボット", EntityType::Product),
    ("タクシー", EntityType::Product),
    ("コンピューター", EntityType::Product),
    ("衛星", EntityType::Product),
    ("探査機", EntityType::Product),
    ("ロケット", EntityType::Product),
    ("空母", EntityType::Product),
    ("船", EntityType::Product),
    ("護衛艦", EntityType::Product),
    ("潜水艦", EntityType::Product),
    ("戦艦", EntityType::Product),
    ("駆逐艦", EntityType::Product),
    ("巡洋艦", EntityType::Product),
    ("戦闘機", EntityType::Product),
    ("旅客機", EntityType::Product),
    ("列車", EntityType::Product),
    ("特急", EntityType::Product),
    ("生成AI", EntityType::Product),
    ("AI", EntityType::Product),
    ("プラットフォーム", EntityType::Product),
    ("ブラウザー", EntityType::Product),
    ("プロジェクト", EntityType::Event),
    ("計画", EntityType::Event),
    ("構想", EntityType::Event),
    ("イベント", EntityType::Event),
    ("キャンペーン", EntityType::Event),
    ("展示会", EntityType::Event),
    ("フェス", EntityType::Event),
];

/// Verbs of publishing that follow a title in 「」 (「…」を発表, 「…」が発売).
const WORK_VERBS: &[&str] = &[
    "を発表",
    "を発売",
    "が発売",
    "を刊行",
    "が刊行",
    "を創刊",
    "が創刊",
    "を出版",
    "が出版",
    "を出品",
    "に出品",
    "をリリース",
    "がリリース",
    "を連載",
    "で連載",
    "が連載",
    "に出演",
    "を上演",
    "が上演",
    "を放送",
    "が放送",
    "に収録",
    "を収録",
    "が収録",
    "と題し",
    "と題する",
    "と題され",
];

/// What follows quoted speech or a quoted term: 「…」と述べた, 「…」という.
const SPEECH_AFTER: &[&str] = &[
    "という",
    "といった",
    "と言",
    "と述",
    "と語",
    "と話",
    "と答",
    "と強調",
    "と指摘",
    "と主張",
    "と説明",
    "と発言",
    "とし",
    "と思",
    "と考",
    "と呼",
    "と書",
    "と記",
    "って",
];

/// Titles of works: 『…』 always, 「…」 after the kind of work (アルバム
/// 「…」) or a publisher (講談社「…」), or before a verb of publishing
/// (「…」を発表). Titles listed together share their cue (「鮑慶郷」「黄塵」
/// を書いた). Speech and terms are quoted in 「」 too, so without a cue a
/// 「」 quotation is left alone.
fn quoted_titles(
    text: &str,
    sentence: std::ops::Range<usize>,
    out: &mut Vec<Candidate>,
    speech: &mut Vec<(usize, usize)>,
) {
    let Some(s) = text.get(sentence.clone()) else {
        return;
    };
    // Most sentences quote nothing: a substring test (vectorised) says so
    // faster than the searches below, which stop at every byte a bracket
    // ends with.
    if !s.contains("「") && !s.contains("『") {
        return;
    }
    // (open, body start, body end, end after the closing bracket, cued)
    let mut quotes: Vec<(usize, usize, usize, usize, bool)> = Vec::new();
    // A name in 「」 after a noun of its kind (軽自動車「ラッコ」, 新興企業
    // 「Merge Labs」) is typed by the noun, when it reads as a name (no
    // hiragana); works (曲, 映画) take any title and are handled below.
    let mut kinds: Vec<Candidate> = Vec::new();
    let mut from = 0;
    while let Some(open) = find_open_quote(&s[from..]).map(|i| from + i) {
        let book = s[open..].starts_with('『');
        let (open_len, close) = ('「'.len_utf8(), if book { '』' } else { '」' });
        let body_start = open + open_len;
        let Some(body_len) = s[body_start..].find(close) else {
            break;
        };
        let body_end = body_start + body_len;
        let body = &s[body_start..body_end];
        from = body_end + close.len_utf8();
        let chars = body.chars().count();
        if chars == 0
            || chars > 30
            || body.contains(['。', '！', '？', '「', '『', '、'])
            || body.starts_with(char::is_whitespace)
            || body.ends_with(char::is_whitespace)
        {
            continue;
        }
        let before = &s[..open];
        let after = &s[from..];
        let speech_after = SPEECH_AFTER.iter().any(|w| after.starts_with(w));
        // Quoted words followed by the quoting と (「Stay tuned」とXに投稿)
        // are speech, unless another quotation follows (「A」と「B」).
        if speech_after || (after.starts_with('と') && !after[3..].starts_with(['「', '『'])) {
            speech.push((sentence.start + body_start, sentence.start + body_end));
        }
        let speech = speech_after;
        // A publisher right before (講談社「なかよし」, 小学館「ちゃお」), not
        // a count of companies (約2千社「…」) or a generic word (総本社,
        // 同社, 会社, 旅館).
        let publisher = before.ends_with(['社', '館'])
            && !before.chars().rev().nth(1).is_some_and(|c| {
                c.is_numeric() || "千百万本支神寺会各同自他当両入出別旅".contains(c)
            });
        let kind = kind_before(before);
        // Hiragana in a name is rare except in a short one of hiragana only
        // (護衛艦「いずも」, 衛星「みちびき」); mixed, it is a phrase.
        let hiragana = |c: char| matches!(c, 'ぁ'..='ゖ');
        let name_shaped = !body.chars().any(hiragana)
            || (body.chars().all(hiragana) && body.chars().count() <= 6);
        if let Some(ty) = kind.filter(|_| !speech && name_shaped) {
            // Quotation marks inside the brackets are no part of the name.
            let quote = |c: char| matches!(c, '“' | '”' | '"' | '〝' | '〟' | '‘' | '’');
            let name = body.trim_matches(quote);
            let name_start = body_start + (body.len() - body.trim_start_matches(quote).len());
            if name.is_empty() {
                continue;
            }
            kinds.push(Candidate::new(
                sentence.start + name_start,
                sentence.start + name_start + name.len(),
                ty,
                SOURCE,
                Confidence::Rule,
            ));
            continue;
        }
        let cued = book
            || WORK_NOUNS.iter().any(|w| before.ends_with(w))
            || WORK_VERBS.iter().any(|v| after.starts_with(v))
            || (publisher && !speech);
        quotes.push((open, body_start, body_end, from, cued));
    }
    // Runs of quotations written one after another, or joined by 、・や
    // と, share a cue.
    let mut run_start = 0;
    for i in 0..=quotes.len() {
        let joined = i > 0
            && i < quotes.len()
            && matches!(
                &s[quotes[i - 1].3..quotes[i].0],
                "" | "、" | "・" | "や" | "と"
            );
        if joined {
            continue;
        }
        let run = &quotes[run_start..i];
        if run.iter().any(|q| q.4) {
            // A quotation the words around call a work is its title,
            // whatever a name inside it looks like (「The Future of AI」と
            // 題した, 映画「トヨタ物語」).
            for &(_, body_start, body_end, _, _) in run {
                out.push(Candidate::new(
                    sentence.start + body_start,
                    sentence.start + body_end,
                    EntityType::Product,
                    SOURCE,
                    Confidence::Known,
                ));
            }
        }
        run_start = i;
    }
    out.append(&mut kinds);
}

/// Byte offset of the first 「 or 『 in `s`: two searches for one
/// character each (memchr underneath) rather than one decoding every
/// character, as a search for either would.
fn find_open_quote(s: &str) -> Option<usize> {
    let corner = s.find('「');
    // A 『 counts only before the first 「, so only that part is searched.
    let book = s.get(..corner.unwrap_or(s.len()))?.find('『');
    book.or(corner)
}

/// What a piece is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Latin letters and digits (with internal spaces and hyphens).
    Latin,
    /// Katakana (with internal ・ or ＝).
    Kana,
    /// Any other single token, with its part of speech.
    Other(Pos),
}

/// A run of tokens treated as one unit.
#[derive(Debug, Clone, Copy)]
struct Piece<'t> {
    /// Byte offsets into the document.
    start: usize,
    end: usize,
    /// The text.
    s: &'t str,
    kind: Kind,
    /// Strongest IPADIC proper-noun tag among its tokens, if any.
    proper: Option<Pos>,
    /// True when a token was unknown to the dictionary.
    unknown: bool,
    /// True when ・ or ＝ joins parts inside.
    joined: bool,
    /// True when several tokens were merged into it.
    multi: bool,
    /// True when its last token is a common noun the dictionary knows
    /// (ストーク・スペース, ブルー・オリジン): a company or product name
    /// rather than a person's.
    last_common: bool,
    /// True when it continues a compound noun ([`Piece::nominal`]), found
    /// once when the piece is made: the chunking asks it of every piece
    /// two or three times.
    nominal: bool,
}

impl<'t> Piece<'t> {
    /// A piece of one token (neither Latin nor katakana), `s` at
    /// `start..end`.
    #[inline]
    fn single(s: &'t str, start: usize, end: usize, pos: Pos) -> Self {
        Piece {
            start,
            end,
            s,
            kind: Kind::Other(pos),
            proper: pos.is_proper().then_some(pos),
            unknown: pos == Pos::Unknown,
            joined: false,
            multi: false,
            last_common: false,
            nominal: nominal_token(pos, s),
        }
    }

    /// Part of speech of a single-token piece.
    fn pos(&self) -> Option<Pos> {
        match self.kind {
            Kind::Other(p) => Some(p),
            _ => None,
        }
    }

    /// True when the piece can be (part of) a name by its own evidence.
    fn name_like(&self) -> bool {
        match self.kind {
            Kind::Latin => !lists::en_not_names().contains(self.s),
            // Unknown katakana is a name only as a single word without a
            // loanword ending: クリエイター|エコシステム is vocabulary.
            // Joined words the dictionary all knows as common nouns
            // (コンテンツ・オーナー) are a phrase, not a name.
            Kind::Kana => {
                self.proper.is_some()
                    || (self.joined && self.unknown)
                    || (self.unknown && !self.multi && !loanword(self.s))
            }
            Kind::Other(p) => p.is_proper() || (p == Pos::Unknown && self.s.chars().all(is_kanji)),
        }
    }

    /// True for pieces that continue a compound noun: Latin and katakana
    /// runs, and the tokens [`nominal_token`] accepts.
    fn nominal(&self) -> bool {
        self.nominal
    }
}

/// True for a single token (neither Latin nor katakana) that continues a
/// compound noun: a noun or prefix, or a kanji adjectival noun (高等, 特別,
/// which sit inside names), with a letter or digit in it and no white
/// space, punctuation or bracket (symbols tagged as nouns, such as -, end
/// names).
fn nominal_token(pos: Pos, s: &str) -> bool {
    if !(pos.is_noun() || pos == Pos::Prefix || pos == Pos::Adjective) {
        return false;
    }
    // One pass over the characters; kanji, most of them, settle two
    // questions at once: letters, and no punctuation.
    let mut alnum = false;
    let mut all_kanji = true;
    for c in s.chars() {
        if is_kanji(c) {
            alnum = true;
            continue;
        }
        all_kanji = false;
        if breaks_compound(c) {
            return false;
        }
        alnum = alnum || super::is_alphanumeric(c);
    }
    alnum && (pos != Pos::Adjective || all_kanji)
}

/// True for characters that end a compound noun inside a token: white
/// space, punctuation and brackets.
fn breaks_compound(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '。'
                | '，'
                | '．'
                | '「'
                | '」'
                | '『'
                | '』'
                | '（'
                | '）'
                | '('
                | ')'
                | '【'
                | '】'
        )
}

/// True for a run that holds a telephone number (TEL 03-1234-5678,
/// 0120-123-456): digit groups joined by two hyphens or more.
fn phone_like(run: &str) -> bool {
    run.split_whitespace().any(|w| {
        // Counted as they come rather than collected: most words fail on
        // their first group.
        let mut groups = 0;
        for g in w.split(['-', '－']) {
            if g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            groups += 1;
        }
        groups >= 3
    })
}

/// True for a token surface made of Latin letters/digits.
fn latin_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_latin_alnum)
}

/// Merges the tokens of one sentence into pieces.
fn make_pieces<'t>(text: &'t str, toks: &[Token], out: &mut Vec<Piece<'t>>) {
    let surf = |i: usize| -> &'t str {
        text.get(toks[i].span.byte_start..toks[i].span.byte_end)
            .unwrap_or("")
    };
    let mut i = 0;
    while i < toks.len() {
        let s = surf(i);
        let start = toks[i].span.byte_start;
        // Most tokens (kanji, hiragana, punctuation) open neither a Latin
        // nor a katakana run, which their first character tells.
        let first = s.chars().next();
        if first.is_some_and(|c| is_latin_alnum(c) && c.is_alphabetic()) && latin_token(s) {
            // Latin run: words joined by single spaces, hyphens, dots, &, '
            // and +; a trailing number after a space is a version (Sora 2).
            let mut j = i + 1;
            let mut end = toks[i].span.byte_end;
            let mut unknown = toks[i].pos == Pos::Unknown;
            while j < toks.len() {
                let t = surf(j);
                let adjacent = toks[j].span.byte_start == end;
                if adjacent && latin_token(t) {
                    end = toks[j].span.byte_end;
                    j += 1;
                    continue;
                }
                // lindera drops white space: a single space between two
                // Latin words keeps them in one name (BMW JAPAN), unless the
                // next word is a title (CEO) or a number before a counter.
                let gap = text.get(end..toks[j].span.byte_start).unwrap_or("");
                if matches!(gap, " " | "\u{3000}")
                    && latin_token(t)
                    && (!lists::en_not_names().contains(t) || lists::en_org_suffixes().contains(t))
                    && !(t.chars().all(|c| c.is_ascii_digit()) && counter_follows(text, toks, j))
                {
                    end = toks[j].span.byte_end;
                    unknown |= toks[j].pos == Pos::Unknown;
                    j += 1;
                    continue;
                }
                // A joiner or a space followed directly by another Latin word.
                let joiner =
                    adjacent && matches!(t, "-" | "&" | "." | "'" | "+" | "－" | "．" | " " | "　");
                if joiner && j + 1 < toks.len() {
                    let next = surf(j + 1);
                    let next_adjacent = toks[j + 1].span.byte_start == toks[j].span.byte_end;
                    let space = matches!(t, " " | "　");
                    let ok = next_adjacent
                        && latin_token(next)
                        && !(space && lists::en_not_names().contains(next))
                        && !(space
                            && next.chars().all(|c| c.is_ascii_digit())
                            && counter_follows(text, toks, j + 1));
                    if ok {
                        end = toks[j + 1].span.byte_end;
                        unknown |= toks[j + 1].pos == Pos::Unknown;
                        j += 2;
                        continue;
                    }
                }
                // "Inc." keeps its dot; a sentence-final dot is not Latin.
                let legal = matches!(surf(j - 1), "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "St");
                if adjacent && t == "." && legal {
                    end = toks[j].span.byte_end;
                    j += 1;
                    continue;
                }
                // lindera may glue the dot to what follows (Inc|.」).
                if adjacent && t.starts_with('.') && legal {
                    end = toks[j].span.byte_start + 1;
                    break;
                }
                // "Procter & Gamble", "GmbH & Co. KG": an ampersand between
                // spaces joins two words of one name.
                let spaced = |a: usize, b: usize| text.get(a..b) == Some(" ");
                if t == "&"
                    && spaced(end, toks[j].span.byte_start)
                    && toks.get(j + 1).is_some_and(|n| {
                        spaced(toks[j].span.byte_end, n.span.byte_start) && latin_token(surf(j + 1))
                    })
                {
                    end = toks[j + 1].span.byte_end;
                    j += 2;
                    continue;
                }
                // "Verant Interactive, Inc.": a legal form after a comma.
                if adjacent
                    && t == ","
                    && toks.get(j + 1).is_some_and(|n| {
                        spaced(toks[j].span.byte_end, n.span.byte_start)
                            && matches!(surf(j + 1), "Inc" | "Ltd" | "LLC" | "Corp" | "Co")
                    })
                {
                    end = toks[j + 1].span.byte_end;
                    j += 2;
                    continue;
                }
                break;
            }
            out.push(Piece {
                start,
                end,
                s: &text[start..end],
                kind: Kind::Latin,
                proper: None,
                unknown,
                joined: false,
                multi: false,
                last_common: false,
                nominal: true,
            });
            i = j;
        } else if first.is_some_and(is_katakana) && kana_word(s) {
            let mut j = i + 1;
            let mut end = toks[i].span.byte_end;
            let mut proper = toks[i].pos.is_proper().then_some(toks[i].pos);
            let mut unknown = toks[i].pos == Pos::Unknown;
            let mut joined = s.chars().any(is_kana_joiner);
            while j < toks.len() {
                let t = surf(j);
                let adjacent = toks[j].span.byte_start == end;
                if !adjacent {
                    break;
                }
                let step = if kana_word(t) {
                    1
                } else if t.chars().count() == 1
                    && t.chars().all(is_kana_joiner)
                    && j + 1 < toks.len()
                    && kana_word(surf(j + 1))
                    && toks[j + 1].span.byte_start == toks[j].span.byte_end
                {
                    joined = true;
                    2
                } else {
                    break;
                };
                for (k, t) in toks.iter().enumerate().skip(j).take(step) {
                    if t.pos.is_proper() && proper.is_none() {
                        proper = Some(t.pos);
                    }
                    unknown |= t.pos == Pos::Unknown && kana_word(surf(k));
                    joined |= surf(k).chars().any(is_kana_joiner);
                }
                end = toks[j + step - 1].span.byte_end;
                j += step;
            }
            out.push(Piece {
                start,
                end,
                s: &text[start..end],
                kind: Kind::Kana,
                proper,
                unknown,
                joined,
                multi: j > i + 1,
                // lindera keeps unknown ・-joined katakana as one token, so
                // a common last word (スターゲイト・プロジェクト) is found
                // by its text.
                last_common: j > i + 1 && toks[j - 1].pos == Pos::Noun
                    || joined && {
                        let last = text[start..end].rsplit(is_kana_joiner).next().unwrap_or("");
                        vocabulary(last)
                    },
                nominal: true,
            });
            i = j;
        } else if toks[i].pos == Pos::Unknown
            && s.chars().count() >= 2
            && s.ends_with('氏')
            && s.chars().all(is_kanji)
        {
            // lindera glues 氏 to an unknown kanji before it (楊植|麟氏):
            // the honorific is a piece of its own.
            let cut = toks[i].span.byte_end - '氏'.len_utf8();
            let (name, honorific) = (
                text.get(start..cut).unwrap_or(""),
                text.get(cut..toks[i].span.byte_end).unwrap_or(""),
            );
            out.push(Piece::single(name, start, cut, Pos::Unknown));
            out.push(Piece::single(
                honorific,
                cut,
                toks[i].span.byte_end,
                Pos::NounSuffix,
            ));
            i += 1;
        } else {
            out.push(Piece::single(s, start, toks[i].span.byte_end, toks[i].pos));
            i += 1;
        }
    }
}

/// True when a katakana word the dictionary does not know reads as
/// vocabulary rather than a name: a loanword ending (クリエイター,
/// コンピューティング), a common loanword inside, or a compound's length.
fn loanword(s: &str) -> bool {
    // lindera groups a run of unknown katakana into one token, so a long
    // one is a compound of loanwords (クリエイターエコシステム).
    s.chars().count() > 9 || ENDINGS.iter().any(|e| s.ends_with(e)) || vocabulary(s)
}

/// True when a katakana word holds a common loanword of business and
/// technology writing (プロジェクト, データセンター): such a word is
/// vocabulary, even when a name elsewhere in the document contains it
/// (スターゲイト・プロジェクト).
pub(crate) fn vocabulary(w: &str) -> bool {
    // One automaton pass instead of a substring search per loanword: the
    // question is asked of most katakana words of a text.
    // The loanwords are katakana: ASCII holds none (most words asked about
    // in English text).
    if w.is_ascii() {
        return false;
    }
    match loanword_automaton() {
        Some(pma) => pma.find_iter(w).next().is_some(),
        None => LOANWORDS.iter().any(|l| w.contains(l)),
    }
}

/// An automaton over [`LOANWORDS`], built on first use (`None` only if the
/// list had a duplicate, which a test rules out).
fn loanword_automaton() -> Option<&'static daachorse::CharwiseDoubleArrayAhoCorasick<u32>> {
    static LOANS: OnceLock<Option<daachorse::CharwiseDoubleArrayAhoCorasick<u32>>> =
        OnceLock::new();
    LOANS
        .get_or_init(|| daachorse::CharwiseDoubleArrayAhoCorasick::new(LOANWORDS).ok())
        .as_ref()
}

/// Loanword endings.
const ENDINGS: &[&str] = &[
    "ー",
    "ング",
    "ション",
    "メント",
    "ネス",
    "ズム",
    "クス",
    "イズ",
    "ティ",
    "ジー",
    "ティブ",
];

/// Common katakana loanwords of business and technology writing; a word
/// the dictionary does not know that contains one is vocabulary
/// (オプトインシステム, マネタイズモデル), not a name.
const LOANWORDS: &[&str] = &[
    "システム",
    "モデル",
    "プラットフォーム",
    "ネットワーク",
    "コンテンツ",
    "クラウド",
    "データ",
    "センター",
    "リソース",
    "サービス",
    "ソフトウェア",
    "ハードウェア",
    "アプリ",
    "ユーザー",
    "ビジネス",
    "マーケット",
    "テクノロジー",
    "エコ",
    "スタートアップ",
    "プロジェクト",
    "スペース",
    "コンピュータ",
    "デジタル",
    "オンライン",
    "メディア",
    "ソーシャル",
    "チャット",
    "ボット",
    "アーキテクチャ",
    "エンジン",
    "ツール",
    "マネ",
    "クリエイター",
    "コミュニティ",
    "プロンプト",
    "ストレージ",
    "セキュリティ",
    "インフラ",
];

/// True for a katakana word, possibly with ・ or ＝ inside (lindera keeps
/// unknown names such as グナエウス・ポンペイウス in one token).
fn kana_word(s: &str) -> bool {
    // Asked of every token: most fail on their first character, so that is
    // decoded first and alone.
    s.chars().next().is_some_and(is_katakana)
        && s.chars().next_back().is_some_and(is_katakana)
        && s.chars().all(|c| is_katakana(c) || is_kana_joiner(c))
}

/// True when the number token at `j` is followed by a kanji or katakana
/// counter (2025年, 3社), so it is not a version number.
fn counter_follows(text: &str, toks: &[Token], j: usize) -> bool {
    let Some(next) = toks.get(j + 1) else {
        return false;
    };
    next.span.byte_start == toks[j].span.byte_end
        && text
            .get(next.span.byte_start..next.span.byte_end)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| is_kanji(c) || is_katakana(c) || c == '%' || c == '％')
}

/// Runs the rules over one sentence's pieces; `person_end` is scratch
/// space for [`chunk`].
fn sentence(
    text: &str,
    pieces: &[Piece<'_>],
    known: Known<'_>,
    person_end: &mut Vec<bool>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<(usize, usize)>,
) {
    // A surname and a given name written with a space between (山田 太郎,
    // 山田　花子), as press releases and bylines do: one person.
    for i in 0..pieces.len() {
        // lindera drops a half-width space and keeps a full-width one as a
        // token of its own.
        let j = if pieces.get(i + 1).is_some_and(|q| q.s == "\u{3000}") {
            i + 2
        } else {
            i + 1
        };
        let (Some(sur), Some(given)) = (pieces.get(i), pieces.get(j)) else {
            break;
        };
        // The tags first: they rule out almost every pair without a look
        // at the text.
        if sur.pos() == Some(Pos::PersonSurname)
            && given.pos() == Some(Pos::PersonGiven)
            && sur.s.chars().all(is_kanji)
            && matches!(text.get(sur.end..given.start), Some(" " | "\u{3000}"))
        {
            out.push(cand(pieces, i, j, EntityType::Person, Confidence::Rule));
        }
    }
    // The kind of a company before の names it (AIスタートアップのミライ
    // テック, 半導体大手のサムテック): a katakana or Latin name standing
    // alone after it is that company.
    for i in 0..pieces.len().saturating_sub(2) {
        if pieces[i + 1].s != "の" {
            continue;
        }
        let head = text.get(..pieces[i].end).unwrap_or("");
        let name = &pieces[i + 2];
        let alone = pieces
            .get(i + 3)
            .is_none_or(|n| n.start > name.end || !n.nominal());
        if COMPANY_KINDS.iter().any(|w| head.ends_with(w))
            && matches!(name.kind, Kind::Kana | Kind::Latin)
            && name.s.chars().count() >= 2
            && !vocabulary(name.s)
            && !generic(name)
            && alone
        {
            out.push(cand(
                pieces,
                i + 2,
                i + 2,
                EntityType::Org,
                Confidence::Rule,
            ));
        }
    }
    let mut a = 0;
    while a < pieces.len() {
        if !pieces[a].nominal() {
            a += 1;
            continue;
        }
        let mut b = a + 1;
        while b < pieces.len() && pieces[b].nominal() && pieces[b].start == pieces[b - 1].end {
            b += 1;
        }
        chunk(
            text,
            &pieces[a..b],
            &pieces[b..],
            known,
            person_end,
            out,
            pending,
        );
        // A name, の and a battle word: ファルサルスの戦い, 応仁の乱.
        if pieces.get(b).is_some_and(|q| q.s == "の")
            && pieces
                .get(b + 1)
                .is_some_and(|q| matches!(q.s, "戦い" | "乱" | "変" | "役" | "陣"))
            && pieces[b - 1].name_like()
        {
            let mut i = b - 1;
            while i > a && pieces[i - 1].name_like() {
                i -= 1;
            }
            out.push(cand(pieces, i, b + 1, EntityType::Event, Confidence::Rule));
        }
        a = b;
    }
}

/// Words for a meeting that an ordinal alone does not make a name of:
/// 第4回大会 is "the 4th tournament" of whatever the text is about, while
/// 第12回帝展 names an exhibition.
const BARE_MEETINGS: &[&str] = &["大会", "会", "総会", "会議", "例会", "集会", "公演", "試合"];

/// Countries and regions written in Latin letters after a company's name
/// to name its local company: Apple Japan, BMW JAPAN, Samsung Electronics
/// America.
const SUBSIDIARY_COUNTRIES: &[&str] = &[
    "Japan",
    "JAPAN",
    "Korea",
    "KOREA",
    "China",
    "CHINA",
    "Taiwan",
    "India",
    "Asia",
    "ASIA",
    "Europe",
    "EUROPE",
    "America",
    "AMERICA",
    "USA",
    "UK",
    "Germany",
    "France",
    "Singapore",
];

/// A candidate over pieces `p[i..=j]`.
fn cand(p: &[Piece<'_>], i: usize, j: usize, ty: EntityType, conf: Confidence) -> Candidate {
    Candidate::new(p[i].start, p[j].end, ty, SOURCE, conf)
}

/// True when a piece is a title after a person's name; `office` titles
/// (社長) need more evidence that what precedes is a person.
fn title(p: &Piece<'_>) -> Option<bool> {
    titles().get(p.s).copied()
}

/// The person titles, strong (true) and office (false), in one map: the
/// question is asked of nearly every piece of every compound, and most are
/// no title, which one lookup settles instead of one per list. A word in
/// both lists is strong, as when the strong list was asked first.
fn titles() -> &'static HashMap<&'static str, bool> {
    static MAP: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        let office = lists::JA_PERSON_TITLES_OFFICE.iter().map(|w| (*w, false));
        let strong = lists::JA_PERSON_TITLES_STRONG.iter().map(|w| (*w, true));
        office.chain(strong).collect()
    })
}

/// True for pieces that never start or make up a name.
fn generic(p: &Piece<'_>) -> bool {
    lists::ja_generic().contains(p.s)
        || matches!(p.pos(), Some(Pos::Prefix | Pos::Number))
        || (matches!(p.pos(), Some(Pos::NounSuffix)) && p.proper.is_none())
}

/// True for a one-character country prefix (米, 英) glued to a following
/// katakana or Latin name: left out of the span.
fn country_prefix(p: &[Piece<'_>], i: usize) -> bool {
    lists::ja_country_prefixes().contains(p[i].s)
        && p.get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Latin | Kind::Kana))
}

/// Index of the first piece of a name ending at `end` inside the chunk,
/// skipping leading generic words, numbers and country prefixes; `keep_ordinal`
/// keeps 第N回 (part of an event's name).
fn name_start(p: &[Piece<'_>], end: usize, keep_ordinal: bool) -> usize {
    let mut i = 0;
    while i < end {
        if keep_ordinal && (p[i].s == "第" || NATIONAL.contains(&p[i].s)) {
            return i;
        }
        if generic(&p[i])
            || country_prefix(p, i)
            || (p[i].kind == Kind::Other(Pos::Noun) && is_temporal(p[i].s))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Verbal nouns that make 〜会 a gathering (決算説明会, 懇親会), not a
/// body such as 日本漫画家協会 or 審議会.
const MEETING_NOUNS: &[&str] = &[
    "説明", "記者", "発表", "報告", "懇談", "勉強", "講演", "展示", "演奏", "交流", "祝賀", "歓迎",
    "送別", "懇親", "試写", "上映", "討論", "決起", "披露", "記念", "表彰", "授賞", "壮行",
];

/// Suffixes of public bodies, named by kanji common nouns alone.
const BODIES: &[&str] = &[
    "委員会",
    "党",
    "省",
    "庁",
    "局",
    "軍",
    "公社",
    "公団",
    "同盟",
    "連盟",
    "協会",
    "会",
    "政府",
    "議会",
    "裁判所",
];

/// Nationwide prefixes that open an event's name (全日本|選手権) but are
/// generic before other names.
const NATIONAL: &[&str] = &["全日本", "全国", "全米", "全英", "全豪", "全仏"];

/// Date-like nouns that open a compound without being part of a name.
fn is_temporal(s: &str) -> bool {
    s.ends_with('年') || s.ends_with('月') || s.ends_with('日') || s.ends_with("期")
}

/// Suffix lists in priority order with the type they give.
fn suffix_lists() -> [(&'static [&'static str], EntityType); 5] {
    [
        (JA_EVENT_SUFFIXES, EntityType::Event),
        (JA_PRODUCT_SUFFIXES, EntityType::Product),
        (JA_FACILITY_SUFFIXES, EntityType::Location),
        (JA_ORG_SUFFIXES, EntityType::Org),
        (JA_PLACE_SUFFIXES, EntityType::Location),
    ]
}

/// Facility words whose names are mostly kanji compounds the dictionary
/// does not know or reads as common nouns (shrines, temples, castles,
/// tombs, forts; schools, parks, museums and halls: 青雲高校, 海洋産業博物館).
const SITES: &[&str] = &[
    "神社", "神宮", "大社", "寺", "城", "古墳", "砦", "城跡", "高校", "公園", "館",
];

/// Suffix words by last character: (list index, suffix, type).
struct SuffixIndex {
    by_last: HashMap<char, Vec<(usize, &'static str, EntityType)>>,
    /// Bit `c mod 1024` is set for every last character `c`: most pieces
    /// end in a character no suffix ends in, which this rules out before
    /// the hash lookup.
    maybe_last: [u64; 16],
}

impl SuffixIndex {
    /// The suffixes ending in `c`, in priority order, if any.
    fn ending_in(&self, c: char) -> Option<&[(usize, &'static str, EntityType)]> {
        let bit = c as usize % 1024;
        if self.maybe_last[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.by_last.get(&c).map(Vec::as_slice)
    }
}

/// The suffix words of [`suffix_lists`] grouped by their last character,
/// each group in priority order as (list index, suffix, type): a piece is
/// checked only against the suffixes that can end where it ends, not
/// against all of them (this lookup runs once per piece of every chunk).
fn suffixes_by_last_char() -> &'static SuffixIndex {
    static MAP: OnceLock<SuffixIndex> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut by_last: HashMap<char, Vec<_>> = HashMap::default();
        let mut maybe_last = [0u64; 16];
        for (li, (list, ty)) in suffix_lists().into_iter().enumerate() {
            for suf in list {
                if let Some(c) = suf.chars().next_back() {
                    by_last.entry(c).or_default().push((li, *suf, ty));
                    let bit = c as usize % 1024;
                    maybe_last[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        SuffixIndex {
            by_last,
            maybe_last,
        }
    })
}

/// Finds a suffix word ending exactly at the end of piece `k` and starting at
/// a piece boundary after `s`; returns the index of the first suffix piece
/// and the type. The first list (in [`suffix_lists`] order) with a match
/// wins, and within it the longest suffix.
fn suffix_at(p: &[Piece<'_>], s: usize, k: usize, text: &str) -> Option<(usize, EntityType)> {
    let last = text.get(..p[k].end)?.chars().next_back()?;
    let candidates = suffixes_by_last_char().ending_in(last)?;
    let mut best: Option<(usize, EntityType, usize)> = None;
    let mut best_list = usize::MAX;
    for &(li, suf, ty) in candidates {
        if li > best_list {
            break;
        }
        // The suffix must start on a piece boundary strictly after `s`.
        let Some(from) = p[k].end.checked_sub(suf.len()) else {
            continue;
        };
        // Compared from the back, byte by byte: the candidates all end in
        // the piece's last character, so a mismatch shows in the character
        // before it, without a call to memcmp. Equal bytes start with a
        // character's first byte, so `from` is a boundary when they match.
        let ends_here = text.as_bytes().get(from..p[k].end).is_some_and(|t| {
            t.iter()
                .rev()
                .zip(suf.as_bytes().iter().rev())
                .all(|(a, b)| a == b)
        });
        if from <= p[s].start || !ends_here {
            continue;
        }
        let Some(first) = (s + 1..=k).find(|&i| p[i].start == from) else {
            // Inside a katakana piece (ソフトバンクグループ) the suffix
            // need not be a token of its own.
            // The word before it needs two letters at least: フ|レーベル is
            // a surname, not a label.
            let word_before = text
                .get(p[k].start..from)
                .and_then(|h| h.rsplit(is_kana_joiner).next())
                .map_or(0, |w| w.chars().count());
            // Kanji compounds the dictionary keeps whole end in a body's
            // word of three characters or more (徳島|地方裁判所).
            let kanji_inside = p[k].kind == Kind::Other(Pos::Noun)
                && p[k].s.chars().all(is_kanji)
                && suf.chars().count() >= 3;
            if (p[k].kind == Kind::Kana && all_katakana(suf) && word_before != 1 || kanji_inside)
                && from > p[k].start
                && best.is_none_or(|b| suf.len() > b.2)
            {
                best = Some((k, ty, suf.len()));
                best_list = li;
            }
            continue;
        };
        if best.is_none_or(|b| suf.len() > b.2) {
            best = Some((first, ty, suf.len()));
            best_list = li;
        }
    }
    best.map(|(f, t, _)| (f, t))
}

/// Applies the rules to one chunk `p`; `rest` is the rest of the sentence.
/// `person_end` is scratch space, reused from chunk to chunk.
fn chunk(
    text: &str,
    p: &[Piece<'_>],
    rest: &[Piece<'_>],
    known: Known<'_>,
    person_end: &mut Vec<bool>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<(usize, usize)>,
) {
    // Most chunks are one common noun, number or unknown token (発表, 2025),
    // and of all the rules only the suffix rule reads such a piece alone,
    // and only a kanji noun with a long suffix inside (徳島地方裁判所 kept
    // whole by the dictionary): the other rules need two pieces or more, a
    // katakana or Latin piece, or a name tag. Such a chunk is settled here
    // without the rules' set-up.
    if let [q] = p {
        if let Kind::Other(pos) = q.kind {
            if !pos.is_proper() && (pos != Pos::Noun || suffix_at(p, 0, 0, text).is_none()) {
                return;
            }
        }
    }
    chunk_rules(text, p, rest, known, person_end, out, pending);
}

/// The rules of [`chunk`], without its shortcut for one-piece chunks.
fn chunk_rules(
    text: &str,
    p: &[Piece<'_>],
    rest: &[Piece<'_>],
    known: Known<'_>,
    person_end: &mut Vec<bool>,
    out: &mut Vec<Candidate>,
    pending: &mut Vec<(usize, usize)>,
) {
    let n = p.len();
    let after = rest.first();
    // 1. Titles after a name: イーロン・マスク氏, 豊田章男社長, Altman CEO.
    // person_end[k]: piece k ends a person's name found by a title.
    person_end.clear();
    person_end.resize(n, false);
    for k in 1..n {
        let Some(strong) = title(&p[k]) else { continue };
        // The head of a town before a place name is that town's: 成田|市長
        // is Narita's mayor, 河村|市長 (a surname) Mayor Kawamura.
        if matches!(p[k].s, "市長" | "町長" | "村長" | "区長")
            && matches!(p[k - 1].pos(), Some(Pos::Place))
        {
            out.push(cand(
                p,
                k - 1,
                k - 1,
                EntityType::Location,
                Confidence::Rule,
            ));
            person_end[k - 1] = true;
            continue;
        }
        let Some(i) = person_before(p, k, strong) else {
            continue;
        };
        out.push(cand(p, i, k - 1, EntityType::Person, Confidence::Rule));
        person_end[k - 1] = true;
    }

    // 1b. A kanji surname and a katakana given name written together, in
    // either order, at the end of a compound: 土屋アンナ, テリー伊藤.
    for k in 0..n.saturating_sub(1) {
        if k + 2 != n || person_end[k + 1] {
            continue;
        }
        let surname = |q: &Piece<'_>| {
            q.pos() == Some(Pos::PersonSurname)
                && q.s.chars().count() >= 2
                && q.s.chars().all(is_kanji)
        };
        let given = |q: &Piece<'_>| {
            q.kind == Kind::Kana
                && !q.joined
                && (matches!(q.proper, Some(Pos::PersonGiven | Pos::PersonName))
                    || lists::is_katakana_given_name(q.s))
        };
        // The tag test before the given-name lists, which are slower.
        if surname(&p[k]) && given(&p[k + 1]) || surname(&p[k + 1]) && given(&p[k]) {
            out.push(cand(p, k, k + 1, EntityType::Person, Confidence::Rule));
        }
    }

    // 2. Suffixes: 日本漫画家協会, 神奈川県, 広島駅, 東京オリンピック.
    // name_start(p, k, true) stops at the same piece whatever k, or at k:
    // one scan, to the last k, serves every k (and a one-piece chunk, the
    // commonest, needs none).
    let first_start = name_start(p, n.saturating_sub(1), true);
    for k in 0..n {
        let s = first_start.min(k);
        let Some((first_suffix, ty)) = suffix_at(p, s, k, text) else {
            continue;
        };
        // A date written before a name opens the compound (昭和11年|丸石
        // 製薬株式会社) and is not part of it; an event's date is
        // (1963年11月イラククーデター).
        let after_date = (1..first_suffix)
            .rev()
            .find(|&j| {
                matches!(p[j].s, "年" | "年度" | "月" | "日")
                    && p[j - 1].s.chars().all(|c| c.is_ascii_digit())
            })
            .map_or(0, |j| j + 1);
        let s = if ty == EntityType::Event {
            s
        } else {
            s.max(after_date)
        };
        // A foreign country before a foreign company's name says where it
        // is from (韓国|サムスン電子, 中国|アリババ集団); 日本 before one is
        // part of a Japanese subsidiary's name (日本マイクロソフト), and a
        // country before a common word is part of a body's (日本サッカー協会).
        let s = if ty == EntityType::Org
            && s + 1 < first_suffix
            && p[s].proper == Some(Pos::Country)
            && p[s].s != "日本"
            && p.get(s + 1).is_some_and(|q| {
                matches!(q.kind, Kind::Kana | Kind::Latin) && (q.unknown || q.proper.is_some())
            }) {
            s + 1
        } else {
            s
        };
        // A numbered army, fleet or cabinet keeps its ordinal (第五艦隊,
        // 第十六軍, 第2次若槻内閣), which alone names it.
        let numbered = p[s].s == "第"
            && p.get(s + 1).is_some_and(|q| {
                q.pos() == Some(Pos::Number) || q.s.chars().all(|c| c.is_ascii_digit())
            });
        let counter = p.get(s + 2).map_or("", |q| q.s);
        // 第38回世界遺産委員会, 第9回Vリーグ: a numbered session or season
        // of a body is an event.
        let ty = if ty == EntityType::Org && numbered && counter == "回" {
            EntityType::Event
        } else {
            ty
        };
        let numbered_body = ty == EntityType::Org
            && numbered
            && !matches!(
                counter,
                "世代" | "期" | "号" | "弾" | "位" | "種" | "条" | "章"
            );
        let mut s = if (p[s].s == "第" || NATIONAL.contains(&p[s].s))
            && ty != EntityType::Event
            && !numbered_body
        {
            s + 1
        } else {
            s
        };
        // A facility after a company is two names: 王子製紙|釧路工場.
        let suffix_text = text.get(p[first_suffix].start..p[k].end).unwrap_or("");
        if JA_FACILITY_SUFFIXES.contains(&suffix_text) {
            let from = s;
            if let Some(m) = (from..first_suffix.saturating_sub(1)).rev().find(|&m| {
                p[m].pos() == Some(Pos::Organization)
                    || matches!(suffix_at(p, from, m, text), Some((_, EntityType::Org)))
            }) {
                s = m + 1;
            }
        }
        // The part before the suffix needs a name in it; a place suffix needs
        // the piece right before it to be a place-like name.
        // The suffix ends a piece that also holds the name (ソフトバンク
        // グループ, 徳島|地方裁判所) only when it is strictly inside it.
        let inside = first_suffix == k && suffix_at(p, k, k, text).is_some();
        let before_end = if inside { k + 1 } else { first_suffix };
        if before_end <= s {
            continue;
        }
        // Common nouns belong to the name only after its first name-like
        // piece (日本|漫画家|協会), not before (結局|ザ・カンパニー).
        if let Some(first_named) = (s..before_end).find(|&i| p[i].name_like()) {
            if p[s].s != "第" && ty != EntityType::Event {
                let from = s;
                s = first_named;
                // A one-character kanji word glued before a place name is
                // part of an unknown name (文|川|港|線).
                while s > from
                    && ty != EntityType::Product
                    && p[s - 1].s.chars().count() == 1
                    && p[s - 1].s.chars().all(is_kanji)
                    && matches!(p[s - 1].pos(), Some(Pos::Noun | Pos::NounSuffix))
                    && !lists::ja_generic().contains(p[s - 1].s)
                    && !is_temporal(p[s - 1].s)
                    && (s - 1..first_named).all(|i| p[i].s.chars().count() == 1)
                {
                    s -= 1;
                }
            }
        }
        // An ordinal names an event by itself (第6回全世界空手道選手権,
        // 第18代総選挙), but not a bare meeting (第4回大会 is "the 4th
        // tournament" of whatever the text is about).
        let ordinal = ty == EntityType::Event
            && p[s].s == "第"
            && p.get(s + 2)
                .is_some_and(|q| matches!(q.s, "回" | "次" | "代"))
            && !(s + 3 >= before_end && BARE_MEETINGS.contains(&suffix_text));
        // A legal form makes what precedes it a company's name, however
        // common its words (レインボー|薬品|株式会社, 首都|高速|道路|株式会社).
        let legal = matches!(suffix_text, "株式会社" | "有限会社" | "合同会社");
        if legal {
            // All of the compound before it, even words that are generic
            // elsewhere (首都|高速|道路|株式会社), but no reference word
            // (同|株式会社).
            while s > after_date
                && !matches!(p[s - 1].pos(), Some(Pos::Prefix | Pos::Number))
                && !matches!(p[s - 1].s, "同" | "当" | "各" | "両" | "本" | "自" | "他")
            {
                s -= 1;
            }
        }
        // A product type needs a name (鞍山級, EF81形), not a common
        // word (コンパクト型, テニス雑誌); other suffixes take any katakana
        // word, but an organisation's or a place's not one of the
        // dictionary's common nouns (データ|センター, ベンチャー|キャピタル)
        // while an event is named by one (バスケットボール|選手権).
        let named = ordinal
            || numbered_body
            || legal
            || p[s..before_end].iter().any(|q| {
                q.name_like()
                    || (q.kind == Kind::Kana
                        && ty != EntityType::Product
                        && (!matches!(ty, EntityType::Org | EntityType::Location)
                            || q.unknown
                            || q.proper.is_some()))
            });
        // Kanji common nouns before a body's suffix name a public body
        // (中央規律検査委員会, 科学諮問委員会, 連邦軍).
        // 説明会, 記者会見's 記者会: a gathering, not a body.
        let gathering =
            suffix_text == "会" && before_end > s && MEETING_NOUNS.contains(&p[before_end - 1].s);
        let body = !named
            && !gathering
            && ty == EntityType::Org
            && BODIES.contains(&suffix_text)
            && p[s..before_end].iter().all(|q| {
                q.pos() == Some(Pos::Noun) && q.s.chars().all(is_kanji) && !is_temporal(q.s)
            })
            && p[s..before_end]
                .iter()
                .map(|q| q.s.chars().count())
                .sum::<usize>()
                >= 3;
        // Kanji a dictionary splits into common nouns before a shrine,
        // temple, castle or tomb name a facility (飯|縄|神社, 岩崎|山砦).
        let site = !named
            && ty == EntityType::Location
            && SITES.iter().any(|w| suffix_text.ends_with(w))
            && p[s..before_end].iter().all(|q| {
                matches!(q.pos(), Some(Pos::Noun | Pos::NounSuffix | Pos::Unknown))
                    && q.s.chars().all(is_kanji)
                    && !generic(q)
                    && !is_temporal(q.s)
            })
            && (2..=4).contains(
                &p[s..before_end]
                    .iter()
                    .map(|q| q.s.chars().count())
                    .sum::<usize>(),
            );
        if !(named || body || site) || !numbered_body && p[s..before_end].iter().all(generic) {
            continue;
        }
        // A year written onto an event is part of its name (1992年アルベール
        // ビルオリンピック, 2016年アメリカ大統領選) and says it is one
        // (1995年度ドラフト会議), so the name outranks the date inside it.
        let year_at = |i: usize| {
            p[i].s.chars().all(|c| c.is_ascii_digit())
                && p.get(i + 1).is_some_and(|q| matches!(q.s, "年" | "年度"))
        };
        let year_before = ty == EntityType::Event && s >= 2 && year_at(s - 2);
        let dated = year_before || ty == EntityType::Event && year_at(s);
        let conf = if ordinal || dated || p[s..before_end].iter().any(Piece::name_like) {
            Confidence::Rule
        } else {
            Confidence::Guess
        };
        if year_before {
            s -= 2;
        }
        out.push(cand(p, s, k, ty, conf));
    }

    // 3a. A place and a katakana or Latin name written together are an
    // organisation named after its home (高松ファイブアローズ, JR九州,
    // カターレ富山): teams, regional companies.
    for k in 0..n.saturating_sub(1) {
        let (x, y) = (&p[k], &p[k + 1]);
        let place = |q: &Piece<'_>| {
            matches!(q.pos(), Some(Pos::Place | Pos::Country)) && q.s.chars().count() >= 2
        };
        // A katakana word the dictionary knows as a common noun is a place's
        // office or facility (東京|オフィス), not a club's name.
        let name = |q: &Piece<'_>| {
            matches!(q.kind, Kind::Latin | Kind::Kana)
                && q.s.chars().count() >= 2
                && !lists::en_not_names().contains(q.s)
                && (q.kind == Kind::Latin
                    || q.unknown
                    || q.proper.is_some()
                    || (q.multi && !vocabulary(q.s)))
        };
        if (place(x) && name(y) || name(x) && place(y)) && title(y).is_none() {
            let next_is_noun = p
                .get(k + 2)
                .is_some_and(|q| q.kind != Kind::Other(Pos::NounSuffix));
            // A suffix says more (東京オリンピック is an event).
            if !next_is_noun && suffix_at(p, k, k + 1, text).is_none() {
                out.push(cand(p, k, k + 1, EntityType::Org, Confidence::Rule));
            }
        }
    }

    // 3b. A country's team ends its compound with 代表 (米国代表は, U-19
    // サッカー中華人民共和国代表): an organisation, with what precedes.
    if n >= 2
        && p[n - 1].s == "代表"
        && matches!(p[n - 2].pos(), Some(Pos::Country))
        && after.is_some_and(|q| q.pos() == Some(Pos::Particle))
    {
        let s = name_start(p, n - 2, false);
        out.push(cand(
            p,
            s.min(n - 2),
            n - 1,
            EntityType::Org,
            Confidence::Rule,
        ));
    }

    // 3c. A home town, a sponsor and a plural nickname are a team:
    // 東北楽天イーグルス, 横浜DeNAベイスターズ.
    if n >= 3 {
        let last = &p[n - 1];
        let plural = last.kind == Kind::Kana
            && last.s.chars().count() >= 4
            && ["ズ", "ツ", "ルス", "クス"]
                .iter()
                .any(|e| last.s.ends_with(e))
            && !vocabulary(last.s);
        let home = (0..n - 2).find(|&i| matches!(p[i].pos(), Some(Pos::Place | Pos::Country)));
        if let (true, Some(h)) = (plural, home) {
            let between = p[h + 1..n - 1].iter().all(|q| {
                q.kind == Kind::Latin
                    || q.name_like()
                    || (q.pos() == Some(Pos::Noun) && q.s.chars().all(is_kanji))
            });
            if between && !country_prefix(p, h) {
                out.push(cand(p, h, n - 1, EntityType::Org, Confidence::Rule));
            }
        }
    }

    // 3c. A numbered typhoon is an event: 台風10号.
    for k in 0..n.saturating_sub(2) {
        if p[k].s == "台風" && p[k + 1].s.chars().all(|c| c.is_ascii_digit()) && p[k + 2].s == "号"
        {
            out.push(cand(p, k, k + 2, EntityType::Event, Confidence::Rule));
        }
    }

    // 3b. An ordinal edition before a name is an event: 第51回スーパーボウル.
    for k in 0..n.saturating_sub(3) {
        if p[k].s == "第"
            && p[k + 1].s.chars().all(|c| c.is_numeric())
            && matches!(p[k + 2].s, "回" | "次")
        {
            // The ordinal itself says event: 第12回|帝展 needs no name.
            let rest = &p[k + 3..];
            let named = rest.iter().any(|q| q.name_like() || q.kind == Kind::Kana)
                || (rest.iter().map(|q| q.s.chars().count()).sum::<usize>() >= 2
                    && !(rest.len() == 1 && BARE_MEETINGS.contains(&rest[0].s))
                    && !generic(&rest[0])
                    && rest.iter().all(|q| !is_temporal(q.s)));
            if named && !lists::ja_generic().contains(p[n - 1].s) {
                out.push(cand(p, k, n - 1, EntityType::Event, Confidence::Rule));
            }
        }
    }

    // 3. Heads: 株式会社ストックマーク.
    for k in 0..n.saturating_sub(1) {
        if JA_ORG_PREFIXES.contains(&p[k].s) && p[k + 1].name_like()
            || (JA_ORG_PREFIXES.contains(&p[k].s) && p[k + 1].kind == Kind::Kana)
        {
            let mut j = k + 1;
            while j + 1 < n
                && !matches!(p[j].kind, Kind::Latin | Kind::Kana)
                && p[j + 1].kind == Kind::Other(Pos::Noun)
            {
                j += 1;
            }
            out.push(cand(p, k, j, EntityType::Org, Confidence::Rule));
        }
    }

    // 4. Each piece on its own.
    let mut k = 0;
    while k < n {
        let q = &p[k];
        let next = p.get(k + 1).or(after);
        match q.kind {
            Kind::Latin => {
                // Lower-case words (cm, nobody) are not names by shape.
                let shaped = q.s.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
                // An acronym that modifies a noun in one compound (CMソング,
                // GKコーチ, BGM担当) is a technical term far more often than
                // an organisation; standing alone before a particle (KGBの,
                // IPICは) it is usually an organisation. Two letters in
                // mixed case (Co, Jr) are fragments, not names.
                let acronym =
                    (2..=4).contains(&q.s.len()) && q.s.chars().all(|c| c.is_ascii_uppercase());
                let fragment = q.s.len() == 2 && !acronym;
                let modifier = acronym && k + 1 < n && p[k + 1].s != "社";
                if !shaped
                    || phone_like(q.s)
                    || lists::en_not_names().contains(q.s)
                    || q.s.chars().count() < 2
                    || fragment
                    || modifier
                    || person_end[k]
                {
                    k += 1;
                    continue;
                }
                // A company with a country after it is its local company
                // (Apple Japan, BMW JAPAN), even where the gazetteer knows
                // the company alone.
                let subsidiary = q.s.rsplit_once(' ').is_some_and(|(head, country)| {
                    !head.is_empty() && SUBSIDIARY_COUNTRIES.contains(&country)
                });
                let (ty, conf) = match next.map(|n| n.s) {
                    Some("社") => (EntityType::Org, Confidence::Rule),
                    _ if subsidiary => (EntityType::Org, Confidence::Rule),
                    _ if k + 1 == n && product_cue(rest) => {
                        (EntityType::Product, Confidence::Guess)
                    }
                    _ => type_latin_run(q.s),
                };
                out.push(cand(p, k, k, ty, conf));
            }
            Kind::Kana => {
                // Two katakana letters or a lone ー are too little to be a
                // name without a cue.
                let short = q.s.chars().count() < 3 || q.s.starts_with('ー');
                // A language or a people (チベット語, イギリス人) is no name.
                let demonym = p.get(k + 1).is_some_and(|n| matches!(n.s, "語" | "人"));
                if short && next.map(|n| n.s) != Some("社") || generic(q) || demonym {
                    k += 1;
                    continue;
                }
                // A word with a loanword ending (ヴォルコンスキー) is a name
                // after all when the words around it say so.
                let cued_person = !person_end[k]
                    && q.unknown
                    && q.proper.is_none()
                    && !q.multi
                    && !q.joined
                    && person_cue(p, k, rest, !q.name_like());
                if cued_person {
                    out.push(cand(p, k, k, EntityType::Person, Confidence::Rule));
                    k += 1;
                    continue;
                }
                if !person_end[k] && !q.joined && n == 1 && org_cue(rest, q.name_like()) {
                    out.push(cand(p, k, k, EntityType::Org, Confidence::Rule));
                    k += 1;
                    continue;
                }
                if !person_end[k] && k + 1 == n && q.name_like() && product_cue(rest) {
                    out.push(cand(p, k, k, EntityType::Product, Confidence::Rule));
                    k += 1;
                    continue;
                }
                if !person_end[k] && !q.joined && n == 1 && q.name_like() && place_cue(rest) {
                    out.push(cand(p, k, k, EntityType::Location, Confidence::Rule));
                    k += 1;
                    continue;
                }
                if person_end[k] || !q.name_like() && next.map(|n| n.s) != Some("社") {
                    // A common word here may still be a surname named in
                    // full elsewhere in the document (マスク).
                    if !person_end[k] {
                        pending.push((q.start, q.end));
                    }
                    k += 1;
                    continue;
                }
                // A katakana compound ending in a suffix word
                // (イラククーデター) is typed by the suffix rule.
                if q.multi && q.proper.is_some() && suffix_at(p, k, k, text).is_some() {
                    k += 1;
                    continue;
                }
                // English function words joined in (テキスト・ツー・ビデオ,
                // バンド・オブ・ブラザース) make a phrase or a title, not a
                // person; modifying a noun (…ビデオ生成) it is a term.
                let phrase = q.joined
                    && q.s
                        .split(is_kana_joiner)
                        .any(|w| KANA_FUNCTION_WORDS.contains(&w));
                if phrase && k + 1 < n {
                    k += 1;
                    continue;
                }
                let (ty, conf) = kana_type(q, next, known);
                let (ty, conf) = if phrase && ty == EntityType::Person {
                    (EntityType::Org, Confidence::Guess)
                } else {
                    (ty, conf)
                };
                // A single katakana word the dictionary does not know, with
                // no cue, is as often vocabulary (イグアナ, タッチダウン) or a
                // company as a surname: only a full name elsewhere in the
                // document (harmonise) makes it a name.
                if ty == EntityType::Person
                    && conf == Confidence::Guess
                    && q.proper.is_none()
                    && !q.joined
                {
                    if !q.multi {
                        pending.push((q.start, q.end));
                    }
                    k += 1;
                    continue;
                }
                // 社 written after a company's name is part of it
                // (ホワイトチャペル社, グプタ社).
                let end = if next.is_some_and(|n| n.s == "社") {
                    k + 1
                } else {
                    k
                };
                out.push(cand(p, k, end, ty, conf));
            }
            // kanji_name proposes nothing for other tags (a test checks),
            // and most pieces of a compound are common nouns: they skip
            // its word-list lookups.
            Kind::Other(pos) if pos.is_proper() => {
                if let Some(len) = kanji_name(p, k, person_end, out) {
                    k += len;
                    continue;
                }
            }
            Kind::Other(_) => {}
        }
        k += 1;
    }
}

/// True when the words around a lone katakana word `p[k]` say it names a
/// person: a word only people take right after it (ダニング自身, アーリフ
/// 兄弟, フヴォストフら), a kinship word after の (モリーの夫), or, as the
/// subject (は/が), a predicate only people have (マーカーは…と結婚した,
/// シェクリイは…作家だった).
///
/// A word that looks like vocabulary (`loanlike`: a loanword ending, as in
/// クリエイター) needs one of the first two cues: things too can be the
/// subject of a predicate (新たなブレイクスルーが生まれる).
fn person_cue(p: &[Piece<'_>], k: usize, rest: &[Piece<'_>], loanlike: bool) -> bool {
    if let Some(next) = p.get(k + 1) {
        return lists::ja_person_after().contains(next.s);
    }
    let (particle, next) = particle_and_word(rest);
    match particle {
        "の" => lists::ja_kin().contains(next),
        "亡き" => true,
        "は" | "が" if !loanlike => {
            // Up to the end of the clause that has this subject.
            let clause = rest[1..]
                .iter()
                .take_while(|q| !matches!(q.s, "。" | "「" | "」" | "『" | "』"));
            let mut prev: Option<&str> = None;
            for q in clause {
                if lists::JA_PERSON_PREDICATES
                    .iter()
                    .any(|v| q.s.starts_with(v))
                {
                    return true;
                }
                if matches!(q.s, "だっ" | "で" | "だ" | "。")
                    && prev.is_some_and(|w| lists::ja_person_roles().contains(w))
                {
                    return true;
                }
                prev = Some(q.s);
            }
            false
        }
        _ => false,
    }
}

/// The two words after a name (its particle and the word that follows),
/// "" where the sentence ends: what the cue functions below read.
fn particle_and_word<'t>(rest: &[Piece<'t>]) -> (&'t str, &'t str) {
    let word = |i: usize| rest.get(i).map_or("", |q| q.s);
    (word(0), word(1))
}

/// True when the words after a lone katakana word say it names a company
/// or a team: its shares or market value (スリーコムの時価総額), joining it
/// (レンフェに入社, パイレーツに移籍), a company's verbs right after it as
/// the subject (コープラドが生産), or releases from it (コープラドより発売).
/// The last two only for words that look like names (`name_like`): things
/// too are sold (プラットフォームが発売された).
fn org_cue(rest: &[Piece<'_>], name_like: bool) -> bool {
    let (particle, next) = particle_and_word(rest);
    match particle {
        "の" => matches!(
            next,
            "株式"
                | "時価総額"
                | "子会社"
                | "親会社"
                | "傘下"
                | "株価"
                | "株主"
                | "経営陣"
                | "従業員"
                | "社員"
                | "本社"
                | "創業者"
        ),
        "に" | "へ" => matches!(next, "入社" | "移籍" | "入団" | "就職"),
        "が" | "は" => {
            name_like
                && matches!(
                    next,
                    "運営" | "製造" | "生産" | "販売" | "発売" | "買収" | "出資" | "設立"
                )
        }
        "より" | "から" => {
            name_like && matches!(next, "発売" | "販売" | "出版" | "刊行" | "発行")
        }
        "を" => matches!(next, "買収" | "子会社" | "傘下"),
        _ => false,
    }
}

/// True when the words after a name say it is a product: it is released,
/// installed, built on or fitted (Winampをリリース, RMAXをベースに,
/// Androidを搭載).
fn product_cue(rest: &[Piece<'_>]) -> bool {
    let (particle, next) = particle_and_word(rest);
    match particle {
        "を" => matches!(
            next,
            "リリース"
                | "発売"
                | "搭載"
                | "採用"
                | "インストール"
                | "ダウンロード"
                | "ベース"
                | "元"
                | "移植"
                | "導入"
        ),
        "に" => matches!(next, "搭載" | "移植" | "対応" | "実装"),
        "が" => matches!(next, "発売" | "リリース" | "搭載"),
        _ => false,
    }
}

/// True when the words after a lone katakana name say it is a place: being
/// born or held there (リヴァプールで生まれた), moving or arriving there
/// (ペカンバルに搬入), passing or taking it (ヴォルホフを通って, シャルル
/// ロワを落とし), a direction or part of it (デリヒゼンの南), or its mayor
/// or people (マールボロの町長).
fn place_cue(rest: &[Piece<'_>]) -> bool {
    let (particle, next) = particle_and_word(rest);
    let starts = |list: &[&str]| list.iter().any(|w| next.starts_with(w));
    match particle {
        "で" => starts(&[
            "生まれ",
            "育っ",
            "育ち",
            "開催",
            "死去",
            "没し",
            "客死",
            "戦死",
        ]),
        "に" => starts(&[
            "生まれ",
            "移住",
            "到着",
            "上陸",
            "進出",
            "移転",
            "搬入",
            "渡っ",
            "渡り",
            "滞在",
            "入港",
            "寄港",
            "亡命",
            "留学",
            "駐屯",
            "侵攻",
            "移り",
        ]),
        "へ" => starts(&["移住", "移転", "亡命", "留学", "向かっ", "向かう", "侵攻"]),
        "を" => starts(&[
            "通っ", "通過", "経由", "占領", "攻略", "落と", "包囲", "訪れ", "訪問",
        ]),
        "の" => matches!(
            next,
            "南" | "北"
                | "東"
                | "西"
                | "南部"
                | "北部"
                | "東部"
                | "西部"
                | "郊外"
                | "近郊"
                | "中心部"
                | "市街"
                | "沖"
                | "港"
                | "住民"
                | "町長"
                | "市長"
                | "村長"
                | "知事"
                | "州知事"
                | "市民"
                | "市内"
        ),
        _ => false,
    }
}

/// The first piece of a person's name ending right before the title at `k`,
/// when what precedes looks like one.
fn person_before(p: &[Piece<'_>], k: usize, strong: bool) -> Option<usize> {
    let prev = &p[k - 1];
    match prev.kind {
        Kind::Latin => {
            let multiword = prev.s.contains(' ');
            (strong || multiword).then_some(k - 1)
        }
        Kind::Kana => {
            // A word the dictionary does not know before an office title is
            // a surname far more often than a company (ナデラCEO); a known
            // organisation is the company's officer (トヨタ社長).
            let personish = prev.joined
                || !matches!(
                    prev.proper,
                    Some(Pos::Organization | Pos::Country | Pos::Place)
                );
            // A country before any title is the office's country
            // (アメリカ大統領, ロシア首相), not a name.
            let country = !prev.joined && matches!(prev.proper, Some(Pos::Country | Pos::Place));
            // A common word before a field's title is the field (ラグビー
            // 選手, サッカー監督); before an honorific or office it may be a
            // name the dictionary also knows (トランプ大統領).
            let field = !prev.joined
                && !prev.unknown
                && prev.proper.is_none()
                && lists::ja_field_titles().contains(p[k].s);
            ((strong || personish) && !country && !field).then_some(k - 1)
        }
        Kind::Other(_) => {
            // Kanji names: up to three tokens back (surname, given name).
            let mut i = k;
            let mut has_person = false;
            while i > 0 && k - i < 3 {
                let q = &p[i - 1];
                let kanji = q.s.chars().all(is_kanji);
                let ok = kanji
                    && !generic(q)
                    && matches!(
                        q.pos(),
                        Some(
                            Pos::PersonSurname
                                | Pos::PersonGiven
                                | Pos::PersonName
                                | Pos::Unknown
                                | Pos::Place
                                | Pos::ProperNoun
                                | Pos::Noun
                        )
                    );
                if !ok {
                    break;
                }
                has_person |= matches!(
                    q.pos(),
                    Some(Pos::PersonSurname | Pos::PersonGiven | Pos::PersonName)
                );
                i -= 1;
            }
            if i == k {
                return None;
            }
            // Common nouns before a title are roles (前社長, 同社長), unless
            // a name tag is among them.
            let chars: usize = p[i..k].iter().map(|q| q.s.chars().count()).sum();
            (has_person
                || (strong && chars >= 2 && p[i..k].iter().any(|q| q.pos() != Some(Pos::Noun))))
            .then_some(i)
        }
    }
}

/// The type of a katakana piece standing alone; `known` types the parts
/// of a joined name that the dictionary kept as one token.
fn kana_type(
    q: &Piece<'_>,
    next: Option<&Piece<'_>>,
    known: Known<'_>,
) -> (EntityType, Confidence) {
    if next.is_some_and(|n| n.s == "社") {
        return (EntityType::Org, Confidence::Rule);
    }
    let first_part = q.s.split(is_kana_joiner).next().unwrap_or("");
    let last_part = q.s.rsplit(is_kana_joiner).next().unwrap_or("");
    // Team and band names end in a katakana plural (ファルコンズ, ジェッツ).
    let plural = ["ズ", "ッツ", "ブス"].iter().any(|e| q.s.ends_with(e));
    // What the gazetteer says of the parts of a joined name IPADIC did not
    // split: a known place first makes a team or a company (ダラス・
    // テキサンズ, オーストリア・ダイムラー), and a place again after it a
    // place inside one (ランカシャー・バーンリー); a known company first
    // makes a company (レイセオン・ミサイルシステムズ). Companies named
    // after people (エリクソン, ローランド) make later parts no evidence.
    let part_types = (q.joined && !q.multi && q.proper.is_none()).then(|| {
        let first = known(first_part);
        let last = known(last_part);
        (first, last, first == Some(EntityType::Org))
    });
    match q.proper {
        Some(Pos::PersonSurname | Pos::PersonGiven | Pos::PersonName) if q.joined => {
            (EntityType::Person, Confidence::Rule)
        }
        Some(Pos::Organization) => (EntityType::Org, Confidence::Rule),
        Some(Pos::Country | Pos::Place) if !q.joined => (EntityType::Location, Confidence::Rule),
        // A well-known given name first: サム・アルトマン.
        _ if q.joined && lists::is_listed_katakana_given_name(first_part) => {
            (EntityType::Person, Confidence::Rule)
        }
        _ if part_types.is_some_and(|(first, last, _)| {
            first == Some(EntityType::Location) && last == Some(EntityType::Location)
        }) =>
        {
            (EntityType::Location, Confidence::Rule)
        }
        _ if part_types.is_some_and(|(first, _, _)| first == Some(EntityType::Location)) => {
            (EntityType::Org, Confidence::Rule)
        }
        // A given name by its sound: ジョナサン for Jonathan, ローランド
        // (Roland) even where a company bears the name.
        _ if q.joined && lists::is_katakana_given_name(first_part) => {
            (EntityType::Person, Confidence::Rule)
        }
        _ if part_types.is_some_and(|(_, _, org)| org) => (EntityType::Org, Confidence::Rule),
        // A place first (アトランタ・ファルコンズ), a plural last or a
        // common noun last (ストーク・スペース): a team, a band, a company.
        Some(Pos::Country | Pos::Place) => (EntityType::Org, Confidence::Guess),
        _ if plural || q.last_common => (EntityType::Org, Confidence::Guess),
        _ if q.joined => (EntityType::Person, Confidence::Guess),
        Some(Pos::PersonSurname | Pos::PersonGiven | Pos::PersonName) => {
            (EntityType::Person, Confidence::Guess)
        }
        // A katakana word the dictionary does not know, with no cue: in
        // running text more often a foreign surname than a company.
        None if q.unknown => (EntityType::Person, Confidence::Guess),
        _ => (EntityType::Org, Confidence::Guess),
    }
}

/// Kanji (and other single-token) names from IPADIC tags; returns how many
/// pieces the name covers when one was proposed.
fn kanji_name(
    p: &[Piece<'_>],
    k: usize,
    person_end: &[bool],
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let q = &p[k];
    let pos = q.pos()?;
    if lists::ja_generic().contains(q.s) {
        return None;
    }
    let next = p.get(k + 1);
    // A two-kanji name before 時代 is a period (江戸時代, 明治時代), while
    // longer names keep theirs (新進党時代, 長崎水族館時代).
    if next.is_some_and(|n| n.s == "時代")
        && q.s.chars().count() == 2
        && q.s.chars().all(is_kanji)
        && matches!(
            pos,
            Pos::Place | Pos::Country | Pos::Organization | Pos::ProperNoun
        )
    {
        return Some(1);
    }
    if let Some(len) = kanji_person(p, k) {
        if !person_end[k + len - 1] {
            out.push(cand(
                p,
                k,
                k + len - 1,
                EntityType::Person,
                Confidence::Rule,
            ));
        }
        return Some(len);
    }
    match pos {
        // A surname or given name alone before a particle (遠藤は, 秀吉が):
        // a person mentioned by one name.
        Pos::PersonSurname | Pos::PersonGiven
            if q.s.chars().count() >= 2
                && q.s.chars().all(is_kanji)
                && next.is_none_or(|n| {
                    n.pos() == Some(Pos::Particle) || n.kind == Kind::Other(Pos::Symbol)
                })
                && !person_end[k] =>
        {
            out.push(cand(p, k, k, EntityType::Person, Confidence::Guess));
            Some(1)
        }
        Pos::PersonName if !person_end[k] => {
            out.push(cand(p, k, k, EntityType::Person, Confidence::Guess));
            Some(1)
        }
        Pos::Organization => {
            // Names and kanji nouns before an organisation's name belong to
            // it (航空自衛隊, 中華民国経済部), a country prefix does not.
            let mut i = k;
            // An organisation named inside another (北京臨時政府|内務省)
            // belongs to it when a name precedes it.
            let org_word = |i: usize| {
                i >= 2
                    && JA_ORG_SUFFIXES.contains(&p[i - 1].s)
                    && p[..i - 1].iter().any(Piece::name_like)
            };
            // A foreign country before a company written in katakana or
            // Latin letters says where it is from (韓国|サムスン電子); one
            // before a government body is part of it (中華民国|経済部), and
            // 日本 is part of a Japanese subsidiary's name.
            let foreign_company =
                q.s.chars()
                    .any(|c| is_katakana(c) || c.is_ascii_alphabetic());
            while i > 0
                && k - i < 4
                && (!generic(&p[i - 1]) || org_word(i))
                && !(p[i - 1].s.chars().count() == 1
                    && lists::ja_country_prefixes().contains(p[i - 1].s))
                && !(foreign_company
                    && p[i - 1].proper == Some(Pos::Country)
                    && p[i - 1].s != "日本")
                && (p[i - 1].name_like()
                    || (p[i - 1].pos() == Some(Pos::Noun)
                        && p[i - 1].s.chars().all(is_kanji)
                        && !is_temporal(p[i - 1].s)))
            {
                i -= 1;
            }
            let mut j = k;
            while p
                .get(j + 1)
                .is_some_and(|n| n.pos() == Some(Pos::Organization))
            {
                j += 1;
            }
            // The dictionary tags temples and shrines as organisations
            // (東大寺, 浄土寺); ANNOTATION.md makes them places.
            // Facilities too (種子島宇宙センター, 東京国立博物館).
            let facility = JA_FACILITY_SUFFIXES
                .iter()
                .any(|w| w.chars().count() >= 2 && q.s.len() > w.len() && q.s.ends_with(w));
            let ty = if i == k && j == k && (facility || SITES.iter().any(|w| q.s.ends_with(w))) {
                EntityType::Location
            } else {
                EntityType::Org
            };
            out.push(cand(p, i, j, ty, Confidence::Rule));
            Some(j - k + 1)
        }
        Pos::Country | Pos::Place => {
            // 日本人, 米系 are demonyms; 米 before a foreign name is a prefix.
            let demonym = next.is_some_and(|n| {
                matches!(
                    n.s,
                    "人" | "系" | "語" | "製" | "産" | "風" | "式" | "流" | "版"
                )
            });
            if demonym || country_prefix(p, k) || person_end[k] || !lone_kanji_place(p, k) {
                return Some(1);
            }
            let mut j = k;
            // 日米, 米中: two countries by their abbreviations, two places.
            let abbreviation = q.s.chars().count() == 1;
            // 東京都港区: places and their suffixes run together.
            while !abbreviation
                && p.get(j + 1).is_some_and(|n| {
                    matches!(n.pos(), Some(Pos::Place | Pos::Country))
                        || (n.pos() == Some(Pos::NounSuffix) && JA_PLACE_SUFFIXES.contains(&n.s))
                })
            {
                j += 1;
            }
            out.push(cand(p, k, j, EntityType::Location, Confidence::Rule));
            Some(j - k + 1)
        }
        Pos::ProperNoun if q.s.chars().count() >= 2 && !person_end[k] => {
            // A proper noun the dictionary keeps whole says what it is by
            // its last characters (日比谷公会堂, 〜戦争): facility, event.
            let ends = |list: &[&str]| {
                list.iter()
                    .any(|x| q.s.ends_with(x) && q.s.len() > x.len() + 3)
            };
            let ty = suffix_lists()
                .into_iter()
                .find(|(list, _)| ends(list))
                .map_or(EntityType::Org, |(_, ty)| ty);
            out.push(cand(p, k, k, ty, Confidence::Guess));
            Some(1)
        }
        _ => None,
    }
}

/// False for a one-kanji place tag that is not a place: IPADIC tags many
/// single kanji as places, which in running text are mostly the last
/// character of a personal name (内藤昌豊, 千奉植) or part of a word
/// (御仏). A country's one-character abbreviation (米, 韓) stands alone
/// or after a word such as 在 or 駐 (在米, 駐日), or beside another (日米).
fn lone_kanji_place(p: &[Piece<'_>], k: usize) -> bool {
    let q = &p[k];
    if q.s.chars().count() != 1 {
        return true;
    }
    let abbreviation = |s: &str| lists::ja_country_prefixes().contains(s) || s == "秦";
    if !abbreviation(q.s) {
        return false;
    }
    k == 0
        || !p[k - 1].s.chars().next_back().is_some_and(is_kanji)
        || abbreviation(p[k - 1].s)
        || matches!(
            p[k - 1].s,
            "在" | "駐"
                | "訪"
                | "対"
                | "来"
                | "渡"
                | "滞"
                | "親"
                | "反"
                | "全"
                | "知"
                | "離"
                | "南"
                | "北"
        )
}

/// A kanji personal name starting at piece `k`: a surname (or a place or
/// proper noun read as one, 兵庫慎司) followed by given-name or surname
/// tokens, with a given name among them or two surname tokens; returns the
/// number of pieces.
fn kanji_person(p: &[Piece<'_>], k: usize) -> Option<usize> {
    let first = p[k].pos()?;
    if !matches!(
        first,
        Pos::PersonSurname | Pos::Place | Pos::ProperNoun | Pos::PersonName
    ) || !p[k].s.chars().all(is_kanji)
    {
        return None;
    }
    let mut j = k + 1;
    let mut given = false;
    let mut surnames = usize::from(first == Pos::PersonSurname);
    while let Some(q) = p.get(j) {
        // A given name written in hiragana right after the surname ends
        // the name: 藤田|あかり, 西尾|えつ子.
        if j == k + 1
            && q.pos() == Some(Pos::PersonGiven)
            && q.s.chars().count() >= 2
            && q.s.chars().any(|c| matches!(c, 'ぁ'..='ゖ'))
            && q.s.chars().all(|c| is_kanji(c) || matches!(c, 'ぁ'..='ゖ'))
        {
            given = true;
            j += 1;
            break;
        }
        if !q.s.chars().all(is_kanji) || j - k >= 4 {
            break;
        }
        match q.pos() {
            Some(Pos::PersonGiven) => given = true,
            Some(Pos::PersonSurname) => surnames += 1,
            Some(Pos::PersonName) => {}
            // 茉里|奈: a given name's last character the dictionary lacks.
            Some(Pos::Unknown) if given && q.s.chars().count() == 1 => {
                j += 1;
                break;
            }
            // 有|造, 尚|政: a one-character given name and one more kanji
            // ending the compound are one two-character given name.
            Some(Pos::Noun)
                if given
                    && q.s.chars().count() == 1
                    && p[j - 1].s.chars().count() == 1
                    && j + 1 == p.len()
                    && !lists::ja_generic().contains(q.s) =>
            {
                j += 1;
                break;
            }
            // 志麻|子: the commonest ending of women's given names.
            Some(Pos::NounSuffix) if given && q.s == "子" => {
                j += 1;
                break;
            }
            _ => break,
        }
        j += 1;
    }
    let chars: usize = p[k..j].iter().map(|q| q.s.chars().count()).sum();
    if j > k + 1 && (given || surnames >= 2) && chars <= 6 {
        return Some(j - k);
    }
    surname_and_unread_given(p, k)
}

/// A kanji surname ending its compound with a given name the dictionary
/// reads as loose characters (永井|晴|二, 内藤|時|浩, 樺山|資|紀): the
/// surname tag, then two or three kanji in one-character pieces (or one
/// given-name token) and nothing else before the particle. Characters that
/// make a surname a family, school, shop or place (徳川家, 山田町, 中村屋)
/// are not given names.
fn surname_and_unread_given(p: &[Piece<'_>], k: usize) -> Option<usize> {
    const NOT_GIVEN: &[&str] = &[
        // Family, school, shop, side: 徳川家, 中村屋.
        "家", "派", "側", "邸", "流", "屋", "組", "氏", "様", "君", "殿", "陣", "軍", "勢", "系",
        "式", "型", "版", "賞", "杯", "戦", "族", "門", "王", "朝", "藩", "内", "外", "中", "後",
        "前", "間", "的", "性", "論", "学", "法", "説", "ら", "達", "等", "父", "母", "兄", "弟",
        "姉", "妹", "夫", "妻", // Places and bodies: 山田町, 鈴木商会.
        "線", "駅", "館", "寺", "城", "島", "橋", "港", "湖", "区", "市", "町", "村", "県", "郡",
        "府", "都", "道", "州", "国", "党", "会", "社", "部", "局", "課", "校", "院", "所", "庁",
        "省", "団", "隊",
        // Abbreviated company names (徳間音工, 日立造船), leaving the
        // characters common in given names too (銀二, 鉄平, 重信).
        "工", "電", "産", "商", "証", "薬", "化", "船", "機", "製", "通", "運", "急", "映", "放",
        "鋼", "業", "物",
        // Shops, homes and works: 山田店, 鈴木宅, 佐藤作, 高橋著, 田中丸.
        "店", "宅", "作", "著", "訳", "編", "談", "号", "丸", "方", "人", "字",
    ];
    let first = &p[k];
    if first.pos() != Some(Pos::PersonSurname)
        || first.s.chars().count() < 2
        || !first.s.chars().all(is_kanji)
    {
        return None;
    }
    let rest = &p[k + 1..];
    if rest.is_empty() || rest.len() > 3 {
        return None;
    }
    let chars: usize = rest.iter().map(|q| q.s.chars().count()).sum();
    let one_given = rest.len() == 1 && rest[0].pos() == Some(Pos::PersonGiven);
    if !(2..=3).contains(&chars) && !one_given {
        return None;
    }
    let loose = rest.iter().all(|q| {
        q.s.chars().all(is_kanji)
            && !NOT_GIVEN.contains(&q.s)
            && !lists::ja_generic().contains(q.s)
            && !is_temporal(q.s)
            && match q.pos() {
                Some(Pos::PersonGiven | Pos::PersonSurname | Pos::Unknown) => true,
                Some(Pos::Noun | Pos::NounSuffix | Pos::Number) => q.s.chars().count() == 1,
                _ => false,
            }
    });
    loose.then_some(rest.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One single-token piece per `(word, tag)`, over `text`, their
    /// concatenation.
    fn single_pieces<'t>(text: &'t str, words: &[(&str, Pos)]) -> Vec<Piece<'t>> {
        let mut at = 0;
        words
            .iter()
            .map(|&(w, pos)| {
                let piece = Piece::single(&text[at..at + w.len()], at, at + w.len(), pos);
                at += w.len();
                piece
            })
            .collect()
    }
    use proptest::prelude::*;

    /// Strings of the characters the fast paths tell apart: kanji, kana,
    /// Latin, joiners, punctuation, brackets and spaces, and any other.
    fn mixed_text() -> impl Strategy<Value = String> {
        let pick = prop_oneof![
            proptest::sample::select(
                "漢字々〆ヶ㐀アンマーｱﾞあん・＝AzＡ0９、。，．「」『』（）()【】 　-.é²"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            any::<char>(),
        ];
        proptest::collection::vec(pick, 0..8).prop_map(|cs| cs.into_iter().collect())
    }

    /// The tags that decide whether a token can continue a compound.
    fn some_pos() -> impl Strategy<Value = Pos> {
        proptest::sample::select(vec![
            Pos::Noun,
            Pos::Prefix,
            Pos::Adjective,
            Pos::Particle,
            Pos::Symbol,
            Pos::Unknown,
            Pos::PersonSurname,
            Pos::Number,
            Pos::NounSuffix,
        ])
    }

    proptest! {
        #[test]
        fn nominal_token_agrees_with_its_definition(pos in some_pos(), s in mixed_text()) {
            let adjectival = pos == Pos::Adjective && s.chars().all(is_kanji);
            let by_definition = (pos.is_noun() || pos == Pos::Prefix || adjectival)
                && s.chars().any(char::is_alphanumeric)
                && !s.chars().any(|c| {
                    c.is_whitespace() || "、。，．「」『』（）()【】".contains(c)
                });
            prop_assert_eq!(nominal_token(pos, &s), by_definition);
        }

        #[test]
        fn one_name_start_scan_serves_every_end(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "第", "全日本", "2025年", "同社", "米", "その後", "協会", "アップル", "東京",
                        "3", "新",
                    ]),
                    some_pos(),
                ),
                0..7,
            ),
        ) {
            let text: String = words.iter().map(|(w, _)| *w).collect();
            let p = single_pieces(&text, &words);
            let last = p.len().saturating_sub(1);
            let whole = name_start(&p, last, true);
            for k in 0..=last {
                prop_assert_eq!(name_start(&p, k, true), whole.min(k));
            }
        }

        #[test]
        fn one_piece_shortcut_agrees_with_the_rules(
            word in proptest::sample::select(vec![
                "発表", "2025", "徳島地方裁判所", "日本漫画家協会", "神奈川県", "協会", "県",
                "東京", "山田", "社長", "第", "全日本", "年", "国際会議", "科学委員会", "漢",
                "県博物館", "市美術館", "海洋博物館",
            ]),
            pos in proptest::sample::select(vec![
                Pos::Noun,
                Pos::NounSuffix,
                Pos::Number,
                Pos::Prefix,
                Pos::Adjective,
                Pos::Unknown,
                Pos::PersonSurname,
                Pos::Place,
                Pos::Organization,
                Pos::ProperNoun,
            ]),
            after in proptest::sample::select(vec!["", "は", "の", "氏", "社"]),
        ) {
            let text = format!("{word}{after}");
            let mut pieces = vec![Piece::single(word, 0, word.len(), pos)];
            if !after.is_empty() {
                pieces.push(Piece::single(after, word.len(), text.len(), Pos::Particle));
            }
            let known: Known<'_> = &|_| None;
            let (mut out, mut pending, mut person_end) = (Vec::new(), Vec::new(), Vec::new());
            chunk(&text, &pieces[..1], &pieces[1..], known, &mut person_end, &mut out, &mut pending);
            let (mut want, mut want_pending) = (Vec::new(), Vec::new());
            chunk_rules(
                &text,
                &pieces[..1],
                &pieces[1..],
                known,
                &mut person_end,
                &mut want,
                &mut want_pending,
            );
            prop_assert_eq!(out, want);
            prop_assert_eq!(pending, want_pending);
        }

        #[test]
        fn kanji_name_needs_a_name_tag(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "山田", "太郎", "東京", "時代", "協会", "米", "人", "子", "晴", "株式会社",
                        "アップル",
                    ]),
                    proptest::sample::select(vec![
                        Pos::PersonSurname,
                        Pos::PersonGiven,
                        Pos::PersonName,
                        Pos::Organization,
                        Pos::Country,
                        Pos::Place,
                        Pos::ProperNoun,
                        Pos::Number,
                        Pos::NounSuffix,
                        Pos::Noun,
                        Pos::Prefix,
                        Pos::Verb,
                        Pos::Adjective,
                        Pos::Adverb,
                        Pos::Particle,
                        Pos::AuxVerb,
                        Pos::Symbol,
                        Pos::Word,
                        Pos::Unknown,
                        Pos::Other,
                    ]),
                ),
                1..6,
            ),
        ) {
            let text: String = words.iter().map(|(w, _)| *w).collect();
            let p = single_pieces(&text, &words);
            let person_end = vec![false; p.len()];
            for (k, (_, pos)) in words.iter().enumerate() {
                let mut out = Vec::new();
                let found = kanji_name(&p, k, &person_end, &mut out);
                if !pos.is_proper() {
                    prop_assert!(found.is_none() && out.is_empty());
                }
            }
        }

        #[test]
        fn open_quote_found_as_by_a_char_search(s in mixed_text()) {
            prop_assert_eq!(find_open_quote(&s), s.find(['「', '『']));
        }
    }

    #[test]
    fn one_title_lookup_agrees_with_the_two_lists() {
        let words = lists::JA_PERSON_TITLES_STRONG
            .iter()
            .chain(lists::JA_PERSON_TITLES_OFFICE)
            .chain(&["山田", "会社", "", "CEO", "氏"]);
        for w in words {
            let piece = Piece::single(w, 0, w.len(), Pos::Noun);
            let by_lists = if lists::ja_titles_strong().contains(w) {
                Some(true)
            } else if lists::ja_titles_office().contains(w) {
                Some(false)
            } else {
                None
            };
            assert_eq!(title(&piece), by_lists, "{w}");
        }
    }

    #[test]
    fn suffix_filter_keeps_every_last_character() {
        let index = suffixes_by_last_char();
        for (c, list) in &index.by_last {
            assert_eq!(index.ending_in(*c), Some(list.as_slice()), "{c}");
        }
        // A character no suffix ends in is found in neither.
        for c in ['の', 'は', '田', 'a', '。'] {
            assert_eq!(index.ending_in(c), index.by_last.get(&c).map(Vec::as_slice));
        }
    }

    #[test]
    fn phone_numbers_found_without_collecting_groups() {
        let by_groups = |run: &str| {
            run.split_whitespace().any(|w| {
                let groups: Vec<&str> = w.split(['-', '－']).collect();
                groups.len() >= 3
                    && groups
                        .iter()
                        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
            })
        };
        for run in [
            "TEL 03-1234-5678",
            "0120-123-456",
            "03-1234",
            "GPT-4-turbo",
            "1-2-",
            "１-２-３",
            "03－1234－5678",
            "A 1-2-3 B",
            "",
        ] {
            assert_eq!(phone_like(run), by_groups(run), "{run}");
        }
    }

    #[test]
    fn loanwords_are_found_inside_longer_words() {
        assert!(loanword_automaton().is_some(), "LOANWORDS has a duplicate");
        assert!(vocabulary("オプトインシステム"));
        assert!(vocabulary("マネタイズモデル"));
        assert!(!vocabulary("ストックマーク"));
        assert!(!vocabulary("System"));
    }
}
