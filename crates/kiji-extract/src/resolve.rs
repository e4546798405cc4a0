//! Picks one non-overlapping set of entities out of the candidates.

use crate::{Candidate, Confidence};

/// Chooses a non-overlapping subset of `candidates`, returned in text order.
///
/// Greedy by preference: higher [`Confidence`](crate::Confidence) first, then
/// longer spans, then earlier spans; a candidate is kept when it overlaps none
/// already kept. A rule-based candidate that strictly contains a known one
/// ranks as known: `Japan Cartoonists Association` (an organisation suffix
/// rule) beats the `Japan` inside it, and 兵庫県姫路市 beats 兵庫県 — the outer
/// name is what ANNOTATION.md annotates. Guesses never outrank knowledge.
/// Deterministic for a given input whatever its order, because ties are
/// broken on every field.
pub fn resolve(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut known: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.confidence == Confidence::Known)
        .map(|c| (c.byte_start, c.byte_end))
        .collect();
    known.sort_unstable();
    let rank = |c: &Candidate| -> Confidence {
        if c.confidence == Confidence::Rule && contains_known(&known, c) {
            Confidence::Known
        } else {
            c.confidence
        }
    };
    let ranks: Vec<Confidence> = candidates.iter().map(rank).collect();
    // Candidates are large (two optional strings); sorting their indices
    // moves 4 bytes each instead of the whole record.
    let mut order: Vec<u32> = (0..candidates.len() as u32).collect();
    order.sort_unstable_by(|&i, &j| {
        let (ra, a) = (ranks[i as usize], &candidates[i as usize]);
        let (rb, b) = (ranks[j as usize], &candidates[j as usize]);
        // `then_with`: the string comparisons run only on ties.
        rb.cmp(&ra)
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| b.confidence.cmp(&a.confidence))
            .then_with(|| a.byte_start.cmp(&b.byte_start))
            .then_with(|| a.ty.cmp(&b.ty))
            .then_with(|| a.source.cmp(b.source))
            .then_with(|| a.canonical.cmp(&b.canonical))
            .then_with(|| a.norm.cmp(&b.norm))
            // Equal in every field: the same entity twice, either will do;
            // the index keeps the order total all the same.
            .then_with(|| i.cmp(&j))
    });
    // Kept spans ordered by start: a new span overlaps a kept one only if it
    // overlaps its neighbour on either side, so each check is O(log n).
    let mut kept: std::collections::BTreeMap<usize, (usize, u32)> =
        std::collections::BTreeMap::new();
    for i in order {
        let c = &candidates[i as usize];
        let before = kept.range(..c.byte_end).next_back();
        if let Some((_, &(end, _))) = before {
            if end > c.byte_start {
                continue;
            }
        }
        kept.insert(c.byte_start, (c.byte_end, i));
    }
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    kept.into_values()
        .filter_map(|(_, i)| slots[i as usize].take())
        .collect()
}

/// True when some known span lies inside `c` and is shorter than it.
/// `known` is sorted by start.
fn contains_known(known: &[(usize, usize)], c: &Candidate) -> bool {
    let from = known.partition_point(|&(s, _)| s < c.byte_start);
    known[from..]
        .iter()
        .take_while(|&&(s, _)| s < c.byte_end)
        .any(|&(s, e)| e <= c.byte_end && (s, e) != (c.byte_start, c.byte_end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Confidence::*;
    use kiji_core::EntityType::*;

    fn c(s: usize, e: usize, ty: kiji_core::EntityType, conf: crate::Confidence) -> Candidate {
        Candidate::new(s, e, ty, "test", conf)
    }

    #[test]
    fn longer_span_wins_at_equal_confidence() {
        let out = resolve(vec![
            c(0, 3, Org, Rule),
            c(0, 9, Org, Rule),
            c(5, 12, Person, Rule),
        ]);
        assert_eq!(out, vec![c(0, 9, Org, Rule)]);
    }

    #[test]
    fn known_beats_longer_guess() {
        let out = resolve(vec![c(0, 12, Person, Guess), c(0, 6, Org, Known)]);
        assert_eq!(out, vec![c(0, 6, Org, Known)]);
    }

    #[test]
    fn disjoint_spans_all_kept_in_text_order() {
        let out = resolve(vec![
            c(10, 12, Date, Known),
            c(0, 3, Org, Rule),
            c(3, 5, Person, Guess),
        ]);
        assert_eq!(
            out,
            vec![
                c(0, 3, Org, Rule),
                c(3, 5, Person, Guess),
                c(10, 12, Date, Known)
            ]
        );
    }

    #[test]
    fn a_rule_around_a_known_name_wins() {
        // "Japan Cartoonists Association": ORG by suffix rule around LOCATION "Japan".
        let out = resolve(vec![c(0, 5, Location, Known), c(0, 29, Org, Rule)]);
        assert_eq!(out, vec![c(0, 29, Org, Rule)]);
    }

    #[test]
    fn a_guess_around_a_known_name_still_loses() {
        let out = resolve(vec![c(0, 5, Location, Known), c(0, 29, Person, Guess)]);
        assert_eq!(out, vec![c(0, 5, Location, Known)]);
    }

    #[test]
    fn a_rule_overlapping_a_known_name_partly_loses() {
        let out = resolve(vec![c(0, 6, Org, Known), c(3, 12, Person, Rule)]);
        assert_eq!(out, vec![c(0, 6, Org, Known)]);
    }

    #[test]
    fn order_of_input_does_not_matter() {
        let a = vec![
            c(0, 4, Org, Rule),
            c(2, 6, Person, Rule),
            c(6, 8, Date, Known),
        ];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(resolve(a), resolve(b));
    }
}
