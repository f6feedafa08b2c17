//! The alignment behind [`compare_with`](super::compare_with), on word
//! indices: anchors → segments → chains → extension → non-overlapping
//! passages. See the module documentation of [`reuse`](super) for the idea.

use super::tokens::ngram_hash;

/// An exact match: words `a..a + len` of A equal words `b..b + len` of B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

impl Seg {
    fn a_end(&self) -> usize {
        self.a + self.len
    }
    fn b_end(&self) -> usize {
        self.b + self.len
    }
}

/// A passage on word indices: exact segments, increasing in A and in B, with
/// gaps of at most `max_gap` words (the edits) between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chain {
    pub segs: Vec<Seg>,
}

impl Chain {
    pub fn a_start(&self) -> usize {
        self.segs[0].a
    }
    pub fn a_end(&self) -> usize {
        self.segs[self.segs.len() - 1].a_end()
    }
    pub fn b_start(&self) -> usize {
        self.segs[0].b
    }
    pub fn b_end(&self) -> usize {
        self.segs[self.segs.len() - 1].b_end()
    }
    pub fn a_words(&self) -> usize {
        self.a_end() - self.a_start()
    }
    pub fn b_words(&self) -> usize {
        self.b_end() - self.b_start()
    }

    /// The part of the chain inside words `from..to` of A, if any.
    fn clip_a(&self, from: usize, to: usize) -> Option<Chain> {
        let segs: Vec<Seg> = self
            .segs
            .iter()
            .filter_map(|s| {
                let lo = s.a.max(from);
                let hi = s.a_end().min(to);
                (lo < hi).then(|| Seg {
                    a: lo,
                    b: s.b + (lo - s.a),
                    len: hi - lo,
                })
            })
            .collect();
        (!segs.is_empty()).then_some(Chain { segs })
    }
}

/// Parameters of the alignment, already adjusted to the texts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub ngram: usize,
    pub min_words: usize,
    pub max_gap: usize,
    pub max_repeats: usize,
}

/// Exact matches needed after a skipped edit when extending a passage past
/// its last anchor.
const TAIL: usize = 3;
/// The same, when a text ends (or starts) before [`TAIL`] words.
const END_TAIL: usize = 2;
/// Most words skipped on either side by one edit when extending.
const MAX_SKIP: usize = 2;

/// Finds the shared passages of two word sequences (normalised word hashes):
/// chains sorted by their start in A, not overlapping in A.
pub(crate) fn align(a: &[u64], b: &[u64], p: Params) -> Vec<Chain> {
    if p.ngram == 0 || a.len() < p.ngram || b.len() < p.ngram {
        return Vec::new();
    }
    let anchors = anchors(a, b, p);
    if anchors.is_empty() {
        return Vec::new();
    }
    let segs = segments(anchors, p.ngram);
    let mut chains = chain(segs, p.max_gap);
    for c in &mut chains {
        extend(c, a, b, p.max_gap);
    }
    chains.retain(|c| c.a_words() >= p.min_words && c.b_words() >= p.min_words);
    select(chains, p.min_words)
}

/// The sorted (n-gram hash, position) pairs of one text.
fn ngrams(words: &[u64], n: usize) -> Vec<(u64, u32)> {
    let mut v: Vec<(u64, u32)> = words
        .windows(n)
        .enumerate()
        .map(|(i, w)| (ngram_hash(w), i as u32))
        .collect();
    v.sort_unstable();
    v
}

/// Anchors: pairs (i, j) where the n-gram starting at word i of A equals the
/// one starting at word j of B. An n-gram repeated inside a text contributes
/// at most `max_repeats` of its occurrences on each side, so boilerplate
/// cannot produce a quadratic number of anchors. Those occurrences are spread
/// over the text (every k-th), so that the diagonals they give, once
/// extended, still cover all the copies. Sorted by diagonal (j − i), then i.
fn anchors(a: &[u64], b: &[u64], p: Params) -> Vec<(u32, u32)> {
    let ga = ngrams(a, p.ngram);
    let gb = ngrams(b, p.ngram);
    let cap = p.max_repeats.max(1);
    let mut out = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < ga.len() && y < gb.len() {
        let (ha, hb) = (ga[x].0, gb[y].0);
        if ha < hb {
            x += 1;
        } else if hb < ha {
            y += 1;
        } else {
            let xe = x + ga[x..].iter().take_while(|g| g.0 == ha).count();
            let ye = y + gb[y..].iter().take_while(|g| g.0 == ha).count();
            for i in spread(&ga[x..xe], cap) {
                for j in spread(&gb[y..ye], cap) {
                    out.push((i, j));
                }
            }
            x = xe;
            y = ye;
        }
    }
    out.sort_unstable_by_key(|&(i, j)| (i64::from(j) - i64::from(i), i));
    out
}

