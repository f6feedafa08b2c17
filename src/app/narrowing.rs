//! Narrowing a picker view between frames. A concordance or a speaker's
//! quotes can have tens of thousands of lines: typing starts narrowing,
//! which makes their one-line labels and matches them a slice at a time
//! (in the frame of the key, then in ticks), so no key waits for them all.
//! The rows fill in order as they are found; the pane shows how far it got.

use std::time::{Duration, Instant};

use super::{App, View};

/// Time given to narrowing in the frame of the key typed; the rest comes
/// between frames, like a filter's slices.
pub(super) const KEY_SLICE: Duration = Duration::from_millis(6);

/// Quote labels made between two looks at the clock.
const QUOTE_CHUNK: usize = 256;

impl App {
    /// Whether the view on screen is still narrowing, or still searching
    /// for a concordance's lines.
    pub(super) fn narrowing(&self) -> bool {
        match self.view {
            View::Quotes => self
                .quotes_view
                .as_ref()
                .is_some_and(|q| q.picker.narrowing().is_some()),
            View::Kwic => self
                .kwic_view
                .as_ref()
                .is_some_and(|k| k.picker.narrowing().is_some() || k.occ.progress().is_some()),
            _ => false,
        }
    }

    /// Narrows (or searches) the view on screen on, until `deadline`; the
    /// selection, once found again, is scrolled into view.
    pub(super) fn step_narrowing(&mut self, deadline: Instant) {
        match self.view {
            View::Quotes => {
                self.step_quotes(deadline);
                let h = self.picker_height(super::layout::QUOTE_PREVIEW_LINES);
                if let Some(q) = self.quotes_view.as_mut() {
                    q.picker.keep_visible(h);
                }
            }
            View::Kwic => {
                self.step_kwic(deadline);
                let h = self.picker_height(0);
                if let Some(k) = self.kwic_view.as_mut() {
                    k.picker.keep_visible(h);
                }
            }
            _ => {}
        }
    }

    fn step_quotes(&mut self, deadline: Instant) {
        let Some(q) = self.quotes_view.as_mut() else {
            return;
        };
        if q.picker.narrowing().is_none() {
            return;
        }
        let index = &self.index;
        let super::QuotesState {
            items,
            labels,
            picker,
            ..
        } = q;
        make_labels(labels, items.len(), QUOTE_CHUNK, deadline, |range| {
            items[range]
                .iter()
                .map(|&(id, qi)| {
                    let mut label = super::QuotesState::quote_line(index, id, qi);
                    if let Some(a) = index.article(id) {
                        push_article(&mut label, a);
                    }
                    label
                })
                .collect()
        });
        picker.step(labels, items.len(), Some(deadline));
    }
}

/// Makes the labels from `labels.len()` up to `total`, `chunk` at a time
/// (`make` gives those of a range of items), until `deadline` (at least one
/// chunk).
pub(super) fn make_labels(
    labels: &mut Vec<String>,
    total: usize,
    chunk: usize,
    deadline: Instant,
    mut make: impl FnMut(std::ops::Range<usize>) -> Vec<String>,
) {
    while labels.len() < total {
        let from = labels.len();
        labels.extend(make(from..(from + chunk).min(total)));
        if Instant::now() >= deadline {
            break;
        }
    }
}

/// Adds what the Article column shows (outlet, date, title) to a line's
/// label, so that typing an outlet's name narrows to its lines.
pub(super) fn push_article(label: &mut String, a: &crate::store::Article) {
    for part in [
        a.meta.source.as_deref(),
        a.meta.date.as_deref(),
        Some(a.meta.title.as_str()),
    ]
    .into_iter()
    .flatten()
    {
        label.push(' ');
        label.push_str(part);
    }
}
