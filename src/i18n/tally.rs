//! Counts in words: the one way a [`Tally`] is written on the screen, in the command line's
//! tables and on paper, so a count reads the same everywhere.

use std::fmt::Write as _;

use super::{Lang, format as vf};
use crate::domain::{Tally, Timeliness};

/// The completion rate as written: "40%", or "—" when nothing is counted.
pub fn rate(lang: Lang, t: &Tally) -> String {
    t.rate()
        .map_or_else(|| "—".into(), |r| vf::percent(lang, r))
}

/// The formula of the rate, for help and legends.
pub fn rate_formula(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành (đúng hạn, quá hạn hoặc không có thời hạn) / tổng số nhiệm vụ, không tính nhiệm vụ dừng thực hiện"
        }
        Lang::En => {
            "Completion rate = tasks done (on time, late, or without a deadline) / all tasks except the cancelled ones"
        }
    }
}

/// What the marks in front of a row mean.
pub fn legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "! quá hạn chưa hoàn thành · ✓ hoàn thành · × vướng mắc · * có ghi chú",
        Lang::En => "! overdue, not done · ✓ done · × blocked · * has notes",
    }
}

/// The rate's formula in one line, for the dashboard (the full sentence is [`rate_formula`]).
pub fn rate_formula_short(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tỷ lệ = số đã hoàn thành / tổng số, không tính nhiệm vụ dừng thực hiện",
        Lang::En => "Rate = tasks done / all tasks, cancelled ones left out",
    }
}

/// The mark a category is drawn with in the dashboard's bars and column heads: shades for the
/// done ones, lighter marks for the open ones, `!` (as in the plan's rows) for overdue. They
/// carry the meaning without colour.
pub fn mark(t: Timeliness) -> &'static str {
    match t {
        Timeliness::DoneOnTime => "█",
        Timeliness::DoneLate => "▓",
        Timeliness::DoneNoDeadline => "▒",
        Timeliness::OpenOnTime => "░",
        Timeliness::NotStarted => "·",
        Timeliness::OpenOverdue => "!",
        Timeliness::NoDeadline => "~",
        Timeliness::Cancelled => "-",
    }
}

/// A category in a few words, for legends and column heads.
pub fn category(lang: Lang, t: Timeliness) -> &'static str {
    use Timeliness as T;
    match (lang, t) {
        (Lang::Vi, T::DoneOnTime) => "xong đúng hạn",
        (Lang::Vi, T::DoneLate) => "xong trễ hạn",
        (Lang::Vi, T::DoneNoDeadline) => "xong, không thời hạn",
        (Lang::Vi, T::OpenOnTime) => "đang thực hiện trong hạn",
        (Lang::Vi, T::NotStarted) => "chưa thực hiện",
        (Lang::Vi, T::OpenOverdue) => "quá hạn",
        (Lang::Vi, T::NoDeadline) => "không thời hạn",
        (Lang::Vi, T::Cancelled) => "dừng thực hiện",
        (Lang::En, T::DoneOnTime) => "done on time",
        (Lang::En, T::DoneLate) => "done late",
        (Lang::En, T::DoneNoDeadline) => "done, no deadline",
        (Lang::En, T::OpenOnTime) => "in progress on time",
        (Lang::En, T::NotStarted) => "not started",
        (Lang::En, T::OpenOverdue) => "overdue",
        (Lang::En, T::NoDeadline) => "no deadline",
        (Lang::En, T::Cancelled) => "cancelled",
    }
}

/// The dashboard's legend: the done categories and the cancelled (line 0), the open ones
/// (line 1), each as its mark and its words.
pub fn legend_line(lang: Lang, line: u8) -> Vec<(&'static str, &'static str)> {
    use Timeliness as T;
    let cats: &[T] = if line == 0 {
        &[T::DoneOnTime, T::DoneLate, T::DoneNoDeadline, T::Cancelled]
    } else {
        &[T::OpenOnTime, T::NotStarted, T::OpenOverdue, T::NoDeadline]
    };
    cats.iter().map(|&t| (mark(t), category(lang, t))).collect()
}

