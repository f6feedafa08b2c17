//! Handing things out, end to end (issue 17): the built binary in a
//! pseudo-terminal. The copy's OSC 52 bytes as the terminal receives them,
//! and `$PAGER` / `$EDITOR` stubs that take the terminal and give it back.
#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote to the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let (cols, rows) = (100, 30);
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_readout"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/readout-test/config");
        cmd.env("READOUT_DATA_DIR", "/nonexistent/readout-test/data");
        for var in ["TMUX", "PAGER", "EDITOR", "VISUAL", "BROWSER"] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                r.lock().unwrap().extend_from_slice(&buf[..n]);
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.screen().contains(text));
        self.screen()
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&Session) -> bool) {
        let end = Instant::now() + Duration::from_secs(15);
        while !ok(self) {
            if Instant::now() > end {
                panic!("{what} did not happen; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until loading is done (its messages would replace the ones
    /// checked) and keys are read (a key typed in the very first moments
    /// after start can be missed, on main too): the help is opened (`?`,
    /// again if need be) and closed before the test types.
    fn ready(&mut self) -> String {
        self.wait_for("articles loaded and analysed");
        for _ in 0..50 {
            self.send("?");
            let end = Instant::now() + Duration::from_millis(300);
            while Instant::now() < end && !self.screen().contains("Everywhere") {
                std::thread::sleep(Duration::from_millis(20));
            }
            if self.screen().contains("Everywhere") {
                self.send("\x1b");
                self.wait_until("the help to close", |s| !s.screen().contains("Everywhere"));
                return self.screen();
            }
        }
        panic!("keys are not read; the screen:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Quits with `q` and checks the app ended well.
    fn quit(&mut self) {
        self.send("q");
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status:?}");
                return;
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("the app did not quit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// The payloads of the OSC 52 sequences written so far, decoded, and
    /// whether each came wrapped for tmux.
    fn copies(&self) -> Vec<(String, bool)> {
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        let mut out = Vec::new();
        let mut rest: &str = &text;
        while let Some(at) = rest.find("]52;c;") {
            let wrapped = rest[..at].ends_with("\x1bPtmux;\x1b\x1b");
            let after = &rest[at + "]52;c;".len()..];
            let Some(end) = after.find('\x07') else { break };
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(&after[..end])
                .expect("base64");
            out.push((String::from_utf8(decoded).unwrap(), wrapped));
            rest = &after[end..];
        }
        out
    }
}

/// The bundled article the list selects first, as readout hands it out.
fn first_article_text(screen_title: &str) -> String {
    let articles = readout::store::bundled_articles();
    let a = articles
        .iter()
        .find(|a| a.meta.title.starts_with(screen_title))
        .expect("the selected article");
    readout::app::article_text(a)
}

/// The title shown above the reading pane (the selected article's).
fn reader_title(screen: &str) -> String {
    let first = screen.lines().next().unwrap();
    let title = first.rsplit("┌ ").next().unwrap();
    title
        .trim_end_matches(['┐', '─', ' '])
        .trim_end_matches('…')
        .to_string()
}

#[test]
fn y_puts_the_article_on_the_clipboard_with_osc_52() {
    let mut s = Session::start(&[], &[]);
    let screen = s.ready();
    let title = reader_title(&screen);
    s.send("y");
    s.wait_for("copied ");
    s.wait_until("the copy's bytes", |s| !s.copies().is_empty());
    let copies = s.copies();
    assert_eq!(copies.len(), 1);
    assert!(!copies[0].1, "not wrapped outside tmux");
    assert_eq!(copies[0].0, first_article_text(&title));
    s.quit();
}

#[test]
fn inside_tmux_the_copy_passes_through() {
    let mut s = Session::start(&[], &[("TMUX", "/tmp/tmux-0/default,1,0")]);
    let screen = s.ready();
    let title = reader_title(&screen);
    s.send("y");
    s.wait_until("two sequences", |s| s.copies().len() == 2);
    let copies = s.copies();
    let text = first_article_text(&title);
    assert_eq!(copies, [(text.clone(), false), (text, true)]);
    s.quit();
}

fn script(dir: &Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_pager_gets_the_terminal_and_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let seen = dir.path().join("seen.txt");
    let named = dir.path().join("named.txt");
    // the stub shows a marker, keeps the file it was given, reads a key
    // (the key must reach it, not readout), then exits
    let pager = script(
        dir.path(),
        "pager",
        &format!(
            "cp \"$1\" '{}'\nprintf '%s' \"$1\" > '{}'\nprintf 'STUB PAGER RUNNING\\n'\nread line\nprintf '%s' \"$line\" >> '{}'",
            seen.display(),
            named.display(),
            seen.display()
        ),
    );
    let mut s = Session::start(&[], &[("PAGER", &pager)]);
    let screen = s.ready();
    let title = reader_title(&screen);
    s.send("v");
    s.wait_for("STUB PAGER RUNNING");
    assert!(
        !s.parser.lock().unwrap().screen().alternate_screen(),
        "the main screen is the pager's"
    );
    s.send("typed-in-the-pager\r");
    s.wait_for("back from");
    // the app draws itself again and reads keys again
    let screen = s.wait_for("Articles 5");
    assert!(!screen.contains("STUB PAGER RUNNING"), "{screen}");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());
    let text = std::fs::read_to_string(&seen).unwrap();
    assert_eq!(text, format!("{}typed-in-the-pager", first_article_text(&title)));
    // a temporary file, gone afterwards
    let given = std::fs::read_to_string(&named).unwrap();
    assert!(given.contains("readout-") && given.ends_with(".txt"), "{given}");
    assert!(!Path::new(&given).exists());
    s.send("j");
    s.wait_until("the selection to move", |s| reader_title(&s.screen()) != title);
    s.quit();
}

#[test]
fn the_editor_edits_a_copy_never_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let article = articles.join("one.txt");
    let original = "Talks in Beijing\n\nThe ministers met on Monday and said little.\n";
    std::fs::write(&article, original).unwrap();
    let editor = script(
        dir.path(),
        "editor",
        "printf 'EDITED\\n' >> \"$1\"\nprintf 'STUB EDITOR\\n'",
    );
    let mut s = Session::start(&[articles.to_str().unwrap()], &[("EDITOR", &editor)]);
    s.ready();
    s.send("e");
    s.wait_for("closed editor: its copy is dropped, the article unchanged");
    assert_eq!(std::fs::read_to_string(&article).unwrap(), original);
    // a pager that cannot be run is said so, and the app goes on
    s.quit();
    let mut s = Session::start(
        &[articles.to_str().unwrap()],
        &[("PAGER", "/nonexistent/pager-\u{1b}[2J")],
    );
    s.ready();
    s.send("v");
    let screen = s.wait_for("cannot run the pager");
    assert!(screen.contains("not found"), "{screen}");
    let raw = s.raw.lock().unwrap().clone();
    assert!(
        !String::from_utf8_lossy(&raw).contains("pager-\u{1b}[2J"),
        "a control sequence in a program's name reached the terminal"
    );
    s.quit();
}

/// The child's state letter in /proc (`T` when stopped).
#[cfg(target_os = "linux")]
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next())
        .unwrap_or('?')
}

/// A pager stopped (as Ctrl-Z stops less) stops readout too, as a shell
/// job is stopped, instead of leaving it waiting on a stopped program with
/// the terminal in nobody's hands; continuing them goes on where they were.
#[cfg(target_os = "linux")]
#[test]
fn a_stopped_pager_stops_readout_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("continued");
    let pager = script(
        dir.path(),
        "pager",
        &format!(
            "printf 'STUB PAGER\\n'\nkill -STOP $$\nprintf 'yes' > '{}'",
            marker.display()
        ),
    );
    let mut s = Session::start(&[], &[("PAGER", &pager)]);
    s.ready();
    let pid = s.child.process_id().expect("a pid");
    s.send("v");
    s.wait_for("STUB PAGER");
    s.wait_until("readout to stop with its pager", |_| state(pid) == 'T');
    assert!(!marker.exists());
    // `fg`: the shell continues the job's process group
    // SAFETY: sends a signal to the process group of the child this test started
    assert_eq!(unsafe { libc::kill(-(pid as i32), libc::SIGCONT) }, 0);
    s.wait_for("back from pager");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "yes");
    s.quit();
}
