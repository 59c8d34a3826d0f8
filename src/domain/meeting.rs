//! The committee's review meetings: each with its agenda, the conclusions on each item and the
//! tasks it assigned ("action items"), and the counts as they stood when it closed. Kept per plan
//! beside the plan's definition (a [`Desk`]), so a new version of the plan leaves them in place.
//!
//! An action item is a task like the plan's own: it has a definition (what, lead and supporting
//! units, a timeframe as people write it) and its state and history are kept as a task's are. It
//! belongs to a pillar of its own per meeting ([`pillar_key`]), so the plan view, the filters and
//! the counts take it in without a second path.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

use super::history::Event;
use super::plan::{Pillar, TaskDef};
use super::status::Status;
use super::summary::GroupTally;
use super::target::Reading;
use super::task::Task;
use super::timeliness::{Tally, Timeliness};

/// Where a meeting is in its life.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::EnumString,
    strum::Display,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum MeetingState {
    /// Prepared, not yet held.
    Planned,
    /// Being held: status edits made now are linked to it.
    Open,
    /// Held; its record is kept as it was (it can be reopened to fix a mistake).
    Closed,
}

impl MeetingState {
    /// The name in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            MeetingState::Planned => "planned",
            MeetingState::Open => "open",
            MeetingState::Closed => "closed",
        }
    }
}

/// Why a task is proposed for the agenda.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaReason {
    /// Past its deadline and not done.
    Overdue,
    /// Marked blocked.
    Blocked,
    /// Open, due before the end of the meeting's quarter.
    DueThisQuarter,
    /// Its status, progress or notes changed since the last meeting.
    Changed,
    /// An action item of an earlier meeting, not done yet.
    OpenAction,
}

/// One item of the agenda: a task (of the plan, or an earlier meeting's action item) and what
/// the committee concluded on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The task's id.
    pub task: String,
    /// Why it was proposed (empty when a person added it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<AgendaReason>,
    /// The committee's conclusion, once spoken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
}

/// The counts as they stood when a meeting closed: what the next meeting compares against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// When it was closed.
    pub at: DateTime<Utc>,
    /// Who closed it.
    pub who: String,
    /// The review date the counts were taken at.
    pub as_of: NaiveDate,
    /// Every task.
    pub overall: Tally,
    /// Per pillar.
    pub pillars: Vec<GroupTally>,
    /// The ids of the tasks done at that date.
    pub done: Vec<String>,
    /// The history's sequence number of the close: later events are what changed since.
    #[serde(default)]
    pub seq: u64,
}

/// A review meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// `H1`, `H2` ... in the order they were made.
    pub id: String,
    /// What the meeting is ("Họp Ban Chỉ đạo sơ kết 6 tháng").
    pub title: String,
    /// The day it is held.
    pub date: NaiveDate,
    /// Who chairs it.
    pub chair: String,
    /// Who attends.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Planned, open or closed.
    pub state: MeetingState,
    /// The items, in the order they are taken.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Set when it is closed (kept when reopened, replaced when closed again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Closing>,
}

impl Meeting {
    /// The agenda item about `task` (ids compare ignoring ASCII case).
    pub fn item(&self, task: &str) -> Option<&AgendaItem> {
        self.agenda
            .iter()
            .find(|i| i.task.eq_ignore_ascii_case(task))
    }
}

/// A task the committee assigned at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// The definition; `pillar` is the meeting's [`pillar_key`], `id` is `H1.1` ...
    pub def: TaskDef,
    /// The meeting that assigned it.
    pub meeting: String,
    /// The agenda item (a task id) it was assigned under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// Everything recorded about a plan besides its tasks' states: meetings, their action items, and
/// the targets' readings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Desk {
    /// Meetings, oldest first.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Action items, in the order they were assigned.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Readings by target id, in the order they were recorded.
    #[serde(default)]
    pub readings: BTreeMap<String, Vec<Reading>>,
}

/// The prefix of the pillar keys of meetings' action items.
pub const MEETING_PILLAR: &str = "meeting:";

/// The key of the pillar holding a meeting's action items.
pub fn pillar_key(meeting: &str) -> String {
    format!("{MEETING_PILLAR}{meeting}")
}

