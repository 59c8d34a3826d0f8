//! What a change to a plan's meetings or targets does: the logic both stores share, pure like
//! `apply`. Every change is refused whole when it cannot be made, and a change made against
//! what the editor saw (an agenda, a conclusion, a meeting's state, a target's readings) is
//! refused when someone else changed it since, naming who.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::apply::Draft;
use super::{Actor, Result, StoreError};
use crate::domain::meeting::{ActionItem, AgendaItem, Closing, Desk, Meeting, MeetingState};
use crate::domain::summary::Summary;
use crate::domain::target::{Reading, latest};
use crate::domain::text::clean;
use crate::domain::{Plan, Task, TaskDef, UnitRegistry, Withdrawal};

/// A change to a plan's meetings or targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum DeskChange {
    /// Records a measured value of a target.
    RecordTarget {
        /// The target's id (`T.2`).
        target: String,
        /// The value in percent.
        value: f64,
        /// The date it was measured at.
        as_of: NaiveDate,
        /// Where it comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// How many readings the editor saw; a different number is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seen: Option<usize>,
    },
    /// Withdraws a reading (a mistake, an undo); it stays in the history.
    WithdrawReading {
        /// The target's id.
        target: String,
        /// The reading's position among the target's readings.
        index: usize,
    },
    /// Makes a meeting (planned).
    NewMeeting {
        /// What it is.
        title: String,
        /// The day.
        date: NaiveDate,
        /// Who chairs it.
        chair: String,
        /// Who attends.
        #[serde(default)]
        attendees: Vec<String>,
        /// The agenda to start from (usually the proposed one).
        #[serde(default)]
        agenda: Vec<AgendaItem>,
    },
    /// Changes a meeting's title, date, chair or attendees.
    EditMeeting {
        /// The meeting.
        meeting: String,
        /// New title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// New date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
        /// New chair.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chair: Option<String>,
        /// New attendees.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attendees: Option<Vec<String>>,
    },
    /// Sets the agenda's items and their order (adding, dropping, reordering). Conclusions of
    /// the items that remain are kept.
    SetAgenda {
        /// The meeting.
        meeting: String,
        /// Task ids, in order.
        tasks: Vec<String>,
        /// The agenda the editor saw; a different one is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seen: Option<Vec<String>>,
    },
    /// Records (or corrects, or with empty text removes) the conclusion on an agenda item.
    Conclude {
        /// The meeting.
        meeting: String,
        /// The agenda item's task id.
        task: String,
        /// The conclusion.
        text: String,
        /// The conclusion the editor saw ("" for none); a different one is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seen: Option<String>,
    },
    /// Assigns a task at a meeting (an action item).
    Assign {
        /// The meeting.
        meeting: String,
        /// The agenda item it is assigned under.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        about: Option<String>,
        /// What is to be done.
        title: String,
        /// Lead units.
        #[serde(default)]
        lead: Vec<String>,
        /// Supporting units.
        #[serde(default)]
        support: Vec<String>,
        /// The deadline as people write it ("Quý III/2025", "Trước 30/9/2025").
        timeframe: String,
    },
    /// Opens, closes or reopens a meeting. Closing keeps the counts as of `as_of` (default: the
    /// meeting's date).
    SetState {
        /// The meeting.
        meeting: String,
        /// The new state.
        state: MeetingState,
        /// The review date of the counts kept at close.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_of: Option<NaiveDate>,
        /// The state the editor saw; a different one is a conflict.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seen: Option<MeetingState>,
    },
}

