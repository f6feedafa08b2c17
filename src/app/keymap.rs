//! Key bindings: one table (assets/keymap.toml) that maps keys to actions,
//! generates the help overlay, and names the keys in the status bar's hints
//! and the panes' footers.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::{Action, InputEdit};

/// Where a binding applies. Each screen reads keys in its own contexts
/// ([`Keys`]), then in `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    List,
    Reader,
    /// The query line is open.
    Input,
    /// A pane's narrowing line is open.
    Narrow,
    /// Editing either line.
    Edit,
    Compare,
    Similar,
    Speakers,
    Quotes,
    Phrases,
    Kwic,
    // -- taking things out (issue 17)
    /// The export prompt (a file name is typed).
    Export,
    /// A yes/no question (overwrite the file?).
    Confirm,
    /// The tags pane.
    Tags,
    /// A prompt over the status bar (tags, a note, a name, history search).
    Prompt,
    /// The stories view and one story's articles (issue 15).
    Stories,
    Story,
    // issue 14: the outlet and period views
    Outlets,
    Keyness,
    Timeline,
}

impl Context {
    /// Every context, in the order the help shows them.
    pub const ALL: [Context; 21] = [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Input,
        Context::Narrow,
        Context::Edit,
        Context::Compare,
        Context::Similar,
        Context::Phrases,
        Context::Kwic,
        Context::Speakers,
        Context::Quotes,
        Context::Export,
        Context::Confirm,
        Context::Tags,
        Context::Prompt,
        Context::Stories,
        Context::Story,
        Context::Outlets,
        Context::Keyness,
        Context::Timeline,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Article list",
            Context::Reader => "Reading pane",
            Context::Input => "Query line",
            Context::Narrow => "Narrowing line of a pane (/ opens it; other keys are typed)",
            Context::Edit => "Editing the query or narrowing line (other keys are typed)",
            Context::Compare => "Compare view",
            Context::Similar => "Most similar",
            Context::Speakers => "Speakers pane (/ narrows the list)",
            Context::Quotes => "Quotes view (/ narrows by the quote's text; in:word by its article)",
            Context::Phrases => "Phrases pane (/ narrows the list)",
            Context::Kwic => "Concordance (/ narrows by the line's text; in:word by its article)",
            Context::Export => "Export prompt (E opens it; the file name is typed)",
            Context::Confirm => "A yes/no question (overwrite the file?)",
            Context::Tags => "Tags pane (Enter filters the articles to the row's query)",
            Context::Prompt => {
                "A prompt: tags, a note, a query's name, history search (other keys are typed)"
            }
            Context::Stories => "Stories view (/ narrows by label and outlets)",
            Context::Story => "A story's articles",
            Context::Outlets => "Outlets view (outlets × formulas over the filtered articles)",
            Context::Keyness => "Keyness view (the filtered articles against the rest)",
            Context::Timeline => "Timeline view",
        }
    }
}

/// How a screen reads keys: its contexts, most specific first, and whether
/// a line takes the typing (then only these contexts, the editing keys and
/// global keys with Ctrl apply, and other characters are typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub contexts: Vec<Context>,
    pub typing: bool,
}

impl Keys {
    /// Keys read in `contexts`, then globally.
    pub fn of(contexts: &[Context]) -> Keys {
        Keys {
            contexts: contexts.to_vec(),
            typing: false,
        }
    }

    /// Keys typed into a line, with `contexts` for the keys that act.
    pub fn typing(contexts: &[Context]) -> Keys {
        Keys {
            contexts: contexts.to_vec(),
            typing: true,
        }
    }

    /// The contexts looked in, in order.
    fn chain(&self) -> Vec<Context> {
        let mut chain = self.contexts.clone();
        chain.push(if self.typing {
            Context::Edit
        } else {
            Context::Global
        });
        chain
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
    #[serde(default)]
    hints: HashMap<Context, Vec<String>>,
    #[serde(default)]
    footers: HashMap<Context, Vec<String>>,
}

/// A problem in a keymap file.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("keymap: unknown key name '{0}'")]
    Key(String),
    #[error("keymap: a hint is written \"action:text\" or \"action/action:text\", not '{0}'")]
    Hint(String),
}

/// A hint: the actions whose keys it shows (one, or a pair like n/N) and
/// what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub actions: Vec<Action>,
    pub text: String,
}

