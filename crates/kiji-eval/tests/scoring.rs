//! The scoring rules of ANNOTATION.md on small hand-made cases; every
//! expected figure is worked out in the comments.

use kiji_core::EntityType::{self, *};
use kiji_eval::{score, ErrorKind, EvalOptions, GoldDoc, GoldEntity, IgnoredSpan, Report};

fn ent(start: usize, end: usize, ty: EntityType) -> GoldEntity {
    GoldEntity {
        start,
        end,
        ty,
        text: String::new(),
        canonical: None,
        norm: None,
    }
}

fn doc(id: &str, text: &str, entities: Vec<GoldEntity>) -> GoldDoc {
    GoldDoc {
        id: id.into(),
        text: text.into(),
        entities,
        ..GoldDoc::default()
    }
}

fn run(gold: &[GoldDoc], pred: &[GoldDoc]) -> Report {
    score(gold, pred, &EvalOptions::default())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

//           0         1         2         3
//           0123456789012345678901234567890123456
const TEXT: &str = "OpenAI CEO Sam Altman visited Japan.";

#[test]
fn perfect_prediction_scores_one_everywhere() {
    let gold = vec![doc(
        "a",
        TEXT,
        vec![ent(0, 6, Org), ent(11, 21, Person), ent(30, 35, Location)],
    )];
    let r = run(&gold, &gold);
    for mode in [&r.strict, &r.boundary, &r.partial] {
        assert_eq!((mode.micro.tp, mode.micro.fp, mode.micro.fn_), (3, 0, 0));
        assert_eq!(mode.micro.f1(), 1.0);
    }
    assert_eq!(r.types, vec![Person, Org, Location]);
    assert!(r.errors.is_empty() && r.missing_docs.is_empty());
}

#[test]
fn overlap_counts_only_in_partial() {
    // Gold PERSON "Sam Altman" 11..21; predicted PERSON "CEO Sam Altman" 7..21.
    let gold = vec![doc("a", TEXT, vec![ent(11, 21, Person)])];
    let pred = vec![doc("a", "", vec![ent(7, 21, Person)])];
    let r = run(&gold, &pred);
    // strict and boundary: 0 tp, 1 fp, 1 fn → P = R = F1 = 0.
    assert_eq!(
        (r.strict.micro.tp, r.strict.micro.fp, r.strict.micro.fn_),
        (0, 1, 1)
    );
    assert_eq!(
        (
            r.boundary.micro.tp,
            r.boundary.micro.fp,
            r.boundary.micro.fn_
        ),
        (0, 1, 1)
    );
    // partial: 1 tp → P = R = F1 = 1.
    assert_eq!(r.partial.per_type[&Person].f1(), 1.0);
    let kinds: Vec<ErrorKind> = r.errors.iter().map(|e| e.kind).collect();
    assert!(kinds.is_empty(), "errors are only collected when asked for");
}

#[test]
fn type_confusion_counts_in_boundary_under_the_gold_type() {
    // Gold: ORG 0..6, LOCATION 30..35. Predicted: PERSON 0..6 (wrong type),
    // LOCATION 30..35 (right).
    let gold = vec![doc("a", TEXT, vec![ent(0, 6, Org), ent(30, 35, Location)])];
    let pred = vec![doc("a", "", vec![ent(0, 6, Person), ent(30, 35, Location)])];
    let r = score(
        &gold,
        &pred,
        &EvalOptions {
            types: None,
            errors: 5,
        },
    );
    // strict: tp 1, fp 1 (PERSON), fn 1 (ORG) → P = R = F1 = 0.5.
    assert!(close(r.strict.micro.precision(), 0.5));
    assert!(close(r.strict.micro.recall(), 0.5));
    assert_eq!(r.strict.per_type[&Person].fp, 1);
    assert_eq!(r.strict.per_type[&Org].fn_, 1);
    // boundary: both spans right → micro 1.0; the ORG pair counts as an ORG tp.
    assert_eq!(r.boundary.micro.f1(), 1.0);
    assert_eq!(r.boundary.per_type[&Org].tp, 1);
    assert_eq!(r.boundary.per_type[&Person], Default::default());
    // partial needs the same type: like strict.
    assert!(close(r.partial.micro.f1(), 0.5));
    assert_eq!(r.confusion[&(Some(Org), Some(Person))], 1);
    assert_eq!(r.confusion[&(Some(Location), Some(Location))], 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].kind, ErrorKind::WrongType);
    assert_eq!(r.errors[0].context, "[OpenAI] CEO Sam Altman visi…");
}

