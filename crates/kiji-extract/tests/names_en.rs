//! English name recogniser (`en-caps`) and linking over real pipeline
//! output (language detection, tokenizer, resolver).

use kiji_core::{Entity, EntityType};
use kiji_extract::link::link;

mod common;

/// Entities of `text` after resolving and linking with `lookup`.
fn entities(text: &str, lookup: &dyn Fn(&str) -> Option<(String, EntityType)>) -> Vec<Entity> {
    // extract links without a gazetteer; link again with `lookup` from a
    // clean slate to see what the gazetteer changes.
    let mut found = common::extract(common::tokenizer(), &common::names_only(), text);
    for e in &mut found {
        e.canonical = None;
    }
    link(&mut found, lookup);
    found
}

fn names(text: &str) -> Vec<String> {
    entities(text, &|_| None)
        .into_iter()
        .map(|e| format!("{}:{}", e.ty, e.text))
        .collect()
}

/// (text, expected entities as TYPE:text in order).
const CASES: &[(&str, &[&str])] = &[
    // Titles are left out; given names make persons.
    (
        "The deal was confirmed by Mr. John Smith on Monday.",
        &["PERSON:John Smith"],
    ),
    (
        "Analysts expect Sam Altman to speak next week.",
        &["PERSON:Sam Altman"],
    ),
    (
        "The report was written by County Coroner William Hale.",
        &["PERSON:William Hale"],
    ),
    ("A Jesuit priest Fr Francisco Sousa wrote it.", &["PERSON:Francisco Sousa"]),
    (
        "The company said Chief Executive Lip-Bu Tan would cut jobs.",
        &["PERSON:Lip-Bu Tan"],
    ),
    (
        "The model was shown at the LlamaCon developer conference in Menlo Park.",
        &["EVENT:LlamaCon", "LOCATION:Menlo Park"],
    ),
    ("The show starts at 8 p.m. EST on Monday .", &[]),
    ("RT @GdnPolitics : Oh , Blair said no . LOL", &["PERSON:Blair"]),
    (
        "Shares slid after Chief Financial Officer Vaibhav Taneja warned of lower margins .",
        &["PERSON:Vaibhav Taneja"],
    ),
    (
        "\"We will respond calmly,\" Chief Cabinet Secretary Yoshimasa Hayashi told reporters .",
        &["PERSON:Yoshimasa Hayashi"],
    ),
    (
        "Rates stayed low after The Bank of Japan met .",
        &["ORG:Bank of Japan"],
    ),
    // A lone capitalised word that does what people do is a person.
    ("In 2004 , Citrone was sentenced to two years .", &["PERSON:Citrone"]),
    ("Citrone denied his involvement .", &["PERSON:Citrone"]),
    ("Most of Belgrano 's army arrived .", &["PERSON:Belgrano"]),
    ("Most of Belgrano's troops arrived .", &["PERSON:Belgrano"]),
    ("The Reading train was wrecked .", &[]),
    // Organisation suffixes and heads; a plural suffix is no one body.
    ("It was a merger of various Leagues of farmers.", &[]),
    (
        "Shares of Apple Inc. rose after the results.",
        &["ORG:Apple Inc."],
    ),
    (
        "He studied at the University of Tokyo for two years.",
        &["ORG:University of Tokyo"],
    ),
    (
        "Customers of Bank of America were affected.",
        &["ORG:Bank of America"],
    ),
    // Possessive left out.
    ("Investors liked OpenAI's new model.", &["ORG:OpenAI"]),
    // Places: known names, suffixes, "-based", directions.
    ("The company moved to Japan last year.", &["LOCATION:Japan"]),
    ("A Tokyo-based startup raised money.", &["LOCATION:Tokyo"]),
    (
        "Flooding hit the Mississippi River again.",
        &["LOCATION:Mississippi River"],
    ),
    (
        "They toured Southern Patagonia by bus.",
        &["LOCATION:Southern Patagonia"],
    ),
    // Products with versions.
    (
        "The team released Sora 2 to the public.",
        &["PRODUCT:Sora 2"],
    ),
    // Sentence-initial capitals, months and demonyms are not names.
    ("Yesterday the market fell in March.", &[]),
    ("American investors were cautious.", &[]),
    // A headline in capitals is not tagged word by word.
    ("STOCKS FALL AS MARKETS WORRY ABOUT RATES", &[]),
    // A single capitalised word with no cue is dropped ...
    ("The board backed the Compassion plan.", &[]),
    // ... unless a cue types it elsewhere in the document.
    (
        "He grew up in Brackley. The Brackley plant closed.",
        &["LOCATION:Brackley", "LOCATION:Brackley"],
    ),
    // ... or it is listed with a typed name ...
    (
        "Fans came from Bristol and Brackley to watch.",
        &["LOCATION:Bristol", "LOCATION:Brackley"],
    ),
    // ... but a list in a title-case heading makes no names at all.
    ("Our Response and Global Implications", &[]),
    // A capitalised "The" inside a sentence belongs to an organisation's
    // name; at the start of a sentence it does not.
    (
        "She joined the band The Vandals in May.",
        &["ORG:The Vandals"],
    ),
    ("The Vandals toured in May.", &["ORG:Vandals"]),
    // A capitalised plural is a team or band unless the document writes it
    // in lower case too.
    ("She wrote Songs, a book of songs.", &[]),
    // Particles inside a person's name, and a role ending in "Man" before
    // a given name.
    (
        "The army was led by Juan de la Serna that year.",
        &["PERSON:Juan de la Serna"],
    ),
    (
        "The signal was set by Tower Man George Hale that night.",
        &["PERSON:George Hale"],
    ),
    // A nickname in quotes inside a person's name; the surname alone
    // then takes the person's type.
    (
        "The trophy went with Harold \"Junior\" Okafor. Later Okafor retired.",
        &["PERSON:Harold \"Junior\" Okafor", "PERSON:Okafor"],
    ),
    // Appositions name the kind: the company X, the village (of) X, and a
    // single word after "from the" is a place.
    (
        "Games are made by the company Zentrix in Seoul.",
        &["ORG:Zentrix", "LOCATION:Seoul"],
    ),
    (
        "She lives in the village of Brackley now.",
        &["LOCATION:Brackley"],
    ),
    (
        "Letters came from the Brackley each week.",
        &["LOCATION:Brackley"],
    ),
    // A list joined by "and" outweighs a comma after it.
    (
        "He played in Ottawa and Brackley, Okafor said.",
        &["LOCATION:Ottawa", "LOCATION:Brackley", "PERSON:Okafor"],
    ),
    (
        "The rebels were led by Tomas Aguilo y Andaya then.",
        &["PERSON:Tomas Aguilo y Andaya"],
    ),
    // A short prefix of a hyphenated word is not a name, and a mid-sentence
    // "The" before it is not kept.
    ("A statement said The Co-founder had resigned.", &[]),
    // Membership words around a name make it an organisation.
    (
        "He was a member of Bright Future and later a Bright Future member.",
        &["ORG:Bright Future", "ORG:Bright Future"],
    ),
    // A single word before a modal or a verb of speech is a person.
    (
        "Before Okonkwo could answer, the bell rang.",
        &["PERSON:Okonkwo"],
    ),
    // Plain capitalised words without a given name are a person only when
    // none of them is vocabulary (an abstract-noun ending, or written in
    // lower case elsewhere in the document) or a known place.
    (
        "The award was won by Okonkwo Adebayo.",
        &["PERSON:Okonkwo Adebayo"],
    ),
    (
        "Members of National Action marched.",
        &["ORG:National Action"],
    ),
    (
        "Votes for Crimson Store rose as the store opened.",
        &["ORG:Crimson Store"],
    ),
    // In a title-case heading capitals say nothing; cued names stay.
    ("Market Reaction and Regional Outlook", &[]),
    // Long headings too, glued to the first sentence in scraped text.
    (
        "Concerns Rise Over the Model and Its Impact on the Creative and Tech Ecosystem The move reflects a stance.",
        &[],
    ),
    // A capitalised article inside a run starts a new sentence whose full
    // stop was lost in scraping.
    (
        "He joined Acme Robotics The move surprised analysts.",
        &["ORG:Acme Robotics"],
    ),
];

