//! The speakers pane (who is quoted, how often, in how many articles) and
//! the quotes view (everything one speaker said, across the corpus).

use super::picker::Picker;
use super::state::View;
use super::{Action, App, Focus, Highlight, HlKind, InputEdit};
use crate::analysis::speakers::SpeakerKind;
use crate::index::SpeakerStats;
use crate::store::ArticleId;

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
    /// The quote texts, one line each, for narrowing: made a slice at a
    /// time once a key is typed (a speaker of 100,000 articles has tens of
    /// thousands).
    pub labels: Vec<String>,
    pub picker: Picker,
}

impl QuotesState {
    /// Quote `i` on one line.
    pub fn label(&self, index: &crate::index::Index, i: usize) -> String {
        self.items
            .get(i)
            .map_or_else(String::new, |&(article, qi)| Self::quote_line(index, article, qi))
    }

    /// Quote `qi` of `article` on one line.
    pub fn quote_line(index: &crate::index::Index, article: ArticleId, qi: usize) -> String {
        match (index.article(article), index.quotes_of(article).get(qi)) {
            (Some(a), Some(q)) => one_line(a.body.get(q.range.clone()).unwrap_or("")),
            _ => String::new(),
        }
    }
}

/// Folds a quote onto one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl App {
    /// Rows visible in a picker view.
    pub fn picker_height(&self, below: u16) -> usize {
        let main = super::layout::main_area(
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
            self.input_open,
        );
        usize::from(super::layout::picker_rows(main, below).height).max(1)
    }

    /// The `s` key.
    pub fn open_speakers(&mut self) {
        let stats = self.index.speaker_stats();
        if stats.is_empty() {
            self.message = Some("nobody is quoted in these articles (yet)".into());
            return;
        }
        let labels = stats
            .iter()
            .map(|s| {
                self.index
                    .speaker(s.id)
                    .map_or(String::new(), |sp| sp.name.clone())
            })
            .collect();
        let picker = Picker::new(stats.len());
        self.speakers_view = Some(SpeakersState {
            stats,
            labels,
            picker,
        });
        self.push_view(View::Speakers);
    }

    /// The quotes view for one speaker.
    pub fn open_quotes(&mut self, speaker: u32) {
        let mut items = Vec::new();
        for a in self.index.articles() {
            if !self.index.is_live(a.id) {
                continue;
            }
            for (i, q) in self.index.quotes_of(a.id).iter().enumerate() {
                if q.speaker == speaker {
                    items.push((a.id, i));
                }
            }
        }
        let picker = Picker::new(items.len());
        self.quotes_view = Some(QuotesState {
            speaker,
            items,
            labels: Vec::new(),
            picker,
        });
        self.push_view(View::Quotes);
    }

    pub(super) fn update_speakers(&mut self, action: Action) -> bool {
        let h = self.picker_height(0);
        let Some(s) = self.speakers_view.as_mut() else {
            return false;
        };
        if picker_nav(&mut s.picker, action, h, &s.labels) {
            return true;
        }
        match action {
            Action::Open => {
                if let Some(st) = s.picker.current().map(|i| s.stats[i].clone())
                    && let Some(sp) = self.index.speaker(st.id)
                {
                    let name = sp.name.replace('"', "");
                    self.view_stack.clear();
                    self.view = View::Main;
                    self.set_filter(&format!("@\"{name}\""));
                }
            }
            Action::Drill => {
                if let Some(id) = s.picker.current().map(|i| s.stats[i].id) {
                    self.open_quotes(id);
                }
            }
            Action::Back => self.pop_view(),
            Action::Quit | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => return false,
            _ => {}
        }
        true
    }

    pub(super) fn update_quotes(&mut self, action: Action) -> bool {
        let h = self.picker_height(super::layout::QUOTE_PREVIEW_LINES);
        let Some(q) = self.quotes_view.as_mut() else {
            return false;
        };
        if let Action::Input(edit) = action {
            // a speaker of 100,000 articles has tens of thousands of quotes:
            // narrowed a slice at a time (see `narrowing`)
            if q.picker.edit_query(edit, q.items.len()) {
                self.step_narrowing(std::time::Instant::now() + super::narrowing::KEY_SLICE);
            }
            return true;
        }
        if picker_nav(&mut q.picker, action, h, &q.labels) {
            return true;
        }
        match action {
            Action::Open => {
                if let Some(&(article, qi)) = q.picker.current().and_then(|i| q.items.get(i)) {
                    let range = self.index.quotes_of(article).get(qi).map(|q| q.range.clone());
                    if let Some(range) = range {
                        self.show_in_reader(article, range);
                    }
                }
            }
            Action::Back => self.pop_view(),
            Action::Quit | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => return false,
            _ => {}
        }
        true
    }

    /// Goes to the main view with `article` in the reading pane and `range`
    /// in view and marked (clearing the filter if it hides the article).
    /// `Esc` from the reader returns to the list, then to the view it came from.
    pub fn show_in_reader(&mut self, article: ArticleId, range: std::ops::Range<usize>) {
        self.push_view(View::Main);
        if !self.filter.hits.iter().any(|h| h.id == article) {
            self.clear_filter();
        }
        if let Some(row) = self.filter.hits.iter().position(|h| h.id == article) {
            self.select(row as isize);
        }
        self.focus = Focus::Reader;
        let (h, _) = self.reader_size();
        self.reader.highlights.push(Highlight {
            range: range.clone(),
            kind: HlKind::Current,
        });
        self.reader.highlights.sort_by_key(|h| h.range.start);
        self.reader.reveal(range.start, h);
    }

    /// Sets the filter text and applies it, as if typed.
    pub fn set_filter(&mut self, text: &str) {
        self.filter.edit(InputEdit::Clear);
        for c in text.chars() {
            self.filter.edit(InputEdit::Insert(c));
        }
        self.refilter();
        self.focus = Focus::List;
    }

    /// Whether a speaker is a person (people come first in the pane).
    pub fn is_person(&self, id: u32) -> bool {
        self.index
            .speaker(id)
            .is_some_and(|s| s.kind == SpeakerKind::Person)
    }
}

/// Movement and typing shared by the picker views. Returns true if handled.
pub(super) fn picker_nav<S: AsRef<str>>(p: &mut Picker, action: Action, h: usize, labels: &[S]) -> bool {
    match action {
        Action::Down => p.move_by(1, h),
        Action::Up => p.move_by(-1, h),
        Action::PageDown => p.move_by(h as isize, h),
        Action::PageUp => p.move_by(-(h as isize), h),
        Action::HalfPageDown => p.move_by((h / 2).max(1) as isize, h),
        Action::HalfPageUp => p.move_by(-((h / 2).max(1) as isize), h),
        Action::Top => p.move_by(isize::MIN / 2, h),
        Action::Bottom => p.move_by(isize::MAX / 2, h),
        Action::ScrollAt { lines, .. } => p.move_by(lines as isize, h),
        Action::Input(edit) => {
            p.edit(edit, labels);
            p.keep_visible(h);
        }
        _ => return false,
    }
    true
}
