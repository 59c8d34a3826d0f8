//! Fuzzy search over folded text: a query narrows a list of records word by word, so that
//! "ho tich" finds the records about hộ tịch and not every long title that happens to contain
//! an h, an o, a t, an i, a c and an h in that order.
//!
//! Records and queries are folded once (see [`super::fold`]): a record when it is loaded
//! ([`Haystack::new`]), a query once per keystroke ([`Query::new`]). Scoring a record then only
//! compares chars; it allocates nothing unless the record matches.
//!
//! # Matching
//!
//! The query is split on whitespace into terms; a term such as "iii.3" or "345/qđ-ttg" is split
//! further on punctuation into parts that must match consecutive words of one field. Every term
//! must match (AND). A query part matches a text word when it is
//!
//! - **exact**: the same folded word;
//! - **prefix**: the start of the text word. Only the last part of the query, while it is being
//!   typed (no whitespace after it), or any part against the id (field 0) may be a prefix:
//!   otherwise "ho tich" would match "hoàn thiện ... tích hợp";
//! - **close**: one typo (a substitution, transposition, missing or extra char) away from the
//!   text word, both of 4 chars or more (Vietnamese syllables are short: "thue" must not find
//!   "thủ"); or, where a prefix is allowed and the part has 5 chars or more, one typo away from
//!   the start of the text word. The first letter must be right (or swapped with the second):
//!   a changed initial ("tich"/"dich", "chinh"/"trinh") is another Vietnamese word, not a typo.
//!   Letters scattered across a word never match. The close matches a matching record is
//!   scored on are graded by fuzzy-matcher's `SkimMatcherV2` on the two words.
//!
//! When the words as typed match no record, a search tries again with what people type in a
//! hurry: a word that is several words run together ("hotich" for "hộ tịch", two or three
//! pieces of 2 chars or more, each a whole word, side by side in one field, the last one a
//! prefix while it is being typed) or has a letter typed twice ("sso" for "số", when 2 chars
//! or more remain). Such a variant scores one exact word less per extra piece and 10 less
//! again, and is tried in a record only where the word itself does not match. The words from
//! a record's word on say which cut can match there, so the cuts are not tried one by one; and
//! a search that finds something as typed never looks at variants (it costs nothing).
//!
//! # Ranking
//!
//! Each term scores its best word: exact 100, prefix 50-69 (by the share of the word typed),
//! close 24-36; plus 30 (exact) or 15 (prefix) when the query part carries diacritics and they
//! are the same as the text's ("hộ tịch" ranks "hộ tịch" above "hồ tích"); plus 10 when the
//! word is in field 0 or 1. When the terms occur, in order and adjacent, in one field, the
//! record scores that phrase plus 120 per adjacent pair; in order but not adjacent, the best
//! words plus 30 per pair.
//!
//! # Why the word matcher, not fuzzy-matcher, decides what matches
//!
//! fuzzy-matcher's `SkimMatcherV2` answers a different question: whether the query's letters
//! occur in the text in order, gaps allowed (a subsequence), as in a file finder where "mdrs"
//! finds "src/main.rs". Over folded Vietnamese that is the wrong answer twice over:
//!
//! - it matches far too much. Syllables are short and share letters, so almost any long title
//!   holds "h o t i c h" in order; skim would find "hoàn thiện ... tích hợp" for "ho tich", and
//!   a search for a two-syllable word would return most of the plan. Matching word by word, with
//!   the words in their order, is what keeps "ho tich" to the records about hộ tịch.
//! - it forgives only some typos, and some that are not typos. A query that is a subsequence
//!   of the word is a letter left out (asked the other way round, as `skim_grade` does, a letter
//!   typed twice), but a wrong letter ("tixh") or two swapped ("tihc"), as common when typing,
//!   match nothing. And a left-out letter is forgiven anywhere, the initial included: "an" would
//!   find "bản", "cán" and "văn", where a Vietnamese initial dropped or changed ("tich"/"dich",
//!   "chinh"/"trinh") makes another word. The close tier above (one substitution,
//!   transposition, insertion or deletion, the initial kept, words of 4 chars or more) is the
//!   typo rule the secretariat's searches need, and it costs one linear comparison per word.
//!
//! So skim has only the small job left where its subsequence view is right: among records that
//! already matched with a typo, it grades the typo'd word against the query part (0 to 6
//! points), so a missing or extra letter, which keeps the other letters in order, ranks a little
//! above a wrong or swapped one. It runs only on the words a matching record is scored on, never
//! in the scan. `one_typo` could report the kind of typo itself and take this job too; the
//! ranking tests pin today's grades, so that would be a change of ranking to make on purpose,
//! not in passing.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;

