//! QUANTITY: a number with a unit or counter that is not money, percent,
//! date or time; durations. `10回`, `19団体`, `3つ`, `10ギガワット`,
//! `5年間`, `20秒`, `4年` (as in 4年以内), `19 organizations`,
//! `10 gigawatts`, `2nm`, `5ポイント`. No norm.
//!
//! A number directly after a capitalised word (`Sora 2`, `Gemini 3`) is a
//! version and never a quantity; ordinals (`第3回`, `3回目`) are not
//! quantities either.

use super::marks::{self, Mark};
use super::number::{english_scale, english_word, Numeral};
use super::text::{
    char_at, match_at, prev_char, skip_spaces, word_at, word_before, word_ends, Lexicon,
};
use super::{cand, Scan};
use crate::{Candidate, Confidence};
use kiji_core::EntityType;
use std::sync::OnceLock;

/// Japanese counters and units written right after the number.
const JA_COUNTERS: &[&str] = &[
    "回",
    "回線",
    "人",
    "名",
    "社",
    "団体",
    "台",
    "件",
    "個",
    "つ",
    "本",
    "枚",
    "冊",
    "機",
    "隻",
    "頭",
    "匹",
    "羽",
    "店",
    "店舗",
    "カ国",
    "か国",
    "ヶ国",
    "ケ国",
    "ヵ国",
    "箇国",
    "カ所",
    "か所",
    "ヶ所",
    "ケ所",
    "ヵ所",
    "箇所",
    "歳",
    "倍",
    "階",
    "軒",
    "校",
    "基",
    "棟",
    "戸",
    "票",
    "株",
    "品目",
    "項目",
    "種類",
    "段階",
    "世代",
    "作品",
    "点",
    "席",
    "議席",
    "曲",
    "話",
    "ページ",
    "語",
    "文字",
    "度",
    "ポイント",
    "人分",
    "着",
    "足",
    "組",
    "チーム",
    "拠点",
    "機種",
    "車種",
    "カ国・地域",
    "パラメータ",
    "パラメーター",
    "トークン",
    "ユーザー",
    "画素",
    "ピクセル",
    "フレーム",
    "コア",
    "ギガワット",
    "メガワット",
    "キロワット",
    "ワット",
    "ギガワット時",
    "キロワット時",
    "テラワット時",
    "ナノメートル",
    "マイクロメートル",
    "ミリメートル",
    "センチメートル",
    "キロメートル",
    "メートル",
    "キロ",
    "キログラム",
    "グラム",
    "トン",
    "リットル",
    "ガロン",
    "バレル",
    "ギガバイト",
    "テラバイト",
    "メガバイト",
    "ペタバイト",
    "ビット",
    "平方メートル",
    "平方キロメートル",
    "㎡",
    "ヘクタール",
    "坪",
    "マイル",
    "フィート",
    "インチ",
    "ヤード",
    "秒",
    "分",
    "時間",
    "日間",
    "週間",
    "週",
    "カ月",
    "ヶ月",
    "か月",
    "ケ月",
    "ヵ月",
    "箇月",
    "年間",
    "年",
    "世帯",
    "ヘルツ",
    "ギガヘルツ",
    "℃",
    "度C",
];

/// Counters that are safe after a numeral written in kanji only, where 一
/// and 十 often begin ordinary words (一本化, 一部, 十分, 一時, 一度).
const KANJI_SAFE: &[&str] = &[
    "つ", "人", "名", "回", "社", "件", "個", "冊", "匹", "頭", "隻", "機", "団体", "年間", "カ月",
    "ヶ月", "か月", "ケ月", "ヵ月", "週間", "日間", "時間", "秒", "カ国", "か国", "ヶ国", "ケ国",
    "歳", "倍", "店舗", "世代", "種類", "段階", "年",
];

/// Kanji that may follow a one-kanji counter after a kanji numeral:
/// qualifiers (一人以上, 三社超) and distributives (一人当たり).
const KANJI_AFTER_COUNTER: &[char] = &[
    '以', '超', '前', '後', '近', '余', '強', '弱', '程', '規', '相', '当', '中', '全', '未',
];

/// What may follow 年 and makes it a date, not a number of years.
const YEAR_IS_DATE: &[char] = &[
    '月', '度', '代', '前', '後', '生', '末', '初', '春', '夏', '秋', '冬', '第', '上', '下', '期',
    '頭', '始', '内',
];

