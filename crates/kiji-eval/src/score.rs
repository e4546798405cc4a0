//! Matching predictions to gold and counting, as ANNOTATION.md defines it.
//!
//! * strict: same start, end and type;
//! * boundary: same start and end, any type;
//! * partial: overlapping spans of the same type.
//!
//! Every mode matches one to one: a gold entity is matched at most once and
//! so is a prediction, so a duplicated prediction is one true positive and
//! one false positive. Matching is greedy and deterministic: entities are
//! taken in (start, end, type) order, exact matches are made first, and a
//! partial match takes the gold entity with the largest overlap (the
//! earliest on a tie). Precision, recall and F1 are 0 when their
//! denominator is 0, so an empty prediction against an empty gold scores 0,
//! not 1; the counts are always reported beside them.

use crate::gold::{GoldDoc, GoldEntity};
use kiji_core::EntityType;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What to score and how much to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvalOptions {
    /// Score only these types; gold and predictions of other types are
    /// dropped before matching. `None` scores all ten.
    pub types: Option<Vec<EntityType>>,
    /// How many error examples of each kind to keep.
    pub errors: usize,
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched pairs.
    pub tp: usize,
    /// Predictions left unmatched.
    pub fp: usize,
    /// Gold entities left unmatched.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Number of gold entities (tp + fn).
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }

    fn add(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// `num / den`, or 0 when `den` is 0.
pub(crate) fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Counts of one matching mode, per type and over all types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModeScores {
    /// One entry for each type of [`Report::types`].
    pub per_type: BTreeMap<EntityType, Counts>,
    /// Sum over all types.
    pub micro: Counts,
}

impl ModeScores {
    fn tp(&mut self, ty: EntityType) {
        self.per_type.entry(ty).or_default().tp += 1;
    }
    fn fp(&mut self, ty: EntityType) {
        self.per_type.entry(ty).or_default().fp += 1;
    }
    fn fn_(&mut self, ty: EntityType) {
        self.per_type.entry(ty).or_default().fn_ += 1;
    }
    fn finish(&mut self, types: &[EntityType]) {
        for ty in types {
            self.per_type.entry(*ty).or_default();
        }
        self.micro = Counts::default();
        for c in self.per_type.values() {
            self.micro.add(c);
        }
    }
}

/// How many of `n` checked values were right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Values checked.
    pub n: usize,
    /// Values equal to gold.
    pub correct: usize,
}

impl Accuracy {
    /// correct / n, 0 when nothing was checked.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.n)
    }
}

/// A label of the confusion matrix: a type, or `None` for "no entity" (O).
pub type Label = Option<EntityType>;

/// What went wrong in an [`ErrorExample`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// A prediction matching nothing in gold, not even in part.
    FalsePositive,
    /// A gold entity nothing predicted, not even in part.
    FalseNegative,
    /// Right span, wrong type.
    WrongType,
    /// Right type, overlapping but different span.
    WrongSpan,
    /// Strictly correct, but the canonical name differs.
    Canonical,
    /// Strictly correct, but the normalised value differs.
    Norm,
}

impl ErrorKind {
    /// All kinds, in report order.
    pub const ALL: [ErrorKind; 6] = [
        ErrorKind::FalsePositive,
        ErrorKind::FalseNegative,
        ErrorKind::WrongType,
        ErrorKind::WrongSpan,
        ErrorKind::Canonical,
        ErrorKind::Norm,
    ];

    /// Short name used in reports (`FP`, `FN`, `TYPE`, `SPAN`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::FalsePositive => "FP",
            ErrorKind::FalseNegative => "FN",
            ErrorKind::WrongType => "TYPE",
            ErrorKind::WrongSpan => "SPAN",
            ErrorKind::Canonical => "CANONICAL",
            ErrorKind::Norm => "NORM",
        }
    }
}

/// One mistake, with the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorExample {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Document id.
    pub doc: String,
    /// The gold entity involved, if any.
    pub gold: Option<GoldEntity>,
    /// The prediction involved, if any.
    pub pred: Option<GoldEntity>,
    /// Up to 20 characters either side, the gold span (or else the
    /// predicted one) in `[brackets]`, line breaks shown as `⏎`.
    pub context: String,
}

