//! Linking: one canonical name per real-world entity inside a document.
//!
//! [`link`] groups the name entities of a document into clusters and gives
//! every member the cluster's canonical name:
//!
//! * the same text (ignoring case, spaces and ・) is the same entity;
//! * a short form takes an earlier (or later) full form: a surname is the
//!   last part of a PERSON (マスク → イーロン・マスク, Altman → Sam Altman),
//!   a kanji surname the start of one (孫 → 孫正義), an ORG the start of a
//!   longer ORG or the name without its legal form (Toyota → Toyota Motor
//!   Corporation, ストックマーク → 株式会社ストックマーク);
//! * a katakana name and a Latin name are the same when their consonant
//!   skeletons agree (サム・アルトマン ≈ Sam Altman, ジェンスン・フアン ≈
//!   Jensen Huang), see [`skeleton`].
//!
//! The canonical is the gazetteer's when any member is known to it, else the
//! longest Latin-script member (the English Wikipedia title is what the
//! gazetteer would give), else the longest member. Members take the
//! cluster's type, so a short form guessed as ORG but linked to a PERSON
//! becomes PERSON.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use kiji_core::{Entity, EntityType};

/// What [`link`] asks the gazetteer: the canonical name and type of an alias.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<(String, EntityType)>;

/// Legal forms and heads that can be dropped from an organisation's name to
/// give the short form people write.
const LEGAL_FORMS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    " Inc.",
    " Inc",
    " Corp.",
    " Corp",
    " Corporation",
    " Co., Ltd.",
    " Co.",
    " Ltd.",
    " Ltd",
    " LLC",
    " PLC",
    " plc",
    " Holdings",
    " Group",
    " Company",
    "社",
];

/// Gives every name entity of one document its canonical name (see the
/// module documentation). `lookup` answers for names the gazetteer knows;
/// entities that already carry a canonical keep it as their cluster's.
/// Entities of the numeric types are left untouched.
pub fn link(entities: &mut [Entity], lookup: Lookup<'_>) {
    link_with(entities, lookup, INDEX_FROM);
}

/// Distinct names in a document from which linking looks for the names a
/// new one may join through an [`Index`] rather than among all of them:
/// below it, trying them all costs less than making their keys.
const INDEX_FROM: usize = 64;

/// [`link`], with the index taken up once `index_from` distinct names
/// were met (the result does not depend on it).
fn link_with(entities: &mut [Entity], lookup: Lookup<'_>, index_from: usize) {
    let names: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].ty.is_name())
        .collect();
    // Precomputed once per distinct text (articles repeat their names):
    // folded text, parts and skeletons.
    let mut infos: Vec<Info> = Vec::new();
    let mut by_text: HashMap<&str, usize> = HashMap::default();
    let mut scratch = Vec::new();
    let slots: Vec<usize> = names
        .iter()
        .map(|&i| {
            let text = entities[i].text.as_str();
            *by_text.entry(text).or_insert_with(|| {
                infos.push(Info::new(text, &mut scratch));
                infos.len() - 1
            })
        })
        .collect();
    let info: Vec<&Info> = slots.iter().map(|&j| &infos[j]).collect();
    // What the gazetteer knows, asked once per distinct text and type, and
    // borrowed per mention: a cluster copies its canonical once, at the end.
    let mut asked: HashMap<(&str, EntityType), Option<(String, EntityType)>> = HashMap::default();
    for &i in &names {
        let e = &entities[i];
        if e.canonical.is_none() {
            asked
                .entry((e.text.as_str(), e.ty))
                .or_insert_with(|| known_as(&e.text, e.ty, lookup));
        }
    }
    let known: Vec<Option<(&str, EntityType)>> = names
        .iter()
        .map(|&i| {
            let e = &entities[i];
            match &e.canonical {
                Some(c) => Some((c.as_str(), e.ty)),
                None => asked
                    .get(&(e.text.as_str(), e.ty))
                    .and_then(|a| a.as_ref())
                    .map(|(c, t)| (c.as_str(), *t)),
            }
        })
        .collect();

    // cluster[k] = index (into `names`) of the cluster's first member.
    //
    // A mention whose folded text and type were seen before joins that
    // mention's cluster at once; only distinct names are compared pairwise,
    // so a long document that repeats a few names stays linear.
    let mut cluster: Vec<usize> = (0..names.len()).collect();
    let mut seen: HashMap<(&str, EntityType), usize> = HashMap::default();
    // Indices of the first mention of each distinct (text, type), in
    // order. Past `index_from` of them they are also filed under their
    // keys: the earlier names a new one may join are those sharing a key
    // with it, instead of every distinct name so far (which made a
    // document with thousands of names quadratic). Either way they are
    // tried latest first.
    let mut distinct: Vec<usize> = Vec::new();
    let mut index: Option<Index> = None;
    let keys_of = |k: usize, keys: &mut Vec<(u8, u64)>| {
        keys.clear();
        let ty = entities[names[k]].ty;
        name_keys(info[k], ty, known[k].map(|(c, _)| c), keys);
    };
    let mut keys = Vec::new();
    let mut candidates = Vec::new();
    for k in 0..names.len() {
        let ek = &entities[names[k]];
        if let Some(&m) = seen.get(&(info[k].folded.as_str(), ek.ty)) {
            cluster[k] = cluster[m];
            continue;
        }
        if index.is_none() && distinct.len() >= index_from {
            let mut filed = Index::default();
            for &m in &distinct {
                keys_of(m, &mut keys);
                filed.file(&keys, m);
            }
            index = Some(filed);
        }
        match &index {
            Some(index) => {
                keys_of(k, &mut keys);
                index.candidates(&keys, &mut candidates);
            }
            None => {
                candidates.clear();
                candidates.extend(distinct.iter().rev());
            }
        }
        let mut found = None;
        for &m in &candidates {
            let em = &entities[names[m]];
            let (same_known, conflicting_known) = match (known[k], known[m]) {
                (Some(a), Some(b)) => {
                    let same = a.0.eq_ignore_ascii_case(b.0);
                    (same, !same)
                }
                _ => (false, false),
            };
            if same_known || (!conflicting_known && related(info[k], ek.ty, info[m], em.ty)) {
                found = Some(cluster[m]);
                break;
            }
        }
        if let Some(c) = found {
            cluster[k] = c;
        }
        seen.insert((info[k].folded.as_str(), ek.ty), k);
        distinct.push(k);
        if let Some(index) = &mut index {
            index.file(&keys, k);
        }
    }

    // Canonical and type per cluster, decided while the entities are
    // borrowed, then given to the members. Mentions sorted by cluster (the
    // sort is stable: members stay in text order) instead of a list per
    // cluster.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&k| cluster[k]);
    let decided: Vec<(&[usize], String, EntityType)> = order
        .chunk_by(|&a, &b| cluster[a] == cluster[b])
        .map(|members| {
            let root = cluster[members[0]];
            let gaz = members.iter().find_map(|&k| known[k]);
            let head = *members
                .iter()
                .max_by(|&&a, &&b| {
                    let (ia, ib) = (&info[a], &info[b]);
                    (ia.latin, ia.parts.len(), ia.chars)
                        .cmp(&(ib.latin, ib.parts.len(), ib.chars))
                        // Earlier wins a tie: max_by keeps the last maximum.
                        .then(b.cmp(&a))
                })
                .unwrap_or(&root);
            // The type comes from the fullest form in its own script, not from
            // a Latin spelling that may have been guessed from shape alone.
            let type_head = *members
                .iter()
                .max_by(|&&a, &&b| {
                    (info[a].parts.len(), info[a].chars)
                        .cmp(&(info[b].parts.len(), info[b].chars))
                        .then(b.cmp(&a))
                })
                .unwrap_or(&root);
            let (canonical, ty) = match gaz {
                Some((c, t)) => (c.to_string(), t),
                None => (
                    entities[names[head]].text.clone(),
                    entities[names[type_head]].ty,
                ),
            };
            (members, canonical, ty)
        })
        .collect();
    for (members, canonical, ty) in decided {
        let mut give = |k: usize, canonical: String| {
            let e = &mut entities[names[k]];
            e.canonical = Some(canonical);
            // A place never becomes a person through a shared word
            // (Washington the state, George Washington).
            if e.ty != ty
                && members.len() > 1
                && e.ty != EntityType::Location
                && ty != EntityType::Location
            {
                e.ty = ty;
            }
        };
        // Every member but the last takes a copy; the last, the string.
        if let Some((&last, rest)) = members.split_last() {
            for &k in rest {
                give(k, canonical.clone());
            }
            give(last, canonical);
        }
    }
}

