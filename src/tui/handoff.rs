//! Doing what the app asks of the terminal and the system (issue 17):
//! writing a copy's OSC 52 sequence, handing the terminal to the pager or
//! editor and taking it back, starting a browser without waiting for it.

use std::io::{self, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, AppEvent, Handoff};
use crate::handoff::Launch;
use crate::store::escape_controls;

/// Does `handoff`; what came of it goes to the status bar.
pub fn apply<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    handoff: Handoff,
) -> Result<(), B::Error> {
    let message = match handoff {
        Handoff::Terminal(seq) => {
            let mut out = io::stdout().lock();
            match out.write_all(seq.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => None,
                Err(e) => Some(format!("not copied: {e}")),
            }
        }
        Handoff::Spawn(launch) => Some(spawn_detached(&launch)),
        Handoff::Run {
            launch,
            text,
            name,
            role,
        } => {
            let message = run_on_copy(&launch, &text, &name, role);
            // the screen is the program's leftovers: draw it all again
            // (a resize clears it, without asking the terminal where its
            // cursor is, which a terminal may not answer)
            super::redraw_all(terminal, app)?;
            Some(message)
        }
    };
    if let Some(m) = message {
        app.handle(AppEvent::Message(m));
    }
    Ok(())
}

/// A program's name for the status bar (its file name, not its folder).
fn shown(launch: &Launch) -> String {
    let name = std::path::Path::new(&launch.program)
        .file_name()
        .map_or_else(|| launch.program.clone(), |n| n.to_string_lossy().into_owned());
    escape_controls(&name).into_owned()
}

/// Writes `text` to a temporary file of our own (never the article's file:
/// what the editor changes there is dropped with it), hands the terminal
/// over to `launch` on it, waits, and takes the terminal back.
fn run_on_copy(launch: &Launch, text: &str, name: &str, role: &str) -> String {
    let prefix = if name.is_empty() {
        "readout-".to_string()
    } else {
        format!("readout-{name}-")
    };
    let file = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".txt")
        .tempfile()
        .and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.flush()?;
            Ok(f)
        });
    let file = match file {
        Ok(f) => f,
        Err(e) => return format!("cannot make a temporary file for the {role}: {e}"),
    };
    let status = handed_over(|| {
        Command::new(&launch.program)
            .args(&launch.args)
            .arg(file.path())
            .spawn()
            .and_then(|mut child| wait_following_stops(&mut child))
    });
    let program = shown(launch);
    match status {
        Ok(s) if s.success() => match role {
            "editor" => format!("closed {program}: its copy is dropped, the article unchanged"),
            _ => format!("back from {program}"),
        },
        Ok(s) => format!("{program} ended with {s}"),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            format!(
                "cannot run the {role} '{program}': not found (set ${})",
                role_var(role)
            )
        }
        Err(e) => format!("cannot run the {role} '{program}': {e}"),
    }
}

fn role_var(role: &str) -> &'static str {
    if role == "editor" { "EDITOR" } else { "PAGER" }
}

/// Runs `f` with the terminal handed over: input no longer read, the
/// terminal as the shell left it (main screen, cooked mode, cursor shown),
/// Ctrl-C and Ctrl-Z the program's own; then takes it back.
fn handed_over<T>(f: impl FnOnce() -> T) -> T {
    INPUT.pause();
    crate::signals::hand_over(true);
    super::restore();
    let out = f();
    let _ = super::enter();
    crate::signals::hand_over(false);
    INPUT.resume();
    out
}

/// Waits for the child; if it is stopped (Ctrl-Z in the pager), stops
/// readout too, as a shell job would be, and goes on waiting once both are
/// continued (`fg`).
#[cfg(target_os = "linux")]
fn wait_following_stops(child: &mut std::process::Child) -> io::Result<ExitStatus> {
    use std::os::unix::process::ExitStatusExt;
    let pid = child.id() as libc::pid_t;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: waits for our own child, writing its status to a local
        // integer that outlives the call.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) };
        if r == -1 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if libc::WIFSTOPPED(status) {
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
            // continued: the child goes on too
            // SAFETY: sends a signal to our own child; no memory involved.
            unsafe { libc::kill(pid, libc::SIGCONT) };
            continue;
        }
        return Ok(ExitStatus::from_raw(status));
    }
}

#[cfg(not(target_os = "linux"))]
fn wait_following_stops(child: &mut std::process::Child) -> io::Result<ExitStatus> {
    child.wait()
}

/// Starts `launch` (a browser) on its own: no terminal, its own process
/// group, reaped by a thread; readout never waits for it.
fn spawn_detached(launch: &Launch) -> String {
    let mut cmd = Command::new(&launch.program);
    cmd.args(&launch.args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    match cmd.spawn() {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            format!("opened in the browser ({})", shown(launch))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            format!(
                "cannot open the browser: '{}' not found (set $BROWSER)",
                shown(launch)
            )
        }
        Err(e) => format!("cannot open the browser ({}): {e}", shown(launch)),
    }
}

/// Whether the input reader may read the terminal: not while another
/// program has it (it would take that program's keys).
pub struct InputGate {
    state: Mutex<GateState>,
    changed: Condvar,
}

struct GateState {
    /// The reader is running (else there is nothing to wait for).
    running: bool,
    /// Reading is to stop.
    paused: bool,
    /// The reader has stopped reading, until resumed.
    parked: bool,
}

/// The one terminal's input gate.
pub static INPUT: InputGate = InputGate::new();

/// How long the reader waits for input before looking at the gate again
/// (the longest a hand-over waits for it).
pub const READ_SLICE: Duration = Duration::from_millis(100);

impl InputGate {
    pub const fn new() -> InputGate {
        InputGate {
            state: Mutex::new(GateState {
                running: false,
                paused: false,
                parked: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// The reader: it runs.
    pub fn started(&self) {
        if let Ok(mut s) = self.state.lock() {
            s.running = true;
        }
    }

    /// The reader: waits here while paused.
    pub fn wait_if_paused(&self) {
        let Ok(mut s) = self.state.lock() else { return };
        while s.paused {
            s.parked = true;
            self.changed.notify_all();
            s = match self.changed.wait(s) {
                Ok(s) => s,
                Err(_) => return,
            };
        }
        s.parked = false;
    }

    /// Stops the reader reading, and waits until it has (a read under way
    /// ends within [`READ_SLICE`]).
    pub fn pause(&self) {
        let Ok(mut s) = self.state.lock() else { return };
        s.paused = true;
        if !s.running {
            return;
        }
        let _ = self.changed.wait_timeout_while(s, READ_SLICE * 10, |s| !s.parked);
    }

    /// Lets the reader read again.
    pub fn resume(&self) {
        if let Ok(mut s) = self.state.lock() {
            s.paused = false;
        }
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn pausing_waits_for_the_reader_to_stop_reading() {
        // no reader: nothing to wait for
        let lone = InputGate::new();
        lone.pause();
        lone.resume();

        let gate = Arc::new(InputGate::new());
        let reads = Arc::new(AtomicUsize::new(0));
        gate.started();
        let (g, r) = (gate.clone(), reads.clone());
        let reader = std::thread::spawn(move || {
            for _ in 0..200 {
                g.wait_if_paused();
                // a "read" of a slice
                r.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        std::thread::sleep(Duration::from_millis(10));
        gate.pause();
        let at_pause = reads.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(reads.load(Ordering::SeqCst), at_pause, "read while paused");
        gate.resume();
        reader.join().unwrap();
        assert_eq!(reads.load(Ordering::SeqCst), 200);
    }
}
