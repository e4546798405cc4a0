//! Services named like their company (Twitter, Instagram, YouTube): the
//! gazetteer types the bare name as a PRODUCT, and ANNOTATION.md makes a
//! mention an ORG where the company is meant: bought, valued, renamed. This
//! pass retypes single mentions from the words right around them, after
//! linking has given every mention of a name one type. Places named like
//! the team of their town (North Melbourne, 仙台) are retyped the same way
//! where one plays for, signs with or transfers to them.

use kiji_core::{Entity, EntityType};

/// Words that, right after a service's name, make it the company:
/// Twitter買収, Xの時価総額, Xに改名.
const COMPANY_AFTER: &[&str] = &[
    "買収",
    "の買収",
    "を買収",
    "の時価総額",
    "の企業価値",
    "の株価",
    "の株式",
    "の株主",
    "の経営",
    "の従業員",
    "の社員",
    "のCEO",
    "の最高経営責任者",
    "に改名",
    "の身売り",
    "を傘下",
    "の傘下",
    "傘下",
    "の子会社",
    "を子会社",
    "の親会社",
    "と経営統合",
    "と合併",
    "'s valuation",
    "'s shares",
    "'s stock",
    "'s employees",
    "'s CEO",
    "’s valuation",
    "’s shares",
    "’s stock",
    "’s employees",
    "’s CEO",
];

/// A passive predicate of its clause that makes the subject the company:
/// Twitterは2022年に…買収された.
const COMPANY_PASSIVE: &[&str] = &["買収され", "売却され", "上場され", "上場し"];

/// Retypes PRODUCT mentions that name the company behind a service.
pub fn retype(text: &str, entities: &mut [Entity]) {
    for e in entities.iter_mut().filter(|e| e.ty == EntityType::Product) {
        let Some(rest) = text.get(e.byte_end..) else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', '\u{3000}']);
        let company = COMPANY_AFTER.iter().any(|w| rest.starts_with(w))
            || ["は", "が"].iter().any(|p| rest.starts_with(p)) && {
                // The clause this mention is the subject of.
                let clause = rest
                    .split(['。', '、', '.', '!', '?', '\n'])
                    .next()
                    .unwrap_or("");
                COMPANY_PASSIVE.iter().any(|w| clause.contains(w))
            };
        if company {
            e.ty = EntityType::Org;
        }
    }
}

/// Words right before a place that make it the team named after it: "played
/// for North Melbourne", "signed with Coburg".
const TEAM_BEFORE: &[&str] = &[
    "played for",
    "played with",
    "plays for",
    "playing for",
    "signed with",
    "signed for",
    "debut for",
    "debuted for",
    "captained",
    "coached",
    "loaned to",
    "traded to",
    "drafted by",
];

/// Words right after a place that make it the team named after it:
/// 仙台に移籍, 松本に入団, 浦和と契約.
const TEAM_AFTER: &[&str] = &[
    "に移籍",
    "へ移籍",
    "に入団",
    "へ入団",
    "と契約",
    "に完全移籍",
    "に期限付き移籍",
];

/// Retypes the name written in parentheses right after a person's: the
/// person's team or employer, as Japanese news writes it (三笘薫（ブライト
/// ン）, 久保建英（レアル・ソシエダード）), not a place or another person.
pub fn retype_affiliations(text: &str, entities: &mut [Entity]) {
    for i in 1..entities.len() {
        let (prev, e) = (&entities[i - 1], &entities[i]);
        if prev.ty != EntityType::Person
            || !matches!(e.ty, EntityType::Location | EntityType::Person)
        {
            continue;
        }
        let gap = text.get(prev.byte_end..e.byte_start).unwrap_or("");
        let closed = text
            .get(e.byte_end..)
            .is_some_and(|rest| rest.starts_with(['）', ')']));
        if matches!(gap, "（" | "(") && closed {
            let e = &mut entities[i];
            e.ty = EntityType::Org;
            e.canonical = Some(e.text.clone());
        }
    }
}

