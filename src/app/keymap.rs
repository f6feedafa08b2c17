//! Key bindings: one table (assets/keymap.toml) that both maps keys to
//! actions and generates the help overlay.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    List,
    Reader,
    Input,
    Compare,
    Similar,
    Speakers,
    Quotes,
    Phrases,
    Kwic,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Article list",
            Context::Reader => "Reading pane",
            Context::Input => "Query line",
            Context::Compare => "Compare view",
            Context::Similar => "Most similar",
            Context::Speakers => "Speakers pane (type to narrow)",
            Context::Quotes => "Quotes view (type to narrow)",
            Context::Phrases => "Phrases pane (type to narrow)",
            Context::Kwic => "Concordance (type to narrow)",
        }
    }
}

/// One entry of the table: keys, what they do, and the help text.
#[derive(Debug, Clone, Deserialize)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<String>,
    pub action: Action,
    pub help: String,
}

#[derive(Debug, Deserialize)]
struct File {
    binding: Vec<Binding>,
}

/// A problem in a keymap file.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("keymap: unknown key name '{0}'")]
    Key(String),
}

/// The compiled keymap.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, KeyCode, KeyModifiers), Action>,
}

impl Keymap {
    /// The bindings compiled into the binary.
    pub fn bundled() -> Keymap {
        Keymap::from_toml(include_str!("../../assets/keymap.toml"))
            .expect("the bundled keymap is valid (tested)")
    }

    pub fn from_toml(src: &str) -> Result<Keymap, KeymapError> {
        let file: File = toml::from_str(src)?;
        let mut lookup = HashMap::new();
        for b in &file.binding {
            for k in &b.keys {
                let (code, mods) = parse_key(k).ok_or_else(|| KeymapError::Key(k.clone()))?;
                lookup.insert((b.context, code, mods), b.action);
            }
        }
        Ok(Keymap {
            bindings: file.binding,
            lookup,
        })
    }

    /// The action for a key in a context; context bindings win over global ones.
    pub fn action(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        let (code, mods) = normalize(key);
        self.lookup
            .get(&(context, code, mods))
            .or_else(|| {
                (context != Context::Input)
                    .then(|| self.lookup.get(&(Context::Global, code, mods)))
                    .flatten()
            })
            .copied()
    }

    /// The action bound in exactly this context (no global fallback).
    pub fn action_exact(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        let (code, mods) = normalize(key);
        self.lookup.get(&(context, code, mods)).copied()
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to an action in a context (for hints), e.g. "/".
    pub fn key_for(&self, action: Action) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(String::as_str)
    }
}

/// Shift is implied by the character for printable keys ('G', '?').
fn normalize(key: &KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if let KeyCode::Char(_) = key.code {
        mods.remove(KeyModifiers::SHIFT);
    }
    if key.code == KeyCode::BackTab {
        mods.remove(KeyModifiers::SHIFT);
    }
    (key.code, mods)
}

fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        s if s.chars().count() == 1 => KeyCode::Char(s.chars().next()?),
        _ => return None,
    };
    Some((code, mods))
}

/// How a key is written in help and hints: "ctrl-c" → "Ctrl-C", "pagedown" → "PgDn".
pub fn key_name(key: &str) -> String {
    let pretty = |k: &str| -> String {
        match k {
            "enter" => "Enter".into(),
            "esc" => "Esc".into(),
            "tab" => "Tab".into(),
            "backtab" => "Shift-Tab".into(),
            "space" => "Space".into(),
            "up" => "↑".into(),
            "down" => "↓".into(),
            "left" => "←".into(),
            "right" => "→".into(),
            "pageup" => "PgUp".into(),
            "pagedown" => "PgDn".into(),
            "home" => "Home".into(),
            "end" => "End".into(),
            k => k.into(),
        }
    };
    if let Some(r) = key.strip_prefix("ctrl-") {
        return format!("Ctrl-{}", pretty(r).to_uppercase());
    }
    if let Some(r) = key.strip_prefix("alt-") {
        return format!("Alt-{}", pretty(r));
    }
    pretty(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn bundled_keymap_parses() {
        let k = Keymap::bundled();
        assert!(k.bindings().len() > 10);
    }

    #[test]
    fn context_then_global() {
        let k = Keymap::bundled();
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(k.action(Context::List, &j), Some(Action::Down));
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(k.action(Context::List, &enter), Some(Action::Open));
        assert_eq!(k.action(Context::Input, &enter), Some(Action::ConfirmInput));
        // global keys do not fire while typing
        assert_eq!(k.action(Context::Input, &j), None);
    }

    #[test]
    fn shifted_chars_and_backtab() {
        let k = Keymap::bundled();
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(k.action(Context::Reader, &g), Some(Action::Bottom));
        let bt = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(k.action(Context::List, &bt), Some(Action::FocusPrev));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.action(Context::List, &ctrl_c), Some(Action::Quit));
        assert_eq!(
            k.action(Context::List, &key(KeyCode::Char('z'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn bad_key_name_is_an_error() {
        let e = Keymap::from_toml("[[binding]]\ncontext='global'\nkeys=['hyper-x']\naction='quit'\nhelp='q'")
            .unwrap_err();
        assert_eq!(e.to_string(), "keymap: unknown key name 'hyper-x'");
    }

    #[test]
    fn unknown_action_is_an_error() {
        let e = Keymap::from_toml("[[binding]]\ncontext='global'\nkeys=['x']\naction='fly'\nhelp=''");
        assert!(e.is_err());
    }

    #[test]
    fn key_names() {
        assert_eq!(key_name("ctrl-c"), "Ctrl-C");
        assert_eq!(key_name("pagedown"), "PgDn");
        assert_eq!(key_name("G"), "G");
    }
}
