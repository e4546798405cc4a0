//! Names in English (and other Latin-script) sentences, from capitalisation
//! and the words around it.
//!
//! A *run* is a sequence of capitalised words, with `of`, `de`, `von`, `&`
//! and hyphens inside ("Bank of America", "Coca-Cola", "GPT-4o") and a short
//! version number after ("Sora 2"). The run is typed by, in order: a title
//! before it (Mr., President) → PERSON; its last word (Inc., University,
//! River, Summit) → ORG/LOCATION/EVENT; a known place; a given name first →
//! PERSON; "-based", "in X", "X said" context; and finally its shape.

use super::lists;
use super::{for_each_sentence, harmonise, type_latin_run};
use crate::{Candidate, Confidence, DocContext, Recognizer};
use kiji_core::{EntityType, Lang, Pos, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{OnceCell, RefCell};

/// The recogniser's name, recorded as the entities' `source`.
const SOURCE: &str = "en-caps";

/// Lower-case words allowed inside a multiword name.
const CONNECTORS: &[&str] = &[
    "of", "upon", "de", "von", "van", "der", "den", "du", "la", "le", "del", "da", "di", "dos",
    "das", "bin", "al", "&", "y",
];

/// Lower-case particles inside persons' names (Joaquin de la Serna).
const PARTICLES: &[&str] = &[
    "de", "la", "von", "van", "der", "den", "du", "del", "da", "di", "dos", "das", "bin", "al",
    "y", "le",
];

/// Capitalised adjectives of nationality and region: not entities.
const DEMONYMS: &[&str] = &[
    "American",
    "Americans",
    "European",
    "African",
    "Asian",
    "French",
    "Dutch",
    "Swiss",
    "Greek",
    "Thai",
    "British",
    "English",
    "Japanese",
    "Chinese",
    "German",
    "Italian",
    "Spanish",
    "Russian",
    "Korean",
    "Indian",
    "Canadian",
    "Australian",
    "Mexican",
    "Brazilian",
    "Israeli",
    "Iranian",
    "Arab",
    "Arabic",
    "Jewish",
    "Muslim",
    "Christian",
    "Catholic",
    "Protestant",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Irish",
    "Scottish",
    "Welsh",
    "Polish",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Turkish",
    "Egyptian",
    "Ukrainian",
    "Taiwanese",
    "Vietnamese",
    "Republican",
    "Democrat",
    "Democrats",
    "Republicans",
    "Democratic",
    "Soviet",
    "Roman",
    "Latin",
];

/// Verbs of speech that make a preceding multiword run a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "noted",
    "stated",
    "argued",
    "recalled",
];

/// Verbs that, right after a single capitalised word, say a person acts:
/// things and organisations rarely die, marry, sing or plead.
const PERSON_VERBS: &[&str] = &[
    "died",
    "married",
    "sang",
    "sings",
    "testified",
    "resigned",
    "retired",
    "coached",
    "starred",
    "debuted",
    "denied",
    "pleaded",
    "confessed",
    "graduated",
    "studied",
    "divorced",
    "smiled",
    "laughed",
    "himself",
    "herself",
];

/// Participles after "was"/"is" that say the subject is a person (Cowley
/// was born, Citrone was sentenced).
const PERSON_PASSIVES: &[&str] = &[
    "born",
    "sentenced",
    "arrested",
    "elected",
    "appointed",
    "injured",
    "knighted",
    "nominated",
    "drafted",
    "convicted",
    "jailed",
    "imprisoned",
    "executed",
    "buried",
    "crowned",
    "baptized",
    "educated",
    "married",
    "murdered",
    "assassinated",
    "wounded",
    "exiled",
];

/// Nouns a person has that follow a possessive (Belgrano 's army, Smith's
/// wife).
const PERSON_HAS: &[&str] = &[
    "army", "troops", "wife", "husband", "son", "daughter", "father", "mother", "brother",
    "sister", "children", "career", "death", "birth", "plans", "men", "forces", "family", "life",
    "funeral", "widow", "parents", "grave",
];

/// True when the words after a single capitalised word say it is a person
/// (see [`PERSON_VERBS`], [`PERSON_PASSIVES`], [`PERSON_HAS`]).
fn person_acts(next: &str, next2: &str, next3: &str) -> bool {
    PERSON_VERBS.contains(&next)
        || (matches!(next, "was" | "is") && PERSON_PASSIVES.contains(&next2))
        || (matches!(next, "'s" | "’s") && PERSON_HAS.contains(&next2))
        || (matches!(next, "'" | "’") && next2 == "s" && PERSON_HAS.contains(&next3))
}

/// Modal verbs: a single capitalised word before one is a person acting.
const MODALS: &[&str] = &[
    "would", "could", "should", "will", "can", "might", "must", "shall",
];

