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
    /// Its title: a story's label when its articles share no word.
    pub title: String,
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
                    title: a.meta.title.clone(),
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
                // a story always has a label: its first article's title
                // when its articles share no word (see analysis::stories::label)
                let label = if s.label.trim().is_empty() {
                    order
                        .iter()
                        .map(|&m| title_label(&self.articles[m as usize]))
                        .find(|t| !t.is_empty())
                        .unwrap_or_else(|| format!("{} articles", order.len()))
                } else {
                    s.label
                };
                StoryRow {
                    label,
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

/// Longest title shown as a story's label, in chars.
const TITLE_LABEL: usize = 60;

/// An article's title (else its first line) on one line, cut to
/// [`TITLE_LABEL`] chars with an ellipsis.
fn title_label(a: &StoryArticle) -> String {
    let title = if a.title.trim().is_empty() {
        a.body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    } else {
        a.title.trim()
    };
    let one_line = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= TITLE_LABEL {
        one_line
    } else {
        let cut: String = one_line.chars().take(TITLE_LABEL - 1).collect();
        format!("{}…", cut.trim_end())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stories::Story;

    fn article(title: &str, body: &str, date: &str) -> StoryArticle {
        StoryArticle {
            live: true,
            body: Arc::from(body),
            date: Some(date.into()),
            source: Some("Herald".into()),
            title: title.into(),
            speakers: Vec::new(),
        }
    }

    #[test]
    fn a_story_without_a_label_shows_its_first_title() {
        let snap = Snapshot {
            articles: vec![
                article("Second report", "b", "2023-03-02"),
                article("  First   report\non the dam ", "a", "2023-03-01"),
                article("", "\n\n  Untitled body line\nmore", "2023-03-03"),
            ],
        };
        let story = |members: Vec<u32>, label: &str| Story {
            members,
            cohesion: 0.5,
            label: label.into(),
        };
        let rows = snap.rows(vec![
            story(vec![0, 1], ""),
            story(vec![0, 1], "Oksberg"),
            story(vec![2], " "),
        ]);
        assert_eq!(rows[0].label, "First report on the dam");
        assert_eq!(rows[1].label, "Oksberg");
        assert_eq!(rows[2].label, "Untitled body line");
        let long = article(&"word ".repeat(40), "", "2023-03-01");
        let l = title_label(&long);
        assert!(l.ends_with('…') && l.chars().count() <= TITLE_LABEL, "{l}");
    }
}
