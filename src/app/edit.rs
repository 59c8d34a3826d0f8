//! Edits during the meeting: status (with the day it was done), progress, notes (new,
//! corrected, withdrawn), undo and redo. Every edit goes to the store, which flushes it before
//! answering; only then does the screen say it is saved.
//!
//! A picker remembers the value the editor saw when it opened. The store refuses the save if
//! someone changed that field since; the picker then stays open on the new value, with a
//! sentence naming who changed what to what, so the editor decides again knowingly.

use chrono::NaiveDate;

use super::{App, Mode, Tone};
use crate::domain::{Event, Status, Task, TaskState};
use crate::i18n::{Msg, edits};
use crate::store::{Command, Outcome, StoreError, Update};

/// What an edit changed, so it can be undone.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Status, progress or completion date of a task.
    Fields {
        /// The task.
        task: String,
        /// The values before.
        before: Fields,
        /// The values after.
        after: Fields,
    },
    /// A target's value recorded (undo withdraws the reading; redo records it again).
    Target {
        /// The target.
        target: String,
        /// The reading's index among the target's readings.
        index: usize,
        /// The value.
        value: f64,
        /// The day measured.
        as_of: chrono::NaiveDate,
        /// The source.
        note: Option<String>,
    },
    /// A note added to a task (undo withdraws it; redo writes it again).
    Note {
        /// The task.
        task: String,
        /// Its index in the task's notes.
        index: usize,
        /// Its text.
        text: String,
    },
}

/// The fields an edit of status or progress can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    status: Status,
    progress: u8,
    completed_on: Option<NaiveDate>,
}

impl Fields {
    fn of(s: &TaskState) -> Self {
        Fields {
            status: s.status,
            progress: s.progress,
            completed_on: s.completed_on,
        }
    }
}

/// The value a picker showed when it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    pub task: String,
    pub status: Status,
    pub progress: u8,
    /// The status chosen, waiting for the day it was done (in the `DoneOn` popup).
    pub chosen: Option<Status>,
}

/// The key of a note draft: a new note on a task, or the correction of one of its notes.
pub(super) fn draft_key(task: &str, correcting: Option<usize>) -> String {
    match correcting {
        None => task.to_string(),
        Some(i) => format!("{task}#{}", i + 1),
    }
}

impl App {
    fn editable_task(&mut self) -> Option<Task> {
        if self.cfg.read_only {
            self.say(Tone::Error, self.cfg.lang.t(Msg::ReadOnly));
            return None;
        }
        let task = self.selected_task().cloned();
        if task.is_none() {
            self.say(Tone::Error, self.cfg.lang.t(Msg::SelectTask));
        }
        task
    }

    fn remember(&mut self, t: &Task) {
        self.seen = Some(Seen {
            task: t.def.id.clone(),
            status: t.state.status,
            progress: t.state.progress,
            chosen: None,
        });
    }

    pub(super) fn open_status(&mut self) {
        if let Some(t) = self.editable_task() {
            self.status_cursor = status_index(t.state.status);
            self.remember(&t);
            self.open_popup(Mode::Status);
        }
    }

    pub(super) fn open_progress(&mut self) {
        if let Some(t) = self.editable_task() {
            self.progress_input.set(&t.state.progress.to_string());
            self.replace_on_type = true;
            self.remember(&t);
            self.open_popup(Mode::Progress);
        }
    }

    /// Opens the note editor on the task's draft (new note), or on the selected note's text
    /// (a correction).
    pub(super) fn open_note(&mut self, correcting: Option<usize>) {
        let Some(t) = self.editable_task() else {
            return;
        };
        let original = correcting.and_then(|i| t.state.notes.get(i).filter(|n| n.is_current()));
        if correcting.is_some() && original.is_none() {
            self.say(Tone::Error, self.cfg.lang.t(Msg::NoNoteSelected));
            return;
        }
        let original = original.map(|n| n.text.clone());
        let key = draft_key(&t.def.id, correcting);
        let text = self
            .drafts
            .get(&key)
            .cloned()
            .or(original)
            .unwrap_or_default();
        let mut area = ratatui_textarea::TextArea::from(text.split('\n'));
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        self.note = area;
        self.note_task = Some(t.def.id.clone());
        self.note_correcting = correcting;
        self.open_popup(Mode::Note);
    }

