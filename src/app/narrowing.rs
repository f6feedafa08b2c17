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
pub(super) fn make_labels<T>(
    labels: &mut Vec<T>,
    total: usize,
    chunk: usize,
    deadline: Instant,
    mut make: impl FnMut(std::ops::Range<usize>) -> Vec<T>,
) {
    while labels.len() < total {
        let from = labels.len();
        labels.extend(make(from..(from + chunk).min(total)));
        if Instant::now() >= deadline {
            break;
        }
    }
}

/// What the Article column shows (outlet, date, title), for the words
/// typed `in:word` ([`Label`](super::picker::Label)): `in:tass` narrows to
/// the lines from TASS.
pub fn article_label(a: &crate::store::Article) -> String {
    [
        a.meta.source.as_deref(),
        a.meta.date.as_deref(),
        Some(a.meta.title.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}
