//! Matcher tests over a small hand-made dictionary, and checks of the shipped
//! data.

use super::*;
use crate::{DocContext, Recognizer};
use kiji_core::{OffsetMap, Pos};

const DICT: &str = "\
# test dictionary
Japan\tLOCATION\t日本|ジャパン\tQ17
United States\tLOCATION\t米国|アメリカ|USA|U.S.|US\tQ30
India\tLOCATION\tインド\tQ668
Indonesia\tLOCATION\tインドネシア\tQ252
Tokyo\tLOCATION\t東京|東京都\tQ1490
Kyoto\tLOCATION\t京都\tQ34600
Kyoto Prefecture\tLOCATION\t京都府
New York City\tLOCATION\tNew York|ニューヨーク\tQ60
Russia\tLOCATION\tロシア
Ukraine\tLOCATION\tウクライナ
China\tLOCATION\t中国
Apple Inc.\tORG\tApple|アップル
Shell plc\tORG\tShell
OpenAI\tORG\tオープンAI
Sony\tORG\tソニー
Sony Group\tORG\tソニーグループ
Nikkei\tORG\t日経|Nikkei
World War I\tEVENT\t第一次世界大戦
Elon Musk\tPERSON\tイーロン・マスク|Musk|マスク
iPhone\tPRODUCT\tアイフォーン
";

fn dict() -> Gazetteer {
    match Gazetteer::from_str("test.tsv", DICT) {
        Ok(g) => g,
        Err(e) => panic!("test dictionary: {e}"),
    }
}

