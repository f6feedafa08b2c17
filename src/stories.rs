//! Stories over the loaded articles: the domain grouping
//! ([`analysis::stories`](crate::analysis::stories)) fed with the index's
//! bodies, dates (`date` metadata) and speakers, and turned into rows a
//! view or the headless `stories` command shows (label, size, date span,
//! outlets). Domain only: runs anywhere, off the UI thread at scale.
//!
//! The app takes a [`Snapshot`] of what the stories need (a slice of
//! articles at a time, between frames: [`Snapshot::gather`]), then indexes
//! and groups it on a worker thread; the headless command does it at once.

use std::sync::Arc;

use serde::Serialize;

use crate::analysis::speakers::{Extractor, SpeakerKind};
use crate::analysis::stories::{Story, StoryDoc, StoryIndex, StoryOptions, day_number};
use crate::index::Index;
use crate::store::ArticleId;

/// One story as shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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

/// What the stories need of one article, owned (the body shared), so
/// another thread can index it.
#[derive(Debug, Clone, Default)]
pub struct StoryArticle {
    /// Dead (deleted) articles count as empty.
    pub live: bool,
    pub body: Arc<str>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The names of the named speakers it quotes.
    pub speakers: Vec<String>,
}

/// The articles as the stories see them: article `i` of
/// [`Index::articles`] is entry `i`.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub articles: Vec<StoryArticle>,
}

impl Snapshot {
    /// The whole index at once.
    pub fn of(index: &Index) -> Snapshot {
        let mut s = Snapshot::default();
        s.gather(index, index.len());
        s
    }

    /// Takes the next articles of `index`, up to `upto` in all (a slice of
    /// the work, between frames). True once every article is taken.
    pub fn gather(&mut self, index: &Index, upto: usize) -> bool {
        let all = index.articles();
        let end = upto.min(all.len());
        while self.articles.len() < end {
            let a = &all[self.articles.len()];
            let live = index.is_live(a.id);
            self.articles.push(if live {
                StoryArticle {
                    live,
                    body: a.body.clone(),
                    date: a.meta.date.clone(),
                    source: a.meta.source.clone(),
                    speakers: index
                        .speakers_of(a.id)
                        .iter()
                        .filter_map(|&s| index.speaker(s))
                        // "analysts", "a spokesperson": the same words in two
                        // articles are not the same speaker
                        .filter(|s| s.kind != SpeakerKind::Unnamed)
                        .map(|s| s.name.clone())
                        .collect(),
                }
            } else {
                StoryArticle::default()
            });
        }
        self.articles.len() >= all.len()
    }

    /// The article bodies, by id.
    pub fn texts(&self) -> Vec<&str> {
        self.articles.iter().map(|a| &*a.body).collect()
    }

    /// The story index of these articles (in parallel).
    pub fn story_index(&self) -> StoryIndex {
        let ex = Extractor::shared();
        let docs: Vec<StoryDoc> = self
            .articles
            .iter()
            .map(|a| {
                if !a.live {
                    return StoryDoc::default();
                }
                let mut speakers: Vec<String> = a.speakers.iter().map(|s| ex.key(s)).collect();
                speakers.sort();
                speakers.dedup();
                StoryDoc {
                    text: &a.body,
                    date: a.date.as_deref().and_then(day_number),
                    speakers,
                }
            })
            .collect();
        StoryIndex::build(&docs, StoryOptions::default())
    }

    /// Stories as rows: articles by date, the date span, the outlets.
    pub fn rows(&self, stories: Vec<Story>) -> Vec<StoryRow> {
        stories
            .into_iter()
            .map(|s| {
                let day = |m: u32| {
                    self.articles
                        .get(m as usize)
                        .and_then(|a| a.date.as_deref())
                        .and_then(day_number)
                };
                let mut order: Vec<u32> = s
                    .members
                    .iter()
                    .copied()
                    .filter(|&m| (m as usize) < self.articles.len())
                    .collect();
                order.sort_by_key(|&m| (day(m).is_none(), day(m), m));
                let dated: Vec<&str> = order
                    .iter()
                    .filter(|&&m| day(m).is_some())
                    .filter_map(|&m| self.articles[m as usize].date.as_deref())
                    .filter_map(|d| d.trim().get(..10))
                    .collect();
                let mut outlets: Vec<String> = Vec::new();
                for &m in &order {
                    if let Some(src) = self.articles[m as usize]
                        .source
                        .as_deref()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        && !outlets.iter().any(|o| o == src)
                    {
                        outlets.push(src.to_string());
                    }
                }
                StoryRow {
                    label: s.label,
                    articles: order.iter().map(|&m| m as ArticleId).collect(),
                    cohesion: s.cohesion,
                    first_date: dated.first().map(|d| d.to_string()),
                    last_date: dated.last().map(|d| d.to_string()),
                    outlets,
                }
            })
            .collect()
    }
}

/// The story index of the loaded articles (dead ones count as empty).
/// Article `i` of [`Index::articles`] is document `i`.
pub fn story_index(index: &Index) -> StoryIndex {
    Snapshot::of(index).story_index()
}

/// The stories of the loaded articles, biggest first.
pub fn stories(index: &Index) -> Vec<StoryRow> {
    let snap = Snapshot::of(index);
    let si = snap.story_index();
    let stories = si.stories(&snap.texts());
    snap.rows(stories)
}