use super::fold::{fold_char, is_nfc, lower_char, word_spans};

const EXACT: i64 = 100;
const PREFIX: i64 = 50;
const PREFIX_SHARE: usize = 19;
const CLOSE: i64 = 30;
const CLOSE_IN_PREFIX: i64 = 24;
const CLOSE_SKIM: i64 = 6;
const SAME_MARKS_EXACT: i64 = 30;
const SAME_MARKS_PREFIX: i64 = 15;
const TOP_FIELD: i64 = 10;
const PHRASE: i64 = 120;
const IN_ORDER: i64 = 30;
/// What a variant of a typed word (run-together words split, a doubled letter made single) costs,
/// on top of one exact word per extra piece: a record that has the word as typed ranks first.
const VARIANT: i64 = 10;
/// Typed words this long may be words run together ("hotich").
const MIN_GLUED: usize = 4;
/// ... and this long may be three words run together.
const MIN_GLUED_THREE: usize = 6;
/// Longer typed words are not split (the variants grow with the square of the length).
const MAX_GLUED: usize = 16;
/// Query parts this long may match with one typo.
const MIN_CLOSE: usize = 4;
/// Query parts this long may match the start of a word with one typo.
const MIN_CLOSE_IN_PREFIX: usize = 5;
/// The id field: it matches any query part that is a prefix of it.
const ID_FIELD: usize = 0;
/// Fields scored as the record's own name (id and title).
const TOP_FIELDS: usize = 2;

/// One searchable record: its fields folded once, when the record is loaded (never per query).
///
/// An index holds one per task, so it is kept small: the folded chars one byte each when they
/// are all ASCII (folded Vietnamese is), and the fields' own text once, as UTF-8, for the
/// exact-diacritics bonus (read only where a word has already matched).
#[derive(Debug, Clone)]
pub struct Haystack {
    /// Folded chars of every field, one field after another.
    folded: Folded,
    /// The fields' NFC text, one after another (char `i` of it folds to `folded[i]`).
    text: Box<str>,
    fields: Box<[FieldSpan]>,
    words: Box<[Word]>,
    /// Union of the words' char masks.
    mask: Mask,
}

/// Folded chars: bytes when every one is ASCII and every word fits a [`WordBuf`], else chars.
#[derive(Debug, Clone)]
enum Folded {
    Ascii(Box<[u8]>),
    Wide(Box<[char]>),
}

/// The longest word an ASCII haystack holds (a longer one makes it [`Folded::Wide`]).
const WORD_BUF: usize = 48;

/// Room for one word's folded chars, read out of an ASCII haystack.
type WordBuf = [char; WORD_BUF];

impl Folded {
    /// The folded chars of `range`, read into `buf` when they are kept as bytes. None when the
    /// range is out of bounds (or, kept as bytes, longer than a word can be).
    #[inline]
    fn get<'a>(
        &'a self,
        range: std::ops::Range<usize>,
        buf: &'a mut WordBuf,
    ) -> Option<&'a [char]> {
        match self {
            Folded::Wide(chars) => chars.get(range),
            Folded::Ascii(bytes) => {
                let bytes = bytes.get(range)?;
                let out = buf.get_mut(..bytes.len())?;
                for (slot, &b) in out.iter_mut().zip(bytes) {
                    *slot = char::from(b);
                }
                Some(out)
            }
        }
    }
}

/// Packed as the words are (an index holds one per field of every task).
#[derive(Debug, Clone, Copy)]
struct FieldSpan {
    /// Index in `folded` of the field's first char.
    offset: u32,
    /// Index in `text` of the field's first byte.
    text_offset: u32,
    /// The field's words: `words[first_word..end_word]`.
    first_word: u32,
    end_word: u32,
}

impl FieldSpan {
    fn offset(self) -> usize {
        self.offset as usize
    }
    fn text_offset(self) -> usize {
        self.text_offset as usize
    }
    fn first_word(self) -> usize {
        self.first_word as usize
    }
    fn end_word(self) -> usize {
        self.end_word as usize
    }
}

/// `n` as a packed index (beyond 4 G, which no record reaches, it saturates).
fn packed(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A word of a field, packed small: scoring scans these for every record.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The word's chars as bits (see [`char_mask`]).
    mask: Mask,
    /// Index in `folded` of the word's first char.
    start: u32,
    len: u16,
    field: u8,
    /// [`char_bit`] of the word's first char: every tier needs the first letter right.
    first: u8,
}

impl Word {
    fn start(self) -> usize {
        self.start as usize
    }

    fn len(self) -> usize {
        usize::from(self.len)
    }

