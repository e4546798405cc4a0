//! Composition rules applied to the resolved entities: names that are made
//! of other names.
//!
//! ANNOTATION.md annotates a brand written together with its product as one
//! PRODUCT (`Apple App Store`, `Alibaba Qwen`, `OpenAI Sora`) and a model
//! designator as part of the product (`Sora Turbo`, `Gemini 3`). Dictionaries
//! know `Apple` and `App Store`, `Sora`; these rules build the whole from the
//! parts instead of listing every combination.
//!
//! The same holds for other names written together: a year and its event
//! (`2025年大阪・関西万博`), a company and a country (`BYD Japan`, its local
//! company), a region and a place inside it (`カリフォルニア州サンラファエル`),
//! and a kanji personal name and the part of it IPADIC read as a place
//! (`大林芳|五郎`).

use kiji_core::EntityType;

use crate::Candidate;

/// Words that name a model or edition when they follow a product name.
const DESIGNATORS: &[&str] = &[
    "Turbo", "Pro", "Max", "Ultra", "Mini", "mini", "Plus", "Lite", "Air", "Flash", "Nano",
    "Preview", "Edition", "Studio", "Vision", "Omni", "Instant", "Thinking", "XL", "SE",
];

/// Applies the composition rules to resolved candidates (in text order,
/// non-overlapping); the result is still in text order and non-overlapping.
pub fn compose(text: &str, resolved: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(resolved.len());
    let mut iter = resolved.into_iter().peekable();
    while let Some(mut c) = iter.next() {
        // Brand + product: "OpenAI Sora" → PRODUCT "OpenAI Sora" (canonical Sora).
        if c.ty == EntityType::Org && starts_latin(text, c.byte_start) {
            if let Some(next) = iter.peek() {
                let gap = &text[c.byte_end..next.byte_start.max(c.byte_end)];
                if next.ty == EntityType::Product
                    && gap == " "
                    && starts_latin(text, next.byte_start)
                {
                    let product = iter.next().expect("peeked");
                    c = Candidate {
                        byte_start: c.byte_start,
                        byte_end: product.byte_end,
                        ty: EntityType::Product,
                        canonical: product.canonical,
                        norm: None,
                        source: product.source,
                        confidence: product.confidence,
                    };
                }
            }
        }
        // Event + year: "CES 2026", "COMPUTEX 2026", "WWDC 2025".
        if c.ty == EntityType::Event && starts_latin(text, c.byte_start) {
            let limit = iter.peek().map_or(text.len(), |n| n.byte_start);
            if let Some(end) = event_year_end(text, c.byte_end, limit) {
                let added = &text[c.byte_end..end];
                if let Some(canon) = c.canonical.as_mut() {
                    canon.push_str(added);
                }
                c.byte_end = end;
            }
        }
        // Product + designator: "Sora Turbo", "Claude 3.5", "DeepSeek R1".
        if c.ty == EntityType::Product && starts_latin(text, c.byte_start) {
            let limit = iter.peek().map_or(text.len(), |n| n.byte_start);
            if let Some(end) = designator_end(text, c.byte_end, limit) {
                let added = &text[c.byte_end..end];
                if let Some(canon) = c.canonical.as_mut() {
                    canon.push_str(added);
                }
                c.byte_end = end;
            }
        }
        // A year written onto an event is part of its name (2025年大阪・関西
        // 万博, 1964年東京オリンピック), as the name rules do for events they
        // find; the event keeps its canonical.
        if c.ty == EntityType::Date && text[c.byte_start..c.byte_end].ends_with('年') {
            if let Some(next) = iter.peek() {
                let year = &text[c.byte_start..c.byte_end - '年'.len_utf8()];
                if next.ty == EntityType::Event
                    && next.byte_start == c.byte_end
                    && year.len() == 4
                    && year.chars().all(|ch| ch.is_ascii_digit())
                {
                    let event = iter.next().expect("peeked");
                    c = Candidate {
                        byte_start: c.byte_start,
                        ..event
                    };
                }
            }
        }
        // A kanji personal name cut short where IPADIC reads the rest as a
        // place (大林芳|五郎, 井上治|兵衛): the rest belongs to the name.
        if c.ty == EntityType::Person {
            if let Some(next) = iter.peek() {
                let all_kanji = |a: usize, b: usize| text[a..b].chars().all(crate::names::is_kanji);
                if next.ty == EntityType::Location
                    && next.byte_start == c.byte_end
                    && next.confidence != crate::Confidence::Known
                    && all_kanji(c.byte_start, next.byte_end)
                    && text[c.byte_start..next.byte_end].chars().count() <= 6
                {
                    let rest = iter.next().expect("peeked");
                    c.byte_end = rest.byte_end;
                    c.canonical = None;
                }
            }
        }
        // Maker + model number written together is the model, a product
        // (ボーイング737, エアバスA320, Boeing 787).
        if c.ty == EntityType::Org {
            let limit = iter.peek().map_or(text.len(), |n| n.byte_start);
            if let Some(end) = model_number_end(text, c.byte_end, limit) {
                c.byte_end = end;
                c.ty = EntityType::Product;
                c.canonical = None;
            }
        }
        // Company or brand + country in Latin letters: a subsidiary's name
        // (BYD Japan, BMW JAPAN, タレスUK, AWS Japan), one organisation.
        if matches!(c.ty, EntityType::Org | EntityType::Product) {
            if let Some(next) = iter.peek() {
                let gap = text.get(c.byte_end..next.byte_start).unwrap_or("-");
                let country = &text[next.byte_start..next.byte_end];
                let after = text[next.byte_end..].chars().next();
                if next.ty == EntityType::Location
                    && matches!(gap, " " | "")
                    && country.chars().all(|ch| ch.is_ascii_alphabetic())
                    && country
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_ascii_uppercase())
                    && !after.is_some_and(|ch| ch.is_alphanumeric() && ch.is_ascii())
                    && !text[c.byte_start..c.byte_end]
                        .chars()
                        .any(crate::names::is_kanji)
                {
                    let place = iter.next().expect("peeked");
                    c.byte_end = place.byte_end;
                    c.canonical = None;
                    c.ty = EntityType::Org;
                }
            }
        }
        // Region + place inside it: カリフォルニア州サンラファエル,
        // アラブ首長国連邦アブダビ are one place.
        if c.ty == EntityType::Location && ends_with_region(&text[c.byte_start..c.byte_end]) {
            let next_place = iter.peek().filter(|n| {
                n.ty == EntityType::Location
                    && n.byte_start == c.byte_end
                    && text[n.byte_start..].chars().next().is_some_and(|ch| {
                        crate::names::is_katakana(ch) || crate::names::is_kanji(ch)
                    })
            });
            if next_place.is_some() {
                let place = iter.next().expect("peeked");
                c.byte_end = place.byte_end;
                c.canonical = None;
                c.confidence = c.confidence.max(place.confidence);
            } else {
                let limit = iter.peek().map_or(text.len(), |n| n.byte_start);
                if let Some(end) = katakana_place_end(text, c.byte_end, limit) {
                    c.byte_end = end;
                    c.canonical = None;
                }
            }
        }
        out.push(c);
    }
    out
}

