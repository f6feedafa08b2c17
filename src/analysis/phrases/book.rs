//! Curated phrase families: the bundled `assets/phrases.toml`, a user's own
//! file, and the compiled matcher that finds them in an article.

use std::ops::Range;

use serde::Deserialize;

use super::matcher::Matcher;

/// The bundled phrase families (`assets/phrases.toml`).
pub const BUNDLED_TOML: &str = include_str!("../../../assets/phrases.toml");

/// Colours given, in turn, to families whose file entry has no `color`.
const PALETTE: &[&str] = &[
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "#ff8700",
    "#af87ff",
];

/// A family of phrasings of one formula ("rock solid", "rock-solid", "solid
/// as a rock"...), highlighted in one colour.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct Family {
    /// The name shown in the UI and used by [`PhraseBook::family_index`].
    pub label: String,
    /// A colour string for ratatui's `Color::from_str` ("red", "light-blue",
    /// "#ff8700"...). Not checked here.
    pub color: String,
    /// The phrasings. Matching is tolerant (see the module docs), so
    /// "rock-solid" and "Rock Solid" need not both be listed.
    pub variants: Vec<String>,
}

/// A family found in a text.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct FamilyMatch {
    /// Index into [`PhraseBook::families`].
    pub family: usize,
    /// Byte range in the text, on char boundaries.
    pub range: Range<usize>,
}