/// The compiled keymap.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, KeyCode, KeyModifiers), Action>,
    hints: HashMap<Context, Vec<Hint>>,
    footers: HashMap<Context, Vec<Hint>>,
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
        let compile =
            |table: HashMap<Context, Vec<String>>| -> Result<HashMap<Context, Vec<Hint>>, KeymapError> {
                table
                    .into_iter()
                    .map(|(ctx, hints)| {
                        Ok((
                            ctx,
                            hints.iter().map(|h| parse_hint(h)).collect::<Result<_, _>>()?,
                        ))
                    })
                    .collect()
            };
        Ok(Keymap {
            bindings: file.binding,
            lookup,
            hints: compile(file.hints)?,
            footers: compile(file.footers)?,
        })
    }

    /// The action for a key on a screen that reads keys as `keys` says.
    pub fn action(&self, keys: &Keys, key: &KeyEvent) -> Option<Action> {
        let (code, mods) = normalize(key);
        if let Some(&a) = keys
            .chain()
            .iter()
            .find_map(|&c| self.lookup.get(&(c, code, mods)))
        {
            return Some(a);
        }
        if !keys.typing {
            return None;
        }
        // while typing: global keys with Ctrl (quit, redraw), else the
        // character is typed
        if mods.contains(KeyModifiers::CONTROL)
            && let Some(&a) = self.lookup.get(&(Context::Global, code, mods))
        {
            return Some(a);
        }
        match code {
            KeyCode::Char(c) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                Some(Action::Input(InputEdit::Insert(c)))
            }
            _ => None,
        }
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// This keymap with `other`'s hints and footers (a user's bindings
    /// merged over the bundled table keep the bundled hints; the keys they
    /// name are this keymap's).
    pub fn with_hints_of(mut self, other: &Keymap) -> Keymap {
        self.hints = other.hints.clone();
        self.footers = other.footers.clone();
        self
    }

    /// The first key that does `action` on a screen reading keys as `keys`,
    /// as written in hints ("Enter", "Ctrl-C"); none when no key does it
    /// there (a letter, while letters are typed).
    pub fn key_for(&self, keys: &Keys, action: Action) -> Option<String> {
        let chain = keys.chain();
        let mut candidates: Vec<(usize, &str)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.action == action) {
            let rank = chain.iter().position(|&c| c == b.context);
            let rank = match rank {
                Some(r) => r,
                // global keys with Ctrl work while typing
                None if keys.typing && b.context == Context::Global => chain.len(),
                None => continue,
            };
            for k in &b.keys {
                candidates.push((rank, k.as_str()));
            }
        }
        candidates.sort_by_key(|&(rank, _)| rank);
        candidates
            .into_iter()
            .find(|&(_, k)| {
                // the key must do this here: not shadowed by a more specific
                // context, and not typed
                let Some((code, mods)) = parse_key(k) else {
                    return false;
                };
                let event = KeyEvent::new(code, mods);
                self.action(keys, &event) == Some(action)
            })
            .map(|(_, k)| key_name(k))
    }

    /// The status bar's hints for a screen: (keys, what they do), for the
    /// actions a key does there.
    /// `show` leaves out hints that do not apply now (n/N without matches).
    pub fn hints(
        &self,
        keys: &Keys,
        context: Context,
        show: impl Fn(&Hint) -> bool,
    ) -> Vec<(String, String)> {
        self.named(&self.hints, keys, context, show)
    }

    /// A pane's footer, e.g. " Enter filters articles · Esc back ".
    pub fn footer(&self, keys: &Keys, context: Context) -> String {
        let parts: Vec<String> = self
            .named(&self.footers, keys, context, |_| true)
            .into_iter()
            .map(|(k, what)| format!("{k} {what}"))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" {} ", parts.join(" · "))
        }
    }

    fn named(
        &self,
        table: &HashMap<Context, Vec<Hint>>,
        keys: &Keys,
        context: Context,
        show: impl Fn(&Hint) -> bool,
    ) -> Vec<(String, String)> {
        let Some(hints) = table.get(&context) else {
            return Vec::new();
        };
        hints
            .iter()
            .filter(|h| show(h))
            .filter_map(|h| {
                let names: Option<Vec<String>> = h.actions.iter().map(|&a| self.key_for(keys, a)).collect();
                Some((names?.join("/"), h.text.clone()))
            })
            .collect()
    }
}