/// (original substring, canonical) of every match.
fn found(g: &Gazetteer, text: &str, tokens: &[Token]) -> Vec<(String, String)> {
    g.find(text, tokens)
        .into_iter()
        .map(|m| {
            (
                text[m.byte_start..m.byte_end].to_string(),
                m.entry.canonical.clone(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn matches_without_tokens() {
    let g = dict();
    let cases: &[(&str, &[(&str, &str)])] = &[
        // Folding: width, half-width kana, case.
        ("ＯｐｅｎＡＩが発表", &[("ＯｐｅｎＡＩ", "OpenAI")]),
        (
            "openai and OPENAI",
            &[("openai", "OpenAI"), ("OPENAI", "OpenAI")],
        ),
        ("ｿﾆｰの新製品", &[("ｿﾆｰ", "Sony")]),
        ("ｿﾆｰｸﾞﾙｰﾌﾟ", &[("ｿﾆｰｸﾞﾙｰﾌﾟ", "Sony Group")]),
        ("イーロン＝マスク氏", &[("イーロン＝マスク", "Elon Musk")]),
        ("イーロン･マスク氏", &[("イーロン･マスク", "Elon Musk")]),
        ("New　York", &[("New　York", "New York City")]),
        // Case rule: common words stay words.
        ("an apple a day", &[]),
        ("Apple said", &[("Apple", "Apple Inc.")]),
        ("APPLE SAID", &[("APPLE", "Apple Inc.")]),
        ("shell companies", &[]),
        ("let us go", &[]),
        ("Us and them", &[]),
        (
            "the US and the U.S.",
            &[("US", "United States"), ("U.S.", "United States")],
        ),
        ("iphone", &[("iphone", "iPhone")]),
        ("アイフォーン", &[("アイフォーン", "iPhone")]),
        // Latin boundaries.
        ("Japan's economy", &[("Japan", "Japan")]),
        ("Japanese firms", &[]),
        ("NIPPONJapan", &[]),
        ("Japan2025", &[]),
        ("(Japan)", &[("Japan", "Japan")]),
        ("日本とJapan", &[("日本", "Japan"), ("Japan", "Japan")]),
        ("Muskrat", &[]),
        // A stock index is not the name inside it.
        ("日経平均株価は", &[]),
        ("日経によると", &[("日経", "Nikkei")]),
        ("the Nikkei 225 index fell", &[]),
        ("Apple 500 stores", &[("Apple", "Apple Inc.")]),
        ("Nikkei Asia said", &[("Nikkei", "Nikkei")]),
        // A known person's surname after another given name is someone else.
        ("said Kimbal Musk", &[]),
        ("Musk said", &[("Musk", "Elon Musk")]),
        // Katakana runs.
        ("インドの経済", &[("インド", "India")]),
        ("インドネシアへ", &[("インドネシア", "Indonesia")]),
        ("インドア派", &[]),
        (
            "ロシア・ウクライナ",
            &[("ロシア", "Russia"), ("ウクライナ", "Ukraine")],
        ),
        // Joined by ・ to a word it does not know, a place is part of a
        // longer name (a team, a tournament).
        ("ニューヨーク・ブリザーズ", &[]),
        ("コルテ・インド", &[]),
        (
            "インドネシア・ロシア・インド",
            &[
                ("インドネシア", "Indonesia"),
                ("ロシア", "Russia"),
                ("インド", "India"),
            ],
        ),
        ("ロシアン", &[]),
        (
            "イーロン・マスクとマスク",
            &[("イーロン・マスク", "Elon Musk"), ("マスク", "Elon Musk")],
        ),
        ("マスクス", &[]),
        // Demonyms and adjectives.
        ("日本人の", &[]),
        ("日系企業", &[]),
        ("中国製の部品", &[]),
        ("中国語", &[]),
        ("アメリカ人", &[]),
        ("日本産", &[]),
        ("日本的な", &[]),
        ("中国風の", &[]),
        ("日本規模", &[]),
        // A period named after its capital.
        ("京都時代の", &[]),
        ("京都で", &[("京都", "Kyoto")]),
        ("日本の", &[("日本", "Japan")]),
        // Latin places inside longer names.
        ("the West Japan Railway", &[]),
        ("and Sony Japan said", &[("Sony", "Sony")]),
        ("the BMW JAPAN unit", &[]),
        ("Sony Japan", &[("Sony", "Sony"), ("Japan", "Japan")]),
        ("the Japan Society", &[]),
        (
            "In Japan and China",
            &[("Japan", "Japan"), ("China", "China")],
        ),
        ("Visiting Japan. Japan Today", &[("Japan", "Japan")]),
        ("growth. Japan and", &[("Japan", "Japan")]),
        ("\"Japan is back\"", &[("Japan", "Japan")]),
        ("U.S. President Joe", &[("U.S.", "United States")]),
        ("New York Monday", &[("New York", "New York City")]),
        ("the New York Knicks", &[]),
        ("Japan's Prime Minister", &[("Japan", "Japan")]),
        ("Apple Music", &[("Apple", "Apple Inc.")]),
        // Places inside names of bodies and facilities, handles.
        ("日本サッカー協会", &[]),
        ("中国電力の", &[]),
        ("インド工場", &[]),
        ("インドの工場", &[("インド", "India")]),
        ("日本サッカー", &[("日本", "Japan")]),
        ("東京都大学リーグ", &[]),
        ("日本政府は", &[]),
        ("アメリカ陸軍", &[]),
        ("アメリカ軍", &[]),
        ("@Japan_News and @Japan", &[]),
        ("Japan_2025", &[]),
        // Longest wins; shorter tried when the longest is rejected.
        ("ソニーグループの", &[("ソニーグループ", "Sony Group")]),
        ("東京都知事", &[("東京都", "Tokyo")]),
        ("Sony Groupies", &[("Sony", "Sony")]),
        // Several matches, in order, across mixed text.
        (
            "米国のAppleと日本のソニー",
            &[
                ("米国", "United States"),
                ("Apple", "Apple Inc."),
                ("日本", "Japan"),
                ("ソニー", "Sony"),
            ],
        ),
        ("", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(found(&g, text, &[]), pairs(want), "text {text:?}");
    }
}

/// Tokens for `text` split at the given substrings (which must cover it).
fn tokens(text: &str, parts: &[&str]) -> Vec<Token> {
    let map = OffsetMap::new(text);
    let mut at = 0;
    let mut out = Vec::new();
    for p in parts {
        assert!(text[at..].starts_with(p), "{p} at {at} in {text}");
        out.push(Token {
            span: map.span(at, at + p.len()),
            pos: Pos::Noun,
            sentence: 0,
            details: None,
        });
        at += p.len();
    }
    out
}

#[test]
fn kanji_matches_respect_token_boundaries() {
    let g = dict();
    /// (text, token surfaces, expected matches)
    type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        // 京都 inside 東京都 is not a word of the text.
        ("東京都に", &["東京", "都", "に"], &[("東京都", "Tokyo")]),
        ("東京都庁", &["東京都庁"], &[]),
        ("東京の", &["東京", "の"], &[("東京", "Tokyo")]),
        (
            "京都府で",
            &["京都", "府", "で"],
            &[("京都府", "Kyoto Prefecture")],
        ),
        ("京都府警", &["京都府警"], &[]),
        // 京都 alone is not an entity inside the name of a body.
        ("京都府警", &["京都", "府警"], &[]),
        (
            "京都府の",
            &["京都", "府", "の"],
            &[("京都府", "Kyoto Prefecture")],
        ),
        // Tokens elsewhere in the text do not matter.
        ("中国とは", &["と", "は"][..0], &[("中国", "China")]),
        // Latin and katakana aliases ignore tokens.
        ("Japanの", &["Ja", "pan", "の"], &[("Japan", "Japan")]),
    ];
    for (text, parts, want) in cases {
        let toks = tokens(text, parts);
        assert_eq!(
            found(&g, text, &toks),
            pairs(want),
            "text {text:?} tokens {parts:?}"
        );
    }
}

#[test]
fn offsets_index_the_original_text() {
    let g = dict();
    let texts = [
        "【速報】ｿﾆｰとＯｐｅｎＡＩ、New   Yorkで。Japan's イーロン＝マスク",
        "全角　スペースと東京都、ｲﾝﾄﾞﾈｼｱ",
    ];
    for text in texts {
        let ms = g.find(text, &[]);
        assert!(ms.len() >= 2, "{text}: {ms:?}");
        for m in &ms {
            assert!(text.is_char_boundary(m.byte_start) && text.is_char_boundary(m.byte_end));
            let sub = &text[m.byte_start..m.byte_end];
            // The original substring folds to an alias of the entry found.
            assert_eq!(g.lookup(sub), Some(m.entry), "{sub:?}");
        }
        assert!(ms.windows(2).all(|w| w[0].byte_end <= w[1].byte_start));
    }
}

#[test]
fn lookup_folds_the_alias() {
    let g = dict();
    let cases = [
        ("アメリカ", Some("United States")),
        ("ｱﾒﾘｶ", Some("United States")),
        ("usa", Some("United States")),
        ("ＵＳＡ", Some("United States")),
        ("Japan", Some("Japan")),
        ("イーロン=マスク", Some("Elon Musk")),
        ("Atlantis", None),
    ];
    for (alias, want) in cases {
        assert_eq!(
            g.lookup(alias).map(|e| e.canonical.as_str()),
            want,
            "{alias}"
        );
    }
    let us = g.lookup("米国");
    assert_eq!(us.and_then(|e| e.wikidata.as_deref()), Some("Q30"));
    assert_eq!(us.map(|e| e.ty), Some(EntityType::Location));
}

#[test]
fn short_aliases_are_skipped_with_a_warning() {
    let g = match Gazetteer::from_str(
        "s.tsv",
        "United States\tLOCATION\t米|米国\nX\tORG\tTwitter\n",
    ) {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    assert!(g.lookup("米").is_none());
    assert!(g.lookup("米国").is_some());
    assert!(g.lookup("X").is_none());
    assert_eq!(g.lookup("Twitter").map(|e| e.canonical.as_str()), Some("X"));
    assert_eq!(g.warnings().len(), 2, "{:?}", g.warnings());
    assert!(g.warnings()[0].starts_with("s.tsv:1: "));
    assert!(g.warnings()[1].starts_with("s.tsv:2: "));
}

#[test]
fn later_files_override_and_add() {
    let mut g = dict();
    let user = match Gazetteer::from_str(
        "user.tsv",
        "# a user's own names\nApple Records\tORG\tApple\nKiji Shimbun\tORG\t記事新聞|Kiji\n",
    ) {
        Ok(u) => u,
        Err(e) => panic!("{e}"),
    };
    if let Err(e) = g.extend(&user) {
        panic!("{e}");
    }
    assert_eq!(
        g.lookup("Apple").map(|e| e.canonical.as_str()),
        Some("Apple Records")
    );
    // Other aliases of the overridden entry keep it.
    assert_eq!(
        g.lookup("アップル").map(|e| e.canonical.as_str()),
        Some("Apple Inc.")
    );
    assert_eq!(
        found(&g, "記事新聞とApple", &[]),
        pairs(&[("記事新聞", "Kiji Shimbun"), ("Apple", "Apple Records")])
    );
    let c = g.conflicts();
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].alias, "apple");
    assert_eq!(c[0].earlier.0, "Apple Inc.");
    assert_eq!(c[0].later.0, "Apple Records");
    assert_eq!(c[0].later.2.to_string(), "user.tsv:2");
}

#[test]
fn files_and_folders_load_in_order() {
    let dir = std::env::temp_dir().join(format!("kiji-gazetteer-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("{e}");
    }
    let write = |name: &str, text: &str| {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            panic!("{e}");
        }
    };
    write("a.tsv", "Georgia\tLOCATION\tジョージア\n");
    write(
        "b.tsv",
        "Georgia (U.S. state)\tLOCATION\tジョージア|ジョージア州\n",
    );
    write("notes.txt", "not a dictionary\n");
    let g = match Gazetteer::from_dir(&dir) {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(g.len(), 2);
    assert_eq!(
        g.lookup("ジョージア").map(|e| e.canonical.as_str()),
        Some("Georgia (U.S. state)")
    );
    assert_eq!(g.conflicts().len(), 1);
    let reversed = match Gazetteer::from_files(&[dir.join("b.tsv"), dir.join("a.tsv")]) {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        reversed.lookup("ジョージア").map(|e| e.canonical.as_str()),
        Some("Georgia")
    );

    write("c.tsv", "ok\tORG\n\nbroken line without tabs\n");
    let e = Gazetteer::from_dir(&dir)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(e.contains("c.tsv:3: "), "{e}");
    let missing = Gazetteer::from_files(&[dir.join("missing.tsv")])
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.tsv"), "{missing}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn recognizer_proposes_known_candidates_with_canonicals() {
    let g = Arc::new(dict());
    let r = GazetteerRecognizer::new(g);
    let text = "米国のイーロン・マスク氏がAppleを訪問";
    let map = OffsetMap::new(text);
    let sentences = [kiji_core::Sentence {
        span: map.span(0, text.len()),
        lang: kiji_core::Lang::JA,
    }];
    let cx = DocContext {
        text,
        sentences: &sentences,
        tokens: &[],
        date: None,
        offsets: &map,
    };
    let mut out = Vec::new();
    r.propose(&cx, &mut out);
    let got: Vec<_> = out
        .iter()
        .map(|c| {
            (
                &text[c.byte_start..c.byte_end],
                c.ty,
                c.canonical.as_deref(),
                c.confidence,
                c.source,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "米国",
                EntityType::Location,
                Some("United States"),
                crate::Confidence::Known,
                "gazetteer"
            ),
            (
                "イーロン・マスク",
                EntityType::Person,
                Some("Elon Musk"),
                crate::Confidence::Known,
                "gazetteer"
            ),
            (
                "Apple",
                EntityType::Org,
                Some("Apple Inc."),
                crate::Confidence::Known,
                "gazetteer"
            ),
        ]
    );
}

#[test]
fn shipped_dictionaries_load_without_conflicts() {
    let g = match Gazetteer::builtin() {
        Ok(g) => g,
        Err(e) => panic!("shipped dictionaries: {e}"),
    };
    let conflicts: Vec<String> = g.conflicts().iter().map(|c| c.to_string()).collect();
    assert!(
        conflicts.is_empty(),
        "{} conflicts:\n{}",
        conflicts.len(),
        conflicts.join("\n")
    );
    let files: Vec<&str> = Gazetteer::builtin_files().collect();
    // The place data is generated clean: nothing left out at load time.
    let place_warnings: Vec<&String> = g
        .warnings()
        .iter()
        .filter(|w| w.starts_with("places-"))
        .collect();
    assert!(place_warnings.is_empty(), "{place_warnings:?}");
    if files.iter().any(|f| f.starts_with("places-")) {
        let cases = [
            ("米国", "United States"),
            ("アメリカ", "United States"),
            ("Japan", "Japan"),
            ("日本", "Japan"),
            ("東京都", "Tokyo"),
            ("大阪", "Osaka"),
            ("ヨーロッパ", "Europe"),
            ("シリコンバレー", "Silicon Valley"),
            ("カリフォルニア州", "California"),
            ("韓国", "South Korea"),
            ("ｱﾒﾘｶ", "United States"),
            ("U.S.", "United States"),
            ("英国", "United Kingdom"),
            ("大阪府", "Osaka Prefecture"),
            ("兵庫県", "Hyōgo Prefecture"),
            ("Hyogo", "Hyōgo Prefecture"),
            ("ワシントン", "Washington, D.C."),
            ("ワシントン州", "Washington (state)"),
            ("ニューヨーク", "New York City"),
            ("深セン", "Shenzhen"),
            ("キエフ", "Kyiv"),
            ("ジョージア", "Georgia"),
            ("ボスニアヘルツェゴビナ", "Bosnia and Herzegovina"),
            ("ペンシルベニア州", "Pennsylvania"),
            ("ソ連", "Soviet Union"),
        ];
        for (alias, canonical) in cases {
            let e = g.lookup(alias);
            assert_eq!(e.map(|e| e.canonical.as_str()), Some(canonical), "{alias}");
            assert_eq!(e.map(|e| e.ty), Some(EntityType::Location), "{alias}");
        }
        // Demonyms are not in the place data.
        for word in ["Japanese", "American", "Chinese", "British"] {
            assert!(g.lookup(word).is_none(), "{word}");
        }
    }
}

#[test]
fn builtin_is_cached() {
    match (Gazetteer::builtin(), Gazetteer::builtin()) {
        (Ok(a), Ok(b)) => assert!(Arc::ptr_eq(&a, &b)),
        (Err(e), _) | (_, Err(e)) => panic!("{e}"),
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// On any mix of scripts, widths, marks and spaces, matches are in
        /// order, do not overlap, lie on character boundaries, and the
        /// original substring itself folds to an alias of the entry found.
        #[test]
        fn matches_index_the_original_text(
            text in "[日本東京都京米国中アメリカｱﾒﾘｶＪａｐａｎJapnUSsA. ・･=＝ﾞﾟｿﾆｰインドネシア人語'\n　ー]{0,48}"
        ) {
            let g = dict();
            let ms = g.find(&text, &[]);
            let mut last_end = 0;
            for m in &ms {
                prop_assert!(m.byte_start < m.byte_end);
                prop_assert!(m.byte_start >= last_end);
                prop_assert!(text.is_char_boundary(m.byte_start));
                prop_assert!(text.is_char_boundary(m.byte_end));
                last_end = m.byte_end;
                let sub = &text[m.byte_start..m.byte_end];
                prop_assert_eq!(g.lookup(sub), Some(m.entry), "{:?} in {:?}", sub, &text);
            }
        }
    }
}

/// The kanji boundary check with the real tokenizer's tokens.
#[test]
fn kanji_boundaries_with_the_tokenizer() {
    let tokenizer = match kiji_tokenizer::Tokenizer::embedded(&[]) {
        Ok(t) => t,
        Err(e) => panic!("tokenizer: {e}"),
    };
    let mut worker = tokenizer.worker();
    let g = dict();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("東京都に住む", &[("東京都", "Tokyo")]),
        ("京都と大阪を訪れた", &[("京都", "Kyoto")]),
        (
            "米国と中国の対立",
            &[("米国", "United States"), ("中国", "China")],
        ),
        ("日本人の観光客", &[]),
        // A long kanji name ends where it ends, even inside a token
        // (世界大戦時 is read 世界|大|戦時).
        (
            "第一次世界大戦時の軍人",
            &[("第一次世界大戦", "World War I")],
        ),
    ];
    for (text, want) in cases {
        let map = OffsetMap::new(text);
        let sentences = [kiji_core::Sentence {
            span: map.span(0, text.len()),
            lang: kiji_core::Lang::JA,
        }];
        let mut toks = Vec::new();
        if let Err(e) = worker.tokenize(text, &sentences, &map, Default::default(), &mut toks) {
            panic!("{text}: {e}");
        }
        assert_eq!(found(&g, text, &toks), pairs(want), "text {text:?}");
    }
}

proptest::proptest! {
    /// The prefiltered `starts_with` is `str::starts_with`.
    #[test]
    fn starts_with_is_str_starts_with(
        text in "[a日本協会 ]{0,4}",
        word in proptest::sample::select(
            NAME_SUFFIXES.iter().copied().chain(["a", "日本", " a", "", "会"]).collect::<Vec<_>>()
        ),
    ) {
        proptest::prop_assert_eq!(starts_with(&text, word), text.starts_with(word));
    }
}