/// Units written right after the number in Latin letters (`2nm`, `10GW`).
const GLUED_UNITS: &[&str] = &[
    "GW", "MW", "kW", "KW", "TW", "kWh", "MWh", "GWh", "TWh", "nm", "km", "cm", "mm", "kg", "GB",
    "TB", "MB", "PB", "Gbps", "Mbps", "GHz", "MHz", "mAh", "fps", "km/h", "mph",
];

/// English units after a space.
const EN_UNITS: &[&str] = &[
    "GW",
    "MW",
    "kW",
    "TW",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "nm",
    "km",
    "cm",
    "mm",
    "kg",
    "GB",
    "TB",
    "MB",
    "PB",
    "gigawatt",
    "gigawatts",
    "megawatt",
    "megawatts",
    "kilowatt",
    "kilowatts",
    "nanometer",
    "nanometers",
    "nanometre",
    "nanometres",
    "percentage points",
    "percentage point",
    "basis points",
    "people",
    "staff",
    "children",
    "men",
    "women",
    "feet",
    "personnel",
];

/// Singular time units, only after one (`1 second`, not `2 day`).
const EN_SINGULAR: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade",
];

/// Words ending in `s` that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "as",
    "has",
    "was",
    "does",
    "yes",
    "its",
    "this",
    "perhaps",
    "always",
    "sometimes",
    "towards",
    "afterwards",
    "besides",
    "whereas",
    "thus",
    "hers",
    "ours",
    "yours",
    "theirs",
    "whose",
    "news",
    "series",
    "goes",
    "says",
    "makes",
    "means",
    "comes",
    "gives",
    "takes",
    "shows",
    "seems",
    "remains",
    "includes",
    "becomes",
    "needs",
    "wants",
    "gets",
    "puts",
    "plans",
    "uses",
    "runs",
    "aims",
    "helps",
    "lets",
    "looks",
    "works",
    "adds",
    "calls",
    "asks",
    "leads",
    "keeps",
    "holds",
    "brings",
    "allows",
    "claims",
    "expects",
    "reports",
    "points",
    "percent",
    "others",
];

/// Function words that may stand capitalised before a number without
/// making it a version (`In 2015`, `About 20 people`).
const CAPITAL_OK: &[&str] = &[
    "The",
    "In",
    "About",
    "Around",
    "Over",
    "Some",
    "Nearly",
    "Almost",
    "Only",
    "All",
    "Of",
    "With",
    "For",
    "By",
    "At",
    "On",
    "And",
    "But",
    "Approximately",
    "More",
    "Up",
    "Just",
    "Roughly",
    "Another",
    "Those",
    "These",
    "Its",
    "Their",
    "Our",
    "After",
    "Before",
    "Within",
    "Than",
    "To",
    "From",
    "Since",
    "Last",
    "Next",
    "First",
    "Past",
    "Top",
];

/// Proposes QUANTITY candidates.
pub fn propose(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    for n in &sc.nums {
        if let Some(c) = japanese(sc.text, n).or_else(|| english(sc.text, n)) {
            out.push(c);
        }
    }
    english_words(sc.text, &sc.marks, out);
}

/// True when the numeral is an ordinal (第3回) or the version of a product
/// name (Sora 2, Gemini 3).
fn is_ordinal_or_version(text: &str, n: &Numeral) -> bool {
    if prev_char(text, n.start) == Some('第') {
        return true;
    }
    version_before(text, n.start)
}

/// A capitalised word (or one with a digit) right before: a product version.
fn version_before(text: &str, start: usize) -> bool {
    if prev_char(text, start).is_some_and(|c| c == '#' || c == '.') {
        return true;
    }
    let Some((ws, w)) = word_before(text, start) else {
        return false;
    };
    let spaced = text[..start].ends_with(' ');
    if !spaced {
        return false;
    }
    // Skip a word that ends a sentence (`… in Japan. 19 organizations`).
    let _ = ws;
    w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && !CAPITAL_OK.contains(&w)
}

