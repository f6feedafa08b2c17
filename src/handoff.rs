//! Handing things to the world outside the app: the clipboard through an
//! OSC 52 escape sequence (works over SSH and inside tmux), and the
//! commands that open an article in `$PAGER` or `$EDITOR` or its URL in a
//! browser. Building them is pure and tested here; the terminal hand-over
//! itself belongs to the UI.

use base64::Engine as _;

/// The largest text copied at once (terminals cap OSC 52 payloads; most
/// accept far more than a news article).
pub const MAX_COPY_BYTES: usize = 1 << 20;

/// Where the sequence goes: straight to the terminal, or through tmux,
/// which passes it on to the terminal outside when wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    None,
    Tmux,
}

impl Multiplexer {
    /// tmux when `$TMUX` is set.
    pub fn from_env() -> Multiplexer {
        if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
            Multiplexer::Tmux
        } else {
            Multiplexer::None
        }
    }
}

/// Why a text cannot be copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    #[error("nothing to copy")]
    Empty,
    #[error("too long to copy ({0} bytes; the limit is 1 MiB)")]
    TooLong(usize),
}

/// The bytes that put `text` on the system clipboard: `ESC ] 52 ; c ;
/// BASE64 BEL`, wrapped for tmux as a DCS passthrough (`ESC P tmux; ...
/// ESC \`, every ESC inside doubled). Whatever the text holds, the
/// sequence carries only base64 characters, so nothing in it can reach the
/// terminal as a control sequence.
pub fn osc52(text: &str, via: Multiplexer) -> Result<String, CopyError> {
    if text.is_empty() {
        return Err(CopyError::Empty);
    }
    if text.len() > MAX_COPY_BYTES {
        return Err(CopyError::TooLong(text.len()));
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{payload}\x07");
    Ok(match via {
        Multiplexer::None => seq,
        Multiplexer::Tmux => format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b")),
    })
}

/// A program to run, with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub program: String,
    pub args: Vec<String>,
}

impl Launch {
    /// This command with one more argument (a file, a URL).
    pub fn with_arg(mut self, arg: impl Into<String>) -> Launch {
        self.args.push(arg.into());
        self
    }
}

/// Splits a command as a shell would for simple cases: words separated by
/// spaces, with '...' and "..." quoting and backslash escapes. None for an
/// empty command or an unclosed quote.
pub fn split_command(command: &str) -> Option<Launch> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = command.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        c => word.push(c),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => word.push(chars.next()?),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.push(chars.next()?);
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    let mut it = words.into_iter();
    Some(Launch {
        program: it.next()?,
        args: it.collect(),
    })
}

/// The pager: `$PAGER`, else `less`.
pub fn pager(env: impl Fn(&str) -> Option<String>) -> Launch {
    from_env(&env, &["PAGER"]).unwrap_or_else(|| Launch {
        program: "less".into(),
        args: Vec::new(),
    })
}

/// The editor: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor(env: impl Fn(&str) -> Option<String>) -> Launch {
    from_env(&env, &["VISUAL", "EDITOR"]).unwrap_or_else(|| Launch {
        program: "vi".into(),
        args: Vec::new(),
    })
}

/// The command opening `url` in a browser: `$BROWSER`, else the system's
/// opener. None unless the URL is a plain http(s) address (no other
/// scheme, no spaces or control characters), so an article's `url:` field
/// cannot make readout run anything else.
pub fn browser(env: impl Fn(&str) -> Option<String>, url: &str) -> Option<Launch> {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    if !web || url.len() > 4096 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let opener = from_env(&env, &["BROWSER"]).unwrap_or_else(|| Launch {
        program: if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        }
        .into(),
        args: Vec::new(),
    });
    Some(opener.with_arg(url))
}

fn from_env(env: &impl Fn(&str) -> Option<String>, vars: &[&str]) -> Option<Launch> {
    vars.iter()
        .filter_map(|v| env(v))
        .find_map(|value| split_command(&value))
}

/// The process environment, for [`pager`], [`editor`] and [`browser`].
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_bytes() {
        assert_eq!(osc52("hi", Multiplexer::None).unwrap(), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("hi", Multiplexer::Tmux).unwrap(),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        // non-ASCII travels as UTF-8
        assert_eq!(
            osc52("Лавров “solid”", Multiplexer::None).unwrap(),
            format!(
                "\x1b]52;c;{}\x07",
                base64::engine::general_purpose::STANDARD.encode("Лавров “solid”")
            )
        );
    }

    #[test]
    fn nothing_in_the_text_escapes_the_sequence() {
        let nasty = "a\x1b]0;owned\x07b\x1b[2J\u{9b}c";
        let seq = osc52(nasty, Multiplexer::None).unwrap();
        let inner = &seq["\x1b]52;c;".len()..seq.len() - 1];
        assert!(
            inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
        let decoded = base64::engine::general_purpose::STANDARD.decode(inner).unwrap();
        assert_eq!(decoded, nasty.as_bytes());
    }

    #[test]
    fn limits() {
        assert_eq!(osc52("", Multiplexer::None), Err(CopyError::Empty));
        let big = "x".repeat(MAX_COPY_BYTES + 1);
        assert_eq!(
            osc52(&big, Multiplexer::None),
            Err(CopyError::TooLong(MAX_COPY_BYTES + 1))
        );
    }

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    fn launch(program: &str, args: &[&str]) -> Launch {
        Launch {
            program: program.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn pager_and_editor_from_the_environment() {
        assert_eq!(pager(env(&[("PAGER", "less -R")])), launch("less", &["-R"]));
        assert_eq!(pager(env(&[])), launch("less", &[]));
        assert_eq!(
            editor(env(&[("EDITOR", "nano"), ("VISUAL", "code --wait")])),
            launch("code", &["--wait"])
        );
        assert_eq!(editor(env(&[("EDITOR", "nano")])), launch("nano", &[]));
        assert_eq!(editor(env(&[])), launch("vi", &[]));
        // an unusable value falls back
        assert_eq!(pager(env(&[("PAGER", "'unclosed")])), launch("less", &[]));
        assert_eq!(
            pager(env(&[])).with_arg("/tmp/a b.txt"),
            launch("less", &["/tmp/a b.txt"])
        );
    }

    #[test]
    fn commands_split_like_a_shell() {
        assert_eq!(
            split_command(r#"  "/opt/my editor/bin" -a 'b c' d\ e "x\"y"  "#),
            Some(launch("/opt/my editor/bin", &["-a", "b c", "d e", "x\"y"]))
        );
        assert_eq!(split_command(""), None);
        assert_eq!(split_command("   "), None);
        assert_eq!(split_command("\"open"), None);
        assert_eq!(split_command("a ''"), Some(launch("a", &[""])));
    }

    #[test]
    fn only_web_urls_open_in_a_browser() {
        let e = env(&[("BROWSER", "firefox")]);
        assert_eq!(
            browser(&e, "https://example.org/a?b=c"),
            Some(launch("firefox", &["https://example.org/a?b=c"]))
        );
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://x.org/a b",
            "https://x.org/\x1b[2J",
            "-flag",
            "",
        ] {
            assert_eq!(browser(&e, bad), None, "{bad:?}");
        }
        let opener = browser(env(&[]), "http://example.org").unwrap();
        assert!(opener.program == "xdg-open" || opener.program == "open");
    }
}
