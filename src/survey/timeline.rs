//! A query's articles over time: per week, month or year (chosen by the
//! span of their dates unless asked), one series per leading outlet, each
//! period's count normalised by that outlet's articles in the period.

use serde::Serialize;
use std::collections::HashMap;

use super::SurveyData;
use super::UNKNOWN_OUTLET;
use crate::store::{ArticleId, Date};

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Week,
    Month,
    Year,
}

impl Step {
    /// The step for dates spanning `days`: weeks up to about three months,
    /// months up to six years, then years. [`timeline`] takes a coarser one
    /// when more than a tenth of the dates are too partial for it.
    pub fn for_span(days: i64) -> Step {
        if days <= 92 {
            Step::Week
        } else if days <= 6 * 366 {
            Step::Month
        } else {
            Step::Year
        }
    }

    /// The period holding `date` as a number (consecutive periods,
    /// consecutive numbers), or None when the date is too partial for it
    /// (a year alone has no month).
    fn period(self, date: Date) -> Option<i64> {
        match self {
            Step::Year => Some(i64::from(date.year())),
            Step::Month => date
                .month()
                .map(|m| i64::from(date.year()) * 12 + i64::from(m) - 1),
            // weeks start on Mondays (1970-01-05 was one)
            Step::Week => date.day().map(|_| (date.days() - 4).div_euclid(7)),
        }
    }

    fn label(self, period: i64) -> String {
        match self {
            Step::Year => period.to_string(),
            Step::Month => format!("{:04}-{:02}", period.div_euclid(12), period.rem_euclid(12) + 1),
            Step::Week => match Date::from_days(period * 7 + 4) {
                Some(monday) => {
                    let (y, w) = monday.iso_week();
                    format!("{y:04}-W{w:02}")
                }
                None => String::new(),
            },
        }
    }
}

/// One outlet's line (or all outlets').
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub outlet: String,
    /// Per period: the query's articles.
    pub hits: Vec<u32>,
    /// Per period: all of the outlet's articles (the denominator).
    pub articles: Vec<u32>,
}

impl Series {
    /// Per period: hits over articles (0 where the outlet published nothing).
    pub fn shares(&self) -> impl Iterator<Item = f64> + '_ {
        self.hits
            .iter()
            .zip(&self.articles)
            .map(|(&h, &a)| if a == 0 { 0.0 } else { f64::from(h) / f64::from(a) })
    }
}

/// Periods, the total line and the leading outlets' lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub step: Step,
    /// Period labels: "2023", "2023-03", "2023-W09", every period from the
    /// first to the last dated hit.
    pub periods: Vec<String>,
    /// Every outlet together.
    pub total: Series,
    /// The outlets with most hits, most first.
    pub outlets: Vec<Series>,
    /// Hits without a date, and with one too partial for the step.
    pub undated: u32,
    pub unplaced: u32,
}

/// Options for [`timeline`].
#[derive(Debug, Clone, Copy, Default)]
pub struct TimelineOptions {
    /// The period length; None: by the span of the hits' dates.
    pub step: Option<Step>,
    /// Outlets with a line of their own (5 when 0).
    pub outlets: usize,
}

/// Periods are capped so a stray date (1850 among 2023s) cannot make
/// millions of them.
const MAX_PERIODS: i64 = 2000;