    fn field(self) -> usize {
        usize::from(self.field)
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start()..self.start() + self.len()
    }
}

impl Haystack {
    /// `fields[i]` is the i-th field's text as stored (NFC). Field 0 is usually the id.
    ///
    /// Beyond any sane record (256 fields, 4 G chars, a 65,536-char word) the excess is not
    /// searchable.
    #[must_use]
    pub fn new(fields: &[&str]) -> Self {
        let chars: usize = fields.iter().map(|t| t.chars().count()).sum();
        let mut folded: Vec<char> = Vec::with_capacity(chars);
        let mut text = String::with_capacity(fields.iter().map(|t| t.len()).sum());
        let mut spans = Vec::with_capacity(fields.len());
        let mut words = Vec::with_capacity(chars / 4 + 1);
        let mut mask = 0;
        for (field, field_text) in fields.iter().enumerate() {
            let Ok(field) = u8::try_from(field) else {
                break;
            };
            let offset = folded.len();
            let text_offset = text.len();
            let normalized: String;
            let field_text: &str = if is_nfc(field_text) {
                field_text
            } else {
                normalized = field_text.nfc().collect();
                &normalized
            };
            text.push_str(field_text);
            folded.extend(field_text.chars().map(fold_char));
            let first_word = words.len();
            for (start, len) in word_spans(&folded[offset..]) {
                let start = offset + start;
                let (Ok(packed_start), Ok(packed_len)) = (u32::try_from(start), u16::try_from(len))
                else {
                    continue;
                };
                let chars = &folded[start..start + len];
                let word_mask = char_mask(chars);
                let first = chars.first().map_or(0, |&c| char_bit(c));
                mask |= word_mask;
                words.push(Word {
                    mask: word_mask,
                    start: packed_start,
                    len: packed_len,
                    field,
                    first,
                });
            }
            spans.push(FieldSpan {
                offset: packed(offset),
                text_offset: packed(text_offset),
                first_word: packed(first_word),
                end_word: packed(words.len()),
            });
        }
        let narrow = folded.iter().all(char::is_ascii) && words.iter().all(|w| w.len() <= WORD_BUF);
        let folded = if narrow {
            Folded::Ascii(
                folded
                    .iter()
                    .map(|&c| u8::try_from(c).unwrap_or(b'?'))
                    .collect(),
            )
        } else {
            Folded::Wide(folded.into_boxed_slice())
        };
        Self {
            folded,
            text: text.into_boxed_str(),
            fields: spans.into_boxed_slice(),
            words: words.into_boxed_slice(),
            mask,
        }
    }

    /// Whether the `typed` chars of the text from word `word` on, lowercased with their
    /// diacritics, are `lower` (the exact-diacritics bonus).
    fn same_marks(&self, word: Word, typed: usize, lower: &[char]) -> bool {
        let Some(span) = self.fields.get(word.field()) else {
            return false;
        };
        let Some(field_text) = self.text.get(span.text_offset()..) else {
            return false;
        };
        let mut chars = field_text
            .chars()
            .skip(word.start() - span.offset())
            .take(typed)
            .map(lower_char);
        lower.iter().all(|&c| chars.next() == Some(c)) && chars.next().is_none()
    }
}

/// Where a hit matched: per field, the char indices (into the NFC text of that field) to
/// highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Higher is better; 0 for every record when the query is empty.
    pub score: i64,
    /// `(field, sorted char indices)`, by field.
    pub positions: Vec<(usize, Vec<usize>)>,
}

impl Hit {
    fn empty() -> Self {
        Self {
            score: 0,
            positions: Vec::new(),
        }
    }
}

/// A parsed query, folded once per keystroke.
pub struct Query {
    terms: Vec<Term>,
    /// Terms in the order the AND test tries them: the most selective first.
    order: Vec<usize>,
    matcher: SkimMatcherV2,
}

/// A whitespace-separated query word; its parts must match consecutive words of one field.
struct Term {
    parts: Vec<Part>,
    /// The best score the term can get (exact everywhere, in a top field): a search for its
    /// best word stops there.
    max: i64,
    /// What people type in a hurry, tried where the term itself does not match: the word split
    /// into the words run together ("hotich" → "ho" "tich"), a doubled letter made single
    /// ("sso" → "so"). Their parts match exactly (or as the start of a word, for the word being
    /// typed), never with a typo.
    variants: Vec<Term>,
    /// Subtracted from a variant's score (0 for the term as typed).
    cost: i64,
    /// A variant's pieces: their lengths, and whether they cut the form with single letters.
    cut: Cut,
    /// The term's one part with runs of a letter made single, when that differs.
    single: Option<Vec<char>>,
}