/// What can be wrong with a phrase file.
#[derive(Debug, thiserror::Error)]
pub enum PhraseError {
    /// Not valid TOML, or not the expected shape (the message gives the line
    /// and column).
    #[error("phrase file: {0}")]
    Toml(#[from] toml::de::Error),
    /// A family with an empty label.
    #[error("phrase file: family #{index} has an empty label")]
    EmptyLabel { index: usize },
    /// A family without variants, or whose variants are all blank.
    #[error("phrase file: family \"{label}\" has no variants")]
    NoVariants { label: String },
    /// A variant made only of spaces, quotes or dashes.
    #[error("phrase file: family \"{label}\" has a variant with no words: {variant:?}")]
    EmptyVariant { label: String, variant: String },
    /// Two families with the same label (case, spaces, hyphens and
    /// underscores ignored).
    #[error("phrase file: two families are labelled \"{label}\"")]
    DuplicateLabel { label: String },
    /// The matcher could not be compiled (far beyond any realistic list).
    #[error("phrase file: cannot compile the phrases: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    #[serde(default)]
    replace: bool,
    #[serde(default)]
    family: Vec<FamilyToml>,
    /// Mined phrases hidden for good.
    #[serde(default)]
    hide: Vec<HideToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HideToml {
    phrase: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyToml {
    label: String,
    #[serde(default)]
    color: Option<String>,
    variants: Vec<String>,
}

/// Curated phrase families and their compiled matcher.
#[derive(Debug, Clone)]
pub struct PhraseBook {
    families: Vec<Family>,
    replace: bool,
    /// Mined phrases hidden for good (`[[hide]]` entries), with their variants.
    hidden: Vec<String>,
    /// Compiled on first use: a command that never looks for families
    /// (a plain listing) does not pay for it.
    matcher: std::sync::OnceLock<Matcher>,
}

/// The key two labels are compared by: lowercase, with runs of spaces,
/// hyphens and underscores as one space.
fn label_key(label: &str) -> String {
    label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl PhraseBook {
    /// The bundled families.
    pub fn bundled() -> PhraseBook {
        // The bundled file is checked by the tests.
        PhraseBook::parse(BUNDLED_TOML, false).unwrap_or_else(|e| panic!("bundled {e}"))
    }

    /// An empty book (finds nothing).
    pub fn empty() -> PhraseBook {
        PhraseBook {
            families: Vec::new(),
            replace: false,
            hidden: Vec::new(),
            matcher: Matcher::default().into(),
        }
    }

    /// Parses a phrase file (see `assets/phrases.toml` for the format). A
    /// family without `color` gets one from a fixed palette.
    pub fn from_toml(src: &str) -> Result<PhraseBook, PhraseError> {
        PhraseBook::parse(src, true)
    }

    /// [`from_toml`](Self::from_toml); `compile` now (to report a list too
    /// big to compile) or on first use.
    fn parse(src: &str, compile: bool) -> Result<PhraseBook, PhraseError> {
        let file: FileToml = toml::from_str(src)?;
        let families = file
            .family
            .into_iter()
            .enumerate()
            .map(|(i, f)| Family {
                label: f.label.trim().to_string(),
                color: f
                    .color
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| PALETTE[i % PALETTE.len()].to_string()),
                variants: f.variants,
            })
            .collect();
        let mut book = PhraseBook::checked(families, compile)?;
        book.replace = file.replace;
        book.hidden = file
            .hide
            .into_iter()
            .map(|h| h.phrase.trim().to_string())
            .filter(|h| !h.is_empty())
            .collect();
        Ok(book)
    }

    /// Compiles families given in code. Labels must be unique and every
    /// family needs at least one variant with a word in it.
    pub fn from_families(families: Vec<Family>) -> Result<PhraseBook, PhraseError> {
        PhraseBook::checked(families, true)
    }

    fn checked(families: Vec<Family>, eager: bool) -> Result<PhraseBook, PhraseError> {
        let mut keys = std::collections::HashSet::new();
        for (index, f) in families.iter().enumerate() {
            if f.label.trim().is_empty() {
                return Err(PhraseError::EmptyLabel { index: index + 1 });
            }
            if !keys.insert(label_key(&f.label)) {
                return Err(PhraseError::DuplicateLabel {
                    label: f.label.clone(),
                });
            }
            if f.variants.is_empty() {
                return Err(PhraseError::NoVariants {
                    label: f.label.clone(),
                });
            }
            if let Some(v) = f.variants.iter().find(|v| super::normalize_phrase(v).is_empty()) {
                return Err(PhraseError::EmptyVariant {
                    label: f.label.clone(),
                    variant: v.clone(),
                });
            }
        }
        let matcher = std::sync::OnceLock::new();
        if eager {
            // compiled here to report a list too big to compile
            let _ = matcher.set(compile(&families)?);
        }
        Ok(PhraseBook {
            families,
            replace: false,
            hidden: Vec::new(),
            matcher,
        })
    }

    /// True when this book came from a file with `replace = true`: merged
    /// into another book, it replaces that book's families instead of adding
    /// to them.
    pub fn replaces_bundled(&self) -> bool {
        self.replace
    }

    /// This book with a user's book merged in. A user family whose label
    /// equals one of ours (case, spaces, hyphens and underscores ignored)
    /// takes its place; the others are added after ours. If `user` was read
    /// from a file with `replace = true`, the result is the user's families
    /// only.
    pub fn merged(self, user: PhraseBook) -> PhraseBook {
        if user.replace {
            return PhraseBook {
                replace: false,
                ..user
            };
        }
        let mut families = self.families;
        let mut hidden = self.hidden;
        hidden.extend(user.hidden);
        for f in user.families {
            let key = label_key(&f.label);
            match families.iter_mut().find(|g| label_key(&g.label) == key) {
                Some(slot) => *slot = f,
                None => families.push(f),
            }
        }
        // Both books were checked and labels stay unique; only the automaton
        // could fail, and only far beyond any real list: find nothing then.
        PhraseBook {
            families,
            replace: false,
            hidden,
            matcher: std::sync::OnceLock::new(),
        }
    }

    /// Mined phrases hidden for good (`[[hide]]` in a phrases file).
    pub fn hidden(&self) -> &[String] {
        &self.hidden
    }

    /// The colours the palette gives, in turn, to families without one.
    pub fn palette() -> &'static [&'static str] {
        PALETTE
    }

    /// The families, in order: bundled first, then user additions.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// Every label and variant of every family, normalised
    /// ([`normalize_phrase`](super::normalize_phrase)): a mined phrase
    /// among them is a family's already, and listed as the family.
    pub fn forms(&self) -> std::collections::HashSet<String> {
        self.families
            .iter()
            .flat_map(|f| f.variants.iter().chain(std::iter::once(&f.label)))
            .map(|v| super::normalize_phrase(v))
            .collect()
    }

    /// Finds every family occurrence in `text`: sorted by start,
    /// non-overlapping, byte ranges on char boundaries. Where two variants
    /// overlap, the one starting first wins, then the longer one.
    pub fn find(&self, text: &str) -> Vec<FamilyMatch> {
        self.matcher()
            .find(text)
            .into_iter()
            .map(|(family, range)| FamilyMatch {
                family: family as usize,
                range,
            })
            .collect()
    }

    /// [`find`](PhraseBook::find) over many texts, in parallel (rayon): the
    /// matches of each text, in order.
    pub fn find_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<FamilyMatch>> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.find(t.as_ref())).collect()
    }

