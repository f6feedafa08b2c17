//! The phrases pane (curated families, then mined phrases, with a chart of
//! the selected one's use per article) and the concordance (KWIC) view.

use std::time::Instant;

use super::narrowing::{make_labels, push_article};
use super::picker::Picker;
use super::speakers::picker_nav;
use super::state::View;
use super::{Action, App};
use crate::concordance::{self, Occurrences, PhraseRow, Timeline};

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
    pub labels: Vec<String>,
    pub picker: Picker,
    /// Characters of context each side.
    pub context: usize,
}

impl App {
    /// The `p` key.
    pub fn open_phrases(&mut self) {
        let rows = concordance::phrase_rows(&self.index);
        if rows.is_empty() {
            self.message = Some("no phrases yet".into());
            return;
        }
        let labels = rows.iter().map(|r| r.text.clone()).collect();
        let picker = Picker::new(rows.len());
        let mut state = PhrasesState {
            rows,
            labels,
            picker,
            chart: None,
        };
        self.update_chart(&mut state);
        self.phrases_view = Some(state);
        self.push_view(View::Phrases);
    }

    /// [`chart_lines`] in the terminal as it is.
    pub fn phrases_chart_lines(&self) -> u16 {
        let main = super::layout::main_area(
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
            self.input_open,
        );
        chart_lines(main.height)
    }

    /// Shows the phrases pane again with the counts as they are now (more
    /// articles analysed, phrases mined), keeping what is typed and selected.
    pub(super) fn refresh_phrases(&mut self) {
        let Some(mut s) = self.phrases_view.take() else {
            return;
        };
        let selected = s.picker.current().map(|i| s.rows[i].phrase.clone());
        s.rows = concordance::phrase_rows(&self.index);
        s.labels = s.rows.iter().map(|r| r.text.clone()).collect();
        let query = std::mem::take(&mut s.picker.query);
        s.picker = Picker::new(s.rows.len());
        s.picker.set_query(query, &s.labels);
        if let Some(pos) = selected
            .and_then(|p| s.rows.iter().position(|r| r.phrase == p))
            .and_then(|i| s.picker.rows.iter().position(|&r| r == i))
        {
            s.picker.selected = pos;
        }
        s.picker
            .keep_visible(self.picker_height(self.phrases_chart_lines()));
        s.chart = None;
        self.update_chart(&mut s);
        self.phrases_view = Some(s);
    }

    fn update_chart(&self, s: &mut PhrasesState) {
        let Some(i) = s.picker.current() else {
            s.chart = None;
            return;
        };
        if s.chart.as_ref().is_some_and(|(row, _)| *row == i) {
            return;
        }
        let row = &s.rows[i];
        let counts = concordance::counts(&self.index, row);
        s.chart = Some((i, Timeline::new(&self.index, counts)));
    }

    /// The concordance of the selected phrase.
    fn open_kwic(&mut self, row: PhraseRow) {
        let context = usize::from(self.size.0.saturating_sub(24) / 2).clamp(10, 80);
        let mut occ = Occurrences::start(&self.index, &row.phrase, row.docs(&self.index));
        // a small search ends here; a big one goes on between frames
        occ.step(&self.index, std::time::Duration::from_millis(8));
        let picker = Picker::new(occ.len());
        self.kwic_view = Some(KwicState {
            title: row.text.clone(),
            occ,
            labels: Vec::new(),
            picker,
            context,
        });
        self.push_view(View::Kwic);
    }

    pub(super) fn update_phrases(&mut self, action: Action) -> bool {
        let h = self.picker_height(self.phrases_chart_lines());
        let Some(mut s) = self.phrases_view.take() else {
            return false;
        };
        let mut handled = true;
        if picker_nav(&mut s.picker, action, h, &s.labels) {
            self.update_chart(&mut s);
        } else {
            match action {
                Action::Open => {
                    if let Some(row) = s.picker.current().map(|i| &s.rows[i]) {
                        let q = row.phrase.query(&self.index);
                        self.view_stack.clear();
                        self.view = View::Main;
                        self.set_filter(&q);
                    }
                }
                Action::Drill => {
                    if let Some(row) = s.picker.current().map(|i| s.rows[i].clone()) {
                        self.phrases_view = Some(s);
                        self.open_kwic(row);
                        return true;
                    }
                }
                Action::SaveFamily | Action::HidePhrase => {
                    let mined = s.picker.current().and_then(|i| s.rows[i].mined);
                    self.phrases_view = Some(s);
                    self.save_phrase(mined, action == Action::HidePhrase);
                    return true;
                }
                Action::Back => self.pop_view(),
                Action::Quit | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => {
                    handled = false
                }
                _ => {}
            }
        }
        self.phrases_view = Some(s);
        handled
    }

    /// Saves the `mined`th mined phrase to the user's phrases file: as a
    /// family (with its variants), or as hidden for good (and hides it now).
    fn save_phrase(&mut self, mined: Option<usize>, hide: bool) {
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
                    self.refresh_phrases();
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

    /// Searches more of a concordance under way, and narrows it on when a
    /// query is typed: the lines found so far are made (a slice at a time)
    /// and matched, until `deadline`.
    pub(super) fn step_kwic(&mut self, deadline: Instant) {
        let Some(k) = self.kwic_view.as_mut() else {
            return;
        };
        if k.occ.progress().is_some() {
            let shown = k.occ.len();
            // while narrowing, half the time goes to making and matching lines
            let left = deadline.saturating_duration_since(Instant::now());
            let budget = if k.picker.narrowing().is_some() {
                left / 2
            } else {
                left
            };
            k.occ.step(&self.index, budget);
            if k.picker.query.trim().is_empty() {
                k.picker.rows.extend(shown..k.occ.len());
            }
        }
        if k.picker.narrowing().is_none() {
            return;
        }
        let index = &self.index;
        let (occ, context) = (&k.occ, k.context);
        make_labels(&mut k.labels, occ.len(), LABEL_CHUNK, deadline, |range| {
            // an article's positions are found once for its lines in the range
            let wanted: Vec<usize> = range.collect();
            occ.window(index, &wanted)
                .into_iter()
                .map(|found| {
                    found
                        .and_then(|(id, range)| {
                            let a = index.article(id)?;
                            let l = crate::analysis::phrases::kwic(&a.body, range, context);
                            let mut label = format!("{} {} {}", l.left, l.matched, l.right);
                            push_article(&mut label, a);
                            Some(label)
                        })
                        .unwrap_or_default()
                })
                .collect()
        });
        // while the search goes on, more lines will come
        let total = match k.occ.progress() {
            Some(_) => usize::MAX,
            None => k.occ.len(),
        };
        k.picker.step(&k.labels, total, Some(deadline));
    }

    pub(super) fn update_kwic(&mut self, action: Action) -> bool {
        let h = self.picker_height(0);
        let Some(k) = self.kwic_view.as_mut() else {
            return false;
        };
        if let Action::Input(edit) = action {
            if k.picker.edit_query(edit, k.occ.len()) {
                self.step_narrowing(Instant::now() + super::narrowing::KEY_SLICE);
            }
            return true;
        }
        if picker_nav(&mut k.picker, action, h, &k.labels) {
            return true;
        }
        match action {
            Action::Open => {
                if let Some((article, range)) = k.picker.current().and_then(|i| k.occ.get(&self.index, i)) {
                    self.show_in_reader(article, range);
                }
            }
            Action::Back => self.pop_view(),
            Action::Quit | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => return false,
            _ => {}
        }
        true
    }
}
