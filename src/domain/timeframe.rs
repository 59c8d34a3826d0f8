//! Timeframes as written in a plan ("Quý I- II/2025", "Thường xuyên", ...) and the deadline they mean.
//!
//! A plan's "Thời gian thực hiện" cell is free Vietnamese text. [`read_timeframe`] reads the
//! common shapes into a [`TimeframeReading`]:
//!
//! - quarters, Roman or Arabic, alone or as a range: "Quý I/2025", "Quý 2 năm 2025",
//!   "Quý I- II/2025", "Quý II đến Quý IV/2025", "Quý III/2025 - Quý I/2026";
//! - years and year ranges: "Năm 2025", "2025", "Năm 2024 - 2027", "Giai đoạn 2021-2025";
//! - months: "Tháng 6/2025", "Tháng 6 năm 2025", "Tháng 3-5/2025", "Trong tháng 5/2025";
//! - halves: "6 tháng đầu năm 2025", "6 tháng cuối năm", "Nửa đầu năm 2025";
//! - dates, always day first: "Trước 30/6/2025", "Trước ngày 15 tháng 7 năm 2025",
//!   "Chậm nhất 30/9/2025", "Hoàn thành trước 31/12/2025", "30.6.2025";
//! - the end of a period: "Cuối năm 2025", "Đến hết Quý II/2025" (a deadline with no start);
//! - recurring or schedule-driven work, which has no deadline: "Thường xuyên", "Hằng năm",
//!   "Theo Kế hoạch ...", "Theo tiến độ ...", "Liên tục", "Định kỳ".
//!
//! Everything else is [`TimeframeReading::Unreadable`]: kept as written, and the caller warns.
//! The text is normalised first (NFC, lower case, one kind of dash, trailing punctuation dropped),
//! then split into words, numbers and separators, and read by a small hand-written parser.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

/// What a timeframe text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeframeReading {
    /// A period ending on `end` (the deadline: the last day of the period). `start` is the first
    /// day when the text names one (a quarter, a year, a range), `None` for "Trước 30/6/2025".
    Period {
        /// First day of the period, when the text names one.
        start: Option<NaiveDate>,
        /// Last day of the period: the deadline.
        end: NaiveDate,
    },
    /// Recurring or schedule-driven work with no deadline: "Thường xuyên", "Hằng năm", "Hàng năm",
    /// "Theo Kế hoạch ...", "Theo tiến độ ...", "Liên tục".
    NoDeadline,
    /// Text that could not be read: kept as written, no deadline, and the caller warns.
    Unreadable,
}

impl TimeframeReading {
    /// The deadline, if the text gives one.
    #[must_use]
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            TimeframeReading::Period { end, .. } => Some(*end),
            TimeframeReading::NoDeadline | TimeframeReading::Unreadable => None,
        }
    }
}

/// Reads a timeframe. `plan_year` fills in a year the text leaves out ("Quý II", "6 tháng đầu năm").
#[must_use]
pub fn read_timeframe(text: &str, plan_year: Option<i32>) -> TimeframeReading {
    let tokens = tokenize(&normalize(text));
    if tokens.is_empty() {
        return TimeframeReading::Unreadable;
    }
    if is_no_deadline(&tokens) {
        return TimeframeReading::NoDeadline;
    }
    let mut cur = Cursor {
        toks: &tokens,
        pos: 0,
    };
    match read_period(&mut cur, plan_year) {
        Some((start, end)) if cur.at_end() => TimeframeReading::Period { start, end },
        _ => TimeframeReading::Unreadable,
    }
}

/// The calendar quarter (1-4) of a date.
#[must_use]
pub fn quarter_of(date: NaiveDate) -> u32 {
    date.month0() / 3 + 1
}

/// Last day of a quarter.
#[must_use]
pub fn quarter_end(year: i32, quarter: u32) -> Option<NaiveDate> {
    if (1..=4).contains(&quarter) {
        month_end(year, quarter * 3)
    } else {
        None
    }
}

/// Last day of a month.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    if month == 12 {
        NaiveDate::from_ymd_opt(year, 12, 31)
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?.pred_opt()
    }
}

// ---------------------------------------------------------------------------------------------
// Normalising and splitting

/// Years outside this range are taken for typing errors.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// NFC, then lower case.
fn normalize(text: &str) -> String {
    text.nfc().flat_map(char::to_lowercase).collect()
}

