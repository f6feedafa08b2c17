//! Articles in date order.

use super::{ArticleId, Date};

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
        use rayon::prelude::*;
        let keys: Vec<u32> = dates.iter().map(|d| d.map_or(UNDATED, Date::key)).collect();
        let mut ids: Vec<ArticleId> = (0..dates.len() as ArticleId).collect();
        ids.par_sort_unstable_by_key(|&id| (keys[id as usize], id));
        DateOrder { ids, keys }
    }
}
