//! The gazetteer: known people, organisations and places, the alias list that
//! maps spelling variants to one display name, and the name keys used to
//! decide that two names are the same entity.

use std::collections::HashMap;

use serde::Deserialize;

use super::lexicon::{self, RoleClass};
use super::names::GivenNames;

/// The alias list bundled with the binary.
pub const BUNDLED: &str = include_str!("../../../assets/aliases.toml");

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    given_names: HashMap<String, Vec<String>>,
    #[serde(default)]
    person: Vec<PersonEntry>,
    #[serde(default)]
    organisation: Vec<OrgEntry>,
    #[serde(default)]
    place: Vec<PlaceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    country: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    gender: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[allow(dead_code)]
    country: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceEntry {
    name: String,
    adjective: String,
    code: String,
    #[serde(default)]
    variants: Vec<String>,
}

/// Error reading an alias list.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("alias list is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("alias list: {0}")]
    Invalid(String),
}

/// Gender as far as the gazetteer knows it; only steers "he"/"she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub country: Option<u8>,
    pub classes: RoleClass,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub adjective: String,
    pub code: String,
}

/// What a folded name refers to in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Person(u16),
    Org(u16),
}

#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// variant spelling (folded) → canonical spelling of a given name
    given: HashMap<String, String>,
    pub persons: Vec<Person>,
    pub orgs: Vec<String>,
    pub places: Vec<Place>,
    /// folded full name or variant → entity
    names: HashMap<String, Known>,
    /// folded single name token → persons having it (for bare surnames)
    person_tokens: HashMap<String, Vec<u16>>,
    /// folded place name, variant or adjective → place index
    place_words: HashMap<String, u8>,
    /// given names (person evidence and gender), compiled in
    pub given_names: GivenNames,
}

impl Gazetteer {
    pub fn parse(src: &str) -> Result<Gazetteer, AliasError> {
        let file: File = toml::from_str(src)?;
        let mut g = Gazetteer {
            given: HashMap::new(),
            persons: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            names: HashMap::new(),
            person_tokens: HashMap::new(),
            place_words: HashMap::new(),
            given_names: GivenNames::bundled(),
        };
        for (canon, variants) in &file.given_names {
            for v in variants {
                g.given.insert(basic_fold(v), canon.clone());
            }
        }
        for p in &file.place {
            if g.places.len() >= u8::MAX as usize {
                return Err(AliasError::Invalid("too many places".into()));
            }
            let idx = g.places.len() as u8;
            g.places.push(Place {
                adjective: p.adjective.clone(),
                code: p.code.clone(),
            });
            for w in std::iter::once(&p.name)
                .chain(std::iter::once(&p.adjective))
                .chain(p.variants.iter())
            {
                g.place_words.entry(g.fold(w)).or_insert(idx);
            }
        }
        for o in &file.organisation {
            let idx = g.orgs.len() as u16;
            g.orgs.push(o.name.clone());
            for v in std::iter::once(&o.name).chain(o.variants.iter()) {
                let key = g.fold(v);
                g.names.insert(key, Known::Org(idx));
            }
        }
        for p in &file.person {
            let idx = g.persons.len() as u16;
            let country =
                match &p.country {
                    Some(c) => Some(g.place_by_code(c).ok_or_else(|| {
                        AliasError::Invalid(format!("{}: unknown country code {c}", p.name))
                    })?),
                    None => None,
                };
            let mut classes = RoleClass::empty();
            for r in &p.roles {
                classes |= lexicon::role_classes(r);
            }
            let gender = match p.gender.as_deref() {
                Some("f") | Some("F") => Some(Gender::Female),
                Some("m") | Some("M") => Some(Gender::Male),
                Some(other) => {
                    return Err(AliasError::Invalid(format!(
                        "{}: gender must be \"f\" or \"m\", not {other:?}",
                        p.name
                    )));
                }
                None => None,
            };
            g.persons.push(Person {
                name: p.name.clone(),
                country,
                classes,
                gender,
            });
            for v in std::iter::once(&p.name).chain(p.variants.iter()) {
                let key = g.fold(v);
                for tok in key.split(' ') {
                    let list = g.person_tokens.entry(tok.to_string()).or_default();
                    if !list.contains(&idx) {
                        list.push(idx);
                    }
                }
                g.names.insert(key, Known::Person(idx));
            }
        }
        Ok(g)
    }

    fn place_by_code(&self, code: &str) -> Option<u8> {
        self.places
            .iter()
            .position(|p| p.code.eq_ignore_ascii_case(code))
            .map(|i| i as u8)
    }

    /// The matching key of a name: lowercase, accents, dots and apostrophes
    /// dropped, hyphens made spaces, a leading "the" dropped, transliterated
    /// given names and common ending variants folded ("Dmitriy" = "Dmitry").
    pub fn fold(&self, name: &str) -> String {
        let basic = basic_fold(name);
        let mut out = String::with_capacity(basic.len());
        for tok in basic.split(' ') {
            if tok.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            match self.given.get(tok) {
                Some(c) => out.push_str(&basic_fold(c)),
                None => out.push_str(&fold_ending(tok)),
            }
        }
        out
    }