fn japanese(text: &str, n: &Numeral) -> Option<Candidate> {
    // Asked after every numeral: indexed by first character.
    static COUNTERS: OnceLock<Lexicon> = OnceLock::new();
    let counters = COUNTERS.get_or_init(|| Lexicon::new(JA_COUNTERS, false));
    let (mut end, k) = counters.find(text, n.end, false)?;
    let counter = JA_COUNTERS[k];
    if is_ordinal_or_version(text, n) || text[end..].starts_with('目') {
        return None;
    }
    // 1株当たり, 1人あたり: "per share", "per person", no quantity (like
    // 1日 in 1日30回まで, ANNOTATION.md).
    if n.int() == Some(1)
        && ["当たり", "あたり", "当り"]
            .iter()
            .any(|w| text[end..].starts_with(w))
    {
        return None;
    }
    // Latin units must end there (`5GB` yes, `5GBps` handled, `5Gen` no).
    if counter.is_ascii() && !word_ends(text, end) {
        return None;
    }
    // A katakana unit is not the head of a longer katakana word
    // (ミス・ユニバース2008ページェント).
    let kana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}');
    if counter.chars().last().is_some_and(kana)
        && char_at(text, end).is_some_and(|c| kana(c) && c != 'ー')
    {
        return None;
    }
    let next_is_kanji = char_at(text, end)
        .is_some_and(|c| super::number::is_kanji(c) && !KANJI_AFTER_COUNTER.contains(&c));
    let one_kanji = counter.chars().count() == 1 && counter != "つ";
    // 1998本大会: a year before a word, not 1998 sticks.
    if n.plain && n.chars == 4 && one_kanji && next_is_kanji {
        return None;
    }
    // 1回戦 is a round, not a number of times.
    if counter == "回" && text[end..].starts_with('戦') {
        return None;
    }
    if n.kanji_only()
        && !n.vague
        && (!KANJI_SAFE.contains(&counter) || (one_kanji && next_is_kanji))
    {
        return None;
    }
    match counter {
        "つ" if !n.int().is_some_and(|v| (1..=9).contains(&v)) => return None,
        "年" => {
            let four_digits = n.plain && n.chars == 4;
            if four_digits || n.kanji_only() && n.chars >= 4 {
                return None;
            }
            if char_at(text, end).is_some_and(|c| YEAR_IS_DATE.contains(&c)) {
                return None;
            }
            // 令和7年 is a year of an era.
            if super::date::era_before(text, n.start).is_some() {
                return None;
            }
        }
        // 15時30分 is a clock time, 3分の1 a fraction.
        "分" if prev_char(text, n.start) == Some('時') || text[end..].starts_with('の') => {
            return None
        }
        "週" if text[end..].starts_with('末') => return None,
        _ => {}
    }
    if is_duration(counter) && text[end..].starts_with('半') {
        // 1年半, 2時間半: and a half.
        end += '半'.len_utf8();
    } else if is_duration(counter) {
        // 3時間30分, 1年3カ月: one duration written in two units.
        if let Some(m) = super::number::parse_at(text, end) {
            if let Some((e2, k2)) = match_at(text, m.end, JA_COUNTERS, false, false) {
                if is_duration(JA_COUNTERS[k2])
                    && JA_COUNTERS[k2] != counter
                    && m.arabic == n.arabic
                {
                    end = e2;
                }
            }
        }
    }
    let conf = if n.kanji_only() {
        Confidence::Rule
    } else {
        Confidence::Known
    };
    Some(cand(n.start, end, EntityType::Quantity, None, conf))
}

fn is_duration(counter: &str) -> bool {
    matches!(
        counter,
        "年" | "年間"
            | "カ月"
            | "ヶ月"
            | "か月"
            | "ケ月"
            | "ヵ月"
            | "箇月"
            | "週間"
            | "日間"
            | "時間"
            | "分"
            | "秒"
    )
}

/// `19 organizations`, `10 gigawatts`, `2nm`, `5 million users`.
fn english(text: &str, n: &Numeral) -> Option<Candidate> {
    if !n.arabic || is_ordinal_or_version(text, n) {
        return None;
    }
    // 100 000: the second group of a number written with a space.
    if n.plain && n.chars > 1 && text[n.start..].starts_with('0') {
        return None;
    }
    if let Some((e, _)) = match_at(text, n.end, GLUED_UNITS, false, true) {
        return Some(cand(
            n.start,
            e,
            EntityType::Quantity,
            None,
            Confidence::Known,
        ));
    }
    let after_scale = english_scale(text, n.end, false).map_or(n.end, |s| s.0);
    let at = skip_spaces(text, after_scale, 1);
    if at == after_scale {
        return None;
    }
    // A year (in 2015 companies …) is left to DATE.
    if n.plain && n.chars == 4 && n.int().is_some_and(|y| (1900..=2099).contains(&y)) {
        return None;
    }
    if n.int() == Some(1) {
        if let Some((e, _)) = match_at(text, at, EN_SINGULAR, false, true) {
            return Some(cand(
                n.start,
                e,
                EntityType::Quantity,
                None,
                Confidence::Rule,
            ));
        }
    }
    unit_after(text, at).map(|e| cand(n.start, e, EntityType::Quantity, None, Confidence::Rule))
}

