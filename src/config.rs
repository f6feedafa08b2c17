//! The user's settings: `$XDG_CONFIG_HOME/readout/config.toml` (else
//! `~/.config/readout/config.toml`; `--config FILE` names another).
//!
//! ```toml
//! paths = ["~/news"]              # read when no PATH is given
//! phrases = "~/families.toml"     # like --phrases
//! min-docs = 3                    # like --min-docs
//! theme = "light"                 # dark (the default) or light
//! no-color = true                 # no colours (as NO_COLOR does)
//!
//! [colors]                        # a role: a colour, or { fg = .., bg = .. }
//! selected = { fg = "black", bg = "#d0d8e8" }
//! key = "blue"
//!
//! [family-colors]                 # a phrase family's colour, by label
//! "rock solid" = "#ff8700"
//!
//! [[binding]]                     # as in assets/keymap.toml
//! context = "global"
//! keys = ["x"]
//! action = "toggle_mark"
//! ```
//!
//! A bad value, an unknown action or key is a [`Problem`] with its line; the
//! rest still loads. `NO_COLOR` wins over any theme. Plain data: the UI turns
//! colours into styles and the bindings into its keymap
//! ([`Config::keymap`]).

mod bindings;
mod colour;
mod parse;

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

pub use bindings::UserBinding;
pub use colour::{Colour, Named};

/// The theme's roles a `[colors]` table may set: the UI's styles by name.
pub const ROLES: [&str; 13] = [
    "border",
    "border_focused",
    "title",
    "header",
    "dim",
    "selected",
    "fuzzy_match",
    "status",
    "key",
    "error",
    "query",
    "current",
    "mined",
];

/// The light theme's colours, compiled in (the `[colors]` of a config file).
const LIGHT_THEME: &str = include_str!("../assets/theme-light.toml");

/// The bundled themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dark" | "default" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
        }
    }
}

/// A role's colours: foreground, background, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColourSpec {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
}

impl fmt::Display for ColourSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.fg, self.bg) {
            (Some(fg), None) => write!(f, "\"{fg}\""),
            (fg, bg) => {
                let mut parts = Vec::new();
                if let Some(fg) = fg {
                    parts.push(format!("fg = \"{fg}\""));
                }
                if let Some(bg) = bg {
                    parts.push(format!("bg = \"{bg}\""));
                }
                write!(f, "{{ {} }}", parts.join(", "))
            }
        }
    }
}

/// Something wrong in the config file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// The effective settings.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, if one was.
    pub file: Option<PathBuf>,
    /// Where the file is looked for (None: no home folder to look in).
    pub default_file: Option<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub phrases: Option<PathBuf>,
    pub min_docs: Option<usize>,
    pub theme: ThemeName,
    /// `[colors]`: a role's colours, as the user set them.
    pub colours: Vec<(String, ColourSpec)>,
    /// `[family-colors]`: a phrase family's colour, by label.
    pub family_colours: Vec<(String, Colour)>,
    pub bindings: Vec<UserBinding>,
    /// `NO_COLOR` is set: no colours, whatever the theme says.
    pub no_color: bool,
    pub problems: Vec<Problem>,
}

/// The config file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read config file {}: {source}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// `$XDG_CONFIG_HOME/readout/config.toml`, else `~/.config/readout/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let env = |k: &str| std::env::var_os(k).map(PathBuf::from).filter(|p| p.is_absolute());
    env("XDG_CONFIG_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("readout").join("config.toml"))
}

