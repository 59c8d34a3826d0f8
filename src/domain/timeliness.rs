//! How a task stands, the way Vietnamese progress reports count it: done on time / done late /
//! in progress within the deadline / not started / overdue, with tasks that have no deadline
//! ("Thường xuyên", "Theo Kế hoạch ...") counted apart and cancelled tasks left out. One task is
//! in exactly one category ([`timeliness`]); every count on every screen and paper is a
//! [`Tally`] of these categories, so no two places can count differently.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::status::Status;

/// The category a task is counted in as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timeliness {
    /// Done no later than the deadline (đã hoàn thành đúng hạn).
    DoneOnTime,
    /// Done after the deadline (đã hoàn thành quá hạn).
    DoneLate,
    /// Done; the timeframe gives no deadline, so neither on time nor late.
    DoneNoDeadline,
    /// In progress or blocked, deadline not passed (đang thực hiện trong hạn).
    OpenOnTime,
    /// Not started, deadline not passed (chưa thực hiện).
    NotStarted,
    /// Not done, deadline passed — started or not (quá hạn chưa hoàn thành).
    OpenOverdue,
    /// Not done, and the timeframe gives no deadline (không có thời hạn).
    NoDeadline,
    /// Dropped by decision (dừng thực hiện): not counted against anyone, not in the rate.
    Cancelled,
}

impl Timeliness {
    /// Every category, in report order.
    pub const ALL: [Timeliness; 8] = [
        Timeliness::DoneOnTime,
        Timeliness::DoneLate,
        Timeliness::DoneNoDeadline,
        Timeliness::OpenOnTime,
        Timeliness::NotStarted,
        Timeliness::OpenOverdue,
        Timeliness::NoDeadline,
        Timeliness::Cancelled,
    ];

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Timeliness::DoneOnTime => "done-on-time",
            Timeliness::DoneLate => "done-late",
            Timeliness::DoneNoDeadline => "done-no-deadline",
            Timeliness::OpenOnTime => "open-on-time",
            Timeliness::NotStarted => "not-started",
            Timeliness::OpenOverdue => "open-overdue",
            Timeliness::NoDeadline => "no-deadline",
            Timeliness::Cancelled => "cancelled",
        }
    }

    /// True for the three "done" categories.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            Timeliness::DoneOnTime | Timeliness::DoneLate | Timeliness::DoneNoDeadline
        )
    }
}

/// The category of a task. A done task with no recorded completion date counts as on time only
/// if the deadline has not passed as of `as_of` (we cannot prove it was late, nor that it was
/// not).
pub fn timeliness(
    status: Status,
    completed_on: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Timeliness {
    match (status, deadline) {
        (Status::Cancelled, _) => Timeliness::Cancelled,
        (Status::Done, None) => Timeliness::DoneNoDeadline,
        (Status::Done, Some(d)) => match completed_on {
            Some(c) if c <= d => Timeliness::DoneOnTime,
            Some(_) => Timeliness::DoneLate,
            None if as_of <= d => Timeliness::DoneOnTime,
            None => Timeliness::DoneLate,
        },
        (_, None) => Timeliness::NoDeadline,
        (_, Some(d)) if as_of > d => Timeliness::OpenOverdue,
        (Status::NotStarted, Some(_)) => Timeliness::NotStarted,
        (_, Some(_)) => Timeliness::OpenOnTime,
    }
}

/// Counts of tasks by category: the one source of every count and rate shown anywhere.
///
/// The completion rate is **done ÷ counted**, where *done* is every done task (on time, late, or
/// without a deadline) and *counted* is every task except the cancelled ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Done on time.
    pub done_on_time: usize,
    /// Done late.
    pub done_late: usize,
    /// Done, no deadline.
    pub done_no_deadline: usize,
    /// In progress or blocked within the deadline.
    pub open_on_time: usize,
    /// Not started, within the deadline.
    pub not_started: usize,
    /// Not done past the deadline.
    pub overdue: usize,
    /// Not done, no deadline.
    pub no_deadline: usize,
    /// Cancelled.
    pub cancelled: usize,
}

impl Tally {
    /// Counts the categories of `items`.
    pub fn of(items: impl IntoIterator<Item = Timeliness>) -> Tally {
        let mut t = Tally::default();
        for i in items {
            t.add(i);
        }
        t
    }

    /// Counts one more task.
    pub fn add(&mut self, t: Timeliness) {
        *self.slot(t) += 1;
    }

    /// The count of one category.
    pub fn get(&self, t: Timeliness) -> usize {
        let mut copy = *self;
        *copy.slot(t)
    }

    fn slot(&mut self, t: Timeliness) -> &mut usize {
        match t {
            Timeliness::DoneOnTime => &mut self.done_on_time,
            Timeliness::DoneLate => &mut self.done_late,
            Timeliness::DoneNoDeadline => &mut self.done_no_deadline,
            Timeliness::OpenOnTime => &mut self.open_on_time,
            Timeliness::NotStarted => &mut self.not_started,
            Timeliness::OpenOverdue => &mut self.overdue,
            Timeliness::NoDeadline => &mut self.no_deadline,
            Timeliness::Cancelled => &mut self.cancelled,
        }
    }

    /// Every done task: on time, late, or without a deadline.
    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late + self.done_no_deadline
    }

    /// Every task not done and not cancelled.
    pub fn open(&self) -> usize {
        self.open_on_time + self.not_started + self.overdue + self.no_deadline
    }

    /// The tasks the rate is taken over: all but the cancelled.
    pub fn counted(&self) -> usize {
        self.done() + self.open()
    }

    /// Every task, cancelled ones included.
    pub fn total(&self) -> usize {
        self.counted() + self.cancelled
    }

    /// The completion rate in percent (done ÷ counted), `None` when nothing is counted.
    pub fn rate(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)] // task counts are far below 2^52
        (self.counted() > 0).then(|| self.done() as f64 * 100.0 / self.counted() as f64)
    }

    /// Adds another tally's counts to this one.
    pub fn merge(&mut self, other: &Tally) {
        for t in Timeliness::ALL {
            *self.slot(t) += other.get(t);
        }
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
            t(Status::NotStarted, None, d(2025, 3, 1)),
            Timeliness::NotStarted
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

    #[test]
    fn a_done_task_without_a_deadline_is_done() {
        let t = timeliness(Status::Done, Some(d(2025, 5, 2)), None, d(2025, 7, 15));
        assert_eq!(t, Timeliness::DoneNoDeadline);
        assert!(t.is_done());
        let tally = Tally::of([t, Timeliness::DoneOnTime]);
        assert_eq!(tally.done(), 2);
        assert_eq!(tally.rate(), Some(100.0));
    }

    #[test]
    fn the_rate_leaves_cancelled_tasks_out() {
        let tally = Tally::of([
            Timeliness::DoneOnTime,
            Timeliness::DoneLate,
            Timeliness::OpenOverdue,
            Timeliness::NotStarted,
            Timeliness::Cancelled,
        ]);
        assert_eq!((tally.done(), tally.counted(), tally.total()), (2, 4, 5));
        assert_eq!(tally.rate(), Some(50.0));
        assert_eq!(Tally::default().rate(), None);
        let mut sum = tally;
        sum.merge(&tally);
        assert_eq!(sum.get(Timeliness::DoneLate), 2);
        assert_eq!(sum.total(), 10);
    }
}