impl Term {
    fn new(parts: Vec<Part>) -> Self {
        let exact = parts
            .iter()
            .map(|p| EXACT + if p.marked { SAME_MARKS_EXACT } else { 0 });
        let max = exact.sum::<i64>() + TOP_FIELD;
        Self {
            parts,
            max,
            variants: Vec::new(),
            cost: 0,
            cut: Cut::default(),
            single: None,
        }
    }

    /// The variants of a one-part term: split in two or three pieces of 2 chars or more, and
    /// with runs of a letter made single (and that form split too).
    fn with_variants(mut self, matcher: &SkimMatcherV2) -> Self {
        let [part] = self.parts.as_slice() else {
            return self;
        };
        let mut forms = vec![(part.folded.clone(), false)];
        let mut single = part.folded.clone();
        single.dedup();
        let mut variants: Vec<(Vec<Vec<char>>, bool)> = Vec::new();
        // "iii" is a numeral, not "i" typed thrice: a single letter is no word to look for.
        if single != part.folded && single.len() >= 2 {
            forms.push((single.clone(), true));
            variants.push((vec![single.clone()], true));
            self.single = Some(single);
        }
        for (form, single) in &forms {
            let n = form.len();
            if !(MIN_GLUED..=MAX_GLUED).contains(&n) {
                continue;
            }
            for a in 2..=n - 2 {
                variants.push((vec![form[..a].to_vec(), form[a..].to_vec()], *single));
                if n >= MIN_GLUED_THREE {
                    for b in a + 2..=n.saturating_sub(2) {
                        let pieces =
                            vec![form[..a].to_vec(), form[a..b].to_vec(), form[b..].to_vec()];
                        variants.push((pieces, *single));
                    }
                }
            }
        }
        self.variants = variants
            .into_iter()
            .map(|(pieces, single)| {
                let cut = Cut::of(pieces.iter().map(Vec::len), single);
                let extra = i64::try_from(pieces.len() - 1).unwrap_or(0);
                let parts = pieces
                    .iter()
                    .map(|piece| {
                        let mut p = Part::new(piece, piece, matcher);
                        p.strict = true;
                        p
                    })
                    .collect();
                let mut t = Term::new(parts);
                t.cost = EXACT * extra + VARIANT;
                t.cut = cut;
                t
            })
            .collect();
        self
    }

    /// Marks the last part as the word being typed (prefixes allowed), variants too.
    fn set_open(&mut self, open: bool) {
        if let Some(last) = self.parts.last_mut() {
            last.open = open;
        }
        for v in &mut self.variants {
            v.set_open(open);
        }
    }
}

struct Part {
    folded: Vec<char>,
    lower: Vec<char>,
    /// The folded text, for `SkimMatcherV2`.
    text: String,
    /// Skim's score of the part against itself: the best a word can do.
    self_score: i64,
    /// The part carries diacritics (or đ), so the exact-diacritics bonus applies.
    marked: bool,
    /// The part may match the start of a word in any field (it is still being typed).
    open: bool,
    /// A piece of a variant: matches exactly or as a prefix, never with a typo.
    strict: bool,
    mask: Mask,
    /// [`char_bit`] of the first and second chars (a typo may swap them).
    first: u8,
    second: u8,
}

#[derive(Debug, Clone, Copy)]
struct PartMatch {
    score: i64,
    /// How many chars of the word, from its start, to highlight.
    highlight: usize,
    /// Matched with a typo (the close tier).
    close: bool,
}

/// A match of `score`, highlighting `highlight` chars, with a typo or not.
fn found(score: i64, highlight: usize, close: bool) -> PartMatch {
    PartMatch {
        score,
        highlight,
        close,
    }
}

