//! A dev check in the style of a real newsroom folder: wire copy
//! republished by another outlet, datelines and source lines, reporting
//! frames, a negated formula, a name written two ways and a name followed
//! by a verb. Every text is invented for this test (people, places and
//! outlets included). Prints the mined rows (`-- --nocapture`) and fails
//! on any of the problems these rules remove.

use readout::analysis::phrases::{Doc, MineOptions, MinedPhrase, PhraseKind, mine_sampled};

const WIRE: &str = "Orlan and Vesk pledge 'steady as granite' ties as Markov visits Vesk City

ORLAN CITY (Northwire) - Orlanian Foreign Minister Dmitri Markov said on Monday that ties \
between Orlan City and Vesk City were \"steady as granite\" and that the accord had \"no \
ceiling\", as he prepared to fly to Vesk for talks with his counterpart Ilse Brandt.

\"Our accord is steady as granite and serves no bloc,\" Markov told reporters at a news \
conference in Orlan City.

Western envoys remain doubtful. \"This is a pact of convenience, not a bloc,\" said Tomas \
Rieck of the Harbour Institute.

Reporting by Ana Pell; Editing by Joe Marr";

const REPUBLISHED: &str = "Markov says ties with Vesk are 'steady as granite'

By Orlan Daily staff
The Orlan Daily

March 6, 2023

Orlanian Foreign Minister Dmitry Markov said on Monday that ties between Orlan City and Vesk \
City were \"steady as granite\" and that the accord had \"no ceiling\", as he prepared to \
travel to Vesk for talks with his counterpart Ilse Brandt.

Markov told journalists the date of the summit had not been set.";

const ANALYSIS: &str = "Why the Orlan-Vesk accord is not a bloc

By Lena Ost in Vesk City
The Harbour Review

Mon 6 Mar 2023 07.30 GMT

When Orlanian Foreign Minister Dmitri Markov met Ilse Brandt, both insisted their accord was \
\"not a bloc\". Ties are steady as granite, officials say, and the accord serves no bloc.

Orlanian Foreign Minister Dmitri Markov met the press afterwards.";

const STATE: &str = "Vesk hails accord with Orlan

Source: Vesk Herald | 2023-03-07

VESK CITY - Vesk Foreign Minister Ilse Brandt told reporters on Tuesday that the accord was \
\"not a bloc\" and serves no bloc, speaking at a news conference with Orlanian Foreign \
Minister Dmitry Markov.

\"The ties are steady as granite,\" Brandt said.";

const WIRE2: &str = "Vesk and Orlan sign river pact

VESK CITY (Northwire) - Orlanian Foreign Minister Dmitri Markov met Vesk leaders on Tuesday. \
Source: Northwire | 2023-03-07

\"It is not a bloc,\" Brandt told reporters, adding that the pact serves no bloc.";

fn row<'a>(mined: &'a [MinedPhrase], phrase: &str) -> Option<&'a MinedPhrase> {
    mined
        .iter()
        .find(|m| m.phrase == phrase || m.variants.iter().any(|v| v == phrase))
}

#[test]
fn newsroom_folder_mines_formulas_not_copies_dates_or_frames() {
    let texts = [
        (WIRE, "Northwire"),
        (REPUBLISHED, "Orlan Daily"),
        (ANALYSIS, "Harbour Review"),
        (STATE, "Vesk Herald"),
        (WIRE2, "Northwire"),
    ];
    let docs: Vec<Doc> = texts
        .iter()
        .map(|&(text, source)| Doc {
            text,
            source: Some(source),
        })
        .collect();
    let (mined, _) = mine_sampled(&docs, &MineOptions::default());
    for m in &mined {
        println!(
            "{:<50} {:?} docs {:?} weight {:.2} variants {:?}",
            m.phrase, m.kind, m.docs, m.weight, m.variants
        );
    }
    // 1. the passage the second article copies is not mined window by window
    for m in &mined {
        assert!(
            !(m.docs == [0, 1] && m.phrase.split(' ').count() >= 4),
            "a window of the copied passage: {}",
            m.phrase
        );
    }
    assert!(row(&mined, "that ties between orlan city and vesk city").is_none());
    // 2. no dates or numbers alone, nothing from datelines and source lines
    for m in &mined {
        assert!(
            m.phrase
                .split(' ')
                .any(|w| !readout::analysis::phrases::is_date_word(w)
                    && !readout::analysis::phrases::is_stopword(w)),
            "date-only: {}",
            m.phrase
        );
    }
    // 3. reporting frames are no phrases; a negation is a formula
    for frame in ["told reporters", "news conference", "markov told", "brandt told"] {
        assert!(row(&mined, frame).is_none(), "{frame}");
    }
    let not_a_bloc = row(&mined, "not a bloc").expect("not a bloc");
    assert_eq!(not_a_bloc.kind, PhraseKind::Formula);
    let serves = row(&mined, "serves no bloc").expect("serves no bloc");
    assert_eq!(serves.kind, PhraseKind::Formula);
    // the formulas come before every name
    let first_name = mined.iter().position(|m| m.kind == PhraseKind::Name);
    let last_formula = mined.iter().rposition(|m| m.kind == PhraseKind::Formula);
    assert!(first_name.is_none_or(|n| last_formula.is_none_or(|f| f < n)));
    // the minister is one row, whatever the spelling, and without "met"
    let minister: Vec<&MinedPhrase> = mined
        .iter()
        .filter(|m| m.phrase.contains("markov") && m.phrase.contains("minister"))
        .collect();
    assert_eq!(minister.len(), 1, "{:?}", minister);
    assert_eq!(minister[0].kind, PhraseKind::Name);
    assert!(!minister[0].phrase.ends_with(" met"), "{}", minister[0].phrase);
    assert!(
        minister[0].docs.len() >= 4,
        "both spellings counted: {:?}",
        minister[0]
    );
}
