//! `decode` takes any bytes: it never panics and accounts for every
//! replacement it makes.

use encoding_rs::{EUC_JP, ISO_2022_JP, SHIFT_JIS, UTF_8};
use kiji_ingest::decode;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn decode_never_panics_and_counts_replacements(
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
        forced in prop_oneof![
            Just(None),
            Just(Some(UTF_8)),
            Just(Some(SHIFT_JIS)),
            Just(Some(EUC_JP)),
            Just(Some(ISO_2022_JP)),
        ],
    ) {
        let decoded = decode(&bytes, forced);
        let in_text = decoded.text.matches('\u{FFFD}').count();
        // Every replacement is in the text; the text may hold more only when
        // the input itself spelled U+FFFD in UTF-8.
        prop_assert!(decoded.replaced <= in_text);
        if decoded.encoding_name != "UTF-8" && !decoded.encoding_name.starts_with("UTF-16") {
            prop_assert_eq!(decoded.replaced, in_text);
        }
        // Valid UTF-8 without BOM comes back unchanged when not forced
        // (unless it is ISO-2022-JP, whose escapes are 7-bit).
        if forced.is_none() && !bytes.starts_with(b"\xEF\xBB\xBF") {
            if let Ok(text) = std::str::from_utf8(&bytes) {
                if decoded.encoding_name == "UTF-8" {
                    prop_assert_eq!(&decoded.text, text);
                    prop_assert_eq!(decoded.replaced, 0);
                }
            }
        }
    }

    /// The detector finds the encoding of Japanese news-like text of a
    /// sentence or more, without being told.
    #[test]
    fn japanese_text_is_detected_in_every_encoding(
        text in "[ぁ-んァ-ヶ東京都大阪日本米国中国年月日時分社会株式新発表価格円億万人的者政府首相企業市場a-zA-Z0-9、。「」（） ]{8,64}",
        which in 0usize..4,
    ) {
        let encoding = [UTF_8, SHIFT_JIS, EUC_JP, ISO_2022_JP][which];
        let (bytes, _, unmappable) = encoding.encode(&text);
        prop_assert!(!unmappable);
        let decoded = decode(&bytes, None);
        prop_assert_eq!(decoded.text, text);
        prop_assert_eq!(decoded.replaced, 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever the lines of a JSONL stream hold, each non-blank line gives
    /// exactly one record, in order, numbered by its line.
    #[test]
    fn every_jsonl_line_gives_one_record(
        lines in proptest::collection::vec(
            prop_oneof![
                proptest::collection::vec(1u8..=255, 0..40)
                    .prop_map(|bytes| bytes.into_iter().filter(|&b| b != b'\n').collect::<Vec<u8>>()),
                "[a-z ]{0,8}".prop_map(|t| format!(r#"{{"text": "{t}"}}"#).into_bytes()),
                "[ぁ-ん]{0,8}".prop_map(|t| format!(r#"{{"id": 1, "body": "{t}"}}"#).into_bytes()),
            ],
            1..30,
        ),
    ) {
        let mut input = b"{}\n".to_vec();
        for line in &lines {
            input.extend_from_slice(line);
            input.push(b'\n');
        }
        // Magic numbers of binary formats at fixed offsets would (rightly)
        // make the whole stream a binary failure.
        prop_assume!(!input.windows(4).any(|w| w == b"ftyp") && !input.windows(5).any(|w| w == b"ustar"));
        let reader = kiji_ingest::Reader::from_reader("-", std::io::Cursor::new(input), &Default::default())
            .expect("default options");
        let got: Vec<u64> = reader
            .map(|record| match record {
                kiji_ingest::Record::Doc(doc) => doc.source.line,
                kiji_ingest::Record::Failed(failure) => failure.source.line,
            })
            .map(|line| line.unwrap_or(0))
            .collect();
        let want: Vec<u64> = std::iter::once(1)
            .chain(
                lines
                    .iter()
                    .enumerate()
                    .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
                    .map(|(i, _)| i as u64 + 2),
            )
            .collect();
        prop_assert_eq!(got, want);
    }
}