/// Done now against the close of the last meeting: "+3 hoàn thành kể từ họp H1 ngày 01/07/2025
/// (5 → 8)".
pub fn since(lang: Lang, s: &crate::domain::overview::SinceMeeting) -> String {
    let delta = s.delta();
    let n = vf::count(
        lang,
        usize::try_from(delta.unsigned_abs()).unwrap_or(usize::MAX),
    );
    let signed = if delta < 0 {
        format!("−{n}")
    } else {
        format!("+{n}")
    };
    let (then, now) = (vf::count(lang, s.done_then), vf::count(lang, s.done_now));
    let day = s.date.format("%d/%m").to_string();
    match lang {
        Lang::Vi => format!(
            "{signed} hoàn thành kể từ họp {} ngày {day} ({then} → {now})",
            s.meeting
        ),
        Lang::En => format!(
            "{signed} done since meeting {} on {day} ({then} → {now})",
            s.meeting
        ),
    }
}

/// A group's counts for an 80-column line: done of counted, split on time / late, overdue, rate.
/// "xong 2/5: đúng hạn 1, trễ 1 · quá hạn 1 · 40%".
pub fn short(lang: Lang, t: &Tally) -> String {
    let n = |x: usize| vf::count(lang, x);
    let (done, on_time, late, overdue) = match lang {
        Lang::Vi => ("xong", "đúng hạn", "trễ", "quá hạn"),
        Lang::En => ("done", "on time", "late", "overdue"),
    };
    let split = if t.done_on_time + t.done_late > 0 {
        format!(
            ": {on_time} {}, {late} {}",
            n(t.done_on_time),
            n(t.done_late)
        )
    } else {
        String::new()
    };
    format!(
        "{done} {}/{}{split} · {overdue} {} · {}",
        n(t.done()),
        n(t.counted()),
        n(t.overdue),
        rate(lang, t)
    )
}

/// Every category, for a wide line or the status line.
pub fn long(lang: Lang, t: &Tally) -> String {
    let n = |x: usize| vf::count(lang, x);
    let parts: Vec<String> = match lang {
        Lang::Vi => vec![
            format!(
                "hoàn thành {}/{} (đúng hạn {}, quá hạn {}, không thời hạn {})",
                n(t.done()),
                n(t.counted()),
                n(t.done_on_time),
                n(t.done_late),
                n(t.done_no_deadline)
            ),
            format!("đang thực hiện trong hạn {}", n(t.open_on_time)),
            format!("chưa thực hiện {}", n(t.not_started)),
            format!("quá hạn chưa hoàn thành {}", n(t.overdue)),
            format!("không có thời hạn {}", n(t.no_deadline)),
            format!("dừng {}", n(t.cancelled)),
            format!("tỷ lệ {}", rate(lang, t)),
        ],
        Lang::En => vec![
            format!(
                "done {}/{} (on time {}, late {}, no deadline {})",
                n(t.done()),
                n(t.counted()),
                n(t.done_on_time),
                n(t.done_late),
                n(t.done_no_deadline)
            ),
            format!("in progress on time {}", n(t.open_on_time)),
            format!("not started {}", n(t.not_started)),
            format!("overdue {}", n(t.overdue)),
            format!("no deadline {}", n(t.no_deadline)),
            format!("cancelled {}", n(t.cancelled)),
            format!("rate {}", rate(lang, t)),
        ],
    };
    parts.join(" · ")
}