#[test]
fn duplicate_prediction_is_one_tp_and_one_fp() {
    let gold = vec![doc("a", TEXT, vec![ent(30, 35, Location)])];
    let pred = vec![doc(
        "a",
        "",
        vec![ent(30, 35, Location), ent(30, 35, Location)],
    )];
    let r = run(&gold, &pred);
    // tp 1, fp 1, fn 0 → P 0.5, R 1.0, F1 2/3.
    for mode in [&r.strict, &r.boundary, &r.partial] {
        assert_eq!((mode.micro.tp, mode.micro.fp, mode.micro.fn_), (1, 1, 0));
        assert!(close(mode.micro.precision(), 0.5));
        assert!(close(mode.micro.recall(), 1.0));
        assert!(close(mode.micro.f1(), 2.0 / 3.0));
    }
}

#[test]
fn one_prediction_overlapping_two_gold_matches_one_in_partial() {
    // Gold ORG "OpenAI" 0..6 and PERSON 11..21; predicted ORG 0..21 spans both
    // but only the ORG has its type: partial tp 1 (ORG), fn 1 (PERSON).
    let gold = vec![doc("a", TEXT, vec![ent(0, 6, Org), ent(11, 21, Person)])];
    let pred = vec![doc("a", "", vec![ent(0, 21, Org)])];
    let r = run(&gold, &pred);
    assert_eq!(
        (r.partial.micro.tp, r.partial.micro.fp, r.partial.micro.fn_),
        (1, 0, 1)
    );
    // Two ORG predictions overlapping the same gold ORG: one tp, one fp.
    let pred = vec![doc("a", "", vec![ent(0, 3, Org), ent(3, 6, Org)])];
    let r = run(&gold, &pred);
    assert_eq!(
        (r.partial.per_type[&Org].tp, r.partial.per_type[&Org].fp),
        (1, 1)
    );
}

#[test]
fn partial_prefers_the_largest_overlap() {
    // Gold ORG 0..3 and ORG 4..10; predicted ORG 2..10 overlaps the first by
    // 1 and the second by 6: it takes the second, then ORG 0..3 is free for
    // the predicted ORG 0..2.
    let gold = vec![doc(
        "a",
        "abc defghi",
        vec![ent(0, 3, Org), ent(4, 10, Org)],
    )];
    let pred = vec![doc("a", "", vec![ent(0, 2, Org), ent(2, 10, Org)])];
    let r = run(&gold, &pred);
    assert_eq!(
        (r.partial.micro.tp, r.partial.micro.fp, r.partial.micro.fn_),
        (2, 0, 0)
    );
}

#[test]
fn predictions_on_ignored_spans_are_dropped() {
    // wikigold style: "Red Men" is MISC, ignored. A PERSON guess on it is
    // neither rewarded nor penalised; a LOCATION on "Japan" (gold) counts.
    let text = "Red Men went to Japan";
    let mut gold = doc("a", text, vec![ent(16, 21, Location)]);
    gold.ignored.push(IgnoredSpan {
        start: 0,
        end: 7,
        text: "Red Men".into(),
        label: Some("MISC".into()),
    });
    let pred = vec![doc("a", "", vec![ent(0, 3, Person), ent(16, 21, Location)])];
    let r = run(&[gold.clone()], &pred);
    assert_eq!(
        (r.strict.micro.tp, r.strict.micro.fp, r.strict.micro.fn_),
        (1, 0, 0)
    );
    assert_eq!(r.ignored_predictions, 1);
    assert_eq!(r.types, vec![Location]);
    // A prediction overlapping both an ignored span and a gold entity stays.
    let pred = vec![doc("a", "", vec![ent(4, 21, Location)])];
    let r = run(&[gold], &pred);
    assert_eq!((r.strict.micro.fp, r.partial.micro.tp), (1, 1));
    assert_eq!(r.ignored_predictions, 0);
}

#[test]
fn empty_documents_and_division_by_zero() {
    let gold = vec![doc("a", "", vec![]), doc("b", "nothing here", vec![])];
    let r = run(&gold, &gold);
    // No gold, no prediction: every figure is 0 by definition, not NaN.
    assert_eq!(r.strict.micro, Default::default());
    assert_eq!(r.strict.micro.f1(), 0.0);
    assert!(r.types.is_empty());
    // A false positive in an empty document: P 0, R 0.
    let pred = vec![doc("b", "", vec![ent(0, 7, Product)])];
    let r = run(&gold, &pred);
    assert_eq!(r.strict.per_type[&Product].fp, 1);
    assert_eq!(r.strict.micro.precision(), 0.0);
    assert_eq!(r.strict.micro.recall(), 0.0);
}

