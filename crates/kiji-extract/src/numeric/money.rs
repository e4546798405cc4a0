//! MONEY: an amount with a currency, written with a symbol or code before
//! (`$4`, `US$5 million`, `¥500`, `USD 10`) or a currency word after
//! (`974億ドル`, `154円80銭`, `3.5 billion dollars`, `10 EUR`), and vague
//! amounts (`数十億ドル`, `several billion dollars`) without a norm.

use super::marks::{self, Mark};
use super::number::{english_scale, parse_at, Dec, Numeral};
use super::text::{
    column, match_at, match_before, skip_spaces, skip_spaces_back, word_starts, FirstWords, Lexicon,
};
use super::{cand, Scan};
use crate::{Candidate, Confidence};
use kiji_core::EntityType;
use std::sync::OnceLock;

/// Symbols and codes written before the amount, with their ISO code.
const PREFIX: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("US＄", "USD"),
    ("U.S.$", "USD"),
    ("$", "USD"),
    ("＄", "USD"),
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("S$", "SGD"),
    ("NT$", "TWD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("¥", "JPY"),
    ("￥", "JPY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
];

/// ISO codes accepted before or after the amount.
const CODES: &[&str] = &[
    "USD", "JPY", "EUR", "CNY", "RMB", "KRW", "GBP", "AUD", "CAD", "CHF", "HKD", "INR", "SGD",
    "TWD", "NZD", "BRL", "RUB", "MXN", "THB",
];

/// The words of [`JA_SUFFIX`] and [`EN_SUFFIX`], for [`match_at`].
static JA_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
static EN_WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Currency words written after the amount (Japanese, glued).
const JA_SUFFIX: &[(&str, &str)] = &[
    ("円", "JPY"),
    ("ドル", "USD"),
    ("米ドル", "USD"),
    ("米国ドル", "USD"),
    ("USドル", "USD"),
    ("豪ドル", "AUD"),
    ("オーストラリアドル", "AUD"),
    ("香港ドル", "HKD"),
    ("カナダドル", "CAD"),
    ("加ドル", "CAD"),
    ("シンガポールドル", "SGD"),
    ("台湾ドル", "TWD"),
    ("ニュージーランドドル", "NZD"),
    ("NZドル", "NZD"),
    ("ユーロ", "EUR"),
    ("元", "CNY"),
    ("人民元", "CNY"),
    ("ウォン", "KRW"),
    ("ポンド", "GBP"),
    ("英ポンド", "GBP"),
    ("ルピー", "INR"),
    ("スイスフラン", "CHF"),
    ("フラン", "CHF"),
    ("ルーブル", "RUB"),
    ("ルーブリ", "RUB"),
    ("レアル", "BRL"),
    ("バーツ", "THB"),
    ("ペソ", "MXN"),
    ("リンギット", "MYR"),
    ("ルピア", "IDR"),
    ("ドン", "VND"),
];

/// Currency words written after the amount (English, after a space).
const EN_SUFFIX: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("US dollars", "USD"),
    ("U.S. dollars", "USD"),
    ("Australian dollars", "AUD"),
    ("Canadian dollars", "CAD"),
    ("Hong Kong dollars", "HKD"),
    ("Singapore dollars", "SGD"),
    ("Taiwan dollars", "TWD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("won", "KRW"),
    ("pounds sterling", "GBP"),
    ("rupees", "INR"),
    ("Swiss francs", "CHF"),
    ("francs", "CHF"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
];

/// Proposes MONEY candidates.
pub fn propose(sc: &Scan<'_>, out: &mut Vec<Candidate>) {
    for n in &sc.nums {
        if let Some(c) = with_prefix(sc.text, n) {
            out.push(c);
        }
        if let Some(c) = with_suffix(sc.text, n) {
            out.push(c);
        }
    }
    vague_english(sc.text, &sc.marks, out);
}

/// The amount with an English scale after it: (end, value).
fn scaled(text: &str, n: &Numeral, short: bool) -> (usize, Option<Dec>) {
    match english_scale(text, n.end, short) {
        Some((end, p)) => (end, n.value.and_then(|v| v.mul_pow10(p))),
        None => (n.end, n.value),
    }
}

fn norm(value: Option<Dec>, code: &str) -> Option<String> {
    value.map(|v| format!("{v} {code}"))
}

/// `$4`, `US$5 million`, `€3.5bn`, `USD 10`.
fn with_prefix(text: &str, n: &Numeral) -> Option<Candidate> {
    if !n.arabic {
        return None;
    }
    let at = skip_spaces_back(text, n.start, 1);
    static SYMBOLS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let symbols = column(&SYMBOLS, PREFIX);
    let (start, code) = if let Some((s, k)) = match_before(text, n.start, symbols, false) {
        (s, PREFIX[k].1)
    } else if let Some((s, k)) = match_before(text, at, CODES, false) {
        if !word_starts(text, s) {
            return None;
        }
        (s, CODES[k])
    } else {
        return None;
    };
    let (end, value) = scaled(text, n, true);
    let mut c = cand(
        start,
        end,
        EntityType::Money,
        norm(value, code),
        Confidence::Known,
    );
    if n.vague {
        c.norm = None;
    }
    Some(c)
}

/// `974億ドル`, `154円80銭`, `3.5 billion dollars`, `100 USD`, `数十億ドル`.
fn with_suffix(text: &str, n: &Numeral) -> Option<Candidate> {
    let (after_scale, value) = scaled(text, n, false);
    // Asked after every numeral: indexed by first character.
    static LEXICONS: OnceLock<[Lexicon; 3]> = OnceLock::new();
    let [ja, en, codes] = LEXICONS.get_or_init(|| {
        [
            Lexicon::new(column(&JA_WORDS, JA_SUFFIX), false),
            Lexicon::new(column(&EN_WORDS, EN_SUFFIX), true),
            Lexicon::new(CODES, false),
        ]
    });
    let (end, code) = if let Some((e, k)) = ja.find(text, after_scale, false) {
        if after_scale != n.end {
            // "3 billion円" is not written.
            return None;
        }
        (e, JA_SUFFIX[k].1)
    } else {
        let at = skip_spaces(text, after_scale, 1);
        if let Some((e, k)) = en.find(text, at, true).filter(|_| at > after_scale) {
            (e, EN_SUFFIX[k].1)
        } else if let Some((e, k)) = codes.find(text, at, true) {
            (e, CODES[k])
        } else {
            return None;
        }
    };
    let mut end = end;
    let mut value = value;
    if code == "JPY" && text[after_scale..end].ends_with('円') {
        // 154円80銭: sen are hundredths of a yen.
        if let Some(sen) = parse_at(text, end).filter(|s| s.arabic || s.value.is_some()) {
            if text[sen.end..].starts_with('銭') {
                value = value
                    .zip(sen.value.and_then(|s| s.div_pow10(2)))
                    .and_then(|(v, s)| v.plus(s));
                end = sen.end + '銭'.len_utf8();
            }
        }
    }
    // 元 is also "former" and "origin": only after a clear amount.
    if code == "CNY" && text[n.end..end].starts_with('元') && n.kanji_only() && !n.vague {
        return None;
    }
    let conf = if n.kanji_only() && n.chars == 1 && !n.vague {
        Confidence::Rule
    } else {
        Confidence::Known
    };
    let norm = if n.vague { None } else { norm(value, code) };
    Some(cand(n.start, end, EntityType::Money, norm, conf))
}

/// Heads of vague amounts that still need a scale word after them.
const NEED_SCALE: &[&str] = &["several", "a few", "tens of", "hundreds of"];
/// Heads of vague amounts that are a scale themselves.
const SCALED: &[&str] = &["billions of", "millions of", "trillions of"];

/// The first words of the heads of vague amounts: the words where
/// [`vague_english`] may find one (its [`marks::MONEY_WORD`] marks).
pub(super) fn vague_firsts() -> &'static FirstWords {
    static FIRST: OnceLock<FirstWords> = OnceLock::new();
    FIRST.get_or_init(|| FirstWords::of(&[NEED_SCALE, SCALED]))
}

/// `several billion dollars`, `billions of dollars`, `tens of millions of
/// euros`: vague amounts, no norm.
fn vague_english(text: &str, starts: &[Mark], out: &mut Vec<Candidate>) {
    const SCALES: &[&str] = &[
        "billion",
        "million",
        "trillion",
        "billions of",
        "millions of",
        "trillions of",
    ];
    let en = column(&EN_WORDS, EN_SUFFIX);
    for m in starts.iter().filter(|m| m.kinds & marks::MONEY_WORD != 0) {
        let i = m.pos;
        let j = if let Some((e, _)) = match_at(text, i, NEED_SCALE, true, true) {
            match match_at(text, skip_spaces(text, e, 1), SCALES, true, true) {
                Some((e2, _)) => e2,
                None => continue,
            }
        } else if let Some((e, _)) = match_at(text, i, SCALED, true, true) {
            e
        } else {
            continue;
        };
        if let Some((e3, _)) = match_at(text, skip_spaces(text, j, 1), en, true, true) {
            out.push(cand(i, e3, EntityType::Money, None, Confidence::Known));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, Case};
    use kiji_core::EntityType::Money;

    #[test]
    fn money_spans_and_norms() {
        let cases: &[Case] = &[
            ("4ドルで提供", &[("4ドル", Some("4 USD"))]),
            ("974億ドルで買収", &[("974億ドル", Some("97400000000 USD"))]),
            (
                "97億4000万ドルで",
                &[("97億4000万ドル", Some("9740000000 USD"))],
            ),
            (
                "1,000億ドルで",
                &[("1,000億ドル", Some("100000000000 USD"))],
            ),
            (
                "約130億ドル以上の投資",
                &[("130億ドル", Some("13000000000 USD"))],
            ),
            (
                "5000億ドル規模",
                &[("5000億ドル", Some("500000000000 USD"))],
            ),
            ("1兆円", &[("1兆円", Some("1000000000000 JPY"))]),
            (
                "1ドル＝154円80銭",
                &[("1ドル", Some("1 USD")), ("154円80銭", Some("154.8 JPY"))],
            ),
            ("数十億ドル規模", &[("数十億ドル", None)]),
            ("数億ドル", &[("数億ドル", None)]),
            ("何兆ドルも", &[("何兆ドル", None)]),
            ("数百万円", &[("数百万円", None)]),
            ("三百億円", &[("三百億円", Some("30000000000 JPY"))]),
            ("１２０万米ドル", &[("１２０万米ドル", Some("1200000 USD"))]),
            ("50億豪ドル", &[("50億豪ドル", Some("5000000000 AUD"))]),
            ("10億香港ドル", &[("10億香港ドル", Some("1000000000 HKD"))]),
            ("300億ユーロ", &[("300億ユーロ", Some("30000000000 EUR"))]),
            ("100万人民元", &[("100万人民元", Some("1000000 CNY"))]),
            ("5000ウォン", &[("5000ウォン", Some("5000 KRW"))]),
            ("paid $4 for it", &[("$4", Some("4 USD"))]),
            (
                "a $3.5 billion deal",
                &[("$3.5 billion", Some("3500000000 USD"))],
            ),
            ("worth $97.4bn.", &[("$97.4bn", Some("97400000000 USD"))]),
            (
                "3.5 billion dollars",
                &[("3.5 billion dollars", Some("3500000000 USD"))],
            ),
            ("US$5 million", &[("US$5 million", Some("5000000 USD"))]),
            ("¥500 coin", &[("¥500", Some("500 JPY"))]),
            ("￥1,200", &[("￥1,200", Some("1200 JPY"))]),
            ("€20m fine", &[("€20m", Some("20000000 EUR"))]),
            (
                "£1.5 trillion",
                &[("£1.5 trillion", Some("1500000000000 GBP"))],
            ),
            (
                "USD 10 million",
                &[("USD 10 million", Some("10000000 USD"))],
            ),
            (
                "10 million USD",
                &[("10 million USD", Some("10000000 USD"))],
            ),
            ("100 EUR", &[("100 EUR", Some("100 EUR"))]),
            ("500 yen", &[("500 yen", Some("500 JPY"))]),
            (
                "several billion dollars",
                &[("several billion dollars", None)],
            ),
            ("billions of dollars", &[("billions of dollars", None)]),
            (
                "tens of billions of dollars",
                &[("tens of billions of dollars", None)],
            ),
            ("元社長", &[]),
            ("円安が進む", &[]),
            ("3 dollarsign", &[]),
            (
                "9999999999999999兆円",
                &[(
                    "9999999999999999兆円",
                    Some("9999999999999999000000000000 JPY"),
                )],
            ),
            (
                "99999999999999999999999999999999999999999円",
                &[("99999999999999999999999999999999999999999円", None)],
            ),
        ];
        for (text, want) in cases {
            run(text, None, &[Money], want);
        }
    }
}