/// A piece of normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A run of letters.
    Word(String),
    /// A run of ASCII digits; saturates at `u64::MAX`.
    Num(u64),
    /// A separator that can sit inside a date or a range: `/`, `-` (any dash) or `.`.
    Sep(char),
    /// Any other symbol.
    Punct(char),
}

/// Splits normalised text into tokens; white space only separates.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut n: u64 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            toks.push(Tok::Num(n));
        } else if is_word_char(c) {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|&&c| is_word_char(c)) {
                word.push(c);
                chars.next();
            }
            toks.push(Tok::Word(word));
        } else {
            chars.next();
            toks.push(symbol(c));
        }
    }
    trim_punctuation(toks)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// Maps a symbol to a token, unifying the dashes and slashes.
fn symbol(c: char) -> Tok {
    match c {
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => {
            Tok::Sep('-')
        }
        '/' | '\u{2044}' | '\u{2215}' | '\u{ff0f}' => Tok::Sep('/'),
        '.' => Tok::Sep('.'),
        c => Tok::Punct(c),
    }
}

/// Drops trailing ". ; , :" and leading list bullets ("- ", "• ").
fn trim_punctuation(mut toks: Vec<Tok>) -> Vec<Tok> {
    while matches!(
        toks.last(),
        Some(Tok::Sep('.') | Tok::Punct(';' | ',' | ':' | '…'))
    ) {
        toks.pop();
    }
    let lead = toks
        .iter()
        .take_while(|t| matches!(t, Tok::Sep('-') | Tok::Punct('•' | '+' | '*')))
        .count();
    toks.split_off(lead)
}

// ---------------------------------------------------------------------------------------------
// Texts without a deadline

/// Phrases that open a timeframe with no deadline.
const NO_DEADLINE: &[&[&str]] = &[
    &["thường", "xuyên"],
    &["liên", "tục"],
    &["định", "kỳ"],
    &["định", "kì"],
    &["theo", "kế", "hoạch"],
    &["theo", "tiến", "độ"],
    &["theo", "lộ", "trình"],
];

/// "Thường xuyên", "Theo Kế hoạch ...", "Hằng năm", "Hàng quý", ...
fn is_no_deadline(toks: &[Tok]) -> bool {
    let starts_with = |phrase: &[&str]| {
        phrase.len() <= toks.len()
            && phrase
                .iter()
                .zip(toks)
                .all(|(w, t)| matches!(t, Tok::Word(x) if x == w))
    };
    let every = |first: &str| {
        ["năm", "quý", "quí", "tháng", "tuần", "ngày"]
            .iter()
            .any(|unit| starts_with(&[first, unit]))
    };
    NO_DEADLINE.iter().any(|p| starts_with(p)) || every("hằng") || every("hàng")
}

// ---------------------------------------------------------------------------------------------
// The parser

/// A position in the token list.
struct Cursor<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn peek(&self) -> Option<&'a Tok> {
        self.toks.get(self.pos)
    }

    fn bump(&mut self) -> Option<&'a Tok> {
        let tok = self.peek();
        if tok.is_some() {
            self.pos += 1;
        }
        tok
    }

    /// Consumes the words in order, or nothing.
    fn eat_words(&mut self, words: &[&str]) -> bool {
        let matched = words
            .iter()
            .enumerate()
            .all(|(i, w)| matches!(self.toks.get(self.pos + i), Some(Tok::Word(x)) if x == w));
        if matched {
            self.pos += words.len();
        }
        matched
    }

    fn eat_word(&mut self, word: &str) -> bool {
        self.eat_words(&[word])
    }

    fn eat_sep(&mut self, sep: char) -> bool {
        let matched = self.peek() == Some(&Tok::Sep(sep));
        if matched {
            self.pos += 1;
        }
        matched
    }

    /// Runs `read`; if it fails, rewinds to where it started.
    fn attempt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.pos;
        let result = read(self);
        if result.is_none() {
            self.pos = saved;
        }
        result
    }

    /// A number within `range`.
    fn number(&mut self, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
        self.attempt(|c| match c.bump()? {
            Tok::Num(n) => u32::try_from(*n).ok().filter(|n| range.contains(n)),
            _ => None,
        })
    }

    /// A plausible year.
    fn year(&mut self) -> Option<i32> {
        self.attempt(|c| match c.bump()? {
            Tok::Num(n) => i32::try_from(*n).ok().filter(|y| YEARS.contains(y)),
            _ => None,
        })
    }
}

