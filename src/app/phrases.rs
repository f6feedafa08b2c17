//! The phrases pane (curated families, then mined phrases, with a chart of
//! the selected one's use per article) and the concordance (KWIC) view.

use std::time::Instant;

use super::narrowing::{KEY_SLICE, article_label, make_labels};
use super::picker::{Line, Picker};
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, App, Context, Keys};
use crate::concordance::{self, Occurrences, PhraseRef, PhraseRow, Timeline};
use crate::index::Index;
use crate::store::ArticleId;

/// Concordance lines made between two looks at the clock while narrowing.
const LABEL_CHUNK: usize = 128;

/// Lines under the phrases list for the chart.
pub const CHART_LINES: u16 = 10;

/// Lines kept under the phrases list for the chart in a main area of this
/// height: none when both would not fit (the list comes first).
pub fn chart_lines(main_height: u16) -> u16 {
    if main_height >= CHART_LINES + 10 {
        CHART_LINES
    } else {
        0
    }
}

/// State of the phrases pane.
#[derive(Debug, Clone, Default)]
pub struct PhrasesState {
    pub rows: Vec<PhraseRow>,
    pub labels: Vec<String>,
    pub picker: Picker,
    /// The selected row's use over time.
    pub chart: Option<(usize, Timeline)>,
}

/// State of the concordance view. Lines are made for the rows on screen
/// only; the one-line texts for narrowing, on the first key typed.
#[derive(Debug, Clone, Default)]
pub struct KwicState {
    pub title: String,
    /// Every occurrence (positions found as they are shown).
    pub occ: Occurrences,
    /// Each line's text and its article, for narrowing.
    pub labels: Vec<(String, String)>,
    pub picker: Picker,
    /// Characters of context each side.
    pub context: usize,
}

impl PhrasesState {
    /// The pane over the phrases there are now; none when there are none.
    pub fn new(index: &Index) -> Option<PhrasesState> {
        let rows = concordance::phrase_rows(index);
        if rows.is_empty() {
            return None;
        }
        let labels = rows.iter().map(|r| r.text.clone()).collect();
        let picker = Picker::new(rows.len());
        let mut state = PhrasesState {
            rows,
            labels,
            picker,
            chart: None,
        };
        state.update_chart(index);
        Some(state)
    }

    /// Lines kept under the list for the chart on this screen (see `chart_lines`).
    pub fn chart_lines(env: &Env) -> u16 {
        chart_lines(env.main_area().height)
    }

    fn height(env: &Env) -> usize {
        env.picker_height(Self::chart_lines(env))
    }

    fn update_chart(&mut self, index: &Index) {
        let Some(i) = self.picker.current() else {
            self.chart = None;
            return;
        };
        if self.chart.as_ref().is_some_and(|(row, _)| *row == i) {
            return;
        }
        let counts = concordance::counts(index, &self.rows[i]);
        self.chart = Some((i, Timeline::new(index, counts)));
    }
}

impl Pane for PhrasesState {
    fn keys(&self) -> Keys {
        self.picker.keys(Context::Phrases)
    }

