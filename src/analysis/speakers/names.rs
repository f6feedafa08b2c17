//! Given names as person evidence: a capitalised phrase is a person's name
//! when it opens with a given name ("Joanne Kasprzak"), or with an East
//! Asian family name ("Wang Yi"); the list's gender steers "he"/"she".
//!
//! Data, compiled in:
//! - `assets/names/census1990.txt`: the given names of the 1990 US Census
//!   name files, public domain (a work of the US government), as shipped in
//!   the PyPI package `names` 0.3.0 (MIT);
//! - `assets/names/world.txt`: given names of other languages and East Asian
//!   family names, written for readout (same licence as readout).

use super::gazetteer::{Gender, basic_fold};
use super::lexicon::FastMap;

const CENSUS: &str = include_str!("../../../assets/names/census1990.txt");
const WORLD: &str = include_str!("../../../assets/names/world.txt");

/// What the lists say of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameInfo {
    /// None: used for both
    pub gender: Option<Gender>,
    /// an East Asian family name, written first
    pub surname_first: bool,
}

#[derive(Debug, Clone, Default)]
pub struct GivenNames {
    map: FastMap<String, NameInfo>,
}

impl GivenNames {
    pub fn bundled() -> GivenNames {
        let mut g = GivenNames::default();
        g.add(CENSUS);
        g.add(WORLD);
        g
    }

    fn add(&mut self, src: &str) {
        let mut surname_first = false;
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line == "[surnames-first]" {
                surname_first = true;
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(name), g) = (parts.next(), parts.next()) else {
                continue;
            };
            let gender = match g {
                Some("m") => Some(Gender::Male),
                Some("f") => Some(Gender::Female),
                _ => None,
            };
            let key = basic_fold(name);
            let info = NameInfo {
                gender,
                surname_first,
            };
            // a given name keeps its entry; a family name only adds itself
            self.map.entry(key).or_insert(info);
        }
    }

    /// What the lists say of one word ("Joanne", "Kerry-Ann", "Hélène").
    pub fn get(&self, word: &str) -> Option<NameInfo> {
        if word.len() > 40 || !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // plain ASCII words: no allocation
        if word.len() <= 24 && word.bytes().all(|b| b.is_ascii_alphabetic()) {
            let mut buf = [0u8; 24];
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
            return self.map.get(lower).copied();
        }
        let key = basic_fold(word);
        if let Some(i) = self.map.get(&key) {
            return Some(*i);
        }
        // "Kerry-Ann", "Jean-Pierre": the first part
        let first = key.split(' ').next()?;
        (first.len() < key.len())
            .then(|| self.map.get(first).copied())
            .flatten()
    }

    /// A given name (not a family name written first).
    pub fn given(&self, word: &str) -> Option<NameInfo> {
        self.get(word).filter(|i| !i.surname_first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_given_names_and_genders() {
        let n = GivenNames::bundled();
        assert_eq!(n.given("Joanne").unwrap().gender, Some(Gender::Female));
        assert_eq!(n.given("Graham").unwrap().gender, Some(Gender::Male));
        assert!(n.given("Kerry-Ann").is_some());
        assert!(n.given("Hélène").is_some());
        assert!(n.given("Helene").is_some());
        assert!(n.given("Brenhold").is_none());
        assert!(n.given("Georgia").is_none(), "places are left out");
        assert!(n.given("joanne").is_none(), "capitalised words only");
        assert!(n.get("Wang").unwrap().surname_first);
        assert!(n.given("Wang").is_none());
    }
}