/// The end of ` YYYY` (a year, 1900–2099) right after an event ending at
/// `from`, before `limit` and a word boundary.
fn event_year_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?.strip_prefix(' ')?;
    let year = rest.get(..4)?;
    let ok = year.chars().all(|ch| ch.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"))
        && !rest[4..].starts_with(|ch: char| ch.is_ascii_alphanumeric());
    ok.then_some(from + 5)
}

/// The end of a model number written right after a maker ending at `from`
/// (737, A320, 787-9): an optional capital letter and three digits or
/// more, glued on or after one space, then a word boundary; not a year
/// (Toyota 2025) or a number with a counter (100人).
fn model_number_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?;
    let body = rest.strip_prefix(' ').unwrap_or(rest);
    let skipped = rest.len() - body.len();
    let letter = body.starts_with(|ch: char| ch.is_ascii_uppercase()) as usize;
    let digits = body[letter..]
        .find(|ch: char| !ch.is_ascii_digit())
        .unwrap_or(body.len() - letter);
    if digits < 3 {
        return None;
    }
    let mut len = letter + digits;
    // A variant after a hyphen: 787-9, A350-1000.
    if body[len..].starts_with('-') {
        let more = body[len + 1..]
            .find(|ch: char| !ch.is_ascii_alphanumeric())
            .unwrap_or(body.len() - len - 1);
        if more > 0 {
            len += 1 + more;
        }
    }
    let after = body[len..].chars().next();
    let year = letter == 0 && digits == 4 && (body.starts_with("19") || body.starts_with("20"));
    let counted = after.is_some_and(|ch| crate::names::is_kanji(ch) || ch.is_ascii_alphanumeric());
    (!year && !counted).then_some(from + skipped + len)
}

