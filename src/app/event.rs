//! The one way into the app: everything that happens (keys, the mouse,
//! resizes, the loader's progress, files changing, messages) is an
//! [`AppEvent`] given to [`App::handle`].

use crossterm::event::Event;

use super::App;
use crate::loader::LoadEvent;

/// What the event loop reacts to.
#[derive(Debug)]
pub enum AppEvent {
    /// A key, mouse, paste or resize event from the terminal.
    Term(Event),
    /// The terminal event reader stopped (stdin closed).
    InputClosed,
    /// Progress or articles from the background loader.
    Load(LoadEvent),
    /// Files changed on disk (live reload, or `r`).
    Changes(crate::watch::Changes),
    /// Something to tell the user in the status bar.
    Message(String),
    /// A signal: quit, suspend or resume (see [`crate::signals`]). The
    /// terminal loop suspends and resumes; the app only quits.
    Signal(crate::signals::Signal),
}

impl AppEvent {
    /// A short name for the latency log.
    pub fn describe(&self) -> &'static str {
        match self {
            AppEvent::Term(Event::Key(_)) => "key",
            AppEvent::Term(Event::Mouse(_)) => "mouse",
            AppEvent::Term(Event::Resize(..)) => "resize",
            AppEvent::Term(Event::Paste(_)) => "paste",
            AppEvent::Term(_) => "other",
            AppEvent::InputClosed => "input-closed",
            AppEvent::Load(e) => match e {
                LoadEvent::Planned { .. } => "load-planned",
                LoadEvent::Batch { .. } => "load-batch",
                LoadEvent::Read { .. } => "load-read",
                LoadEvent::Phase { .. } => "load-phase",
                LoadEvent::Analysed { .. } => "load-analysed",
                LoadEvent::Mined { .. } => "load-mined",
                LoadEvent::Dated { .. } => "load-dated",
                LoadEvent::Done { .. } => "load-done",
            },
            AppEvent::Changes(_) => "changes",
            AppEvent::Message(_) => "message",
            AppEvent::Signal(_) => "signal",
        }
    }
}

impl App {
    /// Applies one event.
    pub fn handle(&mut self, event: AppEvent) {
        match event {
            AppEvent::Term(e) => {
                self.handle_event(&e);
            }
            AppEvent::InputClosed => self.should_quit = true,
            AppEvent::Load(e) => self.on_load(e),
            AppEvent::Changes(c) => self.on_changes(c),
            AppEvent::Message(m) => self.message = Some(m),
            AppEvent::Signal(crate::signals::Signal::Terminate(_)) => self.should_quit = true,
            // Suspending and resuming are the terminal loop's (`tui::run`).
            AppEvent::Signal(_) => {}
        }
    }
}