/// True for the pillar of a meeting's action items.
pub fn is_meeting_pillar(key: &str) -> bool {
    key.starts_with(MEETING_PILLAR)
}

impl Desk {
    /// The meeting with this id (any case).
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings
            .iter()
            .find(|m| m.id.eq_ignore_ascii_case(id.trim()))
    }

    /// The meeting now open, if any (at most one is).
    pub fn open_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.state == MeetingState::Open)
    }

    /// The latest meeting that closed before `day` (or on it), by date.
    pub fn last_closed_before(&self, day: NaiveDate) -> Option<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.state == MeetingState::Closed && m.date <= day)
            .max_by_key(|m| (m.date, m.id.len(), m.id.clone()))
    }

    /// The ids of what changed (tasks, action items, targets) in `events` after the last
    /// meeting closed before `day` (or on it); every id in `events` when none has closed.
    pub fn changed_since_last(&self, events: &[Event], day: NaiveDate) -> HashSet<String> {
        let after = self.last_close_seq(day);
        events
            .iter()
            .filter(|e| e.seq > after && moves(&e.field))
            .filter_map(|e| e.task.clone())
            .collect()
    }

    /// The history's sequence number of the close of the last meeting closed by `day` (0 when
    /// none has): what came after it is what changed since.
    pub fn last_close_seq(&self, day: NaiveDate) -> u64 {
        self.last_closed_before(day)
            .and_then(|m| m.closing.as_ref())
            .map_or(0, |c| c.seq)
    }

    /// Since `day` when one is given, else since the last meeting closed by `as_of`; none when
    /// neither is there.
    pub fn since(&self, day: Option<NaiveDate>, as_of: NaiveDate) -> Option<Since> {
        day.map(Since::day).or_else(|| self.since_last(as_of))
    }

    /// Since the close of the last meeting closed by `as_of`; none when no meeting has closed.
    pub fn since_last(&self, as_of: NaiveDate) -> Option<Since> {
        let m = self.last_closed_before(as_of)?;
        Some(Since {
            day: m.date,
            meeting: Some(m.id.clone()),
            after: m.closing.as_ref().map_or(0, |c| c.seq),
        })
    }

    /// The latest meeting by date (the one papers default to).
    pub fn latest(&self) -> Option<&Meeting> {
        self.meetings
            .iter()
            .max_by_key(|m| (m.date, m.id.len(), m.id.clone()))
    }

    /// The id the next meeting gets.
    pub fn next_meeting_id(&self) -> String {
        let n = self
            .meetings
            .iter()
            .filter_map(|m| m.id.strip_prefix('H')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("H{}", n + 1)
    }

    /// The id the next action item of `meeting` gets, avoiding `taken` (the plan's task ids, in
    /// ASCII upper case).
    pub fn next_action_id(&self, meeting: &str, taken: &HashSet<String>) -> String {
        let mut n = self.actions.iter().filter(|a| a.meeting == meeting).count() + 1;
        loop {
            let id = format!("{meeting}.{n}");
            let upper = id.to_ascii_uppercase();
            if !taken.contains(&upper)
                && !self
                    .actions
                    .iter()
                    .any(|a| a.def.id.eq_ignore_ascii_case(&id))
            {
                return id;
            }
            n += 1;
        }
    }

    /// The action item with this id (any case).
    pub fn action(&self, id: &str) -> Option<&ActionItem> {
        self.actions
            .iter()
            .find(|a| a.def.id.eq_ignore_ascii_case(id.trim()))
    }

    /// A pillar per meeting that assigned something, in meeting order: where its action items
    /// are grouped.
    pub fn pillars(&self) -> Vec<Pillar> {
        self.meetings
            .iter()
            .filter(|m| self.actions.iter().any(|a| a.meeting == m.id))
            .map(|m| {
                let day = format!(
                    "{:02}/{:02}/{}",
                    m.date.day(),
                    m.date.month(),
                    m.date.year()
                );
                Pillar {
                    key: pillar_key(&m.id),
                    numeral: String::new(),
                    vi: format!("Nhiệm vụ giao tại cuộc họp ngày {day} ({})", m.id),
                    en: format!("Tasks assigned at the meeting of {day} ({})", m.id),
                }
            })
            .collect()
    }
}

