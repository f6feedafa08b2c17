//! The speakers pane (who is quoted, how often, in how many articles) and
//! the quotes view (everything one speaker said, across the corpus).

use std::time::Instant;

use super::narrowing::{KEY_SLICE, article_label, make_labels};
use super::picker::{Line, Picker};
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, Context, Keys};
use crate::index::{Index, SpeakerStats};
use crate::store::ArticleId;

/// Quote labels made between two looks at the clock.
const QUOTE_CHUNK: usize = 256;

/// State of the speakers pane.
#[derive(Debug, Clone, Default)]
pub struct SpeakersState {
    pub stats: Vec<SpeakerStats>,
    pub labels: Vec<String>,
    pub picker: Picker,
}

/// State of the quotes view.
#[derive(Debug, Clone, Default)]
pub struct QuotesState {
    pub speaker: u32,
    /// (article, index into its quotes) for every quote, in corpus order.
    pub items: Vec<(ArticleId, usize)>,
    /// The quote texts, one line each, and their articles, for narrowing:
    /// made a slice at a time once a key is typed (a speaker of 100,000
    /// articles has tens of thousands).
    pub labels: Vec<(String, String)>,
    pub picker: Picker,
}

impl SpeakersState {
    /// The pane over the speakers quoted so far; none when nobody is.
    pub fn new(index: &Index) -> Option<SpeakersState> {
        let stats = index.speaker_stats();
        if stats.is_empty() {
            return None;
        }
        let labels = stats
            .iter()
            .map(|s| index.speaker(s.id).map_or(String::new(), |sp| sp.name.clone()))
            .collect();
        let picker = Picker::new(stats.len());
        Some(SpeakersState {
            stats,
            labels,
            picker,
        })
    }
}

impl Pane for SpeakersState {
    fn keys(&self) -> Keys {
        self.picker.keys(Context::Speakers)
    }

    fn context(&self) -> Context {
        Context::Speakers
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        if self
            .picker
            .narrow_or_move(action, &self.labels, env.picker_height(0))
        {
            return Outcome::Handled;
        }
        let current = self.picker.current().map(|i| self.stats[i].id);
        match action {
            Action::Open => match current.and_then(|id| env.index.speaker(id)) {
                Some(sp) => Outcome::Filter(format!("@\"{}\"", sp.name.replace('"', ""))),
                None => Outcome::Handled,
            },
            Action::Drill => match current {
                Some(id) => Outcome::Push(Box::new(Screen::Quotes(QuotesState::new(env.index, id)))),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        self.clip(env)
    }
}

impl QuotesState {
    /// Everything `speaker` said, in the articles there are now.
    pub fn new(index: &Index, speaker: u32) -> QuotesState {
        let mut items = Vec::new();
        for a in index.articles() {
            if !index.is_live(a.id) {
                continue;
            }
            for (i, q) in index.quotes_of(a.id).iter().enumerate() {
                if q.speaker == speaker {
                    items.push((a.id, i));
                }
            }
        }
        let picker = Picker::new(items.len());
        QuotesState {
            speaker,
            items,
            labels: Vec::new(),
            picker,
        }
    }

    /// Quote `i` on one line.
    pub fn label(&self, index: &Index, i: usize) -> String {
        self.items
            .get(i)
            .map_or_else(String::new, |&(article, qi)| Self::quote_line(index, article, qi))
    }

    /// Quote `qi` of `article` on one line.
    pub fn quote_line(index: &Index, article: ArticleId, qi: usize) -> String {
        match (index.article(article), index.quotes_of(article).get(qi)) {
            (Some(a), Some(q)) => one_line(a.body.get(q.range.clone()).unwrap_or("")),
            _ => String::new(),
        }
    }

    fn height(env: &Env) -> usize {
        env.picker_height(super::layout::QUOTE_PREVIEW_LINES)
    }
}

impl Pane for QuotesState {
    fn keys(&self) -> Keys {
        self.picker.keys(Context::Quotes)
    }

    fn context(&self) -> Context {
        Context::Quotes
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        match self.picker.line(action) {
            Line::Edit(edit) => {
                // a speaker of 100,000 articles has tens of thousands of
                // quotes: narrowed a slice at a time (see `narrowing`)
                if self.picker.edit_query(edit, self.items.len()) {
                    self.tick(env, Instant::now() + KEY_SLICE);
                }
                return Outcome::Handled;
            }
            Line::Done => return Outcome::Handled,
            Line::No => {}
        }
        if self.picker.navigate(action, Self::height(env)) {
            return Outcome::Handled;
        }
        match action {
            Action::Open => {
                let quote = self.picker.current().and_then(|i| self.items.get(i));
                let range = quote.and_then(|&(article, qi)| {
                    let q = env.index.quotes_of(article).get(qi)?;
                    Some((article, q.range.clone()))
                });
                match range {
                    Some((article, range)) => Outcome::Read(article, range),
                    None => Outcome::Handled,
                }
            }
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    fn busy(&self) -> bool {
        self.picker.narrowing().is_some()
    }

    /// Makes the quotes' labels and narrows them on, until `deadline`; the
    /// selection, once found again, is scrolled into view.
    fn tick(&mut self, env: &Env, deadline: Instant) {
        if self.picker.narrowing().is_none() {
            return;
        }
        let index = env.index;
        let QuotesState {
            items,
            labels,
            picker,
            ..
        } = self;
        make_labels(labels, items.len(), QUOTE_CHUNK, deadline, |range| {
            items[range]
                .iter()
                .map(|&(id, qi)| {
                    let quote = QuotesState::quote_line(index, id, qi);
                    (quote, index.article(id).map(article_label).unwrap_or_default())
                })
                .collect()
        });
        picker.step(labels, items.len(), Some(deadline));
        picker.keep_visible(Self::height(env));
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        self.clip(env)
    }
    fn selected_article(&self, _env: &Env) -> Option<crate::store::ArticleId> {
        self.selection()
    }
}

/// Folds a quote onto one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