/// The counts as a sentence for a paper: "đã hoàn thành 12/59 nhiệm vụ (20,3%), trong đó đúng
/// hạn 10, quá hạn 2; ..." — every category that has a task, cancelled tasks said apart.
pub fn sentence(lang: Lang, t: &Tally) -> String {
    let n = |x: usize| vf::count(lang, x);
    let vi = lang == Lang::Vi;
    let mut head = if vi {
        format!(
            "đã hoàn thành {}/{} nhiệm vụ ({})",
            n(t.done()),
            n(t.counted()),
            vf::share(lang, t.done(), t.counted())
        )
    } else {
        format!(
            "{}/{} tasks done ({})",
            n(t.done()),
            n(t.counted()),
            vf::share(lang, t.done(), t.counted())
        )
    };
    let split: Vec<String> = [
        (t.done_on_time, "đúng hạn", "on time"),
        (t.done_late, "quá hạn", "late"),
        (
            t.done_no_deadline,
            "không có thời hạn",
            "without a deadline",
        ),
    ]
    .iter()
    .filter(|(c, _, _)| *c > 0)
    .map(|(c, v, e)| format!("{} {}", if vi { v } else { e }, n(*c)))
    .collect();
    if !split.is_empty() {
        head.push_str(if vi { ", trong đó " } else { ", of which " });
        head.push_str(&split.join(", "));
    }
    let mut parts = vec![head];
    for (c, v, e) in [
        (
            t.open_on_time,
            "đang thực hiện trong hạn",
            "in progress within the deadline",
        ),
        (t.not_started, "chưa thực hiện", "not started"),
        (t.overdue, "quá hạn chưa hoàn thành", "overdue, not done"),
        (
            t.no_deadline,
            "chưa hoàn thành, không có thời hạn",
            "not done, no deadline",
        ),
    ] {
        if c > 0 {
            parts.push(format!("{} {}", if vi { v } else { e }, n(c)));
        }
    }
    let mut out = parts.join("; ");
    if t.cancelled > 0 {
        if vi {
            let _ = write!(
                out,
                " (không tính {} nhiệm vụ dừng thực hiện)",
                n(t.cancelled)
            );
        } else {
            let _ = write!(out, " (leaving out {} cancelled)", n(t.cancelled));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timeliness as T;

    #[test]
    fn counts_read_the_same_everywhere() {
        let t = Tally::of([T::DoneOnTime, T::DoneLate, T::OpenOverdue, T::NotStarted]);
        assert_eq!(
            short(Lang::Vi, &t),
            "xong 2/4: đúng hạn 1, trễ 1 · quá hạn 1 · 50%"
        );
        assert_eq!(
            short(Lang::En, &t),
            "done 2/4: on time 1, late 1 · overdue 1 · 50%"
        );
        let none = Tally::of([T::NoDeadline, T::DoneNoDeadline]);
        assert_eq!(short(Lang::Vi, &none), "xong 1/2 · quá hạn 0 · 50%");
        assert!(long(Lang::Vi, &t).contains("chưa thực hiện 1"));
        assert_eq!(rate(Lang::Vi, &Tally::default()), "—");
    }

    #[test]
    fn a_sentence_for_papers() {
        let t = Tally::of([T::DoneOnTime, T::DoneLate, T::OpenOverdue, T::Cancelled]);
        assert_eq!(
            sentence(Lang::Vi, &t),
            "đã hoàn thành 2/3 nhiệm vụ (66,7%), trong đó đúng hạn 1, quá hạn 1; quá hạn chưa hoàn thành 1 (không tính 1 nhiệm vụ dừng thực hiện)"
        );
        assert_eq!(
            sentence(Lang::En, &t),
            "2/3 tasks done (66.7%), of which on time 1, late 1; overdue, not done 1 (leaving out 1 cancelled)"
        );
    }

    #[test]
    fn every_category_has_its_own_mark_and_words() {
        let marks: std::collections::HashSet<&str> = T::ALL.into_iter().map(mark).collect();
        assert_eq!(marks.len(), T::ALL.len());
        for t in T::ALL {
            assert_ne!(category(Lang::Vi, t), category(Lang::En, t));
            assert_eq!(unicode_width::UnicodeWidthStr::width(mark(t)), 1);
        }
        let legend: usize = (0..2).map(|l| legend_line(Lang::Vi, l).len()).sum();
        assert_eq!(legend, T::ALL.len());
    }
}