    /// The canonical display spelling of a name (see `Extractor::canonical`).
    pub fn canonical(&self, name: &str) -> String {
        let name = name.trim();
        let name = strip_the(name);
        match self.names.get(&self.fold(name)) {
            Some(Known::Person(i)) => return self.persons[*i as usize].name.clone(),
            Some(Known::Org(i)) => return self.orgs[*i as usize].clone(),
            None => {}
        }
        // a single hyphenated token of capitalised parts is a two-part name
        // written with a hyphen ("Wang-Yi")
        let split_hyphen = !name.contains(char::is_whitespace)
            && name.contains('-')
            && name
                .split('-')
                .all(|p| p.chars().next().is_some_and(char::is_uppercase));
        let mut out = String::with_capacity(name.len());
        let parts: Box<dyn Iterator<Item = &str>> = if split_hyphen {
            Box::new(name.split('-'))
        } else {
            Box::new(name.split_whitespace())
        };
        for tok in parts {
            if !out.is_empty() {
                out.push(' ');
            }
            match self.given.get(&basic_fold(tok)) {
                Some(c) => out.push_str(c),
                None => out.push_str(tok),
            }
        }
        out
    }

    pub fn known(&self, name: &str) -> Option<Known> {
        self.names.get(&self.fold(name)).copied()
    }

    /// The only known person with this name token ("Blinken"), if exactly one.
    pub fn person_by_token(&self, token: &str) -> Option<u16> {
        match self.person_tokens.get(&self.fold(token)) {
            Some(list) if list.len() == 1 => Some(list[0]),
            _ => None,
        }
    }

    /// Is this a token of some known person's name ("Wang", shared by
    /// several)?
    pub fn is_person_token(&self, token: &str) -> bool {
        self.person_tokens.contains_key(&self.fold(token))
    }

    /// The place named by a word ("Beijing", "Chinese", "Russia’s").
    pub fn place(&self, word: &str) -> Option<u8> {
        let w = lexicon::strip_possessive(word);
        if w.len() > 40 {
            return None;
        }
        self.place_words.get(&basic_fold(w)).copied()
    }
}

fn strip_the(name: &str) -> &str {
    for p in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(p) {
            return rest.trim_start();
        }
    }
    name
}

/// Lowercase, accents folded, dots and apostrophes dropped, hyphens and other
/// separators made single spaces, a leading "the" dropped.
pub fn basic_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(fold_accent(l));
            }
        } else if matches!(c, '.' | '\'' | '’' | 'ʼ') {
            // "U.S." = "US", "O'Neill" = "ONeill"
        } else {
            space = true;
        }
    }
    if let Some(rest) = out.strip_prefix("the ") {
        return rest.to_string();
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        _ => c,
    }
}

/// Folds common transliteration endings of one lowercase token so that
/// "zelenskyy"/"zelenskiy"/"zelensky" and "dmitriy"/"dmitry" meet.
fn fold_ending(tok: &str) -> String {
    if tok.len() > 4 {
        for (from, to) in [("iy", "y"), ("yy", "y"), ("ij", "y"), ("ii", "y")] {
            if let Some(stem) = tok.strip_suffix(from) {
                return format!("{stem}{to}");
            }
        }
    }
    tok.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Gazetteer {
        Gazetteer::parse(BUNDLED).expect("bundled alias list parses")
    }

    #[test]
    fn bundled_list_parses() {
        let g = g();
        assert!(g.persons.iter().any(|p| p.name == "Wang Yi"));
        assert!(g.orgs.iter().any(|o| o == "TASS"));
    }

    #[test]
    fn folds_variants_together() {
        let g = g();
        assert_eq!(g.fold("Wang-Yi"), g.fold("Wang Yi"));
        assert_eq!(g.fold("Sergei Lavrov"), g.fold("Sergey Lavrov"));
        assert_eq!(g.fold("Dmitri Peskov"), g.fold("Dmitry Peskov"));
        assert_eq!(g.fold("Nikolay Patrushev"), g.fold("Nikolai Patrushev"));
        assert_eq!(g.fold("Volodymyr Zelenskiy"), g.fold("Volodymyr Zelensky"));
        assert_eq!(g.fold("U.S."), "us");
        assert_eq!(g.fold("the Kremlin"), "kremlin");
        assert_ne!(g.fold("Wang Yi"), g.fold("Wang Wenbin"));
    }

    #[test]
    fn canonical_names() {
        let g = g();
        assert_eq!(g.canonical("Sergei Lavrov"), "Sergey Lavrov");
        assert_eq!(g.canonical("Wang-Yi"), "Wang Yi");
        assert_eq!(g.canonical("Tass"), "TASS");
        assert_eq!(g.canonical("the Kremlin"), "Kremlin");
        // unknown people still get their given name normalised
        assert_eq!(g.canonical("Sergei Ivanov"), "Sergey Ivanov");
        assert_eq!(g.canonical("Li-Hua"), "Li Hua");
        assert_eq!(g.canonical("Jean-Yves Le Drian"), "Jean-Yves Le Drian");
    }

    #[test]
    fn bare_surnames_and_places() {
        let g = g();
        let i = g.person_by_token("Blinken").unwrap();
        assert_eq!(g.persons[i as usize].name, "Antony Blinken");
        let cn = g.place("Beijing’s").unwrap();
        assert_eq!(g.place("Chinese"), Some(cn));
        assert_eq!(g.places[cn as usize].code, "CN");
        assert_eq!(g.place("Moscow"), g.place("Russian"));
        assert!(g.place("Lavrov").is_none());
    }

    #[test]
    fn rejects_bad_lists() {
        assert!(Gazetteer::parse("[[person]]\nname = 1").is_err());
        assert!(Gazetteer::parse("[[person]]\nname = \"A B\"\ncountry = \"XX\"").is_err());
        assert!(Gazetteer::parse("").is_ok());
    }
}