/// Lower-case nouns that name the kind of an organisation written right
/// after them (the company X, the band X).
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "band",
    "club",
    "team",
    "label",
    "newspaper",
    "broadcaster",
    "carrier",
    "airline",
    "retailer",
    "automaker",
    "conglomerate",
    "party",
];

/// Words that go on a title begun by one of the titles (Chief Financial
/// Officer, Executive Vice President, Commerce Secretary).
const TITLE_WORDS: &[&str] = &[
    "Financial",
    "Operating",
    "Technology",
    "Technical",
    "Information",
    "Marketing",
    "Product",
    "Executive",
    "Officer",
    "Scientist",
    "Economist",
    "Strategist",
    "Vice",
    "President",
    "Senior",
    "Managing",
    "Deputy",
    "Assistant",
    "Associate",
    "General",
    "Operations",
    "Investment",
    "Digital",
    "Data",
    "Security",
    "Revenue",
    "Research",
    "Cabinet",
    "Foreign",
    "Finance",
    "Defense",
    "Defence",
    "Trade",
    "Economy",
    "Health",
    "Education",
    "Commerce",
    "Treasury",
    "Interior",
    "Transport",
    "Energy",
    "Agriculture",
    "Labor",
    "Labour",
    "Environment",
];

/// Lower-case nouns for a gathering written after its name (LlamaCon
/// conference, the Davos summit).
const EVENT_NOUNS: &[&str] = &[
    "conference",
    "summit",
    "festival",
    "expo",
    "convention",
    "hackathon",
];

/// Words for the kind of a gathering between its name and the noun
/// (WWDC developer conference, Build developers conference).
const EVENT_KINDS: &[&str] = &["developer", "developers", "annual", "user", "tech", "trade"];

/// Lower-case words of membership around an organisation's name (One
/// Nation member, a member of One Nation, the Labor party).
const ORG_MEMBERSHIP: &[&str] = &[
    "member", "members", "leader", "leaders", "party", "parties", "MP", "MPs", "founder",
];

/// Lower-case nouns that name the kind of a place written after them
/// (the village X) or after "of" (the town of X).
const PLACE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "province",
    "region",
    "prefecture",
    "county",
    "district",
    "municipality",
    "island",
    "capital",
    "state",
    "country",
    "suburb",
];

/// Prepositions after which a capitalised run is usually a place.
const PLACE_PREPS: &[&str] = &[
    "in",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "to",
    "from",
];

/// First words of multiword place names (North Melbourne, Southern
/// California, Great Britain).
const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper",
    "Lower", "Greater", "Central", "Great", "Little", "Old", "Mid", "Middle", "San", "Santa",
    "Los", "Las", "Saint", "Port", "Fort", "Mount", "Lake", "Cape",
];

/// Heads that make "X of Y" an organisation or a place.
const ORG_HEADS: &[&str] = &[
    "University",
    "Bank",
    "Ministry",
    "Department",
    "Institute",
    "Council",
    "Museum",
    "Church",
    "College",
    "School",
    "Agency",
    "Office",
    "Board",
    "Federation",
    "Association",
    "Society",
    "Union",
    "League",
    "Party",
    "Army",
    "Navy",
    "Government",
    "Academy",
    "Order",
    "House",
    "Court",
    "Parliament",
    "Congress",
    "Bureau",
    "Commission",
    "Committee",
    "Corporation",
    "Company",
    "Federal",
    "National",
    "Royal",
];
const PLACE_HEADS: &[&str] = &[
    "Kingdom",
    "Republic",
    "State",
    "City",
    "Province",
    "Isle",
    "Island",
    "Gulf",
    "Bay",
    "Lake",
    "Mount",
    "Cape",
    "Port",
    "Fort",
    "County",
    "Sea",
    "Strait",
    "Duchy",
    "Principality",
    "Commonwealth",
    "Empire",
];

/// Names in non-Japanese sentences (see the module documentation).
#[derive(Debug, Default, Clone, Copy)]
pub struct EnglishRecognizer;

impl EnglishRecognizer {
    /// The recogniser; its word lists are built on first use and shared.
    pub fn new() -> Self {
        EnglishRecognizer
    }
}