/// The timeline of `hits` (article ids, e.g. a query's) against all live articles.
pub fn timeline(index: &impl SurveyData, hits: &[ArticleId], opts: &TimelineOptions) -> Timeline {
    let dated: Vec<(ArticleId, Date)> = hits
        .iter()
        .filter(|&&id| index.is_live(id))
        .filter_map(|&id| index.date_of(id).map(|d| (id, d)))
        .collect();
    let undated = hits.iter().filter(|&&id| index.is_live(id)).count() as u32 - dated.len() as u32;
    let step = opts.step.unwrap_or_else(|| {
        let first = dated.iter().map(|d| d.1.first_day().days()).min();
        let last = dated.iter().map(|d| d.1.last_day().days()).max();
        let mut step = match (first, last) {
            (Some(a), Some(b)) => Step::for_span(b - a),
            _ => Step::Month,
        };
        // coarser while more than a tenth of the dates are too partial for it
        loop {
            let unplaced = dated.iter().filter(|d| step.period(d.1).is_none()).count();
            match step {
                _ if unplaced * 10 <= dated.len() => break step,
                Step::Week => step = Step::Month,
                Step::Month => step = Step::Year,
                Step::Year => break step,
            }
        }
    });
    let placed: Vec<(ArticleId, i64)> = dated
        .iter()
        .filter_map(|&(id, d)| step.period(d).map(|p| (id, p)))
        .collect();
    let unplaced = (dated.len() - placed.len()) as u32;
    let (Some(first), Some(last)) = (placed.iter().map(|p| p.1).min(), placed.iter().map(|p| p.1).max())
    else {
        return Timeline {
            step,
            periods: Vec::new(),
            total: Series {
                outlet: "all".into(),
                hits: Vec::new(),
                articles: Vec::new(),
            },
            outlets: Vec::new(),
            undated,
            unplaced,
        };
    };
    let last = last.min(first + MAX_PERIODS - 1);
    let len = (last - first + 1) as usize;
    let slot = |p: i64| (p >= first && p <= last).then(|| (p - first) as usize);
    let outlet = |id: ArticleId| index.source(id).unwrap_or(UNKNOWN_OUTLET);
    // leading outlets by hits
    let mut hit_counts: HashMap<&str, u32> = HashMap::new();
    for &(id, _) in &placed {
        *hit_counts.entry(outlet(id)).or_default() += 1;
    }
    let mut leading: Vec<(&str, u32)> = hit_counts.into_iter().collect();
    leading.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    leading.truncate(if opts.outlets == 0 { 5 } else { opts.outlets });
    let line_of: HashMap<&str, usize> = leading.iter().enumerate().map(|(i, (o, _))| (*o, i)).collect();
    let empty = |name: &str| Series {
        outlet: name.to_string(),
        hits: vec![0; len],
        articles: vec![0; len],
    };
    let mut total = empty("all");
    let mut lines: Vec<Series> = leading.iter().map(|(o, _)| empty(o)).collect();
    // denominators: every live article in the periods (dates read from the
    // index's compact keys: only articles in range are looked at)
    for (id, &key) in index.date_keys().iter().enumerate() {
        let id = id as ArticleId;
        let Some(s) = Date::from_key(key).and_then(|d| step.period(d)).and_then(slot) else {
            continue;
        };
        if !index.is_live(id) {
            continue;
        }
        total.articles[s] += 1;
        if let Some(&l) = line_of.get(outlet(id)) {
            lines[l].articles[s] += 1;
        }
    }
    for &(id, p) in &placed {
        let Some(s) = slot(p) else { continue };
        total.hits[s] += 1;
        if let Some(&l) = line_of.get(outlet(id)) {
            lines[l].hits[s] += 1;
        }
    }
    Timeline {
        step,
        periods: (first..=last).map(|p| step.label(p)).collect(),
        total,
        outlets: lines,
        undated,
        unplaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::store::{Article, Corpus, Meta};

    fn art(source: &str, date: &str) -> Article {
        let meta = Meta {
            title: "t".into(),
            source: Some(source.into()),
            date: (!date.is_empty()).then(|| date.to_string()),
            ..Meta::default()
        };
        Article::from_parts("a.txt".into(), meta, "body", false)
    }

    fn index() -> Index {
        Index::new(Corpus::new(vec![
            art("TASS", "2022-01-10"),
            art("TASS", "2022-01-20"),
            art("TASS", "2022-03-05"),
            art("Xinhua", "2022-01-15"),
            art("Xinhua", "2022-03-01"),
            art("Xinhua", "2022"),
            art("Reuters", ""),
            art("TASS", "2022-06-30"),
        ]))
    }

    #[test]
    fn months_by_span_with_shares_per_outlet() {
        let ix = index();
        let t = timeline(&ix, &[0, 2, 3, 4, 6, 7], &TimelineOptions::default());
        assert_eq!(t.step, Step::Month, "January to June");
        assert_eq!(t.periods.len(), 6);
        assert_eq!((t.undated, t.unplaced), (1, 0));
        // a year alone cannot be placed in a month: counted apart
        let opts = TimelineOptions {
            step: Some(Step::Month),
            outlets: 0,
        };
        let t = timeline(&ix, &[0, 2, 3, 4, 5, 6], &opts);
        assert_eq!(t.periods, ["2022-01", "2022-02", "2022-03"]);
        assert_eq!((t.undated, t.unplaced), (1, 1));
        assert_eq!(t.total.hits, [2, 0, 2]);
        assert_eq!(t.total.articles, [3, 0, 2]);
        let tass = t.outlets.iter().find(|s| s.outlet == "TASS").unwrap();
        assert_eq!(
            (tass.hits.clone(), tass.articles.clone()),
            (vec![1, 0, 1], vec![2, 0, 1])
        );
        assert_eq!(tass.shares().collect::<Vec<_>>(), [0.5, 0.0, 1.0]);
        assert_eq!(t.outlets.len(), 2);
    }

    #[test]
    fn weeks_and_years() {
        let ix = index();
        let t = timeline(&ix, &[0, 1], &TimelineOptions::default());
        assert_eq!(t.step, Step::Week);
        assert_eq!(t.periods, ["2022-W02", "2022-W03"]);
        assert_eq!(t.total.hits, [1, 1]);
        let t = timeline(
            &ix,
            &[0, 5, 7],
            &TimelineOptions {
                step: Some(Step::Year),
                outlets: 1,
            },
        );
        assert_eq!(t.periods, ["2022"]);
        assert_eq!(t.total.hits, [3]);
        assert_eq!(t.total.articles, [7]);
        assert_eq!(t.outlets.len(), 1);
        assert_eq!(t.outlets[0].outlet, "TASS");
        // a month among days: months, not weeks that leave it out
        let t = timeline(&ix, &[0, 1, 5], &TimelineOptions::default());
        assert_eq!((t.step, t.unplaced), (Step::Year, 0), "a year alone among three");
        let t = timeline(&ix, &[6], &TimelineOptions::default());
        assert!(t.periods.is_empty());
        assert_eq!(t.undated, 1);
    }

    #[test]
    fn week_labels() {
        for (d, want) in [
            ("2023-01-01", "2022-W52"),
            ("2023-01-02", "2023-W01"),
            ("2020-12-31", "2020-W53"),
        ] {
            let date = Date::parse(d).unwrap();
            assert_eq!(Step::Week.label(Step::Week.period(date).unwrap()), want, "{d}");
        }
    }
}
