//! The phrases pane (curated families, then mined phrases, with a chart of
//! the selected one's use per article) and the concordance (KWIC) view.

use super::picker::Picker;
use super::speakers::picker_nav;
use super::state::View;
use super::{Action, App};
use crate::concordance::{self, Occurrences, PhraseRow, Timeline};

/// Lines under the phrases list for the chart.
pub const CHART_LINES: u16 = 10;

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
        let h = self.picker_height(CHART_LINES);
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

    /// Searches more of a concordance under way; its new lines join the rows
    /// (typing finishes a search first, so until then the rows are all lines).
    pub(super) fn step_kwic(&mut self, budget: std::time::Duration) {
        let Some(k) = self.kwic_view.as_mut() else {
            return;
        };
        if k.occ.step(&self.index, budget) {
            let shown = k.picker.rows.len();
            k.picker.rows.extend(shown..k.occ.len());
        }
    }

    pub(super) fn update_kwic(&mut self, action: Action) -> bool {
        let h = self.picker_height(0);
        if matches!(action, Action::Input(_)) {
            // narrowing wants every line: finish a search first
            self.step_kwic(std::time::Duration::MAX);
        }
        let Some(k) = self.kwic_view.as_mut() else {
            return false;
        };
        if matches!(action, Action::Input(_)) && k.labels.is_empty() && !k.occ.is_empty() {
            k.labels = concordance::lines(&self.index, &k.occ.all(&self.index), k.context)
                .iter()
                .map(|l| format!("{} {} {}", l.kwic.left, l.kwic.matched, l.kwic.right))
                .collect();
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