/// Everything `kiji eval` reports for a JSONL gold file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Types reported, in [`EntityType::ALL`] order: the `types` option, or
    /// else every type seen in gold or predictions.
    pub types: Vec<EntityType>,
    /// Same span and type.
    pub strict: ModeScores,
    /// Same span. A matched pair counts under the gold type.
    pub boundary: ModeScores,
    /// Overlapping span, same type.
    pub partial: ModeScores,
    /// Canonical names of strictly correct name entities with a gold one.
    pub canonical: Accuracy,
    /// [`Report::canonical`] per type.
    pub canonical_per_type: BTreeMap<EntityType, Accuracy>,
    /// Normalised values of strictly correct MONEY/DATE/TIME/PERCENT
    /// entities with a gold one.
    pub norm: Accuracy,
    /// [`Report::norm`] per type.
    pub norm_per_type: BTreeMap<EntityType, Accuracy>,
    /// (gold, predicted) → count over boundary-matched pairs; an unmatched
    /// gold entity counts as (type, O), an unmatched prediction as (O, type).
    pub confusion: BTreeMap<(Label, Label), usize>,
    /// Predictions dropped because they overlap an ignored span and no gold
    /// entity.
    pub ignored_predictions: usize,
    /// Gold documents without predictions (scored as all false negatives).
    pub missing_docs: Vec<String>,
    /// Predicted documents not in gold (not scored).
    pub extra_docs: Vec<String>,
    /// Up to [`EvalOptions::errors`] examples of each [`ErrorKind`], in gold
    /// document order.
    pub errors: Vec<ErrorExample>,
}

impl Report {
    /// Micro-averaged strict F1, the figure `--fail-under` checks.
    pub fn strict_micro_f1(&self) -> f64 {
        self.strict.micro.f1()
    }
}

/// Case-insensitive, white-space-folded form used to compare canonical
/// names and normalised values.
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores predictions against gold; prediction documents are matched to
/// gold documents by id.
pub fn score(gold: &[GoldDoc], pred: &[GoldDoc], opts: &EvalOptions) -> Report {
    let by_id: HashMap<&str, &GoldDoc> = pred.iter().map(|d| (d.id.as_str(), d)).collect();
    let gold_ids: HashSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    let wanted = |ty: EntityType| opts.types.as_ref().is_none_or(|ts| ts.contains(&ty));
    let mut report = Report {
        documents: gold.len(),
        ..Report::default()
    };
    let mut seen_types = HashSet::new();
    let mut examples: BTreeMap<ErrorKind, Vec<ErrorExample>> = BTreeMap::new();
    let empty = Vec::new();
    for g in gold {
        let p_entities = match by_id.get(g.id.as_str()) {
            Some(p) => &p.entities,
            None => {
                report.missing_docs.push(g.id.clone());
                &empty
            }
        };
        let golds = sorted(g.entities.iter().filter(|e| wanted(e.ty)));
        let preds: Vec<&GoldEntity> = sorted(p_entities.iter().filter(|e| wanted(e.ty)))
            .into_iter()
            .filter(|p| {
                let drop = g.ignored.iter().any(|i| p.overlaps(i.start, i.end))
                    && !golds.iter().any(|x| x.overlaps(p.start, p.end));
                report.ignored_predictions += usize::from(drop);
                !drop
            })
            .collect();
        seen_types.extend(golds.iter().map(|e| e.ty));
        seen_types.extend(preds.iter().map(|e| e.ty));
        score_doc(g, &golds, &preds, &mut report, &mut examples, opts.errors);
    }
    report.extra_docs = pred
        .iter()
        .filter(|d| !gold_ids.contains(d.id.as_str()))
        .map(|d| d.id.clone())
        .collect();
    report.types = EntityType::ALL
        .into_iter()
        .filter(|t| match &opts.types {
            Some(ts) => ts.contains(t),
            None => seen_types.contains(t),
        })
        .collect();
    let types = report.types.clone();
    report.strict.finish(&types);
    report.boundary.finish(&types);
    report.partial.finish(&types);
    report.errors = examples.into_values().flatten().collect();
    report
}