impl Recognizer for EnglishRecognizer {
    fn name(&self) -> &'static str {
        SOURCE
    }

    fn propose(&self, cx: &DocContext<'_>, out: &mut Vec<Candidate>) {
        let mut mine = Vec::new();
        let mut initials = Vec::new();
        let mut lone = Vec::new();
        let written = Written::new(cx.text);
        for_each_sentence(cx.tokens, |si, toks| {
            if cx.sentences.get(si).is_some_and(|s| s.lang != Lang::JA) {
                sentence(cx.text, &written, toks, &mut mine, &mut initials, &mut lone);
            }
        });
        harmonise(cx.text, &mut mine, &initials, SOURCE);
        settle_lone(cx.text, &mut mine, &lone);
        // One letter (the O of I/O) is no name by its shape; the gazetteer
        // knows the few that are.
        mine.retain(|c| {
            cx.text[c.byte_start..c.byte_end]
                .chars()
                .filter(|ch| ch.is_alphanumeric())
                .count()
                >= 2
        });
        out.append(&mut mine);
    }
}

/// Settles the single capitalised words that no cue typed (`lone`): one
/// that harmonising typed from a multiword name is kept; one the document
/// types elsewhere by a cue takes that type; one listed with a typed name
/// ("Bridgeton and Salem", "Walsall, Melbourne, Luton") takes its type; any
/// other is dropped, since a capital alone says nothing about what a word
/// names.
fn settle_lone(text: &str, cands: &mut Vec<Candidate>, lone: &[(usize, usize)]) {
    if lone.is_empty() {
        return;
    }
    let is_lone = |c: &Candidate| lone.contains(&(c.byte_start, c.byte_end));
    let cued: Vec<(&str, EntityType)> = cands
        .iter()
        .filter(|c| !is_lone(c))
        .filter_map(|c| Some((text.get(c.byte_start..c.byte_end)?, c.ty)))
        .collect();
    // Unsettled: lone and still a guess. Settled ones are typed.
    let mut open: Vec<bool> = cands
        .iter()
        .map(|c| is_lone(c) && c.confidence == Confidence::Guess)
        .collect();
    for (k, c) in cands.iter_mut().enumerate() {
        if !open[k] {
            continue;
        }
        let s = text.get(c.byte_start..c.byte_end).unwrap_or("");
        if let Some(&(_, ty)) = cued.iter().find(|(w, _)| *w == s) {
            c.ty = ty;
            open[k] = false;
        }
    }
    // Lists: repeat so a type passes along a chain of commas.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&k| cands[k].byte_start);
    // How `a` and `b` are listed: 2 joined by and/or, 1 by a comma alone.
    let listed = |a: &Candidate, b: &Candidate| -> u8 {
        if a.byte_end > b.byte_start {
            return 0;
        }
        match text.get(a.byte_end..b.byte_start).map(str::trim) {
            Some("and" | "or" | ", and" | ", or" | ",and" | ",or") => 2,
            Some(",") => 1,
            _ => 0,
        }
    };
    loop {
        let mut changed = false;
        for w in 0..order.len() {
            let k = order[w];
            if !open[k] {
                continue;
            }
            // (link strength, type) of the typed neighbours.
            let mut neighbours: Vec<(u8, EntityType)> = Vec::new();
            if w > 0 && !open[order[w - 1]] {
                let p = &cands[order[w - 1]];
                neighbours.push((listed(p, &cands[k]), p.ty));
            }
            if w + 1 < order.len() && !open[order[w + 1]] {
                let n = &cands[order[w + 1]];
                neighbours.push((listed(&cands[k], n), n.ty));
            }
            neighbours.retain(|n| n.0 > 0);
            let best = neighbours.iter().map(|n| n.0).max().unwrap_or(0);
            neighbours.retain(|n| n.0 == best);
            // Organisations are left out: title-case headings join common
            // words with "and" ("Response and Global Implications").
            if let Some(&(_, ty)) = neighbours.first() {
                if ty != EntityType::Org && neighbours.iter().all(|&(_, t)| t == ty) {
                    cands[k].ty = ty;
                    open[k] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !open[k - 1]
    });
}

/// The surface of token `i`.
fn surf<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    toks.get(i)
        .and_then(|t| text.get(t.span.byte_start..t.span.byte_end))
        .unwrap_or("")
}

/// A word without its possessive ending ("OpenAI's" → "OpenAI").
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// True for a word that can be part of a name by its capitalisation.
fn capitalised(w: &str) -> bool {
    let w = strip_possessive(w);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_uppercase() {
        return !lists::en_not_names().contains(w);
    }
    // iPhone, eBay: lower case first, a capital inside, letters only.
    first.is_lowercase()
        && w.chars().skip(1).any(char::is_uppercase)
        && w.chars().all(char::is_alphanumeric)
}

/// True when the sentence is a heading in capitals, where capitalisation
/// says nothing.
fn shouting(text: &str, toks: &[Token]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for i in 0..toks.len() {
        let w = surf(text, toks, i);
        if toks[i].pos == Pos::Word && w.chars().any(char::is_alphabetic) {
            words += 1;
            if w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase)
            {
                caps += 1;
            }
        }
    }
    words >= 4 && caps * 10 >= words * 7
}

