//! The config's `[[binding]]` tables: checked one by one with the keymap's
//! own parser ([`Keymap::from_toml`]), and merged over the bundled keymap so
//! that a user's key replaces the bundled binding of that key in that
//! context.

use serde::Serialize;

use crate::app::{Action, Context, Keymap};

/// A binding from the config file, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserBinding {
    /// The context as written (`list`, `global`...), known to be valid.
    pub context: String,
    pub keys: Vec<String>,
    pub action: Action,
    /// The help text given, if any (else the bundled action's).
    pub help: Option<String>,
}

/// A binding as the keymap file writes it (for [`Keymap::from_toml`]).
#[derive(Serialize)]
struct FileBinding<'a> {
    context: &'a str,
    keys: Vec<&'a str>,
    action: Action,
    help: &'a str,
}

#[derive(Serialize)]
struct File<'a> {
    binding: Vec<FileBinding<'a>>,
}

fn to_toml(bindings: Vec<FileBinding>) -> String {
    toml::to_string(&File { binding: bindings }).unwrap_or_default()
}

/// The context named `name`, if the keymap knows it.
pub fn context(name: &str) -> Result<Context, String> {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
    Context::deserialize(de).map_err(|_| {
        format!(
            "unknown context '{name}' (one of: global, list, reader, input, compare, similar, speakers, quotes, phrases, kwic, tags, prompt)"
        )
    })
}

/// The action named `name`, if the keymap knows it (only actions a key can
/// trigger: not resizes, clicks or typed text).
pub fn action(name: &str) -> Result<Action, String> {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
    Action::deserialize(de)
        .map_err(|_| format!("unknown action '{name}' (see assets/keymap.toml for the actions)"))
}

/// Checks one key name the way the keymap parses it.
pub fn key(name: &str) -> Result<(), String> {
    let probe = to_toml(vec![FileBinding {
        context: "global",
        keys: vec![name],
        action: Action::Quit,
        help: "",
    }]);
    Keymap::from_toml(&probe)
        .map(|_| ())
        .map_err(|_| format!("unknown key '{name}' (such as x, G, ctrl-x, alt-x, enter, esc, tab, space, up, pagedown, f1 is not one)"))
}

/// The name a context has in the keymap file ("list").
fn context_name(c: Context) -> String {
    // every context is one lowercase word in the file (checked in tests)
    format!("{c:?}").to_lowercase()
}

/// A key name in one spelling, to tell when two name the same key:
/// modifiers sorted, `space` for ' '.
fn canonical(key: &str) -> String {
    let mut mods = Vec::new();
    let mut rest = key;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            mods.push("ctrl");
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            mods.push("alt");
            rest = r;
        } else {
            break;
        }
    }
    mods.sort_unstable();
    mods.dedup();
    let rest = if rest == " " { "space" } else { rest };
    format!(
        "{}{rest}",
        mods.iter().map(|m| format!("{m}-")).collect::<String>()
    )
}

