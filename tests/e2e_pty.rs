//! End to end: the built binary in a pseudo-terminal, read through a
//! terminal emulator (vt100), typed at like a person would.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
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
        // never the user's own config or state store
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/readout-test/config");
        cmd.env("READOUT_DATA_DIR", "/nonexistent/readout-test/data");
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        // keep the master alive as long as the session
        std::mem::forget(pty.master);
        Session {
            parser,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        let end = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if Instant::now() > end {
                panic!("{text:?} did not appear; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("the app did not quit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

#[test]
fn type_a_filter_read_and_quit() {
    let mut s = Session::start(&[], 110, 30);
    s.wait_for("5 articles");
    s.send("/\"rock solid\"");
    let screen = s.wait_for("2 of 5 articles");
    assert!(screen.contains("China-Russia Relations Are"), "{screen}");
    s.send("\r\rn");
    s.wait_for("match 1/3");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_c_quits_while_typing_and_restores_the_screen() {
    let mut s = Session::start(&[], 100, 24);
    s.wait_for("5 articles");
    s.send("/wang");
    s.wait_for("/wang");
    s.send("\u{3}");
    assert!(s.wait_exit().success());
    // the alternate screen was left: the app's frame is gone
    std::thread::sleep(Duration::from_millis(100));
    assert!(!s.screen().contains("5 articles"), "{}", s.screen());
}

#[test]
fn loads_a_folder_with_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Lavrov visits Beijing\n\nHe said ties were rock solid.",
    )
    .unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\0\x01\x02binary").unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        "Evil \x1b]0;pwned\x07title\n\n\x1b[2Jbody",
    )
    .unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 110, 24);
    s.wait_for("2 articles");
    let screen = s.wait_for("1 load issues (i)");
    assert!(screen.contains("Evil title"), "{screen}");
    s.send("i");
    s.wait_for("binary file");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn live_reload_shows_new_changed_and_deleted_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "First headline here\n\nBody one.").unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 110, 24);
    s.wait_for("First headline here");
    // the watcher starts on a thread of its own after the first frame:
    // give it ample time on a slow machine
    std::thread::sleep(Duration::from_millis(1000));
    std::fs::write(dir.path().join("b.txt"), "Second headline appears\n\nBody two.").unwrap();
    s.wait_for("Second headline");
    s.wait_for("2 articles");
    std::fs::write(dir.path().join("a.txt"), "First headline edited\n\nBody one.").unwrap();
    s.wait_for("First headline edited");
    std::fs::remove_file(dir.path().join("b.txt")).unwrap();
    let screen = s.wait_for("1 removed");
    assert!(!screen.contains("Second headline"), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn quitting_during_a_big_load_is_immediate() {
    let dir = tempfile::tempdir().unwrap();
    readout::synth::corpus(6000, 300, 3).write_to(dir.path()).unwrap();
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 110, 24);
    s.wait_for("articles");
    let t = Instant::now();
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(t.elapsed() < Duration::from_secs(2), "took {:?}", t.elapsed());
}
