//! Finding a unit by the words people type: the one matcher behind the screen's unit picker and
//! `list --lead`.
//!
//! A unit is known by its full name, its abbreviation, every other spelling the registry has
//! and, after a restructuring, by the name of the unit that took over its work. Typed words
//! match in any order, diacritics optional: "ho tich", "tich ho", "Cục HTQTCT", "cuc ho tich"
//! all find "Cục Hộ tịch, quốc tịch, chứng thực". Each typed word must match a word of one
//! spelling: whole (2 points), as its start (1 point), as several words run together ("hotich",
//! 2 points) or with a letter typed twice ("tichh", 1 point). A spelling whose every word was
//! typed scores [`WHOLE`] more, so a unit named in full beats one that merely shares its words.
//! A match through the successor's name scores one point less than the successor itself.

use super::fold::fold;
use crate::domain::{Unit, UnitRegistry};

/// Bonus for a spelling every word of which was typed.
pub const WHOLE: u32 = 3;

/// A unit that matches typed words, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitMatch<'r> {
    /// The unit.
    pub unit: &'r Unit,
    /// How well it matches: two matches with the same score are equally good.
    pub score: u32,
    /// Share of the matched spelling's words that were typed (per mille): orders equally good
    /// matches in a list, never decides between them.
    pub coverage: u32,
}