/// True when `NO_COLOR` is set to anything but the empty string.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Config {
    /// Loads the settings: `flag` (from `--config`) or the default file. A
    /// missing default file is no error (the defaults apply); a file named
    /// with `--config` that cannot be read is. Problems inside the file are
    /// collected in [`Config::problems`].
    pub fn load(flag: Option<&Path>) -> Result<Config, ConfigError> {
        let default_file = default_path();
        let mut config = Config {
            default_file: default_file.clone(),
            no_color: no_color_env(),
            ..Config::default()
        };
        let (path, explicit) = match (flag, default_file) {
            (Some(p), _) => (p.to_path_buf(), true),
            (None, Some(p)) => (p, false),
            (None, None) => return Ok(config),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => return Ok(config),
            Err(source) if explicit => return Err(ConfigError { path, source }),
            Err(e) => {
                config.problems.push(Problem {
                    line: 0,
                    column: 0,
                    message: format!("cannot read it: {e}"),
                });
                config.file = Some(path);
                return Ok(config);
            }
        };
        let dir = path.parent().map(Path::to_path_buf);
        config.file = Some(path);
        parse::read(&text, dir, &mut config);
        Ok(config)
    }

    /// Settings from config text alone (relative paths are left as they are).
    pub fn from_toml(text: &str) -> Config {
        let mut config = Config {
            no_color: no_color_env(),
            ..Config::default()
        };
        parse::read(text, None, &mut config);
        config
    }

    /// The colours of every role the theme and the user set: the bundled
    /// theme's first, the user's `[colors]` over them. Empty with `NO_COLOR`.
    pub fn palette(&self) -> Vec<(String, ColourSpec)> {
        if self.no_color {
            return Vec::new();
        }
        let mut out: Vec<(String, ColourSpec)> = match self.theme {
            ThemeName::Dark => Vec::new(),
            ThemeName::Light => Config::from_toml(LIGHT_THEME).colours,
        };
        for (role, spec) in &self.colours {
            match out.iter_mut().find(|(r, _)| r == role) {
                Some((_, s)) => *s = *spec,
                None => out.push((role.clone(), *spec)),
            }
        }
        out
    }

    /// The bundled keymap with the user's bindings applied.
    pub fn keymap(&self) -> crate::app::Keymap {
        bindings::merged(&self.bindings)
    }

    /// The problems, one line each, naming the file: "FILE: line 3, column 10: ...".
    pub fn problem_lines(&self) -> Vec<String> {
        let file = self
            .file
            .as_deref()
            .map_or_else(|| "config".to_string(), |p| p.display().to_string());
        self.problems
            .iter()
            .map(|p| {
                let line = if p.line == 0 {
                    format!("{file}: {}", p.message)
                } else {
                    format!("{file}: {p}")
                };
                crate::store::escape_controls(&line).into_owned()
            })
            .collect()
    }

    /// The effective settings, as a config file would write them, headed by
    /// the file in use (`readout config`).
    pub fn describe(&self, data_file: Option<&Path>) -> String {
        let shown = |p: &Path| crate::store::escape_controls(&p.display().to_string()).into_owned();
        let quoted = |s: &str| toml_string(s);
        let mut out = String::new();
        match (&self.file, &self.default_file) {
            (Some(f), _) => {
                let _ = writeln!(out, "# config file: {}", shown(f));
            }
            (None, Some(d)) => {
                let _ = writeln!(out, "# config file: none ({} does not exist)", shown(d));
            }
            (None, None) => {
                let _ = writeln!(out, "# config file: none (no home folder to look in)");
            }
        }
        match data_file {
            Some(d) => {
                let _ = writeln!(out, "# state: {}", shown(d));
            }
            None => {
                let _ = writeln!(out, "# state: none (no home folder)");
            }
        }
        for p in self.problem_lines() {
            let _ = writeln!(out, "# problem: {p}");
        }
        let paths: Vec<String> = self
            .paths
            .iter()
            .map(|p| quoted(&p.display().to_string()))
            .collect();
        let _ = writeln!(
            out,
            "paths = [{}]{}",
            paths.join(", "),
            if paths.is_empty() {
                "  # the bundled articles"
            } else {
                ""
            }
        );
        match &self.phrases {
            Some(p) => {
                let _ = writeln!(out, "phrases = {}", quoted(&p.display().to_string()));
            }
            None => {
                let _ = writeln!(out, "# phrases: the bundled families only");
            }
        }
        let _ = writeln!(out, "min-docs = {}", self.min_docs.unwrap_or(2));
        let _ = writeln!(out, "theme = {}", quoted(self.theme.name()));
        let _ = writeln!(
            out,
            "no-color = {}{}",
            self.no_color,
            if no_color_env() {
                "  # NO_COLOR is set: it wins over the theme"
            } else {
                ""
            }
        );
        let palette = self.palette();
        if !palette.is_empty() {
            let _ = writeln!(out, "\n[colors]");
            for (role, spec) in &palette {
                let _ = writeln!(out, "{role} = {spec}");
            }
        }
        if !self.family_colours.is_empty() && !self.no_color {
            let _ = writeln!(out, "\n[family-colors]");
            for (label, c) in &self.family_colours {
                let _ = writeln!(out, "{} = \"{c}\"", quoted(label));
            }
        }
        for b in &self.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| quoted(k)).collect();
            let action = serde_json::to_value(b.action)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "\n[[binding]]\ncontext = {}\nkeys = [{}]\naction = {}",
                quoted(&b.context),
                keys.join(", "),
                quoted(&action)
            );
            if let Some(h) = &b.help {
                let _ = writeln!(out, "help = {}", quoted(h));
            }
        }
        out
    }
}

