//! Stories over the loaded articles: the domain grouping
//! ([`analysis::stories`](crate::analysis::stories)) fed with the index's
//! bodies, dates (`date` metadata) and speakers, and turned into rows a
//! view or the headless `stories` command shows (label, size, date span,
//! outlets). Domain only: runs anywhere, off the UI thread at scale.

use serde::Serialize;

use crate::analysis::speakers::Extractor;
use crate::analysis::stories::{StoryDoc, StoryIndex, StoryOptions, day_number};
use crate::index::Index;
use crate::store::ArticleId;

/// One story as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRow {
    /// Names its articles share ("Port Selen · Kestneft").
    pub label: String,
    /// Its articles, by date (undated last), then by id.
    pub articles: Vec<ArticleId>,
    /// Mean similarity of its pairs, 0..=1.
    pub cohesion: f64,
    /// The earliest and latest dates of its articles (`YYYY-MM-DD`), when known.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The distinct outlets (`source`) of its articles, in article order.
    pub outlets: Vec<String>,
}

/// The story index of the loaded articles (dead ones count as empty).
/// Article `i` of [`Index::articles`] is document `i`.
pub fn story_index(index: &Index) -> StoryIndex {
    let ex = Extractor::shared();
    let docs: Vec<StoryDoc> = index
        .articles()
        .iter()
        .map(|a| {
            if !index.is_live(a.id) {
                return StoryDoc::default();
            }
            let mut speakers: Vec<String> = index
                .speakers_of(a.id)
                .iter()
                .filter_map(|&s| index.speaker(s))
                // "analysts", "a spokesperson": the same words in two
                // articles are not the same speaker
                .filter(|s| s.kind != crate::analysis::speakers::SpeakerKind::Unnamed)
                .map(|s| ex.key(&s.name))
                .collect();
            speakers.sort();
            speakers.dedup();
            StoryDoc {
                text: &a.body,
                date: a.meta.date.as_deref().and_then(day_number),
                speakers,
            }
        })
        .collect();
    StoryIndex::build(&docs, StoryOptions::default())
}

/// The stories of the loaded articles, biggest first.
pub fn stories(index: &Index) -> Vec<StoryRow> {
    let si = story_index(index);
    let texts: Vec<&str> = index.articles().iter().map(|a| &*a.body).collect();
    si.stories(&texts)
        .into_iter()
        .map(|s| {
            let arts: Vec<&crate::store::Article> = s
                .members
                .iter()
                .filter_map(|&m| index.articles().get(m as usize))
                .collect();
            let day = |a: &crate::store::Article| a.meta.date.as_deref().and_then(day_number);
            let mut order: Vec<&crate::store::Article> = arts.clone();
            order.sort_by_key(|a| (day(a).is_none(), day(a), a.id));
            let dated: Vec<&str> = order
                .iter()
                .filter(|a| day(a).is_some())
                .filter_map(|a| a.meta.date.as_deref().and_then(|d| d.trim().get(..10)))
                .collect();
            let mut outlets: Vec<String> = Vec::new();
            for a in &order {
                if let Some(src) = a.meta.source.as_deref().map(str::trim).filter(|s| !s.is_empty())
                    && !outlets.iter().any(|o| o == src)
                {
                    outlets.push(src.to_string());
                }
            }
            StoryRow {
                label: s.label,
                articles: order.iter().map(|a| a.id).collect(),
                cohesion: s.cohesion,
                first_date: dated.first().map(|d| d.to_string()),
                last_date: dated.last().map(|d| d.to_string()),
                outlets,
            }
        })
        .collect()
}