impl Query {
    /// Parses and folds `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.nfc().collect();
        let open = chars.last().is_some_and(|c| !c.is_whitespace());
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut terms: Vec<Term> = chars
            .split(|c| c.is_whitespace())
            .filter_map(|chunk| {
                let folded: Vec<char> = chunk.iter().copied().map(fold_char).collect();
                let parts: Vec<Part> = word_spans(&folded)
                    .map(|(start, len)| {
                        let range = start..start + len;
                        Part::new(&folded[range.clone()], &chunk[range], &matcher)
                    })
                    .collect();
                (!parts.is_empty()).then(|| Term::new(parts).with_variants(&matcher))
            })
            .collect();
        if let Some(last) = terms.last_mut() {
            last.set_open(open);
        }
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by_key(|&i| {
            let term = &terms[i];
            let chars: usize = term.parts.iter().map(|p| p.folded.len()).sum();
            (term.parts.iter().any(|p| p.open), std::cmp::Reverse(chars))
        });
        Self {
            terms,
            order,
            matcher,
        }
    }

    /// True when the query has no words: every record matches with score 0.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// None when the record does not really match, even with a typed word's variants (words
    /// run together split, a doubled letter made single) where the word itself does not match.
    pub fn score(&self, haystack: &Haystack) -> Option<Hit> {
        self.score_with(haystack, true)
    }

    /// None when the record does not match the words as typed (no variants): the first pass of
    /// a search, as fast as a search without variants.
    pub fn score_as_typed(&self, haystack: &Haystack) -> Option<Hit> {
        self.score_with(haystack, false)
    }

    /// True when some typed word has variants: a search that finds nothing as typed should
    /// try again with [`Self::score`].
    pub fn forgives(&self) -> bool {
        self.terms.iter().any(|t| !t.variants.is_empty())
    }

    fn score_with(&self, haystack: &Haystack, variants: bool) -> Option<Hit> {
        if self.terms.is_empty() {
            return Some(Hit::empty());
        }
        self.matches_all(haystack, variants)
            .then(|| self.rank(haystack, variants))
    }

    /// The AND test: every term matches somewhere. Allocation-free, stops at the first miss.
    fn matches_all(&self, hay: &Haystack, variants: bool) -> bool {
        let plausible = self
            .terms
            .iter()
            .flat_map(|t| &t.parts)
            .all(|part| (part.mask & !hay.mask).count_ones() <= u32::from(part.may_be_close()));
        plausible
            && self
                .order
                .iter()
                .all(|&t| term_anywhere(&self.terms[t], hay, variants))
    }

    /// Scores a record that passed [`Self::matches_all`] and collects its highlights.
    fn rank(&self, hay: &Haystack, variants: bool) -> Hit {
        let mut hit = Hit::empty();
        let pairs = i64::try_from(self.terms.len() - 1).unwrap_or(0);
        // A term's variants count only in a record where it does not match as typed.
        let variants: Vec<bool> = self
            .terms
            .iter()
            .map(|t| variants && !t.variants.is_empty() && !term_as_typed_anywhere(t, hay))
            .collect();
        if let Some((score, start, matched)) = self.best_phrase(hay, &variants) {
            hit.score = score + PHRASE * pairs;
            let mut w = start;
            for term in matched {
                self.take(term, hay, w, &mut hit);
                w += term.parts.len();
            }
        } else {
            for (term, &variants) in self.terms.iter().zip(&variants) {
                let mut best: Option<(i64, usize, &Term)> = None;
                for w in 0..hay.words.len() {
                    let found = term_at_any(term, hay, w, variants);
                    if let Some((score, matched)) =
                        found.filter(|&(s, _)| best.is_none_or(|(b, _, _)| s > b))
                    {
                        best = Some((score, w, matched));
                        if score >= term.max {
                            break;
                        }
                    }
                }
                if let Some((score, w, matched)) = best {
                    hit.score += score;
                    self.take(matched, hay, w, &mut hit);
                }
            }
            if pairs > 0 && self.in_order(hay, &variants) {
                hit.score += IN_ORDER * pairs;
            }
        }
        for (_, indices) in &mut hit.positions {
            indices.sort_unstable();
            indices.dedup();
        }
        hit.positions.sort_by_key(|(field, _)| *field);
        hit
    }

    /// The best-scoring place where all terms (two or more) follow each other in one field:
    /// `(sum of the term scores, first word, the form of each term that matched)`.
    fn best_phrase(&self, hay: &Haystack, variants: &[bool]) -> Option<(i64, usize, Vec<&Term>)> {
        if self.terms.len() < 2 {
            return None;
        }
        let mut best: Option<(i64, usize, Vec<&Term>)> = None;
        let mut matched: Vec<&Term> = Vec::with_capacity(self.terms.len());
        for start in 0..hay.words.len() {
            let field = hay.words[start].field;
            let mut w = start;
            let mut total = 0;
            matched.clear();
            let complete = self.terms.iter().zip(variants).all(|(term, &variants)| {
                let found = hay
                    .words
                    .get(w)
                    .filter(|word| word.field == field)
                    .and_then(|_| term_at_any(term, hay, w, variants));
                found
                    .inspect(|&(s, form)| {
                        total += s;
                        w += form.parts.len();
                        matched.push(form);
                    })
                    .is_some()
            });
            if complete && best.as_ref().is_none_or(|(b, _, _)| total > *b) {
                best = Some((total, start, matched.clone()));
            }
        }
        best
    }

    /// Whether all terms occur in order (not necessarily adjacent) within one field.
    fn in_order(&self, hay: &Haystack, variants: &[bool]) -> bool {
        hay.fields.iter().any(|span| {
            let mut next = 0;
            let mut w = span.first_word();
            while w < span.end_word() && next < self.terms.len() {
                let term = &self.terms[next];
                let found = term_at_any(term, hay, w, variants[next])
                    .filter(|(_, form)| w + form.parts.len() <= span.end_word());
                if let Some((_, form)) = found {
                    w += form.parts.len();
                    next += 1;
                } else {
                    w += 1;
                }
            }
            next == self.terms.len()
        })
    }

    /// Takes `term` matched at word `w` into `hit`: its highlights, and skim's grade of its
    /// close matches (graded here, for the chosen words only, to keep skim off the scan).
    fn take(&self, term: &Term, hay: &Haystack, w: usize, hit: &mut Hit) {
        let Some(words) = hay.words.get(w..w + term.parts.len()) else {
            return;
        };
        for (part, &word) in term.parts.iter().zip(words) {
            let Some(matched) = match_part(part, hay, word) else {
                continue;
            };
            if matched.close {
                hit.score += self.skim_grade(part, hay, word);
            }
            let Some(span) = hay.fields.get(word.field()) else {
                continue;
            };
            let start = word.start() - span.offset();
            let chars = start..start + matched.highlight.min(word.len());
            match hit.positions.iter_mut().find(|(f, _)| *f == word.field()) {
                Some((_, indices)) => indices.extend(chars),
                None => hit.positions.push((word.field(), chars.collect())),
            }
        }
    }

    /// 0..=`CLOSE_SKIM`: how well skim rates the typo'd word against the query part (a missing
    /// or extra letter rates well, a wrong letter not at all), relative to a perfect match.
    fn skim_grade(&self, part: &Part, hay: &Haystack, word: Word) -> i64 {
        let mut chars = [' '; WORD_BUF];
        let mut buf = [0_u8; 64];
        let Some(text) = hay
            .folded
            .get(word.range(), &mut chars)
            .and_then(|w| encode(w, &mut buf))
        else {
            return 0;
        };
        let score = self
            .matcher
            .fuzzy_match(text, &part.text)
            .or_else(|| self.matcher.fuzzy_match(&part.text, text));
        match score {
            Some(score) if part.self_score > 0 => {
                (score * CLOSE_SKIM / part.self_score).clamp(0, CLOSE_SKIM)
            }
            _ => 0,
        }
    }
}

