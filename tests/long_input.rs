//! A long paste into the filter: taken in one step and refused with a
//! message, never searched (it froze the app for seconds, quadratically).

mod support;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode};
use support::Harness;

#[test]
fn a_pasted_article_is_refused_at_once() {
    let mut h = Harness::bundled(120, 40);
    h.key(KeyCode::Char('/'));
    let text = "rock solid ".repeat(10_000);
    let t = Instant::now();
    h.event(Event::Paste(text));
    h.app.settle();
    let took = t.elapsed();
    println!("a 110,000-character paste handled in {took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    let error = h.app.filter.error.clone().unwrap_or_default();
    assert!(
        error.contains("query too long: at most 1000 characters"),
        "{error:?}"
    );
    // the message shows, though the text runs far past the edge
    let screen = h.screen();
    assert!(
        screen.contains("query too long: at most 1000 characters"),
        "{screen}"
    );
    // and the line is still editable: clearing it brings every article back
    h.key(KeyCode::Esc);
    assert_eq!(h.app.filter.hits.len(), 5);
}
