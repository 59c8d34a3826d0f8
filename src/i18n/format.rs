//! Numbers and dates written the Vietnamese way: "9.831", "82,9%", "31/03/2025", "Quý II/2025".

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::domain::timeframe::quarter_of;
use crate::domain::{Task, Timeliness};

/// A count with thousands separators: "9.831" (vi), "9,831" (en).
pub fn count(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A percentage with one decimal where needed: "82,9%", "100%" (vi); "82.9%" (en).
pub fn percent(lang: Lang, value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = if (rounded - rounded.trunc()).abs() < f64::EPSILON {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    match lang {
        Lang::Vi => format!("{}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}

/// A percentage as the source gives it, up to two decimals, no trailing zeros: "78,28%", "58%".
pub fn percent_exact(lang: Lang, value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::Vi => format!("{}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}

/// The share `part / whole` as a percentage ("0%" when `whole` is 0).
pub fn share(lang: Lang, part: usize, whole: usize) -> String {
    #[allow(clippy::cast_precision_loss)]
    let value = if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    };
    percent(lang, value)
}

/// A date as dd/mm/yyyy.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The quarter of a date: "Quý II/2025" (vi), "Q2 2025" (en).
pub fn quarter(lang: Lang, d: NaiveDate) -> String {
    quarter_label(lang, d.year(), quarter_of(d))
}

/// A quarter label: "Quý II/2025" (vi), "Q2 2025" (en).
pub fn quarter_label(lang: Lang, year: i32, q: u32) -> String {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    let idx = usize::try_from(q.clamp(1, 4) - 1).unwrap_or(0);
    match lang {
        Lang::Vi => format!("Quý {}/{year}", ROMAN[idx]),
        Lang::En => format!("Q{q} {year}"),
    }
}

/// Days left or overdue: "còn 12 ngày", "quá 3 ngày", "hôm nay".
pub fn days_left(lang: Lang, deadline: NaiveDate, as_of: NaiveDate) -> String {
    let days = (deadline - as_of).num_days();
    let n = usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX);
    match (lang, days.signum()) {
        (Lang::Vi, 0) => "hạn hôm nay".into(),
        (Lang::Vi, 1) => format!("còn {} ngày", count(lang, n)),
        (Lang::Vi, _) => format!("quá {} ngày", count(lang, n)),
        (Lang::En, 0) => "due today".into(),
        (Lang::En, 1) => format!("{} days left", count(lang, n)),
        (Lang::En, _) => format!("{} days overdue", count(lang, n)),
    }
}

/// The group of deadlines before the plan's year: "Trước năm 2025".
pub fn before_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Trước năm {year}"),
        Lang::En => format!("Before {year}"),
    }
}

/// The group of deadlines after the plan's year: "Sau năm 2025".
pub fn after_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Sau năm {year}"),
        Lang::En => format!("After {year}"),
    }
}

/// A status in a narrow column: "Chưa TH", "Đang TH" ("Not yet", "Ongoing").
pub fn status_short(lang: Lang, s: crate::domain::Status) -> &'static str {
    use crate::domain::Status;
    match (lang, s) {
        (Lang::Vi, Status::NotStarted) => "Chưa TH",
        (Lang::Vi, Status::InProgress) => "Đang TH",
        (Lang::Vi, Status::Blocked) => "Vướng",
        (Lang::Vi, Status::Done) => "Xong",
        (Lang::Vi, Status::Cancelled) => "Dừng",
        (Lang::En, Status::NotStarted) => "Not yet",
        (Lang::En, Status::InProgress) => "Ongoing",
        (Lang::En, Status::Blocked) => "Blocked",
        (Lang::En, Status::Done) => "Done",
        (Lang::En, Status::Cancelled) => "Dropped",
    }
}

/// A pillar's name in the interface language (the plan gives both).
pub fn pillar_name(lang: Lang, p: &crate::domain::Pillar) -> &str {
    match lang {
        Lang::Vi => &p.vi,
        Lang::En => &p.en,
    }
}

/// A pillar as a heading: "IV. Phát triển dữ liệu số", or the name alone for the projects.
pub fn pillar_label(lang: Lang, p: &crate::domain::Pillar) -> String {
    let name = pillar_name(lang, p);
    if p.numeral.is_empty() {
        name.to_string()
    } else {
        format!("{}. {name}", p.numeral)
    }
}

/// What stands after a deadline: days left or overdue for an open task; for a finished one, when
/// it finished and whether on time or how many days late (never "overdue"); "cancelled" for a
/// cancelled one.
pub fn deadline_note(lang: Lang, task: &Task, as_of: NaiveDate) -> Option<String> {
    let deadline = task.deadline()?;
    let done_on = task.state.completed_on.map(date);
    Some(match (task.timeliness(as_of), lang) {
        (Timeliness::Cancelled, _) => lang.timeliness(Timeliness::Cancelled).to_lowercase(),
        (Timeliness::DoneOnTime, Lang::Vi) => match done_on {
            Some(d) => format!("hoàn thành {d}, đúng hạn"),
            None => "hoàn thành đúng hạn".into(),
        },
        (Timeliness::DoneOnTime, Lang::En) => match done_on {
            Some(d) => format!("done {d}, on time"),
            None => "done on time".into(),
        },
        (Timeliness::DoneLate, _) => {
            let late = task
                .state
                .completed_on
                .map(|c| usize::try_from((c - deadline).num_days().max(0)).unwrap_or(0));
            match (lang, done_on, late) {
                (Lang::Vi, Some(d), Some(n)) => {
                    format!("hoàn thành {d}, trễ {} ngày", count(lang, n))
                }
                (Lang::En, Some(d), Some(n)) => format!("done {d}, {} days late", count(lang, n)),
                (Lang::Vi, _, _) => "hoàn thành quá hạn".into(),
                (Lang::En, _, _) => "done late".into(),
            }
        }
        _ => days_left(lang, deadline, as_of),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(count(Lang::Vi, 9831), "9.831");
        assert_eq!(count(Lang::Vi, 1_265_439), "1.265.439");
        assert_eq!(count(Lang::Vi, 59), "59");
        assert_eq!(count(Lang::En, 9831), "9,831");
        assert_eq!(percent(Lang::Vi, 82.94), "82,9%");
        assert_eq!(percent(Lang::Vi, 100.0), "100%");
        assert_eq!(percent(Lang::En, 78.28), "78.3%");
        assert_eq!(share(Lang::Vi, 1, 3), "33,3%");
        assert_eq!(share(Lang::Vi, 0, 0), "0%");
        assert_eq!(percent_exact(Lang::Vi, 78.28), "78,28%");
        assert_eq!(percent_exact(Lang::Vi, 58.0), "58%");
        assert_eq!(percent_exact(Lang::Vi, 87.9), "87,9%");
        assert_eq!(percent_exact(Lang::En, 52.06), "52.06%");
    }

    #[test]
    fn vietnamese_dates() {
        let d = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
        assert_eq!(date(d), "30/06/2025");
        assert_eq!(quarter(Lang::Vi, d), "Quý II/2025");
        assert_eq!(quarter(Lang::En, d), "Q2 2025");
        let as_of = NaiveDate::from_ymd_opt(2025, 7, 3).expect("date");
        assert_eq!(days_left(Lang::Vi, d, as_of), "quá 3 ngày");
        assert_eq!(days_left(Lang::Vi, as_of, d), "còn 3 ngày");
        assert_eq!(days_left(Lang::En, d, d), "due today");
    }
}