impl Part {
    fn new(folded: &[char], original: &[char], matcher: &SkimMatcherV2) -> Self {
        let lower: Vec<char> = original.iter().copied().map(lower_char).collect();
        let text: String = folded.iter().collect();
        Self {
            marked: lower != folded,
            self_score: matcher.fuzzy_match(&text, &text).unwrap_or(0),
            text,
            folded: folded.to_vec(),
            lower,
            open: false,
            strict: false,
            mask: char_mask(folded),
            first: folded.first().map_or(0, |&c| char_bit(c)),
            second: folded.get(1).map_or(0, |&c| char_bit(c)),
        }
    }

    /// The cheap test before [`match_part`]: the word has all the part's chars, or all but
    /// one if the part is long enough for a typo.
    #[inline]
    fn may_match(&self, word: Word) -> bool {
        let missing = self.mask & !word.mask;
        let close = self.may_be_close();
        (word.first == self.first || (close && word.first == self.second))
            && (missing == 0 || (close && missing.is_power_of_two()))
    }

    /// Long enough to match with a typo.
    fn may_be_close(&self) -> bool {
        !self.strict && self.folded.len() >= MIN_CLOSE
    }
}

/// Whether `term`, as typed or in one of its variants, matches anywhere in `hay`.
fn term_anywhere(term: &Term, hay: &Haystack, variants: bool) -> bool {
    term_as_typed_anywhere(term, hay)
        || (variants
            && !term.variants.is_empty()
            // The pieces match exactly: the record has every letter typed.
            && term.parts.iter().all(|p| p.mask & !hay.mask == 0)
            && (0..hay.words.len()).any(|w| variant_at(term, hay, w).is_some()))
}

/// `term` matched at word `w` as typed, else its best variant there: `(score, the form matched)`.
/// With `variants` false only the term as typed is tried.
fn term_at_any<'t>(
    term: &'t Term,
    hay: &Haystack,
    w: usize,
    variants: bool,
) -> Option<(i64, &'t Term)> {
    if let Some(score) = term_at(term, hay, w) {
        return Some((score, term));
    }
    if variants {
        variant_at(term, hay, w)
    } else {
        None
    }
}

