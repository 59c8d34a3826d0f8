//! Edits during the meeting: status, progress, notes, undo and redo. Every edit goes to the
//! store, which flushes it before answering; only then does the screen say it is saved.

use chrono::NaiveDate;

use super::{App, Mode, Tone};
use crate::domain::{Status, Task, TaskState};
use crate::i18n::Msg;
use crate::store::{Command, Outcome, StoreError, Update};

/// What an edit changed on a task, so it can be undone (status, progress, completion date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The task.
    pub task: String,
    before: Fields,
    after: Fields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fields {
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

    pub(super) fn open_status(&mut self) {
        if let Some(t) = self.editable_task() {
            self.status_cursor = Status::ALL
                .iter()
                .position(|s| *s == t.state.status)
                .unwrap_or(0);
            self.open_popup(Mode::Status);
        }
    }

    pub(super) fn open_progress(&mut self) {
        if let Some(t) = self.editable_task() {
            self.progress_input.set(&t.state.progress.to_string());
            self.open_popup(Mode::Progress);
        }
    }

    pub(super) fn open_note(&mut self) {
        if let Some(t) = self.editable_task() {
            if self.note_task.as_deref() != Some(t.def.id.as_str()) {
                self.note = ratatui_textarea::TextArea::default();
                self.note_task = Some(t.def.id.clone());
            }
            self.note
                .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            self.open_popup(Mode::Note);
        }
    }

    fn open_popup(&mut self, mode: Mode) {
        if matches!(self.mode, Mode::Normal | Mode::Detail) {
            self.popup_return = self.mode;
        }
        self.mode = mode;
    }

    pub(super) fn nudge_progress(&mut self, delta: i16) {
        let now: i16 = self.progress_input.text().trim().parse().unwrap_or(0);
        let next = (now + delta).clamp(0, 100);
        self.progress_input.set(&next.to_string());
    }

    pub(super) fn edit_status(&mut self, status: Status) {
        let Some(t) = self.selected_task().cloned() else {
            return;
        };
        let upd = Update {
            status: Some(status),
            expect_status: Some(t.state.status),
            done_on: Some(self.cfg.as_of),
            ..self.update_for(&t)
        };
        self.apply(&t, upd, true);
    }

    pub(super) fn edit_progress(&mut self, progress: u8) {
        let Some(t) = self.selected_task().cloned() else {
            return;
        };
        let upd = Update {
            progress: Some(progress),
            expect_progress: Some(t.state.progress),
            ..self.update_for(&t)
        };
        self.apply(&t, upd, true);
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
        let Some(t) = self.tasks().iter().find(|t| t.def.id == id).cloned() else {
            return;
        };
        let upd = Update {
            note: Some(text),
            ..self.update_for(&t)
        };
        if self.apply(&t, upd, false) {
            self.note = ratatui_textarea::TextArea::default();
            self.note_task = None;
            self.mode = self.popup_return;
        }
    }

    fn update_for(&self, t: &Task) -> Update {
        Update {
            plan: self.cfg.plan_name.clone(),
            task: t.def.id.clone(),
            ..Update::default()
        }
    }

    /// Sends an update to the store; on success refreshes the task and records the undo step.
    fn apply(&mut self, t: &Task, upd: Update, undoable: bool) -> bool {
        match self.store().execute(&self.cfg.actor, Command::Update(upd)) {
            Ok(Outcome::Updated { events }) => {
                let after = self.refresh_task(&t.def.id);
                if let Some(seq) = events.last().map(|e| e.seq) {
                    self.last_seq = self.last_seq.max(seq);
                }
                if undoable && !events.is_empty() {
                    if let Some(after) = after {
                        self.undo.push(Edit {
                            task: t.def.id.clone(),
                            before: Fields::of(&t.state),
                            after: Fields::of(&after),
                        });
                        self.redo.clear();
                    }
                }
                let what = if events.is_empty() {
                    Msg::NoChange
                } else {
                    Msg::Saved
                };
                self.say(
                    Tone::Info,
                    format!("{} — {}", self.cfg.lang.t(what), t.def.id),
                );
                true
            }
            Ok(_) => true,
            Err(e) => {
                if matches!(e, StoreError::Conflict { .. }) {
                    self.refresh_task(&t.def.id);
                }
                self.say(
                    Tone::Error,
                    format!("{}: {e}", self.cfg.lang.t(Msg::NotSaved)),
                );
                false
            }
        }
    }

    /// Re-reads one task's state from the store into the index and the view.
    fn refresh_task(&mut self, id: &str) -> Option<TaskState> {
        let state = self.store().state(&self.cfg.plan_name, id).ok()?;
        let mut task = self.tasks().iter().find(|t| t.def.id == id)?.clone();
        task.state = state.clone();
        let registry = self.cfg.registry.clone();
        self.index_mut().replace(task, &registry);
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
    /// reason "undo"/"redo", refused if someone changed the task since.
    fn step_history(&mut self, undo: bool) {
        if self.cfg.read_only {
            self.say(Tone::Error, self.cfg.lang.t(Msg::ReadOnly));
            return;
        }
        let stack = if undo { &mut self.undo } else { &mut self.redo };
        let Some(edit) = stack.pop() else {
            self.say(
                Tone::Info,
                self.cfg.lang.t(if undo {
                    Msg::NothingToUndo
                } else {
                    Msg::NothingToRedo
                }),
            );
            return;
        };
        let (from, to) = if undo {
            (edit.after, edit.before)
        } else {
            (edit.before, edit.after)
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: edit.task.clone(),
            status: Some(to.status),
            progress: Some(to.progress),
            done_on: to.completed_on.or(Some(self.cfg.as_of)),
            expect_status: Some(from.status),
            expect_progress: Some(from.progress),
            reason: Some(if undo { "undo" } else { "redo" }.into()),
            ..Update::default()
        };
        match self.store().execute(&self.cfg.actor, Command::Update(upd)) {
            Ok(Outcome::Updated { events }) => {
                if let Some(seq) = events.last().map(|e| e.seq) {
                    self.last_seq = self.last_seq.max(seq);
                }
                self.refresh_task(&edit.task);
                let msg = if undo { Msg::Undone } else { Msg::Redone };
                self.say(
                    Tone::Info,
                    format!("{} — {}", self.cfg.lang.t(msg), edit.task),
                );
                if undo {
                    self.redo.push(edit);
                } else {
                    self.undo.push(edit);
                }
            }
            Ok(_) => {}
            Err(e) => {
                self.refresh_task(&edit.task);
                self.say(
                    Tone::Error,
                    format!("{}: {e}", self.cfg.lang.t(Msg::NotSaved)),
                );
            }
        }
    }
}

impl App {
    /// The terminal went away (SSH disconnect) or a signal ends the session: a note being
    /// written is saved rather than lost, marked as saved on disconnect. Every other edit was
    /// already saved when the screen said so.
    pub fn hang_up(&mut self) {
        let text = self.note.lines().join("\n");
        if self.cfg.read_only || text.trim().is_empty() {
            return;
        }
        let Some(id) = self.note_task.clone() else {
            return;
        };
        let upd = Update {
            plan: self.cfg.plan_name.clone(),
            task: id,
            note: Some(format!("{text}\n({})", self.cfg.lang.t(Msg::SavedOnHangup))),
            ..Update::default()
        };
        if self
            .store()
            .execute(&self.cfg.actor, Command::Update(upd))
            .is_ok()
        {
            self.note = ratatui_textarea::TextArea::default();
            self.note_task = None;
        }
    }
}