#[test]
fn missing_documents_are_all_false_negatives_and_extra_ones_ignored() {
    let gold = vec![
        doc("a", TEXT, vec![ent(0, 6, Org)]),
        doc("b", TEXT, vec![ent(11, 21, Person), ent(30, 35, Location)]),
    ];
    let pred = vec![
        doc("a", "", vec![ent(0, 6, Org)]),
        doc("zzz", "", vec![ent(0, 1, Org)]),
    ];
    let r = run(&gold, &pred);
    // tp 1 (a), fn 2 (b), zzz not scored → P 1.0, R 1/3, F1 0.5.
    assert_eq!(
        (r.strict.micro.tp, r.strict.micro.fp, r.strict.micro.fn_),
        (1, 0, 2)
    );
    assert!(close(r.strict.micro.recall(), 1.0 / 3.0));
    assert!(close(r.strict.micro.f1(), 0.5));
    assert_eq!(r.missing_docs, vec!["b".to_string()]);
    assert_eq!(r.extra_docs, vec!["zzz".to_string()]);
}

#[test]
fn types_filter_drops_other_types_from_both_sides() {
    let gold = vec![doc("a", TEXT, vec![ent(0, 6, Org), ent(11, 21, Person)])];
    // DATE is not in the filter: dropped, not a false positive.
    let pred = vec![doc("a", "", vec![ent(0, 6, Org), ent(22, 29, Date)])];
    let opts = EvalOptions {
        types: Some(vec![Org, Location]),
        errors: 0,
    };
    let r = score(&gold, &pred, &opts);
    // Only ORG counts: tp 1, fp 0, fn 0; LOCATION is reported with support 0.
    assert_eq!(
        (r.strict.micro.tp, r.strict.micro.fp, r.strict.micro.fn_),
        (1, 0, 0)
    );
    assert_eq!(r.types, vec![Org, Location]);
    assert_eq!(r.strict.per_type[&Location].support(), 0);
    assert!(!r.strict.per_type.contains_key(&Person));
}

#[test]
fn canonical_and_norm_accuracy_over_strict_matches() {
    let text = "OpenAI raised 974億ドル from SoftBank.";
    let mut g_openai = ent(0, 6, Org);
    g_openai.canonical = Some("OpenAI".into());
    let mut g_money = ent(14, 20, Money);
    g_money.norm = Some("97400000000 USD".into());
    let mut g_sb = ent(26, 34, Org);
    g_sb.canonical = Some("SoftBank  Group".into());
    let g_plain = ent(35, 36, Org); // no canonical: not checked
    let gold = vec![doc("a", text, vec![g_openai, g_money, g_sb, g_plain])];

    let mut p_openai = ent(0, 6, Org);
    p_openai.canonical = Some("openai".into()); // equal after folding
    let mut p_money = ent(14, 20, Money);
    p_money.norm = Some("9740000000 USD".into()); // wrong
    let mut p_sb = ent(26, 34, Org);
    p_sb.canonical = Some(" softbank group ".into()); // equal after folding
    let p_plain = ent(35, 36, Org);
    let pred = vec![doc("a", "", vec![p_openai, p_money, p_sb, p_plain])];
    let r = score(
        &gold,
        &pred,
        &EvalOptions {
            types: None,
            errors: 3,
        },
    );
    assert_eq!((r.canonical.n, r.canonical.correct), (2, 2));
    assert_eq!((r.norm.n, r.norm.correct), (1, 0));
    assert_eq!(r.norm.accuracy(), 0.0);
    assert_eq!(r.norm_per_type[&Money].n, 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].kind, ErrorKind::Norm);

    // A wrong span is not checked at all.
    let pred = vec![doc("a", "", vec![ent(0, 5, Org)])];
    let r = run(&gold, &pred);
    assert_eq!(r.canonical.n, 0);
}

#[test]
fn error_examples_are_limited_per_kind_and_show_context() {
    let gold = vec![doc(
        "a",
        TEXT,
        vec![ent(11, 21, Person), ent(30, 35, Location)],
    )];
    let pred = vec![doc("a", "", vec![ent(0, 6, Org), ent(7, 10, Org)])];
    let r = score(
        &gold,
        &pred,
        &EvalOptions {
            types: None,
            errors: 1,
        },
    );
    let shown: Vec<(ErrorKind, &str)> = r
        .errors
        .iter()
        .map(|e| (e.kind, e.context.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (ErrorKind::FalsePositive, "[OpenAI] CEO Sam Altman visi…"),
            (
                ErrorKind::FalseNegative,
                "OpenAI CEO [Sam Altman] visited Japan."
            ),
        ]
    );
}

#[test]
fn empty_predictions_have_recall_zero() {
    let gold = vec![doc("a", TEXT, vec![ent(0, 6, Org)])];
    let r = run(&gold, &[]);
    assert_eq!(r.strict.micro.recall(), 0.0);
    assert_eq!(r.missing_docs, vec!["a".to_string()]);
    assert_eq!(r.confusion[&(Some(Org), None)], 1);
}