/// The best variant of `term` at word `w`. The words from `w` on say which cut of the typed
/// word can match there (each word but the last a whole piece), so at most three variants are
/// scored, not every cut.
fn variant_at<'t>(term: &'t Term, hay: &Haystack, w: usize) -> Option<(i64, &'t Term)> {
    let [part] = term.parts.as_slice() else {
        return None;
    };
    // Every cut starts with the typed word's first letter (a doubled one included).
    if hay.words.get(w)?.first != part.first {
        return None;
    }
    let as_typed = glued_cut(&part.folded, part.open, hay, w, false);
    let (single, single_cut) = match &term.single {
        Some(single) => (
            Some(Cut::of([single.len()], true)),
            glued_cut(single, part.open, hay, w, true),
        ),
        None => (None, None),
    };
    if as_typed.is_none() && single.is_none() {
        return None;
    }
    term.variants
        .iter()
        .filter(|v| [as_typed, single, single_cut].contains(&Some(v.cut)))
        .filter_map(|v| term_at(v, hay, w).map(|s| (s - v.cost, v)))
        .max_by_key(|(s, _)| *s)
}

/// The lengths of a variant's pieces (at most [`MAX_PIECES`]), and whether they cut the typed
/// word with single letters. Compared in the scan, so it is small and allocates nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cut {
    lens: [u8; MAX_PIECES],
    single: bool,
}

/// The most pieces a typed word is cut into.
const MAX_PIECES: usize = 3;

impl Cut {
    fn of(lens: impl IntoIterator<Item = usize>, single: bool) -> Self {
        let mut cut = Cut {
            lens: [0; MAX_PIECES],
            single,
        };
        for (slot, len) in cut.lens.iter_mut().zip(lens) {
            *slot = u8::try_from(len).unwrap_or(u8::MAX);
        }
        cut
    }
}

/// How `typed` is cut into the words from `w` on, run together: two or three pieces, every
/// piece a whole word but the last, which may be the start of one when `open`.
fn glued_cut(typed: &[char], open: bool, hay: &Haystack, w: usize, single: bool) -> Option<Cut> {
    let field = hay.words.get(w)?.field;
    let mut rest = typed;
    let mut cut = Cut {
        lens: [0; MAX_PIECES],
        single,
    };
    let mut buf = [' '; WORD_BUF];
    for (n, word) in hay.words.get(w..)?.iter().enumerate() {
        if word.field != field || n >= MAX_PIECES {
            return None;
        }
        let text = hay.folded.get(word.range(), &mut buf)?;
        let len = u8::try_from(text.len().min(rest.len())).ok()?;
        if rest.len() > text.len() && rest.starts_with(text) {
            cut.lens[n] = len;
            rest = &rest[text.len()..];
            continue;
        }
        let last = rest == text || (open && text.starts_with(rest));
        if last && n > 0 {
            cut.lens[n] = len;
            return Some(cut);
        }
        return None;
    }
    None
}

/// Whether `term` matches anywhere in `hay`: the hot loop of a search.
fn term_as_typed_anywhere(term: &Term, hay: &Haystack) -> bool {
    match term.parts.as_slice() {
        [part] => hay
            .words
            .iter()
            .any(|&word| part.may_match(word) && match_part(part, hay, word).is_some()),
        _ => (0..hay.words.len()).any(|w| term_at(term, hay, w).is_some()),
    }
}

/// The score of `term` matched at word `w` (its parts at `w`, `w + 1`, ... in one field).
#[inline]
fn term_at(term: &Term, hay: &Haystack, w: usize) -> Option<i64> {
    let (first, rest) = term.parts.split_first()?;
    let head = *hay.words.get(w)?;
    if !first.may_match(head) {
        return None;
    }
    let mut score = match_part(first, hay, head)?.score;
    if !rest.is_empty() {
        let tail = hay.words.get(w + 1..w + term.parts.len())?;
        for (part, &word) in rest.iter().zip(tail) {
            if word.field != head.field {
                return None;
            }
            score += match_part(part, hay, word)?.score;
        }
    }
    let top = head.field() < TOP_FIELDS;
    Some(score + if top { TOP_FIELD } else { 0 })
}