/// Why a change to meetings or targets was refused. Typed, so that either language can word it
/// (`i18n::errors`) and a client rebuilds it from the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum DeskProblem {
    #[error("there is no meeting {meeting}")]
    NoSuchMeeting { meeting: String },
    #[error("the plan has no target {target}")]
    NoSuchTarget { target: String },
    #[error("{task} is not on the agenda of meeting {meeting}")]
    NotOnAgenda { meeting: String, task: String },
    #[error("there is no task {task} to put on the agenda")]
    NoSuchAgendaTask { task: String },
    #[error("meeting {meeting} is closed; reopen it to change its record; nothing was saved")]
    Closed { meeting: String },
    #[error("meeting {open} is still open: close it before opening another; nothing was saved")]
    AnotherOpen { open: String },
    #[error(
        "meeting {meeting} was made {actual} by {by} since you looked (you saw {seen}); nothing was saved"
    )]
    StateChanged {
        meeting: String,
        seen: MeetingState,
        actual: MeetingState,
        by: String,
    },
    #[error("meeting {meeting} is already {state}; nothing was saved")]
    AlreadyInState {
        meeting: String,
        state: MeetingState,
    },
    #[error(
        "the agenda of meeting {meeting} was changed by {by} since you looked; nothing was saved"
    )]
    AgendaChanged { meeting: String, by: String },
    #[error(
        "the conclusion on {task} at meeting {meeting} was changed by {by} since you looked; nothing was saved"
    )]
    ConclusionChanged {
        meeting: String,
        task: String,
        by: String,
    },
    #[error("{by} recorded a value of {target} since you looked; nothing was saved")]
    TargetChanged { target: String, by: String },
    #[error("{target} has no reading number {number}")]
    NoSuchReading { target: String, number: usize },
    #[error("reading {number} of {target} was already withdrawn by {by}")]
    ReadingWithdrawn {
        target: String,
        number: usize,
        by: String,
    },
    #[error("a target's value is a percentage between 0 and 100, not {value}")]
    BadValue { value: String },
    #[error("the {what} is empty; nothing was saved")]
    Empty { what: String },
    #[error("the plan's task {task} has the id of an action item of a meeting; rename it")]
    ReservedId { task: String },
    #[error("the plan's pillar {pillar} has a key kept for meetings ('meeting:…'); rename it")]
    ReservedPillar { pillar: String },
}

fn refuse(p: DeskProblem) -> StoreError {
    StoreError::Desk(p)
}

/// What the logic needs from the store besides the desk.
pub(crate) struct Context<'a> {
    /// The plan's definition (without the action items).
    pub plan: &'a Plan,
    /// The plan's tasks and action items with their states (read only when a meeting closes).
    pub tasks: &'a dyn Fn() -> Result<Vec<Task>>,
    /// Who last changed a subject's field (for conflicts).
    pub last_by: &'a dyn Fn(&str, &str) -> String,
    /// Resolves units for the counts kept at close.
    pub registry: &'a UnitRegistry,
    /// The history's last sequence number before this change.
    pub seq0: u64,
}

