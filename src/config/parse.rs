//! config.toml text → [`Config`], value by value: a bad value is reported
//! with its line and column and left out; everything else still loads.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::bindings::{self, UserBinding};
use super::{Colour, ColourSpec, Config, Problem, ROLES, ThemeName};

/// Line and column (from 1) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Reader<'t> {
    text: &'t str,
    /// Where the file is, for relative paths in it.
    dir: Option<PathBuf>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_col(self.text, span.start);
        self.problems.push(Problem {
            line,
            column,
            message: message.into(),
        });
    }

    fn string<'a>(&mut self, key: &str, v: &'a Spanned<DeValue>) -> Option<&'a str> {
        let s = v.get_ref().as_str();
        if s.is_none() {
            self.problem(
                v.span(),
                format!("{key} must be a string, not {}", v.get_ref().type_str()),
            );
        }
        s
    }

    /// A path from the file: `~/` is the home folder; a relative path is
    /// relative to the config file's folder.
    fn path(&self, p: &str) -> PathBuf {
        if let Some(rest) = p.strip_prefix("~/")
            && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        {
            return PathBuf::from(home).join(rest);
        }
        let path = Path::new(p);
        match &self.dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.to_path_buf(),
        }
    }

    fn colour(&mut self, v: &Spanned<DeValue>) -> Option<Colour> {
        let text = self.string("a colour", v)?;
        match Colour::parse(text) {
            Ok(c) => Some(c),
            Err(e) => {
                self.problem(v.span(), e);
                None
            }
        }
    }

    /// `"red"` (the foreground) or `{ fg = "red", bg = "#202020" }`.
    fn colour_spec(&mut self, v: &Spanned<DeValue>) -> Option<ColourSpec> {
        match v.get_ref() {
            DeValue::Table(t) => {
                let mut spec = ColourSpec::default();
                for (k, val) in t.iter() {
                    let field: &str = k.get_ref();
                    match field {
                        "fg" => spec.fg = self.colour(val),
                        "bg" => spec.bg = self.colour(val),
                        other => self.problem(k.span(), format!("unknown colour field '{other}' (fg or bg)")),
                    }
                }
                (spec.fg.is_some() || spec.bg.is_some()).then_some(spec)
            }
            _ => self.colour(v).map(|fg| ColourSpec {
                fg: Some(fg),
                bg: None,
            }),
        }
    }

    fn binding(&mut self, v: &Spanned<DeValue>) -> Option<UserBinding> {
        let Some(t) = v.get_ref().as_table() else {
            self.problem(v.span(), "a [[binding]] must be a table");
            return None;
        };
        let (mut context, mut keys, mut action, mut help) = (None, None, None, None);
        let mut ok = true;
        for (k, val) in t.iter() {
            let field: &str = k.get_ref();
            match field {
                "context" => {
                    if let Some(s) = self.string("context", val) {
                        match bindings::context(s) {
                            Ok(_) => context = Some(s.to_string()),
                            Err(e) => self.problem(val.span(), e),
                        }
                    }
                }
                "action" => {
                    if let Some(s) = self.string("action", val) {
                        match bindings::action(s) {
                            Ok(a) => action = Some(a),
                            Err(e) => self.problem(val.span(), e),
                        }
                    }
                }
                "keys" => {
                    let Some(arr) = val.get_ref().as_array() else {
                        self.problem(val.span(), "keys must be a list of key names, such as [\"x\"]");
                        ok = false;
                        continue;
                    };
                    let mut good = Vec::new();
                    for item in arr.iter() {
                        let Some(s) = self.string("a key", item) else {
                            continue;
                        };
                        match bindings::key(s) {
                            Ok(()) => good.push(s.to_string()),
                            Err(e) => self.problem(item.span(), e),
                        }
                    }
                    keys = Some(good);
                }
                "help" => help = self.string("help", val).map(str::to_string),
                other => {
                    self.problem(
                        k.span(),
                        format!("unknown binding field '{other}' (context, keys, action, help)"),
                    );
                }
            }
        }
        let missing: Vec<&str> = [
            ("context", context.is_none()),
            ("keys", keys.is_none()),
            ("action", action.is_none()),
        ]
        .iter()
        .filter(|(_, m)| *m)
        .map(|(n, _)| *n)
        .collect();
        // a missing field is reported once (a bad one already was)
        let written = |f: &str| t.iter().any(|(k, _)| &**k.get_ref() == f);
        let unwritten: Vec<&str> = missing.iter().copied().filter(|f| !written(f)).collect();
        if !unwritten.is_empty() && ok {
            // at its first field: the table's own span starts before its header
            let at = t
                .iter()
                .map(|(k, _)| k.span())
                .min_by_key(|s| s.start)
                .unwrap_or(v.span());
            self.problem(
                at,
                format!("this [[binding]] has no {} (it is ignored)", unwritten.join(", ")),
            );
        }
        let keys = keys.filter(|k| !k.is_empty())?;
        Some(UserBinding {
            context: context?,
            keys,
            action: action?,
            help,
        })
    }
}