    pub(super) fn open_withdraw(&mut self) {
        let Some(t) = self.editable_task() else {
            return;
        };
        match self.note_cursor {
            Some(i)
                if t.state
                    .notes
                    .get(i)
                    .is_some_and(crate::domain::Note::is_current) =>
            {
                self.note_task = Some(t.def.id.clone());
                self.open_popup(Mode::Withdraw);
            }
            _ => self.say(Tone::Error, self.cfg.lang.t(Msg::NoNoteSelected)),
        }
    }

    pub(super) fn open_popup(&mut self, mode: Mode) {
        if matches!(
            self.mode,
            Mode::Normal | Mode::Detail | Mode::Meeting | Mode::Dashboard
        ) {
            self.popup_return = self.mode;
        }
        self.mode = mode;
    }

    /// Leaves a popup for the screen it was opened from.
    pub(super) fn close_popup(&mut self) {
        self.mode = self.popup_return;
        self.seen = None;
    }

    pub(super) fn nudge_progress(&mut self, delta: i16) {
        let now: i16 = self.progress_input.text().trim().parse().unwrap_or(0);
        let next = (now + delta).clamp(0, 100);
        self.progress_input.set(&next.to_string());
        self.replace_on_type = false;
    }

    pub(super) fn nudge_done_on(&mut self, days: i64) {
        let day = crate::domain::day::parse_day(self.done_input.text()).unwrap_or(self.cfg.as_of);
        if let Some(next) = day.checked_add_signed(chrono::Duration::days(days)) {
            self.done_input.set(&crate::i18n::format::date(next));
        }
        self.replace_on_type = false;
    }

    /// The status picker's choice: done asks the day it was done; anything else is saved.
    pub(super) fn choose_status(&mut self, status: Status) {
        if status == Status::Done {
            if let Some(seen) = self.seen.as_mut() {
                seen.chosen = Some(status);
            }
            self.done_input
                .set(&crate::i18n::format::date(self.cfg.as_of));
            self.replace_on_type = true;
            self.mode = Mode::DoneOn;
        } else {
            self.save_status(status, None);
        }
    }

    /// The day typed in the `DoneOn` popup: a day after the review date is refused.
    pub(super) fn confirm_done_on(&mut self) {
        let lang = self.cfg.lang;
        let Some(day) = crate::domain::day::parse_day(self.done_input.text()) else {
            self.say(Tone::Error, lang.t(Msg::BadDay));
            return;
        };
        if day > self.cfg.as_of {
            let msg = lang
                .t(Msg::DayAfterAsOf)
                .replace("{as_of}", &crate::i18n::format::date(self.cfg.as_of));
            self.say(Tone::Error, msg);
            return;
        }
        self.save_status(Status::Done, Some(day));
    }

    fn save_status(&mut self, status: Status, done_on: Option<NaiveDate>) {
        let Some(seen) = self.seen.clone() else {
            return;
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: seen.task.clone(),
            status: Some(status),
            expect_status: Some(seen.status),
            done_on: Some(done_on.unwrap_or(self.cfg.as_of)),
            ..Update::default()
        };
        self.save_picked(&seen, upd, Mode::Status);
    }

    pub(super) fn confirm_progress(&mut self) {
        let parsed = self
            .progress_input
            .text()
            .trim()
            .trim_end_matches('%')
            .trim()
            .parse::<u8>();
        let progress = match parsed {
            Ok(p) if p <= 100 => p,
            _ => {
                self.say(Tone::Error, self.cfg.lang.t(Msg::BadProgress));
                return;
            }
        };
        let Some(seen) = self.seen.clone() else {
            return;
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: seen.task.clone(),
            progress: Some(progress),
            expect_progress: Some(seen.progress),
            ..Update::default()
        };
        self.save_picked(&seen, upd, Mode::Progress);
    }

    /// Saves what a picker chose. On a conflict the picker (`back_to`) stays open on the value
    /// the store has now, and the sentence says who changed it.
    fn save_picked(&mut self, seen: &Seen, upd: Update, back_to: Mode) {
        let before = self.task_by_id(&seen.task).map(|t| t.state.clone());
        match self.store.execute(&self.cfg.actor, Command::Update(upd)) {
            Ok(Outcome::Updated { events }) => {
                self.close_popup();
                self.after_save(&seen.task, before.as_ref(), &events);
            }
            Ok(_) => self.close_popup(),
            Err(StoreError::Conflict {
                field,
                actual,
                expected,
                ..
            }) => {
                let now = self.refresh_task(&seen.task);
                let sentence = self.conflict_sentence(&seen.task, &field, &actual, &expected);
                if let Some(now) = now {
                    self.seen = Some(Seen {
                        task: seen.task.clone(),
                        status: now.status,
                        progress: now.progress,
                        chosen: None,
                    });
                    self.status_cursor = status_index(now.status);
                    self.progress_input.set(&now.progress.to_string());
                    self.replace_on_type = true;
                }
                self.mode = back_to;
                self.say(Tone::Error, sentence);
            }
            Err(e) => {
                self.close_popup();
                self.say(Tone::Error, self.not_saved(&e));
            }
        }
    }