/// Retypes places that name a sports team: a club is named after its town
/// (North Melbourne, 仙台), and the words around a mention say which is
/// meant. Runs after linking, on single mentions.
pub fn retype_teams(text: &str, entities: &mut [Entity]) {
    for e in entities.iter_mut().filter(|e| e.ty == EntityType::Location) {
        let before = text
            .get(..e.byte_start)
            .unwrap_or("")
            .trim_end_matches([' ', '\u{3000}']);
        let after = text.get(e.byte_end..).unwrap_or("");
        let team_before = TEAM_BEFORE.iter().any(|w| {
            before.ends_with(w)
                && !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        if team_before || TEAM_AFTER.iter().any(|w| after.starts_with(w)) {
            e.ty = EntityType::Org;
            e.canonical = Some(e.text.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, name: &str, ty: EntityType) -> Entity {
        let byte_start = text.find(name).unwrap_or(0);
        Entity {
            start: 0,
            end: 0,
            byte_start,
            byte_end: byte_start + name.len(),
            ty,
            text: name.to_string(),
            canonical: None,
            norm: None,
            source: "gazetteer".into(),
            sentence: 0,
        }
    }

    #[test]
    fn a_name_in_parentheses_after_a_person_is_their_team() {
        let text = "三笘薫（ブライトン）や久保建英（レアル・ソシエダード）、東京（日本）";
        let at = |name: &str, ty: EntityType| entity(text, name, ty);
        let mut es = vec![
            at("三笘薫", EntityType::Person),
            at("ブライトン", EntityType::Location),
            at("久保建英", EntityType::Person),
            at("レアル・ソシエダード", EntityType::Person),
            at("東京", EntityType::Location),
            at("日本", EntityType::Location),
        ];
        retype_affiliations(text, &mut es);
        let types: Vec<EntityType> = es.iter().map(|e| e.ty).collect();
        use EntityType::*;
        assert_eq!(types, [Person, Org, Person, Org, Location, Location]);
    }

    #[test]
    fn a_place_is_the_team_where_one_plays_for_it() {
        let place = |text: &str, name: &str| entity(text, name, EntityType::Location);
        let cases = [
            (
                "He played for North Melbourne in 1950.",
                "North Melbourne",
                EntityType::Org,
            ),
            ("He signed with Coburg.", "Coburg", EntityType::Org),
            ("2017年に仙台に移籍した。", "仙台", EntityType::Org),
            (
                "He moved to North Melbourne in 1950.",
                "North Melbourne",
                EntityType::Location,
            ),
            ("仙台に移住した。", "仙台", EntityType::Location),
        ];
        for (text, name, want) in cases {
            let mut es = vec![place(text, name)];
            retype_teams(text, &mut es);
            assert_eq!(es[0].ty, want, "{text}");
        }
    }

    #[test]
    fn a_service_is_the_company_where_it_is_bought_or_valued() {
        let cases = [
            (
                "マスク氏のTwitter買収は話題になった。",
                "Twitter",
                EntityType::Org,
            ),
            ("Twitterの時価総額は下がった。", "Twitter", EntityType::Org),
            (
                "Twitterは2022年に440億ドルで買収された。",
                "Twitter",
                EntityType::Org,
            ),
            ("Instagram's valuation rose.", "Instagram", EntityType::Org),
            ("ヤフーとLINEを傘下に持つ。", "LINE", EntityType::Org),
            ("LINE傘下の企業", "LINE", EntityType::Org),
            ("Twitterに写真を投稿した。", "Twitter", EntityType::Product),
            (
                "YouTubeは、買収された会社の動画を流した。",
                "YouTube",
                EntityType::Product,
            ),
            ("iPhoneを買った。", "iPhone", EntityType::Product),
        ];
        for (text, name, want) in cases {
            let mut es = vec![entity(text, name, EntityType::Product)];
            retype(text, &mut es);
            assert_eq!(es[0].ty, want, "{text}");
        }
    }
}