/// The gazetteer's canonical name and type for an entity's text: the text
/// itself, without its legal form, or a country's one-kanji abbreviation
/// (米 → 米国) known by its full name.
fn known_as(text: &str, ty: EntityType, lookup: Lookup<'_>) -> Option<(String, EntityType)> {
    lookup(text)
        .or_else(|| {
            let short = strip_legal(text);
            (short != text).then(|| lookup(short)).flatten()
        })
        .or_else(|| {
            let full = country_abbreviation(text)?;
            lookup(full).filter(|(_, t)| *t == ty)
        })
}

/// What linking needs to know about an entity's text.
struct Info {
    /// Lower case, without spaces and ・.
    folded: String,
    /// Text without its legal form, folded; `None` when it has none (most
    /// names), the short form then being `folded`.
    stripped: Option<String>,
    /// Parts split on spaces, ・ and ＝, lower-cased, one after another.
    lower: String,
    /// Consonant skeletons of the parts, one after another; made only for
    /// Latin and katakana texts, the only ones compared by skeleton.
    skels: String,
    /// Byte ranges of each part in `lower` and of its skeleton in `skels`
    /// (empty when there are no skeletons). Ranges into two shared strings
    /// instead of a string per part: linking makes thousands of these.
    parts: Vec<(Range<usize>, Range<usize>)>,
    /// True when the text is in Latin script.
    latin: bool,
    /// True when the text is katakana (with joiners).
    kana: bool,
    /// True when the text is kanji only.
    kanji: bool,
    /// Length in characters.
    chars: usize,
}