    /// Who changed `field` of `task` last, and when, from the task's history.
    fn conflict_sentence(&self, task: &str, field: &str, actual: &str, seen: &str) -> String {
        let history = self
            .store
            .history(&self.cfg.plan_name, Some(task))
            .unwrap_or_default();
        let last = history.iter().rev().find(|e| e.field == field);
        edits::conflict(
            self.cfg.lang,
            self.cfg.zone,
            task,
            field,
            last.map(|e| (e.who.as_str(), e.at)),
            actual,
            seen,
        )
    }

    /// After a saved edit: the task refreshed, the undo step recorded, the sentence said.
    fn after_save(&mut self, id: &str, before: Option<&TaskState>, events: &[Event]) {
        let after = self.refresh_task(id);
        if let Some(seq) = events.last().map(|e| e.seq) {
            self.last_seq = self.last_seq.max(seq);
        }
        if let (Some(before), Some(after)) = (before, &after)
            && !events.is_empty()
        {
            self.undo.push(Edit::Fields {
                task: id.to_string(),
                before: Fields::of(before),
                after: Fields::of(after),
            });
            self.redo.clear();
        }
        let lang = self.cfg.lang;
        let sentence = if events.is_empty() {
            format!("{} — {id}", lang.t(Msg::NoChange))
        } else {
            format!(
                "{} — {id}: {}",
                lang.t(Msg::Saved),
                describe_events(lang, events)
            )
        };
        self.say(Tone::Info, sentence);
    }

    /// Esc in the note editor: the text is kept as this task's draft (until saved or discarded,
    /// across sessions); an empty editor leaves no draft.
    pub(super) fn stash_note(&mut self) {
        let Some(id) = self.note_task.clone() else {
            return;
        };
        if self.mode != Mode::Note {
            return;
        }
        let key = draft_key(&id, self.note_correcting);
        let text = self.note.lines().join("\n");
        let changed = if text.trim().is_empty() {
            self.drafts.remove(&key).is_some()
        } else {
            self.drafts.insert(key, text.clone()) != Some(text)
        };
        self.drafts_changed |= changed;
    }

    pub(super) fn discard_note(&mut self) {
        if let Some(id) = self.note_task.clone() {
            let key = draft_key(&id, self.note_correcting);
            self.drafts_changed |= self.drafts.remove(&key).is_some();
        }
        self.note = ratatui_textarea::TextArea::default();
        self.close_popup();
        self.say(Tone::Info, self.cfg.lang.t(Msg::DraftDiscarded));
    }

