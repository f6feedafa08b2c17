//! Outlet names made one: "South China Morning Post (The Star)", "scmp.com"
//! and "SCMP" are the same outlet. A bundled alias table
//! (`assets/outlets.toml`) a user can extend (`--outlets FILE`); a name not
//! in it is kept as written (tidied), a web address by its domain.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use serde::Deserialize;

const BUNDLED: &str = include_str!("../../assets/outlets.toml");

/// Outlet names by the key of each of their spellings.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    by_key: HashMap<String, Arc<str>>,
    /// Canonical names in the order first given.
    names: Vec<Arc<str>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    outlet: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// The spelling-free form of a name: lowercase letters and digits only,
/// without a leading "the" or "www.".
pub fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower.strip_prefix("www.").unwrap_or(lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Outlets {
    /// The bundled table.
    pub fn bundled() -> Outlets {
        let mut o = Outlets::default();
        // the bundled file is checked by a test; a mistake there loads nothing
        let _ = o.add_toml(BUNDLED);
        o
    }

    /// Adds the outlets of a TOML file in the bundled format. An entry with
    /// a known name (or alias) adds its aliases to that outlet.
    pub fn add_toml(&mut self, text: &str) -> Result<(), String> {
        let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
        for e in file.outlet {
            let name = e.name.split_whitespace().collect::<Vec<_>>().join(" ");
            if key(&name).is_empty() {
                return Err(format!("an outlet with no name: \"{}\"", e.name));
            }
            let canonical = match self.by_key.get(&key(&name)) {
                Some(c) if key(c) == key(&name) => c.clone(),
                _ => {
                    let c: Arc<str> = name.as_str().into();
                    self.names.push(c.clone());
                    c
                }
            };
            for alias in std::iter::once(&name).chain(&e.aliases) {
                let k = key(alias);
                if !k.is_empty() {
                    self.by_key.insert(k, canonical.clone());
                }
            }
        }
        Ok(())
    }

    /// Canonical names, in table order.
    pub fn names(&self) -> &[Arc<str>] {
        &self.names
    }

    /// The outlet this exact spelling names, if the table knows it.
    pub fn lookup(&self, name: &str) -> Option<&str> {
        let k = key(name);
        if let Some(c) = self.by_key.get(&k) {
            return Some(c);
        }
        // a domain: "www.scmp.com/news/x" → scmp.com
        let host = host_of(name)?;
        self.by_key.get(&key(host)).map(|c| &**c)
    }

    /// The outlet a source string names: the whole string, else its parts
    /// ("X (Y)", "X | Y", "X - Y"), first known one first; else the string
    /// tidied (a web address as its domain, "X (Y)" as X).
    pub fn normalise(&self, source: &str) -> String {
        let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(c) = self.lookup(&source) {
            return c.to_string();
        }
        let parts = parts(&source);
        for p in &parts {
            if let Some(c) = self.lookup(p) {
                return c.to_string();
            }
        }
        let first = parts.first().map_or(source.as_str(), |p| p.as_str());
        match host_of(first) {
            Some(h) if !first.contains(' ') => h.to_string(),
            _ => first.to_string(),
        }
    }
}

/// "South China Morning Post (The Star)" → ["South China Morning Post",
/// "The Star"]; also splits at " | ", " - ", " – ", " — " and ", ".
fn parts(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    if let Some(open) = rest.find('(')
        && let Some(close) = rest[open..].find(')')
    {
        let inner = &rest[open + 1..open + close];
        let outer = rest[..open].trim();
        let after = rest[open + close + 1..].trim();
        for p in [outer, inner, after] {
            out.extend(parts(p));
        }
        return out;
    }
    for sep in [" | ", " - ", " – ", " — ", ", ", " · "] {
        if let Some((a, b)) = rest.split_once(sep) {
            out.extend(parts(a));
            out.extend(parts(b));
            return out;
        }
    }
    rest = rest.trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The host of a web address or bare domain ("https://www.x.com/a" →
/// "x.com"), or None when `s` is not one.
pub fn host_of(s: &str) -> Option<&str> {
    let s = s.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let host = s.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.split(':').next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    ok.then_some(host)
}

fn global() -> &'static RwLock<Arc<Outlets>> {
    static TABLE: OnceLock<RwLock<Arc<Outlets>>> = OnceLock::new();
    TABLE.get_or_init(|| RwLock::new(Arc::new(Outlets::bundled())))
}

/// The table loading uses: the bundled one, plus the user's file once
/// [`extend_with_file`] has read it.
pub fn table() -> Arc<Outlets> {
    match global().read() {
        Ok(t) => t.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Adds a user's outlets file (`--outlets FILE`) to the table loading uses.
pub fn extend_with_file(path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read outlets file {}: {e}", path.display()))?;
    let mut t = Outlets::clone(&table());
    t.add_toml(&text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    match global().write() {
        Ok(mut g) => *g = Arc::new(t),
        Err(poisoned) => *poisoned.into_inner() = Arc::new(t),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_parses() {
        let mut o = Outlets::default();
        o.add_toml(BUNDLED).unwrap();
        assert!(o.names().len() > 30);
    }

    #[test]
    fn spellings_become_one_outlet() {
        let o = Outlets::bundled();
        for s in [
            "South China Morning Post (The Star)",
            "scmp.com",
            "SCMP",
            "https://www.scmp.com/news/china/article/3140798",
            "south china morning post",
        ] {
            assert_eq!(o.normalise(s), "South China Morning Post", "{s}");
        }
        assert_eq!(o.normalise("RT (batonrougepost.com)"), "RT");
        assert_eq!(o.normalise("libertywire.net (CNSNews.com)"), "CNSNews");
        assert_eq!(o.normalise("Xinhua News Agency"), "Xinhua");
        assert_eq!(o.normalise("the associated press"), "AP");
        assert_eq!(o.normalise("World | Reuters"), "Reuters");
    }

    #[test]
    fn unknown_names_are_kept_tidied() {
        let o = Outlets::bundled();
        assert_eq!(o.normalise("  Daily   Bugle "), "Daily Bugle");
        assert_eq!(o.normalise("https://www.example.org/story/1"), "example.org");
        assert_eq!(o.normalise("Daily Bugle (weekend)"), "Daily Bugle");
    }

    #[test]
    fn a_user_file_extends_and_adds() {
        let mut o = Outlets::bundled();
        o.add_toml("[[outlet]]\nname = \"Reuters\"\naliases = [\"R.\"]\n[[outlet]]\nname = \"Daily Bugle\"\naliases = [\"DB\", \"dailybugle.test\"]\n")
            .unwrap();
        assert_eq!(o.normalise("R."), "Reuters");
        assert_eq!(o.normalise("reuters.com"), "Reuters", "bundled aliases kept");
        assert_eq!(o.normalise("db"), "Daily Bugle");
        assert!(o.add_toml("[[outlet]]\nnam = \"x\"\n").is_err());
        assert!(o.add_toml("[[outlet]]\nname = \" \"\n").is_err());
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.thestar.com.my/aseanplus/x"),
            Some("thestar.com.my")
        );
        assert_eq!(host_of("scmp.com"), Some("scmp.com"));
        assert_eq!(host_of("South China"), None);
        assert_eq!(host_of("v1.2"), None);
    }
}