/// True when tokens `a` and `b` are neighbours: white space never makes a
/// token, so only white space lies between them.
fn spaced(a: usize, b: usize) -> bool {
    b == a + 1
}

/// True when token `b` starts exactly where token `a` ends.
fn touching(toks: &[Token], a: usize, b: usize) -> bool {
    toks[a].span.byte_end == toks[b].span.byte_start
}

/// Runs the rules over one sentence's tokens.
fn sentence(
    text: &str,
    written: &Written<'_>,
    toks: &[Token],
    out: &mut Vec<Candidate>,
    initials: &mut Vec<(usize, usize)>,
    lone: &mut Vec<(usize, usize)>,
) {
    if shouting(text, toks) {
        return;
    }
    // In a title-case heading every content word is capitalised, so a
    // capital says nothing: only names with a cue (a suffix, a title) stay.
    if heading(text, toks) {
        let (o, l, n) = (out.len(), lone.len(), initials.len());
        sentence_words(text, written, toks, out, initials, lone);
        let mut k = 0;
        out.retain(|c| {
            k += 1;
            k <= o || c.confidence != Confidence::Guess
        });
        lone.truncate(l);
        initials.truncate(n);
        return;
    }
    sentence_words(text, written, toks, out, initials, lone);
}

/// True when the sentence is a title-case heading: no closing punctuation,
/// at most twenty words, and every word of four letters or more that is not
/// a function word capitalised, at least two of them.
fn heading(text: &str, toks: &[Token]) -> bool {
    let last = (0..toks.len())
        .rev()
        .find(|&i| !surf(text, toks, i).trim().is_empty());
    if last.is_some_and(|i| matches!(surf(text, toks, i), "." | "!" | "?" | ":" | "。")) {
        return false;
    }
    let words: Vec<&str> = (0..toks.len())
        .filter(|&i| toks[i].pos == Pos::Word)
        .map(|i| surf(text, toks, i))
        .collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| {
            w.chars().count() >= 4
                && w.chars().all(char::is_alphabetic)
                && !lists::EN_FUNCTION_WORDS
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w))
        })
        .collect();
    words.len() <= 20
        && content.len() >= 2
        && content
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The rules over one sentence's words (see [`sentence`]).
fn sentence_words(
    text: &str,
    written: &Written<'_>,
    toks: &[Token],
    out: &mut Vec<Candidate>,
    initials: &mut Vec<(usize, usize)>,
    lone: &mut Vec<(usize, usize)>,
) {
    // Index of the first word token: capitals there are the sentence's.
    let first_word = (0..toks.len()).find(|&i| toks[i].pos == Pos::Word);
    let mut i = 0;
    while i < toks.len() {
        if toks[i].pos != Pos::Word || !capitalised(surf(text, toks, i)) {
            i += 1;
            continue;
        }
        let (end, versioned) = run_end(text, toks, i);
        if let Some(nick_end) = nicknamed(text, toks, i, end) {
            out.push(Candidate::new(
                toks[i].span.byte_start,
                toks[nick_end - 1].span.byte_end,
                EntityType::Person,
                SOURCE,
                Confidence::Rule,
            ));
            i = nick_end;
            continue;
        }
        take_run(
            text,
            written,
            toks,
            i,
            end,
            versioned,
            first_word == Some(i),
            out,
            initials,
            lone,
        );
        i = end.max(i + 1);
    }
}

/// True for a straight or curly double quote.
fn quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”")
}

/// The end of a person's name with a nickname in quotes inside it
/// (William "Bill" Cowley), when the run `toks[i..end]` is its first part:
/// one or two plain words, a quoted plain word, then one or two more.
fn nicknamed(text: &str, toks: &[Token], i: usize, end: usize) -> Option<usize> {
    let plain_run = |a: usize, b: usize| (a..b).all(|k| plain_word(surf(text, toks, k)));
    if end - i > 2 || !plain_run(i, end) || lists::en_function_words().contains(surf(text, toks, i))
    {
        return None;
    }
    if !(quote(surf(text, toks, end)) && quote(surf(text, toks, end + 2))) {
        return None;
    }
    let nick = end + 1;
    if nick + 2 >= toks.len() || !plain_word(surf(text, toks, nick)) {
        return None;
    }
    let last = nick + 2;
    if !(toks[last].pos == Pos::Word && plain_word(surf(text, toks, last))) {
        return None;
    }
    let (stop, versioned) = run_end(text, toks, last);
    (!versioned && stop - last <= 2 && plain_run(last, stop)).then_some(stop)
}

