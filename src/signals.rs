//! Signals while the TUI runs: a terminating signal (TERM, HUP, INT, QUIT)
//! ends the app the normal way, so the terminal is restored, and the process
//! then dies of that signal as it would have; TSTP and Ctrl-Z suspend with
//! the terminal restored, and CONT re-enters the alternate screen and
//! redraws, as less and vim do. No app state here: the event loop is told.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a signal asks of the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Quit now (the signal's number), restoring the terminal.
    Terminate(i32),
    /// Give the terminal back and stop until continued (TSTP).
    Suspend,
    /// Continued after a stop not made by us (SIGSTOP): set the terminal up
    /// again and redraw.
    Resume,
}

/// The terminal is handed to another program (the pager, the editor):
/// Ctrl-C, Ctrl-\ and Ctrl-Z are its own, not readout's.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// Whether the terminal is handed to another program now.
pub fn hand_over(on: bool) {
    HANDED_OVER.store(on, Ordering::SeqCst);
}

/// The terminating signal received, 0 for none.
static TERMINATED: AtomicI32 = AtomicI32::new(0);
/// Set once the terminal is restored after a terminating signal.
static RESTORED: AtomicBool = AtomicBool::new(false);

/// How long the event loop has to quit after a terminating signal before the
/// terminal is restored from the signal thread (a loop stuck in long work).
const GRACE: Duration = Duration::from_secs(2);

/// Listens for signals on a thread of its own, calling `send` with what
/// each asks for. Without signal support (or when registering fails)
/// nothing is listened for.
pub fn spawn(send: impl Fn(Signal) -> bool + Send + 'static) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
        let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])
        else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("readout-signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    // the program with the terminal takes the keyboard's signals
                    // (a stop of it stops readout too: `tui::handoff`)
                    if HANDED_OVER.load(Ordering::SeqCst)
                        && [SIGINT, SIGQUIT, SIGTSTP, SIGCONT].contains(&sig)
                    {
                        continue;
                    }
                    let wanted = match sig {
                        SIGTSTP => Signal::Suspend,
                        SIGCONT => Signal::Resume,
                        _ => {
                            if TERMINATED.swap(sig, Ordering::SeqCst) != 0 {
                                // a second one: the user insists
                                give_up(sig);
                            }
                            Signal::Terminate(sig)
                        }
                    };
                    if !send(wanted) {
                        if let Signal::Terminate(sig) = wanted {
                            give_up(sig);
                        }
                        return;
                    }
                    if let Signal::Terminate(sig) = wanted {
                        let end = Instant::now() + GRACE;
                        while Instant::now() < end && !RESTORED.load(Ordering::SeqCst) {
                            std::thread::sleep(Duration::from_millis(10));
                        }
                        if !RESTORED.load(Ordering::SeqCst) {
                            give_up(sig);
                        }
                    }
                }
            });
    }
    #[cfg(not(unix))]
    drop(send);
}

/// Restores the terminal and dies of `sig` (the event loop did not quit).
fn give_up(sig: i32) -> ! {
    crate::tui::restore();
    die_of(sig)
}

/// The terminating signal received while the app ran, if any.
pub fn terminated() -> Option<i32> {
    match TERMINATED.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// Called once the terminal is restored: a pending terminating signal
/// no longer needs the signal thread to restore it.
pub fn restored() {
    RESTORED.store(true, Ordering::SeqCst);
}

/// Ends the process the way `sig` would have by default (so a parent sees
/// it killed by that signal), falling back to exit code 128 + `sig`.
pub fn die_of(sig: i32) -> ! {
    #[cfg(unix)]
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}

/// Ctrl-Z: in raw mode it arrives as a key, not as SIGTSTP.
pub fn is_suspend_key(ev: &Event) -> bool {
    matches!(
        ev,
        Event::Key(KeyEvent {
            code: KeyCode::Char('z'),
            modifiers,
            kind: KeyEventKind::Press | KeyEventKind::Repeat,
            ..
        }) if *modifiers == KeyModifiers::CONTROL
    )
}

/// Gives the terminal back (cooked mode, main screen, cursor shown), stops
/// the process until it is continued (`fg`), then takes the terminal again.
/// The caller redraws everything.
pub fn suspend() {
    crate::tui::restore();
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    resume();
}

/// Takes the terminal again after a stop (raw mode, alternate screen, mouse,
/// bracketed paste). The caller redraws everything.
pub fn resume() {
    let _ = crate::tui::enter();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ctrl_z_suspends() {
        let key = |c, m| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
        assert!(is_suspend_key(&key('z', KeyModifiers::CONTROL)));
        assert!(!is_suspend_key(&key('z', KeyModifiers::NONE)));
        assert!(!is_suspend_key(&key('Z', KeyModifiers::SHIFT)));
        assert!(!is_suspend_key(&key('c', KeyModifiers::CONTROL)));
        let mut release = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        release.kind = KeyEventKind::Release;
        assert!(!is_suspend_key(&Event::Key(release)));
    }
}