/// Applies a change to the desk: the desk to store, the events, and the id made (if any).
pub(crate) fn apply(
    desk: &Desk,
    change: DeskChange,
    cx: &Context<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(Desk, Vec<Draft>, Option<String>)> {
    let mut next = desk.clone();
    let mut drafts = Vec::new();
    let mut made = None;
    match change {
        DeskChange::RecordTarget {
            target,
            value,
            as_of,
            note,
            seen,
        } => {
            let id = target_id(cx.plan, &target)?;
            if !(value.is_finite() && (0.0..=100.0).contains(&value)) {
                return Err(refuse(DeskProblem::BadValue {
                    value: value.to_string(),
                }));
            }
            let readings = next.readings.entry(id.clone()).or_default();
            if seen.is_some_and(|n| n != readings.len()) {
                return Err(refuse(DeskProblem::TargetChanged {
                    by: (cx.last_by)(&id, "target"),
                    target: id,
                }));
            }
            let before = latest(readings).map(reading_text);
            let note = note.map(|n| clean(&n)).filter(|n| !n.is_empty());
            let reading = Reading {
                value,
                as_of,
                note: note.clone(),
                who: actor.user.clone(),
                at: now,
                withdrawn: None,
            };
            drafts.push(draft(
                &id,
                "target",
                before,
                Some(reading_text(&reading)),
                note,
            ));
            readings.push(reading);
        }
        DeskChange::WithdrawReading { target, index } => {
            let id = target_id(cx.plan, &target)?;
            let number = index + 1;
            let reading = next
                .readings
                .get_mut(&id)
                .and_then(|rs| rs.get_mut(index))
                .ok_or_else(|| {
                    refuse(DeskProblem::NoSuchReading {
                        target: id.clone(),
                        number,
                    })
                })?;
            if let Some(w) = &reading.withdrawn {
                return Err(refuse(DeskProblem::ReadingWithdrawn {
                    target: id,
                    number,
                    by: w.who.clone(),
                }));
            }
            reading.withdrawn = Some(Withdrawal {
                at: now,
                who: actor.user.clone(),
                corrected: false,
            });
            let text = reading_text(reading);
            drafts.push(draft(&id, "target_withdrawn", Some(text), None, None));
        }
        DeskChange::NewMeeting {
            title,
            date,
            chair,
            attendees,
            agenda,
        } => {
            let title = non_empty(&title, "title")?;
            let id = next.next_meeting_id();
            let agenda = checked_agenda(cx.plan, desk, agenda)?;
            next.meetings.push(Meeting {
                id: id.clone(),
                title: title.clone(),
                date,
                chair: clean(&chair),
                attendees: clean_all(&attendees),
                state: MeetingState::Planned,
                agenda,
                closing: None,
            });
            drafts.push(draft(&id, "meeting", None, Some(title), None));
            made = Some(id);
        }
        DeskChange::EditMeeting {
            meeting,
            title,
            date,
            chair,
            attendees,
        } => {
            let m = open_for_edit(&mut next, &meeting)?;
            let id = m.id.clone();
            let mut set = |field, from: String, to: String| {
                if from != to {
                    drafts.push(draft(&id, field, Some(from), Some(to), None));
                }
            };
            if let Some(t) = title {
                let t = non_empty(&t, "title")?;
                set("meeting_title", m.title.clone(), t.clone());
                m.title = t;
            }
            if let Some(d) = date {
                set("meeting_date", day_text(m.date), day_text(d));
                m.date = d;
            }
            if let Some(c) = chair {
                let c = clean(&c);
                set("meeting_chair", m.chair.clone(), c.clone());
                m.chair = c;
            }
            if let Some(a) = attendees {
                let a = clean_all(&a);
                set("meeting_attendees", m.attendees.join("; "), a.join("; "));
                m.attendees = a;
            }
        }
        DeskChange::SetAgenda {
            meeting,
            tasks,
            seen,
        } => {
            let m = open_for_edit(&mut next, &meeting)?;
            let before: Vec<String> = m.agenda.iter().map(|i| i.task.clone()).collect();
            if seen.is_some_and(|s| !same_ids(&s, &before)) {
                return Err(refuse(DeskProblem::AgendaChanged {
                    by: (cx.last_by)(&m.id, "agenda"),
                    meeting: m.id.clone(),
                }));
            }
            let mut items = Vec::new();
            for t in tasks {
                let id = agenda_task_id(cx.plan, desk, &t)?;
                if items.iter().any(|i: &AgendaItem| i.task == id) {
                    continue;
                }
                items.push(m.item(&id).cloned().unwrap_or(AgendaItem {
                    task: id,
                    reasons: Vec::new(),
                    conclusion: None,
                }));
            }
            let after: Vec<String> = items.iter().map(|i| i.task.clone()).collect();
            if after != before {
                drafts.push(draft(
                    &m.id,
                    "agenda",
                    Some(before.join(", ")),
                    Some(after.join(", ")),
                    None,
                ));
                m.agenda = items;
            }
        }
        DeskChange::Conclude {
            meeting,
            task,
            text,
            seen,
        } => {
            let m = open_for_edit(&mut next, &meeting)?;
            let mid = m.id.clone();
            let item = m
                .agenda
                .iter_mut()
                .find(|i| i.task.eq_ignore_ascii_case(task.trim()))
                .ok_or_else(|| {
                    refuse(DeskProblem::NotOnAgenda {
                        meeting: mid.clone(),
                        task: task.clone(),
                    })
                })?;
            let before = item.conclusion.clone().unwrap_or_default();
            if seen.is_some_and(|s| clean(&s) != before) {
                return Err(refuse(DeskProblem::ConclusionChanged {
                    by: (cx.last_by)(&item.task, "conclusion"),
                    meeting: mid,
                    task: item.task.clone(),
                }));
            }
            let text = clean(&text);
            if text != before {
                let mut d = draft(
                    &item.task,
                    "conclusion",
                    Some(before),
                    Some(text.clone()),
                    None,
                );
                d.meeting = Some(mid);
                drafts.push(d);
                item.conclusion = (!text.is_empty()).then_some(text);
            }
        }
        DeskChange::Assign {
            meeting,
            about,
            title,
            lead,
            support,
            timeframe,
        } => {
            let title = non_empty(&title, "title")?;
            let mid = open_for_edit(&mut next, &meeting)?.id.clone();
            let about = match about {
                Some(t) => {
                    let m = next.meeting(&mid).ok_or_else(|| no_meeting(&mid))?;
                    let item = m.item(&t).ok_or_else(|| {
                        refuse(DeskProblem::NotOnAgenda {
                            meeting: mid.clone(),
                            task: t.clone(),
                        })
                    })?;
                    Some(item.task.clone())
                }
                None => None,
            };
            let taken: HashSet<String> = cx
                .plan
                .tasks
                .iter()
                .map(|t| t.id.to_ascii_uppercase())
                .collect();
            let id = next.next_action_id(&mid, &taken);
            let def = TaskDef {
                id: id.clone(),
                pillar: crate::domain::meeting::pillar_key(&mid),
                title: title.clone(),
                timeframe: clean(&timeframe),
                lead: clean_all(&lead),
                support: clean_all(&support),
                funding: None,
                remark: None,
            };
            super::keys::check_task_id(&def.id)?;
            next.actions.push(ActionItem {
                def,
                meeting: mid.clone(),
                about: about.clone(),
            });
            let mut d = draft(&id, "assigned", None, Some(title), about);
            d.meeting = Some(mid);
            drafts.push(d);
            made = Some(id);
        }
        DeskChange::SetState {
            meeting,
            state,
            as_of,
            seen,
        } => {
            let open_other = next
                .open_meeting()
                .filter(|m| !m.id.eq_ignore_ascii_case(meeting.trim()))
                .map(|m| m.id.clone());
            let m = next
                .meetings
                .iter_mut()
                .find(|m| m.id.eq_ignore_ascii_case(meeting.trim()))
                .ok_or_else(|| no_meeting(&meeting))?;
            if let Some(seen) = seen.filter(|s| *s != m.state) {
                return Err(refuse(DeskProblem::StateChanged {
                    by: (cx.last_by)(&m.id, "meeting_state"),
                    meeting: m.id.clone(),
                    seen,
                    actual: m.state,
                }));
            }
            if m.state == state {
                return Err(refuse(DeskProblem::AlreadyInState {
                    meeting: m.id.clone(),
                    state,
                }));
            }
            if let (MeetingState::Open, Some(open)) = (state, open_other) {
                return Err(refuse(DeskProblem::AnotherOpen { open }));
            }
            if state == MeetingState::Closed {
                let day = as_of.unwrap_or(m.date);
                let tasks = (cx.tasks)()?;
                let mut plan = cx.plan.clone();
                plan.pillars.extend(desk.pillars());
                let s = Summary::of(&plan, &tasks, cx.registry, day);
                m.closing = Some(Closing {
                    at: now,
                    who: actor.user.clone(),
                    as_of: day,
                    overall: s.overall,
                    pillars: s.pillars,
                    done: tasks
                        .iter()
                        .filter(|t| t.timeliness(day).is_done())
                        .map(|t| t.def.id.clone())
                        .collect(),
                    // The close is this change's only event.
                    seq: cx.seq0 + 1,
                });
            }
            drafts.push(draft(
                &m.id,
                "meeting_state",
                Some(m.state.key().into()),
                Some(state.key().into()),
                None,
            ));
            m.state = state;
        }
    }
    for d in &mut drafts {
        if d.meeting.is_none()
            && next
                .meeting(d.task.as_deref().unwrap_or_default())
                .is_some()
        {
            d.meeting.clone_from(&d.task);
        }
    }
    Ok((next, drafts, made))
}

/// Checks a plan to import against the desk: no task may take an action item's id, no pillar a
/// meeting's key.
pub(crate) fn check_import(plan: &Plan, desk: &Desk) -> Result<()> {
    if let Some(p) = plan
        .pillars
        .iter()
        .find(|p| crate::domain::meeting::is_meeting_pillar(&p.key))
    {
        return Err(refuse(DeskProblem::ReservedPillar {
            pillar: p.key.clone(),
        }));
    }
    if let Some(t) = plan.tasks.iter().find(|t| desk.action(&t.id).is_some()) {
        return Err(refuse(DeskProblem::ReservedId { task: t.id.clone() }));
    }
    Ok(())
}

/// The meeting now open, for linking the edits made during it.
pub(crate) fn open_meeting(desk: &Desk) -> Option<String> {
    desk.open_meeting().map(|m| m.id.clone())
}

fn draft(
    subject: &str,
    field: &'static str,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
) -> Draft {
    Draft {
        task: Some(subject.to_string()),
        field,
        from,
        to,
        note,
        meeting: None,
    }
}

/// A reading in an event: "81.5@2025-06-30".
pub fn reading_text(r: &Reading) -> String {
    format!("{}@{}", r.value, day_text(r.as_of))
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn no_meeting(id: &str) -> StoreError {
    refuse(DeskProblem::NoSuchMeeting {
        meeting: id.trim().to_string(),
    })
}

/// The meeting, if it may be changed (it is not closed).
fn open_for_edit<'a>(desk: &'a mut Desk, id: &str) -> Result<&'a mut Meeting> {
    let m = desk
        .meetings
        .iter_mut()
        .find(|m| m.id.eq_ignore_ascii_case(id.trim()))
        .ok_or_else(|| no_meeting(id))?;
    if m.state == MeetingState::Closed {
        return Err(refuse(DeskProblem::Closed {
            meeting: m.id.clone(),
        }));
    }
    Ok(m)
}