    /// The byte ranges of one family's occurrences in `text` (as [`find`]
    /// would report them).
    ///
    /// [`find`]: PhraseBook::find
    pub fn find_family(&self, text: &str, family: usize) -> Vec<Range<usize>> {
        self.find(text)
            .into_iter()
            .filter(|m| m.family == family)
            .map(|m| m.range)
            .collect()
    }

    /// The family with this label: case-insensitive, with spaces, hyphens
    /// and underscores equivalent ("rock-solid" finds "rock solid"); failing
    /// an exact label, a prefix that only one label starts with ("rock").
    pub fn family_index(&self, label: &str) -> Option<usize> {
        let key = label_key(label);
        if key.is_empty() {
            return None;
        }
        let keys: Vec<String> = self.families.iter().map(|f| label_key(&f.label)).collect();
        if let Some(i) = keys.iter().position(|k| *k == key) {
            return Some(i);
        }
        let mut prefixed = keys.iter().enumerate().filter(|(_, k)| k.starts_with(&key));
        match (prefixed.next(), prefixed.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }
}

impl PhraseBook {
    pub(super) fn matcher(&self) -> &Matcher {
        self.matcher
            .get_or_init(|| compile(&self.families).unwrap_or_default())
    }
}

fn compile(families: &[Family]) -> Result<Matcher, aho_corasick::BuildError> {
    Matcher::new(
        families
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.variants.iter().map(move |v| (v.as_str(), i as u32))),
    )
}