/// What a point in time was written as; a bare number after a range dash takes the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Quarter,
    Month,
    Year,
    Half,
    Date,
}

/// The part of a year a point covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    /// Whole months `first..=last`.
    Months { first: u32, last: u32 },
    /// One day.
    Day { month: u32, day: u32 },
}

/// A quarter, month, year, half or date; the year may still be missing.
#[derive(Debug, Clone, Copy)]
struct Point {
    kind: Kind,
    span: Span,
    year: Option<i32>,
}

impl Point {
    /// Quarter `q` (1-4).
    fn quarter(q: u32, year: Option<i32>) -> Self {
        Point::months(Kind::Quarter, q * 3 - 2, q * 3, year)
    }

    fn months(kind: Kind, first: u32, last: u32, year: Option<i32>) -> Self {
        Point {
            kind,
            span: Span::Months { first, last },
            year,
        }
    }

    /// First and last day, taking the year from the text, else `inherited` (the other end of a
    /// range), else the plan's year.
    fn resolve(
        &self,
        inherited: Option<i32>,
        plan_year: Option<i32>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let year = self
            .year
            .or(inherited)
            .or(plan_year)
            .filter(|y| YEARS.contains(y))?;
        match self.span {
            Span::Months { first, last } => Some((
                NaiveDate::from_ymd_opt(year, first, 1)?,
                month_end(year, last)?,
            )),
            Span::Day { month, day } => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some((date, date))
            }
        }
    }
}

/// The whole text as `(start, end)`; the caller checks nothing is left over.
fn read_period(cur: &mut Cursor, plan_year: Option<i32>) -> Option<(Option<NaiveDate>, NaiveDate)> {
    cur.eat_words(&["hoàn", "thành"]);
    if cur.eat_word("trước") || cur.eat_words(&["chậm", "nhất"]) || cur.eat_words(&["muộn", "nhất"])
    {
        // "Trước Quý III" or "Trước tháng 6" could mean either side of the period: only dates.
        let (_, end) = date(cur)?.resolve(None, plan_year)?;
        return Some((None, end));
    }
    if cur.eat_word("cuối") || cur.eat_words(&["đến", "hết"]) || cur.eat_word("đến") {
        let (_, end) = point(cur)?.resolve(None, plan_year)?;
        return Some((None, end));
    }
    cur.eat_word("trong");
    let _ = cur.eat_words(&["giai", "đoạn"]) || cur.eat_word("từ");
    range(cur, plan_year)
}

/// One point, or two joined by a dash, "đến" or "tới".
fn range(cur: &mut Cursor, plan_year: Option<i32>) -> Option<(Option<NaiveDate>, NaiveDate)> {
    let first = point(cur)?;
    if cur.at_end() {
        let (start, end) = first.resolve(None, plan_year)?;
        let start = (first.kind != Kind::Date).then_some(start);
        return Some((start, end));
    }
    if !(cur.eat_sep('-') || cur.eat_word("đến") || cur.eat_word("tới")) {
        return None;
    }
    cur.eat_word("hết");
    let last = range_end(cur, first.kind)?;
    let (start, _) = first.resolve(last.year, plan_year)?;
    let (_, end) = last.resolve(first.year, plan_year)?;
    (start <= end).then_some((Some(start), end))
}

/// The right end of a range: a bare numeral keeps the kind of the left end ("Quý I- II/2025",
/// "Tháng 3-5/2025"); otherwise any point.
fn range_end(cur: &mut Cursor, kind: Kind) -> Option<Point> {
    let bare = match kind {
        Kind::Quarter => cur.attempt(|c| {
            let q = quarter_numeral(c)?;
            Some(Point::quarter(q, optional_year(c)))
        }),
        Kind::Month => cur.attempt(|c| {
            let m = c.number(1..=12)?;
            Some(Point::months(Kind::Month, m, m, optional_year(c)))
        }),
        Kind::Year | Kind::Half | Kind::Date => None,
    };
    bare.or_else(|| point(cur))
}

/// A quarter, month, year, half or date.
fn point(cur: &mut Cursor) -> Option<Point> {
    cur.attempt(quarter)
        .or_else(|| cur.attempt(month))
        .or_else(|| cur.attempt(year))
        .or_else(|| cur.attempt(half))
        .or_else(|| cur.attempt(date))
        .or_else(|| cur.attempt(bare_month))
}

