//! The filter language. Parse text into a [`Query`], compile it against an
//! [`Index`](crate::index::Index) into a [`Matcher`], evaluate it to ranked
//! hits. The TUI and `readout list --filter` share this path.
//!
//! | syntax          | matches                                                         |
//! |-----------------|-----------------------------------------------------------------|
//! | `word`          | fuzzily, the title, the source or a quoted speaker's name       |
//! | `"rock solid"`  | that phrase in the body; case, spaces, line breaks, hyphens free |
//! | `'word`         | that exact whole word in the body, any case                     |
//! | `@name`         | articles quoting a speaker whose name fuzzily matches           |
//! | `#label`        | articles containing that phrase family                          |
//! | `!term`         | articles the term does not match                                |
//! | `source:scmp`   | the outlet, as names match (an alias the outlet table knows: that outlet) |
//! | `title:word`    | the title, as names match                                        |
//! | `date:2023`     | dated within (`2022-02..2023-03`, `..2022`, `2023..`)            |
//! | `a \| b`        | either; binds tighter than the implied AND between terms        |

mod eval;
mod parse;

pub use eval::{Hit, Matcher, TermCache, TermCounter, prefilter, word_score};
pub use parse::{
    DateRange, MAX_QUERY_CHARS, Query, QueryError, StateTerm, Term, TermKind, check_length, is_quote, parse,
    parse_lenient,
};