/// The end (exclusive token index) of the run starting at `i`, and whether a
/// version number was taken into it.
fn run_end(text: &str, toks: &[Token], i: usize) -> (usize, bool) {
    let mut j = i + 1;
    let mut versioned = false;
    while j < toks.len() {
        // Possessive ends the run: "OpenAI's Sora" is two names.
        if strip_possessive(surf(text, toks, j - 1)) != surf(text, toks, j - 1) {
            break;
        }
        let w = surf(text, toks, j);
        // A capitalised article inside a run starts the next sentence of
        // text scraped without its full stop ("…Tech Ecosystem The move").
        if w == "The" {
            break;
        }
        if toks[j].pos == Pos::Word && capitalised(w) && spaced(j - 1, j) {
            j += 1;
            continue;
        }
        // Hyphen inside a word: Coca-Cola, DALL-E, GPT-4o (not X-based).
        if (w == "-" || w == "–")
            && touching(toks, j - 1, j)
            && j + 1 < toks.len()
            && touching(toks, j, j + 1)
        {
            let n = surf(text, toks, j + 1);
            if n.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                j += 2;
                continue;
            }
        }
        // Abbreviation dots: Inc., Corp., U.S., John F. Kennedy.
        if w == "." && touching(toks, j - 1, j) {
            let prev = surf(text, toks, j - 1);
            let abbrev = matches!(
                prev,
                "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "St" | "Mt"
            ) || lists::en_person_titles().contains(prev)
                || prev.contains('.')
                || (prev.chars().count() == 1 && prev.chars().all(char::is_uppercase));
            if abbrev {
                j += 1;
                // An initial continues the name only when a capital follows.
                if j < toks.len() && toks[j].pos == Pos::Word && capitalised(surf(text, toks, j)) {
                    j += 1;
                    continue;
                }
                break;
            }
        }
        // Connectors followed by a capitalised word: Bank of America.
        // "of" only after a head that takes it (Bank of, University of,
        // Bay of); "Farr of the Railroad" is two names.
        let of_ok = w != "of" || {
            let head = surf(text, toks, j - 1);
            ORG_HEADS.contains(&head)
                || PLACE_HEADS.contains(&head)
                || lists::en_org_suffixes().contains(head)
                || lists::en_place_suffixes().contains(head)
                || lists::en_event_suffixes().contains(head)
        };
        if of_ok && CONNECTORS.contains(&w) && j + 1 < toks.len() {
            let n = surf(text, toks, j + 1);
            if capitalised(n) && toks[j + 1].pos == Pos::Word {
                j += 2;
                continue;
            }
            // "of the": University of the Arts; two particles in a
            // person's name: Joaquin de la Serna, Ludwig van der Rohe.
            let particles = w != "of" && CONNECTORS.contains(&n) && n != "of" && n != "&";
            if (n == "the" || particles)
                && j + 2 < toks.len()
                && capitalised(surf(text, toks, j + 2))
            {
                j += 3;
                continue;
            }
        }
        // A short number right after is a version: Sora 2, Windows 95.
        if toks[j].pos == Pos::Number
            && !versioned
            && (w.len() <= 2 || w.contains('.') && w.len() <= 4)
        {
            let unit = surf(text, toks, j + 1);
            let unit_follows = j + 1 < toks.len()
                && unit.chars().next().is_some_and(char::is_lowercase)
                && !matches!(
                    unit,
                    "and"
                        | "or"
                        | "in"
                        | "on"
                        | "is"
                        | "was"
                        | "to"
                        | "for"
                        | "with"
                        | "model"
                        | "models"
                );
            let year_like = surf(text, toks, j - 1)
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
                && w.len() > 2;
            if !unit_follows && !year_like && surf(text, toks, j + 1) != "," {
                versioned = true;
                j += 1;
                continue;
            }
        }
        break;
    }
    (j, versioned)
}