/// A TOML basic string, escaped (no control character gets through).
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_loads() {
        let c = Config::from_toml(
            r##"
paths = ["/news", "/more"]
phrases = "/fam.toml"
min-docs = 3
theme = "light"

[colors]
selected = { fg = "black", bg = "#d0d8e8" }
key = "blue"

[family-colors]
"rock solid" = "#ff8700"

[[binding]]
context = "list"
keys = ["x"]
action = "toggle_mark"
"##,
        );
        assert_eq!(c.problems, vec![]);
        assert_eq!(c.paths, vec![PathBuf::from("/news"), PathBuf::from("/more")]);
        assert_eq!(c.phrases, Some(PathBuf::from("/fam.toml")));
        assert_eq!(c.min_docs, Some(3));
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(
            c.colours.iter().find(|(r, _)| r == "selected").cloned().unwrap(),
            (
                "selected".into(),
                ColourSpec {
                    fg: Some(Colour::Named(Named::Black)),
                    bg: Some(Colour::Rgb(0xd0, 0xd8, 0xe8))
                }
            )
        );
        assert_eq!(
            c.family_colours,
            vec![("rock solid".into(), Colour::Rgb(255, 135, 0))]
        );
        assert_eq!(c.bindings.len(), 1);
        assert_eq!(c.bindings[0].action, crate::app::Action::ToggleMark);
    }

    fn problems(text: &str) -> Vec<(usize, String)> {
        Config::from_toml(text)
            .problems
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect()
    }

    #[test]
    fn bad_values_are_reported_with_their_line_and_the_rest_loads() {
        let text = "min-docs = 0\ntheme = \"sepia\"\nphrases = \"/ok.toml\"\n\n[colors]\nkey = \"mauve\"\ndim = \"gray\"\nbogus = \"red\"\n";
        let c = Config::from_toml(text);
        let p = problems(text);
        assert_eq!(p.len(), 4, "{p:?}");
        assert_eq!(p[0].0, 1);
        assert!(p[0].1.contains("min-docs"));
        assert_eq!(p[1].0, 2);
        assert!(p[1].1.contains("unknown theme 'sepia'"));
        assert_eq!(p[2].0, 6);
        assert!(p[2].1.contains("mauve"));
        assert_eq!(p[3].0, 8);
        assert!(p[3].1.contains("unknown colour role 'bogus'"));
        // the good values loaded
        assert_eq!(c.phrases, Some(PathBuf::from("/ok.toml")));
        assert_eq!(c.colours.len(), 1);
        assert_eq!(c.colours[0].0, "dim");
        assert_eq!(c.min_docs, None);
        assert_eq!(c.theme, ThemeName::Dark);
    }

    #[test]
    fn bad_bindings_are_reported_and_good_ones_kept() {
        let text = r#"
[[binding]]
context = "global"
keys = ["x"]
action = "fly"

[[binding]]
context = "list"
keys = ["hyper-y", "y"]
action = "toggle_mark"

[[binding]]
context = "nowhere"
keys = ["z"]
action = "quit"

[[binding]]
context = "list"
action = "quit"
"#;
        let c = Config::from_toml(text);
        let p = problems(text);
        assert_eq!(p.len(), 4, "{p:?}");
        assert_eq!(p[0].0, 5);
        assert!(p[0].1.contains("unknown action 'fly'"));
        assert_eq!(p[1].0, 9);
        assert!(p[1].1.contains("unknown key 'hyper-y'"));
        assert_eq!(p[2].0, 13);
        assert!(p[2].1.contains("unknown context 'nowhere'"));
        assert_eq!(p[3].0, 18);
        assert!(p[3].1.contains("has no keys"));
        // the second binding keeps its good key
        assert_eq!(c.bindings.len(), 1);
        assert_eq!(c.bindings[0].keys, vec!["y".to_string()]);
    }

    #[test]
    fn a_syntax_error_is_reported_and_the_rest_still_loads() {
        let text = "theme = \"light\"\nmin-docs = = 3\nphrases = \"/p.toml\"\n";
        let c = Config::from_toml(text);
        assert!(!c.problems.is_empty());
        assert_eq!(c.problems[0].line, 2, "{:?}", c.problems);
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.phrases, Some(PathBuf::from("/p.toml")));
    }

    #[test]
    fn wrong_types_and_unknown_settings() {
        let p = problems("paths = \"/news\"\nmin-docs = \"2\"\ncolour = 1\n");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].1.contains("paths must be a list"));
        assert!(p[1].1.contains("min-docs"));
        assert!(p[2].1.contains("unknown setting 'colour'"));
    }

    #[test]
    fn the_light_theme_is_valid_and_user_colours_win() {
        let light = Config::from_toml(LIGHT_THEME);
        assert_eq!(light.problems, vec![]);
        assert!(light.colours.len() >= 8);
        let c = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"#010203\"\n");
        let palette = c.palette();
        let key = palette.iter().find(|(r, _)| r == "key").unwrap();
        assert_eq!(key.1.fg, Some(Colour::Rgb(1, 2, 3)));
        assert_eq!(palette.len(), light.colours.len());
    }

    #[test]
    fn no_color_wins_over_any_theme() {
        let mut c = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"red\"\n");
        c.no_color = true;
        assert!(c.palette().is_empty());
        assert!(c.describe(None).contains("no-color = true"));
        assert!(!c.describe(None).contains("[colors]"));
    }

    #[test]
    fn described_settings_parse_back() {
        let c = Config::from_toml(
            "paths = [\"/a \\\"b\\\"\"]\nmin-docs = 4\ntheme = \"light\"\n[colors]\nkey = { bg = \"red\" }\n[[binding]]\ncontext = \"list\"\nkeys = [\"x\"]\naction = \"quit\"\nhelp = \"out\"\n",
        );
        assert_eq!(c.problems, vec![]);
        let text = c.describe(Some(Path::new("/d/state.sqlite3")));
        assert!(text.starts_with("# config file: none"), "{text}");
        let back = Config::from_toml(&text);
        assert_eq!(back.problems, vec![], "{text}");
        assert_eq!(back.paths, c.paths);
        assert_eq!(back.min_docs, Some(4));
        assert_eq!(back.theme, ThemeName::Light);
        assert_eq!(back.bindings, c.bindings);
        assert_eq!(back.palette(), c.palette());
    }

    #[test]
    fn relative_paths_are_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "paths = [\"news\"]\nphrases = \"/abs.toml\"\n").unwrap();
        let c = Config::load(Some(&file)).unwrap();
        assert_eq!(c.file.as_deref(), Some(file.as_path()));
        assert_eq!(c.paths, vec![dir.path().join("news")]);
        assert_eq!(c.phrases, Some(PathBuf::from("/abs.toml")));
        // a file named with --config must exist
        assert!(Config::load(Some(&dir.path().join("none.toml"))).is_err());
    }

    proptest::proptest! {
        /// Any text, valid TOML or not, loads without a panic, and every
        /// problem has a line within the text.
        #[test]
        fn any_text_loads(text in "(\\PC|\n|\\[|\\]|=|\"|#){0,200}") {
            let c = Config::from_toml(&text);
            let lines = text.matches('\n').count() + 1;
            for p in &c.problems {
                proptest::prop_assert!(p.line >= 1 && p.line <= lines, "{:?}", p);
            }
        }
    }

    #[test]
    fn line_numbers_survive_non_ascii() {
        let p = problems("# Лавров “quote”\ntheme = \"sépia\"\n");
        assert_eq!(p[0].0, 2);
    }
}
