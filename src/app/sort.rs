//! The article list's order (the `o` key cycles it) and the list/reader
//! split (`<` and `>`): pure functions the one update path calls.

use std::cmp::Reverse;

use crate::index::Index;
use crate::query::Hit;
use crate::store::{NO_OUTLET, UNDATED};

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// The filter's match score, best first; without a filter (every score
    /// equal) the order the articles were loaded in.
    #[default]
    Score,
    /// Newest first; undated articles last.
    Date,
    /// By outlet A to Z (unknown last), newest first within one.
    Outlet,
    /// Longest first.
    Words,
}

impl SortOrder {
    /// The order after this one (`o`).
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::Score => SortOrder::Date,
            SortOrder::Date => SortOrder::Outlet,
            SortOrder::Outlet => SortOrder::Words,
            SortOrder::Words => SortOrder::Score,
        }
    }

    /// How the list's title names it.
    pub fn label(self, filtered: bool) -> &'static str {
        match self {
            SortOrder::Score if filtered => "by score",
            SortOrder::Score => "as loaded",
            SortOrder::Date => "by date",
            SortOrder::Outlet => "by outlet",
            SortOrder::Words => "by words",
        }
    }
}

/// Puts `hits` in `order`. Ties (and the score order) fall back to the
/// filter's own order: score, then article id (the load order).
///
/// Each hit's key is read once from the index's per-article columns and
/// packed into one integer (article id last, so no two keys are equal);
/// the sort then compares integers only. At 100,000 hits this is what keeps
/// `o` inside a frame.
pub fn sort_hits(hits: &mut [Hit], order: SortOrder, index: &Index) {
    let by_score = |h: &Hit| (Reverse(h.score), h.id);
    match order {
        SortOrder::Score => {
            if !hits.is_sorted_by_key(by_score) {
                hits.sort_unstable_by_key(by_score);
            }
        }
        SortOrder::Date => {
            let keys = index.date_keys();
            // (newest first, undated last; best score; id)
            hits.sort_by_cached_key(|h| {
                let date = newest_first(keys.get(h.id as usize).copied().unwrap_or(UNDATED));
                (u128::from(date) << 96) | (u128::from(best_first(h.score)) << 32) | u128::from(h.id)
            });
        }
        SortOrder::Outlet => {
            let (ranks, keys) = (index.outlet_ranks(), index.date_keys());
            // (outlet rank, unknown last; newest first, undated last; id)
            hits.sort_by_cached_key(|h| {
                let rank = ranks.get(h.id as usize).copied().unwrap_or(NO_OUTLET);
                let date = newest_first(keys.get(h.id as usize).copied().unwrap_or(UNDATED));
                (u128::from(rank) << 64) | (u128::from(date) << 32) | u128::from(h.id)
            });
        }
        SortOrder::Words => {
            let words = index.word_counts();
            // (longest first; id)
            hits.sort_by_cached_key(|h| {
                let w = words.get(h.id as usize).copied().unwrap_or(0);
                (u64::from(!w) << 32) | u64::from(h.id)
            });
        }
    }
}

/// A date key as a number that sorts the newest first and the undated
/// ([`UNDATED`], the largest key) last: `!k - 1` maps the dated keys
/// `0..UNDATED` onto `UNDATED - 1 ..= 0` and `UNDATED` onto itself.
fn newest_first(key: u32) -> u32 {
    (!key).wrapping_sub(1)
}

/// A score as a number that sorts the highest first.
fn best_first(score: i64) -> u64 {
    // flipping the sign bit orders an i64 as a u64; `!` reverses it
    !((score as u64) ^ (1 << 63))
}

/// The smallest and largest share of the screen the article list may take,
/// in percent, and the step of `<` / `>`.
pub const SPLIT_MIN: u16 = 20;
pub const SPLIT_MAX: u16 = 80;
pub const SPLIT_STEP: i16 = 5;

