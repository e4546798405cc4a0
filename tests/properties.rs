//! Property tests: the whole per-document pipeline on arbitrary Unicode.
//!
//! Whatever the text, every span (entities and sentences) lies inside it,
//! on character boundaries, its code point offsets agree with its byte
//! offsets, an entity's `text` is exactly the substring at its offsets, and
//! entities come in text order without overlapping.
//!
//! Fully random strings rarely contain anything a recogniser reacts to, so
//! the strategy mixes random characters with the scripts, digits, currency
//! symbols, punctuation and words of mixed Japanese/English news.

use std::sync::OnceLock;

use kiji::pipeline::{Pipeline, PipelineConfig};
use kiji_core::{Analysis, Document, Span};
use proptest::prelude::*;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&PipelineConfig::default()).expect("pipeline builds"))
}

/// Words and pieces that recognisers react to.
const PIECES: &[&str] = &[
    "トヨタ自動車",
    "東京",
    "大阪府",
    "イーロン・マスク",
    "Elon Musk",
    "Sony",
    "OpenAI",
    "株式会社",
    "社長",
    "氏",
    "は",
    "の",
    "が",
    "を",
    "と",
    "。",
    "、",
    ". ",
    "! ",
    "? ",
    "\n",
    "\r\n",
    " ",
    "\u{3000}",
    "「",
    "」",
    "2024年",
    "3月",
    "10日",
    "令和6年",
    "昨年",
    "午後3時",
    "15:30",
    "974億ドル",
    "1万円",
    "¥1,000",
    "$5 billion",
    "€3.5m",
    "£",
    "￥",
    "3.5%",
    "５０％",
    "〜",
    "~",
    "-",
    "−",
    "から",
    "約",
    "以上",
    "万",
    "億",
    "兆",
    "千",
    "百",
    "十",
    "一",
    "二",
    "三",
    "March 3, 2024",
    "Monday",
    "Mr. ",
    "U.S.",
    "km",
    "人",
    "台",
    "個",
    "第",
    "\u{FFFD}",
    "\u{200B}",
    "\u{0301}",
    "🎌",
    "𠮷",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => prop::char::ranges(vec!['0'..='9', '０'..='９'].into()).prop_map(String::from),
        2 => prop::char::ranges(vec!['ぁ'..='ゖ', 'ァ'..='ヺ', 'ー'..='ー'].into())
            .prop_map(String::from),
        1 => prop::char::range('一', '龥').prop_map(String::from),
        2 => prop::char::ranges(vec!['a'..='z', 'A'..='Z'].into()).prop_map(String::from),
        1 => prop::sample::select(&['$', '¥', '€', '£', '￥', '%', '％', '.', ',', '，', '．', ':', '／', '/'][..])
            .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|v| v.concat())
}

fn analyse(text: &str, date: Option<&str>) -> Analysis {
    let p = pipeline();
    let mut st = p.thread_state();
    let mut doc = Document::new("prop", text);
    if let Some(d) = date {
        doc.metadata.insert("date".into(), d.into());
    }
    p.analyse(&mut st, doc)
}

/// The span lies inside `text`, on character boundaries, and its code point
/// offsets agree with its byte offsets.
fn check_span(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.byte_start <= s.byte_end, "{what}: reversed {s:?}");
    prop_assert!(s.byte_end <= text.len(), "{what}: outside {s:?}");
    prop_assert!(text.is_char_boundary(s.byte_start), "{what}: {s:?}");
    prop_assert!(text.is_char_boundary(s.byte_end), "{what}: {s:?}");
    prop_assert_eq!(s.start, text[..s.byte_start].chars().count(), "{}", what);
    prop_assert_eq!(
        s.end - s.start,
        text[s.byte_start..s.byte_end].chars().count(),
        "{}",
        what
    );
    Ok(())
}

fn check(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.doc.text, text);
    prop_assert!(a.error.is_none(), "error: {:?}", a.error);
    let mut prev_end = 0;
    for s in &a.sentences {
        check_span(text, s.span, "sentence")?;
        prop_assert!(s.span.byte_start >= prev_end, "sentences overlap");
        prev_end = s.span.byte_end;
    }
    let mut prev_end = 0;
    for e in &a.entities {
        let what = format!("{} {:?}", e.ty, e.text);
        check_span(text, e.span(), &what)?;
        prop_assert!(e.byte_start < e.byte_end, "{what}: empty");
        prop_assert_eq!(&text[e.byte_start..e.byte_end], e.text.as_str());
        prop_assert!(
            e.byte_start >= prev_end,
            "{what} at {} overlaps the previous entity ending at {prev_end}",
            e.byte_start
        );
        prev_end = e.byte_end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_exact_on_mixed_news_text(t in text(), dated in any::<bool>()) {
        let a = analyse(&t, dated.then_some("2025-02-10"));
        check(&t, &a)?;
    }

    #[test]
    fn spans_are_exact_on_any_unicode(t in any::<String>()) {
        let a = analyse(&t, None);
        check(&t, &a)?;
    }
}