fn sorted<'a>(it: impl Iterator<Item = &'a GoldEntity>) -> Vec<&'a GoldEntity> {
    let mut v: Vec<&GoldEntity> = it.collect();
    v.sort_by_key(|e| (e.start, e.end, e.ty));
    v
}

/// (gold index, prediction index) pairs.
type Pairs = Vec<(usize, usize)>;

/// Pairs (gold index, pred index). Exact pairs (same span and type) first,
/// then `extra` proposes, for each remaining prediction in order, the best
/// remaining gold.
fn match_pairs(
    golds: &[&GoldEntity],
    preds: &[&GoldEntity],
    extra: impl Fn(&GoldEntity, &GoldEntity) -> Option<usize>,
) -> (Pairs, Pairs) {
    let mut gold_used = vec![false; golds.len()];
    let mut pred_used = vec![false; preds.len()];
    let mut exact = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        let hit = golds.iter().enumerate().position(|(gi, g)| {
            !gold_used[gi] && g.start == p.start && g.end == p.end && g.ty == p.ty
        });
        if let Some(gi) = hit {
            gold_used[gi] = true;
            pred_used[pi] = true;
            exact.push((gi, pi));
        }
    }
    let mut loose = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        if pred_used[pi] {
            continue;
        }
        // The highest score wins; `max_by_key` keeps the last maximum, so
        // reverse to keep the first (earliest gold) on ties.
        let best = golds
            .iter()
            .enumerate()
            .filter(|(gi, _)| !gold_used[*gi])
            .filter_map(|(gi, g)| extra(g, p).map(|s| (gi, s)))
            .rev()
            .max_by_key(|&(_, s)| s);
        if let Some((gi, _)) = best {
            gold_used[gi] = true;
            pred_used[pi] = true;
            loose.push((gi, pi));
        }
    }
    (exact, loose)
}