/// Where "what changed since" starts: after the close of a meeting (exact, by the history's
/// order), or from the start of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Since {
    /// The day it starts (the meeting's date, or the day given).
    pub day: NaiveDate,
    /// The meeting whose close it starts after, if it does.
    pub meeting: Option<String>,
    /// The history's sequence number of that close (0 when it starts from a day).
    pub after: u64,
}

impl Since {
    /// From the start of `day`.
    pub fn day(day: NaiveDate) -> Since {
        Since {
            day,
            meeting: None,
            after: 0,
        }
    }

    /// The events (from `after` on, as `PlanStore::history_after` gives them) that moved a
    /// task, an action item or a target since then.
    pub fn changes(&self, events: Vec<Event>, zone: super::time::Zone) -> Vec<Event> {
        events
            .into_iter()
            .filter(|e| moves(&e.field) && e.task.is_some() && e.seq > self.after)
            .filter(|e| self.meeting.is_some() || zone.date_of(e.at) >= self.day)
            .collect()
    }
}

/// Whether an event's field is a change of where a task stands (status, progress, notes, a
/// target's value, an assignment), as opposed to a meeting's own record.
pub fn moves(field: &str) -> bool {
    matches!(
        field,
        "status"
            | "progress"
            | "completed_on"
            | "note"
            | "note_withdrawn"
            | "note_corrected"
            | "target"
            | "target_withdrawn"
            | "assigned"
    )
}

/// What the agenda of a meeting on `day` proposes, in order: overdue tasks, blocked ones, those
/// due by the end of the quarter, those that changed since the last meeting (`changed`, ids),
/// and earlier meetings' action items not done yet. Each task once, with every reason it has;
/// done and cancelled tasks are not proposed except as changed.
#[allow(clippy::implicit_hasher)] // one caller, with the default hasher
pub fn propose_agenda(
    tasks: &[Task],
    day: NaiveDate,
    changed: &HashSet<String>,
    actions: &[ActionItem],
) -> Vec<AgendaItem> {
    let quarter_end = quarter_end(day);
    let is_action: HashSet<&str> = actions.iter().map(|a| a.def.id.as_str()).collect();
    let mut items: Vec<(AgendaReason, usize, AgendaItem)> = Vec::new();
    for (pos, t) in tasks.iter().enumerate() {
        let category = t.timeliness(day);
        let closed = category.is_done() || category == Timeliness::Cancelled;
        let mut reasons = Vec::new();
        if category == Timeliness::OpenOverdue {
            reasons.push(AgendaReason::Overdue);
        }
        if t.state.status == Status::Blocked {
            reasons.push(AgendaReason::Blocked);
        }
        if !closed
            && category != Timeliness::OpenOverdue
            && t.deadline().is_some_and(|d| d >= day && d <= quarter_end)
        {
            reasons.push(AgendaReason::DueThisQuarter);
        }
        if changed.contains(&t.def.id) {
            reasons.push(AgendaReason::Changed);
        }
        if !closed && is_action.contains(t.def.id.as_str()) {
            reasons.push(AgendaReason::OpenAction);
        }
        if let Some(first) = reasons.first().copied() {
            items.push((
                first,
                pos,
                AgendaItem {
                    task: t.def.id.clone(),
                    reasons,
                    conclusion: None,
                },
            ));
        }
    }
    items.sort_by_key(|(first, pos, _)| (*first, *pos));
    items.into_iter().map(|(_, _, item)| item).collect()
}