/// Reads config text into `config`, collecting problems there.
pub(super) fn read(text: &str, dir: Option<PathBuf>, config: &mut Config) {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut r = Reader {
        text,
        dir,
        problems: Vec::new(),
    };
    // a syntax error is reported once per line, and the setting on that
    // line is left out (its value is whatever the recovery made of it)
    let mut broken_lines = Vec::new();
    for e in &errors {
        let span = e.span().unwrap_or(0..0);
        let (line, _) = line_col(text, span.start);
        if !broken_lines.contains(&line) {
            broken_lines.push(line);
            r.problem(span, e.message().trim().to_string());
        }
    }
    for (k, v) in doc.get_ref().iter() {
        let key: &str = k.get_ref();
        if broken_lines.contains(&line_col(text, k.span().start).0) {
            continue;
        }
        match key {
            "paths" => match v.get_ref().as_array() {
                Some(arr) => {
                    let mut paths = Vec::new();
                    for item in arr.iter() {
                        if let Some(s) = r.string("a path", item) {
                            paths.push(r.path(s));
                        }
                    }
                    config.paths = paths;
                }
                None => r.problem(v.span(), "paths must be a list, such as [\"~/news\"]"),
            },
            "phrases" => {
                if let Some(s) = r.string("phrases", v) {
                    config.phrases = Some(r.path(s));
                }
            }
            "min-docs" | "min_docs" => match v.get_ref().as_integer() {
                Some(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                    Ok(n) if n >= 1 => config.min_docs = Some(n as usize),
                    _ => r.problem(v.span(), "min-docs must be a whole number of at least 1"),
                },
                None => r.problem(v.span(), "min-docs must be a whole number of at least 1"),
            },
            "no-color" | "no_color" => match v.get_ref().as_bool() {
                // NO_COLOR in the environment wins: it only adds
                Some(b) => config.no_color |= b,
                None => r.problem(v.span(), "no-color must be true or false"),
            },
            "theme" => {
                if let Some(s) = r.string("theme", v) {
                    match ThemeName::parse(s) {
                        Some(t) => config.theme = t,
                        None => r.problem(v.span(), format!("unknown theme '{s}' (dark or light)")),
                    }
                }
            }
            "colors" | "colours" => match v.get_ref().as_table() {
                Some(t) => {
                    for (role, val) in t.iter() {
                        let name: &str = role.get_ref();
                        if !ROLES.contains(&name) {
                            r.problem(
                                role.span(),
                                format!("unknown colour role '{name}' (one of: {})", ROLES.join(", ")),
                            );
                            continue;
                        }
                        if let Some(spec) = r.colour_spec(val) {
                            config.colours.retain(|(n, _)| n != name);
                            config.colours.push((name.to_string(), spec));
                        }
                    }
                }
                None => r.problem(v.span(), "[colors] must be a table of role = colour"),
            },
            "family-colors" | "family-colours" => match v.get_ref().as_table() {
                Some(t) => {
                    for (label, val) in t.iter() {
                        if let Some(c) = r.colour(val) {
                            let label: &str = label.get_ref();
                            config.family_colours.retain(|(n, _)| n != label);
                            config.family_colours.push((label.to_string(), c));
                        }
                    }
                }
                None => r.problem(v.span(), "[family-colors] must be a table of label = colour"),
            },
            "binding" => match v.get_ref().as_array() {
                Some(arr) => {
                    for item in arr.iter() {
                        if let Some(b) = r.binding(item) {
                            config.bindings.push(b);
                        }
                    }
                }
                None => r.problem(v.span(), "binding must be [[binding]] tables"),
            },
            other => r.problem(
                k.span(),
                format!(
                    "unknown setting '{other}' (paths, phrases, min-docs, theme, no-color, [colors], [family-colors], [[binding]])"
                ),
            ),
        }
    }
    r.problems.sort_by_key(|p| (p.line, p.column));
    config.problems.extend(r.problems);
}