/// True when a place's name ends in a word for a region that holds other
/// places (州, 県, 省, 連邦, 共和国, 王国).
fn ends_with_region(name: &str) -> bool {
    name.chars().count() >= 3
        && ["州", "県", "省", "連邦", "共和国", "王国"]
            .iter()
            .any(|w| name.ends_with(w))
}

/// The end of a katakana place name written right after a region ending at
/// `from` (州|エイダ): three or more katakana before `limit` and before
/// anything but more name (a particle, punctuation).
fn katakana_place_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?;
    let len = rest
        .char_indices()
        .find(|&(_, ch)| !crate::names::is_katakana(ch))
        .map_or(rest.len(), |(i, _)| i);
    let after = text[from + len..].chars().next();
    let word = &rest[..len];
    // A kanji or a joiner after it means the name goes on (オースティン市,
    // ジョン・スミス), and katakana that another entity begins inside the
    // word: a different span, left to the recognisers.
    let goes_on = after.is_some_and(|ch| {
        crate::names::is_kanji(ch)
            || crate::names::is_katakana(ch)
            || matches!(ch, '・' | '＝')
            || ch.is_ascii_alphanumeric()
    });
    (word.chars().count() >= 3 && !crate::names::ja_vocabulary(word) && !goes_on)
        .then_some(from + len)
}

