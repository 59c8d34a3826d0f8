//! `steerdeck meeting …`: review meetings on the command line — made with a proposed agenda,
//! listed, shown, their agenda edited, opened, concluded, assigned, closed and reopened. Every
//! change goes through the store as one command, like an edit from the screen.

use std::fmt::Write as _;
use std::io::Write;

use super::args::{HistoryFormat, MeetingCommand};
use super::{CliError, list, out_err, table};
use crate::domain::meeting::{Desk, Meeting, MeetingState, propose_agenda};
use crate::domain::text::printable;
use crate::domain::{Task, read_timeframe};
use crate::i18n::meeting::{self as words, W};
use crate::i18n::{Lang, Msg, format as vf, history::describe, tally};
use crate::session::Session;
use crate::store::{Command, DeskChange, Outcome, PlanData};

/// Runs a `meeting` subcommand.
pub(super) fn run(
    session: &Session,
    plan: &str,
    command: &MeetingCommand,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lang = session.lang;
    match command {
        MeetingCommand::New {
            date,
            title,
            chair,
            attendee,
            no_agenda,
        } => {
            let day = date.unwrap_or(session.as_of);
            let data = session.store.load(plan)?;
            let agenda = if *no_agenda {
                Vec::new()
            } else {
                let tasks = data.tasks();
                let events = session
                    .store
                    .history_after(plan, data.desk.last_close_seq(day))?;
                let changed = data.desk.changed_since_last(&events, day);
                propose_agenda(&tasks, day, &changed, &data.desk.actions)
            };
            let change = DeskChange::NewMeeting {
                title: title
                    .clone()
                    .unwrap_or_else(|| words::word(lang, W::DefaultTitle).to_string()),
                date: day,
                chair: chair.clone(),
                attendees: attendee.clone(),
                agenda,
            };
            let made = execute(session, plan, change, out)?;
            if let Some(id) = made {
                let data = session.store.load(plan)?;
                if let Some(m) = data.desk.meeting(&id) {
                    write_agenda(lang, &data, m, out)?;
                }
            }
            saved(lang, out)
        }
        MeetingCommand::List => list_meetings(session, plan, out),
        MeetingCommand::Show { id, format } => {
            let data = session.store.load(plan)?;
            let m = find(&data.desk, id.as_deref())?;
            match format {
                HistoryFormat::Json => list::write_json(out, m),
                HistoryFormat::Table => write_meeting(session, &data, m, out),
            }
        }
        MeetingCommand::Agenda {
            id,
            add,
            drop,
            order,
        } => {
            let data = session.store.load(plan)?;
            let m = find(&data.desk, Some(id))?;
            let seen: Vec<String> = m.agenda.iter().map(|i| i.task.clone()).collect();
            let mut tasks = if order.is_empty() {
                seen.clone()
            } else {
                order.iter().map(|t| t.trim().to_string()).collect()
            };
            tasks.retain(|t| !drop.iter().any(|d| d.trim().eq_ignore_ascii_case(t)));
            tasks.extend(add.iter().map(|t| t.trim().to_string()));
            let change = DeskChange::SetAgenda {
                meeting: m.id.clone(),
                tasks,
                seen: Some(seen),
            };
            execute(session, plan, change, out)?;
            let data = session.store.load(plan)?;
            let m = find(&data.desk, Some(id))?;
            write_agenda(lang, &data, m, out)?;
            saved(lang, out)
        }
        MeetingCommand::Open { id } => set_state(session, plan, id, MeetingState::Open, out),
        MeetingCommand::Close { id } => set_state(session, plan, id, MeetingState::Closed, out),
        MeetingCommand::Reopen { id } => set_state(session, plan, id, MeetingState::Open, out),
        MeetingCommand::Conclude { id, task, text } => {
            let change = DeskChange::Conclude {
                meeting: id.clone(),
                task: task.clone(),
                text: text.clone(),
                seen: None,
            };
            execute(session, plan, change, out)?;
            saved(lang, out)
        }
        MeetingCommand::Assign {
            id,
            title,
            about,
            lead,
            support,
            deadline,
        } => {
            let data = session.store.load(plan)?;
            let reading = read_timeframe(deadline, data.plan.year);
            let change = DeskChange::Assign {
                meeting: id.clone(),
                about: about.clone(),
                title: title.clone(),
                lead: lead.clone(),
                support: support.clone(),
                timeframe: deadline.clone(),
            };
            execute(session, plan, change, out)?;
            let due = reading.deadline().map_or_else(
                || words::word(lang, W::NoDeadlineRead).to_string(),
                vf::date,
            );
            writeln!(out, "{}: {due}", lang.t(Msg::Deadline)).map_err(out_err)?;
            saved(lang, out)
        }
    }
}