    pub(super) fn save_note(&mut self) {
        let text = self.note.lines().join("\n");
        if text.trim().is_empty() {
            self.say(Tone::Error, self.cfg.lang.t(Msg::EmptyNote));
            return;
        }
        let Some(id) = self.note_task.clone() else {
            return;
        };
        let correcting = self.note_correcting;
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: id.clone(),
            note: Some(text.clone()),
            withdraw_note: correcting,
            ..Update::default()
        };
        match self.store.execute(&self.cfg.actor, Command::Update(upd)) {
            Ok(Outcome::Updated { events }) => {
                if let Some(seq) = events.last().map(|e| e.seq) {
                    self.last_seq = self.last_seq.max(seq);
                }
                let after = self.refresh_task(&id);
                if let Some(index) = after.map(|s| s.notes.len().saturating_sub(1)) {
                    self.undo.push(Edit::Note {
                        task: id.clone(),
                        index,
                        text: crate::domain::text::clean(&text),
                    });
                    self.redo.clear();
                    self.note_cursor = Some(index);
                }
                self.drafts_changed |= self.drafts.remove(&draft_key(&id, correcting)).is_some();
                self.note = ratatui_textarea::TextArea::default();
                self.note_task = None;
                self.note_correcting = None;
                self.close_popup();
                let lang = self.cfg.lang;
                self.say(
                    Tone::Info,
                    format!(
                        "{} — {id}: {}",
                        lang.t(Msg::Saved),
                        describe_events(lang, &events)
                    ),
                );
            }
            Ok(_) => self.close_popup(),
            Err(e) => self.say(Tone::Error, self.not_saved(&e)),
        }
    }

    pub(super) fn confirm_withdraw(&mut self) {
        let (Some(id), Some(index)) = (self.note_task.clone(), self.note_cursor) else {
            self.close_popup();
            return;
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: id.clone(),
            withdraw_note: Some(index),
            ..Update::default()
        };
        let result = self.store.execute(&self.cfg.actor, Command::Update(upd));
        self.close_popup();
        self.note_task = None;
        match result {
            Ok(Outcome::Updated { events }) => {
                if let Some(seq) = events.last().map(|e| e.seq) {
                    self.last_seq = self.last_seq.max(seq);
                }
                self.refresh_task(&id);
                let lang = self.cfg.lang;
                self.say(
                    Tone::Info,
                    format!(
                        "{} — {id}: {}",
                        lang.t(Msg::Saved),
                        describe_events(lang, &events)
                    ),
                );
            }
            Ok(_) => {}
            Err(e) => {
                self.refresh_task(&id);
                self.say(Tone::Error, self.not_saved(&e));
            }
        }
    }

    fn task_by_id(&self, id: &str) -> Option<&Task> {
        self.index.tasks().iter().find(|t| t.def.id == id)
    }

    /// Re-reads one task's state from the store into the index and the view.
    pub(super) fn refresh_task(&mut self, id: &str) -> Option<TaskState> {
        let state = self.store.state(&self.cfg.plan_name, id).ok()?;
        let mut task = self.task_by_id(id)?.clone();
        task.state = state.clone();
        self.index.replace(task, &self.cfg.registry);
        self.touched(id);
        self.history = None;
        self.refresh_dashboard();
        self.rebuild();
        Some(state)
    }

    pub(super) fn undo(&mut self) {
        self.step_history(true);
    }

    pub(super) fn redo(&mut self) {
        self.step_history(false);
    }

    /// Undo (or redo) the last edit: applied as a new change, recorded in the history with the
    /// reason "undo"/"redo", refused if someone changed the task since. The task is brought into
    /// view and the sentence says what was undone.
    fn step_history(&mut self, undo: bool) {
        let lang = self.cfg.lang;
        if self.cfg.read_only {
            self.say(Tone::Error, lang.t(Msg::ReadOnly));
            return;
        }
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let Some(edit) = stack.pop() else {
            let msg = if undo {
                Msg::NothingToUndo
            } else {
                Msg::NothingToRedo
            };
            self.say(Tone::Info, lang.t(msg));
            return;
        };
        if let Edit::Target { .. } = edit {
            self.step_target(edit, undo);
            return;
        }
        let reason = Some(if undo { "undo" } else { "redo" }.to_string());
        let (task, upd) = match &edit {
            Edit::Fields {
                task,
                before,
                after,
            } => {
                let (from, to) = if undo {
                    (after, before)
                } else {
                    (before, after)
                };
                (
                    task.clone(),
                    Update {
                        status: Some(to.status),
                        progress: Some(to.progress),
                        done_on: to.completed_on.or(Some(self.cfg.as_of)),
                        expect_status: Some(from.status),
                        expect_progress: Some(from.progress),
                        reason,
                        ..Update::default()
                    },
                )
            }
            Edit::Target { .. } => return,
            Edit::Note { task, index, text } => (
                task.clone(),
                if undo {
                    Update {
                        withdraw_note: Some(*index),
                        reason,
                        ..Update::default()
                    }
                } else {
                    Update {
                        note: Some(text.clone()),
                        reason,
                        ..Update::default()
                    }
                },
            ),
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: task.clone(),
            ..upd
        };
        match self.store.execute(&self.cfg.actor, Command::Update(upd)) {
            Ok(Outcome::Updated { events }) => {
                if let Some(seq) = events.last().map(|e| e.seq) {
                    self.last_seq = self.last_seq.max(seq);
                }
                let after = self.refresh_task(&task);
                let redone = match edit {
                    Edit::Note { task, text, .. } if !undo => Edit::Note {
                        task,
                        index: after.map_or(0, |s| s.notes.len().saturating_sub(1)),
                        text,
                    },
                    other => other,
                };
                if undo {
                    self.redo.push(redone);
                } else {
                    self.undo.push(redone);
                }
                let revealed = self.reveal(&task);
                let msg = if undo { Msg::Undone } else { Msg::Redone };
                let cleared = if revealed {
                    String::new()
                } else {
                    format!(" ({})", lang.t(Msg::FiltersCleared))
                };
                let sentence = format!(
                    "{} — {task}: {}{cleared}",
                    lang.t(msg),
                    describe_events(lang, &events)
                );
                self.say(Tone::Info, sentence);
            }
            Ok(_) => {}
            Err(e) => {
                self.refresh_task(&task);
                self.say(Tone::Error, self.not_saved(&e));
            }
        }
    }
}

