//! Articles in date order, and what the list's orders read of each article.

use std::collections::HashMap;

use super::{Article, ArticleId, Date};

/// `Index::date_keys` of an article without a date (after every date).
pub const UNDATED: u32 = u32::MAX;

/// Articles in date order, and each one's date as a number
/// ([`Date::key`]; see [`Index::by_date`] and `Index::date_keys`).
#[derive(Debug, Clone, Default)]
pub struct DateOrder {
    pub ids: Vec<ArticleId>,
    pub keys: Vec<u32>,
}

impl DateOrder {
    /// The order of articles with these dates (ids are positions in
    /// `dates`): dated ones first by date (a partial date before the days
    /// of its period), then by id.
    pub fn of(dates: &[Option<Date>]) -> DateOrder {
        DateOrder::of_keys(dates.iter().map(|d| d.map_or(UNDATED, Date::key)).collect())
    }

    /// The order of articles with these date keys ([`Date::key`], or
    /// [`UNDATED`]), as [`DateOrder::of`].
    pub fn of_keys(keys: Vec<u32>) -> DateOrder {
        use rayon::prelude::*;
        let mut ids: Vec<ArticleId> = (0..keys.len() as ArticleId).collect();
        ids.par_sort_unstable_by_key(|&id| (keys[id as usize], id));
        DateOrder { ids, keys }
    }
}

/// `Index::outlet_ranks` of an article without an outlet (after every outlet).
pub const NO_OUTLET: u32 = u32::MAX;

/// What the list's orders read of each article, kept as articles come and
/// go: its date key, its outlet (as a number standing for the name) and its
/// words. An order then reads these columns, never the articles themselves
/// (at 100,000 articles, reading every article's outlet name takes 16 ms).
#[derive(Debug, Clone, Default)]
pub struct OrderColumns {
    /// Per article id: [`Date::key`], or [`UNDATED`].
    date_keys: Vec<u32>,
    /// Per article id: a number in `outlets`, or [`NO_OUTLET`].
    outlet_of: Vec<u32>,
    /// The outlet names seen, each once (the names of articles gone since
    /// stay: harmless, and they keep numbers stable).
    outlets: Vec<Box<str>>,
    outlet_numbers: HashMap<Box<str>, u32>,
    /// Per article id: its words (at most `u32::MAX`).
    words: Vec<u32>,
}

impl OrderColumns {
    /// Notes article `id` (a new article, or a changed one).
    pub fn set(&mut self, id: ArticleId, article: &Article) {
        let words = u32::try_from(article.words).unwrap_or(u32::MAX);
        self.put(id, article.date, article.meta.source.as_deref(), words);
    }

    /// Article `id` is gone: neither dated nor from an outlet, and empty.
    pub fn clear(&mut self, id: ArticleId) {
        self.put(id, None, None, 0);
    }

    fn put(&mut self, id: ArticleId, date: Option<Date>, outlet: Option<&str>, words: u32) {
        let i = id as usize;
        if self.date_keys.len() <= i {
            self.date_keys.resize(i + 1, UNDATED);
            self.outlet_of.resize(i + 1, NO_OUTLET);
            self.words.resize(i + 1, 0);
        }
        self.words[i] = words;
        self.date_keys[i] = date.map_or(UNDATED, Date::key);
        self.outlet_of[i] = match outlet {
            None => NO_OUTLET,
            Some(name) => match self.outlet_numbers.get(name) {
                Some(&n) => n,
                None => {
                    let n = self.outlets.len() as u32;
                    self.outlets.push(name.into());
                    self.outlet_numbers.insert(name.into(), n);
                    n
                }
            },
        };
    }

    /// Per article id: its date key ([`UNDATED`] without a date).
    pub fn date_keys(&self) -> &[u32] {
        &self.date_keys
    }

    /// Per article id: its words.
    pub fn words(&self) -> &[u32] {
        &self.words
    }