/// Runs one change, prints its events; the id made, if any.
pub(super) fn execute(
    session: &Session,
    plan: &str,
    change: DeskChange,
    out: &mut dyn Write,
) -> Result<Option<String>, CliError> {
    let outcome = session.store.execute(
        &session.actor,
        Command::Desk {
            plan: plan.to_string(),
            change,
        },
    )?;
    let Outcome::Desk { events, made } = outcome else {
        return Ok(None);
    };
    for e in &events {
        let line = describe(session.lang, session.zone, e);
        writeln!(out, "{}", printable(&line, false)).map_err(out_err)?;
    }
    Ok(made)
}

fn saved(lang: Lang, out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "{}.", lang.t(Msg::Saved)).map_err(out_err)
}

fn set_state(
    session: &Session,
    plan: &str,
    id: &str,
    state: MeetingState,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let m = find(&data.desk, Some(id))?;
    let change = DeskChange::SetState {
        meeting: m.id.clone(),
        state,
        as_of: Some(m.date),
        seen: Some(m.state),
    };
    let mid = m.id.clone();
    execute(session, plan, change, out)?;
    if state == MeetingState::Closed {
        let data = session.store.load(plan)?;
        if let Some(c) = data.desk.meeting(&mid).and_then(|m| m.closing.as_ref()) {
            let line = format!(
                "{} {}: {}",
                words::word(session.lang, W::KeptAtClose),
                vf::date(c.as_of),
                tally::long(session.lang, &c.overall)
            );
            writeln!(out, "{line}").map_err(out_err)?;
        }
    }
    saved(session.lang, out)
}

/// The meeting `id`, or the latest when none is given.
fn find<'a>(desk: &'a Desk, id: Option<&str>) -> Result<&'a Meeting, CliError> {
    let found = match id {
        Some(id) => desk.meeting(id),
        None => desk.latest(),
    };
    found.ok_or_else(|| {
        crate::store::StoreError::Desk(crate::store::DeskProblem::NoSuchMeeting {
            meeting: id.unwrap_or("—").to_string(),
        })
        .into()
    })
}

fn list_meetings(session: &Session, plan: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let lang = session.lang;
    let data = session.store.load(plan)?;
    if data.desk.meetings.is_empty() {
        return writeln!(out, "{}", words::word(lang, W::NoMeetings)).map_err(out_err);
    }
    let rows: Vec<Vec<String>> = data
        .desk
        .meetings
        .iter()
        .map(|m| {
            let actions = data
                .desk
                .actions
                .iter()
                .filter(|a| a.meeting == m.id)
                .count();
            vec![
                m.id.clone(),
                vf::date(m.date),
                words::state(lang, m.state).to_string(),
                vf::count(lang, m.agenda.len()),
                vf::count(lang, actions),
                m.title.clone(),
            ]
        })
        .collect();
    let headers = [
        lang.t(Msg::Id),
        words::word(lang, W::Date),
        words::word(lang, W::State),
        words::word(lang, W::Items),
        words::word(lang, W::Assigned),
        words::word(lang, W::Title),
    ];
    out.write_all(table::render(&headers, &rows, list::terminal_width(), 5).as_bytes())
        .map_err(out_err)
}

