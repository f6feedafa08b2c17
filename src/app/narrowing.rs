//! Narrowing a picker view between frames. A concordance or a speaker's
//! quotes can have tens of thousands of lines: typing starts narrowing,
//! which makes their one-line labels and matches them a slice at a time
//! (in the frame of the key, then in ticks), so no key waits for them all.
//! The rows fill in order as they are found; the pane shows how far it got.

use std::time::{Duration, Instant};

/// Time given to narrowing in the frame of the key typed; the rest comes
/// between frames, like a filter's slices.
pub(super) const KEY_SLICE: Duration = Duration::from_millis(6);

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