fn target_id(plan: &Plan, id: &str) -> Result<String> {
    plan.targets
        .iter()
        .find(|k| k.id.eq_ignore_ascii_case(id.trim()))
        .map(|k| k.id.clone())
        .ok_or_else(|| {
            refuse(DeskProblem::NoSuchTarget {
                target: id.trim().to_string(),
            })
        })
}

/// The canonical id of a task that may be on an agenda: the plan's, or an action item's.
fn agenda_task_id(plan: &Plan, desk: &Desk, id: &str) -> Result<String> {
    plan.task(id.trim())
        .map(|t| t.id.clone())
        .or_else(|| desk.action(id).map(|a| a.def.id.clone()))
        .ok_or_else(|| {
            refuse(DeskProblem::NoSuchAgendaTask {
                task: id.trim().to_string(),
            })
        })
}

fn checked_agenda(plan: &Plan, desk: &Desk, agenda: Vec<AgendaItem>) -> Result<Vec<AgendaItem>> {
    let mut out: Vec<AgendaItem> = Vec::new();
    for mut item in agenda {
        item.task = agenda_task_id(plan, desk, &item.task)?;
        item.conclusion = item.conclusion.map(|c| clean(&c)).filter(|c| !c.is_empty());
        if !out.iter().any(|i| i.task == item.task) {
            out.push(item);
        }
    }
    Ok(out)
}

fn same_ids(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

fn non_empty(text: &str, what: &str) -> Result<String> {
    let t = clean(text);
    if t.is_empty() {
        return Err(refuse(DeskProblem::Empty { what: what.into() }));
    }
    Ok(t)
}

fn clean_all(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect()
}
