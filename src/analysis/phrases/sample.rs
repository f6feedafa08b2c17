//! Mining a big corpus on a sample.

use super::{Doc, MineOptions, MinedPhrase, mine, recount_and_weigh};

/// Past this many articles, phrases are mined from an evenly spaced sample
/// of this size: mining's memory grows with the corpus, and a formula that
/// recurs across a big corpus recurs in a sample of it.
pub const MINE_SAMPLE: usize = 5_000;

/// [`mine`], on a sample for big corpora (see [`MINE_SAMPLE`]),
/// then every phrase counted in every doc as a filter finds it
/// ([`recount`](super::recount)): the phrases' `docs` are positions in `docs`.
/// Returns whether the phrases were chosen from a sample.
pub fn mine_sampled(docs: &[Doc], opts: &MineOptions) -> (Vec<MinedPhrase>, bool) {
    let sampled = docs.len() > MINE_SAMPLE;
    let mined = if sampled {
        let step = docs.len().div_ceil(MINE_SAMPLE);
        let sample: Vec<Doc> = docs.iter().step_by(step).copied().collect();
        mine(&sample, opts)
    } else {
        mine(docs, opts)
    };
    let mined = recount_and_weigh(docs, mined, &opts.hidden);
    (mined, sampled)
}

#[cfg(test)]
mod sample_tests {
    use super::*;

    #[test]
    fn big_corpora_are_mined_on_a_sample() {
        let corpus = crate::synth::corpus(MINE_SAMPLE + 2000, 80, 5);
        let docs: Vec<Doc> = corpus
            .files
            .iter()
            .map(|(_, t)| Doc {
                text: t,
                source: None,
            })
            .collect();
        let (mined, sampled) = mine_sampled(&docs, &MineOptions::default());
        assert!(sampled);
        let rock = mined.iter().find(|m| m.phrase == "rock solid").expect("mined");
        // counted in every article, not just the sample's
        let holding: Vec<u32> = (0..docs.len() as u32)
            .filter(|&d| !super::super::find_phrase(docs[d as usize].text, "rock solid").is_empty())
            .collect();
        assert_eq!(rock.docs, holding);
        let (_, small) = mine_sampled(&docs[..100], &MineOptions::default());
        assert!(!small);
    }
}