/// "next_match/prev_match:matches" → the actions and the text.
fn parse_hint(s: &str) -> Result<Hint, KeymapError> {
    let bad = || KeymapError::Hint(s.to_string());
    let (actions, text) = s.split_once(':').ok_or_else(bad)?;
    let actions = actions
        .split('/')
        .map(|a| {
            Action::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(
                a,
            ))
            .map_err(|_| bad())
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Hint {
        actions,
        text: text.to_string(),
    })
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
        "delete" => KeyCode::Delete,
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
            "backspace" => "Backspace".into(),
            "delete" => "Del".into(),
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

    fn plain(c: char) -> KeyEvent {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn bundled_keymap_parses() {
        let k = Keymap::bundled();
        assert!(k.bindings().len() > 10);
    }

    #[test]
    fn context_then_global() {
        let k = Keymap::bundled();
        let list = Keys::of(&[Context::List]);
        assert_eq!(k.action(&list, &plain('j')), Some(Action::Down));
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(k.action(&list, &enter), Some(Action::Open));
        let input = Keys::typing(&[Context::Input]);
        assert_eq!(k.action(&input, &enter), Some(Action::ConfirmInput));
        // global keys do not fire while typing: they are typed
        assert_eq!(
            k.action(&input, &plain('j')),
            Some(Action::Input(InputEdit::Insert('j')))
        );
    }

    #[test]
    fn editing_keys_come_from_the_table() {
        let k = Keymap::bundled();
        let input = Keys::typing(&[Context::Input]);
        let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            k.action(&input, &ctrl('w')),
            Some(Action::Input(InputEdit::DeleteWord))
        );
        assert_eq!(
            k.action(&input, &ctrl('u')),
            Some(Action::Input(InputEdit::Clear))
        );
        assert_eq!(
            k.action(&input, &key(KeyCode::Backspace, KeyModifiers::NONE)),
            Some(Action::Input(InputEdit::Backspace))
        );
        // global keys with Ctrl still work while typing
        assert_eq!(k.action(&input, &ctrl('c')), Some(Action::Quit));
        // but not outside a line
        assert_eq!(k.action(&Keys::of(&[Context::List]), &ctrl('w')), None);
    }

    #[test]
    fn shifted_chars_and_backtab() {
        let k = Keymap::bundled();
        let reader = Keys::of(&[Context::Reader]);
        let list = Keys::of(&[Context::List]);
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(k.action(&reader, &g), Some(Action::Bottom));
        let bt = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(k.action(&list, &bt), Some(Action::FocusPrev));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.action(&list, &ctrl_c), Some(Action::Quit));
        assert_eq!(k.action(&list, &plain('z')), None);
    }

    #[test]
    fn hints_name_the_keys_that_work_there() {
        let k = Keymap::bundled();
        let list = Keys::of(&[Context::List]);
        assert_eq!(k.key_for(&list, Action::Open).as_deref(), Some("Enter"));
        assert_eq!(k.key_for(&list, Action::Quit).as_deref(), Some("q"));
        // while typing, q is typed: Ctrl-C quits
        let input = Keys::typing(&[Context::Input]);
        assert_eq!(k.key_for(&input, Action::Quit).as_deref(), Some("Ctrl-C"));
        assert_eq!(k.key_for(&input, Action::ToggleHelp), None);
        let hints = k.hints(&list, Context::List, |_| true);
        assert_eq!(hints.first(), Some(&("?".to_string(), "help".to_string())));
        let compare = Keys::of(&[Context::Compare]);
        let hints = k.hints(&compare, Context::Compare, |_| true);
        assert!(
            hints.contains(&("n/N".to_string(), "passages".to_string())),
            "{hints:?}"
        );
    }

    #[test]
    fn every_hint_and_footer_of_the_bundled_table_names_a_key() {
        let k = Keymap::bundled();
        for (table, name) in [(&k.hints, "hints"), (&k.footers, "footers")] {
            for (&ctx, hints) in table {
                let keys = match ctx {
                    Context::Input => Keys::typing(&[Context::Input]),
                    Context::Narrow => Keys::typing(&[Context::Narrow, Context::Phrases, Context::Input]),
                    _ => Keys::of(&[ctx]),
                };
                for h in hints {
                    for &a in &h.actions {
                        assert!(
                            k.key_for(&keys, a).is_some(),
                            "{name} of {ctx:?}: no key does {a:?}"
                        );
                    }
                }
            }
        }
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
        let e = Keymap::from_toml(
            "[[binding]]\ncontext='global'\nkeys=['x']\naction='quit'\nhelp=''\n[hints]\nlist=['fly:away']",
        );
        assert!(e.is_err());
    }

    #[test]
    fn key_names() {
        assert_eq!(key_name("ctrl-c"), "Ctrl-C");
        assert_eq!(key_name("pagedown"), "PgDn");
        assert_eq!(key_name("G"), "G");
    }
}