impl Info {
    /// The facts about `text`; `scratch` is reused space for skeletons.
    fn new(text: &str, scratch: &mut Vec<u8>) -> Self {
        // The script tests and the length in one pass.
        let (mut alphabetic, mut ascii, mut kana, mut kanji, mut chars) =
            (false, true, true, true, 0);
        for c in text.chars() {
            chars += 1;
            alphabetic |= c.is_ascii_alphabetic();
            ascii &= c.is_ascii() || c.is_whitespace();
            kana &= crate::names::is_katakana(c) || crate::names::is_kana_joiner(c);
            kanji &= crate::names::is_kanji(c);
        }
        let latin = alphabetic && ascii;
        let mut lower = String::with_capacity(text.len());
        let mut skels = String::with_capacity(if latin || kana { text.len() } else { 0 });
        let parts = text
            .split(|c: char| c.is_whitespace() || matches!(c, '・' | '＝' | '=' | '･'))
            .filter(|p| !p.is_empty())
            .map(|p| {
                let start = lower.len();
                lowercase_into(p, &mut lower);
                let skel_start = skels.len();
                // Skeletons compare katakana with Latin spellings only.
                if latin || kana {
                    skeleton_into(&lower[start..], scratch, &mut skels);
                }
                (start..lower.len(), skel_start..skels.len())
            })
            .collect();
        let folded = fold(text);
        let short = strip_legal(text);
        // Most names have no legal form: their short form is the name.
        let stripped = (short.len() != text.len()).then(|| fold(short));
        Info {
            folded,
            stripped,
            lower,
            skels,
            parts,
            latin,
            kana,
            kanji,
            chars,
        }
    }

    /// The folded text without its legal form.
    fn short(&self) -> &str {
        self.stripped.as_deref().unwrap_or(&self.folded)
    }

    /// The lower-cased parts, in order.
    fn parts(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.parts.iter().map(|(p, _)| &self.lower[p.clone()])
    }

    /// The skeletons of the parts, in order (empty unless Latin or katakana).
    fn skeletons(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.parts.iter().map(|(_, s)| &self.skels[s.clone()])
    }
}

/// Lower case without spaces and name joiners.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() && !matches!(c, '・' | '＝' | '=' | '･' | '.' | ',') {
            push_lower(&mut out, c);
        }
    }
    out
}

/// Appends `s.to_lowercase()` to `out`, without the Unicode tables for
/// ASCII, kana and kanji (most of the names linked).
fn lowercase_into(s: &str, out: &mut String) {
    if s.chars().all(|c| c.is_ascii() || caseless(c)) {
        // ASCII capitals are the only cased characters: lower them in place.
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        // Other scripts keep str's rules (final sigma).
        out.push_str(&s.to_lowercase());
    }
}

/// Pushes the lower case of `c`.
fn push_lower(out: &mut String, c: char) {
    lower(c, |l| out.push(l));
}