/// The last day of the calendar quarter `day` is in.
pub fn quarter_end(day: NaiveDate) -> NaiveDate {
    let q = (day.month() - 1) / 3;
    let (y, m) = if q == 3 {
        (day.year() + 1, 1)
    } else {
        (day.year(), q * 3 + 4)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TaskState;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn task(id: &str, timeframe: &str, status: Status) -> Task {
        let def = TaskDef {
            id: id.into(),
            pillar: "x".into(),
            title: id.into(),
            timeframe: timeframe.into(),
            lead: Vec::new(),
            support: Vec::new(),
            funding: None,
            remark: None,
        };
        let state = TaskState {
            status,
            ..TaskState::default()
        };
        Task::new(def, state, Some(2025))
    }

    #[test]
    fn quarters_end_where_reports_say() {
        assert_eq!(quarter_end(d(2025, 7, 15)), d(2025, 9, 30));
        assert_eq!(quarter_end(d(2025, 3, 31)), d(2025, 3, 31));
        assert_eq!(quarter_end(d(2025, 11, 2)), d(2025, 12, 31));
        assert_eq!(quarter_end(d(2025, 4, 1)), d(2025, 6, 30));
    }

    #[test]
    fn agenda_in_report_order() {
        let tasks = vec![
            task("a", "Quý III/2025", Status::NotStarted), // due this quarter
            task("b", "Quý I/2025", Status::InProgress),   // overdue
            task("c", "Thường xuyên", Status::Blocked),    // blocked
            task("d", "Quý I/2025", Status::Done),         // done: only if changed
            task("e", "Quý IV/2025", Status::NotStarted),  // nothing
            task("H1.1", "Quý IV/2025", Status::InProgress), // open action item
            task("f", "Quý II/2025", Status::Blocked),     // overdue and blocked
        ];
        let action = ActionItem {
            def: tasks[5].def.clone(),
            meeting: "H1".into(),
            about: None,
        };
        let changed: HashSet<String> = ["d".to_string()].into();
        let agenda = propose_agenda(&tasks, d(2025, 7, 15), &changed, &[action]);
        let ids: Vec<&str> = agenda.iter().map(|i| i.task.as_str()).collect();
        assert_eq!(ids, ["b", "f", "c", "a", "d", "H1.1"]);
        assert_eq!(
            agenda[1].reasons,
            [AgendaReason::Overdue, AgendaReason::Blocked]
        );
    }

    #[test]
    fn changes_since_a_close_or_a_day() {
        let event = |seq: u64, field: &str, secs: i64| Event {
            seq,
            at: DateTime::from_timestamp(secs, 0).expect("time"),
            who: "lan".into(),
            plan: "p".into(),
            task: Some(format!("T{seq}")),
            field: field.into(),
            from: None,
            to: None,
            note: None,
            meeting: None,
        };
        // 1 Jul 2025 00:00 UTC is 1 Jul 07:00 at +07:00; 30 Jun 20:00 UTC is 1 Jul 03:00 there.
        let events = vec![
            event(1, "status", 1_751_313_600),
            event(2, "meeting_state", 1_751_328_000),
            event(3, "progress", 1_751_328_000),
        ];
        let zone = crate::domain::time::Zone::parse("+07:00").expect("zone");
        let by_day = Since::day(d(2025, 7, 1)).changes(events.clone(), zone);
        let ids: Vec<u64> = by_day.iter().map(|e| e.seq).collect();
        assert_eq!(
            ids,
            [1, 3],
            "the meeting's own record is not a change; both fall on 1 Jul there"
        );
        let after_close = Since {
            day: d(2025, 7, 1),
            meeting: Some("H1".into()),
            after: 2,
        };
        let ids: Vec<u64> = after_close
            .changes(events, zone)
            .iter()
            .map(|e| e.seq)
            .collect();
        assert_eq!(ids, [3]);
    }

    #[test]
    fn ids_follow_on() {
        let mut desk = Desk::default();
        assert_eq!(desk.next_meeting_id(), "H1");
        desk.meetings.push(Meeting {
            id: "H1".into(),
            title: "t".into(),
            date: d(2025, 7, 15),
            chair: "c".into(),
            attendees: Vec::new(),
            state: MeetingState::Planned,
            agenda: Vec::new(),
            closing: None,
        });
        assert_eq!(desk.next_meeting_id(), "H2");
        // A plan task already called H1.1 is skipped.
        let taken: HashSet<String> = ["H1.1".to_string()].into();
        assert_eq!(desk.next_action_id("H1", &taken), "H1.2");
    }
}