/// Types the run `toks[i..end]` and proposes it.
// The run, its cues and both outputs are separate borrows of one sentence
// pass; a struct would only rename them.
#[allow(clippy::too_many_arguments)]
fn take_run(
    text: &str,
    written: &Written<'_>,
    toks: &[Token],
    mut i: usize,
    end: usize,
    versioned: bool,
    initial: bool,
    out: &mut Vec<Candidate>,
    initials: &mut Vec<(usize, usize)>,
    lone: &mut Vec<(usize, usize)>,
) {
    // Leading function words and titles are not part of the name.
    let mut titled = false;
    let mut initial = initial;
    // A capitalised "The" inside a sentence is part of the name when the
    // name is an organisation or event (band The Zutons, on The Hockey News).
    let mut the_start = None;
    while i < end {
        let w = strip_possessive(surf(text, toks, i));
        if lists::en_function_words().contains(w) {
            if w == "The" && !initial && i + 1 < end && the_start.is_none() {
                the_start = Some(toks[i].span.byte_start);
            } else {
                the_start = None;
            }
            i += 1;
            initial = false;
        } else if (lists::en_person_titles().contains(w.trim_end_matches('.'))
            || (titled && TITLE_WORDS.contains(&w)))
            && i + 1 < end
            && !org_suffix_end(text, toks, i, end)
        {
            titled = true;
            initial = false;
            i += 1;
            if surf(text, toks, i) == "." {
                i += 1;
            }
        } else {
            break;
        }
    }
    if i >= end {
        return;
    }
    // A title written as a capitalised phrase before a given name
    // ("County Coroner William McLaughlin"): the name starts at the given
    // name.
    if !titled && !org_suffix_end(text, toks, i, end) {
        if let Some(g) = (i + 1..end.saturating_sub(1)).find(|&g| {
            let w = surf(text, toks, g);
            // The word before must read as a role (Coroner, Engineer,
            // Director), not as part of a place (San Francisco).
            let role = strip_possessive(surf(text, toks, g - 1));
            let role_like = lists::en_person_titles().contains(role)
                || ["er", "or", "ist", "ant", "ent", "man"]
                    .iter()
                    .any(|e| role.to_lowercase().ends_with(e));
            lists::given_names().contains(w.to_lowercase().as_str())
                && w.chars().next().is_some_and(char::is_uppercase)
                && end - g <= 4
                && role_like
        }) {
            titled = true;
            initial = false;
            i = g;
        }
    }
    // Possessive and trailing dots (other than Inc.) are left out.
    let byte_start = toks[i].span.byte_start;
    let last = surf(text, toks, end - 1);
    let mut byte_end = toks[end - 1].span.byte_end - (last.len() - strip_possessive(last).len());
    if last == "." {
        let prev = surf(text, toks, end - 2);
        if !matches!(prev, "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr") && !prev.contains('.') {
            byte_end = toks[end - 1].span.byte_start;
        }
    }
    let Some(run) = text.get(byte_start..byte_end) else {
        return;
    };
    if run.is_empty() || DEMONYMS.contains(&run) || lists::en_not_names().contains(run) {
        return;
    }
    let words: Vec<&str> = run.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let last_word = words.last().copied().unwrap_or("").trim_end_matches('.');
    let prev = if i > 0 { surf(text, toks, i - 1) } else { "" };
    let prev_prev = if i > 1 { surf(text, toks, i - 2) } else { "" };
    let next = surf(text, toks, end);
    let next2 = surf(text, toks, end + 1);
    let multi = words.len() > 1;
    // Written as one token with its possessive (Belgrano's).
    let possessive = {
        let last = surf(text, toks, end - 1);
        strip_possessive(last) != last
    };
    // A short capitalised prefix of a hyphenated common word (Co-founder,
    // Anti-war, Ex-wife) names nothing.
    if !multi
        && plain_word(run)
        && run.chars().count() <= 4
        && next == "-"
        && next2 != "based"
        && next2.chars().next().is_some_and(char::is_lowercase)
    {
        return;
    }

    let (ty, conf) = if titled
        || (lists::en_person_titles().contains(prev.trim_end_matches('.'))
            && prev.chars().next().is_some_and(char::is_uppercase))
        || (prev == "." && lists::en_person_titles().contains(prev_prev))
    {
        (EntityType::Person, Confidence::Rule)
    } else if multi
        && (lists::en_org_suffixes().contains(last_word)
            || lists::en_org_suffixes().contains(words[words.len() - 1]))
    {
        (EntityType::Org, Confidence::Rule)
    } else if multi && lists::en_event_suffixes().contains(last_word) {
        (EntityType::Event, Confidence::Rule)
    } else if multi && lists::en_place_suffixes().contains(last_word) {
        (EntityType::Location, Confidence::Rule)
    } else if words.contains(&"of") && ORG_HEADS.contains(&first) {
        (EntityType::Org, Confidence::Rule)
    } else if (words.contains(&"of") && PLACE_HEADS.contains(&first))
        || lists::places().contains(run)
        || (next == "-" && next2 == "based")
    {
        (EntityType::Location, Confidence::Rule)
    } else if multi
        && words.iter().filter(|w| !CONNECTORS.contains(w)).count() <= 3
        && lists::given_names().contains(first.to_lowercase().as_str())
        && !versioned
    {
        (EntityType::Person, Confidence::Rule)
    } else if next == "," && lists::places().contains(next2) {
        (EntityType::Location, Confidence::Rule)
    } else if multi && words.len() <= 3 && SPEECH.contains(&next) && !versioned {
        (EntityType::Person, Confidence::Rule)
    } else if !versioned
        && (EVENT_NOUNS.contains(&next)
            || (EVENT_KINDS.contains(&next) && EVENT_NOUNS.contains(&next2)))
    {
        // LlamaCon developer conference, Davos summit: a named event.
        (EntityType::Event, Confidence::Rule)
    } else if !versioned
        && (!initial || multi)
        && (ORG_NOUNS.contains(&prev)
            || ORG_MEMBERSHIP.contains(&next)
            || (prev == "of" && ORG_MEMBERSHIP.contains(&prev_prev)))
    {
        // An apposition: the company Amuseworld, the band Interpol.
        (EntityType::Org, Confidence::Rule)
    } else if PLACE_NOUNS.contains(&prev)
        || (prev == "of" && PLACE_NOUNS.contains(&prev_prev))
        || (prev == "the"
            && PLACE_PREPS.contains(&prev_prev)
            && !multi
            && plain_word(run)
            && !plural(run)
            && !lists::en_org_suffixes().contains(run))
    {
        // The village Piedade, the village of Vanxim, from the Ilocos.
        (EntityType::Location, Confidence::Guess)
    } else if versioned {
        (EntityType::Product, Confidence::Guess)
    } else if PLACE_PREPS.contains(&prev) && !shape_says_org(run) {
        (EntityType::Location, Confidence::Guess)
    } else if !multi
        && plain_word(run)
        && !versioned
        && (person_acts(next, next2, surf(text, toks, end + 2))
            || (possessive && PERSON_HAS.contains(&next)))
    {
        // "Citrone denied", "Cowley was born", "Belgrano 's army": what
        // only people do or have.
        (EntityType::Person, Confidence::Guess)
    } else if initial && !multi {
        // A capital at the start of a sentence says nothing by itself; it is
        // kept aside in case the document names it elsewhere.
        initials.push((byte_start, byte_end));
        return;
    } else if !multi && lists::en_person_titles().contains(run) {
        // A title alone (the Secretary) names no one.
        return;
    } else if !multi
        && run
            .strip_suffix('s')
            .is_some_and(|w| lists::en_org_suffixes().contains(w))
    {
        // "various Leagues": bodies named by their kind, no one of them.
        return;
    } else if !multi && lists::en_org_suffixes().contains(run) {
        // "the League", "the Party": an organisation named by its kind.
        (EntityType::Org, Confidence::Guess)
    } else if plural(last_word) && !vocabulary(written, last_word) {
        // Teams and bands are plurals (Boston Bruins, the Zutons); plurals
        // the document also writes in lower case are vocabulary (Songs).
        (EntityType::Org, Confidence::Guess)
    } else if multi && DIRECTIONS.contains(&first) {
        (EntityType::Location, Confidence::Guess)
    } else if multi
        && words.iter().filter(|w| !PARTICLES.contains(w)).count() <= 3
        && words.iter().all(|w| plain_word(w) || PARTICLES.contains(w))
        && plain_word(last_word)
        && !words.iter().any(|w| {
            !PARTICLES.contains(w) && (lists::places().contains(w) || vocabulary(written, w))
        })
    {
        // Plain words, perhaps with particles (Diego Silang y Andaya).
        (EntityType::Person, Confidence::Guess)
    } else if !multi && plain_word(run) && (SPEECH.contains(&next) || MODALS.contains(&next)) {
        // "Hauser could", "Smith said": someone acting or speaking.
        (EntityType::Person, Confidence::Guess)
    } else if !multi && plain_word(run) && run.chars().count() >= 3 {
        // No cue at all: kept only if the document types it elsewhere.
        lone.push((byte_start, byte_end));
        (EntityType::Location, Confidence::Guess)
    } else {
        type_latin_run(run)
    };
    // "The" belongs to names such as The Zutons or The Hockey News, not to
    // a body named by its kind and place (the Bank of Japan, the
    // University of Tokyo).
    let byte_start = match the_start {
        Some(b)
            if matches!(ty, EntityType::Org | EntityType::Event)
                && !words.contains(&"of")
                && !lists::en_org_suffixes().contains(run) =>
        {
            b
        }
        _ => byte_start,
    };
    out.push(Candidate::new(byte_start, byte_end, ty, SOURCE, conf));
}