/// Why typed words do not name one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitMiss<'r> {
    /// No unit has these words; the closest spellings, best first (may be empty).
    NoMatch(Vec<&'r Unit>),
    /// Several units match equally well.
    Ambiguous(Vec<&'r Unit>),
}

/// Folded words of a text: split at everything that is not a letter or digit.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Runs of the same letter made one ("tichh" → "tich").
fn collapse_doubled(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Every spelling of a unit: full name, abbreviation, aliases.
fn spellings(unit: &Unit) -> impl Iterator<Item = &str> {
    [unit.name.as_str(), unit.short.as_str()]
        .into_iter()
        .chain(unit.aliases.iter().map(String::as_str))
}

/// How well `query` words match one spelling's words: `(score, coverage)`, or None when a
/// typed word matches nothing in it.
fn spelling_score(query: &[String], spelling: &[String]) -> Option<(u32, u32)> {
    if query.is_empty() || spelling.is_empty() {
        return None;
    }
    let mut used = vec![false; spelling.len()];
    let mut score = 0;
    for q in query {
        let free = |i: usize, used: &[bool]| !used[i];
        // Whole word, unused first.
        if let Some(i) = (0..spelling.len()).find(|&i| free(i, &used) && spelling[i] == *q) {
            used[i] = true;
            score += 2;
            continue;
        }
        if spelling.contains(q) {
            score += 2;
            continue;
        }
        // Words run together: "hotich" is "hộ" "tịch".
        if let Some((i, j)) = glued(q, spelling) {
            used[i..j].iter_mut().for_each(|u| *u = true);
            score += 2;
            continue;
        }
        // The start of a word.
        if let Some(i) = (0..spelling.len())
            .filter(|&i| spelling[i].starts_with(q.as_str()))
            .min_by_key(|&i| used[i])
        {
            used[i] = true;
            score += 1;
            continue;
        }
        // A letter typed twice.
        let single = collapse_doubled(q);
        if single != *q
            && let Some(i) = (0..spelling.len()).find(|&i| spelling[i] == single)
        {
            used[i] = true;
            score += 1;
            continue;
        }
        return None;
    }
    let typed = used.iter().filter(|u| **u).count();
    if typed == spelling.len() {
        score += WHOLE;
    }
    let coverage = u32::try_from(typed * 1000 / spelling.len()).unwrap_or(0);
    Some((score, coverage))
}

/// `(start, end)` of two or more consecutive words that, run together, are `q`.
fn glued(q: &str, spelling: &[String]) -> Option<(usize, usize)> {
    (0..spelling.len()).find_map(|i| {
        let mut rest = q.strip_prefix(spelling[i].as_str())?;
        let mut j = i + 1;
        while !rest.is_empty() {
            rest = rest.strip_prefix(spelling.get(j)?.as_str())?;
            j += 1;
        }
        (j > i + 1).then_some((i, j))
    })
}

/// The best score of `query` against any spelling of `unit`.
fn unit_score(query: &[String], unit: &Unit) -> Option<(u32, u32)> {
    spellings(unit)
        .filter_map(|s| spelling_score(query, &words(s)))
        .max()
}

/// The units among `candidates` that `text` matches, best first (ties in registry order of
/// `candidates`). Empty text matches nothing.
pub fn rank_units<'r>(
    registry: &'r UnitRegistry,
    candidates: &[&'r Unit],
    text: &str,
) -> Vec<UnitMatch<'r>> {
    let query = words(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<UnitMatch<'r>> = candidates
        .iter()
        .filter_map(|&unit| {
            let own = unit_score(&query, unit);
            // Through the units that took over its work, a point less.
            let later = registry
                .lineage(unit)
                .into_iter()
                .skip(1)
                .filter_map(|next| unit_score(&query, next))
                .map(|(s, c)| (s.saturating_sub(1), c))
                .max();
            let (score, coverage) = own.max(later)?;
            Some(UnitMatch {
                unit,
                score,
                coverage,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.cmp(&a.score).then(b.coverage.cmp(&a.coverage)));
    out
}

/// The one unit `text` names among every unit of the registry: the best match when it is
/// better than every other, else why not.
pub fn pick_unit<'r>(registry: &'r UnitRegistry, text: &str) -> Result<&'r Unit, UnitMiss<'r>> {
    let all: Vec<&Unit> = registry.units().iter().collect();
    let ranked = rank_units(registry, &all, text);
    match ranked.as_slice() {
        [] => Err(UnitMiss::NoMatch(closest(&all, text, 3))),
        [one] => Ok(one.unit),
        [first, second, ..] if first.score > second.score => Ok(first.unit),
        [first, ..] => Err(UnitMiss::Ambiguous(
            ranked
                .iter()
                .take_while(|m| m.score == first.score)
                .map(|m| m.unit)
                .collect(),
        )),
    }
}

/// Up to `n` units whose spellings look most like `text`, best first: by how many typed words
/// are a word of the spelling, the start of one or one typo away from one, then by shared
/// letter pairs.
pub fn closest<'r>(candidates: &[&'r Unit], text: &str, n: usize) -> Vec<&'r Unit> {
    let query = words(text);
    let want = pairs(&query.concat());
    if want.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<((usize, usize), &Unit)> = candidates
        .iter()
        .map(|&u| {
            let best = spellings(u)
                .map(|s| {
                    let spelling = words(s);
                    let near = query
                        .iter()
                        .filter(|q| spelling.iter().any(|w| near_word(q, w)))
                        .count();
                    (near, dice(&want, &pairs(&spelling.concat())))
                })
                .max()
                .unwrap_or((0, 0));
            (best, u)
        })
        .filter(|((near, shared), _)| *near > 0 || *shared > 0)
        .collect();
    scored.sort_by_key(|b| std::cmp::Reverse(b.0));
    scored.into_iter().take(n).map(|(_, u)| u).collect()
}

/// A typed word that is a word, its start, or one typo away from it.
fn near_word(typed: &str, word: &str) -> bool {
    let (t, w): (Vec<char>, Vec<char>) = (typed.chars().collect(), word.chars().collect());
    w.starts_with(&t) || super::search::one_typo(&t, &w)
}

fn pairs(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice coefficient of two lists of letter pairs, per mille.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut rest = b.to_vec();
    let mut shared = 0;
    for p in a {
        if let Some(i) = rest.iter().position(|q| q == p) {
            rest.swap_remove(i);
            shared += 1;
        }
    }
    shared * 2000 / (a.len() + b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> UnitRegistry {
        UnitRegistry::embedded().expect("the embedded registry")
    }

    fn keys(registry: &UnitRegistry, text: &str) -> Vec<String> {
        let all: Vec<&Unit> = registry.units().iter().collect();
        rank_units(registry, &all, text)
            .into_iter()
            .map(|m| m.unit.key.clone())
            .collect()
    }

    fn picked(registry: &UnitRegistry, text: &str) -> Option<String> {
        pick_unit(registry, text).ok().map(|u| u.key.clone())
    }

    #[test]
    fn every_spelling_picks_its_unit_with_or_without_diacritics_in_any_order() {
        let r = reg();
        for u in r.units() {
            for s in spellings(u) {
                let plain = fold(s);
                let reversed: Vec<String> = words(s).into_iter().rev().collect();
                for typed in [s.to_string(), plain.clone(), reversed.join(" ")] {
                    assert_eq!(
                        picked(&r, &typed).as_deref(),
                        Some(u.key.as_str()),
                        "{typed}"
                    );
                    assert_eq!(
                        keys(&r, &typed).first().map(String::as_str),
                        Some(u.key.as_str()),
                        "{typed}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_words_people_type_find_the_unit() {
        let r = reg();
        for (typed, key) in [
            ("thads", "thads"),
            ("ho tich", "htqtct"),
            ("tich ho", "htqtct"),
            ("htqtct", "htqtct"),
            ("cuc ho tich", "htqtct"),
            ("hotich", "htqtct"),
            ("cuc ho tichh", "htqtct"),
            ("tong cuc thi hanh an", "thads"),
            ("lltp", "lltpqg"),
            ("cntt", "cntt"),
            ("ke hoach tai chinh", "khtc"),
            ("Cục PBGDPL&TGPL", "pbgdpl-tgpl"),
        ] {
            assert_eq!(picked(&r, typed).as_deref(), Some(key), "{typed}");
        }
    }

    #[test]
    fn tu_phap_narrows_to_the_units_with_those_words() {
        let r = reg();
        let found = keys(&r, "tu phap");
        assert!(found.contains(&"bttp".to_string()), "{found:?}");
        assert!(found.contains(&"lltpqg".to_string()), "{found:?}");
        assert!(!found.contains(&"cntt".to_string()), "{found:?}");
        let Err(UnitMiss::Ambiguous(tied)) = pick_unit(&r, "tu phap") else {
            unreachable!("two units are named 'tư pháp' equally");
        };
        assert!(tied.len() >= 2, "{tied:?}");
    }

    #[test]
    fn the_successor_name_finds_the_old_units_after_the_new_one() {
        let r = reg();
        let found = keys(&r, "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý");
        assert_eq!(found.first().map(String::as_str), Some("pbgdpl-tgpl"));
        assert!(found.contains(&"tgpl".to_string()), "{found:?}");
        assert!(found.contains(&"pbgdpl".to_string()), "{found:?}");
    }

    #[test]
    fn no_match_names_the_closest_units() {
        let r = reg();
        let Err(UnitMiss::NoMatch(near)) = pick_unit(&r, "cuc ho tihc") else {
            unreachable!("a typo names no unit");
        };
        assert_eq!(near.first().map(|u| u.key.as_str()), Some("htqtct"));
        assert!(pick_unit(&r, "").is_err());
        assert!(keys(&r, "xyz").is_empty());
    }

    #[test]
    fn doubled_letters_collapse() {
        assert_eq!(collapse_doubled("tichh"), "tich");
        assert_eq!(collapse_doubled("sso"), "so");
        assert_eq!(collapse_doubled("ho"), "ho");
    }
}
