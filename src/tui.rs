//! The terminal: set-up and restore (also on panic), and the event loop,
//! generic over the ratatui backend so tests can drive it on a TestBackend.

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use crate::app::App;
use crate::ui::{self, Theme};

/// Time given to background work (a sliced filter) between two looks at
/// the event queue: small enough that a key never waits a frame.
const TICK_BUDGET: Duration = Duration::from_millis(8);

pub use crate::app::AppEvent;

mod handoff;

/// Restores the terminal when dropped, so every way out of the app (return,
/// `?`, panic unwinding) leaves the user's terminal as it was.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<io::Stdout>>,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, mouse capture, bracketed paste; installs
    /// the panic hook that undoes them.
    pub fn new() -> io::Result<TerminalGuard> {
        set_panic_hook();
        enter()?;
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Takes the terminal: raw mode, alternate screen, mouse capture, bracketed
/// paste (undone if a step fails). Safe to call again after a suspend.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let setup = execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    if let Err(e) = setup {
        restore();
        return Err(e);
    }
    Ok(())
}

/// Puts the terminal back: leaves raw mode and the alternate screen, stops
/// mouse capture, shows the cursor. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal, then hands the panic to the previous hook (which
/// prints the message), as ratatui's own `init` does.
fn set_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Reads terminal events on a thread of its own and sends them on. It
/// stops reading while the terminal is handed to another program (the
/// pager, the editor), which would otherwise lose keys to it.
pub fn spawn_input_reader(tx: Sender<AppEvent>) {
    handoff::INPUT.started();
    std::thread::spawn(move || {
        loop {
            handoff::INPUT.wait_if_paused();
            let read = match event::poll(handoff::READ_SLICE) {
                Ok(true) => event::read(),
                Ok(false) => continue,
                Err(e) => Err(e),
            };
            match read {
                Ok(ev) => {
                    if tx.send(AppEvent::Term(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(AppEvent::InputClosed);
                    return;
                }
            }
        }
    });
}

/// Appends one line per handled event: what it was and the milliseconds
/// spent in update and in draw (`--log FILE`).
pub struct LatencyLog {
    file: File,
    started: Instant,
}

impl LatencyLog {
    pub fn open(path: &std::path::Path) -> io::Result<LatencyLog> {
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
        Ok(LatencyLog {
            file,
            started: Instant::now(),
        })
    }

    pub fn record(&mut self, what: &str, update: Duration, draw: Duration, app: &App) {
        let _ = writeln!(
            self.file,
            "t_ms={:.1} event={what} update_ms={:.3} draw_ms={:.3} articles={} shown={} view={:?}",
            self.started.elapsed().as_secs_f64() * 1e3,
            update.as_secs_f64() * 1e3,
            draw.as_secs_f64() * 1e3,
            app.index.len(),
            app.filter.hits.len(),
            app.context(),
        );
    }
}

/// After a suspend: the screen is blank and may have changed size, so the
/// next draw redraws everything (without asking the terminal where its
/// cursor is, which a terminal may not answer).
fn redraw_all<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    let size = terminal.size()?;
    app.update(crate::app::Action::Resize(size.width, size.height));
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Runs until the app asks to quit or input ends: wait for an event, update,
/// draw. Events that queued up meanwhile are all applied before one draw.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    events: &Receiver<AppEvent>,
    mut log: Option<&mut LatencyLog>,
    on_effect: &mut dyn FnMut(crate::app::Effect),
) -> Result<(), B::Error> {
    let t0 = Instant::now();
    let size = terminal.size()?;
    app.handle(AppEvent::Term(Event::Resize(size.width, size.height)));
    let t1 = Instant::now();
    terminal.draw(|f| ui::draw(f, app, theme))?;
    if let Some(log) = log.as_deref_mut() {
        log.record("first-frame", t1 - t0, t1.elapsed(), app);
    }
    while !app.should_quit {
        // with work pending between events, only peek at the queue
        let wait = if app.busy() {
            Duration::ZERO
        } else {
            Duration::from_millis(250)
        };
        let first = match events.recv_timeout(wait) {
            Ok(ev) => ev,
            Err(RecvTimeoutError::Timeout) => {
                let t0 = Instant::now();
                if app.tick(TICK_BUDGET) {
                    let t1 = Instant::now();
                    terminal.draw(|f| ui::draw(f, app, theme))?;
                    if let Some(log) = log.as_deref_mut() {
                        log.record("work", t1 - t0, t1.elapsed(), app);
                    }
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let t0 = Instant::now();
        let what = first.describe();
        let mut next = Some(first);
        while let Some(ev) = next.take() {
            match ev {
                AppEvent::Term(e) if crate::signals::is_suspend_key(&e) => {
                    crate::signals::suspend();
                    redraw_all(terminal, app)?;
                }
                AppEvent::Signal(crate::signals::Signal::Suspend) => {
                    crate::signals::suspend();
                    redraw_all(terminal, app)?;
                }
                AppEvent::Signal(crate::signals::Signal::Resume) => {
                    crate::signals::resume();
                    redraw_all(terminal, app)?;
                }
                ev => app.handle(ev),
            }
            for effect in app.take_effects() {
                match effect {
                    // the terminal's to do (issue 17: copy, pager, editor, browser)
                    crate::app::Effect::Handoff(h) => handoff::apply(terminal, app, h)?,
                    effect => on_effect(effect),
                }
            }
            if app.should_quit {
                break;
            }
            next = events.try_recv().ok();
        }
        if app.should_quit {
            break;
        }
        // keys typed into the filter in this batch are evaluated once
        app.settle();
        if app.take_redraw() {
            // Ctrl-L: whatever the terminal shows, every cell is drawn again
            // (not `Terminal::clear`, which asks the terminal for its cursor
            // position and fails on a terminal that does not answer)
            redraw_all(terminal, app)?;
        }
        let t1 = Instant::now();
        terminal.draw(|f| ui::draw(f, app, theme))?;
        if let Some(log) = log.as_deref_mut() {
            log.record(what, t1 - t0, t1.elapsed(), app);
        }
    }
    Ok(())
}