impl App {
    /// Undo (withdraw the reading) or redo (record it again) a target's value.
    fn step_target(&mut self, edit: Edit, undo: bool) {
        let Edit::Target {
            target,
            index,
            value,
            as_of,
            note,
        } = edit
        else {
            return;
        };
        let change = if undo {
            crate::store::DeskChange::WithdrawReading {
                target: target.clone(),
                index,
            }
        } else {
            crate::store::DeskChange::RecordTarget {
                target: target.clone(),
                value,
                as_of,
                note: note.clone(),
                seen: None,
            }
        };
        let lang = self.cfg.lang;
        match self.run_desk(change) {
            Ok(Outcome::Desk { events, .. }) => {
                // Recorded again, the reading is the target's last.
                let index = if undo {
                    index
                } else {
                    self.desk
                        .readings
                        .get(&target)
                        .map_or(0, |r| r.len().saturating_sub(1))
                };
                let back = Edit::Target {
                    target: target.clone(),
                    index,
                    value,
                    as_of,
                    note,
                };
                if undo {
                    self.redo.push(back);
                } else {
                    self.undo.push(back);
                }
                let msg = if undo { Msg::Undone } else { Msg::Redone };
                let sentence = format!(
                    "{} — {target}: {}",
                    lang.t(msg),
                    describe_events(lang, &events)
                );
                self.say(Tone::Info, sentence);
            }
            Ok(_) => {}
            Err(e) => self.say(Tone::Error, self.not_saved(&e)),
        }
    }

    /// "CHƯA LƯU: …" with the store's reason in the interface language.
    pub(super) fn not_saved(&self, e: &StoreError) -> String {
        let lang = self.cfg.lang;
        format!(
            "{}: {}",
            lang.t(Msg::NotSaved),
            crate::i18n::errors::store(lang, e)
        )
    }
}

/// The picker line of a status.
pub(super) fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The changes of a saved edit in words: "Trạng thái: Hoàn thành → Chưa thực hiện; Tiến độ:
/// 100% → 0%".
fn describe_events(lang: crate::i18n::Lang, events: &[Event]) -> String {
    events
        .iter()
        .map(|e| match e.field.as_str() {
            "note" => format!(
                "{}: {}",
                edits::field_name(lang, "note"),
                crate::domain::text::fit(e.to.as_deref().unwrap_or_default(), 40)
            ),
            "note_withdrawn" => format!(
                "{}: {}",
                edits::field_name(lang, &e.field),
                crate::domain::text::fit(e.from.as_deref().unwrap_or_default(), 40)
            ),
            "note_corrected" => format!(
                "{}: {} → {}",
                edits::field_name(lang, &e.field),
                crate::domain::text::fit(e.from.as_deref().unwrap_or_default(), 24),
                crate::domain::text::fit(e.to.as_deref().unwrap_or_default(), 24)
            ),
            field => edits::change(
                lang,
                field,
                e.from.as_deref().unwrap_or_default(),
                e.to.as_deref().unwrap_or_default(),
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl App {
    /// The terminal went away (SSH disconnect) or a signal ends the session: a note being
    /// written is saved rather than lost, marked as saved on disconnect. Every other edit was
    /// already saved when the screen said so; other drafts stay drafts.
    pub fn hang_up(&mut self) {
        self.hang_up_conclusion();
        let text = self.note.lines().join("\n");
        let writing = self.mode == Mode::Note
            || (self.mode == Mode::Help && self.help.mode == Some(Mode::Note));
        if self.cfg.read_only || text.trim().is_empty() || !writing {
            return;
        }
        let Some(id) = self.note_task.clone() else {
            return;
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: id.clone(),
            note: Some(format!("{text}\n({})", self.cfg.lang.t(Msg::SavedOnHangup))),
            withdraw_note: self.note_correcting,
            ..Update::default()
        };
        if self
            .store
            .execute(&self.cfg.actor, Command::Update(upd))
            .is_ok()
        {
            self.drafts_changed |= self
                .drafts
                .remove(&draft_key(&id, self.note_correcting))
                .is_some();
            self.note = ratatui_textarea::TextArea::default();
            self.note_task = None;
        }
    }
}