fn write_meeting(
    session: &Session,
    data: &PlanData,
    m: &Meeting,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lang = session.lang;
    let mut text = format!(
        "{} · {} · {} · {}\n",
        m.id,
        m.title,
        vf::date(m.date),
        words::state(lang, m.state)
    );
    let _ = writeln!(text, "{}: {}", words::word(lang, W::Chair), m.chair);
    if !m.attendees.is_empty() {
        let _ = writeln!(
            text,
            "{}: {}",
            words::word(lang, W::Attendees),
            m.attendees.join("; ")
        );
    }
    out.write_all(printable(&text, true).as_bytes())
        .map_err(out_err)?;
    write_agenda(lang, data, m, out)?;
    let loose: Vec<_> = data
        .desk
        .actions
        .iter()
        .filter(|a| a.meeting == m.id && a.about.is_none())
        .collect();
    if !loose.is_empty() {
        let mut text = format!("{}:\n", words::word(lang, W::OtherAssigned));
        for a in loose {
            text.push_str(&action_line(lang, data, &a.def.id));
        }
        out.write_all(printable(&text, true).as_bytes())
            .map_err(out_err)?;
    }
    if let Some(c) = &m.closing {
        let line = format!(
            "{} {}: {}\n",
            words::word(lang, W::KeptAtClose),
            vf::date(c.as_of),
            tally::long(lang, &c.overall)
        );
        out.write_all(line.as_bytes()).map_err(out_err)?;
    }
    Ok(())
}

/// The agenda, item by item: the task, why it is there, the conclusion, the action items.
fn write_agenda(
    lang: Lang,
    data: &PlanData,
    m: &Meeting,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut text = format!(
        "{} ({}):\n",
        words::word(lang, W::Agenda),
        vf::count(lang, m.agenda.len())
    );
    for (n, item) in m.agenda.iter().enumerate() {
        let title = data.plan.task(&item.task).map_or("", |t| t.title.as_str());
        let reasons: Vec<&str> = item
            .reasons
            .iter()
            .map(|r| words::reason(lang, *r))
            .collect();
        let why = if reasons.is_empty() {
            String::new()
        } else {
            format!(" — {}", reasons.join(", "))
        };
        let _ = writeln!(text, "{:>3}. {} {}{why}", n + 1, item.task, title);
        if let Some(c) = &item.conclusion {
            let _ = writeln!(text, "     {}: {c}", words::word(lang, W::Conclusion));
        }
        for a in data
            .desk
            .actions
            .iter()
            .filter(|a| a.meeting == m.id && a.about.as_deref() == Some(item.task.as_str()))
        {
            text.push_str(&action_line(lang, data, &a.def.id));
        }
    }
    out.write_all(printable(&text, true).as_bytes())
        .map_err(out_err)
}

/// "     → H1.1 Rà soát … — chủ trì: …; phối hợp: …; thời hạn: Quý III/2025 (30/09/2025); Đang
/// thực hiện 30%".
fn action_line(lang: Lang, data: &PlanData, id: &str) -> String {
    let Some(def) = data.plan.task(id) else {
        return String::new();
    };
    let task = Task::new(
        def.clone(),
        data.states.get(&def.id).cloned().unwrap_or_default(),
        data.plan.year,
    );
    let due = task
        .deadline()
        .map_or_else(String::new, |d| format!(" ({})", vf::date(d)));
    let mut parts = Vec::new();
    if !def.lead.is_empty() {
        parts.push(format!("{}: {}", lang.t(Msg::Lead), def.lead.join("; ")));
    }
    if !def.support.is_empty() {
        parts.push(format!(
            "{}: {}",
            lang.t(Msg::Support),
            def.support.join("; ")
        ));
    }
    parts.push(format!("{}: {}{due}", lang.t(Msg::Deadline), def.timeframe));
    parts.push(format!(
        "{} {}%",
        lang.status(task.state.status),
        task.state.progress
    ));
    format!("     → {} {} — {}\n", def.id, def.title, parts.join("; "))
}