/// True when the run `toks[i..end]` ends in an organisation suffix, so a
/// leading title-like word is part of the name (General Motors).
fn org_suffix_end(text: &str, toks: &[Token], i: usize, end: usize) -> bool {
    let last = surf(text, toks, end - 1);
    end - i > 1 && lists::en_org_suffixes().contains(strip_possessive(last))
}

/// True for acronyms and mixed-case words, which are organisations or
/// products rather than places.
fn shape_says_org(run: &str) -> bool {
    run.split_whitespace()
        .any(|w| w.chars().skip(1).any(char::is_uppercase) || w.chars().any(|c| c.is_ascii_digit()))
}

/// A plain capitalised plural (Bruins, Rangers), not a name ending in s
/// (Douglas, Paris, Davis).
fn plural(w: &str) -> bool {
    plain_word(w)
        && w.chars().count() > 4
        && w.ends_with('s')
        && !["ss", "us", "is", "as", "os", "ys"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Endings of English abstract and agent nouns (Action, Security,
/// Government, Fiction): a word with one is vocabulary, not a name part.
const NOUN_ENDINGS: &[&str] = &[
    "tion", "sion", "ity", "ment", "ness", "ism", "ance", "ence", "ship", "ure", "ery", "ics",
    "ogy", "dom", "hood",
];

/// True when the capitalised word `w` reads as ordinary vocabulary: it has
/// the ending of an abstract noun, or the document also writes it in lower
/// case (house, world, channel).
fn vocabulary(written: &Written<'_>, w: &str) -> bool {
    let lower = w.to_lowercase();
    if lower.chars().count() > 4 && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    written.stands_alone(&lower)
}

/// What a document writes, for asking whether a word stands in it on its
/// own: no letter or digit right before or after it.
///
/// Each answer is a scan of the text, once per word; asked of many words
/// of a long document, that was quadratic. Past [`SCANS_BEFORE_RUNS`]
/// scans, the text's maximal runs of letters and digits are collected
/// once, and a word of letters and digits only is looked up among them:
/// it stands alone exactly where it is one of them. Other words (with an
/// apostrophe or a hyphen inside) are still scanned for.
struct Written<'t> {
    text: &'t str,
    runs: OnceCell<HashSet<&'t str>>,
    scanned: RefCell<HashMap<String, bool>>,
}

/// Scans of a document's text before its runs are collected: collecting
/// them costs a few scans, and most documents ask about only a few words.
const SCANS_BEFORE_RUNS: usize = 16;

impl<'t> Written<'t> {
    fn new(text: &'t str) -> Self {
        Written {
            text,
            runs: OnceCell::new(),
            scanned: RefCell::new(HashMap::default()),
        }
    }

    /// True when `word` occurs in the text with no letter or digit right
    /// before or after it.
    fn stands_alone(&self, word: &str) -> bool {
        let plain = !word.is_empty() && word.chars().all(char::is_alphanumeric);
        if plain {
            if let Some(runs) = self.runs.get() {
                return runs.contains(word);
            }
        }
        if let Some(&found) = self.scanned.borrow().get(word) {
            return found;
        }
        if plain && self.scanned.borrow().len() >= SCANS_BEFORE_RUNS {
            let runs = self.runs.get_or_init(|| {
                self.text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|r| !r.is_empty())
                    .collect()
            });
            return runs.contains(word);
        }
        let text = self.text;
        let found = text.match_indices(word).any(|(at, m)| {
            let before = text[..at].chars().next_back();
            let after = text[at + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        self.scanned.borrow_mut().insert(word.to_string(), found);
        found
    }
}

/// A capitalised word of letters only with lower case after the first.
fn plain_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(|c| c.is_lowercase() || c == '\'' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Where `word` stands alone in `text`, by a scan of the text.
    fn scanned(text: &str, word: &str) -> bool {
        text.match_indices(word).any(|(at, m)| {
            let before = text[..at].chars().next_back();
            let after = text[at + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// Strings of letters, digits, kanji, joiners and separators.
    fn some_text(max: usize) -> impl Strategy<Value = String> {
        let pick = proptest::sample::select("abAB1 '-.é東".chars().collect::<Vec<_>>());
        proptest::collection::vec(pick, 0..max).prop_map(|cs| cs.into_iter().collect())
    }

    #[test]
    fn a_word_stands_alone_between_non_letters() {
        let w = Written::new("The house, the world's end; Houses and xhouse.");
        assert!(w.stands_alone("house") && w.stands_alone("world") && w.stands_alone("the"));
        assert!(!w.stands_alone("houses") && !w.stands_alone("hous"));
        assert!(w.stands_alone("world's") && !w.stands_alone("orld's"));
    }

    proptest! {
        #[test]
        fn stands_alone_agrees_with_a_scan(
            text in some_text(40),
            words in proptest::collection::vec(some_text(5), 0..40)
        ) {
            // Enough words that the runs are collected part of the way.
            let w = Written::new(&text);
            for word in &words {
                prop_assert_eq!(w.stands_alone(word), scanned(&text, word), "{:?}", word);
            }
            // Asked again, from what was collected or scanned the first time.
            for word in &words {
                prop_assert_eq!(w.stands_alone(word), scanned(&text, word), "{:?}", word);
            }
        }
    }
}
