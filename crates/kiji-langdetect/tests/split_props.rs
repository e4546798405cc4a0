//! Properties of `split_sentences` and `analyse` that hold for any input.

use kiji_core::OffsetMap;
use kiji_langdetect::{analyse, split_sentences, MAX_SENTENCE_CHARS};
use proptest::prelude::*;

/// Text drawn from the characters the splitter treats specially, mixed with
/// arbitrary Unicode, so that terminators, brackets and spaces meet often.
fn texty() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '。', '！', '？', '!', '?', '.', '…', '「', '」', '（', '）', '(', ')', '"', '”', ' ',
        '\u{3000}', '\n', '\r', 'A', 'a', 'Z', '1', 'あ', '漢', 'U', 'S', '\u{200B}',
    ]);
    prop::collection::vec(prop_oneof![special, any::<char>()], 0..300)
        .prop_map(|chars| chars.into_iter().collect())
}

/// What may lie between sentences: white space and zero-width characters.
fn is_gap_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let ranges = split_sentences(text);
    let mut prev_end = 0;
    for r in &ranges {
        prop_assert!(r.start >= prev_end, "ordered, non-overlapping: {ranges:?}");
        prop_assert!(r.start < r.end, "non-empty: {r:?}");
        prop_assert!(r.end <= text.len(), "in bounds: {r:?}");
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s.trim(), s, "trimmed");
        prop_assert!(s.chars().count() <= MAX_SENTENCE_CHARS);
        prev_end = r.end;
    }
    // Nothing but white space is left out.
    let mut covered = 0;
    for r in &ranges {
        let gap = &text[covered..r.start];
        prop_assert!(gap.chars().all(is_gap_char));
        covered = r.end;
    }
    let gap = &text[covered..];
    prop_assert!(gap.chars().all(is_gap_char));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn ranges_are_well_formed_on_any_unicode(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn ranges_are_well_formed_on_punctuation_heavy_text(text in texty()) {
        check(&text)?;
    }

    #[test]
    fn analyse_spans_match_split_and_shares_sum_to_one(text in texty()) {
        let detected = analyse(&text, &OffsetMap::new(&text));
        let ranges = split_sentences(&text);
        prop_assert_eq!(detected.sentences.len(), ranges.len());
        for (s, r) in detected.sentences.iter().zip(&ranges) {
            prop_assert_eq!(s.span.byte_start..s.span.byte_end, r.clone());
            prop_assert_eq!(s.span.start, text[..r.start].chars().count());
            prop_assert_eq!(s.span.len(), text[r.clone()].chars().count());
        }
        if detected.shares.is_empty() {
            prop_assert!(detected.lang.is_und());
        } else {
            let sum: f64 = detected.shares.iter().map(|s| s.share).sum();
            prop_assert!((sum - 1.0).abs() < 1e-9, "sum {sum}");
            prop_assert!(detected.shares.windows(2).all(|w| w[0].share >= w[1].share));
            prop_assert_eq!(detected.lang, detected.shares[0].lang);
        }
    }
}
