//! Recurring phrases: the curated formulas of diplomatic language ("rock
//! solid", "no limits", "better than allies"...) and the phrases mined from
//! the corpus itself, found in articles as byte ranges, with a concordance
//! (keyword in context) helper. No UI here: text in, ranges out.
//!
//! # Tolerant matching
//!
//! Curated families ([`PhraseBook`]) and arbitrary phrases ([`PhraseFinder`],
//! [`find_phrase`]) share one matcher. Text and phrases go through one
//! normaliser ([`normalize_phrase`] shows what it makes of a phrase): letters
//! are lowercased, apostrophes inside words made straight, and every other
//! separator (whitespace and line breaks, hyphens and dashes, quotes curly or
//! straight, commas, symbols) is *soft*: a run of them is one space between
//! two words. So "rock-solid", "Rock\n solid", "rock   solid" and "“rock
//! solid”" all match "rock solid", and "non-alliance,non-confrontation"
//! matches "non-alliance, non-confrontation". Sentence punctuation and
//! brackets (`. ! ? ; : …` and `()[]{}`) are *hard*: kept, so no phrase is
//! found across a sentence end. The normaliser records, for each byte of its
//! canonical copy, the original offset it came from, so matches map back to
//! ranges of the original text, always on char boundaries.
//!
//! An Aho-Corasick automaton runs over the canonical copy and reports every
//! occurrence; those that start or end inside a word (judged on the original
//! text too) are dropped, then the leftmost, longest occurrences are kept,
//! without overlaps. A trailing possessive is fine: "hegemony" is found in
//! "hegemony’s", not in "hegemonic" (which is a variant of its own).
//!
//! The whole text is rarely normalised: each phrase has an *anchor*, its
//! longest plain ASCII word ("solid" in "solid as a rock"), found by a fast
//! automaton in an ASCII-lowercased copy of the text, and only windows
//! around whole-word anchors are normalised and searched. The result is the
//! same as for the whole text (a property test compares the two); texts or
//! phrases for which that could not be guaranteed, or whose anchors are so
//! common that windows would cover the text, take the whole-text path. The
//! bundled families take about 5 µs on a 600-word article, one phrase
//! under 1 µs.
//!
//! # Curated families
//!
//! `assets/phrases.toml` (compiled in) lists the bundled families: a label, a
//! colour string for the UI and the variants. A user file of the same shape
//! adds families or, by label, replaces bundled ones; `replace = true` at
//! its top replaces the bundled list altogether ([`PhraseBook::merged`]).
//!
//! # Mined phrases
//!
//! [`mine`] finds word n-grams (2 to 8 words by default) that occur in at
//! least two articles, never across sentence ends or line breaks, not
//! starting or ending with a stopword (negators may start one: "no limits"),
//! keeping the longest phrase where a shorter one occurs in exactly the same
//! articles. They are ranked by range (number of articles), then by a
//! C-value-style score; phrases whose articles all come from one source
//! (outlet boilerplate) are flagged and ranked last. Counting is
//! apriori-style over interned tokens, in parallel: 10,000 articles of 600
//! words take well under two seconds on two cores. See [`mine`]'s module
//! for the details.
//!
//! [`recount_and_weigh`] then counts every mined phrase in every article
//! as a filter finds it, drops the phrases that only recur inside a passage
//! copied between articles ([`copied`]), noting at each occurrence whether it is quoted,
//! capitalised or cuts a name; merges variants (function words, numbers,
//! spelling, inflection: [`variant_key`]; shifted and contained forms);
//! tells names from formulas ([`PhraseKind`]); and orders formulas first by
//! their weight, from range across outlets, quotation, fixedness and
//! keyness against a compiled-in English word-frequency list ([`rarity`]).
//! See the `evidence` module. [`user_file`] saves a phrase as a family, or
//! hides it, in the user's phrases file.
//!
//! # Concordance
//!
//! [`kwic`] cuts the context around a match into a [`KwicLine`] for a
//! keyword-in-context view.

mod background;
mod book;
mod copied;
mod evidence;
mod finder;
mod fold;
mod kwic;
mod matcher;
mod mine;
mod normalize;
mod recount;
mod sample;
pub mod user_file;

pub use background::rarity;
pub use book::{BUNDLED_TOML, Family, FamilyMatch, PhraseBook, PhraseError};
pub use copied::{PASSAGE_WORDS, copied};
pub use evidence::{Evidence, PhraseKind, keyness, quote_spans, weigh};
pub use finder::{PhraseFinder, find_phrase};
pub use fold::variant_key;
pub use kwic::{KwicLine, kwic};
pub use mine::{Doc, MAX_LEN, MineOptions, MinedPhrase, is_date_word, is_reporting, is_stopword, mine};
pub use normalize::normalize_phrase;
pub use recount::{recount, recount_and_weigh};
pub use sample::{MINE_SAMPLE, mine_sampled};