#[test]
fn english_names_table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got = names(text);
        if got != *want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn surname_alone_takes_the_full_names_type_in_a_document() {
    let text = "Luca Brenner joined the club in May. Later Brenner scored twice.";
    let got = names(text);
    assert_eq!(got, ["PERSON:Luca Brenner", "PERSON:Brenner"]);
}

/// (document, entity text, expected canonical).
const LINKS: &[(&str, &str, &str)] = &[
    // Later short forms take the full form's canonical.
    (
        "イーロン・マスク氏が登場した。マスク氏は語った。",
        "マスク",
        "イーロン・マスク",
    ),
    (
        "Sam Altman spoke. Altman said the launch went well.",
        "Altman",
        "Sam Altman",
    ),
    // Katakana and Latin spellings agree; the Latin one is the canonical.
    (
        "サム・アルトマン氏が登壇した。Sam Altman said so.",
        "サム・アルトマン",
        "Sam Altman",
    ),
    (
        "ジェンスン・フアン氏が話した。Jensen Huang agreed.",
        "ジェンスン・フアン",
        "Jensen Huang",
    ),
    (
        "Elon Musk wrote. マスク氏は否定した。",
        "マスク",
        "Elon Musk",
    ),
    // Unlinked names keep their own text.
    ("Tim Cook visited Osaka.", "Tim Cook", "Tim Cook"),
];

#[test]
fn linking_gives_one_canonical() {
    for (text, mention, want) in LINKS {
        let found = entities(text, &|_| None);
        let e = found.iter().rfind(|e| e.text == *mention);
        let got = e.and_then(|e| e.canonical.clone());
        assert_eq!(got.as_deref(), Some(*want), "{text}: {found:?}");
    }
}

#[test]
fn gazetteer_canonical_wins_and_sets_the_type() {
    let lookup = |s: &str| match s {
        "Musk" | "Elon Musk" | "イーロン・マスク" => {
            Some(("Elon Musk".to_string(), EntityType::Person))
        }
        _ => None,
    };
    let found = entities("イーロン・マスク氏が来た。マスク氏は話した。", &lookup);
    assert!(!found.is_empty());
    for e in &found {
        assert_eq!(e.canonical.as_deref(), Some("Elon Musk"), "{e:?}");
        assert_eq!(e.ty, EntityType::Person);
    }
}

#[test]
fn numeric_entities_get_no_canonical() {
    let mut es = vec![Entity {
        start: 0,
        end: 3,
        byte_start: 0,
        byte_end: 3,
        ty: EntityType::Money,
        text: "$40".into(),
        canonical: None,
        norm: Some("40 USD".into()),
        source: "numeric".into(),
        sentence: 0,
    }];
    link(&mut es, &|_| Some(("X".into(), EntityType::Org)));
    assert_eq!(es[0].canonical, None);
    assert_eq!(es[0].ty, EntityType::Money);
}

/// Prints the names found in `KIJI_DUMP` (a debugging aid).
#[test]
#[ignore = "debugging aid: KIJI_DUMP=text cargo test --test names_en -- --ignored dump --nocapture"]
fn dump() {
    let text = std::env::var("KIJI_DUMP").unwrap_or_default();
    println!("{:?}", names(&text));
}