/// The list's share after a step of `delta` percent from `current` (a
/// default share when the user never moved it), kept within bounds.
pub fn split_step(current: u16, delta: i16) -> u16 {
    let moved = i32::from(current) + i32::from(delta);
    moved.clamp(i32::from(SPLIT_MIN), i32::from(SPLIT_MAX)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Article, Corpus, Date, Meta};

    fn art(source: Option<&str>, date: Option<Date>, body: &str) -> Article {
        let meta = Meta {
            title: "t".into(),
            source: source.map(str::to_string),
            ..Meta::default()
        };
        let mut a = Article::from_parts("a.txt".into(), meta, body, false);
        a.date = date;
        a
    }

    fn index() -> Index {
        Index::new(Corpus::new(vec![
            art(Some("Xinhua"), Date::ymd(2021, 7, 12), "one two three"),
            art(None, None, "one two three four five"),
            art(Some("Reuters"), Date::ymd(2023, 1, 2), "one"),
            art(Some("TASS"), Date::ym(2022, 5), "one two"),
            art(Some("Reuters"), Date::ymd(2020, 1, 1), "one two three four"),
        ]))
    }

    fn hits(scores: &[i64]) -> Vec<Hit> {
        scores
            .iter()
            .enumerate()
            .map(|(id, &score)| Hit { id: id as u32, score })
            .collect()
    }

    fn ids(h: &[Hit]) -> Vec<u32> {
        h.iter().map(|h| h.id).collect()
    }

    #[test]
    fn cycles_through_every_order() {
        let mut o = SortOrder::default();
        let mut seen = vec![o];
        for _ in 0..4 {
            o = o.next();
            seen.push(o);
        }
        assert_eq!(
            seen,
            [
                SortOrder::Score,
                SortOrder::Date,
                SortOrder::Outlet,
                SortOrder::Words,
                SortOrder::Score
            ]
        );
        assert_eq!(SortOrder::Score.label(false), "as loaded");
        assert_eq!(SortOrder::Score.label(true), "by score");
    }

    #[test]
    fn dates_newest_first_undated_last() {
        let ix = index();
        let mut h = hits(&[0; 5]);
        sort_hits(&mut h, SortOrder::Date, &ix);
        assert_eq!(ids(&h), [2, 3, 0, 4, 1]);
    }

    #[test]
    fn outlets_alphabetical_unknown_last_newest_first_within() {
        let ix = index();
        let mut h = hits(&[0; 5]);
        sort_hits(&mut h, SortOrder::Outlet, &ix);
        // Reuters (2023, 2020), TASS, Xinhua, unknown
        assert_eq!(ids(&h), [2, 4, 3, 0, 1]);
    }

    #[test]
    fn words_longest_first() {
        let ix = index();
        let mut h = hits(&[0; 5]);
        sort_hits(&mut h, SortOrder::Words, &ix);
        assert_eq!(ids(&h), [1, 4, 0, 3, 2]);
    }

    #[test]
    fn score_is_the_filters_order_and_restores_it() {
        let ix = index();
        let mut h = hits(&[3, 9, 3, 1, 9]);
        sort_hits(&mut h, SortOrder::Words, &ix);
        sort_hits(&mut h, SortOrder::Score, &ix);
        assert_eq!(ids(&h), [1, 4, 0, 2, 3]);
        // no filter: every score 0, the load order
        let mut h = hits(&[0; 5]);
        h.reverse();
        sort_hits(&mut h, SortOrder::Score, &ix);
        assert_eq!(ids(&h), [0, 1, 2, 3, 4]);
    }

    /// The orders as plain comparisons of each hit's fields (what the packed
    /// keys must agree with).
    fn reference(hits: &mut [Hit], order: SortOrder, ix: &Index) {
        let date = |h: &Hit| ix.date_keys()[h.id as usize];
        let undated = |h: &Hit| date(h) == UNDATED;
        match order {
            SortOrder::Score => hits.sort_by_key(|h| (Reverse(h.score), h.id)),
            SortOrder::Date => hits.sort_by_key(|h| (undated(h), Reverse(date(h)), Reverse(h.score), h.id)),
            SortOrder::Outlet => hits.sort_by_key(|h| {
                (
                    ix.outlet_ranks()[h.id as usize],
                    undated(h),
                    Reverse(date(h)),
                    h.id,
                )
            }),
            SortOrder::Words => hits.sort_by_key(|h| (Reverse(ix.article(h.id).unwrap().words), h.id)),
        }
    }

    #[test]
    fn packed_keys_order_extremes() {
        assert!(newest_first(UNDATED) > newest_first(0));
        assert!(newest_first(0) > newest_first(UNDATED - 1));
        assert!(best_first(i64::MAX) < best_first(0));
        assert!(best_first(0) < best_first(-1));
        assert!(best_first(-1) < best_first(i64::MIN));
    }

    proptest::proptest! {
        #[test]
        fn packed_keys_sort_as_the_fields_do(
            arts in proptest::collection::vec(
                (proptest::option::of(0u8..4), proptest::option::of((1990u16..2030, 0u8..13, 0u8..29)), 0usize..40),
                0..40,
            ),
            scores in proptest::collection::vec(proptest::prop_oneof![-3i64..3, proptest::num::i64::ANY], 40),
            order in 0usize..4,
            reversed in proptest::bool::ANY,
        ) {
            let names = ["Xinhua", "reuters", "Reuters", "TASS"];
            let corpus = arts.iter().map(|(o, d, w)| {
                let date = d.and_then(|(y, m, d)| match (m, d) {
                    (0, _) => Date::y(y),
                    (m, 0) => Date::ym(y, m),
                    (m, d) => Date::ymd(y, m, d),
                });
                art(o.map(|o| names[o as usize]), date, &"w ".repeat(*w))
            }).collect();
            let ix = Index::new(Corpus::new(corpus));
            let order = [SortOrder::Score, SortOrder::Date, SortOrder::Outlet, SortOrder::Words][order];
            let mut h: Vec<Hit> = (0..arts.len()).map(|id| Hit { id: id as u32, score: scores[id] }).collect();
            if reversed {
                h.reverse();
            }
            let mut want = h.clone();
            reference(&mut want, order, &ix);
            sort_hits(&mut h, order, &ix);
            proptest::prop_assert_eq!(ids(&h), ids(&want));
        }
    }

    #[test]
    fn split_is_clamped() {
        assert_eq!(split_step(45, SPLIT_STEP), 50);
        assert_eq!(split_step(45, -SPLIT_STEP), 40);
        assert_eq!(split_step(78, SPLIT_STEP), SPLIT_MAX);
        assert_eq!(split_step(SPLIT_MIN, -SPLIT_STEP), SPLIT_MIN);
        assert_eq!(split_step(0, 0), SPLIT_MIN);
        assert_eq!(split_step(u16::MAX, 0), SPLIT_MAX);
    }
}
