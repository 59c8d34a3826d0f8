//! Timeliness as Vietnamese progress reports count it: done on time / done late / open within
//! deadline / open overdue, with tasks that have no deadline counted apart.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::status::Status;

/// How a task stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timeliness {
    /// Done no later than the deadline (đã hoàn thành đúng hạn).
    DoneOnTime,
    /// Done after the deadline (đã hoàn thành quá hạn).
    DoneLate,
    /// Not done, deadline not passed (đang thực hiện trong hạn, or chưa thực hiện).
    OpenOnTime,
    /// Not done, deadline passed (quá hạn chưa hoàn thành).
    OpenOverdue,
    /// The timeframe gives no deadline ("Thường xuyên", ...); counted apart.
    NoDeadline,
    /// Dropped by decision; not counted against anyone.
    Cancelled,
}

impl Timeliness {
    /// Every value, in report order.
    pub const ALL: [Timeliness; 6] = [
        Timeliness::DoneOnTime,
        Timeliness::DoneLate,
        Timeliness::OpenOnTime,
        Timeliness::OpenOverdue,
        Timeliness::NoDeadline,
        Timeliness::Cancelled,
    ];

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Timeliness::DoneOnTime => "done-on-time",
            Timeliness::DoneLate => "done-late",
            Timeliness::OpenOnTime => "open-on-time",
            Timeliness::OpenOverdue => "open-overdue",
            Timeliness::NoDeadline => "no-deadline",
            Timeliness::Cancelled => "cancelled",
        }
    }
}

/// Derives timeliness. A done task with no recorded completion date counts as on time only if
/// the deadline has not passed as of `as_of` (we cannot prove it was late, nor that it was not).
pub fn timeliness(
    status: Status,
    completed_on: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Timeliness {
    match (status, deadline) {
        (Status::Cancelled, _) => Timeliness::Cancelled,
        (_, None) => Timeliness::NoDeadline,
        (Status::Done, Some(d)) => match completed_on {
            Some(c) if c <= d => Timeliness::DoneOnTime,
            Some(_) => Timeliness::DoneLate,
            None if as_of <= d => Timeliness::DoneOnTime,
            None => Timeliness::DoneLate,
        },
        (_, Some(d)) if as_of > d => Timeliness::OpenOverdue,
        (_, Some(_)) => Timeliness::OpenOnTime,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn counts_as_reports_do() {
        let dl = Some(d(2025, 3, 31));
        let t = |s, c, as_of| timeliness(s, c, dl, as_of);
        assert_eq!(
            t(Status::Done, Some(d(2025, 3, 31)), d(2025, 6, 1)),
            Timeliness::DoneOnTime
        );
        assert_eq!(
            t(Status::Done, Some(d(2025, 4, 1)), d(2025, 6, 1)),
            Timeliness::DoneLate
        );
        assert_eq!(
            t(Status::InProgress, None, d(2025, 3, 31)),
            Timeliness::OpenOnTime
        );
        assert_eq!(
            t(Status::InProgress, None, d(2025, 4, 1)),
            Timeliness::OpenOverdue
        );
        assert_eq!(
            t(Status::NotStarted, None, d(2025, 4, 1)),
            Timeliness::OpenOverdue
        );
        assert_eq!(
            t(Status::Blocked, None, d(2025, 1, 1)),
            Timeliness::OpenOnTime
        );
        assert_eq!(
            t(Status::Cancelled, None, d(2026, 1, 1)),
            Timeliness::Cancelled
        );
        assert_eq!(
            timeliness(Status::InProgress, None, None, d(2030, 1, 1)),
            Timeliness::NoDeadline
        );
    }
}