/// Scores one query part against one text word, or None if they do not match.
#[inline]
fn match_part(part: &Part, hay: &Haystack, word: Word) -> Option<PartMatch> {
    if !part.may_match(word) {
        return None;
    }
    let missing = part.mask & !word.mask;
    let mut buf = [' '; WORD_BUF];
    let text = hay.folded.get(word.range(), &mut buf)?;
    let query = part.folded.as_slice();
    let may_prefix = part.open || word.field() == ID_FIELD;
    let starts = text.len() >= query.len() && text.iter().zip(query).all(|(t, q)| t == q);
    if missing == 0 && starts {
        let typed = query.len();
        let same_marks = part.marked && hay.same_marks(word, typed, &part.lower);
        if typed == text.len() {
            let bonus = if same_marks { SAME_MARKS_EXACT } else { 0 };
            return Some(found(EXACT + bonus, typed, false));
        }
        if may_prefix {
            let share = i64::try_from(PREFIX_SHARE * typed / text.len()).unwrap_or(0);
            let bonus = if same_marks { SAME_MARKS_PREFIX } else { 0 };
            return Some(found(PREFIX + share + bonus, typed, false));
        }
    }
    if part.strict {
        return None;
    }
    close_match(query, text, may_prefix)
}

/// The close tier: one typo, but never in the first letter unless the first two letters are
/// swapped (in Vietnamese an initial change — t/d, ch/tr — is another word, not a typo).
fn close_match(query: &[char], text: &[char], may_prefix: bool) -> Option<PartMatch> {
    if !may_be_close(query) || !may_be_close(text) {
        return None;
    }
    let swapped = query
        .get(..2)
        .zip(text.get(..2))
        .is_some_and(|(q, t)| q[0] == t[1] && q[1] == t[0]);
    if query.first() != text.first() && !swapped {
        return None;
    }
    if text.len().abs_diff(query.len()) <= 1 && one_typo(query, text) {
        return Some(found(CLOSE, text.len(), true));
    }
    if may_prefix && query.len() >= MIN_CLOSE_IN_PREFIX {
        let mut lens = query.len() - 1..=query.len() + 1;
        if lens.any(|len| len < text.len() && one_typo(query, &text[..len])) {
            return Some(found(CLOSE_IN_PREFIX, text.len(), true));
        }
    }
    None
}

fn may_be_close(word: &[char]) -> bool {
    word.len() >= MIN_CLOSE
}

/// Whether `a` and `b` differ by at most one substitution, transposition of neighbours,
/// insertion or deletion (optimal string alignment distance <= 1). Linear time.
pub(super) fn one_typo(a: &[char], b: &[char]) -> bool {
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return a.len().abs_diff(b.len()) <= 1;
    };
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a[i + 1..] == b[i + 1..]
                || (i + 1 < a.len()
                    && a[i] == b[i + 1]
                    && a[i + 1] == b[i]
                    && a[i + 2..] == b[i + 2..])
        }
        std::cmp::Ordering::Greater => a.len() == b.len() + 1 && a[i + 1..] == b[i..],
        std::cmp::Ordering::Less => b.len() == a.len() + 1 && a[i..] == b[i + 1..],
    }
}

/// Scores every haystack; returns (index, hit) for the matches, best score first, ties by
/// index. The words as typed first; only if they match nothing, their variants too ("hotich",
/// "sso"): a search that finds something as typed pays nothing for the variants.
pub fn search(query: &Query, haystacks: &[Haystack]) -> Vec<(usize, Hit)> {
    let scan = |forgiving: bool| -> Vec<(usize, Hit)> {
        haystacks
            .iter()
            .enumerate()
            .filter_map(|(i, hay)| Some((i, query.score_with(hay, forgiving)?)))
            .collect()
    };
    let mut hits = scan(false);
    if hits.is_empty() && query.forgives() {
        hits = scan(true);
    }
    hits.sort_unstable_by(|(a, hit_a), (b, hit_b)| hit_b.score.cmp(&hit_a.score).then(a.cmp(b)));
    hits
}

/// A set of chars as bits: 32 of them, so that a [`Word`] packs into 12 bytes (an index holds
/// tens of words per task).
type Mask = u32;

/// The set of the chars in `chars`: one bit per ASCII letter, the digits hashed into 4 bits and
/// every other char into 2. A word can only contain a query part if it has all its bits (chars
/// that share a bit only make the test let more words through to the comparison).
fn char_mask(chars: &[char]) -> Mask {
    chars.iter().fold(0, |mask, &c| mask | 1 << char_bit(c))
}

/// The bit of `c` in a [`char_mask`]: 0..32.
fn char_bit(c: char) -> u8 {
    let bit = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + (u32::from(c) - u32::from('0')) % 4,
        _ => 30 + u32::from(c) % 2,
    };
    u8::try_from(bit).unwrap_or(31)
}

/// UTF-8 of `chars` in `buf`, or None if it does not fit.
fn encode<'a>(chars: &[char], buf: &'a mut [u8; 64]) -> Option<&'a str> {
    let mut len = 0;
    for c in chars {
        let end = len + c.len_utf8();
        c.encode_utf8(buf.get_mut(len..end)?);
        len = end;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