/// Calls `push` with each character of the lower case of `c`, without the
/// Unicode tables for ASCII, kana and kanji.
fn lower(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if caseless(c) {
        push(c);
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// CJK punctuation, kana and kanji: no case.
fn caseless(c: char) -> bool {
    ('\u{3000}'..='\u{9FFF}').contains(&c)
}

/// Heads written before a Japanese company name.
const LEGAL_HEADS: &[&str] = &["株式会社", "有限会社", "合同会社"];

/// The name without a legal form or 株式会社 head.
fn strip_legal(s: &str) -> &str {
    for h in LEGAL_HEADS {
        if let Some(rest) = s.strip_prefix(h) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    // The last byte first: most names end in none of the forms.
    let last = s.as_bytes().last();
    for lf in LEGAL_FORMS {
        if lf.as_bytes().last() != last {
            continue;
        }
        if let Some(rest) = s.strip_suffix(lf) {
            let rest = rest.trim_end_matches(',').trim_end();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

// The tags of [`name_keys`]: a name is filed under `tag` and asks for
// `partner(tag)`, so that a short form and a full form meet.

/// The folded text, the short form, the consonant skeletons of all parts,
/// the known canonical: equal in both names.
const FOLDED: u8 = 0;
const SHORT: u8 = 1;
const SKELETONS: u8 = 2;
const KNOWN: u8 = 3;
/// The last part of a person's name of several parts, and the one part of a
/// name that may be that surname; the same for its consonant skeleton.
const SURNAME_OF: u8 = 4;
const SURNAME: u8 = 5;
const SURNAME_SKELETON_OF: u8 = 6;
const SURNAME_SKELETON: u8 = 7;
/// The first part of an organisation's name of several parts, and a
/// one-part organisation that may be it.
const HEAD_OF: u8 = 8;
const HEAD: u8 = 9;
/// A kanji person's name, and each of its prefixes (孫 and 孫正義).
const KANJI_NAME: u8 = 10;
const KANJI_PREFIX: u8 = 11;

/// The tag a name asks for to find the names filed under `tag` that it may
/// be related to.
fn partner(tag: u8) -> u8 {
    match tag {
        SURNAME_OF => SURNAME,
        SURNAME => SURNAME_OF,
        SURNAME_SKELETON_OF => SURNAME_SKELETON,
        SURNAME_SKELETON => SURNAME_SKELETON_OF,
        HEAD_OF => HEAD,
        HEAD => HEAD_OF,
        KANJI_NAME => KANJI_PREFIX,
        KANJI_PREFIX => KANJI_NAME,
        same => same,
    }
}

/// The keys of a name of type `ty` (and known canonical, if any) as
/// `(tag, hash of the string)`: whenever [`related`] holds for two names,
/// or their known canonicals agree, one has a key `(t, h)` and the other
/// `(partner(t), h)`. Each rule of `related` gives the keys of its
/// condition, in the roles the rule allows, so that common words (the
/// first part "the", a shared surname) do not pair every name with every
/// other. Hashes may collide; a collision only adds a candidate, which
/// `related` then turns down.
fn name_keys(info: &Info, ty: EntityType, known: Option<&str>, out: &mut Vec<(u8, u64)>) {
    use std::hash::{BuildHasher, Hasher};
    // The tag stays out of the hash: a key is asked for under its
    // partner's tag.
    let hash = |tag: u8, s: &str| {
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        h.write(s.as_bytes());
        (tag, h.finish())
    };
    if let Some(c) = known {
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        for b in c.bytes() {
            h.write_u8(b.to_ascii_lowercase());
        }
        out.push((KNOWN, h.finish()));
    }
    if info.folded.is_empty() {
        return;
    }
    out.push(hash(FOLDED, &info.folded));
    if info.short().chars().count() >= 2 {
        out.push(hash(SHORT, info.short()));
    }
    if (info.kana || info.latin) && info.skels.len() >= 2 {
        out.push(hash(SKELETONS, &info.skels));
    }
    let (first, last) = (info.parts().next(), info.parts().next_back());
    let last_skeleton = info.skeletons().next_back().filter(|s| s.len() >= 2);
    if info.parts.len() > 1 {
        if ty == EntityType::Person {
            if let Some(p) = last.filter(|p| p.chars().count() >= 2) {
                out.push(hash(SURNAME_OF, p));
            }
            if let Some(s) = last_skeleton {
                out.push(hash(SURNAME_SKELETON_OF, s));
            }
        }
        if ty == EntityType::Org {
            if let Some(p) = first.filter(|p| p.chars().count() >= 3) {
                out.push(hash(HEAD_OF, p));
            }
        }
    } else if info.parts.len() == 1 {
        if ty != EntityType::Location {
            if let Some(p) = last.filter(|p| p.chars().count() >= 2) {
                out.push(hash(SURNAME, p));
            }
            if let Some(s) = last_skeleton.filter(|_| info.kana || info.latin) {
                out.push(hash(SURNAME_SKELETON, s));
            }
        }
        if ty == EntityType::Org {
            if let Some(p) = first.filter(|p| p.chars().count() >= 3) {
                out.push(hash(HEAD, p));
            }
        }
    }
    if ty == EntityType::Person && info.kanji {
        out.push(hash(KANJI_NAME, &info.folded));
        for (i, _) in info.folded.char_indices().skip(1) {
            out.push(hash(KANJI_PREFIX, &info.folded[..i]));
        }
        out.push(hash(KANJI_PREFIX, &info.folded));
    }
}

/// Names filed by key: indices of their first mentions, in order.
#[derive(Default)]
struct Index {
    filed: HashMap<(u8, u64), Vec<usize>>,
}

impl Index {
    /// Files the name `k` under `keys`.
    fn file(&mut self, keys: &[(u8, u64)], k: usize) {
        for &key in keys {
            self.filed.entry(key).or_default().push(k);
        }
    }

    /// Fills `out` with the names filed under the partners of `keys`,
    /// latest first, each once.
    fn candidates(&self, keys: &[(u8, u64)], out: &mut Vec<usize>) {
        out.clear();
        for &(tag, h) in keys {
            if let Some(found) = self.filed.get(&(partner(tag), h)) {
                out.extend_from_slice(found);
            }
        }
        out.sort_unstable_by(|a, b| b.cmp(a));
        out.dedup();
    }
}

/// True when two name entities are the same real-world entity by their
/// texts and types (see the module documentation).
fn related(a: &Info, ta: EntityType, b: &Info, tb: EntityType) -> bool {
    if a.folded.is_empty() || b.folded.is_empty() {
        return false;
    }
    if a.folded == b.folded {
        return true;
    }
    // Organisations with and without their legal form.
    let orgish = |t: EntityType| matches!(t, EntityType::Org | EntityType::Product);
    if (orgish(ta) || orgish(tb)) && a.short() == b.short() && a.short().chars().count() >= 2 {
        return true;
    }
    let (short, st, long, lt) = if a.chars <= b.chars {
        (a, ta, b, tb)
    } else {
        (b, tb, a, ta)
    };
    let one_part = short.parts.len() == 1 && long.parts.len() > 1;
    if let Some(p) = short.parts().next().filter(|_| one_part) {
        // A surname: the last part of a person's name.
        if lt == EntityType::Person
            && st != EntityType::Location
            && long.parts().next_back() == Some(p)
            && p.chars().count() >= 2
        {
            return true;
        }
        // Toyota after Toyota Motor Corporation.
        if lt == EntityType::Org
            && st == EntityType::Org
            && long.parts().next() == Some(p)
            && p.chars().count() >= 3
        {
            return true;
        }
        // Cross-script surname: マスク after Elon Musk.
        if lt == EntityType::Person
            && st != EntityType::Location
            && (short.kana && long.latin || short.latin && long.kana)
        {
            if let Some(last) = long.skeletons().next_back() {
                if last.len() >= 2 && short.skeletons().next() == Some(last) {
                    return true;
                }
            }
        }
    }
    // A kanji surname at the start of a kanji person's name (孫 → 孫正義).
    if st == EntityType::Person
        && lt == EntityType::Person
        && short.kanji
        && long.kanji
        && long.chars > short.chars
        && long.folded.starts_with(&short.folded)
    {
        return true;
    }
    // Katakana and Latin spellings of the same name.
    if (a.kana && b.latin || a.latin && b.kana) && a.skeletons().eq(b.skeletons()) {
        let consonants = a.skels.len();
        let needed = if ta == tb { 2 } else { 3 };
        return consonants >= needed && a.skeletons().all(|s| !s.is_empty());
    }
    false
}

/// The consonant skeleton of one name part, in katakana or Latin letters,
/// made so that a katakana transcription and the Latin original agree.
///
/// Both scripts are reduced to consonant classes: vowels and vowel length
/// (ー) go, l/r, v/b, f/h, z/s, th/s, sh/s, ch/t, c/k/s, ph/h, x/ks are
/// merged, `ng` becomes `n` and `n` before p/b becomes `m`, `h` inside a word goes (it is often silent in
/// Latin spellings and only a vowel carrier in katakana), and doubled
/// consonants (ッ, "ll") collapse.
pub fn skeleton(part: &str) -> String {
    let mut out = String::new();
    skeleton_into(part, &mut Vec::new(), &mut out);
    out
}

/// Appends the [`skeleton`] of `part` to `out`. `raw` is scratch space,
/// reused across calls: skeletons are a few bytes long and made by the
/// thousand.
fn skeleton_into(part: &str, raw: &mut Vec<u8>, out: &mut String) {
    raw.clear();
    if part.chars().all(|c| c.is_ascii() || caseless(c)) {
        // ASCII, kana and kanji: only ASCII has case (see `lower`).
        consonants(part.chars().map(|c| c.to_ascii_lowercase()), raw);
    } else {
        let mut lowered = Vec::with_capacity(part.len());
        for c in part.chars() {
            lower(c, |l| lowered.push(l));
        }
        consonants(lowered.into_iter(), raw);
    }
    // ン before p/b/m is written m in Latin (トランプ, Trump). Every pair
    // starts with n: without one there is nothing to replace.
    if raw.contains(&b'n') {
        for (from, to) in [
            (b"ng", &b"n"[..]),
            (b"np", b"mp"),
            (b"nb", b"mb"),
            (b"nm", b"m"),
        ] {
            replace_pair(raw, from, to);
        }
    }
    let mut last = None;
    for (idx, &b) in raw.iter().enumerate() {
        if b == b'h' && idx > 0 {
            continue;
        }
        if last == Some(b) {
            continue;
        }
        out.push(char::from(b));
        last = Some(b);
    }
}

/// Appends the consonant classes of the lower-case `chars` to `raw`, the
/// first step of [`skeleton`].
fn consonants(chars: impl Iterator<Item = char>, raw: &mut Vec<u8>) {
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        // True when `next` is spelled together with `c`.
        let mut pair = false;
        if let Some(k) = kana_consonant(c) {
            // ウィ, ウェ, ウォ are "wi", "we", "wo".
            if c == 'ウ' && matches!(next, Some('ィ' | 'ェ' | 'ォ')) {
                raw.push(b'w');
            } else {
                raw.extend_from_slice(k.as_bytes());
            }
        } else if c.is_ascii_alphabetic() {
            let two = next.map(|n| [c, n]);
            match two {
                Some(['s', 'h']) | Some(['t', 'h']) => {
                    raw.push(b's');
                    pair = true;
                }
                Some(['c', 'h']) => {
                    raw.push(b't');
                    pair = true;
                }
                Some(['p', 'h']) => {
                    raw.push(b'h');
                    pair = true;
                }
                Some(['g', 'h']) => pair = true,
                Some(['c', 'k']) => {
                    raw.push(b'k');
                    pair = true;
                }
                Some(['q', 'u']) => {
                    raw.push(b'k');
                    pair = true;
                }
                Some(['w', 'h']) => {
                    raw.push(b'w');
                    pair = true;
                }
                _ => match c {
                    'a' | 'e' | 'i' | 'o' | 'u' | 'y' => {}
                    'c' => raw.push(if matches!(next, Some('e' | 'i' | 'y')) {
                        b's'
                    } else {
                        b'k'
                    }),
                    'x' => raw.extend_from_slice(b"ks"),
                    'f' => raw.push(b'h'),
                    'v' => raw.push(b'b'),
                    'l' => raw.push(b'r'),
                    'z' => raw.push(b's'),
                    'q' => raw.push(b'k'),
                    // An ASCII letter: its code is its byte.
                    other => raw.push(other as u8),
                },
            }
        }
        if pair {
            chars.next();
        }
    }
}

/// `s = s.replace(from, to)` for a two-byte `from` and a `to` no longer,
/// without the general substring searcher or a new buffer (skeletons are a
/// few bytes long and made by the thousand).
fn replace_pair(s: &mut Vec<u8>, from: &[u8; 2], to: &[u8]) {
    debug_assert!(to.len() <= from.len());
    // In place: `to` is never longer than `from`, so what is written never
    // overtakes what is still to be read.
    let (mut read, mut write) = (0, 0);
    while read < s.len() {
        if s[read..].starts_with(from) {
            s[write..write + to.len()].copy_from_slice(to);
            write += to.len();
            read += 2;
        } else {
            s[write] = s[read];
            write += 1;
            read += 1;
        }
    }
    s.truncate(write);
}

/// The consonant class of a katakana letter ("" for vowels and marks), or
/// `None` for anything else.
fn kana_consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ア' | 'イ' | 'ウ' | 'エ' | 'オ' | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ー' | 'ャ'
        | 'ュ' | 'ョ' | 'ヤ' | 'ユ' | 'ヨ' | 'ッ' | 'ヲ' => "",
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'ヵ' | 'ヶ' => "k",
        'ガ' | 'ギ' | 'グ' | 'ゲ' | 'ゴ' => "g",
        'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'ザ' | 'ズ' | 'ゼ' | 'ゾ' | 'ヅ' => "s",
        'ジ' | 'ヂ' => "j",
        'タ' | 'テ' | 'ト' | 'チ' => "t",
        'ツ' => "ts",
        'ダ' | 'デ' | 'ド' => "d",
        'ナ' | 'ニ' | 'ヌ' | 'ネ' | 'ノ' | 'ン' => "n",
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => "h",
        'バ' | 'ビ' | 'ブ' | 'ベ' | 'ボ' | 'ヴ' => "b",
        'パ' | 'ピ' | 'プ' | 'ペ' | 'ポ' => "p",
        'マ' | 'ミ' | 'ム' | 'メ' | 'モ' => "m",
        'ラ' | 'リ' | 'ル' | 'レ' | 'ロ' => "r",
        'ワ' | 'ヮ' => "w",
        _ => return None,
    })
}

/// The usual full name of a country written by its one-kanji
/// abbreviation in news (米, 日, 英, 中, 韓…); `None` for other text. 瑞
/// (Switzerland or Sweden) is left out as ambiguous.
fn country_abbreviation(text: &str) -> Option<&'static str> {
    Some(match text {
        "日" => "日本",
        "米" => "米国",
        "英" => "英国",
        "中" => "中国",
        "韓" => "韓国",
        "朝" => "北朝鮮",
        "露" => "ロシア",
        "独" => "ドイツ",
        "仏" => "フランス",
        "伊" => "イタリア",
        "加" => "カナダ",
        "豪" => "オーストラリア",
        "印" => "インド",
        "台" => "台湾",
        "蘭" => "オランダ",
        "西" => "スペイン",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_of_transcriptions_agree() {
        let same = [
            ("サム", "Sam"),
            ("アルトマン", "Altman"),
            ("イーロン", "Elon"),
            ("マスク", "Musk"),
            ("ジェンスン", "Jensen"),
            ("フアン", "Huang"),
            ("マイクロソフト", "Microsoft"),
            ("ジョンソン", "Johnson"),
            ("スミス", "Smith"),
            ("ウィリアム", "William"),
            ("ケネディ", "Kennedy"),
            ("エヌビディア", "Nvidia"),
            ("ソニー", "Sony"),
            ("ヤング", "Young"),
            ("トランプ", "Trump"),
            ("ドナルド", "Donald"),
            ("ベゾス", "Bezos"),
        ];
        for (kana, latin) in same {
            assert_eq!(skeleton(kana), skeleton(latin), "{kana} vs {latin}");
        }
        let different = [
            ("マスク", "Altman"),
            ("サム", "Tim"),
            ("トランプ", "Biden"),
            ("グーグル", "Apple"),
        ];
        for (kana, latin) in different {
            assert_ne!(skeleton(kana), skeleton(latin), "{kana} vs {latin}");
        }
    }

    #[test]
    fn caseless_characters_have_no_lower_case() {
        for c in ('\u{3000}'..='\u{9FFF}').filter(|&c| caseless(c)) {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
        let lowercase = |s: &str| {
            let mut out = String::from("x");
            lowercase_into(s, &mut out);
            out
        };
        assert_eq!(lowercase("Sam ALTMAN"), "xsam altman");
        assert_eq!(lowercase("イーロン"), "xイーロン");
        assert_eq!(lowercase("ΟΔΟΣ"), format!("x{}", "ΟΔΟΣ".to_lowercase()));
        assert_eq!(fold("Sam・ALTMAN"), "samaltman");
    }

    #[test]
    fn skeletons_spell_n_before_labials_as_m_and_drop_inner_h() {
        assert_eq!(skeleton("トランプ"), "trmp");
        assert_eq!(skeleton("Young"), "n");
        assert_eq!(skeleton("Johnson"), "jnsn");
        assert_eq!(skeleton("ハンブルク"), "hmbrk");
        assert_eq!(skeleton("sanmin"), "smn");
    }

    /// The consonant skeleton as first written, one `String` and one
    /// character at a time: the specification [`skeleton`] must agree with.
    fn reference_skeleton(part: &str) -> String {
        let mut raw = String::new();
        let mut chars: Vec<char> = Vec::with_capacity(part.len());
        for c in part.chars() {
            lower(c, |l| chars.push(l));
        }
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let mut step = 1;
            if let Some(k) = kana_consonant(c) {
                // ウィ, ウェ, ウォ are "wi", "we", "wo".
                if c == 'ウ' && matches!(next, Some('ィ' | 'ェ' | 'ォ')) {
                    raw.push('w');
                } else {
                    raw.push_str(k);
                }
            } else if c.is_ascii_alphabetic() {
                let two = next.map(|n| [c, n]);
                match two {
                    Some(['s', 'h']) | Some(['t', 'h']) => {
                        raw.push('s');
                        step = 2;
                    }
                    Some(['c', 'h']) => {
                        raw.push('t');
                        step = 2;
                    }
                    Some(['p', 'h']) => {
                        raw.push('h');
                        step = 2;
                    }
                    Some(['g', 'h']) => step = 2,
                    Some(['c', 'k']) => {
                        raw.push('k');
                        step = 2;
                    }
                    Some(['q', 'u']) => {
                        raw.push('k');
                        step = 2;
                    }
                    Some(['w', 'h']) => {
                        raw.push('w');
                        step = 2;
                    }
                    _ => match c {
                        'a' | 'e' | 'i' | 'o' | 'u' | 'y' => {}
                        'c' => raw.push(if matches!(next, Some('e' | 'i' | 'y')) {
                            's'
                        } else {
                            'k'
                        }),
                        'x' => raw.push_str("ks"),
                        'f' => raw.push('h'),
                        'v' => raw.push('b'),
                        'l' => raw.push('r'),
                        'z' => raw.push('s'),
                        'q' => raw.push('k'),
                        other => raw.push(other),
                    },
                }
            }
            i += step;
        }
        for (from, to) in [("ng", "n"), ("np", "mp"), ("nb", "mb"), ("nm", "m")] {
            raw = raw.replace(from, to);
        }
        let raw = raw.into_bytes();
        let mut out = String::with_capacity(raw.len());
        for (idx, &b) in raw.iter().enumerate() {
            if b == b'h' && idx > 0 {
                continue;
            }
            if out.as_bytes().last() == Some(&b) {
                continue;
            }
            out.push(char::from(b));
        }
        out
    }

    /// Name pieces in every script linking meets.
    const PIECES: &[&str] = &[
        "Sam",
        "ALTMAN",
        "Musk",
        "ch",
        "ng",
        "x",
        "Phil",
        "quo",
        " ",
        "  ",
        "・",
        "＝",
        "=",
        "･",
        ".",
        ",",
        "マスク",
        "サム",
        "ウィ",
        "ー",
        "ン",
        "プ",
        "ッ",
        "ﾏｽｸ",
        "孫",
        "正義",
        "ΟΔΟΣ",
        "Σ",
        "İ",
        "株式会社",
        " Inc.",
        " Corp",
        "社",
        "é",
        "\u{3000}",
        "\t",
    ];

    proptest::proptest! {
        #[test]
        fn skeleton_agrees_with_the_first_definition(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(skeleton(&text), reference_skeleton(&text));
        }

        #[test]
        fn info_agrees_with_the_straightforward_definitions(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        ) {
            use crate::names::{is_kana_joiner, is_kanji, is_katakana};
            let text = parts.concat();
            let info = Info::new(&text, &mut Vec::new());
            let want: Vec<String> = text
                .split(|c: char| c.is_whitespace() || matches!(c, '・' | '＝' | '=' | '･'))
                .filter(|p| !p.is_empty())
                .map(str::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(info.parts().collect::<Vec<_>>(), want.clone());
            let latin = text.chars().any(|c| c.is_ascii_alphabetic())
                && text.chars().all(|c| c.is_ascii() || c.is_whitespace());
            let kana = text.chars().all(|c| is_katakana(c) || is_kana_joiner(c));
            proptest::prop_assert_eq!(
                (info.latin, info.kana, info.kanji, info.chars),
                (latin, kana, text.chars().all(is_kanji), text.chars().count())
            );
            if latin || kana {
                let skels: Vec<String> = want.iter().map(|p| reference_skeleton(p)).collect();
                proptest::prop_assert_eq!(info.skeletons().collect::<Vec<_>>(), skels);
            }
            proptest::prop_assert_eq!(info.short(), fold(strip_legal(&text)));
        }

        #[test]
        fn strip_legal_agrees_with_the_first_definition(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..4)
        ) {
            let text = parts.concat();
            let mut want = text.as_str();
            if let Some(rest) = LEGAL_HEADS.iter().find_map(|h| text.strip_prefix(h).filter(|r| !r.is_empty())) {
                want = rest;
            } else if let Some(rest) = LEGAL_FORMS.iter().find_map(|lf| {
                let rest = text.strip_suffix(lf)?.trim_end_matches(',').trim_end();
                (!rest.is_empty()).then_some(rest)
            }) {
                want = rest;
            }
            proptest::prop_assert_eq!(strip_legal(&text), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn replace_pair_is_str_replace(s in "[nmpbgha]{0,12}") {
            for (from, to) in [(b"ng", &b"n"[..]), (b"np", b"mp"), (b"nb", b"mb"), (b"nm", b"m")] {
                let mut bytes = s.clone().into_bytes();
                replace_pair(&mut bytes, from, to);
                let want = s.replace(
                    std::str::from_utf8(from).expect("ascii"),
                    std::str::from_utf8(to).expect("ascii"),
                );
                proptest::prop_assert_eq!(bytes, want.into_bytes());
            }
        }
    }

    #[test]
    fn a_one_kanji_country_takes_the_canonical_of_its_full_name() {
        let place = |text: &str| Entity {
            start: 0,
            end: text.chars().count(),
            byte_start: 0,
            byte_end: text.len(),
            ty: EntityType::Location,
            text: text.to_string(),
            canonical: None,
            norm: None,
            source: "test".into(),
            sentence: 0,
        };
        let mut es = vec![place("米"), place("瑞")];
        let lookup = |s: &str| match s {
            "米国" => Some(("United States".to_string(), EntityType::Location)),
            _ => None,
        };
        link(&mut es, &lookup);
        assert_eq!(es[0].canonical.as_deref(), Some("United States"));
        assert_eq!(es[1].canonical.as_deref(), Some("瑞"));
    }

    #[test]
    fn legal_forms_are_stripped() {
        assert_eq!(strip_legal("株式会社ストックマーク"), "ストックマーク");
        assert_eq!(strip_legal("Apple Inc."), "Apple");
        assert_eq!(strip_legal("Toyota Motor Corporation"), "Toyota Motor");
        assert_eq!(strip_legal("Inc."), "Inc.");
        assert_eq!(strip_legal("OpenAI"), "OpenAI");
    }

    /// Words of names as written in Latin letters and in katakana (the
    /// kanji ones the same in both).
    const NAME_WORDS: &[(&str, &str)] = &[
        ("Sam", "サム"),
        ("Altman", "アルトマン"),
        ("Elon", "イーロン"),
        ("Musk", "マスク"),
        ("Toyota", "トヨタ"),
        ("Jensen", "ジェンスン"),
        ("Huang", "フアン"),
        ("Motor", "モーター"),
        ("孫", "孫"),
        ("正義", "正義"),
        ("東京", "東京"),
    ];

    /// Two names made of the same words, or of the first or last of them,
    /// each in either script, with or without joiners and legal forms: the
    /// pairs every rule of `related` is about, among others.
    fn two_names() -> impl proptest::strategy::Strategy<Value = (String, String)> {
        use proptest::prelude::*;
        let form = || proptest::sample::select(vec!["", " Inc.", " Corporation", "社", "株式会社"]);
        let joiner = || proptest::sample::select(vec![" ", "・", ""]);
        (
            proptest::collection::vec(proptest::sample::select(NAME_WORDS), 1..4),
            (any::<bool>(), joiner(), form()),
            (any::<bool>(), joiner(), form(), 0..3usize),
        )
            .prop_map(|(words, a, b)| {
                let render = |words: &[(&str, &str)], kana: bool, joiner: &str, form: &str| {
                    let w: Vec<&str> = words.iter().map(|p| if kana { p.1 } else { p.0 }).collect();
                    let name = w.join(joiner);
                    if form == "株式会社" {
                        format!("{form}{name}")
                    } else {
                        name + form
                    }
                };
                let part: &[(&str, &str)] = match b.3 {
                    0 => &words,
                    1 => &words[..1],
                    _ => &words[words.len() - 1..],
                };
                (render(&words, a.0, a.1, a.2), render(part, b.0, b.1, b.2))
            })
    }

    fn some_type() -> impl proptest::strategy::Strategy<Value = EntityType> {
        proptest::sample::select(vec![
            EntityType::Person,
            EntityType::Org,
            EntityType::Product,
            EntityType::Location,
            EntityType::Event,
        ])
    }

    proptest::proptest! {
        /// The index never hides a pair the rules would link: whenever
        /// `related` holds, the second name asks for a key the first was
        /// filed under.
        #[test]
        fn related_names_share_a_key(
            (a, b) in two_names(), ta in some_type(), tb in some_type(), swap: bool
        ) {
            let (a, b) = if swap { (b, a) } else { (a, b) };
            let (ia, ib) = (Info::new(&a, &mut Vec::new()), Info::new(&b, &mut Vec::new()));
            if related(&ia, ta, &ib, tb) {
                let (mut ka, mut kb) = (Vec::new(), Vec::new());
                name_keys(&ia, ta, None, &mut ka);
                name_keys(&ib, tb, None, &mut kb);
                let mut index = Index::default();
                index.file(&ka, 0);
                let mut found = Vec::new();
                index.candidates(&kb, &mut found);
                proptest::prop_assert_eq!(found, vec![0], "{} ({:?}) and {} ({:?})", a, ta, b, tb);
            }
        }
    }

    /// Whether the name `b` of type `tb` finds `a` of type `ta` filed before.
    fn finds(a: &str, ta: EntityType, b: &str, tb: EntityType) -> bool {
        let (mut ka, mut kb) = (Vec::new(), Vec::new());
        name_keys(&Info::new(a, &mut Vec::new()), ta, None, &mut ka);
        name_keys(&Info::new(b, &mut Vec::new()), tb, None, &mut kb);
        let mut index = Index::default();
        index.file(&ka, 0);
        let mut found = Vec::new();
        index.candidates(&kb, &mut found);
        found == [0]
    }

    proptest::proptest! {
        /// Linking through the index links as trying every earlier name
        /// does.
        #[test]
        fn the_index_links_as_trying_all_names_does(
            names in proptest::collection::vec((two_names(), some_type()), 0..30)
        ) {
            let entity = |text: &str, ty: EntityType| Entity {
                start: 0,
                end: text.chars().count(),
                byte_start: 0,
                byte_end: text.len(),
                ty,
                text: text.to_string(),
                canonical: None,
                norm: None,
                source: "test".into(),
                sentence: 0,
            };
            let all: Vec<Entity> = names
                .iter()
                .flat_map(|((a, b), ty)| [entity(a, *ty), entity(b, *ty)])
                .collect();
            let lookup = |s: &str| {
                (s == "Toyota").then(|| ("Toyota Motor".to_string(), EntityType::Org))
            };
            let (mut tried, mut indexed) = (all.clone(), all);
            link_with(&mut tried, &lookup, usize::MAX);
            link_with(&mut indexed, &lookup, 0);
            proptest::prop_assert_eq!(indexed, tried);
        }
    }

    #[test]
    fn a_kanji_surname_and_the_full_name_find_each_other() {
        use EntityType::Person;
        assert!(related(
            &Info::new("孫", &mut Vec::new()),
            Person,
            &Info::new("孫正義", &mut Vec::new()),
            Person
        ));
        assert!(finds("孫", Person, "孫正義", Person));
        assert!(finds("孫正義", Person, "孫", Person));
        // A place is filed under neither key.
        assert!(!finds(
            "東京",
            EntityType::Location,
            "東京都",
            EntityType::Location
        ));
    }

    #[test]
    fn names_known_alike_share_a_key() {
        let info = Info::new("Meta", &mut Vec::new());
        let (mut ka, mut kb) = (Vec::new(), Vec::new());
        name_keys(&info, EntityType::Org, Some("Meta Platforms"), &mut ka);
        let other = Info::new("フェイスブック", &mut Vec::new());
        name_keys(&other, EntityType::Org, Some("meta platforms"), &mut kb);
        let mut index = Index::default();
        index.file(&ka, 7);
        let mut found = Vec::new();
        index.candidates(&kb, &mut found);
        assert_eq!(found, [7]);
    }
}