/// "quý II/2025", "quý 2 năm 2025", "quý ii - 2025", "quý iii".
fn quarter(cur: &mut Cursor) -> Option<Point> {
    if !(cur.eat_word("quý") || cur.eat_word("quí")) {
        return None;
    }
    let q = quarter_numeral(cur)?;
    Some(Point::quarter(q, optional_year(cur)))
}

/// I to IV, or 1 to 4.
fn quarter_numeral(cur: &mut Cursor) -> Option<u32> {
    cur.attempt(|c| match c.bump()? {
        Tok::Word(w) => match w.as_str() {
            "i" | "ⅰ" => Some(1),
            "ii" | "ⅱ" => Some(2),
            "iii" | "ⅲ" => Some(3),
            "iv" | "ⅳ" => Some(4),
            _ => None,
        },
        Tok::Num(n) => u32::try_from(*n).ok().filter(|q| (1..=4).contains(q)),
        _ => None,
    })
}

/// "tháng 6/2025", "tháng 06 năm 2025", "tháng 6".
fn month(cur: &mut Cursor) -> Option<Point> {
    if !cur.eat_word("tháng") {
        return None;
    }
    let m = cur.number(1..=12)?;
    Some(Point::months(Kind::Month, m, m, optional_year(cur)))
}

/// "6/2025" with no "tháng".
fn bare_month(cur: &mut Cursor) -> Option<Point> {
    let m = cur.number(1..=12)?;
    if !cur.eat_sep('/') {
        return None;
    }
    Some(Point::months(Kind::Month, m, m, Some(cur.year()?)))
}

/// "năm 2025", "2025", and "năm" alone (the plan's year).
fn year(cur: &mut Cursor) -> Option<Point> {
    let year = if cur.eat_word("năm") {
        cur.year()
    } else {
        Some(cur.year()?)
    };
    Some(Point::months(Kind::Year, 1, 12, year))
}

/// "6 tháng đầu năm 2025", "6 tháng cuối năm", "nửa đầu năm 2025" (also 3 or 9 months).
fn half(cur: &mut Cursor) -> Option<Point> {
    let months = if cur.eat_word("nửa") {
        6
    } else {
        let n = cur.number(1..=12)?;
        cur.eat_word("tháng").then_some(n)?
    };
    let (first, last) = if cur.eat_word("đầu") {
        (1, months)
    } else if cur.eat_word("cuối") {
        (13 - months, 12)
    } else {
        return None;
    };
    if !cur.eat_word("năm") {
        return None;
    }
    Some(Point::months(Kind::Half, first, last, optional_year(cur)))
}

/// A date, day first: "30/6/2025", "30-06-2025", "30.6.2025", "30/6" (the plan's year),
/// "ngày 15 tháng 7 năm 2025".
fn date(cur: &mut Cursor) -> Option<Point> {
    cur.eat_word("ngày");
    let day = cur.number(1..=31)?;
    let (month, year) = cur
        .attempt(numeric_month_year)
        .or_else(|| cur.attempt(worded_month_year))?;
    Some(Point {
        kind: Kind::Date,
        span: Span::Day { month, day },
        year,
    })
}

/// "/6/2025", "-06-2025", ".6.2025", or "/6" without a year.
fn numeric_month_year(cur: &mut Cursor) -> Option<(u32, Option<i32>)> {
    let sep = match cur.bump()? {
        Tok::Sep(sep) => *sep,
        _ => return None,
    };
    let month = cur.number(1..=12)?;
    if cur.eat_sep(sep) {
        Some((month, Some(cur.year()?)))
    } else {
        (sep == '/').then_some((month, None))
    }
}

/// "tháng 7 năm 2025", "tháng 7/2025", "tháng 7".
fn worded_month_year(cur: &mut Cursor) -> Option<(u32, Option<i32>)> {
    if !cur.eat_word("tháng") {
        return None;
    }
    let month = cur.number(1..=12)?;
    Some((month, optional_year(cur)))
}

/// A year after a quarter or month: "/2025", "- 2025", "năm 2025", " 2025", or none.
fn optional_year(cur: &mut Cursor) -> Option<i32> {
    cur.attempt(|c| {
        if !(c.eat_sep('/') || c.eat_sep('-')) {
            c.eat_word("năm");
        }
        c.year()
    })
}

#[cfg(test)]
#[path = "timeframe_tests.rs"]
mod tests;