/// End of an English unit or plural noun starting at `at`.
fn unit_after(text: &str, at: usize) -> Option<usize> {
    if let Some((e, _)) = match_at(text, at, EN_UNITS, false, true) {
        return Some(e);
    }
    let (e, w) = word_at(text, at)?;
    let plural = w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !NOT_PLURAL.contains(&w);
    // "companies-" or "organizations–including" still end the word.
    plural.then_some(e)
}

/// `two companies`, `Three years`: number words before a plural noun.
fn english_words(text: &str, starts: &[Mark], out: &mut Vec<Candidate>) {
    for m in starts.iter().filter(|m| m.kinds & marks::NUMBER_WORD != 0) {
        let i = m.pos;
        let Some((e, w)) = word_at(text, i) else {
            continue;
        };
        // forty-five: only whole number words.
        let hyphenated = prev_char(text, i) == Some('-') || text[e..].starts_with('-');
        if hyphenated || english_word(w).is_none_or(|v| v < 2) || version_before(text, i) {
            continue;
        }
        let at = skip_spaces(text, e, 1);
        if at == e {
            continue;
        }
        if let Some(end) = unit_after(text, at) {
            out.push(cand(i, end, EntityType::Quantity, None, Confidence::Rule));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use kiji_core::EntityType::Quantity;

    #[test]
    fn quantity_spans() {
        let cases: &[(&str, &[&str])] = &[
            ("10回の動画生成", &["10回"]),
            ("1日30回まで", &["30回"]),
            ("1株当たり配当は45円", &[]),
            ("一人当たり3冊", &["3冊"]),
            ("19団体が", &["19団体"]),
            ("また1つ、", &["1つ"]),
            ("二つの大きな", &["二つ"]),
            ("プロンプト一つで", &["一つ"]),
            ("投資家の一人だった", &["一人"]),
            ("10ギガワットの", &["10ギガワット"]),
            ("最大20秒の動画", &["20秒"]),
            ("5年間で", &["5年間"]),
            ("4年以内に", &["4年"]),
            ("20年近く", &["20年"]),
            ("2015年に", &[]),
            ("令和7年に", &[]),
            ("25年3月期", &[]),
            ("3時間30分", &["3時間30分"]),
            ("15時30分", &[]),
            ("3分の1", &[]),
            ("十分にある", &[]),
            ("一本化", &[]),
            ("一部の企業", &[]),
            ("一時的に", &[]),
            ("統一人事", &[]),
            ("同一人物", &[]),
            ("第3回", &[]),
            ("3回目", &[]),
            ("10万人", &["10万人"]),
            ("800万回線を突破", &["800万回線"]),
            ("数十社", &["数十社"]),
            ("数社が", &["数社"]),
            ("3次元空間", &[]),
            ("30カ国", &["30カ国"]),
            ("5ヶ月", &["5ヶ月"]),
            ("3倍に", &["3倍"]),
            ("2nmプロセス", &["2nm"]),
            ("100MWの", &["100MW"]),
            ("4Kテレビ", &[]),
            ("5G通信", &[]),
            ("8VC企業", &[]),
            ("19 organizations–including", &["19 organizations"]),
            ("10 gigawatts of", &["10 gigawatts"]),
            ("20 seconds", &["20 seconds"]),
            ("5 years", &["5 years"]),
            ("100 employees", &["100 employees"]),
            ("5 million users", &["5 million users"]),
            ("2 nm chips", &["2 nm"]),
            ("two companies", &["two companies"]),
            ("Three years", &["Three years"]),
            ("Sora 2 models", &[]),
            ("Gemini 3 is", &[]),
            ("Sora 2 is OpenAI's", &[]),
            ("COVID-19 cases", &[]),
            ("the 3 is", &[]),
            ("5 percentage points", &["5 percentage points"]),
            ("3ポイント上昇", &["3ポイント"]),
            ("ミス・ユニバース2008ページェント", &[]),
            ("アラブカップ1998本大会", &[]),
            ("リーグ1部で優勝", &[]),
            ("1回戦で", &[]),
            ("約1年半ぶり", &["1年半"]),
            ("2時間半", &["2時間半"]),
            ("forty-five miles", &[]),
            ("100 000 devices", &[]),
            ("spent 2 1/2 years", &[]),
            ("1 day", &["1 day"]),
            ("2 day at", &[]),
            ("Two others died", &[]),
            ("in 2015 companies", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(&str, Option<&str>)> = want.iter().map(|w| (*w, None)).collect();
            run(text, None, &[Quantity], &want);
        }
    }
}