fn score_doc(
    doc: &GoldDoc,
    golds: &[&GoldEntity],
    preds: &[&GoldEntity],
    report: &mut Report,
    examples: &mut BTreeMap<ErrorKind, Vec<ErrorExample>>,
    limit: usize,
) {
    let mut example = |kind: ErrorKind, g: Option<&GoldEntity>, p: Option<&GoldEntity>| {
        let list = examples.entry(kind).or_default();
        if list.len() < limit {
            list.push(ErrorExample {
                kind,
                doc: doc.id.clone(),
                gold: g.cloned(),
                pred: p.cloned(),
                context: context(&doc.text, g.or(p)),
            });
        }
    };

    // strict
    let (strict, _) = match_pairs(golds, preds, |_, _| None);
    let mut g_strict = vec![false; golds.len()];
    let mut p_strict = vec![false; preds.len()];
    for &(gi, pi) in &strict {
        let (g, p) = (golds[gi], preds[pi]);
        g_strict[gi] = true;
        p_strict[pi] = true;
        report.strict.tp(g.ty);
        if g.ty.is_name() {
            if let Some(gc) = &g.canonical {
                let ok = p
                    .canonical
                    .as_deref()
                    .is_some_and(|pc| fold(pc) == fold(gc));
                tally(
                    &mut report.canonical,
                    &mut report.canonical_per_type,
                    g.ty,
                    ok,
                );
                if !ok {
                    example(ErrorKind::Canonical, Some(g), Some(p));
                }
            }
        }
        if g.ty.has_norm() {
            if let Some(gn) = &g.norm {
                let ok = p.norm.as_deref().is_some_and(|pn| fold(pn) == fold(gn));
                tally(&mut report.norm, &mut report.norm_per_type, g.ty, ok);
                if !ok {
                    example(ErrorKind::Norm, Some(g), Some(p));
                }
            }
        }
    }
    count_unmatched(&mut report.strict, golds, preds, &g_strict, &p_strict);

    // boundary: a matched pair counts under the gold type, so per-type
    // recall reads "gold PERSONs found with the right span".
    let (exact, retyped) = match_pairs(golds, preds, |g, p| {
        (g.start == p.start && g.end == p.end).then_some(0)
    });
    let mut g_used = vec![false; golds.len()];
    let mut p_used = vec![false; preds.len()];
    for &(gi, pi) in exact.iter().chain(&retyped) {
        g_used[gi] = true;
        p_used[pi] = true;
        report.boundary.tp(golds[gi].ty);
        *report
            .confusion
            .entry((Some(golds[gi].ty), Some(preds[pi].ty)))
            .or_default() += 1;
    }
    for &(gi, pi) in &retyped {
        example(ErrorKind::WrongType, Some(golds[gi]), Some(preds[pi]));
    }
    count_unmatched(&mut report.boundary, golds, preds, &g_used, &p_used);
    for (_, g) in golds.iter().enumerate().filter(|(i, _)| !g_used[*i]) {
        *report.confusion.entry((Some(g.ty), None)).or_default() += 1;
    }
    for (_, p) in preds.iter().enumerate().filter(|(i, _)| !p_used[*i]) {
        *report.confusion.entry((None, Some(p.ty))).or_default() += 1;
    }

    // partial
    let (exact, overlapping) = match_pairs(golds, preds, |g, p| {
        (g.ty == p.ty && g.overlaps(p.start, p.end))
            .then(|| g.end.min(p.end) - g.start.max(p.start))
    });
    let mut g_used = vec![false; golds.len()];
    let mut p_used = vec![false; preds.len()];
    for &(gi, pi) in exact.iter().chain(&overlapping) {
        g_used[gi] = true;
        p_used[pi] = true;
        report.partial.tp(golds[gi].ty);
    }
    for &(gi, pi) in &overlapping {
        example(ErrorKind::WrongSpan, Some(golds[gi]), Some(preds[pi]));
    }
    count_unmatched(&mut report.partial, golds, preds, &g_used, &p_used);

    // Plain FP/FN examples: wrong in every mode.
    let explained_g: HashSet<usize> = retyped
        .iter()
        .chain(&overlapping)
        .map(|&(g, _)| g)
        .collect();
    let explained_p: HashSet<usize> = retyped
        .iter()
        .chain(&overlapping)
        .map(|&(_, p)| p)
        .collect();
    for (pi, p) in preds.iter().enumerate() {
        if !p_strict[pi] && !explained_p.contains(&pi) {
            example(ErrorKind::FalsePositive, None, Some(p));
        }
    }
    for (gi, g) in golds.iter().enumerate() {
        if !g_strict[gi] && !explained_g.contains(&gi) {
            example(ErrorKind::FalseNegative, Some(g), None);
        }
    }
}

fn count_unmatched(
    mode: &mut ModeScores,
    golds: &[&GoldEntity],
    preds: &[&GoldEntity],
    g_used: &[bool],
    p_used: &[bool],
) {
    for (g, used) in golds.iter().zip(g_used) {
        if !used {
            mode.fn_(g.ty);
        }
    }
    for (p, used) in preds.iter().zip(p_used) {
        if !used {
            mode.fp(p.ty);
        }
    }
}

fn tally(
    all: &mut Accuracy,
    per_type: &mut BTreeMap<EntityType, Accuracy>,
    ty: EntityType,
    ok: bool,
) {
    let t = per_type.entry(ty).or_default();
    for a in [all, t] {
        a.n += 1;
        a.correct += usize::from(ok);
    }
}

fn context(text: &str, e: Option<&GoldEntity>) -> String {
    const WIDTH: usize = 20;
    let Some(e) = e else {
        return String::new();
    };
    let chars: Vec<char> = text.chars().collect();
    // Predictions may point past the end of the gold text.
    let end = e.end.min(chars.len());
    let start = e.start.min(end);
    let from = start.saturating_sub(WIDTH);
    let to = (end + WIDTH).min(chars.len());
    let piece = |a: usize, b: usize| -> String {
        chars[a..b]
            .iter()
            .map(|&c| match c {
                '\n' | '\r' => '⏎',
                '\t' => ' ',
                c => c,
            })
            .collect()
    };
    format!(
        "{}{}[{}]{}{}",
        if from > 0 { "…" } else { "" },
        piece(from, start),
        piece(start, end),
        piece(end, to),
        if to < chars.len() { "…" } else { "" }
    )
}