    /// Every article in date order (see [`DateOrder::of`]).
    pub fn date_order(&self) -> DateOrder {
        DateOrder::of_keys(self.date_keys.clone())
    }

    /// Per article id: the rank of its outlet among the distinct outlet
    /// names in case-insensitive order ([`NO_OUTLET`] without one), so
    /// ordering by outlet compares numbers, not names. Only the distinct
    /// names are sorted (a corpus has few outlets).
    pub fn outlet_ranks(&self) -> Vec<u32> {
        let mut by_name: Vec<u32> = (0..self.outlets.len() as u32).collect();
        by_name.sort_by_cached_key(|&n| {
            let name = &self.outlets[n as usize];
            (name.to_lowercase(), name.clone())
        });
        let mut rank = vec![NO_OUTLET; self.outlets.len()];
        for (r, &n) in by_name.iter().enumerate() {
            rank[n as usize] = r as u32;
        }
        self.outlet_of
            .iter()
            .map(|&n| rank.get(n as usize).copied().unwrap_or(NO_OUTLET))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(outlets: &[Option<&str>]) -> OrderColumns {
        let mut c = OrderColumns::default();
        for (id, o) in outlets.iter().enumerate() {
            c.put(id as ArticleId, None, *o, 0);
        }
        c
    }

    #[test]
    fn outlet_ranks_order_names_case_insensitively_and_unknown_last() {
        let c = columns(&[
            Some("tass"),
            None,
            Some("BBC"),
            Some("Xinhua"),
            Some("tass"),
            Some("bbc"),
        ]);
        // BBC < bbc (same letters, then bytes) < tass < Xinhua
        assert_eq!(c.outlet_ranks(), vec![2, NO_OUTLET, 0, 3, 2, 1]);
    }

    #[test]
    fn outlet_ranks_follow_a_changed_or_cleared_article() {
        let mut c = columns(&[Some("tass"), Some("BBC")]);
        c.put(1, None, Some("Xinhua"), 0);
        // BBC is no article's outlet now, but keeps its place
        assert_eq!(c.outlet_ranks(), vec![1, 2]);
        c.clear(0);
        assert_eq!(c.outlet_ranks(), vec![NO_OUTLET, 2]);
        assert!(columns(&[]).outlet_ranks().is_empty());
    }

    #[test]
    fn set_notes_an_articles_date_outlet_and_words() {
        let meta = super::super::Meta {
            title: "t".into(),
            source: Some("TASS".into()),
            ..Default::default()
        };
        let mut a = Article::from_parts("a.txt".into(), meta, "one two three", false);
        a.date = Date::ymd(2022, 2, 4);
        let mut c = OrderColumns::default();
        c.set(2, &a);
        assert_eq!(c.words(), [0, 0, a.words as u32]);
        assert_eq!(c.date_keys()[2], Date::ymd(2022, 2, 4).unwrap().key());
        assert_eq!(c.outlet_ranks(), [NO_OUTLET, NO_OUTLET, 0]);
        c.clear(2);
        assert_eq!((c.words()[2], c.date_keys()[2]), (0, UNDATED));
    }

    #[test]
    fn date_order_matches_the_order_of_the_dates() {
        let dates = [
            Date::ymd(2023, 3, 5),
            None,
            Date::ym(2023, 3),
            Date::y(2021),
            Date::ymd(2023, 3, 5),
        ];
        let mut c = OrderColumns::default();
        for (id, d) in dates.iter().enumerate() {
            c.put(id as ArticleId, *d, None, 0);
        }
        let order = c.date_order();
        assert_eq!(order.ids, DateOrder::of(&dates).ids);
        assert_eq!(order.ids, vec![3, 2, 0, 4, 1]);
        assert_eq!(order.keys, c.date_keys());
        c.clear(3);
        assert_eq!(c.date_order().ids, vec![2, 0, 4, 1, 3]);
    }
}