/// At most `cap` positions of a group of equal n-grams, evenly spread.
fn spread(group: &[(u64, u32)], cap: usize) -> impl Iterator<Item = u32> + '_ {
    let n = group.len();
    let take = n.min(cap);
    (0..take).map(move |k| group[k * n / take].1)
}

/// Runs of anchors on the same diagonal at consecutive positions become exact
/// segments; returned sorted by (a, b).
fn segments(anchors: Vec<(u32, u32)>, n: usize) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    let mut prev: Option<(u32, u32)> = None;
    for (i, j) in anchors {
        match prev {
            Some((pi, pj)) if i == pi + 1 && j == pj + 1 => {
                segs.last_mut().expect("a segment is open").len += 1;
            }
            _ => segs.push(Seg {
                a: i as usize,
                b: j as usize,
                len: n,
            }),
        }
        prev = Some((i, j));
    }
    segs.sort_unstable_by_key(|s| (s.a, s.b));
    segs
}

/// Groups segments into chains: a segment continues the chain whose end is
/// closest to its start, if that is at most `max_gap` words away in A and in
/// B (after trimming any overlap), and starts a new chain otherwise. Chains
/// that can no longer grow (their A end is more than `max_gap` behind) are
/// retired, so the active set stays small.
fn chain(segs: Vec<Seg>, max_gap: usize) -> Vec<Chain> {
    let mut done: Vec<Chain> = Vec::new();
    let mut active: Vec<Chain> = Vec::new();
    for s in segs {
        let mut k = 0;
        while k < active.len() {
            if active[k].a_end() + max_gap < s.a {
                done.push(active.swap_remove(k));
            } else {
                k += 1;
            }
        }
        let mut best: Option<(usize, usize, usize)> = None; // (cost, chain, trim)
        let mut covered = false;
        for (k, c) in active.iter().enumerate() {
            let (ea, eb) = (c.a_end(), c.b_end());
            let trim = ea.saturating_sub(s.a).max(eb.saturating_sub(s.b));
            let (sa, sb) = (s.a + trim, s.b + trim);
            if sa.abs_diff(ea) > max_gap || sb.abs_diff(eb) > max_gap {
                continue;
            }
            if trim >= s.len {
                // already inside this chain's reach (a capped repeat)
                covered = true;
                continue;
            }
            let cost = (sa - ea) + (sb - eb);
            if best.is_none_or(|(bc, _, _)| cost < bc) {
                best = Some((cost, k, trim));
            }
        }
        match best {
            Some((_, k, trim)) => active[k].segs.push(Seg {
                a: s.a + trim,
                b: s.b + trim,
                len: s.len - trim,
            }),
            None if covered => {}
            None => active.push(Chain { segs: vec![s] }),
        }
    }
    done.append(&mut active);
    done
}

/// Extends a chain at both ends: first over exact matches, then over one
/// small edit (up to [`MAX_SKIP`] words skipped on each side) when at least
/// [`TAIL`] exact matches follow it, and so on while that keeps working. This
/// recovers the last few words after an edit near the end of a passage,
/// which are fewer than an n-gram and so have no anchor, and the occurrences
/// of repeated n-grams dropped by the cap.
fn extend(c: &mut Chain, a: &[u64], b: &[u64], max_gap: usize) {
    let skip = MAX_SKIP.min(max_gap);
    // forwards
    loop {
        let last = c.segs.last_mut().expect("chains are not empty");
        while last.a_end() < a.len() && last.b_end() < b.len() && a[last.a_end()] == b[last.b_end()] {
            last.len += 1;
        }
        let (ea, eb) = (last.a_end(), last.b_end());
        let next = skips(skip).find_map(|(da, db)| {
            let (sa, sb) = (ea + da, eb + db);
            let n = tail(a.len().saturating_sub(sa), b.len().saturating_sub(sb))?;
            (a[sa..sa + n] == b[sb..sb + n]).then_some(Seg { a: sa, b: sb, len: n })
        });
        match next {
            Some(seg) => c.segs.push(seg),
            None => break,
        }
    }
    // backwards
    loop {
        let first = &mut c.segs[0];
        while first.a > 0 && first.b > 0 && a[first.a - 1] == b[first.b - 1] {
            first.a -= 1;
            first.b -= 1;
            first.len += 1;
        }
        let (sa, sb) = (first.a, first.b);
        let prev = skips(skip).find_map(|(da, db)| {
            let (ea, eb) = (sa.checked_sub(da)?, sb.checked_sub(db)?);
            let n = tail(ea, eb)?;
            (a[ea - n..ea] == b[eb - n..eb]).then_some(Seg {
                a: ea - n,
                b: eb - n,
                len: n,
            })
        });
        match prev {
            Some(seg) => c.segs.insert(0, seg),
            None => break,
        }
    }
}

/// How many exact matches to require after a skip, given the words left in
/// A and in B: [`TAIL`], or [`END_TAIL`] up to the end of a text.
fn tail(left_a: usize, left_b: usize) -> Option<usize> {
    let n = TAIL.min(left_a).min(left_b);
    (n >= END_TAIL).then_some(n)
}