/// True when the text at `at` starts with an ASCII letter or digit.
fn starts_latin(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The end of a designator right after a product ending at `from`: one
/// space, then a designator word or a version (`3`, `3.5`, `R1`, `V3`,
/// `4o`), then a word boundary; `None` when there is none before `limit`.
fn designator_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    let rest = text.get(from..limit)?;
    let word_start = rest.strip_prefix(' ')?;
    let len = word_start
        .char_indices()
        .find(|&(_, ch)| !(ch.is_ascii_alphanumeric() || ch == '.'))
        .map_or(word_start.len(), |(i, _)| i);
    let word = word_start[..len].trim_end_matches('.');
    if word.is_empty() {
        return None;
    }
    let is_version = {
        let digits = word.trim_start_matches(['R', 'V', 'v', 'o']);
        digits.chars().next().is_some_and(|c| c.is_ascii_digit())
            && word.len() <= 6
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            && digits.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 1
    };
    if !(is_version || DESIGNATORS.contains(&word)) {
        return None;
    }
    // A year is not a version ("ChatGPT 2025"), nor a number with a unit
    // after it ("Sora 2 minutes" keeps its QUANTITY reading out of reach).
    if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(from + 1 + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Confidence;
    use kiji_core::EntityType::*;

    fn cand(text: &str, part: &str, ty: EntityType, canonical: &str) -> Candidate {
        let s = text.find(part).expect("part in text");
        let mut c = Candidate::new(s, s + part.len(), ty, "test", Confidence::Known);
        c.canonical = Some(canonical.to_string());
        c
    }

    fn spans(text: &str, cs: &[Candidate]) -> Vec<(String, EntityType, Option<String>)> {
        cs.iter()
            .map(|c| {
                (
                    text[c.byte_start..c.byte_end].to_string(),
                    c.ty,
                    c.canonical.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn brand_and_product_become_one_product() {
        let cases = [
            ("OpenAI Soraの導入", "OpenAI", "Sora", "OpenAI Sora", "Sora"),
            (
                "via the Apple App Store.",
                "Apple",
                "App Store",
                "Apple App Store",
                "App Store",
            ),
            ("Alibaba Qwenは", "Alibaba", "Qwen", "Alibaba Qwen", "Qwen"),
        ];
        for (text, org, product, whole, canon) in cases {
            let out = compose(
                text,
                vec![
                    cand(text, org, Org, org),
                    cand(text, product, Product, canon),
                ],
            );
            assert_eq!(
                spans(text, &out),
                vec![(whole.to_string(), Product, Some(canon.to_string()))],
                "{text}"
            );
        }
    }

    #[test]
    fn company_no_product_stay_apart() {
        let cases = [
            ("RunwayMLのGen-2", "RunwayML", "Gen-2"),
            ("Microsoft, Azure", "Microsoft", "Azure"),
            ("ソニー プレイステーション", "ソニー", "プレイステーション"),
        ];
        for (text, org, product) in cases {
            let out = compose(
                text,
                vec![
                    cand(text, org, Org, org),
                    cand(text, product, Product, product),
                ],
            );
            assert_eq!(out.len(), 2, "{text}");
        }
    }

    #[test]
    fn designators_and_versions_extend_a_product() {
        let cases = [
            ("Sora Turbo は", "Sora", "Sora Turbo"),
            ("Claude 3.5 Sonnet", "Claude", "Claude 3.5"),
            ("DeepSeek R1モデル", "DeepSeek", "DeepSeek R1"),
            ("GPT 4o.", "GPT", "GPT 4o"),
            ("Gemini 3が", "Gemini", "Gemini 3"),
        ];
        for (text, product, whole) in cases {
            let out = compose(text, vec![cand(text, product, Product, product)]);
            assert_eq!(spans(text, &out)[0].0, whole, "{text}");
            assert_eq!(spans(text, &out)[0].2.as_deref(), Some(whole), "{text}");
        }
    }

    #[test]
    fn non_designators_do_not_extend() {
        let cases = [
            ("ChatGPT 2025年", "ChatGPT"),
            ("Sora and more", "Sora"),
            ("Sora  Turbo", "Sora"),
            ("Sora Turbocharged", "Sora"),
            ("Sora 12345678", "Sora"),
        ];
        for (text, product) in cases {
            let out = compose(text, vec![cand(text, product, Product, product)]);
            assert_eq!(spans(text, &out)[0].0, product, "{text}");
        }
    }

    #[test]
    fn a_company_and_a_country_in_latin_letters_are_a_subsidiary() {
        for (text, org, country, whole) in [
            ("BYD Japanの劉社長", "BYD", "Japan", "BYD Japan"),
            ("タレスUKの合弁", "タレス", "UK", "タレスUK"),
            ("AWS Japan president", "AWS", "Japan", "AWS Japan"),
        ] {
            let brand = if org == "AWS" { Product } else { Org };
            let out = compose(
                text,
                vec![
                    cand(text, org, brand, org),
                    cand(text, country, Location, country),
                ],
            );
            assert_eq!(spans(text, &out), vec![(whole.to_string(), Org, None)]);
        }
        // A company in Japan is two names.
        let text = "BYD in Japan";
        let out = compose(
            text,
            vec![
                cand(text, "BYD", Org, "BYD"),
                cand(text, "Japan", Location, "Japan"),
            ],
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_year_after_a_latin_event_name_belongs_to_it() {
        for (text, event, whole) in [
            ("「COMPUTEX 2026」で講演", "COMPUTEX", "COMPUTEX 2026"),
            ("at CES 2026.", "CES", "CES 2026"),
            ("CES 20261", "CES", "CES"),
            ("CES 3000", "CES", "CES"),
        ] {
            let out = compose(text, vec![cand(text, event, Event, event)]);
            assert_eq!(spans(text, &out)[0].0, whole, "{text}");
        }
    }

    #[test]
    fn a_maker_and_a_model_number_are_a_product() {
        for (text, maker, whole) in [
            ("ボーイング737として", "ボーイング", Some("ボーイング737")),
            ("エアバスA320の", "エアバス", Some("エアバスA320")),
            ("a Boeing 787-9 jet", "Boeing", Some("Boeing 787-9")),
            ("Boeing 2025年", "Boeing", None),
            ("Toyota 2025 outlook", "Toyota", None),
            ("トヨタ100台", "トヨタ", None),
            ("Sony 12", "Sony", None),
        ] {
            let out = compose(text, vec![cand(text, maker, Org, maker)]);
            let got = spans(text, &out);
            match whole {
                Some(w) => assert_eq!((got[0].0.as_str(), got[0].1), (w, Product), "{text}"),
                None => assert_eq!((got[0].0.as_str(), got[0].1), (maker, Org), "{text}"),
            }
        }
    }

    #[test]
    fn a_year_written_onto_an_event_belongs_to_it() {
        let text = "2025年大阪・関西万博の跡地";
        let out = compose(
            text,
            vec![
                Candidate::new(0, 7, Date, "test", Confidence::Known),
                cand(text, "大阪・関西万博", Event, "Expo 2025"),
            ],
        );
        assert_eq!(
            spans(text, &out),
            vec![(
                "2025年大阪・関西万博".to_string(),
                Event,
                Some("Expo 2025".to_string())
            )]
        );
        // A date before an event, apart from it, stays a date.
        let text = "2025年に大阪・関西万博";
        let out = compose(
            text,
            vec![
                Candidate::new(0, 7, Date, "test", Confidence::Known),
                cand(text, "大阪・関西万博", Event, "Expo 2025"),
            ],
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn the_rest_of_a_kanji_name_read_as_a_place_joins_the_person() {
        let text = "大林芳五郎の没後";
        let mut place = Candidate::new(9, 15, Location, "test", Confidence::Rule);
        place.canonical = None;
        let person = Candidate::new(0, 9, Person, "test", Confidence::Rule);
        let out = compose(text, vec![person, place]);
        assert_eq!(
            spans(text, &out),
            vec![("大林芳五郎".to_string(), Person, None)]
        );
        // A known place after a name stays a place.
        let text = "山田東京";
        let out = compose(
            text,
            vec![
                Candidate::new(0, 6, Person, "test", Confidence::Rule),
                cand(text, "東京", Location, "Tokyo"),
            ],
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_region_and_a_place_inside_it_are_one_place() {
        let text = "オクラホマ州エイダに生まれ、アラブ首長国連邦アブダビで育つ。";
        let out = compose(
            text,
            vec![
                cand(text, "オクラホマ州", Location, "Oklahoma"),
                cand(text, "アラブ首長国連邦", Location, "United Arab Emirates"),
                cand(text, "アブダビ", Location, "Abu Dhabi"),
            ],
        );
        let got: Vec<_> = spans(text, &out)
            .into_iter()
            .map(|(s, _, c)| (s, c))
            .collect();
        assert_eq!(
            got,
            [
                ("オクラホマ州エイダ".to_string(), None),
                ("アラブ首長国連邦アブダビ".to_string(), None)
            ]
        );
        // A common word after the region, or a name going on, stays out.
        for text in ["テキサス州データセンターに", "テキサス州オースティン市に"]
        {
            let out = compose(text, vec![cand(text, "テキサス州", Location, "Texas")]);
            assert_eq!(spans(text, &out)[0].0, "テキサス州", "{text}");
        }
    }

    #[test]
    fn a_designator_never_swallows_the_next_entity() {
        let text = "Sora 2 minutes";
        let mut q = Candidate::new(5, 14, Quantity, "numeric", Confidence::Known);
        q.norm = None;
        let out = compose(text, vec![cand(text, "Sora", Product, "Sora"), q]);
        assert_eq!(spans(text, &out)[0].0, "Sora");
        assert_eq!(out.len(), 2);
    }
}
