//! Picks one non-overlapping set of entities out of the candidates.

use crate::Candidate;

/// Chooses a non-overlapping subset of `candidates`, returned in text order.
///
/// Greedy by preference: higher [`Confidence`](crate::Confidence) first, then
/// longer spans, then earlier spans; a candidate is kept when it overlaps none
/// already kept. Deterministic for a given input whatever its order, because
/// ties are broken on every field.
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.confidence
            .cmp(&a.confidence)
            .then(b.len().cmp(&a.len()))
            .then(a.byte_start.cmp(&b.byte_start))
            .then(a.ty.cmp(&b.ty))
            .then(a.source.cmp(b.source))
            .then(a.canonical.cmp(&b.canonical))
            .then(a.norm.cmp(&b.norm))
    });
    // Kept spans ordered by start: a new span overlaps a kept one only if it
    // overlaps its neighbour on either side, so each check is O(log n).
    let mut kept: std::collections::BTreeMap<usize, Candidate> = std::collections::BTreeMap::new();
    for c in candidates {
        let before = kept.range(..c.byte_end).next_back();
        if let Some((_, k)) = before {
            if k.byte_end > c.byte_start {
                continue;
            }
        }
        kept.insert(c.byte_start, c);
    }
    kept.into_values().collect()
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