/// The edits tried by [`extend`], smallest first: a changed word, an extra
/// word on either side, then two-word edits.
fn skips(max: usize) -> impl Iterator<Item = (usize, usize)> {
    const ORDER: [(usize, usize); 8] = [(1, 1), (1, 0), (0, 1), (2, 2), (2, 1), (1, 2), (2, 0), (0, 2)];
    ORDER.into_iter().filter(move |&(da, db)| da <= max && db <= max)
}

/// Makes the passages non-overlapping in A: longest first, each later chain
/// keeps only the parts of it no longer chain has taken, if they are still
/// `min_words` long. Identical chains (the same passage reached from two
/// anchors) collapse here too. Sorted by A start.
fn select(mut chains: Vec<Chain>, min_words: usize) -> Vec<Chain> {
    chains.sort_by(|x, y| {
        y.a_words()
            .cmp(&x.a_words())
            .then(x.a_start().cmp(&y.a_start()))
            .then(x.b_start().cmp(&y.b_start()))
    });
    // taken A intervals, sorted and disjoint
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<Chain> = Vec::new();
    for c in chains {
        let (from, to) = (c.a_start(), c.a_end());
        // free pieces of from..to
        let mut pieces = Vec::new();
        let mut at = from;
        let first = taken.partition_point(|&(_, e)| e <= from);
        for &(s, e) in &taken[first..] {
            if s >= to {
                break;
            }
            if s > at {
                pieces.push((at, s));
            }
            at = at.max(e);
        }
        if at < to {
            pieces.push((at, to));
        }
        for (lo, hi) in pieces {
            if hi - lo < min_words {
                continue;
            }
            let Some(piece) = c.clip_a(lo, hi) else {
                continue;
            };
            if piece.a_words() < min_words || piece.b_words() < min_words {
                continue;
            }
            let pos = taken.partition_point(|&(s, _)| s < piece.a_start());
            taken.insert(pos, (piece.a_start(), piece.a_end()));
            out.push(piece);
        }
    }
    out.sort_by_key(|c| c.a_start());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::reuse::tokens::hash_bytes;

    fn ws(s: &str) -> Vec<u64> {
        s.split_whitespace().map(|w| hash_bytes(w.as_bytes())).collect()
    }

    const P: Params = Params {
        ngram: 3,
        min_words: 5,
        max_gap: 2,
        max_repeats: 4,
    };

    fn spans(a: &str, b: &str) -> Vec<((usize, usize), (usize, usize))> {
        align(&ws(a), &ws(b), P)
            .iter()
            .map(|c| ((c.a_start(), c.a_end()), (c.b_start(), c.b_end())))
            .collect()
    }

    #[test]
    fn exact_copy() {
        assert_eq!(
            spans("x y a b c d e f z", "q a b c d e f r s"),
            [((2, 8), (1, 7))]
        );
    }

    #[test]
    fn bridges_a_changed_word_and_an_inserted_one() {
        assert_eq!(
            spans("a b c d e f g h i j k", "a b c d X f g h i Y j k"),
            [((0, 11), (0, 12))]
        );
    }

    #[test]
    fn extends_over_an_edit_near_the_end() {
        // after the change only three words match: fewer than needed for an
        // anchor with n = 4, recovered by the extension
        let p = Params { ngram: 4, ..P };
        let c = align(&ws("a b c d e f X h i j"), &ws("a b c d e f Y h i j"), p);
        assert_eq!((c[0].a_start(), c[0].a_end()), (0, 10));
    }

    #[test]
    fn reordered_blocks_are_separate_passages() {
        let got = spans("a b c d e f 1 2 3 4 5 6", "1 2 3 4 5 6 zz a b c d e f");
        assert_eq!(got, [((0, 6), (7, 13)), ((6, 12), (0, 6))]);
    }

    #[test]
    fn repeats_do_not_blow_up() {
        let a = "s t u v w ".repeat(2000);
        let b = "s t u v w ".repeat(1000);
        let c = align(&ws(&a), &ws(&b), P);
        assert!(!c.is_empty());
        // non-overlapping in A
        for w in c.windows(2) {
            assert!(w[0].a_end() <= w[1].a_start());
        }
        let covered: usize = c.iter().map(Chain::a_words).sum();
        assert!(covered >= 9_000, "{covered}");
    }

    #[test]
    fn clip_keeps_the_b_side_in_step() {
        let c = Chain {
            segs: vec![Seg { a: 0, b: 10, len: 5 }, Seg { a: 6, b: 17, len: 5 }],
        };
        let d = c.clip_a(3, 8).unwrap();
        assert_eq!(d.segs, [Seg { a: 3, b: 13, len: 2 }, Seg { a: 6, b: 17, len: 2 }]);
        assert!(c.clip_a(5, 6).is_none());
    }
}