    fn context(&self) -> Context {
        Context::Phrases
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        let h = Self::height(env);
        if self.picker.narrow_or_move(action, &self.labels, h) {
            // (the line opened or closed: the same row, the same chart)
            self.update_chart(env.index);
            return Outcome::Handled;
        }
        let current = self.picker.current().map(|i| &self.rows[i]);
        match action {
            Action::Open => match current {
                Some(row) => Outcome::Filter(row.phrase.query(env.index)),
                None => Outcome::Handled,
            },
            Action::Drill => match current {
                Some(row) => Outcome::Push(Box::new(Screen::Kwic(KwicState::new(env, row)))),
                None => Outcome::Handled,
            },
            Action::SaveFamily | Action::HidePhrase => Outcome::SaveMined {
                mined: current.and_then(|row| row.mined),
                hide: action == Action::HidePhrase,
            },
            // issue 14: the phrase's timeline
            Action::Timeline => match current {
                Some(row) => Outcome::Push(Box::new(Screen::Timeline(super::TimelineState::of_query(
                    row.text.clone(),
                    row.phrase.query(env.index),
                )))),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    /// Counts again (more articles analysed, phrases mined), keeping what
    /// is typed and selected.
    fn refresh(&mut self, env: &Env) {
        let selected = self.picker.current().map(|i| self.rows[i].phrase.clone());
        self.rows = concordance::phrase_rows(env.index);
        self.labels = self.rows.iter().map(|r| r.text.clone()).collect();
        let query = std::mem::take(&mut self.picker.query);
        self.picker = Picker::new(self.rows.len());
        self.picker.set_query(query, &self.labels);
        if let Some(pos) = selected
            .and_then(|p| self.rows.iter().position(|r| r.phrase == p))
            .and_then(|i| self.picker.rows.iter().position(|&r| r == i))
        {
            self.picker.select_row(pos);
        }
        self.picker.keep_visible(Self::height(env));
        self.chart = None;
        self.update_chart(env.index);
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
    fn copy_text(&self, _env: &Env) -> Option<String> {
        self.clip()
    }
}

impl KwicState {
    /// The concordance of a phrase: a small search ends here, a big one goes
    /// on between frames.
    pub fn new(env: &Env, row: &PhraseRow) -> KwicState {
        KwicState::of(env, row.text.clone(), &row.phrase, row.docs(env.index))
    }

    /// The concordance of `phrase` within these articles (ascending ids;
    /// None: wherever it is).
    pub fn of(env: &Env, title: String, phrase: &PhraseRef, within: Option<&[ArticleId]>) -> KwicState {
        let context = usize::from(env.size.0.saturating_sub(24) / 2).clamp(10, 80);
        let mut occ = Occurrences::start(env.index, phrase, within);
        occ.step(env.index, std::time::Duration::from_millis(8));
        let picker = Picker::new(occ.len());
        KwicState {
            title,
            occ,
            labels: Vec::new(),
            picker,
            context,
        }
    }
}

impl Pane for KwicState {
    fn keys(&self) -> Keys {
        self.picker.keys(Context::Kwic)
    }

    fn context(&self) -> Context {
        Context::Kwic
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        match self.picker.line(action) {
            Line::Edit(edit) => {
                if self.picker.edit_query(edit, self.occ.len()) {
                    self.tick(env, Instant::now() + KEY_SLICE);
                }
                return Outcome::Handled;
            }
            Line::Done => return Outcome::Handled,
            Line::No => {}
        }
        if self.picker.navigate(action, env.picker_height(0)) {
            return Outcome::Handled;
        }
        match action {
            Action::Open => match self.picker.current().and_then(|i| self.occ.get(env.index, i)) {
                Some((article, range)) => Outcome::Read(article, range),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    fn busy(&self) -> bool {
        self.picker.narrowing().is_some() || self.occ.progress().is_some()
    }

    /// Searches more of a concordance under way, and narrows it on when a
    /// query is typed: the lines found so far are made (a slice at a time)
    /// and matched, until `deadline`.
    fn tick(&mut self, env: &Env, deadline: Instant) {
        let index = env.index;
        if self.occ.progress().is_some() {
            let shown = self.occ.len();
            // while narrowing, half the time goes to making and matching lines
            let left = deadline.saturating_duration_since(Instant::now());
            let budget = if self.picker.narrowing().is_some() {
                left / 2
            } else {
                left
            };
            self.occ.step(index, budget);
            if self.picker.query.trim().is_empty() {
                self.picker.rows.extend(shown..self.occ.len());
            }
        }
        if self.picker.narrowing().is_some() {
            let (occ, context) = (&self.occ, self.context);
            make_labels(&mut self.labels, occ.len(), LABEL_CHUNK, deadline, |range| {
                // an article's positions are found once for its lines in the range
                let wanted: Vec<usize> = range.collect();
                occ.window(index, &wanted)
                    .into_iter()
                    .map(|found| {
                        found
                            .and_then(|(id, range)| {
                                let a = index.article(id)?;
                                let l = crate::analysis::phrases::kwic(&a.body, range, context);
                                Some((format!("{} {} {}", l.left, l.matched, l.right), article_label(a)))
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            });
            // while the search goes on, more lines will come
            let total = match self.occ.progress() {
                Some(_) => usize::MAX,
                None => self.occ.len(),
            };
            self.picker.step(&self.labels, total, Some(deadline));
        }
        self.picker.keep_visible(env.picker_height(0));
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        self.clip(env)
    }
    fn selected_article(&self, env: &Env) -> Option<crate::store::ArticleId> {
        self.selection(env)
    }
}

impl App {
    /// Saves the `mined`th mined phrase to the user's phrases file: as a
    /// family (with its variants), or as hidden for good (and hides it now).
    pub(super) fn save_phrase(&mut self, mined: Option<usize>, hide: bool) {
        use crate::analysis::phrases::user_file;
        let Some((i, m)) = mined.and_then(|i| Some((i, self.index.mined().get(i)?.clone()))) else {
            self.message = Some("only a mined phrase can be saved or hidden".into());
            return;
        };
        let Some(path) = self.phrases_file.clone() else {
            self.message = Some("no phrases file: give one with --phrases FILE".into());
            return;
        };
        let shown = crate::store::escape_controls(&path.display().to_string()).into_owned();
        self.message = Some(if hide {
            match user_file::save_hidden(&path, &m.phrase) {
                Ok(()) => {
                    self.index.hide_mined(i);
                    self.refresh_panes();
                    format!("\"{}\" hidden for good (saved in {shown})", m.phrase)
                }
                Err(e) => e.to_string(),
            }
        } else {
            let taken: Vec<String> = self
                .index
                .book()
                .families()
                .iter()
                .map(|f| f.color.clone())
                .collect();
            match user_file::save_family(&path, &m.phrase, &m.variants, &taken) {
                Ok(_) => format!(
                    "family \"{}\" saved to {shown}: highlighted from the next run",
                    m.phrase
                ),
                Err(e) => e.to_string(),
            }
        });
    }
}