/// The bundled keymap with the user's bindings applied: a user's key
/// replaces the bundled binding of that key in that context (a bundled
/// binding left with no key is dropped from the help too).
pub fn merged(user: &[UserBinding]) -> Keymap {
    let bundled = Keymap::bundled();
    if user.is_empty() {
        return bundled;
    }
    let taken: std::collections::HashSet<(String, String)> = user
        .iter()
        .flat_map(|b| b.keys.iter().map(|k| (b.context.clone(), canonical(k))))
        .collect();
    let names: Vec<String> = bundled
        .bindings()
        .iter()
        .map(|b| context_name(b.context))
        .collect();
    // the user's first: the help and the hints name their keys first
    let mut out: Vec<FileBinding> = user
        .iter()
        .map(|u| {
            let help = u.help.as_deref().or_else(|| {
                bundled
                    .bindings()
                    .iter()
                    .find(|b| b.action == u.action)
                    .map(|b| b.help.as_str())
            });
            FileBinding {
                context: &u.context,
                keys: u.keys.iter().map(String::as_str).collect(),
                action: u.action,
                help: help.unwrap_or(""),
            }
        })
        .collect();
    for (b, ctx) in bundled.bindings().iter().zip(&names) {
        let keys: Vec<&str> = b
            .keys
            .iter()
            .filter(|k| !taken.contains(&(ctx.clone(), canonical(k))))
            .map(String::as_str)
            .collect();
        if !keys.is_empty() {
            out.push(FileBinding {
                context: ctx,
                keys,
                action: b.action,
                help: &b.help,
            });
        }
    }
    // every part was checked on its own, so this parses; if it somehow did
    // not, the bundled keys still work
    match Keymap::from_toml(&to_toml(out)) {
        Ok(k) => k.with_hints_of(&bundled),
        Err(_) => bundled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Keys;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key_event(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn context_names_round_trip() {
        for b in Keymap::bundled().bindings() {
            assert_eq!(context(&context_name(b.context)), Ok(b.context));
        }
    }

    #[test]
    fn names_are_checked_by_the_keymap() {
        assert_eq!(action("toggle_mark"), Ok(Action::ToggleMark));
        assert!(action("fly").unwrap_err().contains("unknown action 'fly'"));
        // actions no key can trigger are not bindable
        assert!(action("resize").is_err());
        assert!(context("lists").unwrap_err().contains("unknown context"));
        assert!(key("ctrl-x").is_ok());
        assert!(key("x").is_ok());
        assert!(key("pagedown").is_ok());
        assert!(key("hyper-x").unwrap_err().contains("unknown key 'hyper-x'"));
        assert!(key("f1").is_err());
    }

    #[test]
    fn a_user_key_replaces_the_bundled_one_in_its_context() {
        let user = [UserBinding {
            context: "global".into(),
            keys: vec!["x".into(), "q".into()],
            action: Action::ToggleMark,
            help: None,
        }];
        let k = merged(&user);
        assert_eq!(
            k.action(&Keys::of(&[Context::List]), &key_event('x')),
            Some(Action::ToggleMark)
        );
        // q was quit: now it marks, and the help no longer lists q for quit
        assert_eq!(
            k.action(&Keys::of(&[Context::List]), &key_event('q')),
            Some(Action::ToggleMark)
        );
        assert!(
            !k.bindings()
                .iter()
                .any(|b| b.action == Action::Quit && b.keys.iter().any(|k| k == "q"))
        );
        // ctrl-c still quits; m still marks; the help text is the bundled one
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.action(&Keys::of(&[Context::List]), &ctrl_c), Some(Action::Quit));
        assert_eq!(
            k.action(&Keys::of(&[Context::List]), &key_event('m')),
            Some(Action::ToggleMark)
        );
        let mine = k.bindings().first().unwrap();
        assert_eq!(mine.help, "mark / unmark the article for comparison");
        // the hints are the bundled ones, naming the user's keys
        let list = Keys::of(&[Context::List]);
        let hints = k.hints(&list, Context::List, |_| true);
        assert!(
            hints.contains(&("x".to_string(), "mark".to_string())),
            "{hints:?}"
        );
        assert!(
            hints.contains(&("Ctrl-C".to_string(), "quit".to_string())),
            "{hints:?}"
        );
    }

    #[test]
    fn other_contexts_keep_their_keys() {
        let user = [UserBinding {
            context: "reader".into(),
            keys: vec!["n".into()],
            action: Action::NextPhrase,
            help: Some("next phrase".into()),
        }];
        let k = merged(&user);
        assert_eq!(
            k.action(&Keys::of(&[Context::Reader]), &key_event('n')),
            Some(Action::NextPhrase)
        );
        assert_eq!(
            k.action(&Keys::of(&[Context::Compare]), &key_event('n')),
            Some(Action::NextPassage)
        );
    }

    #[test]
    fn canonical_spellings() {
        assert_eq!(canonical("alt-ctrl-x"), canonical("ctrl-alt-x"));
        assert_eq!(canonical(" "), "space");
        assert_ne!(canonical("x"), canonical("X"));
    }
}