impl Default for PhraseBook {
    fn default() -> Self {
        PhraseBook::bundled()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(book: &PhraseBook, text: &str) -> Vec<(String, String)> {
        book.find(text)
            .into_iter()
            .map(|m| (book.families()[m.family].label.clone(), text[m.range].to_string()))
            .collect()
    }

    fn one(book: &PhraseBook, text: &str) -> (String, String) {
        let found = labels(book, text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn bundled_parses_with_the_required_families() {
        let book = PhraseBook::bundled();
        for label in [
            "rock solid",
            "no limits",
            "better than allies",
            "non-alliance",
            "comprehensive strategic partnership",
            "hegemony",
            "cold war",
            "multipolar world",
            "mutual trust",
        ] {
            assert!(book.family_index(label).is_some(), "{label}");
        }
        assert!(!book.replaces_bundled());
        for f in book.families() {
            assert!(!f.color.is_empty() && !f.variants.is_empty(), "{f:?}");
        }
    }

    #[test]
    fn rock_solid_spellings() {
        let book = PhraseBook::bundled();
        for t in [
            "rock solid",
            "rock-solid",
            "Rock Solid",
            "ROCK-SOLID",
            "rock\n solid",
            "rock   solid",
            "rock\u{2013}solid",
            "solid as a rock",
            "solid as rock",
            "Solid\nas a\trock",
        ] {
            assert_eq!(one(&book, t), ("rock solid".into(), t.into()));
        }
    }

    #[test]
    fn quotes_curly_or_straight() {
        let book = PhraseBook::bundled();
        for t in [
            "relations are “rock solid”.",
            "relations are \"rock solid\".",
            "relations are ‘rock solid,’ he said",
            "relations are 'rock solid', he said",
        ] {
            assert_eq!(one(&book, t), ("rock solid".into(), "rock solid".into()), "{t}");
        }
        assert_eq!(one(&book, "a “no limits” partnership").0, "no limits".to_string());
    }

    #[test]
    fn match_covers_the_original_spelling() {
        let book = PhraseBook::bundled();
        let t = "Ties are ROCK-\n   solid!";
        let m = &book.find(t)[0];
        assert_eq!(&t[m.range.clone()], "ROCK-\n   solid");
    }

    #[test]
    fn non_ascii_around_matches() {
        let book = PhraseBook::bundled();
        let t = "Ван И: «rock-solid» — отношения; 关系“rock solid”。";
        let found = labels(&book, t);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(l, _)| l == "rock solid"));
        // glued to CJK letters: not a word of its own
        assert!(book.find("关系rock solid").is_empty());
    }

    #[test]
    fn word_boundaries_and_own_variants() {
        let book = PhraseBook::bundled();
        assert_eq!(one(&book, "hegemonic ambitions").1, "hegemonic");
        assert_eq!(one(&book, "against hegemonism").1, "hegemonism");
        assert_eq!(one(&book, "US hegemony’s end").1, "hegemony");
        assert!(book.find("rocket solid").is_empty());
        assert!(book.find("unlimited").is_empty());
        assert!(book.find("no limitsx").is_empty());
    }

    #[test]
    fn longest_variant_wins() {
        let book = PhraseBook::bundled();
        let t = "based on non-alliance, non-confrontation and non-targeting of any third party";
        let (label, s) = one(&book, t);
        assert_eq!(label, "non-alliance");
        assert_eq!(
            s,
            "non-alliance, non-confrontation and non-targeting of any third party"
        );
        let t = "adhere to non-alignment,non-confrontation, and non-targeting of third parties.";
        assert_eq!(
            one(&book, t).1,
            "non-alignment,non-confrontation, and non-targeting of third parties"
        );
        let t = "a comprehensive strategic partnership of coordination for a new era";
        assert_eq!(
            one(&book, t).1,
            "comprehensive strategic partnership of coordination for a new era"
        );
        assert_eq!(
            one(&book, "comprehensive strategic cooperative partnership").0,
            "comprehensive strategic partnership"
        );
    }

    #[test]
    fn several_families_in_order() {
        let book = PhraseBook::bundled();
        let t = "Mutual trust is rock solid; they oppose hegemony and a new Cold War in a multipolar world.";
        let got: Vec<String> = labels(&book, t).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            got,
            [
                "mutual trust",
                "rock solid",
                "hegemony",
                "cold war",
                "multipolar world"
            ]
        );
        let ms = book.find(t);
        assert!(ms.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    }

    #[test]
    fn find_many_is_find_on_each() {
        let book = PhraseBook::bundled();
        let texts = ["rock solid", "", "no limits and hegemony", "nothing"];
        let many = book.find_many(&texts);
        assert_eq!(many.len(), 4);
        for (t, m) in texts.iter().zip(&many) {
            assert_eq!(&book.find(t), m);
        }
        assert_eq!(many[2].len(), 2);
    }

    #[test]
    fn family_index_is_forgiving() {
        let book = PhraseBook::bundled();
        let rock = book.family_index("rock solid").unwrap();
        assert_eq!(book.family_index("Rock-Solid"), Some(rock));
        assert_eq!(book.family_index("rock_solid"), Some(rock));
        assert_eq!(book.family_index("  ROCK  solid "), Some(rock));
        assert_eq!(book.family_index("rock"), Some(rock));
        assert_eq!(book.family_index("multip"), book.family_index("multipolar world"));
        // "multipolar world" and "multilateralism"
        assert_eq!(book.family_index("multi"), None);
        assert_eq!(book.family_index("nothing like it"), None);
        assert_eq!(book.family_index(""), None);
        let ranges = book.find_family("rock solid hegemony", rock);
        assert_eq!(ranges.len(), 1);
        assert_eq!(ranges[0], 0..10);
    }

    #[test]
    fn ambiguous_prefix_finds_nothing() {
        let book = PhraseBook::from_toml(
            r#"
            [[family]]
            label = "cold war"
            variants = ["cold war"]
            [[family]]
            label = "cold peace"
            variants = ["cold peace"]
            "#,
        )
        .unwrap();
        assert_eq!(book.family_index("cold"), None);
        assert_eq!(book.family_index("cold p"), Some(1));
    }

    #[test]
    fn user_families_add_and_replace() {
        let user = PhraseBook::from_toml(
            r##"
            [[family]]
            label = "Rock-Solid"
            color = "#00ff00"
            variants = ["unbreakable"]

            [[family]]
            label = "back to back"
            variants = ["shoulder to shoulder"]
            "##,
        )
        .unwrap();
        assert!(!user.replaces_bundled());
        let bundled = PhraseBook::bundled();
        let n = bundled.families().len();
        let rock = bundled.family_index("rock solid").unwrap();
        let book = bundled.merged(user);
        assert_eq!(book.families()[rock].label, "Rock-Solid");
        assert_eq!(book.families()[rock].color, "#00ff00");
        // the bundled "back to back" is replaced, nothing added twice
        assert_eq!(book.families().len(), n);
        assert!(book.find("rock solid").is_empty());
        assert_eq!(one(&book, "an unbreakable bond").0, "Rock-Solid");
        assert_eq!(one(&book, "shoulder-to-shoulder").0, "back to back");
        assert!(book.find("a new cold war").len() == 1);
    }

    #[test]
    fn user_family_with_new_label_is_appended() {
        let user = PhraseBook::from_toml(
            "[[family]]\nlabel = \"win-win\"\nvariants = [\"win-win cooperation\", \"win-win\"]\n",
        )
        .unwrap();
        let bundled = PhraseBook::bundled();
        let n = bundled.families().len();
        let book = bundled.merged(user);
        assert_eq!(book.families().len(), n + 1);
        assert_eq!(book.families()[n].label, "win-win");
        assert!(!book.families()[n].color.is_empty());
        assert_eq!(one(&book, "Win-win cooperation!").1, "Win-win cooperation");
    }

    #[test]
    fn replace_true_replaces_the_bundled_families() {
        let user = PhraseBook::from_toml(
            "replace = true\n[[family]]\nlabel = \"only\"\ncolor = \"red\"\nvariants = [\"only this\"]\n",
        )
        .unwrap();
        assert!(user.replaces_bundled());
        let book = PhraseBook::bundled().merged(user);
        assert_eq!(book.families().len(), 1);
        assert!(book.find("rock solid").is_empty());
        assert_eq!(book.find("only this").len(), 1);
        assert!(!book.replaces_bundled());
    }

    #[test]
    fn bad_toml_says_where() {
        let err = PhraseBook::from_toml("[[family]]\nlabel = \"x\"\nvariants = [\"a\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, PhraseError::Toml(_)));
        assert!(msg.contains("line"), "{msg}");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = PhraseBook::from_toml("[[family]]\nlabel = \"x\"\nvariant = [\"a\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("variant"), "{err}");
    }

    #[test]
    fn empty_variants_and_labels_are_errors() {
        let err = PhraseBook::from_toml("[[family]]\nlabel = \"x\"\nvariants = []\n").unwrap_err();
        assert!(matches!(err, PhraseError::NoVariants { .. }));
        assert_eq!(err.to_string(), "phrase file: family \"x\" has no variants");

        let err = PhraseBook::from_toml("[[family]]\nlabel = \"x\"\nvariants = [\" - \"]\n").unwrap_err();
        assert!(matches!(err, PhraseError::EmptyVariant { .. }), "{err}");

        let err = PhraseBook::from_toml("[[family]]\nlabel = \" \"\nvariants = [\"a\"]\n").unwrap_err();
        assert!(matches!(err, PhraseError::EmptyLabel { index: 1 }), "{err}");

        let err = PhraseBook::from_toml(
            "[[family]]\nlabel = \"a b\"\nvariants = [\"a\"]\n[[family]]\nlabel = \"A-B\"\nvariants = [\"b\"]\n",
        )
        .unwrap_err();
        assert!(matches!(err, PhraseError::DuplicateLabel { .. }), "{err}");
    }

    #[test]
    fn empty_file_is_an_empty_book() {
        let book = PhraseBook::from_toml("").unwrap();
        assert!(book.families().is_empty());
        assert!(book.find("rock solid").is_empty());
        let book = PhraseBook::bundled().merged(book);
        assert_eq!(book.families().len(), PhraseBook::bundled().families().len());
    }
}
